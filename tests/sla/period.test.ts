// Calendar periods and local days in IANA zones; expectations from the zones' rules
// (offsets and change dates), computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatInstant, periodBounds } from '../../api/sla/index.ts';
import { major, run } from './fixtures.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('period bounds in a time zone', () => {
  it.each<[string, string, string, string, number]>([
    // Northern hemisphere: spring forward shortens the month, fall back lengthens it.
    [
      'New York, March 2024 (EST → EDT on the 10th)',
      'America/New_York',
      '2024-03',
      '2024-03-01T05:00:00.000Z',
      31 * DAY - HOUR,
    ],
    [
      'New York, November 2024 (EDT → EST on the 3rd)',
      'America/New_York',
      '2024-11',
      '2024-11-01T04:00:00.000Z',
      30 * DAY + HOUR,
    ],
    [
      'London, March 2026 (GMT → BST on the 29th)',
      'Europe/London',
      '2026-03',
      '2026-03-01T00:00:00.000Z',
      31 * DAY - HOUR,
    ],
    [
      'London, October 2026 (BST → GMT on the 25th)',
      'Europe/London',
      '2026-10',
      '2026-09-30T23:00:00.000Z',
      31 * DAY + HOUR,
    ],
    // Southern hemisphere: DST ends in April, starts in October.
    [
      'Sydney, April 2026 (AEDT → AEST on the 5th)',
      'Australia/Sydney',
      '2026-04',
      '2026-03-31T13:00:00.000Z',
      30 * DAY + HOUR,
    ],
    [
      'Sydney, October 2026 (AEST → AEDT on the 4th)',
      'Australia/Sydney',
      '2026-10',
      '2026-09-30T14:00:00.000Z',
      31 * DAY - HOUR,
    ],
    [
      'Sydney, March 2026 (no change)',
      'Australia/Sydney',
      '2026-03',
      '2026-02-28T13:00:00.000Z',
      31 * DAY,
    ],
    // Half-hour and three-quarter-hour offsets.
    ['Kolkata (+05:30)', 'Asia/Kolkata', '2026-03', '2026-02-28T18:30:00.000Z', 31 * DAY],
    [
      'Chatham, January 2026 (+13:45)',
      'Pacific/Chatham',
      '2026-01',
      '2025-12-31T10:15:00.000Z',
      31 * DAY,
    ],
    [
      'Chatham, April 2026 (+13:45 → +12:45 on the 5th)',
      'Pacific/Chatham',
      '2026-04',
      '2026-03-31T10:15:00.000Z',
      30 * DAY + HOUR,
    ],
    // Midnight gaps and repeats at the period start.
    // Havana, 1 April 2012: 00:00 → 01:00 (−04:00); the period starts at 01:00 local = 05:00Z,
    // ends 1 May 00:00 −04:00 = 04:00Z: 30 days − 1 h.
    [
      'Havana, April 2012 (gap at 00:00 on the 1st)',
      'America/Havana',
      '2012-04',
      '2012-04-01T05:00:00.000Z',
      30 * DAY - HOUR,
    ],
    // March 2012 ends where April begins: 1 March 00:00 −05:00 = 05:00Z to 1 April 05:00Z.
    [
      'Havana, March 2012 (ends at that gap)',
      'America/Havana',
      '2012-03',
      '2012-03-01T05:00:00.000Z',
      31 * DAY,
    ],
    // Havana, 1 November 2026: 01:00 CDT → 00:00 CST, so 00:00 occurs twice; the earlier (−04:00)
    // is 04:00Z; the period ends 1 December 00:00 −05:00 = 05:00Z: 30 days + 1 h.
    [
      'Havana, November 2026 (00:00 twice on the 1st)',
      'America/Havana',
      '2026-11',
      '2026-11-01T04:00:00.000Z',
      30 * DAY + HOUR,
    ],
    // Amman, 1 April 2016: 00:00 → 01:00 (+03:00): from 01:00 +03 (31 March 22:00Z) to
    // 1 May 00:00 +03 (30 April 21:00Z): 30 days − 1 h.
    [
      'Amman, April 2016 (gap at 00:00 on the 1st)',
      'Asia/Amman',
      '2016-04',
      '2016-03-31T22:00:00.000Z',
      30 * DAY - HOUR,
    ],
  ])('%s', (_name, zone, period, start, lengthMs) => {
    const bounds = periodBounds(period, zone);
    expect(formatInstant(bounds.startMs)).toBe(start);
    expect(bounds.endMs - bounds.startMs).toBe(lengthMs);
  });
});

describe('local days', () => {
  it.each<[string, string, string, string, string, number]>([
    // Santiago, 8 September 2024: 00:00 → 01:00 (−03:00), a 23-hour day starting 04:00Z.
    [
      'Santiago, gap at midnight',
      'America/Santiago',
      '2024-09',
      '2024-09-08',
      '2024-09-08T04:00:00.000Z',
      23 * HOUR,
    ],
    [
      'Santiago, the day before',
      'America/Santiago',
      '2024-09',
      '2024-09-07',
      '2024-09-07T04:00:00.000Z',
      24 * HOUR,
    ],
    // Santiago, 7 April 2024 00:00 −03:00 → 6 April 23:00 −04:00: the 6th has 25 hours.
    [
      'Santiago, repeated hour before midnight',
      'America/Santiago',
      '2024-04',
      '2024-04-06',
      '2024-04-06T03:00:00.000Z',
      25 * HOUR,
    ],
    [
      'Havana, 00:00 twice',
      'America/Havana',
      '2026-11',
      '2026-11-01',
      '2026-11-01T04:00:00.000Z',
      25 * HOUR,
    ],
    [
      'New York, spring forward',
      'America/New_York',
      '2024-03',
      '2024-03-10',
      '2024-03-10T05:00:00.000Z',
      23 * HOUR,
    ],
    [
      'Chatham, fall back',
      'Pacific/Chatham',
      '2026-04',
      '2026-04-05',
      '2026-04-04T10:15:00.000Z',
      25 * HOUR,
    ],
  ])('%s', (_name, zone, period, date, start, lengthMs) => {
    const day = periodBounds(period, zone).days.find((d) => d.date === date);
    expect(day && formatInstant(day.startMs)).toBe(start);
    expect(day && day.endMs - day.startMs).toBe(lengthMs);
  });

  it('the daily rule on a 23-hour day: a whole-day outage is 1380 minutes', () => {
    const windows = [major('2024-09-08T04:00:00Z', '2024-09-09T03:00:00Z')];
    const policy = (thresholdMinutes: number) => ({
      tiers: [],
      dailyRule: { thresholdMinutes, creditDays: 1 },
    });
    const base = {
      period: '2024-09',
      timeZone: 'America/Santiago',
      monthlyFeeMinor: 30_000,
      windows,
    };
    expect(run({ ...base, policy: policy(1380) }).qualifyingDays).toEqual([]);
    // 30 000 / 30 days = 1 000 for the day.
    expect(run({ ...base, policy: policy(1379) })).toMatchObject({
      qualifyingDays: ['2024-09-08'],
      creditMinor: 1_000,
    });
  });

  it('a DST month evaluated in New York: a whole local day of 23 h', () => {
    // 10 March 2024 05:00Z → 11 March 04:00Z = 82 800 000 ms; March is 2 674 800 000 ms;
    // 100 × (1 − 828/26 748) = 96.904…
    const result = run({
      period: '2024-03',
      timeZone: 'America/New_York',
      windows: [major('2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z')],
    });
    expect(result.downtimeMs).toBe(82_800_000);
    expect(result.availabilityDisplay).toBe('96.904');
  });
});

describe('time-zone names', () => {
  it.each<[string, string | undefined]>([
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['UTC', 'UTC'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['+05:30', undefined],
    ['-03:00', undefined],
    ['Mars/Olympus_Mons', undefined],
    ['', undefined],
  ])('%s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });
});
