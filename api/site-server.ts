import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

export function isSiteBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Serves the built static site from a folder that can be swapped whole (a rebuild writes a
 * fresh folder, then `setRoot` points here): a request sees one build, never a mix.
 */
export function createSiteApp(initialRoot: string) {
  let root = initialRoot;
  let handler: MiddlewareHandler = serveStatic({ root });
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.req.path.startsWith('/_astro/')) {
      // Astro fingerprints these file names: a new build gets new names.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    } else if (type.startsWith('text/html')) {
      c.header('Cache-Control', 'public, max-age=30, stale-while-revalidate=60');
    }
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
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
      handler = serveStatic({ root });
    },
  };
}
