import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { createDb, type Database, migrateDb } from '../db/client.ts';
import { services, users } from '../db/schema/index.ts';
import type { DemoLogin } from '../db/seed/demo.ts';
import { hashPassword } from './auth/passwords.ts';
import { randomToken } from './auth/tokens.ts';
import type { Clock } from './clock.ts';
import type { ServerEnv } from './env.ts';
import { rebuildRollups } from './services/rollups.ts';

/** The local file behind a `file:` URL, or null for a server URL. */
export function localDatabasePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const rest = url.slice('file:'.length);
  return rest.startsWith('//') ? fileURLToPath(url) : resolve(rest.split('?')[0] ?? rest);
}

/** Opens the database named by the environment (creating its folder) and migrates it. */
export async function openDatabase(env: ServerEnv): Promise<Database> {
  const path = localDatabasePath(env.databaseUrl);
  if (path !== null) mkdirSync(dirname(path), { recursive: true });
  const database = await createDb({ url: env.databaseUrl, authToken: env.databaseAuthToken });
  await migrateDb(database);
  return database;
}

export async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.select({ n: count() }).from(users).get();
  return (row?.n ?? 0) === 0;
}

/** Where demo logins are saved: beside the database file (or ./data for a server URL). */
export function credentialsPath(env: ServerEnv): string {
  const path = localDatabasePath(env.databaseUrl);
  return resolve(path === null ? './data' : dirname(path), 'demo-logins.txt');
}

export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((login) => login.email.length));
  return logins
    .map(
      (login) =>
        `  ${login.role.padEnd(8)} ${login.email.padEnd(width)}  ${login.password}${login.customer ? `  (${login.customer})` : ''}`,
    )
    .join('\n');
}

/**
 * The demo data set, only into an empty database: `npm run seed` and the first start's seed
 * child both come here. Null (with the reason on stderr) when the database already has users.
 */
export async function seedEmptyDatabase(
  database: Database,
  env: ServerEnv,
  clock: Clock,
  log: (line: string) => void,
): Promise<DemoLogin[] | null> {
  if (!(await isEmpty(database))) {
    process.stderr.write(
      'The database already has users; the demo data set goes only into an empty database.\n',
    );
    return null;
  }
  return seedDemoData(database, env, clock, log);
}

/**
 * Seeds the demo data set into an empty database in one transaction, saves the logins
 * beside the database (readable only by the owner) and returns them.
 */
export async function seedDemoData(
  database: Database,
  env: ServerEnv,
  clock: Clock,
  log: (line: string) => void,
): Promise<DemoLogin[]> {
  // Loaded here, not with the server: a database is seeded once (docs/decisions/177).
  const [{ seedDemo }, { seedDemoClaims, seedDemoVendorClaims }] = await Promise.all([
    import('../db/seed/demo.ts'),
    import('../db/seed/demo-claims.ts'),
  ]);
  const { logins } = await database.write((tx) =>
    seedDemo(tx, {
      nowMs: clock.now(),
      hashPassword: (password) => hashPassword(password, env.config.passwordHashing),
      progress: log,
    }),
  );
  // The seed writes windows directly (db/ knows nothing of the API): the public bars read
  // daily roll-ups, so build them from those windows.
  log('  daily roll-ups');
  await database.write(async (tx) => {
    for (const service of await tx.select({ id: services.id }).from(services)) {
      await rebuildRollups(tx, service.id);
    }
  });
  log('  demo claims in every state');
  await seedDemoClaims({ db: database, clock, config: env.config }, log);
  log('  a claim filed with the demo CDN vendor');
  await seedDemoVendorClaims({ db: database, clock, config: env.config }, log);
  const file = credentialsPath(env);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `# Demo logins for the DEMO data set of this portal (random passwords, made at seed time).\n${formatLogins(logins)}\n`,
    { mode: 0o600 },
  );
  return logins;
}

/**
 * Runs `seedDemoData` in a child process (api/seed-child.ts) on the same database, sharing this
 * process's stdout and stderr, so that its memory is returned to the system when it exits
 * instead of staying in the server (docs/decisions/210). Rejects unless the child exits with
 * code 0; aborting `signal` kills it (the server is stopping, docs/decisions/209).
 */
export function seedDemoDataInChild(env: ServerEnv, signal: AbortSignal): Promise<void> {
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [resolve(import.meta.dirname, 'seed-child.ts')], {
      stdio: ['ignore', 'inherit', 'inherit'],
      signal,
      // The URL as this process resolved it: a relative default must not move with a cwd.
      env: { ...process.env, DATABASE_URL: env.databaseUrl },
    });
    child.on('error', fail);
    child.on('exit', (code, killedBy) =>
      code === 0
        ? done()
        : fail(
            new Error(
              `the demo seed ${killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`}`,
            ),
          ),
    );
  });
}

/**
 * Creates the PORTAL_ADMIN_EMAIL admin if no user has that email. Returns the generated
 * password when none was given, so the operator can sign in once and change it.
 */
export async function ensureAdmin(
  database: Database,
  env: ServerEnv,
  clock: Clock,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if (!env.admin) return { created: false };
  const { email } = env.admin;
  const existing = await database.db.select().from(users).where(eq(users.email, email)).get();
  if (existing) return { created: false };
  const password = env.admin.password ?? randomToken(18);
  const passwordHash = await hashPassword(password, env.config.passwordHashing);
  const now = new Date(clock.now());
  await database.write((tx) =>
    tx
      .insert(users)
      .values({ email, passwordHash, role: 'admin', passwordChangedAt: now, createdAt: now })
      .onConflictDoNothing(),
  );
  return env.admin.password ? { created: true } : { created: true, generatedPassword: password };
}
