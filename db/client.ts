import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbConfig {
  /** `file:…` (embedded SQLite), `libsql://…` or `http(s)://…` (a libSQL server or Turso). */
  url: string;
  authToken?: string | undefined;
}

export interface Database {
  db: Db;
  client: Client;
  /** True for an embedded `file:` database. */
  embedded: boolean;
  /**
   * Runs `fn` in one write transaction. Write transactions are queued one at a time per
   * process: the embedded driver is synchronous, so a second BEGIN IMMEDIATE waiting on
   * the first would block the event loop the first needs to finish. Across processes,
   * the busy timeout (embedded) or the server (libSQL) orders them.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

const migrationsFolder = new URL('./migrations', import.meta.url).pathname;

/** Opens the database. Never reads the environment: the caller passes the configuration. */
export async function createDb(config: DbConfig): Promise<Database> {
  const embedded = config.url.startsWith('file:');
  const client = createClient({
    url: config.url,
    ...(config.authToken ? { authToken: config.authToken } : {}),
    ...(embedded ? { timeout: BUSY_TIMEOUT_MS } : {}),
  });
  if (embedded) {
    // WAL lets readers go on while one writer writes; the setting persists in the file.
    // Foreign keys are on by default in libSQL's embedded driver (tests/db checks it).
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  const db = drizzle(client, { schema });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    db,
    client,
    embedded,
    write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const run = queue.then(() => db.transaction(fn));
      queue = run.catch(() => undefined);
      return run;
    },
    close() {
      client.close();
    },
  };
}

/** Applies the checked-in migrations (drizzle-kit's journal makes this idempotent). */
export async function migrateDb(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder });
}
