import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { ZipFile } from 'yazl';
import { statementRuns } from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { conflict, notFound } from '../domain-errors.ts';
import { formatInstant } from '../sla/index.ts';
import { recordAudit } from './audit.ts';
import { planStatementRun, type RunPlan, type RunSink, runStatements } from './statement-run.ts';

/**
 * Statement runs started by staff (ADRs 174, 168): in the background of an API process, each
 * written as one zip archive under `config.statementRunsDir`, its state and progress a row of
 * `statement_runs`. One run at a time across every process sharing the database: the row of
 * the running run is the lock (a unique partial index), renewed by a heartbeat; a run whose
 * heartbeat has stopped (its process died) is reported as interrupted and taken over by the
 * next start. Finished runs beyond the configured retention are deleted, archive and row.
 */

export type RunState = 'running' | 'finished' | 'failed';

export interface StatementRunStatus {
  id: string;
  period: string;
  state: RunState;
  /** The run's as-of instant (when it was started): figures as they stood then. */
  startedAt: string;
  finishedAt: string | null;
  startedBy: { userId: number | null; email: string | null };
  agreements: number;
  customers: number;
  /** Agreements whose statements are written so far. */
  done: number;
  files: number | null;
  unavailable: number | null;
  archiveBytes: number | null;
  /** Why the run failed, in words (no internals). */
  failure: string | null;
}

const ID = /^\d{4}-(0[1-9]|1[0-2])-\d{13}$/;

/** A run's id: its month and the instant it started, e.g. `2026-10-1795176000000`. */
export function isRunId(id: string): boolean {
  return ID.test(id);
}

interface Registry {
  current: StatementRunStatus | null;
  /** Settles when the current run has ended (tests and shutdown wait for it). */
  settled: Promise<void>;
}

const registries = new WeakMap<object, Registry>();

function registryOf(deps: Deps): Registry {
  let registry = registries.get(deps.db);
  if (registry === undefined) {
    registry = { current: null, settled: Promise.resolve() };
    registries.set(deps.db, registry);
  }
  return registry;
}

function runsDir(deps: Deps): string {
  return resolve(deps.config.statementRunsDir);
}

const archivePath = (deps: Deps, id: string) => join(runsDir(deps), `${id}.zip`);

/** A running run's heartbeat is renewed this often while it makes progress. */
const HEARTBEAT_MS = 15_000;
/**
 * A running row whose heartbeat is older than this belongs to a process that has stopped: no
 * page of a run goes this long without progress (a page of 200 PDFs takes seconds).
 */
export const STALE_RUN_MS = 2 * 60_000;
const INTERRUPTED = 'The run was interrupted (the portal stopped); start it again.';

type RunRow = typeof statementRuns.$inferSelect;

/** The archive's name for people: `statements-2026-10.zip`. */
export function archiveFileName(status: StatementRunStatus): string {
  return `statements-${status.period}.zip`;
}

const instantOrNull = (date: Date | null) => (date === null ? null : formatInstant(date.getTime()));

function statusOf(row: RunRow, nowMs: number): StatementRunStatus {
  const dead = row.state === 'running' && row.heartbeatAt.getTime() < nowMs - STALE_RUN_MS;
  return {
    id: row.id,
    period: row.period,
    // Left by a process that stopped before the run ended (a start takes it over).
    state: dead ? 'failed' : row.state,
    startedAt: formatInstant(row.startedAt.getTime()),
    finishedAt: instantOrNull(row.finishedAt),
    startedBy: { userId: row.startedByUserId, email: row.startedByEmail },
    agreements: row.agreements,
    customers: row.customers,
    done: row.done,
    files: row.files,
    unavailable: row.unavailable,
    archiveBytes: row.archiveBytes,
    failure: dead ? INTERRUPTED : row.failure,
  };
}

/** A row's status, with this process's live progress when the run is its own. */
function present(deps: Deps, row: RunRow): StatementRunStatus {
  const current = registryOf(deps).current;
  return current?.id === row.id ? { ...current } : statusOf(row, deps.clock.now());
}

/** Every file of a run as one zip entry, written one after another (ZIP64 when needed). */
export function zipSink(path: string, mtime: Date): RunSink & { close(): Promise<void> } {
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(path));
  // A failed output fails every later write, and the run with it.
  written.catch(() => {});
  return {
    write(name, content) {
      return new Promise<void>((resolveWrite, rejectWrite) => {
        // Lazy: the entry's bytes are made when the archive reaches it, and the run waits for
        // that (a bounded number of statements is held meanwhile).
        zip.addReadStreamLazy(
          name,
          // PDFs are compressed inside already; text is deflated at the fastest level.
          { mtime, compressionLevel: name.endsWith('.pdf') ? 0 : 1 },
          (callback) => {
            const stream =
              typeof content === 'string' || content instanceof Uint8Array
                ? Readable.from([Buffer.from(content)])
                : Readable.from(content);
            stream.once('end', () => resolveWrite());
            stream.once('error', rejectWrite);
            callback(null, stream);
          },
        );
      });
    },
    async close() {
      zip.end();
      await written;
    },
  };
}

/** The most recent runs, newest first. */
export async function listStatementRuns(deps: Deps, limit = 20): Promise<StatementRunStatus[]> {
  const rows = await deps.db.db
    .select()
    .from(statementRuns)
    .orderBy(desc(statementRuns.startedAt), desc(statementRuns.id))
    .limit(limit);
  return rows.map((row) => present(deps, row));
}

export async function getStatementRun(deps: Deps, id: string): Promise<StatementRunStatus> {
  const [row] = isRunId(id)
    ? await deps.db.db.select().from(statementRuns).where(eq(statementRuns.id, id))
    : [];
  if (row === undefined) throw notFound('No statement run with this id.');
  return present(deps, row);
}

/** The finished run's archive on disk, or 404/409 in words. */
export async function statementRunArchive(
  deps: Deps,
  id: string,
): Promise<{ path: string; bytes: number; status: StatementRunStatus }> {
  const status = await getStatementRun(deps, id);
  if (status.state === 'running') {
    throw conflict(
      'The run is still going on: its archive is ready when it has finished.',
      'RUN_NOT_FINISHED',
    );
  }
  if (status.state === 'failed') {
    throw conflict(
      `The run failed, so it has no archive: ${status.failure ?? ''}`.trim(),
      'RUN_FAILED',
    );
  }
  const path = archivePath(deps, id);
  const info = await stat(path).catch(() => null);
  if (info === null) throw notFound('The archive of this run is no longer on the server.');
  return { path, bytes: info.size, status };
}

export interface RunHooks {
  /** Awaited after the run is registered and before it writes anything (tests hold it here). */
  beforeWriting?: () => Promise<void>;
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (/UNIQUE constraint failed/.test(cause.message)) return true;
  }
  return false;
}

const busy = (run: { period: string; startedAt: string }) =>
  conflict(
    `A statement run for ${run.period} is going on (started ${run.startedAt}); start the next when it has finished.`,
    'RUN_IN_PROGRESS',
  );

/**
 * Starts a run of `period` in the background and answers at once with its status. 409 while
 * another run is going on, in this process or another; 400/422 for a month that is not one or
 * has not ended everywhere. The start is audited; the run's outcome is in its status.
 */
export async function startStatementRun(
  ctx: StaffContext,
  period: unknown,
  hooks: RunHooks = {},
): Promise<StatementRunStatus> {
  const { deps, principal } = ctx;
  const registry = registryOf(deps);
  if (registry.current !== null) throw busy(registry.current);
  const plan = await planStatementRun(deps, period);
  // Checked again after the awaits above: two starts at once get one run and one 409.
  if (registry.current !== null) throw busy(registry.current);
  const id = `${plan.period}-${String(plan.asOfMs).padStart(13, '0')}`;
  const status: StatementRunStatus = {
    id,
    period: plan.period,
    state: 'running',
    startedAt: formatInstant(plan.asOfMs),
    finishedAt: null,
    startedBy: {
      userId: principal.user.id,
      email: principal.user.email,
    },
    agreements: plan.agreements.length,
    customers: plan.customers,
    done: 0,
    files: null,
    unavailable: null,
    archiveBytes: null,
    failure: null,
  };
  registry.current = status;
  let takenOver: string[] = [];
  try {
    await mkdir(runsDir(deps), { recursive: true });
    takenOver = await deps.db.write(async (tx) => {
      const nowMs = deps.clock.now();
      // A run whose process has died holds the lock no longer: it is recorded as interrupted.
      const dead = await tx
        .update(statementRuns)
        .set({ state: 'failed', finishedAt: new Date(nowMs), failure: INTERRUPTED })
        .where(
          and(
            eq(statementRuns.state, 'running'),
            lt(statementRuns.heartbeatAt, new Date(nowMs - STALE_RUN_MS)),
          ),
        )
        .returning({ id: statementRuns.id });
      const [other] = await tx
        .select()
        .from(statementRuns)
        .where(eq(statementRuns.state, 'running'));
      if (other !== undefined) throw busy(statusOf(other, nowMs));
      await tx.insert(statementRuns).values({
        id,
        period: plan.period,
        state: 'running',
        startedAt: new Date(plan.asOfMs),
        heartbeatAt: new Date(nowMs),
        startedByUserId: status.startedBy.userId,
        startedByEmail: status.startedBy.email,
        agreements: status.agreements,
        customers: status.customers,
        done: 0,
      });
      await recordAudit(tx, ctx, {
        action: 'statement-run.start',
        entityType: 'statement-run',
        entityId: id,
        after: { period: plan.period, agreements: status.agreements, customers: status.customers },
      });
      return dead.map((row) => row.id);
    });
  } catch (error) {
    registry.current = null;
    // The index holds even when two processes insert at once (the other's row won).
    if (isUniqueViolation(error)) {
      const [other] = await deps.db.db
        .select()
        .from(statementRuns)
        .where(eq(statementRuns.state, 'running'));
      throw busy(other === undefined ? status : statusOf(other, deps.clock.now()));
    }
    throw error;
  }
  for (const deadId of takenOver) {
    console.warn(`statement run ${deadId} was interrupted (its process stopped); taken over`);
    await rm(`${archivePath(deps, deadId)}.partial`, { force: true }).catch(() => {});
  }
  registry.settled = execute(deps, plan, status, hooks).finally(() => {
    registry.current = null;
  });
  return { ...status };
}

/** Renews the run's heartbeat (and progress) now and then; tells when the row was lost. */
function heartbeat(deps: Deps, status: StatementRunStatus) {
  let lastMs = deps.clock.now();
  let pending: Promise<void> = Promise.resolve();
  let lost = false;
  const beat = () => {
    pending = pending.then(async () => {
      const updated = await deps.db.write((tx) =>
        tx
          .update(statementRuns)
          .set({ heartbeatAt: new Date(deps.clock.now()), done: status.done })
          .where(and(eq(statementRuns.id, status.id), eq(statementRuns.state, 'running')))
          .returning({ id: statementRuns.id }),
      );
      if (updated.length === 0) lost = true;
    });
    pending.catch((error: unknown) => {
      console.error(`statement run ${status.id}: its heartbeat cannot be written:`, error);
    });
  };
  return {
    onProgress(done: number) {
      status.done = done;
      const nowMs = deps.clock.now();
      if (nowMs - lastMs < HEARTBEAT_MS) return;
      lastMs = nowMs;
      beat();
    },
    async settle(): Promise<boolean> {
      await pending.catch(() => {});
      return !lost;
    },
  };
}

async function execute(
  deps: Deps,
  plan: RunPlan,
  status: StatementRunStatus,
  hooks: RunHooks,
): Promise<void> {
  const path = archivePath(deps, status.id);
  const partial = `${path}.partial`;
  const beats = heartbeat(deps, status);
  let outcome: Partial<RunRow>;
  try {
    await hooks.beforeWriting?.();
    const sink = zipSink(partial, new Date(plan.asOfMs));
    let summary: Awaited<ReturnType<typeof runStatements>>;
    try {
      summary = await runStatements(deps, plan, sink, {
        onProgress: (done) => beats.onProgress(done),
      });
    } finally {
      await sink.close().catch(() => {});
    }
    if (!(await beats.settle())) {
      throw new Error('its row was taken over as stale while it ran (no heartbeat reached it)');
    }
    await rename(partial, path);
    outcome = {
      state: 'finished',
      files: summary.files,
      unavailable: summary.unavailable,
      archiveBytes: (await stat(path)).size,
      failure: null,
    };
  } catch (error) {
    console.error(`statement run ${status.id} failed:`, error);
    await rm(partial, { force: true }).catch(() => {});
    outcome = {
      state: 'failed',
      failure: 'The run stopped on an error; the operators have the details in the log.',
    };
  }
  const finishedAtMs = deps.clock.now();
  try {
    const updated = await deps.db.write((tx) =>
      tx
        .update(statementRuns)
        .set({
          ...outcome,
          done: status.done,
          heartbeatAt: new Date(finishedAtMs),
          finishedAt: new Date(finishedAtMs),
        })
        .where(and(eq(statementRuns.id, status.id), eq(statementRuns.state, 'running')))
        .returning({ id: statementRuns.id }),
    );
    if (updated.length === 0 && outcome.state === 'finished') {
      // Taken over meanwhile: the row says interrupted, so its archive is not offered.
      await rm(path, { force: true });
    }
  } catch (error) {
    console.error(`statement run ${status.id}: its outcome cannot be saved:`, error);
  }
  await pruneStatementRuns(deps).catch((error: unknown) => {
    console.error('statement runs: old runs cannot be deleted:', error);
  });
}

/**
 * Deletes the runs beyond the retention (ADR 168): a run is kept while it is one of the newest
 * `statementRunsKeep` finished runs or younger than `statementRunsKeepDays`; a running run is
 * never deleted. Each run's archive is removed inside the transaction that deletes its row,
 * so a failure leaves both (and the next prune tries again), never a row without its file
 * unless the process stops between the two. Answers the ids deleted.
 */
export async function pruneStatementRuns(deps: Deps): Promise<string[]> {
  const { statementRunsKeep: keep, statementRunsKeepDays: keepDays } = deps.config;
  return deps.db.write(async (tx) => {
    const cutoff = new Date(deps.clock.now() - keepDays * 86_400_000);
    const old = await tx
      .select({ id: statementRuns.id, state: statementRuns.state })
      .from(statementRuns)
      .where(lt(statementRuns.startedAt, cutoff))
      .orderBy(desc(statementRuns.startedAt), desc(statementRuns.id));
    const newest = new Set(
      (
        await tx
          .select({ id: statementRuns.id })
          .from(statementRuns)
          .where(eq(statementRuns.state, 'finished'))
          .orderBy(desc(statementRuns.startedAt), desc(statementRuns.id))
          .limit(keep)
      ).map((row) => row.id),
    );
    const doomed = old
      .filter((row) => row.state !== 'running' && !newest.has(row.id))
      .map((row) => row.id);
    if (doomed.length === 0) return [];
    await tx.delete(statementRuns).where(inArray(statementRuns.id, doomed));
    for (const id of doomed) {
      await rm(archivePath(deps, id), { force: true });
      await rm(`${archivePath(deps, id)}.partial`, { force: true });
    }
    return doomed;
  });
}

/** Settles when the run going on (if any) has ended. */
export function statementRunSettled(deps: Deps): Promise<void> {
  return registryOf(deps).settled;
}
