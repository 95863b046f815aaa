import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { statusVersion } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';

/**
 * Another process's write shows here within this long: the version row is read at most
 * once per interval, never once per request (docs/decisions/032-status-cache.md).
 */
export const VERSION_CHECK_INTERVAL_MS = 1_000;
/**
 * A cached status is rebuilt at least this often even when nothing was written, and
 * always at the next known transition (a window or maintenance starting or ending).
 */
export const STATUS_MAX_AGE_MS = 5_000;

/** One prepared representation: the exact bytes served and their validator. */
export interface Representation {
  body: string;
  etag: string;
}

/** What the cache holds: the public representations, and when they change by themselves. */
export interface StatusSnapshot {
  status: Representation;
  services: Representation;
  /** The next instant the status changes with time alone (null: none known). */
  nextChangeMs: number | null;
}

/** Builds a snapshot at `nowMs` from the database (`api/services/status.ts`). */
export type BuildSnapshot = (deps: Deps, nowMs: number) => Promise<StatusSnapshot>;

interface Entry extends StatusSnapshot {
  version: number;
  builtAtMs: number;
  expiresAtMs: number;
}

/** The per-process cache of one database's public status. */
class StatusCache {
  private entry: Entry | null = null;
  private building: Promise<Entry> | null = null;
  /** Bumped by every local write, so a build that started before it is not kept. */
  private generation = 0;
  private versionSeen = 0;
  private versionCheckedAtMs = Number.NEGATIVE_INFINITY;

  invalidate(): void {
    this.generation += 1;
    this.entry = null;
    this.building = null;
  }

  /** The entry `get` would return without reading anything, or null when it would read. */
  peek(nowMs: number): Entry | null {
    const entry = this.entry;
    return entry !== null && this.current(entry, nowMs) && !this.versionDue(nowMs) ? entry : null;
  }

  async get(deps: Deps, buildSnapshot: BuildSnapshot): Promise<Entry> {
    const nowMs = deps.clock.now();
    const entry = this.entry;
    if (entry !== null && this.current(entry, nowMs)) {
      if (!this.versionDue(nowMs)) return entry;
      this.versionCheckedAtMs = nowMs;
      this.versionSeen = await readVersion(deps.db);
      if (this.versionSeen === entry.version && this.entry === entry) return entry;
    }
    this.building ??= this.build(deps, buildSnapshot, nowMs);
    return this.building;
  }

  private current(entry: Entry, nowMs: number): boolean {
    return nowMs < entry.expiresAtMs && nowMs >= entry.builtAtMs;
  }

  private versionDue(nowMs: number): boolean {
    const sinceMs = nowMs - this.versionCheckedAtMs;
    return sinceMs >= VERSION_CHECK_INTERVAL_MS || sinceMs < 0;
  }

  private async build(deps: Deps, buildSnapshot: BuildSnapshot, nowMs: number): Promise<Entry> {
    const generation = this.generation;
    try {
      // The version is read before the data: a write landing in between leaves an entry
      // with the older version, which the next check replaces; never the reverse.
      const version = await readVersion(deps.db);
      const snapshot = await buildSnapshot(deps, nowMs);
      const entry: Entry = {
        ...snapshot,
        version,
        builtAtMs: nowMs,
        expiresAtMs: Math.min(
          nowMs + STATUS_MAX_AGE_MS,
          snapshot.nextChangeMs ?? Number.POSITIVE_INFINITY,
        ),
      };
      if (generation === this.generation) {
        this.entry = entry;
        this.versionSeen = version;
        this.versionCheckedAtMs = nowMs;
      }
      return entry;
    } finally {
      if (generation === this.generation) this.building = null;
    }
  }
}

/**
 * The body, and a weak ETag over the content without `generatedAt`: a rebuild that finds
 * nothing changed keeps the validator, so clients keep getting 304.
 */
export function represent(value: unknown): Representation {
  const body = JSON.stringify(value);
  const content = JSON.stringify(value, (key, field) =>
    key === 'generatedAt' ? undefined : field,
  );
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 27);
  return { body, etag: `W/"${hash}"` };
}

/** The status version: every committed write of status data (windows among them) bumps it. */
export async function readVersion(database: Database): Promise<number> {
  const row = await database.db
    .select({ version: statusVersion.version })
    .from(statusVersion)
    .where(eq(statusVersion.id, 1))
    .get();
  return row?.version ?? 0;
}

const caches = new WeakMap<Database, StatusCache>();

function cacheOf(database: Database): StatusCache {
  let cache = caches.get(database);
  if (cache === undefined) {
    cache = new StatusCache();
    caches.set(database, cache);
  }
  return cache;
}

/** The public status snapshot from this process's cache, built with `buildSnapshot` when due. */
export async function cachedSnapshot(
  deps: Deps,
  buildSnapshot: BuildSnapshot,
): Promise<StatusSnapshot> {
  return cacheOf(deps.db).get(deps, buildSnapshot);
}

/**
 * The cached snapshot when it is current and its version was checked within the interval,
 * so that serving it reads nothing: the same answer `cachedSnapshot` gives at this instant.
 * Null otherwise (nothing cached, expired, or a version check due): ask `cachedSnapshot`.
 */
export function currentSnapshot(deps: Deps): StatusSnapshot | null {
  return cacheOf(deps.db).peek(deps.clock.now());
}

/** Marks public status data changed, in the writing transaction: every process sees it. */
export async function bumpStatusVersion(tx: Tx, nowMs: number): Promise<void> {
  await tx
    .update(statusVersion)
    .set({ version: sql`${statusVersion.version} + 1`, updatedAt: new Date(nowMs) })
    .where(eq(statusVersion.id, 1));
}

/** Drops this process's cached status (after a write committed). */
export function invalidateStatusCache(database: Database): void {
  cacheOf(database).invalidate();
}

/** What a status write returns when it found nothing to change (see `unchanged`). */
export interface Unchanged<T> {
  readonly unchanged: typeof UNCHANGED;
  readonly value: T;
}

const UNCHANGED: unique symbol = Symbol('unchanged');

/**
 * Marks a status write's result as "nothing changed": a replay of a request already
 * recorded, or an edit to the values already there. `writeStatusData` then rolls back
 * whatever the write touched (an `updatedAt`, an audit entry) and leaves the version alone.
 */
export function unchanged<T>(value: T): Unchanged<T> {
  return { unchanged: UNCHANGED, value };
}

function isUnchanged<T>(result: T | Unchanged<T>): result is Unchanged<T> {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { unchanged?: unknown }).unchanged === UNCHANGED
  );
}

/**
 * `after`, or `unchanged(before)` when the two representations differ in nothing but
 * `updatedAt` (a write that only touched its timestamp).
 */
export function unlessSame<T extends object>(before: T, after: T): T | Unchanged<T> {
  const content = (dto: T) => ({ ...dto, updatedAt: undefined });
  return isDeepStrictEqual(content(before), content(after)) ? unchanged(before) : after;
}

/** Thrown inside the transaction to roll back a write that changed nothing. */
class NothingChanged<T> extends Error {
  readonly result: Unchanged<T>;
  constructor(result: Unchanged<T>) {
    super('nothing changed');
    this.result = result;
  }
}

/**
 * Runs a write that changes public status data: in one write transaction that also bumps
 * the status version (other processes), then drops this process's cache (at once here).
 * A write whose `fn` returns `unchanged(value)` is rolled back and bumps nothing: every
 * bump makes each process rebuild its cache and the site rebuild itself, so a monitor
 * replaying the same window every minute must not cost that
 * (docs/decisions/082-only-real-changes-bump-the-status-version.md).
 */
export async function writeStatusData<T>(
  deps: Deps,
  fn: (tx: Tx) => Promise<T | Unchanged<T>>,
): Promise<T> {
  let result: T;
  try {
    result = await deps.db.write(async (tx) => {
      const value = await fn(tx);
      if (isUnchanged(value)) throw new NothingChanged(value);
      await bumpStatusVersion(tx, deps.clock.now());
      return value;
    });
  } catch (error) {
    if (error instanceof NothingChanged) return (error.result as Unchanged<T>).value;
    throw error;
  }
  invalidateStatusCache(deps.db);
  return result;
}
