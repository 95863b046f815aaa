import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Deps } from './context.ts';
import { noneMatchHits, pathOf, preferredEncoding, requestIdOf } from './http-cache.ts';
import { currentSnapshot, type Representation } from './infra/status-cache.ts';
import type { Logger } from './log.ts';
import { cachedStatus } from './services/status.ts';

/**
 * GET /api/v1/status and /services answered from the status cache before anything else of
 * the API runs (docs/decisions/175): no session lookup, no body check, no router. These are
 * public, the same for every caller, and polled by every open status page.
 */
type Which = 'status' | 'services';
const ROUTES = { status: '/api/v1/status', services: '/api/v1/services' } as const;
const FAST_PATHS: Record<string, Which> = {
  [ROUTES.status]: 'status',
  [ROUTES.services]: 'services',
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

/** One answer to a representation, all but the request id made once. */
interface Answer {
  status: 200 | 304;
  body: Uint8Array<ArrayBuffer> | null;
  headers: Readonly<Record<string, string>>;
}

/** The answers to one representation: its 304 and its 200 in each encoding. */
interface Answers {
  notModified: Answer;
  identity: Answer;
  br: Answer | null;
  gzip: Answer | null;
}

export interface StatusFastPath {
  /** The first middleware of the API: answers from the cache, reading it when due. */
  middleware: MiddlewareHandler;
  /**
   * The answer when it needs no I/O (the cache is current), before any app runs; null when
   * the request is not one of these or the cache must be read: then the app answers it.
   */
  answerNow(request: Request): Response | null;
}

export function createStatusFastPath(options: {
  deps: Deps;
  logger: Logger;
  /** The API's security headers middleware: these answers carry the same headers. */
  securityHeaders: MiddlewareHandler;
}): StatusFastPath {
  const { deps, logger } = options;
  const { publicMaxAgeSeconds, publicStaleSeconds } = deps.config;
  const cacheControl = `public, max-age=${publicMaxAgeSeconds}, stale-while-revalidate=${publicStaleSeconds}`;
  let baseHeaders: Record<string, string> | null = null;
  const baseHeadersRead = headersAddedBy(options.securityHeaders).then((headers) => {
    baseHeaders = headers;
    return headers;
  });
  // The answers' headers are made once per representation (a new one comes at most every
  // few seconds); a request adds only its id. Keyed per instance: the base headers are its own.
  const prepared = new WeakMap<Representation, Answers>();
  const answersOf = (representation: Representation, base: Record<string, string>): Answers => {
    let answers = prepared.get(representation);
    if (answers === undefined) {
      const common = {
        ...base,
        'cache-control': cacheControl,
        etag: representation.etag,
        vary: 'Accept-Encoding',
      };
      const json = { ...common, 'content-type': 'application/json; charset=utf-8' };
      const encoded = encodedOf(representation);
      const compressed = (body: Uint8Array<ArrayBuffer> | null, coding: string): Answer | null =>
        body === null
          ? null
          : { status: 200, body, headers: { ...json, 'content-encoding': coding } };
      answers = {
        notModified: { status: 304, body: null, headers: common },
        identity: { status: 200, body: encoded.body, headers: json },
        br: compressed(encoded.br, 'br'),
        gzip: compressed(encoded.gzip, 'gzip'),
      };
      prepared.set(representation, answers);
    }
    return answers;
  };
  // The request log's line: the fields that never change for an answer are serialised once,
  // by pino itself (a child's bindings), so a request adds only its id and duration.
  const lineLoggersOf = (route: string): Record<Answer['status'], Logger> => {
    const fixed = { method: 'GET', route, principal: 'anonymous' };
    return {
      200: logger.child({ ...fixed, status: 200 }),
      304: logger.child({ ...fixed, status: 304 }),
    };
  };
  const lineLoggers: Record<Which, Record<Answer['status'], Logger>> = {
    status: lineLoggersOf(ROUTES.status),
    services: lineLoggersOf(ROUTES.services),
  };

  /** Which answer, or undefined when the request must take the whole way. */
  const fastPathOf = (method: string, path: string, url: string, headers: Headers) => {
    const which = method === 'GET' ? FAST_PATHS[path] : undefined;
    // Credentials (a key, a session, anything in the query) are checked as on every route:
    // a revoked key is refused and a key's use recorded. Anonymous polls take this path.
    if (
      which === undefined ||
      url.includes('?') ||
      hasCredentials(headers.get('cookie'), headers.get('authorization'))
    ) {
      return undefined;
    }
    return which;
  };

  const respond = (
    representation: Representation,
    base: Record<string, string>,
    headers: Headers,
    which: Which,
    startedMs: number,
  ): Response => {
    const answers = answersOf(representation, base);
    const requestId = requestIdOf(headers.get('x-request-id'));
    let answer: Answer;
    if (noneMatchHits(headers.get('if-none-match'), representation.etag)) {
      answer = answers.notModified;
    } else {
      const encoding = preferredEncoding(headers.get('accept-encoding'));
      answer = (encoding === 'identity' ? null : answers[encoding]) ?? answers.identity;
    }
    const response = new Response(answer.body, {
      status: answer.status,
      headers: { ...answer.headers, 'x-request-id': requestId },
    });
    lineLoggers[which][answer.status].info(
      { requestId, durationMs: Math.round((performance.now() - startedMs) * 10) / 10 },
      'request',
    );
    return response;
  };

  return {
    middleware: async (c, next) => {
      const headers = c.req.raw.headers;
      const which = fastPathOf(c.req.method, c.req.path, c.req.url, headers);
      if (which === undefined) return next();
      const startedMs = performance.now();
      let representation: Representation;
      try {
        representation = (await cachedStatus(deps))[which];
      } catch {
        // The route answers the same failure in the API's error shape (busy database, …).
        return next();
      }
      return respond(representation, await baseHeadersRead, headers, which, startedMs);
    },
    answerNow: (request) => {
      const startedMs = performance.now();
      const url = request.url;
      const path = pathOf(url);
      if (path === null || baseHeaders === null) return null;
      const which = fastPathOf(request.method, path, url, request.headers);
      if (which === undefined) return null;
      const snapshot = currentSnapshot(deps);
      if (snapshot === null) return null;
      return respond(snapshot[which], baseHeaders, request.headers, which, startedMs);
    },
  };
}
