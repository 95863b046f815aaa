import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { inject } from 'vitest';
import { seedDemoData } from '../../api/bootstrap.ts';
import { fixedClock } from '../../api/clock.ts';
import { buildSite } from '../../api/site-build.ts';
import { createDb, migrateDb } from '../../db/client.ts';
import type { DemoLogin } from '../../db/seed/demo.ts';
import { SITE_NOW_MS, siteEnv } from './site-env.ts';

/** The demo data set and the site built from it, made once per run and copied by each user. */
export interface DemoSite {
  /** The seeded database, one self-contained file to copy. */
  dbPath: string;
  /** The site built from it (with its brotli and gzip copies), a folder to copy. */
  siteDir: string;
  logins: DemoLogin[];
  /** When the demo was written and the pages show: SITE_NOW_MS, so every site clock is later. */
  seededAtMs: number;
}

const POLL_MS = 200;

/** Seeds the demo at SITE_NOW_MS and builds the site from it into `dir`. */
async function makeDemoSite(dir: string): Promise<DemoSite> {
  const workPath = join(dir, 'work.db');
  const site: DemoSite = {
    dbPath: join(dir, 'demo.db'),
    siteDir: join(dir, 'site'),
    logins: [],
    seededAtMs: SITE_NOW_MS,
  };
  const env = siteEnv(workPath, site.siteDir);
  const database = await createDb({ url: env.databaseUrl });
  try {
    await migrateDb(database);
    site.logins = await seedDemoData(database, env, fixedClock(SITE_NOW_MS), () => undefined);
    await buildSite({ databaseUrl: env.databaseUrl, outDir: site.siteDir, asOfMs: SITE_NOW_MS });
    // One self-contained file (no -wal beside it), safe to copy.
    await database.client.execute({ sql: 'VACUUM INTO ?', args: [site.dbPath] });
  } finally {
    database.close();
  }
  return site;
}

/**
 * The run's demo site. The first test file to ask makes it (it takes the lock file); the
 * others, in other workers, wait for it to be ready. The status page, customer portal and
 * staff console tests all start from it, so the run seeds and builds it once instead of once
 * per file.
 */
export async function demoSite(): Promise<DemoSite> {
  const dir = inject('demoSiteDir');
  const ready = join(dir, 'ready.json');
  const failed = join(dir, 'failed.txt');
  let mine = false;
  try {
    closeSync(openSync(join(dir, 'lock'), 'wx'));
    mine = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (mine) {
    try {
      const site = await makeDemoSite(dir);
      writeFileSync(`${ready}.partial`, JSON.stringify(site));
      renameSync(`${ready}.partial`, ready);
      return site;
    } catch (error) {
      writeFileSync(
        failed,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      throw error;
    }
  }
  // Another test file is making it: wait (its own hook's timeout bounds the build).
  for (;;) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as DemoSite;
    if (existsSync(failed)) {
      throw new Error(
        `the demo site failed in another test file:\n${readFileSync(failed, 'utf8')}`,
      );
    }
    await delay(POLL_MS);
  }
}
