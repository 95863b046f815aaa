import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliDecompress as brotliDecompressCb,
  constants,
  gunzip,
  gzip,
} from 'node:zlib';
import { getMimeType } from 'hono/utils/mime';
import {
  type Encoding,
  noneMatchHits,
  pathOf,
  preferredEncoding,
  requestIdOf,
} from './http-cache.ts';
import type { Logger } from './log.ts';

/**
 * Written beside the pages of each build: what it was built from (api/site-fingerprint.ts).
 * Never served.
 */
export const BUILD_RECORD = '.portal-build.json';

/**
 * Written by `precompressSite` beside a build's compressed copies: for each file it compressed,
 * the sha256 of the bytes its `.br` and `.gz` copies hold. Never served.
 */
export const COPIES_RECORD = '.portal-copies.json';

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('base64url');

const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:javascript|json|xml|atom\+xml)|image\/svg)/;

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function filesOf(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const htmlFiles = (dir: string) => filesOf(dir, /\.html$/);

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|xml|txt|webmanifest)$/;
/** Smaller files gain too little from compression to be worth a second copy. */
const MIN_COMPRESS_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const brotliDecompress = promisify(brotliDecompressCb);
const gunzipAsync = promisify(gunzip);

/**
 * Copies `file`'s `.br` and `.gz` from the same file of an earlier build; false when either
 * is missing there (it is then compressed anew).
 */
async function copiesTaken(earlierFile: string, file: string): Promise<boolean> {
  try {
    await Promise.all([
      copyFile(`${earlierFile}.br`, `${file}.br`),
      copyFile(`${earlierFile}.gz`, `${file}.gz`),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of a built site,
 * once per build, so the server sends compressed bytes without compressing per request.
 * Given the build it replaces (`earlierDir`), a file whose bytes that build's copies record
 * also holds takes its copies from there: the same bytes brotli 11 and gzip 9 would write
 * again, and most of a rebuild's files (its scripts and styles, most pages) are unchanged.
 */
export async function precompressSite(dir: string, earlierDir?: string): Promise<void> {
  const earlier =
    earlierDir === undefined ? new Map<string, string>() : await readCopiesRecord(earlierDir);
  const files = filesOf(dir, COMPRESSIBLE).sort();
  const hashes = await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      if (content.length < MIN_COMPRESS_BYTES) return null;
      const name = relative(dir, file).split(sep).join('/');
      const hash = sha256Of(content);
      if (
        earlierDir !== undefined &&
        earlier.get(name) === hash &&
        (await copiesTaken(join(earlierDir, name), file))
      ) {
        return [name, hash] as const;
      }
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipAsync(content, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      return [name, hash] as const;
    }),
  );
  // In the files' sorted order, not the compressions' (which vary): the same site, the same
  // record.
  const copies = Object.fromEntries(hashes.filter((entry) => entry !== null));
  await writeFile(join(dir, COPIES_RECORD), `${JSON.stringify(copies)}\n`);
}

/** What `precompressSite` recorded in `root`: file name → sha256 of its copies' bytes. */
async function readCopiesRecord(root: string): Promise<Map<string, string>> {
  try {
    const record: unknown = JSON.parse(await readFile(join(root, COPIES_RECORD), 'utf8'));
    if (typeof record !== 'object' || record === null) return new Map();
    return new Map(
      Object.entries(record).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return new Map();
  }
}

/**
 * The site's Content-Security-Policy, computed from the built HTML: Astro emits a few small
 * inline scripts (the island loader, tiny module scripts) and inline styles; each is allowed
 * by its sha256 hash and nothing else inline is. No CDN: every other resource is the site's
 * own, and the live island talks only to this origin's API.
 */
export function contentSecurityPolicy(root: string): string {
  return policyOf(
    existsSync(root) ? htmlFiles(root).map((file) => readFileSync(file, 'utf8')) : [],
  );
}

function policyOf(pages: Iterable<string>): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const html of pages) {
    for (const match of html.matchAll(INLINE_SCRIPT)) scripts.add(sha256(match[1] ?? ''));
    for (const match of html.matchAll(INLINE_STYLE)) styles.add(sha256(match[1] ?? ''));
  }
  return [
    "default-src 'none'",
    `script-src 'self' ${[...scripts].sort().join(' ')}`.trim(),
    `style-src 'self' ${[...styles].sort().join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** One encoding of one file, with every header it is sent with, computed once at load. */
interface Variant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: Record<string, string>;
  /** The same without the body's own headers, for a 304. */
  notModified: Record<string, string>;
}

interface SiteFile {
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
}

/** One build, held in memory: every file under each path that names it. */
interface LoadedSite {
  root: string;
  files: Map<string, SiteFile>;
  notFound: SiteFile | undefined;
  /** Bytes held (all encodings), for the log and the benchmark. */
  bytes: number;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** A strong validator of the bytes: a different encoding is a different representation. */
const strongEtag = (sha256: string) => `"${sha256.slice(0, 27)}"`;

function variantOf(
  body: Buffer,
  etag: string,
  base: Record<string, string>,
  encoding: Encoding,
): Variant {
  const notModified = { ...base, etag };
  return {
    body: bytesOf(body),
    etag,
    notModified,
    headers: {
      ...notModified,
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      'content-length': String(body.length),
    },
  };
}

/** The bytes as a Response body takes them (a copy only if they sit in shared memory). */
function bytesOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  const { buffer: memory, byteOffset, byteLength } = buffer;
  return memory instanceof ArrayBuffer
    ? new Uint8Array(memory, byteOffset, byteLength)
    : new Uint8Array(buffer);
}

/**
 * The compressed copy beside `file` when it holds exactly `raw`; else a fresh one. A copy the
 * build's record vouches for (its sha256 of the source is `raw`'s) is taken as it is:
 * decompressing every copy to compare it left the server's native heap about 10 MB larger
 * (docs/decisions/209). Any other copy is decompressed and compared.
 */
async function compressedCopy(
  file: string,
  raw: Buffer,
  encoding: 'br' | 'gzip',
  onDisk: boolean,
  vouched: boolean,
): Promise<Buffer> {
  if (onDisk) {
    const copy = await readFile(`${file}${encoding === 'br' ? '.br' : '.gz'}`);
    if (vouched) return copy;
    // A copy left by an earlier build over the same folder would serve old bytes.
    const decoded = await (encoding === 'br' ? brotliDecompress(copy) : gunzipAsync(copy)).catch(
      () => null,
    );
    if (decoded?.equals(raw)) return copy;
  }
  return encoding === 'br'
    ? brotli(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      })
    : gzipAsync(raw, { level: 9 });
}

/**
 * Reads a built site into memory: each file, its brotli and gzip copies (the build's, checked
 * against the file, or made here), strong ETags and the headers of each answer.
 */
export async function loadSite(root: string): Promise<LoadedSite> {
  const names = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((name) => name !== BUILD_RECORD && name !== COPIES_RECORD);
  const recorded = await readCopiesRecord(root);
  const present = new Set(names);
  const isCopy = (name: string) => {
    const source = name.replace(/\.(?:br|gz)$/, '');
    return source !== name && present.has(source) && COMPRESSIBLE.test(source);
  };
  const sources = names.filter((name) => !isCopy(name));
  // One file at a time, here and below: hundreds of reads and decompressions at once would
  // raise the native heap to a peak that glibc keeps after the load (docs/decisions/209).
  const contents = new Map<string, Buffer>();
  for (const name of sources) contents.set(name, await readFile(join(root, name)));
  const csp = policyOf(
    [...contents].filter(([name]) => name.endsWith('.html')).map(([, raw]) => raw.toString()),
  );
  const files = new Map<string, SiteFile>();
  let bytes = 0;
  for (const name of sources) {
    const raw = contents.get(name) ?? Buffer.alloc(0);
    const type = getMimeType(name) ?? 'application/octet-stream';
    const base: Record<string, string> = { 'content-type': type, ...SECURITY_HEADERS };
    if (name.startsWith('_astro/')) {
      // Astro fingerprints these file names: a new build gets new names.
      base['cache-control'] = 'public, max-age=31536000, immutable';
    } else if (type.startsWith('text/html')) {
      base['cache-control'] = 'public, max-age=30, stale-while-revalidate=60';
    }
    if (type.startsWith('text/html')) base['content-security-policy'] = csp;
    const compressible = COMPRESSIBLE.test(name) || COMPRESSIBLE_TYPE.test(type);
    if (compressible) base.vary = 'Accept-Encoding';
    const sha256 = sha256Of(raw);
    const etag = strongEtag(sha256);
    const vouched = recorded.get(name) === sha256;
    const file: SiteFile = { identity: variantOf(raw, etag, base, 'identity') };
    if (compressible && raw.length >= MIN_COMPRESS_BYTES) {
      const path = join(root, name);
      const [br, gz] = await Promise.all([
        compressedCopy(path, raw, 'br', present.has(`${name}.br`), vouched),
        compressedCopy(path, raw, 'gzip', present.has(`${name}.gz`), vouched),
      ]);
      // Only a copy that is smaller is worth sending.
      if (br.length < raw.length) {
        file.br = variantOf(br, etag.replace(/"$/, '-br"'), base, 'br');
      }
      if (gz.length < raw.length) {
        file.gzip = variantOf(gz, etag.replace(/"$/, '-gz"'), base, 'gzip');
      }
    }
    bytes += raw.length + (file.br?.body.length ?? 0) + (file.gzip?.body.length ?? 0);
    files.set(`/${name}`, file);
    // `/incidents/7/index.html` is also `/incidents/7/` and `/incidents/7`.
    if (name === 'index.html') files.set('/', file);
    else if (name.endsWith('/index.html')) {
      const dir = `/${name.slice(0, -'/index.html'.length)}`;
      files.set(`${dir}/`, file);
      files.set(dir, file);
    }
  }
  return { root, files, notFound: files.get('/404.html'), bytes };
}

function pick(file: SiteFile, acceptEncoding: string | null): Variant {
  const encoding = preferredEncoding(acceptEncoding);
  return (
    (encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined) ??
    (encoding === 'br' ? file.gzip : undefined) ??
    file.identity
  );
}

/** The fetch of the site, and `request(path)` as Hono's, for tests. */
export interface SiteHandler {
  fetch(request: Request): Response;
  request(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Serves the built static site from memory. A rebuild writes a fresh folder; `setRoot` reads
 * it whole into memory and only then answers from it: a request sees one build, never a mix,
 * and never a file changed on disk after the load. A GET whose If-None-Match holds the
 * file's ETag is answered 304 before anything else is done.
 */
export async function createSiteApp(initialRoot: string, options: { logger?: Logger } = {}) {
  let site = await loadSite(initialRoot);
  /** Loads started; only the newest one is swapped in, whatever order they finish in. */
  let loads = 0;
  const { logger } = options;

  const answer = (request: Request, requestId: string): Response => {
    const { method } = request;
    const path = pathOf(request.url);
    const file =
      (method === 'GET' || method === 'HEAD') && path !== null ? site.files.get(path) : undefined;
    if (file === undefined) {
      const page = site.notFound;
      if (page === undefined) {
        return new Response('Not found', {
          status: 404,
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            ...SECURITY_HEADERS,
            'x-request-id': requestId,
          },
        });
      }
      const variant = pick(page, request.headers.get('accept-encoding'));
      const { etag: _none, ...headers } = variant.headers;
      return new Response(method === 'HEAD' ? null : variant.body, {
        status: 404,
        headers: { ...headers, 'x-request-id': requestId },
      });
    }
    const { headers } = request;
    const variant = pick(file, headers.get('accept-encoding'));
    if (noneMatchHits(headers.get('if-none-match'), variant.etag)) {
      return new Response(null, {
        status: 304,
        headers: { ...variant.notModified, 'x-request-id': requestId },
      });
    }
    return new Response(method === 'HEAD' ? null : variant.body, {
      status: 200,
      headers: { ...variant.headers, 'x-request-id': requestId },
    });
  };

  const fetch = (request: Request): Response => {
    const startedMs = performance.now();
    const requestId = requestIdOf(request.headers.get('x-request-id'));
    const response = answer(request, requestId);
    logger?.info(
      {
        requestId,
        method: request.method,
        route: 'site',
        status: response.status,
        durationMs: Math.round((performance.now() - startedMs) * 10) / 10,
        principal: 'anonymous',
      },
      'request',
    );
    return response;
  };

  const app: SiteHandler = {
    fetch,
    request: async (path, init) => fetch(new Request(new URL(path, 'http://localhost'), init)),
  };
  return {
    app,
    fetch,
    get root() {
      return site.root;
    },
    /** Bytes of the served build held in memory (all encodings). */
    get bytes() {
      return site.bytes;
    },
    /** Reads `next` into memory, then serves it. */
    async setRoot(next: string): Promise<void> {
      loads += 1;
      const load = loads;
      const loaded = await loadSite(next);
      if (load === loads) site = loaded;
    },
  };
}

export type SiteApp = Awaited<ReturnType<typeof createSiteApp>>;
