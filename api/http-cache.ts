/**
 * What the in-memory answers share (the built site, the cached public status): choosing a
 * content encoding, matching a validator, and the request id. Each runs per request, so
 * each is a few string operations, never a parse of the whole request.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

/** Distinct Accept-Encoding values are few (one per browser family): each is parsed once. */
const negotiated = new Map<string, Encoding>();
const MAX_REMEMBERED = 64;

/**
 * The encoding to send for an Accept-Encoding header: brotli when the client takes it,
 * else gzip, else none. A coding with `q=0` is refused (RFC 9110 §12.5.3), so is one that
 * only `*` would cover when `*;q=0`.
 */
export function preferredEncoding(acceptEncoding: string | null | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const known = negotiated.get(acceptEncoding);
  if (known !== undefined) return known;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';');
    const q = params
      .map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1])
      .find((value) => value !== undefined);
    weights.set(name.trim().toLowerCase(), q === undefined ? 1 : Number(q));
  }
  const accepts = (coding: string) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  const choice: Encoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
  if (negotiated.size >= MAX_REMEMBERED) negotiated.clear();
  negotiated.set(acceptEncoding, choice);
  return choice;
}

/**
 * True when If-None-Match names `etag`. The weak comparison (RFC 9110 §13.1.2): `W/"x"`
 * and `"x"` match. `*` matches any current representation.
 */
export function noneMatchHits(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  // The common case, a client echoing the one tag it was given, without splitting.
  if (ifNoneMatch === etag || ifNoneMatch === opaque) return true;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === opaque;
  });
}

const GOOD_REQUEST_ID = /^[\w\-=]{1,255}$/;

/** The caller's X-Request-Id when it is a sane token (as hono's requestId()), else a new one. */
export function requestIdOf(header: string | null | undefined): string {
  return header && GOOD_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/**
 * The path of a request URL (`http://host/a/b?x` → `/a/b`) without building a URL object,
 * percent-decoded; null when the escapes are broken.
 */
export function pathOf(url: string): string | null {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  let end = url.length;
  const query = url.indexOf('?', start);
  if (query >= 0) end = query;
  const hash = url.indexOf('#', start);
  if (hash >= 0 && hash < end) end = hash;
  const path = url.slice(start, end);
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
