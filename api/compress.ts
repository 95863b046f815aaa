import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * Compression of the API's JSON (docs/decisions/172-compressed-json.md): brotli when the
 * client takes it, otherwise gzip through Hono's own `compress` middleware, which also
 * decides everything else (threshold, content types, HEAD, ranges, `no-transform`, Vary,
 * weak ETags). Hono's middleware knows gzip and deflate only, so brotli is the one
 * encoding added here, with the same rules. Brotli at quality 4: close to gzip's speed on
 * a freshly made body, and still smaller; the highest qualities belong to files compressed
 * once at build time.
 */

const THRESHOLD_BYTES = 1024;
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\b/i;
const BROTLI_QUALITY = 4;
const brotli = promisify(brotliCompress);

/** True when Accept-Encoding names `br` with a non-zero weight. */
export function acceptsBrotli(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'br') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function compressJson(): MiddlewareHandler {
  const gzip = compress({
    encoding: 'gzip',
    threshold: THRESHOLD_BYTES,
    contentTypeFilter: JSON_TYPE,
  });
  return async (c, next) => {
    if (!acceptsBrotli(c.req.header('Accept-Encoding'))) return gzip(c, next);
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    const length = res.headers.get('Content-Length');
    const cacheControl = res.headers.get('Cache-Control') ?? '';
    if (
      res.status === 206 ||
      res.body === null ||
      c.req.method === 'HEAD' ||
      res.headers.has('Content-Encoding') ||
      res.headers.has('Transfer-Encoding') ||
      !JSON_TYPE.test(type) ||
      (length !== null && Number(length) < THRESHOLD_BYTES) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(cacheControl)
    ) {
      return;
    }
    // The API's JSON is a string in memory already (c.json): one compression call on the
    // whole of it, in the thread pool, costs far less than a stream of chunks through web
    // streams, and a body that turns out small is sent as it is.
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength < THRESHOLD_BYTES) {
      c.res = new Response(bytes, res);
      return;
    }
    const compressed = await brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    });
    c.res = new Response(new Uint8Array(compressed), res);
    const headers = c.res.headers;
    headers.delete('Content-Length');
    headers.set('Content-Encoding', 'br');
    const vary = headers.get('Vary');
    if (vary === null) headers.set('Vary', 'Accept-Encoding');
    else if (!/accept-encoding/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
    const etag = headers.get('ETag');
    if (etag !== null && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  };
}
