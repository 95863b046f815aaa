import { type Clock, pinnedClock } from '../../api/clock.ts';
import { readEnv, type ServerEnv } from '../../api/env.ts';
import { TEST_PASSWORD_HASHING } from '../helpers/hashing.ts';

// No vitest import here: the run's global setup (tests/setup/demo-site.ts) uses this module
// too, outside any test file.

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
 * The environment of a site test's portal: loopback, a free port, its database and folder,
 * and `extra` on top (SMTP_URL…).
 */
export function siteEnv(
  dbPath: string,
  siteDir: string,
  extra: Record<string, string> = {},
): ServerEnv {
  const parsed = readEnv({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `file:${dbPath}`,
    PORTAL_SITE_DIR: siteDir,
    PORTAL_DEMO: '0',
    ...extra,
  });
  return { ...parsed, config: { ...parsed.config, passwordHashing: TEST_PASSWORD_HASHING } };
}
