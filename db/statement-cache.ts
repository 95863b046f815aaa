import Database from 'libsql';

/**
 * Prepared statements kept per connection (docs/decisions/213).
 *
 * `@libsql/client`'s embedded driver prepares every statement afresh on every call
 * (`db.prepare(sql)` in its `executeStmt`), and SQLite's prepare was the largest single cost of
 * the account reads in CPU profiles (18 % of the kept-month answer, 15 % of
 * `/me/agreements`): the kept-answer stamp alone is a statement of several kilobytes. The
 * driver offers no statement cache, so the `libsql` connection's `prepare` is given one: the
 * same SQL text on the same connection gets the statement prepared before, which SQLite
 * re-prepares by itself if the schema has changed since.
 *
 * A statement is reused only once the driver's synchronous call that used it has returned
 * (every use in `@libsql/client` is `prepare` then `all` or `run` in one synchronous step, so
 * two uses never overlap). A statement whose execution threw is dropped, not reused, so a
 * failure leaves the connection as it did before this cache (the statement goes with its
 * object). Each connection keeps its `MAX_STATEMENTS` most recently used.
 */

const MAX_STATEMENTS = 256;

type Connection = Database.Database;
type Statement = Database.Statement;
type Executes = 'all' | 'run' | 'get';
const EXECUTES: readonly Executes[] = ['all', 'run', 'get'];

const caches = new WeakMap<Connection, Map<string, Statement>>();
/** On the prototype, not in this module: a second copy of this module (a test runner may load
 * one per context) must not wrap `prepare` again. */
const INSTALLED = Symbol.for('portal.statementCache');

/** Makes a statement that threw forget itself, so it is never used again. */
function droppedOnFailure(statement: Statement, drop: () => void): Statement {
  for (const name of EXECUTES) {
    const execute = statement[name].bind(statement) as (...params: unknown[]) => unknown;
    Object.defineProperty(statement, name, {
      value: (...params: unknown[]) => {
        try {
          return execute(...params);
        } catch (error) {
          drop();
          throw error;
        }
      },
    });
  }
  return statement;
}

/** Installs the cache on every `libsql` connection of this process; safe to call again. */
export function cachePreparedStatements(): void {
  const prototype = Database.prototype as unknown as Record<symbol, boolean>;
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function cachedPrepare(this: Connection, sql: string) {
    let cache = caches.get(this);
    if (cache === undefined) {
      cache = new Map();
      caches.set(this, cache);
    }
    const known = cache.get(sql);
    if (known !== undefined) {
      // Most recently used last: the first key is the one to evict.
      cache.delete(sql);
      cache.set(sql, known);
      return known;
    }
    const owner = cache;
    const statement = droppedOnFailure(prepare.call(this, sql) as Statement, () => {
      if (owner.get(sql) === statement) owner.delete(sql);
    });
    owner.set(sql, statement);
    if (owner.size > MAX_STATEMENTS) {
      const oldest = owner.keys().next();
      if (!oldest.done) owner.delete(oldest.value);
    }
    return statement;
  } as typeof prepare;
}

/** How many statements `connection` keeps (for tests). */
export function cachedStatementCount(connection: Connection): number {
  return caches.get(connection)?.size ?? 0;
}
