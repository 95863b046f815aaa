// Benchmark of statement runs (issue 17) on the provider data set (bench/lib/data.ts:
// 5,000 customers × 20 services, a year of history), against its anchor in the same run:
// `node bench/statements.ts`. Writes its section of docs/benchmarks.md.
//
// - Anchor, "the engine with shared work": each service's windows of the month prepared once
//   (read beforehand, untimed) and every agreement × service evaluated on them
//   (`evaluateAgreements`, figures only), in this process.
// - Runs: `npm run statements`'s command in a child process of its own, wall time from spawn
//   to exit (Node's start included) and the child's peak RSS: a month as CSV and JSON (the
//   issue's goal: < 10 s, < 1 GB), the same month with PDFs too, and a year of months in one
//   command (`--period` twelve times: one pass, ADR 169).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  asOfFor,
  engineAgreement,
  loadAgreements,
  windowsForRange,
} from '../api/services/sla-figures.ts';
import {
  type EvaluationRequest,
  evaluateAgreements,
  formatInstant,
  periodBounds,
  prepareWindows,
  shiftPeriod,
  type Window,
} from '../api/sla/index.ts';
import { createDb } from '../db/client.ts';
import { ensureDataSet } from './lib/data.ts';
import { writeSection } from './lib/report.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const here = import.meta.dirname;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const path = join(here, '../tmp/bench/provider.db');
const manifest = await ensureDataSet('provider', path);
const period = manifest.closedMonth;
const loadBefore = os.loadavg()[0] ?? 0;

/** The anchor: the engine alone on the month, sharing each service's prepared windows. */
async function anchor(): Promise<{ ms: number; evaluations: number; windows: number }> {
  const database = await createDb({ url: `file:${path}` });
  const agreements = await loadAgreements(database.db, {});
  const zones = [...new Set(agreements.map((agreement) => agreement.timeZone))];
  const startMs = Math.min(...zones.map((zone) => periodBounds(period, zone).startMs));
  const endMs = Math.max(...zones.map((zone) => periodBounds(period, zone).endMs));
  const byService = new Map<number, { windows: Window[]; requests: EvaluationRequest[] }>();
  for (const agreement of agreements) {
    const version = agreement.versions.at(-1);
    if (version === undefined) continue;
    for (const service of agreement.services) {
      let entry = byService.get(service.serviceId);
      if (entry === undefined) {
        const found = await windowsForRange(
          database.db,
          service.serviceId,
          version.rules,
          { startMs, endMs },
          manifest.nowMs,
        );
        entry = { windows: found.windows, requests: [] };
        byService.set(service.serviceId, entry);
      }
      entry.requests.push({
        period,
        asOf: formatInstant(asOfFor(period, agreement.timeZone, manifest.nowMs)),
        agreement: engineAgreement(agreement, service),
        policy: version.rules,
        monitoredSince: formatInstant(service.monitoredSinceMs),
      });
    }
  }
  database.close();
  const timings: number[] = [];
  let evaluations = 0;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    evaluations = 0;
    for (const { windows, requests } of byService.values()) {
      const prepared = prepareWindows(windows);
      evaluations += evaluateAgreements(prepared, requests, { explain: false }).length;
    }
    timings.push(performance.now() - started);
    log(`anchor round ${round + 1}: ${(timings.at(-1) as number).toFixed(0)} ms`);
  }
  const windows = [...byService.values()].reduce((sum, entry) => sum + entry.windows.length, 0);
  return { ms: median(timings), evaluations, windows };
}

interface ChildResult {
  wallMs: number;
  runs: { period: string; ms: number }[];
  maxRssBytes: number;
  cpuMs: number;
  mainThreadCpuMs: number;
}

/** Runs the command in a child process; the output goes to a temporary folder, removed. */
function child(formats: string, jobs: string, periods: string[]): Promise<ChildResult> {
  const outRoot = mkdtempSync(join(os.tmpdir(), 'portal-bench-statements-'));
  const started = performance.now();
  return new Promise<ChildResult>((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      [
        join(here, 'lib/statement-run-child.ts'),
        path,
        String(manifest.nowMs),
        outRoot,
        formats,
        jobs,
        ...periods,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    process_.stdout.on('data', (chunk) => {
      output += chunk;
    });
    process_.once('exit', (code) => {
      const wallMs = performance.now() - started;
      rmSync(outRoot, { recursive: true, force: true });
      if (code !== 0) {
        reject(new Error(`the statement run exited with ${code}`));
        return;
      }
      const parsed = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Omit<
        ChildResult,
        'wallMs'
      >;
      resolve({ ...parsed, wallMs });
    });
  });
}

function summary(result: ChildResult): string {
  return `${(result.wallMs / 1000).toFixed(1)} s, ${(result.maxRssBytes / 1e6).toFixed(0)} MB; CPU ${(result.cpuMs / 1000).toFixed(1)} s, of which the main thread ${(result.mainThreadCpuMs / 1000).toFixed(1)} s`;
}

const engine = await anchor();
log(`anchor: ${engine.evaluations.toLocaleString('en')} evaluations in ${engine.ms.toFixed(0)} ms`);
log(`month ${period}, CSV and JSON, one thread (the default)…`);
const monthOne = await child('csv,json', 'default', [period]);
log(`  ${summary(monthOne)}`);
log(`month ${period}, CSV and JSON, two threads…`);
const month = await child('csv,json', '2', [period]);
log(`  ${summary(month)}`);
const yearPeriods = Array.from({ length: 12 }, (_, back) => shiftPeriod(period, back - 11));
log(`a year of months (${yearPeriods[0]} to ${period}), CSV and JSON…`);
const year = await child('csv,json', 'default', yearPeriods);
log(`  ${summary(year)}`);
log(`month ${period}, CSV, JSON and PDF…`);
const withPdf = await child('csv,json,pdf', 'default', [period]);
log(`  ${summary(withPdf)}`);

const load = os
  .loadavg()
  .map((value) => value.toFixed(1))
  .join(' / ');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en')} MB`;
const ratio = (ms: number) => `${(ms / engine.ms).toFixed(1)}×`;
const body = `
## Statement runs (\`node bench/statements.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, linux ${os.release()}, embedded SQLite, local disk. The machine is shared (1-minute load average ${loadBefore.toFixed(1)} at the start; ${load} at the end), so expect noise of tens of percent.

Data: the provider data set (\`node bench/lib/data.ts provider\`): ${manifest.services.length} services with a year of history (${manifest.windows.toLocaleString('en')} windows), 5,000 customers with one agreement each on all ${manifest.services.length} services, in five zones. The month is ${period}: ${engine.evaluations.toLocaleString('en')} agreement × service months over ${engine.windows.toLocaleString('en')} windows.

**Anchor, the engine with shared work**: each service's windows of the month (read beforehand, untimed) prepared once, and every agreement × service month evaluated on them (\`evaluateAgreements\`, figures only), median of 3: **${s(engine.ms)}**.

Runs: \`npm run statements\`'s command in a process of its own, from spawn to exit (Node's start, reading, evaluating, writing every file and the index), and that process's peak RSS (its threads included). \`--jobs N\` splits the agreements over N threads, each loading the code and reading its own pages and the services' windows again: it pays only on cores nobody else uses, so one thread is the default. Before issue 17 a month took 644 s and 1.9 GB (one customer at a time through the single statement).

| run | files | time | vs anchor | goal | peak RSS |
|---|---|---|---|---|---|
| a month, CSV and JSON (one thread, the default) | ${(2 * 5_000 + 1).toLocaleString('en')} | **${s(monthOne.wallMs)}** | ${ratio(monthOne.wallMs)} | < 10 s, < 1 GB | ${mb(monthOne.maxRssBytes)} |
| the same on two threads (\`--jobs 2\`) | ${(2 * 5_000 + 1).toLocaleString('en')} | ${s(month.wallMs)} | ${ratio(month.wallMs)} | — | ${mb(month.maxRssBytes)} |
| a year: 12 months (${yearPeriods[0]} to ${period}), CSV and JSON, one command (one pass, ADR 169) | ${(12 * (2 * 5_000 + 1)).toLocaleString('en')} | **${s(year.wallMs)}** | — | < 60 s | ${mb(year.maxRssBytes)} |
| a month, CSV, JSON and PDF | ${(3 * 5_000 + 1).toLocaleString('en')} | ${s(withPdf.wallMs)} | ${ratio(withPdf.wallMs)} | — | ${mb(withPdf.maxRssBytes)} |

Where the time goes (CPU profiles of three months and of the year, ADR 205): the command writes its files on a thread of its own, so a file's encoding and system calls (creating a file costs this machine's file system about 0.3 ms of system time) run on the second core while the main thread builds the next statements; the runs' times follow the main thread's. There, building each statement and its CSV and JSON (\`JSON.stringify\` alone about an eighth) is now most of the work; the engine, which shares each coverage's interval work across agreements and months, about a tenth; loading the code (TypeScript stripped on each start) a few seconds; handing the files to the writing thread and garbage collection the rest. A PDF costs about 35 ms of pdfkit's text layout and font subsetting each, on one core: the PDFs are most of the last run.
`;
log(body);
log(`wrote ${writeSection('statements', body)}`);
