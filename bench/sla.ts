// Benchmark of the SLA engine: `node bench/sla.ts`.
// Prints progress, then writes its figures into docs/benchmarks.md between
// <!-- bench:sla:start --> and <!-- bench:sla:end --> (other sections are kept).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  applyPolicyDefaults,
  type EvaluationCase,
  type EvaluationRequest,
  evaluateAgreements,
  evaluateCase,
  evaluationCaseSchema,
  formatInstant,
  type Policy,
  periodBounds,
  prepareWindows,
  type Window,
} from '../api/sla/index.ts';
import { writeSection } from './lib/report.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Median of `runs` timings after `warmup` untimed runs, in ms. */
function measure(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const timings: number[] = [];
  for (let i = 0; i < runs; i += 1) timings.push(time(fn));
  return median(timings);
}

/**
 * `count` windows over [fromMs, toMs): a realistic mix of states and lengths
 * (log-uniform from 1 minute to `maxLengthMs`), announced maintenance mostly.
 */
function makeWindows(
  next: () => number,
  count: number,
  fromMs: number,
  toMs: number,
  maxLengthMs: number,
): Window[] {
  const windows: Window[] = [];
  for (let i = 0; i < count; i += 1) {
    const startMs = fromMs + Math.floor(next() * (toMs - fromMs));
    const lengthMs = Math.max(1, Math.floor(MINUTE * (maxLengthMs / MINUTE) ** next()));
    const roll = next();
    const state =
      roll < 0.5
        ? 'major_outage'
        : roll < 0.8
          ? 'partial_outage'
          : roll < 0.9
            ? 'degraded'
            : 'maintenance';
    windows.push({
      id: i,
      start: formatInstant(startMs),
      end: formatInstant(startMs + lengthMs),
      state,
      announcedAt:
        state === 'maintenance' && next() < 0.8 ? formatInstant(startMs - 3 * DAY) : null,
    });
  }
  return windows;
}

const policies: Policy[] = [
  applyPolicyDefaults({
    targetPercent: 99.99,
    minimumOutageMinutes: 1,
    tiers: [
      { belowPercent: 99.99, creditPercent: 10 },
      { belowPercent: 99, creditPercent: 30 },
      { belowPercent: 95, creditPercent: 100 },
    ],
  }),
  applyPolicyDefaults({
    targetPercent: 99.9,
    minimumOutageMinutes: 5,
    tiers: [
      { belowPercent: 99.9, creditPercent: 10 },
      { belowPercent: 99, creditPercent: 25 },
      { belowPercent: 95, creditPercent: 100 },
    ],
  }),
  applyPolicyDefaults({
    targetPercent: 99.5,
    weights: { partial_outage: 0.5, degraded: 0.1 },
    maintenanceAccounting: 'up',
    tiers: [{ belowPercent: 99.5, creditPercent: 15 }],
    capPercent: 50,
  }),
  applyPolicyDefaults({
    targetPercent: 99,
    tiers: [],
    dailyRule: { thresholdMinutes: 240, creditDays: 1 },
    minimumCreditMinor: 500,
  }),
  applyPolicyDefaults({
    targetPercent: 99.95,
    minimumOutageMinutes: 10,
    maintenanceNoticeMinutes: 10_080,
    tiers: [
      { belowPercent: 99.95, creditPercent: 5 },
      { belowPercent: 99.5, creditPercent: 20 },
    ],
    capPercent: 30,
  }),
];

const zones = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Pacific/Chatham',
];

// ---------------------------------------------------------------------------
// 1. One customer-month with 10 000 overlapping windows.

function monthCase(windowCount: number, seed: number): EvaluationCase {
  const next = random(seed);
  const bounds = periodBounds('2026-03', 'America/New_York');
  // Windows up to 6 h long packed into one month: each instant is under several at once.
  const windows = makeWindows(
    next,
    windowCount,
    bounds.startMs - DAY,
    bounds.endMs + DAY,
    6 * HOUR,
  );
  return evaluationCaseSchema.parse({
    period: '2026-03',
    agreement: {
      timeZone: 'America/New_York',
      start: '2025-01-01T00:00:00Z',
      monthlyFeeMinor: 250_000,
      currency: 'USD',
    },
    policy: {
      targetPercent: 99.95,
      minimumOutageMinutes: 5,
      tiers: [
        { belowPercent: 99.95, creditPercent: 10 },
        { belowPercent: 99, creditPercent: 25 },
      ],
      dailyRule: { thresholdMinutes: 240, creditDays: 1 },
    },
    windows,
  });
}

log('sla bench: one customer-month with 10 000 overlapping windows…');
const month = monthCase(10_000, 1);
const monthMs = measure(() => evaluateCase(month), 51, 30);
const monthRaw = JSON.parse(JSON.stringify(month)) as unknown;
const monthWithParseMs = measure(() => evaluateCase(evaluationCaseSchema.parse(monthRaw)), 21, 5);
const sample = evaluateCase(month);
log(
  `  median ${monthMs.toFixed(2)} ms (with zod validation ${monthWithParseMs.toFixed(2)} ms); ` +
    `availability ${sample.availabilityDisplay} %, ${sample.counted.length} counted pieces`,
);

// ---------------------------------------------------------------------------
// 2. n log n: the same month with 1k, 10k, 100k windows.

log('sla bench: growth with the number of windows…');
const growth = [1_000, 10_000, 100_000].map((n) => {
  const c = monthCase(n, 7);
  const ms = measure(() => evaluateCase(c), n >= 100_000 ? 9 : 31, n >= 100_000 ? 2 : 20);
  log(`  n = ${n}: ${ms.toFixed(2)} ms`);
  return { n, ms };
});
const base = growth[0] as { n: number; ms: number };
const nLogN = (n: number) => n * Math.log2(n);

// ---------------------------------------------------------------------------
// 3. A year of monthly statements: 1 000 agreements × 5 services, 100 000 windows.

const SERVICES = 50;
const WINDOWS_PER_SERVICE = 2_000;
const AGREEMENTS = 1_000;
const SERVICES_PER_AGREEMENT = 5;
const periods = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

log('sla bench: a year of statements, 1 000 agreements × 5 services over 100 000 windows…');
const next = random(42);
const yearStart = Date.UTC(2025, 11, 30);
const yearEnd = Date.UTC(2027, 0, 2);
const serviceWindows: Window[][] = [];
for (let s = 0; s < SERVICES; s += 1) {
  const windows = makeWindows(next, WINDOWS_PER_SERVICE, yearStart, yearEnd, 4 * HOUR);
  // A few services have an incident still going on: those timelines depend on asOf.
  if (s % 10 === 0)
    windows.push({
      id: 'open',
      start: '2026-12-30T10:00:00Z',
      end: null,
      state: 'partial_outage',
      announcedAt: null,
    });
  serviceWindows.push(windows);
}
const requestsByService: EvaluationRequest[][] = Array.from({ length: SERVICES }, () => []);
for (let a = 0; a < AGREEMENTS; a += 1) {
  const timeZone = pick(next, zones);
  const policy = pick(next, policies);
  // Most agreements run all year; some start or end within it (prorated months).
  const startMs =
    next() < 0.8
      ? Date.UTC(2025, 0, 1)
      : Date.UTC(2026, Math.floor(next() * 12), 1 + Math.floor(next() * 28));
  const endMs = next() < 0.1 ? Date.UTC(2026, 6 + Math.floor(next() * 6), 15) : null;
  const services = new Set<number>();
  while (services.size < SERVICES_PER_AGREEMENT) services.add(Math.floor(next() * SERVICES));
  for (const service of services) {
    const agreement = {
      timeZone,
      start: formatInstant(startMs),
      end: endMs === null || endMs <= startMs ? null : formatInstant(endMs),
      monthlyFeeMinor: 10_000 + Math.floor(next() * 1_000_000),
      currency: 'EUR',
    };
    for (const period of periods)
      requestsByService[service]?.push({ period, asOf: null, agreement, policy });
  }
}
const totalWindows = serviceWindows.reduce((sum, list) => sum + list.length, 0);
const totalStatements = requestsByService.reduce((sum, list) => sum + list.length, 0);

function runYear(explain: boolean): number {
  let credited = 0;
  for (let s = 0; s < SERVICES; s += 1) {
    // One prepared set per service, shared by every agreement and month that covers it.
    const prepared = prepareWindows(serviceWindows[s] as Window[]);
    const requests = requestsByService[s] as EvaluationRequest[];
    // One agreement's twelve statements at a time, as a statement run would write them
    // out; the timelines memoised on `prepared` are shared across all the calls.
    for (let i = 0; i < requests.length; i += 12) {
      for (const result of evaluateAgreements(prepared, requests.slice(i, i + 12), { explain })) {
        credited += result.creditMinor;
      }
    }
  }
  return credited;
}

function measureYear(
  explain: boolean,
  runs: number,
): { medianMs: number; firstMs: number; credited: number } {
  const timings: number[] = [];
  let credited = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    credited = runYear(explain);
    timings.push(performance.now() - start);
    log(
      `  ${explain ? 'with explanations' : 'figures only'}, run ${i + 1}: ${(timings[i] as number).toFixed(0)} ms`,
    );
  }
  return { medianMs: median(timings), firstMs: timings[0] as number, credited };
}

const figuresOnly = measureYear(false, 5);
const explained = measureYear(true, 3);
if (figuresOnly.credited !== explained.credited) throw new Error('explain changed the credits');
const credited = figuresOnly.credited;

// ---------------------------------------------------------------------------
// Report.

const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}`;
const rows = growth
  .map(({ n, ms }) => {
    const ratio = ms / base.ms / (nLogN(n) / nLogN(base.n));
    return `| ${n.toLocaleString('en-US')} | ${ms.toFixed(2)} | ${(ms / base.ms).toFixed(1)}× | ${(nLogN(n) / nLogN(base.n)).toFixed(1)}× | ${ratio.toFixed(2)} |`;
  })
  .join('\n');
const section = `
## SLA engine (\`node bench/sla.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.
Medians of repeated runs after warm-up. The machine is shared with other work (load average
${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} at the end of the run), so expect noise of tens of percent.

| measurement | aim | result |
|---|---|---|
| one customer-month (New York, March 2026), 10 000 overlapping windows, \`evaluateCase\` | < 5 ms | **${monthMs.toFixed(2)} ms** (${monthWithParseMs.toFixed(2)} ms including zod validation of the JSON case) |
| a year of monthly statements: ${AGREEMENTS.toLocaleString('en-US')} agreements × ${SERVICES_PER_AGREEMENT} services × 12 months = ${totalStatements.toLocaleString('en-US')} evaluations over ${totalWindows.toLocaleString('en-US')} windows, figures only (\`explain: false\`) | < 2 s | **${figuresOnly.medianMs.toFixed(0)} ms** (first, cold run ${figuresOnly.firstMs.toFixed(0)} ms) |
| the same with full explanations (\`counted\` and \`ignored\` for every statement: ≈ 160 objects each) | — | ${explained.medianMs.toFixed(0)} ms (first run ${explained.firstMs.toFixed(0)} ms) |

Growth with the number of windows in one month (same generator, \`evaluateCase\` end to end,
including parsing the instants):

| windows n | time (ms) | time vs n = 1 000 | n log n vs n = 1 000 | ratio (1 = exactly n log n) |
|---|---|---|---|---|
${rows}

The work is sorting (typed-array sorts of starts and ends, per weight level) and linear
sweeps, so n log n is the expected shape; a ratio near or below 1 means no worse than n log n.

**The statement model.** ${SERVICES} services with ${WINDOWS_PER_SERVICE.toLocaleString('en-US')} windows each over 2026
(log-uniform lengths from 1 minute to 4 hours; 50 % major, 30 % partial, 10 % degraded, 10 %
maintenance, 80 % of it announced 3 days ahead; every tenth service has an incident still
open at the year's end). Each agreement covers ${SERVICES_PER_AGREEMENT} random services, has one of ${zones.length} time zones
(including +05:30, +13:45 and both hemispheres' DST) and one of ${policies.length} policies (minimums, \`up\`
accounting, a daily rule, caps, a minimum credit); 20 % start during the year and 10 % end in
it. Windows are handed over as validated documents (as the API would read them from the
database); the time includes parsing their instants. Total credits issued: ${credited.toLocaleString('en-US')} minor units.

**What is shared.** Period bounds and local days are memoised per (zone, month). Per service,
\`prepareWindows\` parses the year's windows once, and \`evaluateAgreements\` builds the severity
timeline and outage runs once per (service, policy weights/notice/minimum[, asOf when a
window is open]) and reuses it for every agreement and month; each evaluation then only
clips that timeline to its covered time (binary search) and does the exact arithmetic.
`;

const doc = writeSection('sla', section);
log(`sla bench: wrote ${doc}`);
