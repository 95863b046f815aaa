import { dirname, join } from 'node:path';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { type AppConfig, makeConfig } from '../../api/config.ts';
import type { RunHooks } from '../../api/services/statement-runs.ts';
import { type TempDb, tempDb } from './db.ts';
import { disposeAfterTest } from './disposables.ts';
import { TEST_PASSWORD_HASHING } from './hashing.ts';

export { TEST_PASSWORD_HASHING } from './hashing.ts';

export const TEST_ORIGIN = 'http://portal.test';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TempDb;
  clock: ReturnType<typeof manualClock>;
  config: AppConfig;
}

/** A fresh app on its own temporary database, with a clock the test moves. */
export async function testApp(
  options: { now?: string; config?: Partial<AppConfig>; statementRunHooks?: RunHooks } = {},
): Promise<TestApp> {
  const db = await tempDb();
  disposeAfterTest(db);
  const clock = manualClock(Date.parse(options.now ?? '2026-11-20T12:00:00Z'));
  const config = makeConfig({
    origins: [TEST_ORIGIN],
    passwordHashing: TEST_PASSWORD_HASHING,
    // Statement runs' archives go beside the database, removed with it.
    statementRunsDir: join(dirname(db.path), 'statement-runs'),
    ...options.config,
  });
  const hooks = options.statementRunHooks;
  return {
    app: createApp({ db, clock, config, ...(hooks ? { statementRunHooks: hooks } : {}) }),
    db,
    clock,
    config,
  };
}
