/**
 * A portal process with its outbox worker, for tests that kill it: the API and a
 * placeholder site (the test lays an index.html; no build, no rebuilds), on a clock pinned
 * to PORTAL_TEST_NOW_MS, configured by the usual environment (DATABASE_URL, SMTP_URL,
 * PORTAL_WEBHOOK_ALLOW_PRIVATE…). Prints `listening <origin>`; SIGTERM drains and exits.
 * Run as `node tests/helpers/notify-portal.ts`.
 */
import { pinnedClock } from '../../api/clock.ts';
import { readEnv } from '../../api/env.ts';
import { createLogger } from '../../api/log.ts';
import { startPortal } from '../../api/portal.ts';
import { createDb } from '../../db/client.ts';

const parsed = readEnv();
// Cheap hashing, as tests/helpers/app.ts (which imports vitest, so not from here).
const passwordHashing = { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 };
const env = { ...parsed, config: { ...parsed.config, passwordHashing } };
const clock = pinnedClock(Number(process.env.PORTAL_TEST_NOW_MS));
const database = await createDb({ url: env.databaseUrl });
const portal = await startPortal({
  env,
  database,
  clock,
  log: (line) => process.stderr.write(`${line}\n`),
  logger: createLogger({ destination: { write: (line: string) => process.stderr.write(line) } }),
  siteRebuilds: false,
});
process.stdout.write(`listening ${portal.origin}\n`);
process.on('SIGTERM', () => {
  void portal.close().then(() => {
    database.close();
    process.exit(0);
  });
});
