// `npm run --silent statements -- --period YYYY-MM [--out DIR] [--formats csv,json,pdf]`:
// every agreement's statement of a closed month, filed per customer, with index.csv
// (api/services/statement-run.ts, ADR 173). A progress bar on stderr; a summary on stdout.
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/client.ts';
import { openDatabase } from '../bootstrap.ts';
import { type Clock, systemClock } from '../clock.ts';
import { EnvError, readEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import {
  INDEX_FILE,
  planStatementRun,
  RUN_FORMATS,
  type RunSink,
  runStatements,
} from '../services/statement-run.ts';
import type { StatementFormat } from '../services/statements.ts';
import { progressBar } from './progress.ts';

const USAGE =
  'usage: npm run --silent statements -- --period YYYY-MM [--out DIR] [--formats csv,json,pdf]\n' +
  '  writes every agreement’s statement of a closed month into DIR (default: statements-YYYY-MM)';

/** Writes each file into `root` (which exists). */
export function directorySink(root: string): RunSink {
  return {
    async write(name, content) {
      const path = join(root, name);
      if (typeof content === 'string' || content instanceof Uint8Array) {
        await writeFile(path, content);
      } else {
        await pipeline(Readable.from(content), createWriteStream(path));
      }
    },
  };
}

function parseFormats(text: string | undefined): StatementFormat[] | null {
  if (text === undefined) return [...RUN_FORMATS];
  const chosen = text.split(',').map((part) => part.trim());
  const formats = RUN_FORMATS.filter((format) => chosen.includes(format));
  if (formats.length === 0 || formats.length !== new Set(chosen).size) return null;
  return formats;
}

export interface StatementsCliOptions {
  clock?: Clock;
  /** The database to read (tests); otherwise DATABASE_URL's. */
  db?: Database;
  stdout?: (text: string) => void;
}

export async function run(args: string[], options: StatementsCliOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((text: string) => process.stdout.write(text));
  const fail = (message: string, code: number) => {
    process.stderr.write(`${message}\n`);
    return code;
  };
  let values: {
    period?: string | undefined;
    out?: string | undefined;
    formats?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        period: { type: 'string' },
        out: { type: 'string' },
        formats: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.period === undefined) return fail(`--period is required.\n${USAGE}`, 2);
  const formats = parseFormats(values.formats);
  if (formats === null) {
    return fail(`--formats takes csv, json and pdf, separated by commas.\n${USAGE}`, 2);
  }
  const out = resolve(values.out ?? `statements-${values.period}`);

  let database = options.db;
  if (database === undefined) {
    try {
      database = await openDatabase(readEnv());
    } catch (error) {
      if (error instanceof EnvError) return fail(error.message, 1);
      throw error;
    }
  }
  try {
    const deps = {
      db: database,
      clock: options.clock ?? systemClock,
      config: readEnv().config,
    };
    let plan: Awaited<ReturnType<typeof planStatementRun>>;
    try {
      plan = await planStatementRun(deps, values.period);
    } catch (error) {
      if (error instanceof ApiError) {
        const issues = (error.issues ?? []).map((issue) => `\n  ${issue.path}: ${issue.message}`);
        return fail(`${error.message}${issues.join('')}`, 2);
      }
      throw error;
    }
    const existing = await readdir(out).catch(() => []);
    if (existing.length > 0) {
      return fail(
        `${out} is not empty: a run writes into a new or empty folder, so that its index lists everything in it.`,
        1,
      );
    }
    // Written under a temporary name and renamed at the end: a folder named for the month
    // is always a complete run (an interrupted one stays `….partial`).
    const partial = `${out}.partial`;
    const existingPartial = await readdir(partial).catch(() => []);
    if (existingPartial.length > 0) {
      return fail(`${partial} is left from an interrupted run; remove it first.`, 1);
    }
    await mkdir(partial, { recursive: true });
    const bar = progressBar(`statements ${plan.period}`, plan.agreements.length);
    const startedMs = performance.now();
    const summary = await runStatements(deps, plan, directorySink(partial), {
      formats,
      onProgress: (done) => bar.update(done),
    });
    bar.finish();
    await rename(partial, out).catch(async (error: NodeJS.ErrnoException) => {
      // `out` exists but is empty (checked above): replace it.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'EISDIR') {
        throw error;
      }
      await rm(out, { recursive: true });
      await rename(partial, out);
    });
    const seconds = ((performance.now() - startedMs) / 1000).toFixed(1);
    stdout(
      `Wrote ${summary.files.toLocaleString('en')} files for ${summary.agreements.toLocaleString('en')} agreements of ${summary.customers.toLocaleString('en')} customers (${plan.period}) into ${out} in ${seconds} s; the list is ${join(out, INDEX_FILE)}.\n`,
    );
    if (summary.unavailable > 0) {
      process.stderr.write(
        `${summary.unavailable} agreement services could not be computed from their stored data; the index and the statements name them.\n`,
      );
    }
    return 0;
  } finally {
    if (options.db === undefined) database.close();
  }
}
