// A part of a statement run on a thread of its own (api/cli/statements.ts, `--jobs`): the
// agreements it is given, written into the run's folder; progress and the index rows go back
// to the command, which writes the index once.
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../../db/client.ts';
import { fixedClock } from '../clock.ts';
import { makeConfig } from '../config.ts';
import type { RunPlan } from '../services/statement-run.ts';
import { writeStatements } from '../services/statement-run.ts';
import type { StatementFormat } from '../services/statements.ts';
import { directorySink } from './statement-sink.ts';

export interface WorkerInput {
  databaseUrl: string;
  authToken: string | undefined;
  origins: string[];
  plan: RunPlan;
  folder: string;
  formats: StatementFormat[];
}

export type WorkerMessage =
  | { kind: 'progress'; done: number }
  | {
      kind: 'done';
      files: number;
      unavailable: number;
      indexRows: Awaited<ReturnType<typeof writeStatements>>['indexRows'];
    };

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('statement-run-worker.ts runs as a worker thread');
const database = await createDb({ url: input.databaseUrl, authToken: input.authToken });
try {
  // The run's as-of instant, the same in every part.
  const deps = {
    db: database,
    clock: fixedClock(input.plan.asOfMs),
    config: makeConfig({ origins: input.origins }),
  };
  const written = await writeStatements(deps, input.plan, directorySink(input.folder), {
    formats: input.formats,
    onProgress: (done) => port.postMessage({ kind: 'progress', done } satisfies WorkerMessage),
  });
  port.postMessage({ kind: 'done', ...written } satisfies WorkerMessage);
} finally {
  database.close();
}
