import { existsSync, readFileSync } from 'node:fs';
import { flushCompileCache } from 'node:module';
import {
  credentialsPath,
  ensureAdmin,
  isEmpty,
  openDatabase,
  seedDemoDataInChild,
} from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { EnvError, readEnv, type ServerEnv } from './env.ts';
import { settleHeapWhenQuiet } from './heap-settle.ts';
import { createLogger } from './log.ts';
import { type RunningPortal, startPortal } from './portal.ts';

/** `npm start`: environment → database → migrations → demo data → admin → site → serve. */

const log = (line: string) => process.stdout.write(`${line}\n`);

let env: ServerEnv;
try {
  env = readEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const clock = systemClock;
log(`Opening the database at ${env.databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}`);
const database = await openDatabase(env);
log('Migrations applied.');

let portal: RunningPortal | undefined;
let stopping = false;
/** Aborted by a signal while starting: kills the first start's seed and site build (209, 210). */
const starting = new AbortController();
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  if (portal === undefined) {
    starting.abort();
    log(`${signal}: stopped while starting.`);
    database.close();
    process.exit(0);
  }
  log(`${signal}: finishing open requests and deliveries, then closing the database.`);
  await portal.close();
  database.close();
  log('Stopped.');
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

if (env.demo && (await isEmpty(database))) {
  try {
    await seedDemoDataInChild(env, starting.signal);
  } catch (error) {
    // (A signal while seeding never gets here: `stop` kills the child and exits at once.)
    process.stderr.write(
      `The portal did not start: ${error instanceof Error ? error.message : String(error)} (its error is above).\n`,
    );
    database.close();
    process.exit(1);
  }
}
const logins = credentialsPath(env);
if (env.demo && existsSync(logins)) {
  log(`\nDEMO DATA: sign in with these demo logins (saved in ${logins}):`);
  log(readFileSync(logins, 'utf8').split('\n').slice(1).join('\n'));
}
const admin = await ensureAdmin(database, env, clock);
if (admin.created && env.admin) {
  log(`Created the admin ${env.admin.email}.`);
  if (admin.generatedPassword) {
    log(`  Its password (shown once; change it after signing in): ${admin.generatedPassword}`);
  }
}

log(
  env.config.smtpUrl === null
    ? 'Mail: SMTP_URL is not set, so messages stay in the development mailbox (staff console, Notifications).'
    : `Mail: through ${env.config.smtpUrl.replace(/\/\/[^@/]*@/, '//…@')} from ${env.config.mailFrom}.`,
);

// Requests are logged as JSON lines on stdout, beside the plain lines above (decision 118).
portal = await startPortal({
  env,
  database,
  clock,
  log,
  logger: createLogger(),
  signal: starting.signal,
});
log(`\nThe portal is running at ${portal.origin}/`);
// What start-up left, and later each burst's young generation, is given back once the portal
// is quiet (with `npm start`'s --expose-gc; docs/decisions/212).
settleHeapWhenQuiet();
// With `npm start`'s NODE_COMPILE_CACHE, the next start reads every module's stripped and
// compiled code from the cache instead of loading the TypeScript stripper (docs/decisions/204).
// Written now, not only at exit, so a first run that is killed still leaves it.
flushCompileCache();
