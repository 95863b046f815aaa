// Business calendars (sla-response.md §1) against a slow, obvious reading of the rule:
// every local day in range, every interval end converted with Temporal on its own.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  type BusinessHours,
  type LocalInterval,
  WEEKDAYS,
} from '../../api/sla/index.ts';
import { runs } from '../helpers/runs.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function toEpochMs(date: Temporal.PlainDate, time: string, zone: string): number {
  const day = time === '24:00' ? date.add({ days: 1 }) : date;
  const [hour, minute] = (time === '24:00' ? '00:00' : time).split(':').map(Number);
  return day
    .toPlainDateTime({ hour: hour ?? 0, minute: minute ?? 0 })
    .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** |[fromMs, toMs) ∩ ⋃ business intervals|, the rule read literally. */
function referenceMs(hours: BusinessHours, zone: string, fromMs: number, toMs: number): number {
  const localDate = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
  const last = localDate(toMs).add({ days: 3 });
  const pieces: [number, number][] = [];
  for (
    let date = localDate(fromMs).subtract({ days: 3 });
    Temporal.PlainDate.compare(date, last) <= 0;
    date = date.add({ days: 1 })
  ) {
    if (hours.holidays.includes(date.toString())) continue;
    const weekday = WEEKDAYS[date.dayOfWeek - 1] ?? 'mon';
    for (const [from, to] of hours.schedule[weekday]) {
      const startMs = Math.max(toEpochMs(date, from, zone), fromMs);
      const endMs = Math.min(toEpochMs(date, to, zone), toMs);
      if (endMs > startMs) pieces.push([startMs, endMs]);
    }
  }
  pieces.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reachMs = Number.NEGATIVE_INFINITY;
  for (const [startMs, endMs] of pieces) {
    const from = Math.max(startMs, reachMs);
    if (endMs > from) total += endMs - from;
    reachMs = Math.max(reachMs, endMs);
  }
  return total;
}

const weekdays = (intervals: LocalInterval[]): BusinessHours['schedule'] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
  sat: [],
  sun: [],
});

describe('business calendar: worked cases', () => {
  it('a day the zone skipped (Pacific/Apia, Friday 30 December 2011) adds nothing twice', () => {
    // Apia jumped from 29 Dec 23:59:59 (−10:00) to 31 Dec 00:00 (+14:00). Friday's 09:00–17:00
    // falls in the gap and moves forward a whole day, onto Saturday 09:00–17:00 (+14:00):
    // Thursday 8 h + that one phantom 8 h = 16 h from Thursday 00:00 to Sunday 00:00.
    const hours: BusinessHours = { schedule: weekdays([['09:00', '17:00']]), holidays: [] };
    const fromMs = Date.parse('2011-12-29T10:00:00Z'); // Thursday 00:00 (−10:00)
    const toMs = Date.parse('2011-12-31T10:00:00Z'); // Sunday 1 January 00:00 (+14:00)
    const calendar = new BusinessCalendar(hours, 'Pacific/Apia', fromMs);
    expect(calendar.timeMs(fromMs, toMs)).toBe(16 * HOUR_MS);
    expect(referenceMs(hours, 'Pacific/Apia', fromMs, toMs)).toBe(16 * HOUR_MS);
  });

  it('touching intervals and 00:00–24:00 every day make business time equal elapsed time', () => {
    const allDay: LocalInterval[] = [
      ['00:00', '12:00'],
      ['12:00', '24:00'],
    ];
    const hours: BusinessHours = {
      schedule: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
      holidays: [],
    };
    // A whole year in Berlin, across both DST changes.
    const fromMs = Date.parse('2026-01-01T00:00:00Z');
    const calendar = new BusinessCalendar(hours, 'Europe/Berlin', fromMs);
    expect(calendar.timeMs(fromMs, fromMs + 365 * DAY_MS)).toBe(365 * DAY_MS);
    expect(calendar.timeMs(fromMs + 5, fromMs + 200 * DAY_MS + 7)).toBe(200 * DAY_MS + 2);
  });

  it('an empty schedule never has business time, and never exceeds a target', () => {
    const hours: BusinessHours = { schedule: weekdays([]), holidays: [] };
    const fromMs = Date.parse('2026-03-01T00:00:00Z');
    const calendar = new BusinessCalendar(hours, 'UTC', fromMs);
    expect(calendar.timeMs(fromMs, fromMs + 3_000 * DAY_MS)).toBe(0);
    expect(calendar.exceeds(fromMs, fromMs + 3_000 * DAY_MS, 0)).toBe(false);
  });

  it('exceeds answers without building the calendar past the point it needs', () => {
    // 8 h a weekday: 4 h of business time pass on the first Monday, long before 10 years.
    const hours: BusinessHours = { schedule: weekdays([['09:00', '17:00']]), holidays: [] };
    const fromMs = Date.parse('2026-03-02T00:00:00Z');
    const calendar = new BusinessCalendar(hours, 'UTC', fromMs);
    expect(calendar.exceeds(fromMs, fromMs + 3_650 * DAY_MS, 4 * HOUR_MS)).toBe(true);
    // 8 h on Monday and 8 h on Tuesday: not more than 16 h by Wednesday 00:00.
    expect(calendar.exceeds(fromMs, fromMs + 2 * DAY_MS, 16 * HOUR_MS)).toBe(false);
    expect(calendar.exceeds(fromMs, fromMs + 2 * DAY_MS, 16 * HOUR_MS - 1)).toBe(true);
  });
});

// Zones with DST in both hemispheres, half-hour DST, midnight changes and odd offsets.
const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Havana',
  'Asia/Beirut',
  'America/Santiago',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Apia',
];

/** Times on a 30-minute grid, so that DST hours (01:00–04:00) are hit often. */
const dayArb: fc.Arbitrary<LocalInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const text = (half: number) =>
      `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}`;
    const intervals: LocalInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push([text(sorted[i] as number), text(sorted[i + 1] as number)]);
    }
    return intervals;
  });

const hoursArb = (fromMs: number): fc.Arbitrary<BusinessHours> =>
  fc.record({
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
        .integer({ min: -2, max: 25 })
        .map((days) => new Date(fromMs + days * DAY_MS).toISOString().slice(0, 10)),
      { maxLength: 4 },
    ),
  });

const scenarioArb = fc
  .record({
    zone: fc.constantFrom(...zones),
    // Any instant from 2010 to 2027, or one of a few days around known transitions.
    fromMs: fc.oneof(
      fc.integer({
        min: Date.parse('2010-01-01T00:00:00Z'),
        max: Date.parse('2027-12-31T00:00:00Z'),
      }),
      fc.constantFrom(
        Date.parse('2026-03-27T00:00:00Z'),
        Date.parse('2026-10-23T00:00:00Z'),
        Date.parse('2026-03-06T00:00:00Z'),
        Date.parse('2026-10-30T00:00:00Z'),
        Date.parse('2026-04-03T00:00:00Z'),
        Date.parse('2011-12-27T00:00:00Z'),
      ),
    ),
  })
  .chain(({ zone, fromMs }) =>
    fc.record({
      zone: fc.constant(zone),
      fromMs: fc.constant(fromMs),
      hours: hoursArb(fromMs),
      queries: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 20 * DAY_MS }),
          fc.integer({ min: 0, max: 10 * DAY_MS }),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      thresholdMs: fc.integer({ min: -1, max: 40 * HOUR_MS }),
    }),
  );

describe('business calendar: properties', () => {
  it('equals the literal reading of the rule, in any zone, across DST changes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ zone, fromMs, hours, queries, thresholdMs }) => {
        const calendar = new BusinessCalendar(hours, zone, fromMs);
        for (const [offsetMs, lengthMs] of queries) {
          const aMs = fromMs + offsetMs;
          const bMs = aMs + lengthMs;
          const expected = referenceMs(hours, zone, aMs, bMs);
          expect(calendar.timeMs(aMs, bMs)).toBe(expected);
          expect(calendar.exceeds(aMs, bMs, thresholdMs)).toBe(expected > thresholdMs);
        }
      }),
      runs(150),
    );
  });

  it('is additive and never more than elapsed time', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), ({ zone, fromMs, hours }, x, y) => {
        const calendar = new BusinessCalendar(hours, zone, fromMs);
        const aMs = fromMs + (x % (10 * DAY_MS));
        const bMs = aMs + (y % (10 * DAY_MS));
        const cMs = bMs + ((x + y) % (5 * DAY_MS));
        const ab = calendar.timeMs(aMs, bMs);
        expect(ab).toBeLessThanOrEqual(bMs - aMs);
        expect(calendar.timeMs(aMs, cMs)).toBe(ab + calendar.timeMs(bMs, cMs));
      }),
      runs(300),
    );
  });
});
