import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Deps, Principal } from '../context.ts';
import { conflict, notFound } from '../domain-errors.ts';
import { formatInstant } from '../sla/index.ts';
import { recordAudit } from './audit.ts';
import { planStatementRun, type RunPlan, type RunSink, runStatements } from './statement-run.ts';

/**
 * Statement runs started by staff (ADR 174): one at a time per API process, in the background
 * of the process, each written as one zip archive under `config.statementRunsDir` with its
 * status beside it (`<id>.json`), so finished runs outlive a restart. A run that was going on
 * when the process stopped is reported as interrupted.
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

const statusPath = (deps: Deps, id: string) => join(runsDir(deps), `${id}.json`);
const archivePath = (deps: Deps, id: string) => join(runsDir(deps), `${id}.zip`);

/** The archive's name for people: `statements-2026-10.zip`. */
export function archiveFileName(status: StatementRunStatus): string {
  return `statements-${status.period}.zip`;
}

async function saveStatus(deps: Deps, status: StatementRunStatus): Promise<void> {
  // Written whole and renamed: a reader never sees half a status.
  const path = statusPath(deps, status.id);
  await writeFile(`${path}.tmp`, `${JSON.stringify(status, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
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

async function readStatus(deps: Deps, id: string): Promise<StatementRunStatus | null> {
  let text: string;
  try {
    text = await readFile(statusPath(deps, id), 'utf8');
  } catch {
    return null;
  }
  const status = JSON.parse(text) as StatementRunStatus;
  const current = registryOf(deps).current;
  if (status.state === 'running' && current?.id !== status.id) {
    // Left by a process that stopped before the run ended.
    return {
      ...status,
      state: 'failed',
      failure: 'The run was interrupted (the portal stopped); start it again.',
    };
  }
  return current?.id === status.id ? { ...current } : status;
}

/** The most recent runs, newest first. */
export async function listStatementRuns(deps: Deps, limit = 20): Promise<StatementRunStatus[]> {
  const names = await readdir(runsDir(deps)).catch(() => [] as string[]);
  const ids = names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter(isRunId)
    .sort((a, b) => {
      const at = (id: string) => Number(id.slice(8));
      return at(b) - at(a) || (a < b ? 1 : -1);
    })
    .slice(0, limit);
  const runs: StatementRunStatus[] = [];
  for (const id of ids) {
    const status = await readStatus(deps, id);
    if (status !== null) runs.push(status);
  }
  return runs;
}

export async function getStatementRun(deps: Deps, id: string): Promise<StatementRunStatus> {
  const status = isRunId(id) ? await readStatus(deps, id) : null;
  if (status === null) throw notFound('No statement run with this id.');
  return status;
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

/**
 * Starts a run of `period` in the background and answers at once with its status. 409 while
 * another run is going on; 400/422 for a month that is not one or has not ended everywhere.
 * The start is audited; the run's outcome is in its status.
 */
export async function startStatementRun(
  deps: Deps,
  principal: Principal,
  requestId: string | undefined,
  period: unknown,
  hooks: RunHooks = {},
): Promise<StatementRunStatus> {
  const registry = registryOf(deps);
  const busy = () =>
    registry.current === null
      ? null
      : conflict(
          `A statement run for ${registry.current.period} is going on (started ${registry.current.startedAt}); start the next when it has finished.`,
          'RUN_IN_PROGRESS',
        );
  const early = busy();
  if (early !== null) throw early;
  const plan = await planStatementRun(deps, period);
  // Checked again after the awaits above: two starts at once get one run and one 409.
  const late = busy();
  if (late !== null) throw late;
  const id = `${plan.period}-${String(plan.asOfMs).padStart(13, '0')}`;
  const status: StatementRunStatus = {
    id,
    period: plan.period,
    state: 'running',
    startedAt: formatInstant(plan.asOfMs),
    finishedAt: null,
    startedBy: {
      userId: principal.kind === 'user' ? principal.user.id : null,
      email: principal.kind === 'user' ? principal.user.email : null,
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
  try {
    await mkdir(runsDir(deps), { recursive: true });
    await saveStatus(deps, status);
    await deps.db.write(async (tx) => {
      await recordAudit(tx, deps, principal, requestId, {
        action: 'statement-run.start',
        entityType: 'statement-run',
        entityId: id,
        after: { period: plan.period, agreements: status.agreements, customers: status.customers },
      });
    });
  } catch (error) {
    registry.current = null;
    await rm(statusPath(deps, id), { force: true });
    throw error;
  }
  registry.settled = execute(deps, plan, status, hooks).finally(() => {
    registry.current = null;
  });
  return { ...status };
}

async function execute(
  deps: Deps,
  plan: RunPlan,
  status: StatementRunStatus,
  hooks: RunHooks,
): Promise<void> {
  const path = archivePath(deps, status.id);
  const partial = `${path}.partial`;
  try {
    await hooks.beforeWriting?.();
    const sink = zipSink(partial, new Date(plan.asOfMs));
    let summary: Awaited<ReturnType<typeof runStatements>>;
    try {
      summary = await runStatements(deps, plan, sink, {
        onProgress: (done) => {
          status.done = done;
        },
      });
    } finally {
      await sink.close().catch(() => {});
    }
    await rename(partial, path);
    Object.assign(status, {
      state: 'finished',
      finishedAt: formatInstant(deps.clock.now()),
      files: summary.files,
      unavailable: summary.unavailable,
      archiveBytes: (await stat(path)).size,
    } satisfies Partial<StatementRunStatus>);
  } catch (error) {
    console.error(`statement run ${status.id} failed:`, error);
    await rm(partial, { force: true }).catch(() => {});
    Object.assign(status, {
      state: 'failed',
      finishedAt: formatInstant(deps.clock.now()),
      failure: 'The run stopped on an error; the operators have the details in the log.',
    } satisfies Partial<StatementRunStatus>);
  }
  await saveStatus(deps, status).catch((error: unknown) => {
    console.error(`statement run ${status.id}: its status cannot be saved:`, error);
  });
}

/** Settles when the run going on (if any) has ended. */
export function statementRunSettled(deps: Deps): Promise<void> {
  return registryOf(deps).settled;
}
