import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { seedDemoData } from '../../api/bootstrap.ts';
import { type Clock, manualClock, pinnedClock } from '../../api/clock.ts';
import { readEnv, type ServerEnv } from '../../api/env.ts';
import { type RunningPortal, startPortal } from '../../api/portal.ts';
import type { RebuildTimings } from '../../api/site-rebuild.ts';
import { users } from '../../db/schema/index.ts';
import { TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { createApiKey } from '../helpers/factories.ts';

/**
 * The instant the site tests happen at, whatever the machine's date: the first of a month
 * half an hour after UTC midnight, when New York is still in the previous month (so a
 * customer's newest closed month is not UTC's), and the demo's data sits at the turn of its
 * months. The demo itself is checked on every kind of day in tests/db/seed.test.ts.
 */
export const SITE_NOW_MS = Date.parse('2027-03-01T00:30:00Z');

/** The clock of one site test file: SITE_NOW_MS, then real elapsed time. */
export function siteClock(startMs: number = SITE_NOW_MS): Clock {
  return pinnedClock(startMs);
}

/**
 * A running portal for the site tests: a temporary database (the demo data set, or data the
 * test arranges), the site built into a temporary folder on first start, the API and the
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
  const db = await tempDb();
  const siteDir = join(dir, 'site');
  const parsed = readEnv({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `file:${db.path}`,
    PORTAL_SITE_DIR: siteDir,
    PORTAL_DEMO: '0',
    ...options.env,
  });
  const env: ServerEnv = {
    ...parsed,
    config: { ...parsed.config, passwordHashing: TEST_PASSWORD_HASHING },
  };
  const log: string[] = [];
  const record = (line: string) => {
    log.push(line);
  };
  const clock = options.clock ?? siteClock();
  const seededAtMs = clock.now();
  let portal: RunningPortal;
  try {
    if (options.arrange) await options.arrange(db, env, clock);
    else await seedDemoData(db, env, clock, record);
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
