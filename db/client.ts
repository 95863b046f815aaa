import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Client, Config, InArgs, InStatement, TransactionMode } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
// The core of drizzle's libSQL driver, without its import of the whole @libsql/client (whose
// remote clients an embedded database never uses): the client is made below, by URL scheme.
import { drizzle } from 'drizzle-orm/libsql/sqlite3';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** How an embedded database makes a commit durable (docs/decisions/116). */
export type Synchronous = 'FULL' | 'NORMAL';

export interface DbConfig {
  /** `file:…` (embedded SQLite), `libsql://…` or `http(s)://…` (a libSQL server or Turso). */
  url: string;
  authToken?: string | undefined;
  /**
   * How long a write or a read may wait for another process's lock, counted from when it
   * was asked for, before it fails with DatabaseBusyError. Default BUSY_BUDGET_MS.
   */
  busyBudgetMs?: number | undefined;
  /** Only the durability benchmark asks for NORMAL; the portal always runs FULL. */
  synchronous?: Synchronous | undefined;
}

export interface Database {
  db: Db;
  client: Client;
  /** True for an embedded `file:` database. */
  embedded: boolean;
  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE), queued one at a time per process:
   * the embedded driver is synchronous, so a second BEGIN IMMEDIATE waiting on the first
   * would block the event loop the first needs to finish.
   *
   * While another process holds the write lock, the transaction is tried again with backoff
   * until `busyBudgetMs` after this call, then DatabaseBusyError. `fn` may therefore run
   * more than once: a busy error means that attempt committed nothing (it was rolled back),
   * so `fn` must touch nothing but `tx` (effects outside it belong after the commit).
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies the checked-in migrations, as a write (see `migrateDb`). */
  migrate(): Promise<void>;
  close(): void;
}

/**
 * Long enough for another portal process's ordinary writes (each holds the lock for
 * milliseconds, at most about a second at the product's limits), short enough that a
 * client gets an answer it can act on (503 with Retry-After) instead of waiting on.
 */
export const BUSY_BUDGET_MS = 5_000;
/**
 * Each attempt blocks the event loop (the embedded driver is synchronous) for at most this
 * long inside SQLite's own busy handler; the rest of the wait is asynchronous backoff.
 */
const LOCK_WAIT_MS = 10;
const BACKOFF_FIRST_MS = 10;
const BACKOFF_MAX_MS = 250;
/** What a busy answer tells clients: about how long the other process's write should last. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** The database stayed locked by another process for the whole budget. Nothing was written. */
export class DatabaseBusyError extends Error {
  constructor(cause: unknown) {
    super('The database stayed locked by another process.', { cause });
    this.name = 'DatabaseBusyError';
  }
}

/** SQLITE_BUSY or SQLITE_LOCKED (with any extended code), however deeply wrapped. */
export function isBusyError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current instanceof DatabaseBusyError) return true;
    const code = (current as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
    current = current.cause;
  }
  return false;
}

/**
 * Runs `attempt` until it does not fail busy, waiting between tries with exponential
 * backoff and full jitter (so two processes do not retry in step), until `deadlineMs`
 * (performance.now() time: a budget of real waiting, not the portal's business clock).
 * Only attempts that failed busy are repeated, and those changed nothing. `afterBusy` runs
 * after each busy failure, before the wait.
 */
async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  deadlineMs: number,
  afterBusy?: () => void | Promise<void>,
): Promise<T> {
  for (let round = 0; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      await afterBusy?.();
      const leftMs = deadlineMs - performance.now();
      if (leftMs <= 0) throw new DatabaseBusyError(error);
      const ceilingMs = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** round);
      await delay(Math.min(leftMs, Math.random() * ceilingMs));
    }
  }
}

/**
 * The client with its one-shot calls retried while busy. Each of them is atomic (a single
 * statement, or a batch in its own transaction), so a busy failure left nothing behind.
 * `executeMultiple` runs a script statement by statement and is not retried.
 *
 * These are the reads (WAL readers meet a lock only in rare cases, such as another process
 * recovering the WAL after a crash). The pool's connections are shared by requests in
 * flight, so a connection a busy failure left unusable for commits (see `createDb`) is not
 * replaced here: reads never commit, and every write goes through the writer.
 */
export function retryingClient(client: Client, budgetMs: number): Client {
  const retried = <T>(run: () => Promise<T>) => retryWhileBusy(run, performance.now() + budgetMs);
  return new Proxy(client, {
    get(target, property) {
      switch (property) {
        case 'execute':
          return (statement: InStatement | string, args?: InArgs) =>
            retried(() =>
              typeof statement === 'string'
                ? target.execute(statement, args)
                : target.execute(statement),
            );
        case 'batch':
          return (statements: InStatement[], mode?: TransactionMode) =>
            retried(() => target.batch(statements, mode));
        case 'migrate':
          return (statements: InStatement[]) => retried(() => target.migrate(statements));
        default: {
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}

const migrationsFolder = new URL('./migrations', import.meta.url).pathname;

/** Open while a write transaction runs, in that transaction's async context. */
const insideWrite = new AsyncLocalStorage<{ open: boolean }>();

/** `db.write` called inside `db.write`: the inner one would wait forever for the outer. */
export class NestedWriteError extends Error {
  constructor() {
    super('db.write was called inside db.write: use the transaction (tx) you were given.');
    this.name = 'NestedWriteError';
  }
}

/** Opens the database. Never reads the environment: the caller passes the configuration. */
export async function createDb(config: DbConfig): Promise<Database> {
  const embedded = config.url.startsWith('file:');
  const budgetMs = config.busyBudgetMs ?? BUSY_BUDGET_MS;
  const synchronous = config.synchronous ?? 'FULL';
  // An embedded database loads only the SQLite client; the remote ones (WebSocket and HTTP,
  // with their protocol code) stay unloaded, which an idle portal notices (docs/decisions/204).
  // Each embedded connection keeps its prepared statements (docs/decisions/213); loaded only
  // here, as the embedded driver is.
  if (embedded) (await import('./statement-cache.ts')).cachePreparedStatements();
  const { createClient }: { createClient: (clientConfig: Config) => Client } = embedded
    ? await import('@libsql/client/sqlite3')
    : await import('@libsql/client');
  const open = (options: { concurrency?: number }) =>
    createClient({
      url: config.url,
      ...(config.authToken ? { authToken: config.authToken } : {}),
      ...(embedded ? { timeout: LOCK_WAIT_MS, ...options } : {}),
    });
  const raw = open({});
  // Embedded: one connection for all writes (they are queued anyway), so the durability
  // setting, which SQLite keeps per connection, is known to hold on the connection that
  // commits. The pool of `raw` may open connections at any time without it.
  const writer = embedded ? open({ concurrency: 1 }) : raw;
  // libSQL's embedded driver leaves a statement that failed busy (a BEGIN IMMEDIATE that
  // met another process's lock) active on its connection, and that connection can then
  // never commit again ("cannot commit transaction - SQL statements in progress"). Only
  // the write queue uses the writer, so replacing its connection after a busy failure is
  // safe: nothing else is in flight on it.
  const afterBusy = embedded ? () => writer.reconnect() : undefined;
  const client = retryingClient(raw, budgetMs);
  const db = drizzle(client, { schema });
  const writeDb = embedded ? drizzle(writer, { schema }) : db;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `attempt` on the writer, after the writes before it, retried while busy. */
  const onWriter = <T>(attempt: () => Promise<T>): Promise<T> => {
    const deadlineMs = performance.now() + budgetMs;
    const run = queue.then(() => retryWhileBusy(attempt, deadlineMs, afterBusy));
    queue = run.catch(() => undefined);
    return run;
  };
  if (embedded) {
    // WAL lets readers go on while one writer writes; the setting persists in the file.
    // Foreign keys are on by default in libSQL's embedded driver (tests/db checks it).
    await onWriter(() => writer.execute('PRAGMA journal_mode = WAL'));
  }
  return {
    db,
    client,
    embedded,
    write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      // A write queued from inside a write waits for the one that waits for it: refuse it
      // at once, naming the fix, instead of hanging the process's every later write.
      if (insideWrite.getStore()?.open === true) {
        return Promise.reject(new NestedWriteError());
      }
      return onWriter(async () => {
        // Outside the transaction (SQLite refuses it inside one), before each attempt: a
        // connection replaced after a busy failure starts with the default.
        if (embedded) await writer.execute(`PRAGMA synchronous = ${synchronous}`);
        // Closed when the transaction ends, so that work it started for later (a timer) may
        // write once it is over.
        const mark = { open: true };
        try {
          return await insideWrite.run(mark, () => writeDb.transaction(fn));
        } finally {
          mark.open = false;
        }
      });
    },
    migrate() {
      return onWriter(() => migrate(writeDb, { migrationsFolder }));
    },
    close() {
      if (writer !== raw) writer.close();
      raw.close();
    },
  };
}

/** Applies the checked-in migrations (drizzle-kit's journal makes this idempotent). */
export async function migrateDb(database: Database): Promise<void> {
  await database.migrate();
}
