// Benchmark of the work one request may cause at the product's limits: `node bench/bounded-work.ts`.
// Measures how long the largest allowed ingest, the largest correction and the demo seed's
// roll-up rebuild hold the write transaction, and the longest the event loop stalls meanwhile;
// and what a large evaluation costs on the event loop inline and in the worker. Writes its
// figures into docs/benchmarks.md between <!-- bench:bounded-work:start --> and
// <!-- bench:bounded-work:end --> (other sections are kept). ADR 113 quotes them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../api/app.ts';
import { generateApiKey } from '../api/auth/api-key-secrets.ts';
import { hashPassword } from '../api/auth/passwords.ts';
import { randomToken, sha256 } from '../api/auth/tokens.ts';
import { openDatabase, seedDemoData } from '../api/bootstrap.ts';
import { manualClock } from '../api/clock.ts';
import { makeConfig } from '../api/config.ts';
import { readEnv } from '../api/env.ts';
import { EARLIEST_INSTANT_MS } from '../api/instant-range.ts';
import { closeEvaluationPool, evaluate } from '../api/services/evaluate-pool.ts';
import { createDb, type Database, migrateDb } from '../db/client.ts';
import { apiKeys, services, sessions, users, windows } from '../db/schema/index.ts';
import { writeSection } from './lib/report.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T12:00:00Z');
/** A monitor that flaps: this many short windows a day over the backfill horizon. */
const HISTORY_PER_DAY = 20;
const HISTORY_DAYS = 400;

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** The write transactions of `database`, each timed, and the longest event-loop stall. */
function instrument(database: Database) {
  const writes: number[] = [];
  const write = database.write.bind(database);
  database.write = async (fn) =>
    write(async (tx) => {
      const start = performance.now();
      try {
        return await fn(tx);
      } finally {
        writes.push(performance.now() - start);
      }
    });
  return writes;
}

/** Runs `fn` while a 1 ms timer watches the event loop; the longest gap between ticks, in ms. */
async function withStallProbe<T>(fn: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  try {
    const result = await fn();
    // The gap up to now counts too: a loop blocked to the end never ran the probe at all.
    return { result, stallMs: Math.max(stallMs, performance.now() - last) };
  } finally {
    clearInterval(probe);
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function statusDataFigures() {
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-'));
  const database = await createDb({ url: `file:${join(dir, 'portal.db')}` });
  await migrateDb(database);
  const clock = manualClock(NOW);
  const config = makeConfig({ origins: ['http://bench.test'] });
  const app = createApp({ db: database, clock, config });
  // The service's monitoredSince puts the backfill horizon at the earliest instant the API takes.
  const monitoredSince = new Date(EARLIEST_INSTANT_MS + config.backfillDays * DAY);
  const { key, prefix, keyHash } = generateApiKey();
  const sessionToken = randomToken();
  await database.write(async (tx) => {
    const admin = await tx
      .insert(users)
      .values({
        email: 'admin@bench.test',
        passwordHash: await hashPassword('bench password 1', {
          memoryCostKiB: 1024,
          timeCost: 1,
          parallelism: 1,
        }),
        role: 'admin',
        createdAt: new Date(NOW),
      })
      .returning()
      .get();
    await tx.insert(sessions).values({
      tokenHash: sha256(sessionToken),
      userId: admin.id,
      createdAt: new Date(NOW),
      lastSeenAt: new Date(NOW),
      expiresAt: new Date(NOW + DAY),
    });
    await tx.insert(apiKeys).values({
      name: 'bench',
      prefix,
      keyHash,
      scopes: ['ingest'],
      createdByUserId: admin.id,
      createdAt: new Date(NOW),
    });
    const service = await tx
      .insert(services)
      .values({ slug: 'api', name: 'API', monitoredSince, createdAt: new Date(NOW) })
      .returning()
      .get();
    // A year of a flapping monitor's closed windows: what every refresh over them reads.
    const rows = [];
    for (let day = 0; day < HISTORY_DAYS; day += 1) {
      for (let n = 0; n < HISTORY_PER_DAY; n += 1) {
        const start = NOW - (day + 1) * DAY + n * (DAY / HISTORY_PER_DAY);
        rows.push({
          serviceId: service.id,
          externalId: `history:${day}:${n}`,
          state: n % 3 === 0 ? ('major_outage' as const) : ('partial_outage' as const),
          start: new Date(start),
          end: new Date(start + 5 * MINUTE),
          source: 'seed' as const,
          requestFingerprint: '',
          createdAt: new Date(NOW),
          updatedAt: new Date(NOW),
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insert(windows).values(rows.slice(i, i + 500));
    }
  });
  const writes = instrument(database);
  const call = (path: string, body: unknown, headers: Record<string, string>) =>
    app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const start = new Date(EARLIEST_INSTANT_MS).toISOString();
  const end = new Date(NOW + config.clockSkewMs).toISOString();
  const days = Math.ceil((NOW + config.clockSkewMs - EARLIEST_INSTANT_MS) / DAY);
  // A small ingest first: the first request pays for compiling the routes, not for its work.
  await call(
    '/ingest/windows',
    {
      externalId: 'bench:warm-up',
      service: 'api',
      state: 'degraded',
      start: new Date(NOW - DAY).toISOString(),
      end: new Date(NOW - DAY + MINUTE).toISOString(),
    },
    { authorization: `Bearer ${key}` },
  );
  log(
    `largest ingest: ${start} → ${end} (${days} days) over ${HISTORY_PER_DAY * HISTORY_DAYS} windows`,
  );
  const ingest = await withStallProbe(async () => {
    const response = await call(
      '/ingest/windows',
      { externalId: 'bench:largest', service: 'api', state: 'major_outage', start, end },
      { authorization: `Bearer ${key}` },
    );
    if (response.status !== 201)
      throw new Error(`ingest: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: number };
  });
  const ingestWriteMs = writes.at(-1) ?? Number.NaN;
  log(`  write ${ms(ingestWriteMs)}, longest stall ${ms(ingest.stallMs)}`);
  const correction = await withStallProbe(async () => {
    const response = await call(
      `/staff/windows/${ingest.result.id}/corrections`,
      { state: 'partial_outage', reason: 'bench: the largest correction' },
      { cookie: `portal_session=${sessionToken}`, origin: 'http://bench.test' },
    );
    if (response.status !== 201) throw new Error(`correction: ${response.status}`);
  });
  const correctionWriteMs = writes.at(-1) ?? Number.NaN;
  log(
    `largest correction: write ${ms(correctionWriteMs)}, longest stall ${ms(correction.stallMs)}`,
  );
  database.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    days,
    ingestWriteMs,
    ingestStallMs: ingest.stallMs,
    correctionWriteMs,
    correctionStallMs: correction.stallMs,
  };
}

async function seedFigures() {
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-'));
  const env = readEnv({ DATABASE_URL: `file:${join(dir, 'portal.db')}`, PORTAL_DEMO: '1' });
  const database = await openDatabase(env);
  const writes = instrument(database);
  const clock = manualClock(NOW);
  const lines: string[] = [];
  await seedDemoData(
    database,
    {
      ...env,
      config: {
        ...env.config,
        passwordHashing: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
      },
    },
    clock,
    (line) => lines.push(line),
  );
  // The second write of the seed is the roll-up rebuild (api/bootstrap.ts).
  const rebuildMs = writes[1] ?? Number.NaN;
  log(`demo seed: roll-up rebuild ${ms(rebuildMs)}; every write: ${writes.map(ms).join(', ')}`);
  database.close();
  rmSync(dir, { recursive: true, force: true });
  return { rebuildMs, seedMs: writes[0] ?? Number.NaN };
}

/** A case of `count` short outages in one month: about 95 bytes a window. */
function bigCase(count: number): string {
  const base = Date.parse('2026-03-01T00:00:00Z');
  return JSON.stringify({
    period: '2026-03',
    agreement: {
      timeZone: 'America/New_York',
      start: '2026-01-01T05:00:00Z',
      end: null,
      monthlyFeeMinor: 250_000,
      currency: 'USD',
    },
    policy: { targetPercent: 99.95, tiers: [{ belowPercent: 99.95, creditPercent: 10 }] },
    windows: Array.from({ length: count }, (_, i) => ({
      start: new Date(base + i * 80_000).toISOString(),
      end: new Date(base + i * 80_000 + 10_000).toISOString(),
      state: i % 2 === 0 ? 'major_outage' : 'partial_outage',
    })),
  });
}

async function evaluationFigures() {
  const body = bigCase(30_000);
  const job = { kind: 'availability' as const, body, includeDays: false };
  const deps = (inlineMaxBytes: number) =>
    ({ config: makeConfig({ evaluateInlineMaxBytes: inlineMaxBytes }) }) as Parameters<
      typeof evaluate
    >[0];
  const run = async (inlineMaxBytes: number) => {
    // One untimed run first: the worker's start and the JIT are not the evaluation.
    await evaluate(deps(inlineMaxBytes), job);
    const start = performance.now();
    const { stallMs } = await withStallProbe(() => evaluate(deps(inlineMaxBytes), job));
    return { wallMs: performance.now() - start, stallMs };
  };
  const inline = await run(Number.MAX_SAFE_INTEGER);
  const worker = await run(0);
  const mib = (Buffer.byteLength(body) / 1024 / 1024).toFixed(1);
  log(
    `evaluation of ${mib} MiB: inline ${ms(inline.wallMs)} (stall ${ms(inline.stallMs)}), worker ${ms(worker.wallMs)} (stall ${ms(worker.stallMs)})`,
  );
  return { mib, inline, worker };
}

const statusData = await statusDataFigures();
const seed = await seedFigures();
const evaluation = await evaluationFigures();
await closeEvaluationPool();

const body = `
## Bounded work per request (\`node bench/bounded-work.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, embedded SQLite.
The write column is how long the request held the write transaction; the stall column is the longest the event loop did not turn meanwhile.

| work | write | longest stall |
|---|---|---|
| largest allowed ingest: ${statusData.days} days, over ${HISTORY_PER_DAY * HISTORY_DAYS} existing windows | ${ms(statusData.ingestWriteMs)} | ${ms(statusData.ingestStallMs)} |
| largest correction (its state: every day of it, before and after) | ${ms(statusData.correctionWriteMs)} | ${ms(statusData.correctionStallMs)} |
| demo seed: the roll-up rebuild (one write at start) | ${ms(seed.rebuildMs)} | — |

| evaluation of a ${evaluation.mib} MiB case (30,000 windows) | time | longest stall |
|---|---|---|
| on the event loop | ${ms(evaluation.inline.wallMs)} | ${ms(evaluation.inline.stallMs)} |
| in the worker thread | ${ms(evaluation.worker.wallMs)} | ${ms(evaluation.worker.stallMs)} |
`;
log(`\nwrote ${writeSection('bounded-work', body)}`);
