// Properties of the response-time evaluation over random cases (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessHoursInput,
  type EventType,
  evaluateResponseCase,
  formatInstant,
  type Outcome,
  type Priority,
  periodBounds,
  type ResponseCaseInput,
  type ResponseResult,
  responseCaseSchema,
} from '../../api/sla/index.ts';
import { fromDecimal } from '../../api/sla/rational.ts';
import { runs } from '../helpers/runs.ts';

const RUNS = runs(300);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const periods = ['2024-02', '2026-03', '2026-10', '2026-11'];
const eventTypes: EventType[] = [
  'human-response',
  'automated-response',
  'paused',
  'resumed',
  'resolved',
  'reopened',
];
const priorities: Priority[] = ['P1', 'P2', 'P3', 'P4'];

/** Intervals of one weekday on a 30-minute grid (so DST hours are hit often). */
const dayArb = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 4 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const text = (half: number) =>
    `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}`;
  const intervals: [string, string][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    intervals.push([text(sorted[i] as number), text(sorted[i + 1] as number)]);
  }
  return intervals;
});

const objectiveArb = fc.record({
  firstResponseMinutes: fc.constantFrom(0, 1, 2.5, 30, 240, 600),
  resolutionMinutes: fc.option(fc.constantFrom(0.5, 60, 240, 1440, 4800), { nil: null }),
  calendar: fc.constantFrom('24x7' as const, 'business' as const),
});

const percentArb = fc.constantFrom(0, 50, 80, 90, 95, 99.5, 99.9999, 100);

interface RawEvent {
  readonly offsetMs: number;
  readonly type: EventType;
}

interface RawRequest {
  readonly priority: Priority;
  readonly openedAtMs: number;
  readonly events: RawEvent[];
}

const eventArb: fc.Arbitrary<RawEvent> = fc.record({
  offsetMs: fc.oneof(
    fc.integer({ min: 0, max: 2 * HOUR }),
    fc.integer({ min: 0, max: 12 * DAY }),
    fc.constantFrom(0, 30 * MINUTE, 4 * HOUR),
  ),
  type: fc.constantFrom(...eventTypes),
});

const caseArb = fc
  .record({ zone: fc.constantFrom(...zones), period: fc.constantFrom(...periods) })
  .chain(({ zone, period }) => {
    const bounds = periodBounds(period, zone);
    const baseMs = bounds.startMs - 3 * DAY;
    const spanMs = bounds.endMs - bounds.startMs + 6 * DAY;
    return fc.record({
      zone: fc.constant(zone),
      period: fc.constant(period),
      asOfMs: fc.option(fc.integer({ min: baseMs, max: bounds.endMs + 30 * DAY }), {
        nil: null,
        freq: 3,
      }),
      startMs: fc.oneof(
        fc.constant(baseMs - 100 * DAY),
        fc.integer({ min: baseMs, max: baseMs + spanMs }),
      ),
      lengthMs: fc.option(fc.integer({ min: 1, max: 40 * DAY }), { nil: null, freq: 2 }),
      fee: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(6_004_799_503_160_660)),
      hours: fc.record({
        schedule: fc.record({
          mon: dayArb,
          tue: dayArb,
          wed: dayArb,
          thu: dayArb,
          fri: dayArb,
          sat: dayArb,
          sun: dayArb,
        }),
        holidays: fc.array(
          fc
            .integer({ min: 0, max: 40 })
            .map((days) => new Date(baseMs + days * DAY).toISOString().slice(0, 10)),
          { maxLength: 3 },
        ),
      }),
      objectives: fc.record({
        P1: fc.option(objectiveArb, { nil: null, freq: 4 }),
        P2: fc.option(objectiveArb, { nil: null, freq: 4 }),
        P3: fc.option(objectiveArb, { nil: null, freq: 4 }),
        P4: fc.option(objectiveArb, { nil: null, freq: 4 }),
      }),
      targetPercent: percentArb,
      tiers: fc.array(
        fc.record({
          belowPercent: percentArb,
          creditPercent: fc.constantFrom(0, 5, 10, 25, 33.33, 100, 150),
        }),
        { maxLength: 3 },
      ),
      capPercent: fc.constantFrom(0, 10, 12.5, 50, 100, 150),
      minimumCreditMinor: fc.constantFrom(0, 100, 5_000),
      requests: fc.array(
        fc.record({
          priority: fc.constantFrom(...priorities),
          openedAtMs: fc.integer({ min: baseMs, max: baseMs + spanMs }),
          events: fc.array(eventArb, { maxLength: 7 }),
        }),
        { maxLength: 8 },
      ),
    });
  });

type RawCase = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

/** Writes an instant with a given UTC offset (minutes), e.g. `…T05:30:00.000+05:30`. */
function writeInstant(ms: number, offsetMinutes = 0): string {
  if (offsetMinutes === 0) return formatInstant(ms);
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function toInput(
  c: RawCase,
  requests: readonly RawRequest[] = c.requests,
  offset: () => number = () => 0,
): ResponseCaseInput {
  return {
    period: c.period,
    asOf: c.asOfMs === null ? null : writeInstant(c.asOfMs, offset()),
    agreement: {
      timeZone: c.zone,
      start: writeInstant(c.startMs, offset()),
      end: c.lengthMs === null ? null : writeInstant(c.startMs + c.lengthMs, offset()),
      monthlyFeeMinor: c.fee,
      currency: 'EUR',
      businessHours: c.hours as BusinessHoursInput,
    },
    policy: {
      objectives: c.objectives,
      targetPercent: c.targetPercent,
      tiers: c.tiers,
      capPercent: c.capPercent,
      minimumCreditMinor: c.minimumCreditMinor,
    },
    requests: requests.map((r, i) => ({
      id: `R${i}`,
      priority: r.priority,
      openedAt: writeInstant(r.openedAtMs, offset()),
      events: r.events.map((e) => ({
        at: writeInstant(r.openedAtMs + e.offsetMs, offset()),
        type: e.type,
      })),
    })),
  };
}

function evaluateRaw(c: RawCase, requests?: readonly RawRequest[]): ResponseResult {
  return evaluateResponseCase(responseCaseSchema.parse(toInput(c, requests)));
}

/** A case together with one of its requests (by index) and a fresh event for it. */
const withEventArb = (type: fc.Arbitrary<EventType>) =>
  caseArb
    .filter((c) => c.requests.length > 0)
    .chain((c) =>
      fc.record({
        c: fc.constant(c),
        which: fc.nat({ max: c.requests.length - 1 }),
        offsetMs: fc.oneof(
          fc.integer({ min: 0, max: 6 * HOUR }),
          fc.integer({ min: 0, max: 12 * DAY }),
        ),
        position: fc.nat(),
        type,
      }),
    );

function insertEvent(c: RawCase, which: number, event: RawEvent, position: number): RawRequest[] {
  return c.requests.map((r, i) => {
    if (i !== which) return r;
    const events = [...r.events];
    events.splice(position % (events.length + 1), 0, event);
    return { ...r, events };
  });
}

const RANK: Record<Outcome, number> = { missed: 0, pending: 1, met: 2 };

describe('response-time properties', () => {
  it('adding an automated response never changes any figure', () => {
    fc.assert(
      fc.property(
        withEventArb(fc.constant('automated-response')),
        ({ c, which, offsetMs, position, type }) => {
          const before = evaluateRaw(c);
          const after = evaluateRaw(c, insertEvent(c, which, { offsetMs, type }, position));
          expect(after).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it('business time never exceeds round-the-clock time under the same targets', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const roundTheClock: RawCase = {
          ...c,
          objectives: {
            P1: c.objectives.P1 === null ? null : { ...c.objectives.P1, calendar: '24x7' },
            P2: c.objectives.P2 === null ? null : { ...c.objectives.P2, calendar: '24x7' },
            P3: c.objectives.P3 === null ? null : { ...c.objectives.P3, calendar: '24x7' },
            P4: c.objectives.P4 === null ? null : { ...c.objectives.P4, calendar: '24x7' },
          },
        };
        const mixed = evaluateRaw(c);
        const elapsed = evaluateRaw(roundTheClock);
        expect(mixed.requests.map((r) => r.id)).toEqual(elapsed.requests.map((r) => r.id));
        mixed.requests.forEach((b, i) => {
          const e = elapsed.requests[i];
          if (e === undefined) throw new Error('missing request');
          for (const key of ['firstResponseMs', 'resolutionMs'] as const) {
            expect(b[key] === null).toBe(e[key] === null);
            if (b[key] !== null) expect(b[key]).toBeLessThanOrEqual(e[key] as number);
          }
          // Less time can only make an outcome better: missed < pending < met.
          expect(RANK[b.firstResponse]).toBeGreaterThanOrEqual(RANK[e.firstResponse]);
          if (b.resolution !== null && e.resolution !== null) {
            expect(RANK[b.resolution]).toBeGreaterThanOrEqual(RANK[e.resolution]);
          }
        });
      }),
      RUNS,
    );
  });

  it('adding a pause never lengthens a resolution time, nor touches the first response', () => {
    fc.assert(
      fc.property(
        withEventArb(fc.constant('paused')),
        fc.option(fc.integer({ min: 0, max: 2 * DAY }), { nil: null }),
        ({ c, which, offsetMs, position, type }, resumeAfterMs) => {
          let requests = insertEvent(c, which, { offsetMs, type }, position);
          // A `resumed` may end a pause that was already there: only a request that never
          // paused gets one, so that what is added is a pause and nothing else.
          const neverPaused = !c.requests[which]?.events.some((e) => e.type === 'paused');
          if (resumeAfterMs !== null && neverPaused) {
            requests = insertEvent(
              { ...c, requests },
              which,
              { offsetMs: offsetMs + resumeAfterMs, type: 'resumed' },
              position + 1,
            );
          }
          const before = evaluateRaw(c);
          const after = evaluateRaw(c, requests);
          expect(after.requests.map((r) => r.id)).toEqual(before.requests.map((r) => r.id));
          after.requests.forEach((a, i) => {
            const b = before.requests[i];
            if (b === undefined) throw new Error('missing request');
            expect(a.firstResponseMs).toBe(b.firstResponseMs);
            expect(a.firstResponse).toBe(b.firstResponse);
            expect(a.resolutionMs === null).toBe(b.resolutionMs === null);
            if (a.resolutionMs !== null) {
              expect(a.resolutionMs).toBeLessThanOrEqual(b.resolutionMs as number);
            }
            if (a.resolution !== null && b.resolution !== null) {
              expect(RANK[a.resolution]).toBeGreaterThanOrEqual(RANK[b.resolution]);
            }
          });
        },
      ),
      RUNS,
    );
  });

  it('the list order of events at distinct instants changes nothing', () => {
    const distinct = caseArb.map((c) => ({
      ...c,
      requests: c.requests.map((r) => {
        const seen = new Set<number>();
        return {
          ...r,
          events: r.events.filter((e) => !seen.has(e.offsetMs) && seen.add(e.offsetMs)),
        };
      }),
    }));
    fc.assert(
      fc.property(
        distinct.chain((c) =>
          fc.tuple(
            fc.constant(c),
            fc.tuple(
              ...c.requests.map((r) =>
                fc.shuffledSubarray(r.events, { minLength: r.events.length }),
              ),
            ),
          ),
        ),
        ([c, shuffled]) => {
          const requests = c.requests.map((r, i) => ({ ...r, events: shuffled[i] ?? r.events }));
          expect(evaluateRaw(c, requests)).toEqual(evaluateRaw(c));
        },
      ),
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
        const rewritten = evaluateResponseCase(
          responseCaseSchema.parse(toInput(c, c.requests, next)),
        );
        expect(rewritten).toEqual(evaluateRaw(c));
      }),
      RUNS,
    );
  });

  it('attainment lies in [0, 100] and agrees with the counts; every request is accounted for', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateRaw(c);
        expect(result.requests.length + result.ignored.length).toBe(c.requests.length);
        const perPriority = new Map<string, number>();
        for (const r of result.requests) {
          const priority = c.requests[Number(r.id.slice(1))]?.priority ?? '';
          perPriority.set(priority, (perPriority.get(priority) ?? 0) + 1);
        }
        for (const o of result.objectives) {
          expect(o.met + o.missed + o.pending).toBe(perPriority.get(o.priority));
          if (o.met + o.missed === 0) {
            expect(o.attainmentPercent).toBeNull();
            expect(o.attainmentDisplay).toBeNull();
            continue;
          }
          const a = o.attainmentPercent as number;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(100);
          expect(o.attainmentDisplay).toMatch(/^\d{1,3}\.\d{3}$/);
          if (o.missed > 0) expect(o.attainmentDisplay).not.toBe('100.000');
        }
        if (result.status === 'not-covered') {
          expect(result.requests).toEqual([]);
          expect(result.met).toBeNull();
          expect(result.creditMinor).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('the credit never exceeds the cap rounded half up', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateRaw(c);
        // cap = fee × capPercent / 100, rounded half up: ⌊(2n + d) / 2d⌋.
        const cap = fromDecimal(c.capPercent);
        const n = BigInt(c.fee) * cap.n;
        const d = cap.d * 100n;
        const roundedCap = (2n * n + d) / (2n * d);
        expect(BigInt(result.capMinor)).toBe(roundedCap);
        expect(BigInt(result.creditMinor) <= roundedCap).toBe(true);
        expect(Number.isInteger(result.creditMinor)).toBe(true);
      }),
      RUNS,
    );
  });

  it('final ⇔ asOf at or after the period’s end and nothing pending', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = evaluateRaw(c);
        const endMs = periodBounds(c.period, c.zone).endMs;
        const pending = result.requests.some(
          (r) => r.firstResponse === 'pending' || r.resolution === 'pending',
        );
        expect(result.final).toBe((c.asOfMs ?? endMs) >= endMs && !pending);
      }),
      RUNS,
    );
  });
});
