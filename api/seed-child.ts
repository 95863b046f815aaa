import { openDatabase, seedEmptyDatabase } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { readEnv } from './env.ts';
import { createLogger } from './log.ts';
import { createOutboxWorker } from './notify/worker.ts';

/**
 * The first start's demo seed, run by `npm start` as a child process (`seedDemoDataInChild`):
 * the seed's modules, its year of rows and its password hashing then never stay in the
 * long-lived server's memory (docs/decisions/210). Progress goes to stdout, which the server
 * shares; the server prints the saved logins itself, as on every start.
 */
const env = readEnv();
const database = await openDatabase(env);
try {
  // The server checked that it is empty before starting this child; checked again so that a
  // second start racing the first cannot seed twice.
  const logins = await seedEmptyDatabase(database, env, systemClock, (line) =>
    process.stdout.write(`${line}\n`),
  );
  if (logins === null) {
    process.exitCode = 1;
  } else if (env.config.smtpUrl === null) {
    // The demo's own notifications (its claims' mails), into the development mailbox here:
    // delivering them in the server would keep about 8 MB there that a restart never holds.
    // Real SMTP is left to the server's worker, whose retries a slow server cannot hold up.
    const worker = createOutboxWorker({
      db: database,
      clock: systemClock,
      config: env.config,
      logger: createLogger(),
      mail: null,
    });
    await worker.runOnce(systemClock.now());
  }
} finally {
  database.close();
}
