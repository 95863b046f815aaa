import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { type LoggedEnv, type Logger, requestLog } from './log.ts';

export function isSiteBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

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

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of a built site,
 * once per build, so the server sends compressed bytes without compressing per request.
 */
export async function precompressSite(dir: string): Promise<void> {
  await Promise.all(
    filesOf(dir, COMPRESSIBLE).map(async (file) => {
      const content = await readFile(file);
      if (content.length < MIN_COMPRESS_BYTES) return;
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
    }),
  );
}

/**
 * The site's Content-Security-Policy, computed from the built HTML: Astro emits a few small
 * inline scripts (the island loader, tiny module scripts) and inline styles; each is allowed
 * by its sha256 hash and nothing else inline is. No CDN: every other resource is the site's
 * own, and the live island talks only to this origin's API.
 */
export function contentSecurityPolicy(root: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  if (existsSync(root)) {
    for (const file of htmlFiles(root)) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(INLINE_SCRIPT)) scripts.add(sha256(match[1] ?? ''));
      for (const match of html.matchAll(INLINE_STYLE)) styles.add(sha256(match[1] ?? ''));
    }
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

/**
 * Serves the built static site from a folder that can be swapped whole (a rebuild writes a
 * fresh folder, then `setRoot` points here): a request sees one build, never a mix.
 */
export function createSiteApp(initialRoot: string, options: { logger?: Logger } = {}) {
  let root = initialRoot;
  const serve = (from: string): MiddlewareHandler =>
    serveStatic({ root: from, precompressed: true });
  let handler = serve(root);
  // Computed on the first page served from a root, then kept until the root changes.
  let csp: string | undefined;
  const app = new Hono<LoggedEnv>();
  if (options.logger) app.use('*', requestId(), requestLog(options.logger, { route: 'site' }));
  app.use('*', async (c, next) => {
    const servedRoot = root;
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.req.path.startsWith('/_astro/')) {
      // Astro fingerprints these file names: a new build gets new names.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    } else if (type.startsWith('text/html')) {
      c.header('Cache-Control', 'public, max-age=30, stale-while-revalidate=60');
    }
    if (COMPRESSIBLE_TYPE.test(type)) c.header('Vary', 'Accept-Encoding');
    if (type.startsWith('text/html')) {
      if (servedRoot === root) csp ??= contentSecurityPolicy(root);
      c.header(
        'Content-Security-Policy',
        servedRoot === root && csp ? csp : contentSecurityPolicy(servedRoot),
      );
    }
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  });
  app.use('*', (c, next) => handler(c, next));
  app.notFound((c) => {
    const page = join(root, '404.html');
    return existsSync(page) ? c.html(readFileSync(page, 'utf8'), 404) : c.text('Not found', 404);
  });
  return {
    app,
    get root() {
      return root;
    },
    setRoot(next: string) {
      root = next;
      handler = serve(root);
      csp = undefined;
    },
  };
}
