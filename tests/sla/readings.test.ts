// One table per reading of spec §6; expectations computed by hand in the comments.
// Base: June 2026 in UTC (2 592 000 000 ms), fee 200 000, target 99.9, tiers 10/25/100.
import { describe, expect, it } from 'vitest';
import {
  evaluateAgreements,
  evaluateCase,
  evaluationCaseSchema,
  formatInstant,
  outageRuns,
  periodBounds,
  prepareWindows,
  requiredWindowRange,
} from '../../api/sla/index.ts';
import {
  type CaseOverrides,
  caseInput,
  evaluate,
  HOUR_MS,
  JUNE_MS,
  MINUTE_MS,
  maintenance,
  major,
  partial,
  run,
} from './fixtures.ts';

describe('§6.1 decimals are decimals', () => {
  it.each<[string, CaseOverrides, Record<string, unknown>]>([
    // 99.95 as a double is 99.9500000000000028…; read as 9995/100 the availability
    // 100 × (1 − 1 296 000 / 2 592 000 000) = 99.95 exactly is met.
    [
      'target 99.95',
      {
        policy: { targetPercent: 99.95 },
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T00:21:36Z')],
      },
      { met: true },
    ],
    // 0.1 % below 99.9 → tier hits exactly: not below.
    [
      'tier 99.9 hit exactly',
      { windows: [major('2026-06-10T00:00:00Z', '2026-06-10T00:43:12Z')] },
      { creditPercent: 0, creditMinor: 0 },
    ],
    // Weight 0.07 exactly: 0.07 × 1 h = 252 000 ms.
    [
      'weight 0.07',
      {
        policy: { weights: { partial_outage: 0.07 } },
        windows: [partial('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')],
      },
      { downtimeMs: 252_000 },
    ],
    // capPercent 5e-1 = 0.5 %: cap 1 000; tier 10 % → 20 000 capped to 1 000.
    [
      'exponent form 5e-1',
      {
        policy: { capPercent: 5e-1 },
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')],
      },
      { creditMinor: 1_000, capped: true },
    ],
    // creditPercent 1e-7: 200 000 × 10^-9 = 0.0002 → 0.
    [
      'exponent form 1e-7',
      {
        policy: { tiers: [{ belowPercent: 99.9, creditPercent: 1e-7 }] },
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')],
      },
      { creditMinor: 0, creditPercent: 1e-7 },
    ],
    // thresholdMinutes 0.5: 30 000 ms of downtime is not above, 30 001 is.
    [
      'fractional threshold',
      {
        policy: { dailyRule: { thresholdMinutes: 0.5, creditDays: 1 } },
        windows: [
          major('2026-06-10T00:00:00Z', '2026-06-10T00:00:30Z'),
          major('2026-06-11T00:00:00Z', '2026-06-11T00:00:30.001Z'),
        ],
      },
      { qualifyingDays: ['2026-06-11'] },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(run(overrides)).toMatchObject(expected);
  });
});

describe('§6.2 asOf ends open windows and the measured interval, nothing else', () => {
  const asOf = '2026-06-11T00:00:00Z';
  it.each<[string, CaseOverrides, Record<string, unknown>]>([
    // Open from 23:00 on the 10th ends at asOf: 1 h; E = 10 days = 864 000 000;
    // 100 − 100 × 3 600 000 / 864 000 000 = 99.5833…; fee base 200 000/3; 10 % = 6 666.67 → 6 667.
    [
      'an open window ends at asOf',
      { asOf, windows: [major('2026-06-10T23:00:00Z', null)] },
      {
        coveredMs: 864_000_000,
        downtimeMs: HOUR_MS,
        availabilityDisplay: '99.583',
        feeBaseMinor: 200_000 / 3,
        creditMinor: 6_667,
      },
    ],
    // Closed 23:00 → 05:00 is a 6 h run ≥ 120 min: it counts; downtime up to asOf = 1 h.
    [
      'a closed window keeps its length for the minimum',
      {
        asOf,
        policy: { minimumOutageMinutes: 120 },
        windows: [major('2026-06-10T23:00:00Z', '2026-06-11T05:00:00Z')],
      },
      { downtimeMs: HOUR_MS },
    ],
    // Open from 23:00: its run is 1 h at asOf, below 120 min.
    [
      'an open window is as long as it is at asOf',
      {
        asOf,
        policy: { minimumOutageMinutes: 120 },
        windows: [major('2026-06-10T23:00:00Z', null)],
      },
      { downtimeMs: 0, ignored: [expect.objectContaining({ reason: 'below-minimum' })] },
    ],
    [
      'an open window starting at asOf has not started',
      { asOf, windows: [major(asOf, null)] },
      { downtimeMs: 0, ignored: [expect.objectContaining({ reason: 'outside-period', index: 0 })] },
    ],
    [
      'an open window starting after asOf has not started',
      { asOf, windows: [major('2026-06-20T00:00:00Z', null)] },
      { downtimeMs: 0, ignored: [expect.objectContaining({ reason: 'outside-period' })] },
    ],
    // No asOf: the open window runs to the period end: 20 days = 1 728 000 000 ms.
    [
      'without asOf an open window ends at the period end',
      { windows: [major('2026-06-11T00:00:00Z', null)] },
      { downtimeMs: 1_728_000_000, asOf: '2026-07-01T00:00:00.000Z' },
    ],
    [
      'asOf after the period: the whole period',
      { asOf: '2026-08-15T00:00:00Z', windows: [major('2026-06-30T23:00:00Z', null)] },
      { coveredMs: JUNE_MS, downtimeMs: HOUR_MS, feeBaseMinor: 200_000 },
    ],
    [
      'asOf at the period start: not covered',
      { asOf: '2026-06-01T00:00:00Z' },
      { status: 'not-covered', coveredMs: 0, feeBaseMinor: 0 },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(run(overrides)).toMatchObject(expected);
  });
});

describe('§6.3 runs include time outside coverage; minimum on wall-clock length', () => {
  it.each<[string, CaseOverrides, number]>([
    // 23:57 → 00:03 is a 6 min run ≥ 5: counts; from the agreement start, 3 min.
    [
      'a run crossing the agreement start is judged whole',
      {
        start: '2026-06-16T00:00:00Z',
        policy: { minimumOutageMinutes: 5 },
        windows: [major('2026-06-15T23:57:00Z', '2026-06-16T00:03:00Z')],
      },
      3 * MINUTE_MS,
    ],
    // 10 min of partial = 3 min weighted, but 10 min of wall clock ≥ 5: counts.
    [
      'wall-clock length, not weighted downtime',
      {
        policy: { minimumOutageMinutes: 5 },
        windows: [partial('2026-06-10T00:00:00Z', '2026-06-10T00:10:00Z')],
      },
      180_000,
    ],
  ])('%s', (_name, overrides, downtimeMs) => {
    expect(run(overrides).downtimeMs).toBe(downtimeMs);
  });
});

describe('§6.4 most severe is the largest weight; announcedAt only on maintenance', () => {
  it('announcedAt on an outage window is ignored', () => {
    const result = run({
      windows: [
        {
          start: '2026-06-10T00:00:00Z',
          end: '2026-06-10T01:00:00Z',
          state: 'major_outage',
          announcedAt: '2026-06-01T00:00:00Z',
        },
      ],
    });
    expect(result.downtimeMs).toBe(HOUR_MS);
    expect(result.eligibleMs).toBe(JUNE_MS);
  });

  it('partial weighted above major wins over it', () => {
    // Partial 0.8 over 1 h, major 0.5 over the same hour: 0.8 × 3 600 000 = 2 880 000.
    const result = run({
      policy: { weights: { major_outage: 0.5, partial_outage: 0.8 } },
      windows: [
        major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
        partial('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
      ],
    });
    expect(result.downtimeMs).toBe(2_880_000);
    expect(result.ignored).toMatchObject([{ state: 'major_outage', reason: 'superseded' }]);
  });
});

describe('§6.5 tiers whether or not met; daily full fee; minimum on the rounded amount; exact capped', () => {
  // Covered in rules.test.ts §3.9, §3.10 and §3.12; here the combination:
  it('a met target with a tier, a daily credit, and a cap that binds', () => {
    // Fee 30 000, 5 h down on the 5th: availability 99.305…% ≥ target 99 (met);
    // tier <99.5 → 20 % of 30 000 = 6 000; day over 240 min → 1 000; cap 20 % = 6 000.
    const result = run({
      monthlyFeeMinor: 30_000,
      policy: {
        targetPercent: 99,
        tiers: [{ belowPercent: 99.5, creditPercent: 20 }],
        dailyRule: { thresholdMinutes: 240, creditDays: 1 },
        capPercent: 20,
      },
      windows: [major('2026-06-05T00:00:00Z', '2026-06-05T05:00:00Z')],
    });
    expect(result).toMatchObject({
      met: true,
      creditPercent: 20,
      creditMinor: 6_000,
      capped: true,
      capMinor: 6_000,
    });
  });
});

describe('§6.6 non-evaluated results', () => {
  it.each<[string, CaseOverrides, Record<string, unknown>]>([
    [
      'not-covered',
      {
        start: '2026-07-01T00:00:00Z',
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')],
      },
      { status: 'not-covered', coveredMs: 0, eligibleMs: 0, downtimeMs: 0, feeBaseMinor: 0 },
    ],
    [
      'no-eligible-time',
      {
        policy: { dailyRule: { thresholdMinutes: 0, creditDays: 1 } },
        windows: [
          maintenance('2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', '2026-05-01T00:00:00Z'),
        ],
      },
      {
        status: 'no-eligible-time',
        coveredMs: JUNE_MS,
        eligibleMs: 0,
        downtimeMs: 0,
        feeBaseMinor: 200_000,
      },
    ],
  ])('%s', (_name, overrides, figures) => {
    const result = run(overrides);
    expect(result).toMatchObject({
      ...figures,
      availabilityPercent: null,
      availabilityDisplay: null,
      met: null,
      creditMinor: 0,
      creditPercent: 0,
      capped: false,
      qualifyingDays: [],
      period: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
      claimDeadline: '2026-07-31T00:00:00.000Z',
      counted: [],
    });
  });
});

describe('§6.7 fractional milliseconds are not rounded', () => {
  it.each<[string, CaseOverrides, Record<string, unknown>]>([
    // 0.3 × 1 ms.
    [
      'downtime of 0.3 ms',
      { windows: [partial('2026-06-10T00:00:00Z', '2026-06-10T00:00:00.001Z')] },
      { downtimeMs: 0.3 },
    ],
    // 0.3 × 7 ms = 2.1 ms.
    [
      'downtime of 2.1 ms',
      { windows: [partial('2026-06-10T00:00:00Z', '2026-06-10T00:00:00.007Z')] },
      { downtimeMs: 2.1 },
    ],
    // 200 000 × 1 ms / 2 592 000 000 ms = 1/12 960.
    [
      'a fee base for one millisecond',
      { start: '2026-06-30T23:59:59.999Z' },
      { coveredMs: 1, feeBaseMinor: 1 / 12_960 },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(run(overrides)).toMatchObject(expected);
  });
});

describe('§6.8 inputs: null means the default, weights merge key by key', () => {
  it('null and omitted policy fields give the same result', () => {
    const windows = [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')];
    const omitted = run({ windows });
    const nulls = run({
      windows,
      policy: {
        weights: null,
        minimumOutageMinutes: null,
        maintenanceNoticeMinutes: null,
        maintenanceAccounting: null,
        dailyRule: null,
        capPercent: null,
        minimumCreditMinor: null,
        claimWindowDays: null,
        termination: null,
      },
    });
    expect(nulls).toEqual(omitted);
  });

  it('a partial weights object keeps the other defaults', () => {
    const parsed = evaluationCaseSchema.parse(
      caseInput({ policy: { weights: { partial_outage: 0.5 } } }),
    );
    expect(parsed.policy.weights).toEqual({ major_outage: 1, partial_outage: 0.5, degraded: 0 });
    expect(parsed.agreement.timeZone).toBe('UTC');
  });
});

describe('§6.9 counted and ignored', () => {
  const announced = '2026-05-01T00:00:00Z';
  it.each<[string, CaseOverrides, string]>([
    [
      'before the period',
      { windows: [major('2026-05-10T00:00:00Z', '2026-05-10T01:00:00Z')] },
      'outside-period',
    ],
    [
      'ends exactly at the period start',
      { windows: [major('2026-05-31T23:00:00Z', '2026-06-01T00:00:00Z')] },
      'outside-period',
    ],
    [
      'after asOf',
      {
        asOf: '2026-06-05T00:00:00Z',
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')],
      },
      'outside-period',
    ],
    [
      'in the period, before the agreement',
      {
        start: '2026-06-16T00:00:00Z',
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')],
      },
      'outside-coverage',
    ],
    // Outside coverage comes first even for maintenance.
    [
      'maintenance outside coverage',
      {
        start: '2026-06-16T00:00:00Z',
        windows: [maintenance('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z', announced)],
      },
      'outside-coverage',
    ],
    [
      'announced maintenance',
      { windows: [maintenance('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z', announced)] },
      'announced-maintenance',
    ],
    // An outage wholly inside announced maintenance contributed nothing because of it.
    [
      'an outage wholly under announced maintenance',
      {
        windows: [
          maintenance('2026-06-10T00:00:00Z', '2026-06-10T02:00:00Z', announced),
          major('2026-06-10T00:30:00Z', '2026-06-10T01:00:00Z'),
        ],
      },
      'announced-maintenance',
    ],
    [
      'degraded (weight 0)',
      {
        windows: [
          { start: '2026-06-10T00:00:00Z', end: '2026-06-10T01:00:00Z', state: 'degraded' },
        ],
      },
      'zero-weight',
    ],
    [
      'a run below the minimum',
      {
        policy: { minimumOutageMinutes: 5 },
        windows: [major('2026-06-10T00:00:00Z', '2026-06-10T00:04:00Z')],
      },
      'below-minimum',
    ],
    [
      'wholly under a heavier window',
      {
        windows: [
          major('2026-06-09T00:00:00Z', '2026-06-11T00:00:00Z'),
          partial('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
        ],
      },
      'superseded',
    ],
  ])('%s', (_name, overrides, reason) => {
    // The window under test is the last one of each case.
    const last = (overrides.windows?.length ?? 0) - 1;
    const result = run(overrides);
    expect(result.ignored.find((entry) => entry.index === last)?.reason).toBe(reason);
  });

  it('contributing windows are not listed; duplicates of equal weight both contributed', () => {
    const result = run({
      windows: [
        major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
        major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z'),
        partial('2026-06-10T00:30:00Z', '2026-06-10T02:00:00Z'),
      ],
    });
    // 1 h × 1 + 1 h × 0.3 = 3 600 000 + 1 080 000.
    expect(result.downtimeMs).toBe(4_680_000);
    expect(result.ignored).toEqual([]);
  });

  it('counted pieces are constant-weight parts of surviving runs, cut by maintenance, summing to downtime', () => {
    const result = run({
      windows: [
        partial('2026-06-10T00:00:00Z', '2026-06-10T03:00:00Z'),
        major('2026-06-10T01:00:00Z', '2026-06-10T02:00:00Z'),
        maintenance('2026-06-10T02:30:00Z', '2026-06-10T04:00:00Z', announced),
      ],
    });
    const run1 = { start: '2026-06-10T00:00:00.000Z', end: '2026-06-10T03:00:00.000Z' };
    // 0.3 × 1 h + 1 × 1 h + 0.3 × 30 min = 1 080 000 + 3 600 000 + 540 000 = 5 220 000.
    expect(result.counted).toEqual([
      {
        start: '2026-06-10T00:00:00.000Z',
        end: '2026-06-10T01:00:00.000Z',
        weight: 0.3,
        downtimeMs: 1_080_000,
        run: run1,
      },
      {
        start: '2026-06-10T01:00:00.000Z',
        end: '2026-06-10T02:00:00.000Z',
        weight: 1,
        downtimeMs: 3_600_000,
        run: run1,
      },
      {
        start: '2026-06-10T02:00:00.000Z',
        end: '2026-06-10T02:30:00.000Z',
        weight: 0.3,
        downtimeMs: 540_000,
        run: run1,
      },
    ]);
    expect(result.downtimeMs).toBe(5_220_000);
    expect(result.ignored).toMatchObject([{ index: 2, reason: 'announced-maintenance' }]);
  });

  it('echoes window ids', () => {
    const result = run({
      windows: [
        {
          id: 'w-7',
          start: '2026-05-10T00:00:00Z',
          end: '2026-05-10T01:00:00Z',
          state: 'major_outage',
        },
      ],
    });
    expect(result.ignored).toEqual([
      {
        start: '2026-05-10T00:00:00.000Z',
        end: '2026-05-10T01:00:00.000Z',
        state: 'major_outage',
        reason: 'outside-period',
        index: 0,
        id: 'w-7',
      },
    ]);
  });
});

describe('§6.10 policy versions are chosen by the caller', () => {
  it('the case policy is the one applied, whatever the dates', () => {
    const windows = [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')];
    expect(run({ windows, policy: { targetPercent: 99 } }).met).toBe(true);
    expect(run({ windows, policy: { targetPercent: 99.9 } }).met).toBe(false);
  });
});

describe('§6.11 a service history evaluated by period', () => {
  const history = [
    major('2026-05-31T23:30:00Z', '2026-06-01T00:20:00Z'), // 0: a 50-min run across 1 June
    major('2026-06-15T00:00:00Z', '2026-06-15T00:03:00Z'), // 1: 3 min, below the minimum
    partial('2026-06-30T23:00:00Z', '2026-07-01T01:00:00Z'), // 2: across 1 July
    major('2026-07-20T00:00:00Z', '2026-07-20T02:00:00Z'), // 3
    major('2026-08-20T00:00:00Z', null), // 4: still open
  ];
  const policy = { minimumOutageMinutes: 45 };
  const prepared = prepareWindows(
    evaluationCaseSchema.parse(caseInput({ windows: history })).windows,
  );
  const parsedPolicy = () => evaluationCaseSchema.parse(caseInput({ policy })).policy;
  // Which windows reach into each period, chosen by hand.
  it.each<[string, number[]]>([
    ['2026-05', [0]],
    ['2026-06', [0, 1, 2]],
    ['2026-07', [2, 3]],
    ['2026-08', [4]],
  ])(
    '%s: evaluateAgreements on the whole history = evaluateCase on the windows reaching in',
    (period, reaching) => {
      const request = evaluationCaseSchema.parse(caseInput({ period, policy }));
      const [batch] = evaluateAgreements(prepared, [request]);
      const single = evaluate(
        caseInput({
          period,
          policy,
          windows: reaching.map((i) => history[i] as (typeof history)[number]),
        }),
      );
      const withoutIndex = (result: typeof single) =>
        result.ignored.map(({ index: _index, ...entry }) => entry);
      expect({ ...batch, ignored: [] }).toEqual({ ...single, ignored: [] });
      expect(batch === undefined ? [] : withoutIndex(batch)).toEqual(withoutIndex(single));
    },
  );

  it('June: the 50-minute run counts its 20 June minutes, the 3-minute blip is dropped', () => {
    // 20 min + 1 h × 0.3 = 1 200 000 + 1 080 000.
    const [june] = evaluateAgreements(prepared, [
      evaluationCaseSchema.parse(caseInput({ policy })),
    ]);
    expect(june?.downtimeMs).toBe(2_280_000);
    expect(june?.ignored).toMatchObject([{ index: 1, reason: 'below-minimum' }]);
  });

  it('requiredWindowRange widens the period to the runs reaching into it', () => {
    const june = periodBounds('2026-06', 'UTC');
    const range = requiredWindowRange(
      prepared,
      parsedPolicy(),
      june.startMs,
      june.endMs,
      june.endMs,
    );
    // Runs 31 May 23:30 → 1 June 00:20 and 30 June 23:00 → 1 July 01:00 reach into June.
    expect([formatInstant(range.startMs), formatInstant(range.endMs)]).toEqual([
      '2026-05-31T23:30:00.000Z',
      '2026-07-01T01:00:00.000Z',
    ]);
  });

  it('outageRuns lists every run with whether it reaches the minimum', () => {
    const runs = outageRuns(prepared, parsedPolicy(), Date.parse('2026-09-01T00:00:00Z'));
    expect(runs.map((r) => [r.start, r.end, r.counts])).toEqual([
      ['2026-05-31T23:30:00.000Z', '2026-06-01T00:20:00.000Z', true], // 50 min ≥ 45
      ['2026-06-15T00:00:00.000Z', '2026-06-15T00:03:00.000Z', false], // 3 min
      ['2026-06-30T23:00:00.000Z', '2026-07-01T01:00:00.000Z', true],
      ['2026-07-20T00:00:00.000Z', '2026-07-20T02:00:00.000Z', true],
      ['2026-08-20T00:00:00.000Z', '2026-09-01T00:00:00.000Z', true], // open, ends at asOf
    ]);
  });

  it('explain: false gives the same figures without counted and ignored', () => {
    const request = evaluationCaseSchema.parse(caseInput({ policy }));
    const [full] = evaluateAgreements(prepared, [request]);
    const [bare] = evaluateAgreements(prepared, [request], { explain: false });
    expect(bare).toEqual({ ...full, counted: [], ignored: [] });
  });

  it('far-away windows change no figure of evaluateCase', () => {
    const near = evaluateCase(
      evaluationCaseSchema.parse(caseInput({ policy, windows: history.slice(0, 3) })),
    );
    const all = evaluateCase(evaluationCaseSchema.parse(caseInput({ policy, windows: history })));
    expect({ ...all, ignored: [] }).toEqual({ ...near, ignored: [] });
    expect(all.ignored.slice(-2)).toMatchObject([
      { index: 3, reason: 'outside-period' },
      { index: 4, reason: 'outside-period' },
    ]);
  });
});
