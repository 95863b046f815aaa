import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { seedDemoData } from '../../api/bootstrap.ts';
import { type Clock, manualClock } from '../../api/clock.ts';
import type { ServerEnv } from '../../api/env.ts';
import { type RunningPortal, startPortal } from '../../api/portal.ts';
import type { RebuildTimings } from '../../api/site-rebuild.ts';
import { users } from '../../db/schema/index.ts';
import type { DemoLogin } from '../../db/seed/demo.ts';
import type { TestApp } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { createApiKey } from '../helpers/factories.ts';
import { demoSite } from './demo-site.ts';
import { siteClock, siteEnv } from './site-env.ts';

export { SITE_NOW_MS, siteClock } from './site-env.ts';

/**
 * A running portal for the site tests: a temporary database (the demo data set, or data the
 * test arranges), the site built into a temporary folder on first start (or a copy of the
 * run's demo build, `demoBuild`), the API and the
 * site on one origin at a free port, on a pinned clock that runs in real time (pin the
 * browser to the same clock: launchBrowser({ clock })). One per test file (the build takes
 * seconds).
 */
export interface SitePortal {
  origin: string;
  /** The portal's clock (the API, the site build, the seed). */
  clock: Clock;
  /** When the data was written (the demo plans its history from this instant). */
  seededAtMs: number;
  /** The demo's logins (with `demoBuild`; when the test arranges its data, none). */
  logins: DemoLogin[];
  db: TempDb;
  env: ServerEnv;
  portal: RunningPortal;
  /** Log lines of the portal (builds, rebuilds). */
  log: string[];
  /** An ingest key's Authorization header (a monitor's credentials). */
  ingestHeaders(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startSitePortal(
  options: {
    /** The portal's clock; the default is siteClock(). */
    clock?: Clock;
    /**
     * Serve a copy of the run's demo database and of the site built from it
     * (tests/site/demo-site.ts), instead of writing data and building here. `arrange` then
     * runs on the copy, after the demo data: the pages were built before it, so it must not
     * change what the public pages show.
     */
    demoBuild?: boolean;
    /** Writes the data; the default is the demo data set. */
    arrange?: (db: TempDb, env: ServerEnv, clock: Clock) => Promise<void>;
    /** Rebuild timings, or false (the default) for none. */
    siteRebuilds?: Partial<RebuildTimings> | false;
    /** Called before the portal starts (e.g. to lay a previous build in the folder). */
    beforeStart?: (siteDir: string) => void;
    /** Environment on top of the test's (SMTP_URL…). */
    env?: Record<string, string>;
    /** Run the outbox worker (off unless asked: most site tests need no mail). */
    outboxWorker?: boolean;
  } = {},
): Promise<SitePortal> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-site-'));
  const demo = options.demoBuild ? await demoSite() : undefined;
  const db = await tempDb(demo ? { from: demo.dbPath } : {});
  const siteDir = join(dir, 'site');
  const env = siteEnv(db.path, siteDir, options.env);
  const log: string[] = [];
  const record = (line: string) => {
    log.push(line);
  };
  const clock = options.clock ?? siteClock();
  const seededAtMs = demo ? demo.seededAtMs : clock.now();
  let logins: DemoLogin[] = demo ? demo.logins : [];
  let portal: RunningPortal;
  try {
    if (demo) cpSync(demo.siteDir, siteDir, { recursive: true });
    if (options.arrange) await options.arrange(db, env, clock);
    else if (!demo) logins = await seedDemoData(db, env, clock, record);
    options.beforeStart?.(siteDir);
    portal = await startPortal({
      env,
      database: db,
      clock,
      log: record,
      siteRebuilds: options.siteRebuilds ?? false,
      outboxWorker: options.outboxWorker ?? false,
    });
  } catch (error) {
    // A failed build leaves nothing behind either.
    db.dispose();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let headers: Promise<Record<string, string>> | undefined;
  return {
    origin: portal.origin,
    clock,
    seededAtMs,
    logins,
    db,
    env,
    portal,
    log,
    ingestHeaders() {
      headers ??= (async () => {
        const t = appOn(db, env, clock);
        const admin = await db.db.select().from(users).where(eq(users.role, 'admin')).get();
        if (!admin) throw new Error('the arranged data has no admin to own an API key');
        return (await createApiKey(t, ['ingest'], { createdByUserId: admin.id })).headers;
      })();
      return headers;
    },
    async close() {
      await portal.close();
      db.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The database as a TestApp, for the factories of tests/helpers (arranging data): the app on
 * the portal's clock, the factories' clock set to its present moment.
 */
export function appOn(db: TempDb, env: ServerEnv, clock: Clock): TestApp {
  return {
    app: createApp({ db, clock, config: env.config }),
    db,
    clock: manualClock(clock.now()),
    config: env.config,
  };
}

/** POST /api/v1/ingest/incidents as a monitor; returns the incident. */
export async function ingestIncident(
  site: SitePortal,
  incident: { externalId: string; title: string; impact?: string; services: string[] },
): Promise<{ id: number; title: string }> {
  const response = await fetch(`${site.origin}/api/v1/ingest/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await site.ingestHeaders()) },
    body: JSON.stringify({
      impact: 'major',
      status: 'investigating',
      body: 'Our monitors see errors; engineers have been paged.',
      ...incident,
    }),
  });
  if (response.status !== 201) {
    throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as { id: number; title: string };
}
