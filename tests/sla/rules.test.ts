// One table per rule of spec §3, each expectation computed by hand (arithmetic in
// the comments). The base case is June 2026 in UTC: 30 days = 2 592 000 000 ms,
// fee 200 000, target 99.9, tiers <99.9 → 10 %, <99 → 25 %, <95 → 100 %.
import { describe, expect, it } from 'vitest';
import {
  type CaseOverrides,
  HOUR_MS,
  JUNE_MS,
  MINUTE_MS,
  maintenance,
  major,
  partial,
  run,
} from './fixtures.ts';

describe('§3.1 covered time', () => {
  it.each<[string, CaseOverrides, string, number, number]>([
    // 16th–30th: 15 days = 1 296 000 000 ms; fee base 200 000 × 15/30 = 100 000.
    ['starts mid-month', { start: '2026-06-16T00:00:00Z' }, 'evaluated', 1_296_000_000, 100_000],
    // 1st–10th: 864 000 000 ms; fee base 200 000 × 10/30 = 66 666.66…
    ['ends mid-month', { end: '2026-06-11T00:00:00Z' }, 'evaluated', 864_000_000, 200_000 / 3],
    ['ended before the period', { end: '2026-05-31T00:00:00Z' }, 'not-covered', 0, 0],
    ['ends exactly at the period start', { end: '2026-06-01T00:00:00Z' }, 'not-covered', 0, 0],
    ['starts after the period', { start: '2026-07-01T00:00:00Z' }, 'not-covered', 0, 0],
    ['asOf exactly at the period start', { asOf: '2026-06-01T00:00:00Z' }, 'not-covered', 0, 0],
    ['asOf before the period', { asOf: '2026-05-20T00:00:00Z' }, 'not-covered', 0, 0],
    ['covered throughout', {}, 'evaluated', JUNE_MS, 200_000],
  ])('%s', (_name, overrides, status, coveredMs, feeBaseMinor) => {
    const result = run(overrides);
    expect(result.status).toBe(status);
    expect(result.coveredMs).toBe(coveredMs);
    expect(result.feeBaseMinor).toBe(feeBaseMinor);
  });
});

describe('§3.1 monitored time: unmeasured time is never up', () => {
  it.each<[string, string | null, string, number, number, number]>([
    // Monitored from the 16th: Cm = 15 days = 1 296 000 000 ms; the 15 days before are unmeasured.
    ['from mid-month', '2026-06-16T00:00:00Z', 'evaluated', 1_296_000_000, 1_296_000_000, 200_000],
    // From before the agreement and the month: monitored throughout.
    ['before the month', '2026-01-01T00:00:00Z', 'evaluated', JUNE_MS, 0, 200_000],
    // Exactly at the period's start: monitored throughout.
    ['at the period start', '2026-06-01T00:00:00Z', 'evaluated', JUNE_MS, 0, 200_000],
    // Exactly at the period's end: nothing measured; the fee base stays the whole month's.
    ['at the period end', '2026-07-01T00:00:00Z', 'not-monitored', 0, JUNE_MS, 200_000],
    ['after the month', '2026-07-03T00:00:00Z', 'not-monitored', 0, JUNE_MS, 200_000],
    ['absent', null, 'evaluated', JUNE_MS, 0, 200_000],
  ])('%s', (_name, monitoredSince, status, eligibleMs, unmonitoredMs, feeBaseMinor) => {
    const result = run({ monitoredSince });
    expect(result.status).toBe(status);
    expect(result.coveredMs).toBe(JUNE_MS);
    expect(result.eligibleMs).toBe(eligibleMs);
    expect(result.unmonitoredMs).toBe(unmonitoredMs);
    expect(result.feeBaseMinor).toBe(feeBaseMinor);
  });

  it('not-monitored: no availability, target not judged, no credit, however long the outage', () => {
    const result = run({
      monitoredSince: '2026-07-01T00:00:00Z',
      windows: [major('2026-06-10T00:00:00Z', '2026-06-20T00:00:00Z')],
    });
    expect(result).toMatchObject({
      status: 'not-monitored',
      availabilityPercent: null,
      availabilityDisplay: null,
      met: null,
      creditPercent: 0,
      creditMinor: 0,
      capped: false,
      qualifyingDays: [],
      downtimeMs: 0,
      counted: [],
    });
    expect(result.ignored.map((entry) => entry.reason)).toEqual(['outside-monitoring']);
  });

  it('coverage is judged before monitoring, then monitoring before the rest (§6.9)', () => {
    const result = run({
      start: '2026-06-05T00:00:00Z',
      monitoredSince: '2026-06-10T00:00:00Z',
      windows: [
        major('2026-06-02T00:00:00Z', '2026-06-03T00:00:00Z'), // before the agreement
        major('2026-06-06T00:00:00Z', '2026-06-07T00:00:00Z'), // covered, not monitored
        { ...maintenance('2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z', '2026-06-01T00:00:00Z') },
        major('2026-06-12T00:00:00Z', '2026-06-12T01:00:00Z'), // counts
      ],
    });
    expect(result.ignored.map((entry) => [entry.index, entry.reason])).toEqual([
      [0, 'outside-coverage'],
      [1, 'outside-monitoring'],
      [2, 'outside-monitoring'],
    ]);
    // E = 21 days (10th–30th); D = 1 h.
    expect(result.eligibleMs).toBe(21 * 86_400_000);
    expect(result.downtimeMs).toBe(HOUR_MS);
    // Fee base on C (5th–30th: 26 of 30 days): 200 000 × 26 / 30.
    expect(result.feeBaseMinor).toBe((200_000 * 26) / 30);
  });

  it('an outage straddling the start of monitoring counts only its monitored part, judged whole', () => {
    // A 40-minute run, 30 of them before monitoring began: it reaches the 30-minute minimum
    // as a whole, and 10 minutes count.
    const result = run({
      monitoredSince: '2026-06-10T00:30:00Z',
      policy: { minimumOutageMinutes: 30 },
      windows: [major('2026-06-10T00:00:00Z', '2026-06-10T00:40:00Z')],
    });
    expect(result.downtimeMs).toBe(10 * MINUTE_MS);
    expect(result.counted).toHaveLength(1);
    expect(result.counted[0]?.start).toBe('2026-06-10T00:30:00.000Z');
    expect(result.counted[0]?.run.start).toBe('2026-06-10T00:00:00.000Z');
  });

  it('the daily rule looks only at monitored time', () => {
    // 5 h down on the 10th, 4 of them before monitoring began at 04:00: 1 h measured, under 240 min.
    const result = run({
      monitoredSince: '2026-06-10T04:00:00Z',
      policy: { dailyRule: { thresholdMinutes: 240, creditDays: 1 } },
      windows: [major('2026-06-10T00:00:00Z', '2026-06-10T05:00:00Z')],
    });
    expect(result.qualifyingDays).toEqual([]);
    expect(result.downtimeMs).toBe(HOUR_MS);
  });

  it('a bad monitoredSince names the field', () => {
    expect(() => run({ monitoredSince: '2026-06-10' })).toThrow(/monitoredSince/);
  });
});

describe('§3.2 announced maintenance', () => {
  const start = '2026-06-10T00:00:00Z';
  const end = '2026-06-10T01:00:00Z';
  it.each<[string, string | undefined, number | undefined, number, number]>([
    // 48 h exactly before: excluded, E = 2 592 000 000 − 3 600 000.
    ['notice exactly 2880 minutes', '2026-06-08T00:00:00Z', undefined, JUNE_MS - HOUR_MS, 0],
    // One ms short: a major outage of 1 h.
    ['notice 1 ms short', '2026-06-08T00:00:00.001Z', undefined, JUNE_MS, HOUR_MS],
    ['no announcement at all', undefined, undefined, JUNE_MS, HOUR_MS],
    ['announced after it started', '2026-06-10T00:30:00Z', undefined, JUNE_MS, HOUR_MS],
    ['notice 0 required, announced as it starts', start, 0, JUNE_MS - HOUR_MS, 0],
    // 90 minutes required, 89 given (decimal minutes are exact: 89.5 < 90).
    ['short notice 89.5 of 90 minutes', '2026-06-09T22:30:30Z', 90, JUNE_MS, HOUR_MS],
  ])('%s', (_name, announcedAt, notice, eligibleMs, downtimeMs) => {
    const result = run({
      policy: notice === undefined ? {} : { maintenanceNoticeMinutes: notice },
      windows: [maintenance(start, end, announcedAt)],
    });
    expect(result.eligibleMs).toBe(eligibleMs);
    expect(result.downtimeMs).toBe(downtimeMs);
  });

  it('unannounced maintenance takes the major_outage weight of the policy', () => {
    // Weight 0.5 × 1 h = 1 800 000 ms.
    const result = run({
      policy: { weights: { major_outage: 0.5 } },
      windows: [maintenance(start, end)],
    });
    expect(result.downtimeMs).toBe(1_800_000);
    expect(result.counted).toMatchObject([{ weight: 0.5, downtimeMs: 1_800_000 }]);
  });
});

describe('§3.3 eligible time: excluded or up', () => {
  const windows = [
    major('2026-06-10T00:00:00Z', '2026-06-10T01:30:00Z'),
    maintenance('2026-06-10T00:30:00Z', '2026-06-10T01:30:00Z', '2026-06-01T00:00:00Z'),
  ];
  it.each<['excluded' | 'up', number, number, string]>([
    // E = 2 592 000 000 − 3 600 000 = 2 588 400 000; D = 30 min = 1 800 000;
    // 100 × 2 586 600 000 / 2 588 400 000 = 99.93045…
    ['excluded', 2_588_400_000, 1_800_000, '99.930'],
    // E = C; D = 1 800 000 (maintenance is never downtime): 100 − 100/1440 = 99.93055…
    ['up', JUNE_MS, 1_800_000, '99.930'],
  ])('%s', (accounting, eligibleMs, downtimeMs, display) => {
    const result = run({ policy: { maintenanceAccounting: accounting }, windows });
    expect(result.eligibleMs).toBe(eligibleMs);
    expect(result.downtimeMs).toBe(downtimeMs);
    expect(result.availabilityDisplay).toBe(display);
  });

  it('up: announced maintenance alone leaves availability at 100', () => {
    const result = run({
      policy: { maintenanceAccounting: 'up' },
      windows: [
        maintenance('2026-06-10T00:00:00Z', '2026-06-11T00:00:00Z', '2026-06-01T00:00:00Z'),
      ],
    });
    expect(result).toMatchObject({
      eligibleMs: JUNE_MS,
      downtimeMs: 0,
      availabilityPercent: 100,
      availabilityDisplay: '100.000',
      met: true,
    });
  });
});

describe('§3.4 severity timeline: the heaviest overlapping window wins', () => {
  it.each<[string, CaseOverrides, number]>([
    // 0.3 × 30 min + 1 × 30 min + 0.3 × 60 min = 540 000 + 1 800 000 + 1 080 000.
    [
      'major inside partial',
      {
        windows: [
          partial('2026-06-10T00:00:00Z', '2026-06-10T02:00:00Z'),
          major('2026-06-10T00:30:00Z', '2026-06-10T01:00:00Z'),
        ],
      },
      3_420_000,
    ],
    // Partial wholly under major: 2 h × 1.
    [
      'partial inside major',
      {
        windows: [
          major('2026-06-10T00:00:00Z', '2026-06-10T02:00:00Z'),
          partial('2026-06-10T00:30:00Z', '2026-06-10T01:00:00Z'),
        ],
      },
      2 * HOUR_MS,
    ],
    // Identical duplicates count once: 1 h.
    [
      'identical duplicates',
      {
        windows: [
          major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
          major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
        ],
      },
      HOUR_MS,
    ],
    // Weights by value, not by name: degraded 0.5 beats partial 0.3 for its hour:
    // 0.5 × 3 600 000 + 0.3 × 3 600 000 = 1 800 000 + 1 080 000.
    [
      'degraded heavier than partial',
      {
        policy: { weights: { degraded: 0.5 } },
        windows: [
          partial('2026-06-10T00:00:00Z', '2026-06-10T02:00:00Z'),
          { start: '2026-06-10T00:00:00Z', end: '2026-06-10T01:00:00Z', state: 'degraded' },
        ],
      },
      2_880_000,
    ],
  ])('%s', (_name, overrides, downtimeMs) => {
    expect(run(overrides).downtimeMs).toBe(downtimeMs);
  });
});

describe('§3.5 outage runs and the minimum', () => {
  const min5 = { minimumOutageMinutes: 5 };
  it.each<[string, CaseOverrides, number]>([
    [
      'a run exactly as long as the minimum counts',
      { policy: min5, windows: [major('2026-06-10T10:00:00Z', '2026-06-10T10:05:00Z')] },
      5 * MINUTE_MS,
    ],
    [
      '1 ms shorter is dropped',
      { policy: min5, windows: [major('2026-06-10T10:00:00Z', '2026-06-10T10:04:59.999Z')] },
      0,
    ],
    [
      'adjacent windows form one run (3 + 2 min)',
      {
        policy: min5,
        windows: [
          major('2026-06-10T10:00:00Z', '2026-06-10T10:03:00Z'),
          major('2026-06-10T10:03:00Z', '2026-06-10T10:05:00Z'),
        ],
      },
      5 * MINUTE_MS,
    ],
    [
      'a 1 ms gap makes two short runs',
      {
        policy: min5,
        windows: [
          major('2026-06-10T10:00:00Z', '2026-06-10T10:03:00Z'),
          major('2026-06-10T10:03:00.001Z', '2026-06-10T10:06:00Z'),
        ],
      },
      0,
    ],
    // One run of 5 min: 0.3 × 180 000 + 120 000 = 174 000.
    [
      'partial then major: one run of mixed weight',
      {
        policy: min5,
        windows: [
          partial('2026-06-10T10:00:00Z', '2026-06-10T10:03:00Z'),
          major('2026-06-10T10:03:00Z', '2026-06-10T10:05:00Z'),
        ],
      },
      174_000,
    ],
    [
      'announced maintenance separates runs',
      {
        policy: min5,
        windows: [
          major('2026-06-10T10:00:00Z', '2026-06-10T10:03:00Z'),
          maintenance('2026-06-10T10:03:00Z', '2026-06-10T10:04:00Z', '2026-06-01T00:00:00Z'),
          major('2026-06-10T10:04:00Z', '2026-06-10T10:07:00Z'),
        ],
      },
      0,
    ],
    // The run is 10 min (maintenance never shortens it); downtime 10 − 6 = 4 min.
    [
      'maintenance inside a run does not shorten it',
      {
        policy: min5,
        windows: [
          major('2026-06-10T10:00:00Z', '2026-06-10T10:10:00Z'),
          maintenance('2026-06-10T10:02:00Z', '2026-06-10T10:08:00Z', '2026-06-01T00:00:00Z'),
        ],
      },
      4 * MINUTE_MS,
    ],
    [
      'a weight-0 window does not join runs',
      {
        policy: min5,
        windows: [
          major('2026-06-10T10:00:00Z', '2026-06-10T10:03:00Z'),
          { start: '2026-06-10T10:03:00Z', end: '2026-06-10T10:04:00Z', state: 'degraded' },
          major('2026-06-10T10:04:00Z', '2026-06-10T10:07:00Z'),
        ],
      },
      0,
    ],
  ])('%s', (_name, overrides, downtimeMs) => {
    expect(run(overrides).downtimeMs).toBe(downtimeMs);
  });

  describe('a run straddling the month boundary is judged whole', () => {
    const min60 = { minimumOutageMinutes: 60 };
    it.each<[string, string, string, number]>([
      // 23:30 → 00:20 is 50 min < 60: dropped on both sides.
      ['50-minute run, June side', '2026-07-01T00:20:00Z', '2026-06', 0],
      ['50-minute run, July side', '2026-07-01T00:20:00Z', '2026-07', 0],
      // 23:30 → 00:40 is 70 min ≥ 60: June counts 30 min, July 40 min (each under 60 alone).
      ['70-minute run, June side', '2026-07-01T00:40:00Z', '2026-06', 30 * MINUTE_MS],
      ['70-minute run, July side', '2026-07-01T00:40:00Z', '2026-07', 40 * MINUTE_MS],
    ])('%s', (_name, end, period, downtimeMs) => {
      const result = run({ period, policy: min60, windows: [major('2026-06-30T23:30:00Z', end)] });
      expect(result.downtimeMs).toBe(downtimeMs);
    });
  });
});

describe('§3.6 downtime only over covered time minus maintenance', () => {
  it('a window crossing the agreement start counts from the start only', () => {
    // C = 15 days = 1 296 000 000; D = 1 h (00:00–01:00 on the 16th);
    // 100 × (1 − 3 600 000 / 1 296 000 000) = 100 − 100/360 = 99.722…; tier 10 % of 100 000.
    const result = run({
      start: '2026-06-16T00:00:00Z',
      windows: [major('2026-06-15T23:00:00Z', '2026-06-16T01:00:00Z')],
    });
    expect(result).toMatchObject({
      coveredMs: 1_296_000_000,
      downtimeMs: HOUR_MS,
      availabilityDisplay: '99.722',
      feeBaseMinor: 100_000,
      creditMinor: 10_000,
    });
  });
});

describe('§3.7 availability and no eligible time', () => {
  it('maintenance over the whole covered time: no-eligible-time', () => {
    const result = run({
      windows: [
        maintenance('2026-05-31T00:00:00Z', '2026-07-02T00:00:00Z', '2026-05-01T00:00:00Z'),
      ],
    });
    expect(result).toMatchObject({
      status: 'no-eligible-time',
      coveredMs: JUNE_MS,
      eligibleMs: 0,
      downtimeMs: 0,
      availabilityPercent: null,
      availabilityDisplay: null,
      met: null,
      creditPercent: 0,
      creditMinor: 0,
      capped: false,
      feeBaseMinor: 200_000,
      qualifyingDays: [],
    });
  });

  it('display is floored: 1 ms of downtime in June shows 99.999, not 100.000', () => {
    // 100 × (1 − 1/2 592 000 000) = 99.99999996…
    const result = run({ windows: [major('2026-06-10T00:00:00Z', '2026-06-10T00:00:00.001Z')] });
    expect(result.availabilityDisplay).toBe('99.999');
    expect(result.availabilityPercent).toBe(100 - 100 / 2_592_000_000);
  });
});

describe('§3.8 met, decided exactly', () => {
  // 0.1 % of 2 592 000 000 ms = 2 592 000 ms = 43 min 12 s.
  it.each<[string, string, boolean, string, number]>([
    ['exactly on the target', '2026-06-10T00:43:12Z', true, '99.900', 0],
    // 100 × (2 592 000 000 − 2 592 001) / 2 592 000 000 = 99.8999999614…
    ['1 ms past it', '2026-06-10T00:43:12.001Z', false, '99.899', 20_000],
  ])('%s', (_name, end, met, display, creditMinor) => {
    const result = run({ windows: [major('2026-06-10T00:00:00Z', end)] });
    expect(result.met).toBe(met);
    expect(result.availabilityDisplay).toBe(display);
    expect(result.creditMinor).toBe(creditMinor);
  });

  it('a target of 99.95 is 9995/100, not the double below or above it', () => {
    // 0.05 % of June = 1 296 000 ms = 21 min 36 s: exactly 99.95.
    const result = run({
      policy: { targetPercent: 99.95 },
      windows: [major('2026-06-10T00:00:00Z', '2026-06-10T00:21:36Z')],
    });
    expect(result.availabilityPercent).toBe(99.95);
    expect(result.met).toBe(true);
  });
});

describe('§3.9 tiers', () => {
  // Availability 98 %: 2 % of June = 51 840 000 ms = 14 h 24 min.
  const at98 = [major('2026-06-10T00:00:00Z', '2026-06-10T14:24:00Z')];
  // Availability 99.2 %: 0.8 % = 20 736 000 ms = 5 h 45 min 36 s.
  const at992 = [major('2026-06-10T00:00:00Z', '2026-06-10T05:45:36Z')];
  it.each<[string, CaseOverrides, number, number]>([
    // Below 99.9 and 99 (not 95): the largest is 25 % → 50 000, whatever the order.
    [
      'largest credit among matching tiers, any order',
      {
        windows: at98,
        policy: {
          tiers: [
            { belowPercent: 95, creditPercent: 100 },
            { belowPercent: 99.9, creditPercent: 10 },
            { belowPercent: 99, creditPercent: 25 },
          ],
        },
      },
      25,
      50_000,
    ],
    [
      'boundary hit exactly is not below',
      { windows: at98, policy: { tiers: [{ belowPercent: 98, creditPercent: 50 }] } },
      0,
      0,
    ],
    // Met (99.2 ≥ 99) and still a tier below 99.5 applies: 5 % → 10 000.
    [
      'a tier above the target applies although met',
      {
        windows: at992,
        policy: { targetPercent: 99, tiers: [{ belowPercent: 99.5, creditPercent: 5 }] },
      },
      5,
      10_000,
    ],
    ['no tiers: no tier credit', { windows: at98, policy: { tiers: [] } }, 0, 0],
  ])('%s', (_name, overrides, creditPercent, creditMinor) => {
    const result = run(overrides);
    expect(result.creditPercent).toBe(creditPercent);
    expect(result.creditMinor).toBe(creditMinor);
  });
});

describe('§3.10 daily rule', () => {
  // Fee 30 000 in a 30-day month: one credit day = 1 000.
  const daily = { tiers: [], dailyRule: { thresholdMinutes: 240, creditDays: 1 } };
  it.each<[string, CaseOverrides, string[], number]>([
    [
      'exactly 240 minutes: not above',
      { windows: [major('2026-06-03T10:00:00Z', '2026-06-03T14:00:00Z')] },
      [],
      0,
    ],
    [
      '240 minutes and 1 ms: above',
      { windows: [major('2026-06-03T10:00:00Z', '2026-06-03T14:00:00.001Z')] },
      ['2026-06-03'],
      1_000,
    ],
    // 22:00 → 04:00 is 2 h on the 3rd and 4 h (= 240 min, not above) on the 4th.
    [
      'split at local midnight',
      { windows: [major('2026-06-03T22:00:00Z', '2026-06-04T04:00:00Z')] },
      [],
      0,
    ],
    [
      'split at local midnight, threshold 239',
      {
        windows: [major('2026-06-03T22:00:00Z', '2026-06-04T04:00:00Z')],
        policy: { tiers: [], dailyRule: { thresholdMinutes: 239, creditDays: 1 } },
      },
      ['2026-06-04'],
      1_000,
    ],
    // Weighted: 14 h × 0.3 = 252 min > 240.
    [
      'weighted downtime counts',
      { windows: [partial('2026-06-05T00:00:00Z', '2026-06-05T14:00:00Z')] },
      ['2026-06-05'],
      1_000,
    ],
    // Two qualifying days, creditDays 1.5: 2 × 1.5 × 30 000 / 30 = 3 000.
    [
      'several days and fractional creditDays',
      {
        windows: [
          major('2026-06-05T00:00:00Z', '2026-06-05T05:00:00Z'),
          major('2026-06-07T00:00:00Z', '2026-06-07T05:00:00Z'),
        ],
        policy: { tiers: [], dailyRule: { thresholdMinutes: 240, creditDays: 1.5 } },
      },
      ['2026-06-05', '2026-06-07'],
      3_000,
    ],
    // Local days of Asia/Kolkata run 18:30Z → 18:30Z: 17:00Z → 23:00Z is 1.5 h on the 4th
    // and 4.5 h (270 min > 240) on the 5th.
    [
      'local days of the agreement zone',
      {
        timeZone: 'Asia/Kolkata',
        windows: [major('2026-06-04T17:00:00Z', '2026-06-04T23:00:00Z')],
      },
      ['2026-06-05'],
      1_000,
    ],
    // Agreement from the 16th: fee base 15 000 but the day earns 30 000 / 30 = 1 000 (full fee).
    [
      'the full monthly fee, not the fee base',
      {
        start: '2026-06-16T00:00:00Z',
        windows: [major('2026-06-20T00:00:00Z', '2026-06-20T04:01:00Z')],
      },
      ['2026-06-20'],
      1_000,
    ],
  ])('%s', (_name, overrides, qualifyingDays, creditMinor) => {
    const result = run({
      monthlyFeeMinor: 30_000,
      ...overrides,
      policy: { ...daily, ...overrides.policy },
    });
    expect(result.qualifyingDays).toEqual(qualifyingDays);
    expect(result.creditMinor).toBe(creditMinor);
  });

  it('is added before the cap', () => {
    // Availability 100 − 100 × 18 000 000 / 2 592 000 000 = 99.305…: tier 10 % = 3 000;
    // one day over 240 min = 1 000; 4 000 > cap 10 % = 3 000 → 3 000, capped.
    const result = run({
      monthlyFeeMinor: 30_000,
      policy: { capPercent: 10, dailyRule: { thresholdMinutes: 240, creditDays: 1 } },
      windows: [major('2026-06-05T00:00:00Z', '2026-06-05T05:00:00Z')],
    });
    expect(result).toMatchObject({
      creditPercent: 10,
      qualifyingDays: ['2026-06-05'],
      creditMinor: 3_000,
      capped: true,
    });
  });
});

describe('§3.11 fee base', () => {
  it.each<[string, CaseOverrides, number]>([
    // Month to date: 10 of 30 days → 200 000 / 3.
    ['month to date (asOf inside the period)', { asOf: '2026-06-11T00:00:00Z' }, 200_000 / 3],
    // New York, March 2024 (743 h): from local 16 March (04:00Z) = 16 × 24 h;
    // 200 000 × 384 h / 743 h = 76 800 000 / 743.
    [
      'a DST month is measured in real hours',
      { period: '2024-03', timeZone: 'America/New_York', start: '2024-03-16T04:00:00Z' },
      76_800_000 / 743,
    ],
  ])('%s', (_name, overrides, feeBaseMinor) => {
    expect(run(overrides).feeBaseMinor).toBe(feeBaseMinor);
  });
});

describe('§3.12 credit: cap, rounding half up, minimum', () => {
  const down = [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')]; // 99.86 %: tier 10 %
  it.each<[string, CaseOverrides, number, boolean, number]>([
    // 10 % of 1 005 = 100.5 → 101 (half up, not half even).
    ['half up', { monthlyFeeMinor: 1_005 }, 101, false, 1_005],
    // 10 % of 25 = 2.5 → 3.
    ['half up on an even neighbour', { monthlyFeeMinor: 25 }, 3, false, 25],
    // 150 % of 200 000 = 300 000 > 200 000.
    [
      'capped',
      { policy: { tiers: [{ belowPercent: 99.9, creditPercent: 150 }] } },
      200_000,
      true,
      200_000,
    ],
    [
      'equal to the cap is not capped',
      { policy: { tiers: [{ belowPercent: 99.9, creditPercent: 100 }] } },
      200_000,
      false,
      200_000,
    ],
    // Cap 10 % of 1 005 = 100.5 exactly = the credit: not capped; both round to 101.
    [
      'cap of 100.5 equal to the credit',
      { monthlyFeeMinor: 1_005, policy: { capPercent: 10 } },
      101,
      false,
      101,
    ],
    // 10.04 % of 1 000 = 100.4 > cap 10 % = 100: capped, 100.
    [
      'capped although both round to 100',
      {
        monthlyFeeMinor: 1_000,
        policy: { capPercent: 10, tiers: [{ belowPercent: 99.9, creditPercent: 10.04 }] },
      },
      100,
      true,
      100,
    ],
    // 10.01 % = 100.1 < cap 100.4: not capped; rounds to 100 while the cap rounds to 100 too.
    [
      'not capped although equal to the rounded cap',
      {
        monthlyFeeMinor: 1_000,
        policy: { capPercent: 10.04, tiers: [{ belowPercent: 99.9, creditPercent: 10.01 }] },
      },
      100,
      false,
      100,
    ],
    ['below the minimum credit: 0', { policy: { minimumCreditMinor: 20_001 } }, 0, false, 200_000],
    [
      'exactly the minimum credit is issued',
      { policy: { minimumCreditMinor: 20_000 } },
      20_000,
      false,
      200_000,
    ],
    // 100.5 is below 101 but the rounded amount, 101, is compared.
    [
      'the rounded amount meets the minimum',
      { monthlyFeeMinor: 1_005, policy: { minimumCreditMinor: 101 } },
      101,
      false,
      1_005,
    ],
  ])('%s', (_name, overrides, creditMinor, capped, capMinor) => {
    const result = run({ windows: down, ...overrides });
    expect(result.creditMinor).toBe(creditMinor);
    expect(result.capped).toBe(capped);
    expect(result.capMinor).toBe(capMinor);
  });
});

describe('§3.13 claim deadline', () => {
  it.each<[string, string, string, number, string]>([
    ['UTC, 30 days', '2026-06', 'UTC', 30, '2026-07-31T00:00:00.000Z'],
    ['0 days: the period end', '2026-06', 'UTC', 0, '2026-07-01T00:00:00.000Z'],
    // 1 March + 30 days = 31 March, local midnight in EDT (−4).
    [
      'New York, across the spring change',
      '2026-02',
      'America/New_York',
      30,
      '2026-03-31T04:00:00.000Z',
    ],
    // 1 November + 30 = 1 December, EST (−5); DST ended on 1 November.
    [
      'New York, across the autumn change',
      '2026-10',
      'America/New_York',
      30,
      '2026-12-01T05:00:00.000Z',
    ],
    // 1 April + 30 = 1 May, AEST (+10); DST ended on 5 April.
    [
      'Sydney, across the autumn change',
      '2026-03',
      'Australia/Sydney',
      30,
      '2026-04-30T14:00:00.000Z',
    ],
    // 1 April + 30 = 1 May, +12:45 (DST ended 5 April).
    ['Chatham', '2026-03', 'Pacific/Chatham', 30, '2026-04-30T11:15:00.000Z'],
  ])('%s', (_name, period, timeZone, claimWindowDays, claimDeadline) => {
    expect(run({ period, timeZone, policy: { claimWindowDays } }).claimDeadline).toBe(
      claimDeadline,
    );
  });
});
