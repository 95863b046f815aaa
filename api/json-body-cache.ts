import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import type { Context } from 'hono';
import { type Encoding, noneMatchHits, preferredEncoding } from './http-cache.ts';

/**
 * Finished JSON answers kept with their compressed bytes (docs/decisions/178): for a
 * response that is the same for as long as its inputs are, such as a customer's closed
 * months. The caller names the inputs in the key; nothing here decides what is fresh.
 */

/** Below this a compressed copy saves too little to be worth its bytes. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Each body is compressed once, on its first request in an encoding, and then served many
 * times: a higher brotli quality than a body made afresh would be worth (ADR 172) pays here,
 * and quality 5 still takes a few milliseconds on a year of daily figures.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/**
 * A year of one customer's daily figures is about 0.4 MB with its compressed copies: 32 MB
 * keeps the closed months of many customers without troubling the idle memory budget.
 */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

export interface CachedBody {
  /** The strong validator of the identity bytes; compressed bytes carry it with a suffix. */
  etag: string;
  body: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer> | null;
  gzip?: Uint8Array<ArrayBuffer> | null;
}

/** The validator of one encoding: each encoding's bytes differ, so each has its own tag. */
function etagOf(entry: CachedBody, encoding: Encoding): string {
  return encoding === 'identity' ? entry.etag : `${entry.etag.slice(0, -1)}-${encoding}"`;
}

function bytesOf(entry: CachedBody): number {
  return entry.body.byteLength + (entry.br?.byteLength ?? 0) + (entry.gzip?.byteLength ?? 0);
}

/** A digest of a key, so that long keys cost a few dozen bytes each in the map. */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

const caches = new WeakMap<object, JsonBodyCache>();

/** The bodies kept for `owner` (a database: two in one process never share an entry). */
export function jsonBodyCacheOf(owner: object, maxBytes = MAX_CACHE_BYTES): JsonBodyCache {
  let cache = caches.get(owner);
  if (cache === undefined) {
    cache = new JsonBodyCache(maxBytes);
    caches.set(owner, cache);
  }
  return cache;
}

/** Bodies of one database, the least recently used dropped first beyond `maxBytes`. */
export class JsonBodyCache {
  readonly #entries = new Map<string, CachedBody>();
  readonly #kept = new WeakSet<CachedBody>();
  /** Compressions running now, per body and encoding. */
  readonly #compressing = new WeakMap<
    CachedBody,
    Partial<Record<'br' | 'gzip', Promise<Uint8Array<ArrayBuffer>>>>
  >();
  #bytes = 0;

  readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedBody | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps `text` under `key` (a body larger than the whole cache is answered, not kept). */
  put(key: string, text: string): CachedBody {
    const body = new TextEncoder().encode(text);
    const entry: CachedBody = {
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      body,
    };
    this.#drop(key);
    if (body.byteLength <= this.maxBytes) {
      this.#entries.set(key, entry);
      this.#kept.add(entry);
      this.#bytes += body.byteLength;
      this.#trim();
    }
    return entry;
  }

  /**
   * The bytes to send in `encoding`, compressed on first use; null: send the identity bytes.
   * The first compression runs in the thread pool (brotli of a year of daily figures takes
   * 10–20 ms, which would stall every other request on the event loop), and requests that
   * ask while it runs wait for the same one.
   */
  encoded(
    entry: CachedBody,
    encoding: Encoding,
  ): Uint8Array<ArrayBuffer> | null | Promise<Uint8Array<ArrayBuffer>> {
    if (encoding === 'identity' || entry.body.byteLength < MIN_COMPRESS_BYTES) return null;
    const known = entry[encoding];
    if (known !== undefined) return known;
    const pending = this.#compressing.get(entry)?.[encoding];
    if (pending !== undefined) return pending;
    const making = (
      encoding === 'br'
        ? brotli(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
        : gzip(entry.body, { level: GZIP_LEVEL })
    ).then((compressed) => {
      const made = new Uint8Array(compressed);
      entry[encoding] = made;
      const jobs = this.#compressing.get(entry);
      if (jobs !== undefined) delete jobs[encoding];
      if (this.#kept.has(entry)) {
        this.#bytes += made.byteLength;
        this.#trim();
      }
      return made;
    });
    const jobs = this.#compressing.get(entry) ?? {};
    jobs[encoding] = making;
    this.#compressing.set(entry, jobs);
    // A failure reaches the request that waits; the next request tries again.
    making.catch(() => {
      const left = this.#compressing.get(entry);
      if (left !== undefined) delete left[encoding];
    });
    return making;
  }

  #drop(key: string): void {
    const old = this.#entries.get(key);
    if (old === undefined) return;
    this.#entries.delete(key);
    this.#kept.delete(old);
    this.#bytes -= bytesOf(old);
  }

  #trim(): void {
    while (this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) return;
      this.#drop(oldest.value);
    }
  }
}

/**
 * The answer for a kept body: 304 when the client's If-None-Match names it (in any encoding:
 * all are the same document), else its bytes in the encoding the client prefers. Customer
 * data: a browser may keep it but must ask again each time (`private, no-cache`), which is
 * what lets it send If-None-Match.
 */
export async function sendCachedJson(
  c: Context,
  cache: JsonBodyCache,
  entry: CachedBody,
): Promise<Response> {
  const encoding = preferredEncoding(c.req.header('accept-encoding'));
  const encoded = await cache.encoded(entry, encoding);
  const sent: Encoding = encoded === null ? 'identity' : encoding;
  c.header('ETag', etagOf(entry, sent));
  c.header('Vary', 'Accept-Encoding');
  c.header('Cache-Control', 'private, no-cache');
  const asked = c.req.header('if-none-match');
  if (
    noneMatchHits(asked, entry.etag) ||
    noneMatchHits(asked, etagOf(entry, 'br')) ||
    noneMatchHits(asked, etagOf(entry, 'gzip'))
  ) {
    return c.body(null, 304);
  }
  if (encoded !== null) c.header('Content-Encoding', sent);
  c.header('Content-Type', 'application/json');
  return c.body(encoded ?? entry.body, 200);
}
