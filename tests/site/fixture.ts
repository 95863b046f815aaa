import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { seedDemoData } from '../../api/bootstrap.ts';
import { manualClock, systemClock } from '../../api/clock.ts';
import { readEnv, type ServerEnv } from '../../api/env.ts';
import { type RunningPortal, startPortal } from '../../api/portal.ts';
import type { RebuildTimings } from '../../api/site-rebuild.ts';
import { users } from '../../db/schema/index.ts';
import { TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { createApiKey } from '../helpers/factories.ts';

/**
 * A running portal for the site tests: a temporary database (the demo data set, or data the
 * test arranges), the site built into a temporary folder on first start, the API and the
 * site on one origin at a free port, real time. One per test file (the build takes seconds).
 */
export interface SitePortal {
  origin: string;
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
    /** Writes the data; the default is the demo data set. */
    arrange?: (db: TempDb, env: ServerEnv) => Promise<void>;
    /** Rebuild timings, or false (the default) for none. */
    siteRebuilds?: Partial<RebuildTimings> | false;
    /** Called before the portal starts (e.g. to lay a previous build in the folder). */
    beforeStart?: (siteDir: string) => void;
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
  });
  const env: ServerEnv = {
    ...parsed,
    config: { ...parsed.config, passwordHashing: TEST_PASSWORD_HASHING },
  };
  const log: string[] = [];
  const record = (line: string) => {
    log.push(line);
  };
  let portal: RunningPortal;
  try {
    if (options.arrange) await options.arrange(db, env);
    else await seedDemoData(db, env, systemClock, record);
    options.beforeStart?.(siteDir);
    portal = await startPortal({
      env,
      database: db,
      clock: systemClock,
      log: record,
      siteRebuilds: options.siteRebuilds ?? false,
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
    db,
    env,
    portal,
    log,
    ingestHeaders() {
      headers ??= (async () => {
        const t = appOn(db, env);
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

/** The database as a TestApp, for the factories of tests/helpers (arranging data). */
export function appOn(db: TempDb, env: ServerEnv): TestApp {
  return {
    app: createApp({ db, clock: systemClock, config: env.config }),
    db,
    clock: manualClock(Date.now()),
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
