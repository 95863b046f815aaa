// Cost of durable commits: `node bench/durability.ts`.
// Single-row write transactions through the portal's write path (db/client.ts) on an
// embedded database in WAL mode, with synchronous = NORMAL and with FULL (the portal's
// setting, docs/decisions/116). Writes its figures into docs/benchmarks.md between
// <!-- bench:durability:start --> and <!-- bench:durability:end -->.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, migrateDb, type Synchronous } from '../db/client.ts';
import { customers } from '../db/schema/index.ts';
import { writeSection } from './lib/report.ts';

/** Writes per round and rounds per setting; the settings alternate, round by round. */
const WRITES = 1_000;
const ROUNDS = 4;
const WARMUP_WRITES = 50;

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

interface Round {
  totalMs: number;
  medianMs: number;
  p95Ms: number;
}

async function round(dir: string, synchronous: Synchronous, index: number): Promise<Round> {
  const database = await createDb({
    url: `file:${join(dir, `${synchronous}-${index}.db`)}`,
    synchronous,
  });
  await migrateDb(database);
  const writeOne = (n: number) =>
    database.write((tx) =>
      tx
        .insert(customers)
        .values({ name: `Customer ${n}`, timeZone: 'UTC', createdAt: new Date(0) }),
    );
  for (let n = 0; n < WARMUP_WRITES; n += 1) await writeOne(n);
  const latencies: number[] = [];
  const start = performance.now();
  for (let n = 0; n < WRITES; n += 1) {
    const before = performance.now();
    await writeOne(n);
    latencies.push(performance.now() - before);
  }
  const totalMs = performance.now() - start;
  database.close();
  latencies.sort((a, b) => a - b);
  return { totalMs, medianMs: quantile(latencies, 0.5), p95Ms: quantile(latencies, 0.95) };
}

const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-durability-'));
const filesystem =
  spawnSync('df', ['-T', dir], { encoding: 'utf8' }).stdout.split('\n')[1]?.split(/\s+/)[1] ??
  'unknown';
const results: Record<Synchronous, Round[]> = { NORMAL: [], FULL: [] };
try {
  for (let index = 0; index < ROUNDS; index += 1) {
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      const result = await round(dir, synchronous, index);
      results[synchronous].push(result);
      log(
        `${synchronous.padEnd(6)} round ${index + 1}: ${WRITES} writes in ${result.totalMs.toFixed(0)} ms ` +
          `(median ${result.medianMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms)`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const summary = (synchronous: Synchronous) => {
  const rounds = results[synchronous];
  const totalMs = median(rounds.map((item) => item.totalMs));
  return {
    perSecond: (WRITES / totalMs) * 1000,
    medianMs: median(rounds.map((item) => item.medianMs)),
    p95Ms: median(rounds.map((item) => item.p95Ms)),
  };
};
const normal = summary('NORMAL');
const full = summary('FULL');
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const load = os
  .loadavg()
  .map((value) => value.toFixed(1))
  .join(' / ');
const row = (name: string, figures: ReturnType<typeof summary>) =>
  `| ${name} | ${figures.perSecond.toFixed(0)} | ${figures.medianMs.toFixed(2)} | ${figures.p95Ms.toFixed(2)} |`;
const file = writeSection(
  'durability',
  `
## Durable commits (\`node bench/durability.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, Node ${process.version}, linux ${os.release()}, database on ${filesystem} (the file system of the OS temporary folder). The machine is shared (load average ${load} at the end of the run), so expect noise.

${WRITES.toLocaleString('en-US')} single-row write transactions one after another (\`database.write\`, BEGIN IMMEDIATE … COMMIT, as every portal write), in WAL mode, after ${WARMUP_WRITES} warm-up writes; ${ROUNDS} rounds per setting, alternating, each on a fresh database; medians of the rounds.

| synchronous | writes per second | median write (ms) | p95 write (ms) |
|---|---|---|---|
${row('NORMAL', normal)}
${row('FULL (the portal)', full)}

FULL syncs the WAL at every commit, so a committed claim, decision or credit survives a power
loss; NORMAL syncs only at checkpoints and may lose the last commits (decision 116). Here
FULL costs ${(full.medianMs - normal.medianMs).toFixed(2)} ms more per write (median); one writer
then commits about ${full.perSecond.toFixed(0)} writes a second instead of ${normal.perSecond.toFixed(0)} (${(normal.perSecond / full.perSecond).toFixed(1)}× fewer).
`,
);
log(`Wrote ${file}`);
