import type { Piscina } from 'piscina';
import type { Deps } from '../context.ts';
import { Unavailable } from '../domain-errors.ts';
import { type EvaluationJob, type EvaluationOutcome, runEvaluationJob } from './evaluation-job.ts';

/**
 * Public evaluations off the event loop (docs/decisions/112-evaluation-limits-and-workers.md).
 * A body of a few megabytes costs about a second to parse, validate and evaluate; on the
 * event loop that second would hold every other request, `/healthz` included. Small bodies
 * run inline (a worker round trip would cost more than they do); larger ones go to a pool of
 * worker threads with a bounded queue, and a full queue answers 503 with Retry-After.
 *
 * piscina rather than hand-rolled workers: it replaces a worker that dies, bounds the queue,
 * and lets idle threads exit, so a process that never evaluates a large body keeps none.
 */

/** Idle workers exit after this long: the pool costs nothing between bursts. */
const IDLE_TIMEOUT_MS = 30_000;
/** A client refused for a full queue is told to come back after this long. */
const FULL_QUEUE_RETRY_AFTER_MS = 5_000;

/** Pools by their sizes: one per process in production; tests may ask for other sizes. */
const pools = new Map<string, Piscina<EvaluationJob, EvaluationOutcome>>();

async function poolOf(
  workers: number,
  queueMax: number,
): Promise<Piscina<EvaluationJob, EvaluationOutcome>> {
  const key = `${workers}:${queueMax}`;
  let pool = pools.get(key);
  if (pool === undefined) {
    // Loaded with the first large body, not at start: an idle portal keeps no pool code
    // (docs/decisions/204).
    const { Piscina: Pool } = await import('piscina');
    // Another caller may have made the pool while this one waited for the import.
    pool = pools.get(key);
    if (pool !== undefined) return pool;
    pool = new Pool<EvaluationJob, EvaluationOutcome>({
      filename: new URL('./evaluate-worker.ts', import.meta.url).href,
      minThreads: 0,
      maxThreads: workers,
      maxQueue: queueMax,
      idleTimeout: IDLE_TIMEOUT_MS,
    });
    pools.set(key, pool);
  }
  return pool;
}

/** Runs an evaluation: inline when its body is small, else in a worker thread. */
export async function evaluate(deps: Deps, job: EvaluationJob): Promise<EvaluationOutcome> {
  const { evaluateInlineMaxBytes, evaluateWorkers, evaluateQueueMax } = deps.config;
  if (Buffer.byteLength(job.body) <= evaluateInlineMaxBytes) return runEvaluationJob(job);
  const pool = await poolOf(evaluateWorkers, evaluateQueueMax);
  // Checked before queueing: every worker busy and the queue full means a backlog no
  // client should wait behind.
  if (pool.queueSize >= evaluateQueueMax) {
    throw new Unavailable(
      'Too many evaluations are running. Try again shortly.',
      FULL_QUEUE_RETRY_AFTER_MS,
    );
  }
  return pool.run(job);
}

/** Ends every worker (for tools that exit on their own, such as benchmarks). */
export async function closeEvaluationPool(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}
