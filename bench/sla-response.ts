// Benchmark of the response-time engine (sla-response.md): `node bench/sla-response.ts`.
// Prints progress, then writes its figures into docs/benchmarks.md between
// <!-- bench:sla-response:start --> and <!-- bench:sla-response:end --> (other sections are kept).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  type BusinessHoursInput,
  type EventType,
  evaluateResponseCase,
  formatInstant,
  periodBounds,
  type ResponseCase,
  type ResponseCaseInput,
  type ResponseResult,
  responseCaseSchema,
  type SupportRequestInput,
} from '../api/sla/index.ts';
import { writeSection } from './lib/report.ts';

const SECOND = 1_000;
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

/** Times each run of `fn`, logging progress; the first run is reported on its own. */
function measure(
  label: string,
  fn: () => unknown,
  runs: number,
): { medianMs: number; firstMs: number } {
  const timings: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    timings.push(performance.now() - start);
    log(`  ${label}, run ${i + 1}/${runs}: ${(timings[i] as number).toFixed(1)} ms`);
  }
  // The first run also builds the business calendars (memoised for the later ones).
  return { medianMs: median(timings.slice(1)), firstMs: timings[0] as number };
}

/** Log-uniform between `minMs` and `maxMs`: most answers are quick, a few take days. */
function logUniform(next: () => number, minMs: number, maxMs: number): number {
  return Math.floor(minMs * (maxMs / minMs) ** next());
}

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/**
 * `count` requests opened over the period, with a help desk's event mix: an auto-reply to
 * most, a human answer to nearly all, pauses while waiting on the customer, resolutions,
 * some reopened and resolved again, a few still open at asOf.
 */
function makeRequests(
  next: () => number,
  count: number,
  fromMs: number,
  toMs: number,
  prefix: string,
): SupportRequestInput[] {
  const requests: SupportRequestInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const openedMs = fromMs + Math.floor(next() * (toMs - fromMs));
    const roll = next();
    const priority = PRIORITIES[roll < 0.05 ? 0 : roll < 0.3 ? 1 : roll < 0.75 ? 2 : 3] ?? 'P3';
    const events: { at: string; type: EventType }[] = [];
    const at = (ms: number, type: EventType) => events.push({ at: formatInstant(ms), type });
    if (next() < 0.8)
      at(openedMs + 2 * SECOND + Math.floor(next() * 10 * SECOND), 'automated-response');
    let cursorMs = openedMs + logUniform(next, MINUTE, 3 * DAY);
    if (next() < 0.97) at(cursorMs, 'human-response');
    if (next() < 0.3) {
      at(cursorMs + MINUTE, 'paused');
      cursorMs += logUniform(next, HOUR, 4 * DAY);
      at(cursorMs, 'resumed');
    }
    if (next() < 0.95) {
      cursorMs += logUniform(next, 10 * MINUTE, 5 * DAY);
      at(cursorMs, 'resolved');
      if (next() < 0.05) {
        cursorMs += logUniform(next, HOUR, 3 * DAY);
        at(cursorMs, 'reopened');
        cursorMs += logUniform(next, 10 * MINUTE, 2 * DAY);
        at(cursorMs, 'resolved');
      }
    }
    requests.push({ id: `${prefix}-${i}`, priority, openedAt: formatInstant(openedMs), events });
  }
  return requests;
}

function officeHours(holidays: string[], lunch: boolean): BusinessHoursInput {
  const day: [string, string][] = lunch
    ? [
        ['08:00', '12:00'],
        ['13:00', '18:00'],
      ]
    : [['09:00', '17:00']];
  return {
    schedule: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    holidays,
  };
}

const policy: ResponseCaseInput['policy'] = {
  objectives: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
    P2: { firstResponseMinutes: 240, resolutionMinutes: 2_400, calendar: 'business' },
    P3: { firstResponseMinutes: 480, resolutionMinutes: 4_800, calendar: 'business' },
    P4: { firstResponseMinutes: 1_440, calendar: 'business' },
  },
  targetPercent: 95,
  tiers: [
    { belowPercent: 95, creditPercent: 5 },
    { belowPercent: 90, creditPercent: 10 },
    { belowPercent: 80, creditPercent: 25 },
  ],
  capPercent: 50,
};

const PERIOD = '2026-03';
const ZONE = 'Europe/Berlin';
const REQUESTS = 100_000;
// Mid-April: requests opened late in March are still open, some pending, some run out.
const AS_OF = '2026-04-15T12:00:00Z';

// ---------------------------------------------------------------------------
// 1. One agreement's month: 100 000 requests, business calendars in Berlin (DST on 29 March).

log(`sla-response bench: generating ${REQUESTS.toLocaleString('en-US')} requests (seeded)…`);
const bounds = periodBounds(PERIOD, ZONE);
const bigInput: ResponseCaseInput = {
  period: PERIOD,
  asOf: AS_OF,
  agreement: {
    timeZone: ZONE,
    start: '2025-01-01T00:00:00Z',
    monthlyFeeMinor: 1_500_000,
    currency: 'EUR',
    businessHours: officeHours(['2026-03-19', '2026-04-03', '2026-04-06'], true),
  },
  policy,
  requests: makeRequests(random(16), REQUESTS, bounds.startMs, bounds.endMs, 'T'),
};
const bigJson = JSON.parse(JSON.stringify(bigInput)) as unknown;
const eventCount = (bigInput.requests ?? []).reduce((sum, r) => sum + (r.events?.length ?? 0), 0);
log(
  `  ${eventCount.toLocaleString('en-US')} events, ${(JSON.stringify(bigInput).length / 1e6).toFixed(1)} MB of JSON`,
);

log('sla-response bench: validating once…');
const validateStart = performance.now();
const bigCase: ResponseCase = responseCaseSchema.parse(bigJson);
const validateMs = performance.now() - validateStart;
log(`  zod validation: ${validateMs.toFixed(0)} ms`);

log('sla-response bench: evaluating the month…');
let bigResult: ResponseResult | undefined;
const month = measure(
  'evaluateResponseCase',
  () => {
    bigResult = evaluateResponseCase(bigCase);
  },
  11,
);
const withValidation = measure(
  'validation + evaluation',
  () => evaluateResponseCase(responseCaseSchema.parse(bigJson)),
  5,
);
if (bigResult === undefined) throw new Error('no result');
const outcomes = { met: 0, missed: 0, pending: 0 };
for (const o of bigResult.objectives) {
  outcomes.met += o.met;
  outcomes.missed += o.missed;
  outcomes.pending += o.pending;
}
log(
  `  median ${month.medianMs.toFixed(1)} ms (first run ${month.firstMs.toFixed(1)} ms); ` +
    `credit ${bigResult.creditPercent} % = ${bigResult.creditMinor} minor units`,
);

// ---------------------------------------------------------------------------
// 2. Many agreements: 100 cases × 1 000 requests in 8 zones, each with its own hours.

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
const CASES = 100;
const PER_CASE = 1_000;
log(
  `sla-response bench: ${CASES} agreements × ${PER_CASE.toLocaleString('en-US')} requests in ${zones.length} zones…`,
);
const next = random(61);
const manyCases: ResponseCase[] = Array.from({ length: CASES }, (_, k) => {
  const timeZone = zones[k % zones.length] ?? 'UTC';
  const caseBounds = periodBounds(PERIOD, timeZone);
  return responseCaseSchema.parse({
    period: PERIOD,
    asOf: AS_OF,
    agreement: {
      timeZone,
      start: '2025-01-01T00:00:00Z',
      monthlyFeeMinor: 10_000 + Math.floor(next() * 1_000_000),
      currency: 'EUR',
      // A holiday on a different day per agreement: every agreement has its own calendar.
      businessHours: officeHours([`2026-03-${String(2 + (k % 27)).padStart(2, '0')}`], k % 2 === 0),
    },
    policy,
    requests: makeRequests(next, PER_CASE, caseBounds.startMs, caseBounds.endMs, `A${k}`),
  });
});
const many = measure('100 agreements', () => manyCases.map(evaluateResponseCase), 7);

// ---------------------------------------------------------------------------
// Report.

const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}`;
const section = `
## Response-time engine (\`node bench/sla-response.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.
Medians of the runs after the first; the first run (which also builds the business calendars,
then memoised) is given on its own, and may well be faster than the median when garbage
collection of earlier runs' results lands in later ones. The machine is shared with other work (load average ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} at the end of the run), so expect noise of tens of percent.

| measurement | aim | result |
|---|---|---|
| one agreement's month (Berlin, March 2026, DST on the 29th): ${REQUESTS.toLocaleString('en-US')} requests, ${eventCount.toLocaleString('en-US')} events, business calendars for P2–P4, \`evaluateResponseCase\` on the validated case | < 1 s | **${month.medianMs.toFixed(0)} ms** (first run ${month.firstMs.toFixed(0)} ms) |
| the same from JSON, with zod validation of the case | — | ${withValidation.medianMs.toFixed(0)} ms (first run ${withValidation.firstMs.toFixed(0)} ms) |
| ${CASES} agreements × ${PER_CASE.toLocaleString('en-US')} requests in ${zones.length} zones, each with its own business hours | — | ${many.medianMs.toFixed(0)} ms (first run ${many.firstMs.toFixed(0)} ms) |

**The data set** (seeded, \`random(16)\` and \`random(61)\`): requests opened uniformly over the
month; P1 5 %, P2 25 %, P3 45 %, P4 25 %; an auto-reply to 80 % within seconds; a human answer
to 97 % after a log-uniform 1 minute to 3 days; a pause of 1 hour to 4 days for 30 %; a
resolution for 95 %, of which 5 % are reopened and resolved again. Business hours Mon–Fri
08:00–12:00 and 13:00–18:00 (or 09:00–17:00) with holidays; \`asOf\` mid-April, so the requests
of late March are partly still pending. Outcomes of the 100,000-request month, over all
objectives: ${outcomes.met.toLocaleString('en-US')} met,
${outcomes.missed.toLocaleString('en-US')} missed, ${outcomes.pending.toLocaleString('en-US')} pending; credit ${bigResult.creditPercent} %.

**Where the time goes.** Each request is one pass over its events (sorted only when given out
of order), with calendar time as two binary searches in the business intervals' prefix sums.
A calendar is built lazily per (zone, hours, period): a 24-hour local day adds its intervals to
local midnight, a DST day converts each end with Temporal; a "has the target passed?" question
stops building as soon as it has. Validating the JSON with zod (strict objects, every instant
parsed, events checked against \`openedAt\`) costs about ${(withValidation.medianMs / Math.max(month.medianMs, 0.001) - 1).toFixed(0)}× the evaluation itself; through
\`POST /sla/evaluate-response\` the 4 MiB body limit keeps a case to roughly 15,000 requests.
`;

const doc = writeSection('sla-response', section);
log(`sla-response bench: wrote ${doc}`);
