import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Database } from '../db/client.ts';
import { createApp } from './app.ts';
import type { Clock } from './clock.ts';
import type { ServerEnv } from './env.ts';
import { buildSite } from './site-build.ts';
import { createSiteApp, isSiteBuilt } from './site-server.ts';

export interface RunningPortal {
  /** e.g. http://127.0.0.1:8787 (no trailing slash). */
  origin: string;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/**
 * Serves the API and the built site on one origin (building the site first if it is not
 * built). Paths under /api/ and /healthz go to the API; everything else is the site.
 */
export async function startPortal(options: {
  env: ServerEnv;
  database: Database;
  clock: Clock;
  log: (line: string) => void;
}): Promise<RunningPortal> {
  const { env, database, clock, log } = options;
  if (!isSiteBuilt(env.siteDir)) {
    log('Building the site (first start)…');
    await buildSite({ databaseUrl: env.databaseUrl, outDir: env.siteDir });
  }
  const api = createApp({ db: database, clock, config: env.config });
  const site = createSiteApp(env.siteDir);
  const server = serve({
    fetch: (request, ...rest) => {
      const { pathname } = new URL(request.url);
      const target = pathname.startsWith('/api/') || pathname === '/healthz' ? api : site.app;
      return target.fetch(request, ...rest);
    },
    hostname: env.host,
    port: env.port,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would hold close() open; busy ones finish first.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
