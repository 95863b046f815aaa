import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Database } from '../db/client.ts';
import { API_SECURITY_HEADERS, type App, createApp } from './app.ts';
import type { Clock } from './clock.ts';
import { ownOrigins, type ServerEnv } from './env.ts';
import { pathOf } from './http-cache.ts';
import { faultsToConsole, type Logger } from './log.ts';
import { smtpTransport } from './notify/smtp.ts';
import { createOutboxWorker } from './notify/worker.ts';
import { buildSite } from './site-build.ts';
import { newestBuild, siteFingerprint, writeBuildRecord } from './site-fingerprint.ts';
import { type RebuildTimings, startSiteRebuilds, statusFingerprint } from './site-rebuild.ts';
import { createSiteApp } from './site-server.ts';
import { createStatusFastPath, type StatusFastPath } from './status-fast-path.ts';

/** Whether a request URL is the API's (`/api/…`, `/healthz`), without parsing it whole. */
function isApiPath(url: string): boolean {
  const path = pathOf(url);
  return path !== null && (path.startsWith('/api/') || path === '/healthz');
}

export interface RunningPortal {
  /** e.g. http://127.0.0.1:8787 (no trailing slash). */
  origin: string;
  /** The origins the Origin check accepts and links use (with the real port for PORT=0). */
  origins: string[];
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/**
 * Serves the API and the built site on one origin (building the site first if it is not
 * built). Paths under /api/ and /healthz go to the API; everything else is the site, kept
 * current by rebuilds on status changes and after each UTC midnight (api/site-rebuild.ts).
 */
export async function startPortal(options: {
  env: ServerEnv;
  database: Database;
  clock: Clock;
  log: (line: string) => void;
  /** The request log (one JSON line per request); without one, only faults, on stderr. */
  logger?: Logger;
  /** Rebuild timings (tests shorten them), or false for no rebuilds. */
  siteRebuilds?: Partial<RebuildTimings> | false;
  /** Whether this process runs the outbox worker (docs/decisions/150); on unless false. */
  outboxWorker?: boolean;
  /** Aborting it while starting kills a first build under way (the server is stopping). */
  signal?: AbortSignal;
}): Promise<RunningPortal> {
  const { env, database, clock, log } = options;
  // Origins are settled once listening (below); the fingerprint and builds need none.
  const dataDeps = { db: database, clock, config: env.config };
  /** Builds into `outDir`, then records what it was built from (docs/decisions/176). */
  const build = async (outDir: string, signal?: AbortSignal, earlierDir?: string) => {
    const builtAtMs = clock.now();
    // Taken before the build: a change during it leaves an older record, so a later start
    // rebuilds rather than trusts pages that may miss the change.
    const fingerprint = await siteFingerprint(dataDeps);
    await buildSite({
      databaseUrl: env.databaseUrl,
      outDir,
      asOfMs: builtAtMs,
      ...(signal ? { signal } : {}),
      ...(earlierDir === undefined ? {} : { earlierDir }),
    });
    writeBuildRecord(outDir, { fingerprint, builtAtMs });
  };
  let served = newestBuild(env.siteDir);
  let upToDate = true;
  if (served === null) {
    log('Building the site (first start)…');
    await build(env.siteDir, options.signal);
    served = { dir: env.siteDir, record: null };
  } else {
    upToDate = served.record?.fingerprint === (await siteFingerprint(dataDeps));
    if (upToDate) log('The site is unchanged since its last build: not rebuilt.');
  }
  const site = await createSiteApp(served.dir, options.logger ? { logger: options.logger } : {});
  let api: App | undefined;
  let statusNow: StatusFastPath['answerNow'] | undefined;
  const server = serve({
    fetch: (request, ...rest) => {
      if (!isApiPath(request.url)) return site.fetch(request);
      // Only between listening and the next lines of this function; never seen in practice.
      if (api === undefined || statusNow === undefined) return new Response(null, { status: 503 });
      // The public status while its cache is current, answered synchronously: no app, no
      // promise (the adapter then writes it at once). Otherwise the app (its first middleware).
      return statusNow(request) ?? api.fetch(request, ...rest);
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
  // With PORT=0 the port is known only now: origins derived from HOST and PORT use it, so
  // the Origin check and links in invitations name the address the portal really has.
  const config = env.originsConfigured
    ? env.config
    : { ...env.config, origins: ownOrigins(env.host, address.port) };
  const deps = { db: database, clock, config };
  api = createApp(options.logger ? { ...deps, logger: options.logger } : deps);
  statusNow = createStatusFastPath({
    deps,
    logger: options.logger ?? faultsToConsole(),
    securityHeaders: API_SECURITY_HEADERS,
  }).answerNow;
  const rebuilds =
    options.siteRebuilds === false
      ? null
      : startSiteRebuilds({
          site,
          siteDir: env.siteDir,
          // A rebuild takes the served build's copies of the files it did not change.
          build: (outDir, signal) => build(outDir, signal, site.root),
          fingerprint: () => statusFingerprint(deps),
          clock,
          log,
          rebuildAtStart: !upToDate,
          timings: options.siteRebuilds,
        });
  const mail = config.smtpUrl === null ? null : smtpTransport(config.smtpUrl);
  const worker =
    options.outboxWorker === false
      ? null
      : createOutboxWorker({ ...deps, logger: options.logger ?? faultsToConsole(), mail });
  worker?.start();
  return {
    origin: `http://${host}:${address.port}`,
    origins: config.origins,
    close: async () => {
      await rebuilds?.stop();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would hold close() open; busy ones finish first.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      // Deliveries under way finish and are recorded; nothing new is claimed.
      await worker?.stop();
      mail?.close();
    },
  };
}
