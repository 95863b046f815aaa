// Properties of the evaluation over random cases (fast-check, ≥ 1 000 runs each).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EvaluationCase,
  type EvaluationCaseInput,
  type EvaluationResult,
  evaluateAgreements,
  evaluateCase,
  evaluationCaseSchema,
  formatInstant,
  type Policy,
  periodBounds,
  policySchema,
  prepareWindows,
  type WindowInput,
} from '../../api/sla/index.ts';
import { fromDecimal } from '../../api/sla/rational.ts';
import { runs } from '../helpers/runs.ts';

const RUNS = runs(1_000);
const DAY = 86_400_000;
const zones = [
  'UTC',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Havana',
  'Europe/London',
];
const periods = ['2024-02', '2026-03', '2026-04', '2026-10', '2026-11'];

const decimalPercent = fc.constantFrom(90, 95, 95.5, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100);

const policyArb = fc.record({
  targetPercent: decimalPercent,
  weights: fc.record({
    major_outage: fc.constantFrom(1, 0.5, 0.75),
    partial_outage: fc.integer({ min: 0, max: 100 }).map((h) => h / 100),
    degraded: fc.integer({ min: 0, max: 100 }).map((h) => h / 100),
  }),
  minimumOutageMinutes: fc.constantFrom(0, 1, 5, 30, 2.5),
  maintenanceNoticeMinutes: fc.constantFrom(0, 60, 2880),
  maintenanceAccounting: fc.constantFrom('excluded' as const, 'up' as const),
  tiers: fc.array(
    fc.record({
      belowPercent: decimalPercent,
      creditPercent: fc.constantFrom(0, 5, 10, 25, 33.33, 100, 150),
    }),
    { maxLength: 3 },
  ),
  dailyRule: fc.option(
    fc.record({
      thresholdMinutes: fc.constantFrom(0, 30, 240, 0.5),
      creditDays: fc.constantFrom(0, 1, 1.5, 3),
    }),
    { nil: null },
  ),
  capPercent: fc.constantFrom(0, 10, 50, 100, 150, 12.5),
  minimumCreditMinor: fc.constantFrom(0, 100, 5_000),
  claimWindowDays: fc.constantFrom(0, 30, 60),
});

interface Shape {
  readonly zone: string;
  readonly period: string;
}

function windowArb(baseMs: number, spanMs: number) {
  return fc
    .record({
      startMs: fc.integer({ min: 0, max: spanMs }),
      lengthMs: fc.oneof(
        fc.integer({ min: 1, max: 10 * 60_000 }),
        fc.integer({ min: 1, max: 2 * DAY }),
      ),
      state: fc.constantFrom(
        'major_outage' as const,
        'partial_outage' as const,
        'degraded' as const,
        'maintenance' as const,
      ),
      noticeMs: fc.option(fc.integer({ min: -DAY, max: 4 * DAY }), { nil: null }),
      open: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
    })
    .map((w) => ({
      startMs: baseMs + w.startMs,
      endMs: w.open ? null : baseMs + w.startMs + w.lengthMs,
      state: w.state,
      announcedAtMs: w.noticeMs === null ? null : baseMs + w.startMs - w.noticeMs,
    }));
}

interface RawWindow {
  readonly startMs: number;
  readonly endMs: number | null;
  readonly state: WindowInput['state'];
  readonly announcedAtMs: number | null;
}

type GeneratedPolicy = typeof policyArb extends fc.Arbitrary<infer P> ? P : never;

interface RawCase {
  readonly zone: string;
  readonly period: string;
  readonly asOfMs: number | null;
  readonly startMs: number;
  readonly endMs: number | null;
  readonly fee: number;
  readonly policy: GeneratedPolicy;
  readonly windows: RawWindow[];
  /** When monitoring began (§3.1); `null`: monitored throughout. */
  readonly monitoredSinceMs: number | null;
}

const caseArb: fc.Arbitrary<RawCase> = fc
  .record({ zone: fc.constantFrom(...zones), period: fc.constantFrom(...periods) })
  .chain(({ zone, period }: Shape) => {
    const bounds = periodBounds(period, zone);
    const baseMs = bounds.startMs - 2 * DAY;
    const spanMs = bounds.endMs - bounds.startMs + 4 * DAY;
    return fc.record({
      zone: fc.constant(zone),
      period: fc.constant(period),
      asOfMs: fc.option(fc.integer({ min: baseMs, max: baseMs + spanMs }), { nil: null, freq: 3 }),
      startMs: fc.oneof(
        fc.constant(baseMs - 100 * DAY),
        fc.integer({ min: baseMs, max: baseMs + spanMs }),
      ),
      endMs: fc.option(fc.integer({ min: 1, max: 40 * DAY }), { nil: null, freq: 2 }),
      // The largest fee whose 150 % cap is still a safe integer: ⌊(2^53 − 1) / 1.5⌋.
      fee: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(6_004_799_503_160_660)),
      policy: policyArb,
      windows: fc.array(windowArb(baseMs, spanMs), { maxLength: 12 }),
      monitoredSinceMs: fc.option(
        fc.oneof(
          fc.integer({ min: baseMs, max: baseMs + spanMs }),
          fc.constant(baseMs - 100 * DAY),
        ),
        { nil: null, freq: 2 },
      ),
    });
  })
  .map((c) => ({ ...c, endMs: c.endMs === null ? null : c.startMs + c.endMs }));

/** Writes an instant with a given UTC offset (minutes), e.g. `…T05:30:00.000+05:30`. */
function writeInstant(ms: number, offsetMinutes = 0): string {
  if (offsetMinutes === 0) return formatInstant(ms);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function toInput(
  c: RawCase,
  windows: readonly RawWindow[] = c.windows,
  offset: () => number = () => 0,
): EvaluationCaseInput {
  return {
    period: c.period,
    asOf: c.asOfMs === null ? null : writeInstant(c.asOfMs, offset()),
    agreement: {
      timeZone: c.zone,
      start: writeInstant(c.startMs, offset()),
      end: c.endMs === null ? null : writeInstant(c.endMs, offset()),
      monthlyFeeMinor: c.fee,
      currency: 'EUR',
    },
    policy: c.policy,
    windows: windows.map((w) => ({
      start: writeInstant(w.startMs, offset()),
      end: w.endMs === null ? null : writeInstant(w.endMs, offset()),
      state: w.state,
      announcedAt: w.announcedAtMs === null ? null : writeInstant(w.announcedAtMs, offset()),
    })),
    monitoredSince: c.monitoredSinceMs === null ? null : writeInstant(c.monitoredSinceMs, offset()),
  };
}

const policies = new WeakMap<GeneratedPolicy, Policy>();

/**
 * The validated case without running the whole schema on every run (its cost would
 * dominate): the policy is parsed once per generated policy, the rest is already in
 * the schema's output shape. The schema itself is checked on one case below.
 */
function toCase(c: RawCase, windows: readonly RawWindow[] = c.windows): EvaluationCase {
  let policy = policies.get(c.policy);
  if (policy === undefined) {
    policy = policySchema.parse(c.policy);
    policies.set(c.policy, policy);
  }
  const input = toInput(c, windows);
  return {
    period: input.period,
    asOf: input.asOf ?? null,
    agreement: { ...(input.agreement as EvaluationCase['agreement']) },
    policy,
    windows: (input.windows ?? []).map((w) => ({
      start: w.start,
      end: w.end ?? null,
      state: w.state,
      announcedAt: w.announcedAt ?? null,
    })),
    monitoredSince: input.monitoredSince ?? null,
  };
}

function evaluateRaw(c: RawCase, windows?: readonly RawWindow[]): EvaluationResult {
  return evaluateCase(toCase(c, windows));
}

/** Figures and pieces: everything but the per-window explanations, whose indices move. */
function figures(result: EvaluationResult) {
  const { ignored: _ignored, ...rest } = result;
  return rest;
}

function ignoredAsSet(result: EvaluationResult): string[] {
  return result.ignored.map(({ index: _index, ...entry }) => JSON.stringify(entry)).sort();
}

describe('properties', () => {
  it('the shortcut toCase builds what the schema would', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(toCase(c)).toEqual(evaluationCaseSchema.parse(toInput(c)));
      }),
      runs(200),
    );
  });

  it('availability lies in [0, 100], and shows below 100.000 whenever downtime counted', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateRaw(c);
        if (result.status !== 'evaluated') return result.availabilityPercent === null;
        const a = result.availabilityPercent as number;
        const shown = result.availabilityDisplay as string;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(100);
        expect(shown).toMatch(/^\d{1,3}\.\d{3}$/);
        if (result.downtimeMs > 0) expect(shown).not.toBe('100.000');
        return true;
      }),
      RUNS,
    );
  });

  it('adding an outage window never raises availability nor lowers downtime', () => {
    const extra = fc.record({
      startOffset: fc.integer({ min: 0, max: 34 * DAY }),
      lengthMs: fc.integer({ min: 1, max: DAY }),
      state: fc.constantFrom(
        'major_outage' as const,
        'partial_outage' as const,
        'degraded' as const,
      ),
    });
    fc.assert(
      fc.property(caseArb, extra, (c, e) => {
        const bounds = periodBounds(c.period, c.zone);
        const startMs = bounds.startMs - 2 * DAY + e.startOffset;
        const added: RawWindow = {
          startMs,
          endMs: startMs + e.lengthMs,
          state: e.state,
          announcedAtMs: null,
        };
        const before = evaluateRaw(c);
        const after = evaluateRaw(c, [...c.windows, added]);
        expect(after.status).toBe(before.status);
        expect(after.downtimeMs).toBeGreaterThanOrEqual(before.downtimeMs);
        if (before.availabilityPercent !== null) {
          expect(after.availabilityPercent as number).toBeLessThanOrEqual(
            before.availabilityPercent,
          );
        }
      }),
      RUNS,
    );
  });

  it('the order of the windows changes nothing', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray(c.windows, { minLength: c.windows.length })),
        ),
        ([c, shuffled]) => {
          const a = evaluateRaw(c);
          const b = evaluateRaw(c, shuffled);
          expect(figures(b)).toEqual(figures(a));
          expect(ignoredAsSet(b)).toEqual(ignoredAsSet(a));
        },
      ),
      RUNS,
    );
  });

  it('splitting an outage window into adjacent pieces changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (c, pick, at) => {
        const candidates = c.windows
          .map((w, i) => ({ w, i }))
          .filter(
            ({ w }) => w.state !== 'maintenance' && w.endMs !== null && w.endMs - w.startMs >= 2,
          );
        const chosen = candidates[pick % Math.max(1, candidates.length)];
        if (chosen === undefined) return;
        const { w, i } = chosen;
        const endMs = w.endMs as number;
        const cut = w.startMs + 1 + Math.floor(at * (endMs - w.startMs - 2));
        const split = [...c.windows];
        split.splice(i, 1, { ...w, endMs: cut }, { ...w, startMs: cut });
        expect(figures(evaluateRaw(c, split))).toEqual(figures(evaluateRaw(c)));
      }),
      RUNS,
    );
  });

  it('the credit never exceeds the cap rounded half up', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateRaw(c);
        const bounds = periodBounds(c.period, c.zone);
        // cap = fee × covered / period × capPercent / 100, rounded half up: ⌊(2n + d) / 2d⌋.
        const cap = fromDecimal(c.policy.capPercent);
        const n = BigInt(c.fee) * BigInt(result.coveredMs) * cap.n;
        const d = BigInt(bounds.endMs - bounds.startMs) * cap.d * 100n;
        const roundedCap = (2n * n + d) / (2n * d);
        expect(BigInt(result.capMinor)).toBe(roundedCap);
        expect(BigInt(result.creditMinor) <= roundedCap).toBe(true);
        expect(Number.isInteger(result.creditMinor)).toBe(true);
      }),
      RUNS,
    );
  });

  it('counted pieces and daily figures add up to the totals', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateCase(toCase(c), { includeDays: true });
        // Pieces: Σ weight(hundredths) × length, exact integers, / 100 once.
        let downtime100 = 0;
        for (const piece of result.counted) {
          downtime100 +=
            Math.round(piece.weight * 100) * (Date.parse(piece.end) - Date.parse(piece.start));
        }
        expect(downtime100 / 100).toBe(result.downtimeMs);
        const days = result.days ?? [];
        expect(days.reduce((sum, day) => sum + day.eligibleMs, 0)).toBe(result.eligibleMs);
        expect(
          Math.abs(days.reduce((sum, day) => sum + day.downtimeMs, 0) - result.downtimeMs),
        ).toBeLessThan(1e-6);
      }),
      RUNS,
    );
  });

  it('results do not depend on the UTC offset the instants are written in', () => {
    const offsets = fc.array(fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), {
      minLength: 64,
      maxLength: 64,
    });
    fc.assert(
      fc.property(caseArb, offsets, (c, list) => {
        let k = 0;
        const next = () => list[k++ % list.length] as number;
        // Through the schema here, so that the rewritten instants are validated too.
        const rewritten = evaluateCase(evaluationCaseSchema.parse(toInput(c, c.windows, next)));
        expect(rewritten).toEqual(evaluateRaw(c));
      }),
      RUNS,
    );
  });

  it('evaluateAgreements over a longer history equals evaluateCase on the same windows', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const parsed: EvaluationCase = toCase(c);
        const [batch] = evaluateAgreements(prepareWindows(parsed.windows), [parsed], {
          ignoredScope: 'all',
        });
        expect(batch).toEqual(evaluateCase(parsed));
      }),
      RUNS,
    );
  });

  it('many agreements on one prepared history, sharing its timelines and coverages, each equal evaluateCase', () => {
    const variationArb = fc.record({
      fee: fc.integer({ min: 0, max: 1_000_000 }),
      // Few distinct coverages, so that agreements with different fees and terms meet on one.
      startShiftDays: fc.constantFrom(0, 0, 3),
      monitored: fc.boolean(),
      // The same timeline (weights, notice, minimum run), the other maintenance accounting.
      otherAccounting: fc.boolean(),
      targetPercent: decimalPercent,
    });
    fc.assert(
      fc.property(
        caseArb,
        fc.array(variationArb, { minLength: 2, maxLength: 6 }),
        (c, variations) => {
          const cases = variations.map(
            (variation): RawCase => ({
              ...c,
              fee: variation.fee,
              startMs: c.startMs + variation.startShiftDays * DAY,
              monitoredSinceMs: variation.monitored ? c.monitoredSinceMs : null,
              policy: {
                ...c.policy,
                targetPercent: variation.targetPercent,
                maintenanceAccounting: variation.otherAccounting
                  ? c.policy.maintenanceAccounting === 'up'
                    ? 'excluded'
                    : 'up'
                  : c.policy.maintenanceAccounting,
              },
            }),
          );
          const requests = cases.map((each) => toCase(each));
          const prepared = prepareWindows(requests[0]?.windows ?? []);
          // Twice over: the second round is answered from what the first remembered.
          for (let round = 0; round < 2; round += 1) {
            const batch = evaluateAgreements(prepared, requests, { ignoredScope: 'all' });
            batch.forEach((result, index) => {
              expect(result).toEqual(evaluateCase(requests[index] as EvaluationCase));
            });
          }
        },
      ),
      runs(300),
    );
  });

  it('unmeasured time is never up: figures equal those of coverage starting at monitoredSince', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateRaw(c);
        const unmonitored = evaluateRaw({ ...c, monitoredSinceMs: null });
        // The fee base stays on the covered time: not monitoring never shrinks a credit's base.
        expect(result.coveredMs).toBe(unmonitored.coveredMs);
        expect(result.feeBaseMinor).toBe(unmonitored.feeBaseMinor);
        expect(result.capMinor).toBe(unmonitored.capMinor);
        if (result.status === 'not-covered') {
          expect(unmonitored.status).toBe('not-covered');
          return;
        }
        const m = c.monitoredSinceMs;
        if (m === null || m <= c.startMs) {
          expect(result).toEqual(unmonitored);
          expect(result.unmonitoredMs).toBe(0);
          return;
        }
        // The same case with the agreement starting when monitoring began measures Cm.
        const ends = c.endMs === null ? Number.POSITIVE_INFINITY : c.endMs;
        if (m >= ends) {
          expect(result.status).toBe('not-monitored');
          expect(result.unmonitoredMs).toBe(result.coveredMs);
          return;
        }
        const shifted = evaluateRaw({ ...c, startMs: m, monitoredSinceMs: null });
        expect(result.unmonitoredMs).toBe(result.coveredMs - shifted.coveredMs);
        if (shifted.status === 'not-covered') {
          expect(result.status).toBe('not-monitored');
          expect(result.availabilityPercent).toBeNull();
          expect(result.met).toBeNull();
          expect(result.creditMinor).toBe(0);
          expect(result.eligibleMs).toBe(0);
          expect(result.downtimeMs).toBe(0);
          return;
        }
        expect(result.status).toBe(shifted.status);
        for (const key of [
          'eligibleMs',
          'downtimeMs',
          'availabilityPercent',
          'availabilityDisplay',
          'met',
          'creditPercent',
          'qualifyingDays',
          'counted',
        ] as const) {
          expect(result[key]).toEqual(shifted[key]);
        }
      }),
      RUNS,
    );
  });

  it('monitoring that begins later never measures more time, and ignored windows say why', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 40 * DAY }), (c, delayMs) => {
        const earlier = evaluateRaw(c);
        const base = c.monitoredSinceMs ?? c.startMs;
        const later = evaluateRaw({ ...c, monitoredSinceMs: base + delayMs });
        expect(later.unmonitoredMs).toBeGreaterThanOrEqual(earlier.unmonitoredMs);
        expect(later.eligibleMs).toBeLessThanOrEqual(earlier.eligibleMs);
        expect(later.downtimeMs).toBeLessThanOrEqual(earlier.downtimeMs);
        // A window whose covered part lies wholly before monitoring began contributed
        // nothing, by that reason (its part past the period or the agreement is not looked at).
        const monitoredFrom = Math.max(base + delayMs, c.startMs);
        const coveredEndMs = Math.min(
          Date.parse(later.period.end),
          c.asOfMs ?? Number.POSITIVE_INFINITY,
          c.endMs ?? Number.POSITIVE_INFINITY,
        );
        for (const entry of later.ignored) {
          const w = c.windows[entry.index] as RawWindow;
          if (entry.reason === 'outside-monitoring') {
            const endMs = Math.min(w.endMs ?? Number.POSITIVE_INFINITY, coveredEndMs);
            expect(endMs).toBeLessThanOrEqual(monitoredFrom);
          }
        }
      }),
      RUNS,
    );
  });

  it("a month's length is the sum of its local days, which are contiguous", () => {
    // Loading a zone's rules costs milliseconds: a spread of 50 zones (every n-th of the
    // database) plus those with midnight changes and odd offsets keeps this fast.
    const every = Intl.supportedValuesOf('timeZone');
    const step = Math.ceil(every.length / 50);
    const allZones = [
      ...every.filter((_zone, i) => i % step === 0),
      'America/Havana',
      'America/Santiago',
      'Asia/Amman',
      'Asia/Beirut',
      'Pacific/Chatham',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...allZones),
        fc.integer({ min: 1950, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        (zone, year, month) => {
          const bounds = periodBounds(`${year}-${String(month).padStart(2, '0')}`, zone);
          let cursor = bounds.startMs;
          for (const day of bounds.days) {
            expect(day.startMs).toBe(cursor);
            expect(day.endMs).toBeGreaterThan(day.startMs);
            cursor = day.endMs;
          }
          expect(cursor).toBe(bounds.endMs);
          expect(bounds.days).toHaveLength(bounds.daysInMonth);
          expect(bounds.days.reduce((sum, day) => sum + (day.endMs - day.startMs), 0)).toBe(
            bounds.endMs - bounds.startMs,
          );
        },
      ),
      RUNS,
    );
  });
});
