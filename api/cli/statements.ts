// `npm run --silent statements -- --period YYYY-MM [--period …] [--out DIR] [--formats csv,json,pdf]`:
// every agreement's statement of a closed month, filed per customer, with index.csv
// (api/services/statement-run.ts, ADR 173); several months (a year) in one pass that reads
// the windows and the agreements once (ADR 169). A progress bar on stderr; a summary on stdout.
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/client.ts';
import { openDatabase } from '../bootstrap.ts';
import { type Clock, fixedClock, systemClock } from '../clock.ts';
import { DomainError } from '../domain-errors.ts';
import { EnvError, readEnv } from '../env.ts';
import {
  INDEX_FILE,
  type IndexRow,
  planStatementRun,
  RUN_FORMATS,
  type RunPlan,
  type RunSummary,
  runStatements,
  writeIndex,
  writeMonths,
} from '../services/statement-run.ts';
import type { StatementFormat } from '../services/statements.ts';
import { progressBar } from './progress.ts';
import type { WorkerInput, WorkerMessage } from './statement-run-worker.ts';
import { directorySink, threadedWriter } from './statement-sink.ts';

const USAGE =
  'usage: npm run --silent statements -- --period YYYY-MM [--period YYYY-MM …] [--out DIR] [--formats csv,json,pdf] [--jobs N]\n' +
  '  writes every agreement’s statement of a closed month into DIR (default: statements-YYYY-MM);\n' +
  '  of several months, each into DIR/statements-YYYY-MM (DIR default: the current folder),\n' +
  '  in one pass that reads the windows and agreements once (--jobs is for one month),\n' +
  '  on N threads (default 1: each thread loads the code and reads the windows again, which\n' +
  '  pays only on idle cores)';

function parseFormats(text: string | undefined): StatementFormat[] | null {
  if (text === undefined) return [...RUN_FORMATS];
  const chosen = text.split(',').map((part) => part.trim());
  const formats = RUN_FORMATS.filter((format) => chosen.includes(format));
  if (formats.length === 0 || formats.length !== new Set(chosen).size) return null;
  return formats;
}

export interface StatementsCliOptions {
  clock?: Clock;
  /**
   * The database to read (tests); otherwise DATABASE_URL's. With it, the threads of `--jobs`
   * open `databaseUrl` (the same file) themselves.
   */
  db?: Database;
  databaseUrl?: string;
  stdout?: (text: string) => void;
}

/** The agreements in `jobs` runs of whole pages, in order (each thread reads its own pages). */
function split(plan: RunPlan, jobs: number): RunPlan[] {
  const size = Math.ceil(plan.agreements.length / jobs);
  const parts: RunPlan[] = [];
  for (let from = 0; from < plan.agreements.length; from += size) {
    const agreements = plan.agreements.slice(from, from + size);
    parts.push({
      ...plan,
      agreements,
      customers: new Set(agreements.map((ref) => ref.customerId)).size,
    });
  }
  return parts;
}

/** The run on several threads, each writing its part into `folder`; the index written here. */
async function runOnThreads(
  plan: RunPlan,
  parts: RunPlan[],
  input: Omit<WorkerInput, 'plan'>,
  onProgress: (done: number) => void,
): Promise<RunSummary> {
  const done = parts.map(() => 0);
  const results = await Promise.all(
    parts.map(
      (part, index) =>
        new Promise<Extract<WorkerMessage, { kind: 'done' }>>((resolveRun, rejectRun) => {
          const worker = new Worker(new URL('./statement-run-worker.ts', import.meta.url), {
            workerData: { ...input, plan: part } satisfies WorkerInput,
          });
          let result: Extract<WorkerMessage, { kind: 'done' }> | undefined;
          worker.on('message', (message: WorkerMessage) => {
            if (message.kind === 'progress') {
              done[index] = message.done;
              onProgress(done.reduce((sum, value) => sum + value, 0));
            } else {
              result = message;
            }
          });
          worker.once('error', rejectRun);
          worker.once('exit', (code) => {
            if (result !== undefined && code === 0) resolveRun(result);
            else rejectRun(new Error(`a statement run thread stopped (exit ${code})`));
          });
        }),
    ),
  );
  const rows: IndexRow[] = results.flatMap((result) => result.indexRows);
  await writeIndex(directorySink(input.folder), rows);
  return {
    period: plan.period,
    agreements: plan.agreements.length,
    customers: plan.customers,
    files: results.reduce((sum, result) => sum + result.files, 0) + 1,
    unavailable: results.reduce((sum, result) => sum + result.unavailable, 0),
  };
}

/** A month's folder: refused when in use; written under `….partial`, renamed when complete. */
async function claimFolder(out: string): Promise<{ partial: string } | { refusal: string }> {
  const existing = await readdir(out).catch(() => []);
  if (existing.length > 0) {
    return {
      refusal: `${out} is not empty: a run writes into a new or empty folder, so that its index lists everything in it.`,
    };
  }
  const partial = `${out}.partial`;
  const existingPartial = await readdir(partial).catch(() => []);
  if (existingPartial.length > 0) {
    return { refusal: `${partial} is left from an interrupted run; remove it first.` };
  }
  return { partial };
}

async function publish(partial: string, out: string): Promise<void> {
  await rename(partial, out).catch(async (error: NodeJS.ErrnoException) => {
    // `out` exists but is empty (checked before the run): replace it.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'EISDIR') {
      throw error;
    }
    await rm(out, { recursive: true });
    await rename(partial, out);
  });
}

export async function run(args: string[], options: StatementsCliOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((text: string) => process.stdout.write(text));
  const fail = (message: string, code: number) => {
    process.stderr.write(`${message}\n`);
    return code;
  };
  let values: {
    period?: string[] | undefined;
    out?: string | undefined;
    formats?: string | undefined;
    jobs?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        period: { type: 'string', multiple: true },
        out: { type: 'string' },
        formats: { type: 'string' },
        jobs: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const periods = values.period ?? [];
  if (periods.length === 0) return fail(`--period is required.\n${USAGE}`, 2);
  if (new Set(periods).size !== periods.length) {
    return fail(`Each month is given once: --period ${periods.join(', ')}.\n${USAGE}`, 2);
  }
  const formats = parseFormats(values.formats);
  if (formats === null) {
    return fail(`--formats takes csv, json and pdf, separated by commas.\n${USAGE}`, 2);
  }
  const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    return fail(`--jobs takes a whole number of threads, 1 to 64.\n${USAGE}`, 2);
  }
  if (jobs > 1 && periods.length > 1) {
    return fail(`--jobs is for a run of one month; several months run in one pass.\n${USAGE}`, 2);
  }
  const outs =
    periods.length === 1
      ? [resolve(values.out ?? `statements-${periods[0]}`)]
      : periods.map((period) => resolve(values.out ?? '.', `statements-${period}`));

  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) return fail(error.message, 1);
    throw error;
  }
  const database = options.db ?? (await openDatabase(env));
  const databaseUrl = options.db === undefined ? env.databaseUrl : options.databaseUrl;
  try {
    // One instant for every month of the run: their statements show the figures as of then.
    const clock = fixedClock((options.clock ?? systemClock).now());
    const deps = { db: database, clock, config: env.config };
    const plans: RunPlan[] = [];
    for (const period of periods) {
      try {
        plans.push(await planStatementRun(deps, period));
      } catch (error) {
        if (error instanceof DomainError) {
          const issues = (error.issues ?? []).map((issue) => `\n  ${issue.path}: ${issue.message}`);
          return fail(`${error.message}${issues.join('')}`, 2);
        }
        throw error;
      }
    }
    const partials: string[] = [];
    for (const out of outs) {
      const claimed = await claimFolder(out);
      if ('refusal' in claimed) return fail(claimed.refusal, 1);
      partials.push(claimed.partial);
    }
    for (const partial of partials) await mkdir(partial, { recursive: true });
    const label = periods.length === 1 ? periods[0] : `${periods[0]}..${periods.at(-1)}`;
    const total = plans.reduce((sum, plan) => sum + plan.agreements.length, 0);
    const bar = progressBar(`statements ${label}`, total);
    const startedMs = performance.now();
    const writer = threadedWriter();
    let summaries: RunSummary[];
    try {
      const [plan] = plans;
      const [partial] = partials;
      if (plans.length === 1 && plan !== undefined && partial !== undefined) {
        const parts = split(plan, Math.max(1, Math.min(jobs, plan.agreements.length)));
        summaries = [
          parts.length > 1 && databaseUrl !== undefined
            ? await runOnThreads(
                plan,
                parts,
                {
                  databaseUrl,
                  authToken: env.databaseAuthToken,
                  origins: env.config.origins,
                  folder: partial,
                  formats,
                },
                (done) => bar.update(done),
              )
            : await runStatements(deps, plan, writer.sink(partial), {
                formats,
                onProgress: (done) => bar.update(done),
              }),
        ];
      } else {
        const written = await writeMonths(
          deps,
          plans.map((each, index) => ({ plan: each, sink: writer.sink(partials[index] ?? '') })),
          { formats, onProgress: (done) => bar.update(done) },
        );
        summaries = [];
        for (const [index, each] of plans.entries()) {
          const month = written[index];
          if (month === undefined) throw new Error(`the run wrote nothing for ${each.period}`);
          await writeIndex(writer.sink(partials[index] ?? ''), month.indexRows);
          summaries.push({
            period: each.period,
            agreements: each.agreements.length,
            customers: each.customers,
            files: month.files + 1,
            unavailable: month.unavailable,
          });
        }
      }
    } finally {
      // Every file is written before a folder is published or the run reports a failure.
      await writer.close();
    }
    bar.finish();
    for (const [index, out] of outs.entries()) await publish(partials[index] ?? '', out);
    const seconds = ((performance.now() - startedMs) / 1000).toFixed(1);
    for (const [index, summary] of summaries.entries()) {
      const out = outs[index] ?? '';
      stdout(
        `Wrote ${summary.files.toLocaleString('en')} files for ${summary.agreements.toLocaleString('en')} agreements of ${summary.customers.toLocaleString('en')} customers (${summary.period}) into ${out}${summaries.length === 1 ? ` in ${seconds} s` : ''}; the list is ${join(out, INDEX_FILE)}.\n`,
      );
    }
    if (summaries.length > 1) stdout(`${summaries.length} months in ${seconds} s.\n`);
    const unavailable = summaries.reduce((sum, summary) => sum + summary.unavailable, 0);
    if (unavailable > 0) {
      process.stderr.write(
        `${unavailable} agreement services could not be computed from their stored data; the index and the statements name them.\n`,
      );
    }
    return 0;
  } finally {
    if (options.db === undefined) database.close();
  }
}
