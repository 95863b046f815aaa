import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './fixtures.ts';

interface Example {
  readonly name: string;
  readonly case: unknown;
  readonly expected: Record<string, unknown>;
}

const examplesPath = new URL('../../docs/spec/sla-examples.json', import.meta.url);
const examples = JSON.parse(readFileSync(examplesPath, 'utf8')) as Example[];

describe('sla-examples.json: every worked case, every expected key', () => {
  it('has the 15 cases of the spec', () => {
    expect(examples).toHaveLength(15);
  });

  describe.each(examples)('$name', (example) => {
    const result = evaluate(example.case) as unknown as Record<string, unknown>;
    it.each(Object.keys(example.expected))('%s', (key) => {
      expect(result[key]).toStrictEqual(example.expected[key]);
    });
  });
});

describe('the case of spec §5', () => {
  it('reproduces the document shown', () => {
    const result = evaluate({
      period: '2026-03',
      asOf: '2026-04-10T00:00:00Z',
      agreement: {
        timeZone: 'America/New_York',
        start: '2026-01-01T05:00:00Z',
        end: null,
        monthlyFeeMinor: 250000,
        currency: 'USD',
      },
      policy: {
        targetPercent: 99.95,
        weights: { major_outage: 1, partial_outage: 0.3, degraded: 0 },
        minimumOutageMinutes: 5,
        maintenanceNoticeMinutes: 2880,
        maintenanceAccounting: 'excluded',
        tiers: [
          { belowPercent: 99.95, creditPercent: 10 },
          { belowPercent: 99.0, creditPercent: 25 },
          { belowPercent: 95.0, creditPercent: 100 },
        ],
        dailyRule: null,
        capPercent: 100,
        minimumCreditMinor: 0,
        claimWindowDays: 30,
      },
      windows: [
        { start: '2026-03-14T10:00:00Z', end: '2026-03-14T10:42:00Z', state: 'major_outage' },
        {
          start: '2026-03-20T02:00:00Z',
          end: '2026-03-20T04:00:00Z',
          state: 'maintenance',
          announcedAt: '2026-03-10T09:00:00Z',
        },
      ],
    });
    expect(result).toMatchObject({
      status: 'evaluated',
      period: { start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z' },
      coveredMs: 2674800000,
      eligibleMs: 2667600000,
      downtimeMs: 2520000,
      availabilityPercent: 99.9055330634278,
      availabilityDisplay: '99.905',
      met: false,
      creditPercent: 10,
      qualifyingDays: [],
      feeBaseMinor: 250000,
      creditMinor: 25000,
      currency: 'USD',
      capped: false,
      claimDeadline: '2026-05-01T04:00:00.000Z',
      counted: [
        {
          start: '2026-03-14T10:00:00.000Z',
          end: '2026-03-14T10:42:00.000Z',
          weight: 1,
          downtimeMs: 2520000,
        },
      ],
      ignored: [
        {
          start: '2026-03-20T02:00:00.000Z',
          end: '2026-03-20T04:00:00.000Z',
          reason: 'announced-maintenance',
        },
      ],
    });
  });
});
