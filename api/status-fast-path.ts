import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Deps } from './context.ts';
import { noneMatchHits, preferredEncoding, requestIdOf } from './http-cache.ts';
import type { Representation } from './infra/status-cache.ts';
import type { Logger } from './log.ts';
import { cachedStatus } from './services/status.ts';

/**
 * GET /api/v1/status and /services answered from the status cache before anything else of
 * the API runs (docs/decisions/175): no session lookup, no body check, no router. These are
 * public, the same for every caller, and polled by every open status page.
 */
const FAST_PATHS: Record<string, 'status' | 'services'> = {
  '/api/v1/status': 'status',
  '/api/v1/services': 'services',
};

/** Below this a compressed copy saves too little to be worth its bytes. */
const MIN_COMPRESS_BYTES = 1024;

interface Encoded {
  body: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer> | null;
  gzip: Uint8Array<ArrayBuffer> | null;
}

/**
 * Each representation is encoded once, on its first request: the cache makes a new one at
 * most every few seconds, so a fast brotli level costs far less than it saves.
 */
const encodings = new WeakMap<Representation, Encoded>();

function encodedOf(representation: Representation): Encoded {
  let encoded = encodings.get(representation);
  if (encoded === undefined) {
    const body = new TextEncoder().encode(representation.body);
    const small = body.length < MIN_COMPRESS_BYTES;
    encoded = {
      body,
      br: small
        ? null
        : new Uint8Array(
            brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
          ),
      gzip: small ? null : new Uint8Array(gzipSync(body, { level: 6 })),
    };
    encodings.set(representation, encoded);
  }
  return encoded;
}

/** The headers `middleware` adds to every answer (the API's security headers), read once. */
async function headersAddedBy(middleware: MiddlewareHandler): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use('*', middleware);
  probe.get('/', (c) => c.body(null, 204));
  const response = await probe.request('/');
  return Object.fromEntries(response.headers);
}

const hasCredentials = (cookie: string | null, authorization: string | null) =>
  authorization !== null || (cookie?.includes('portal_session=') ?? false);

export function publicStatusFastPath(options: {
  deps: Deps;
  logger: Logger;
  /** The API's security headers middleware: these answers carry the same headers. */
  securityHeaders: MiddlewareHandler;
}): MiddlewareHandler {
  const { deps, logger } = options;
  const { publicMaxAgeSeconds, publicStaleSeconds } = deps.config;
  const cacheControl = `public, max-age=${publicMaxAgeSeconds}, stale-while-revalidate=${publicStaleSeconds}`;
  let baseHeaders: Promise<Record<string, string>> | undefined;
  return async (c, next) => {
    const which = c.req.method === 'GET' ? FAST_PATHS[c.req.path] : undefined;
    if (which === undefined) return next();
    // Credentials (a key, a session, anything in the query) are checked as on every route:
    // a revoked key is refused and a key's use recorded. Anonymous polls take this path.
    const raw = c.req.raw.headers;
    if (c.req.url.includes('?') || hasCredentials(raw.get('cookie'), raw.get('authorization'))) {
      return next();
    }
    const startedMs = performance.now();
    let representation: Representation;
    try {
      representation = (await cachedStatus(deps))[which];
    } catch {
      // The route answers the same failure in the API's error shape (busy database, …).
      return next();
    }
    baseHeaders ??= headersAddedBy(options.securityHeaders);
    const headers = c.req.raw.headers;
    const requestId = requestIdOf(headers.get('x-request-id'));
    const common = {
      ...(await baseHeaders),
      'cache-control': cacheControl,
      etag: representation.etag,
      vary: 'Accept-Encoding',
      'x-request-id': requestId,
    };
    let response: Response;
    if (noneMatchHits(headers.get('if-none-match'), representation.etag)) {
      response = new Response(null, { status: 304, headers: common });
    } else {
      const encoded = encodedOf(representation);
      const encoding = preferredEncoding(headers.get('accept-encoding'));
      const compressed = encoding === 'identity' ? null : encoded[encoding];
      response = new Response(compressed ?? encoded.body, {
        status: 200,
        headers: {
          ...common,
          'content-type': 'application/json; charset=utf-8',
          ...(compressed === null ? {} : { 'content-encoding': encoding }),
        },
      });
    }
    logger.info(
      {
        requestId,
        method: 'GET',
        route: c.req.path,
        status: response.status,
        durationMs: Math.round((performance.now() - startedMs) * 10) / 10,
        principal: 'anonymous',
      },
      'request',
    );
    return response;
  };
}
