// Input validation: every field named, every rule of §1 and §6.8 enforced.
import { describe, expect, it } from 'vitest';
import {
  applyPolicyDefaults,
  evaluationCaseSchema,
  formatProblem,
  parseEvaluationRequest,
} from '../../api/sla/index.ts';
import { caseInput, major } from './fixtures.ts';

function problems(input: unknown): string[] {
  const parsed = parseEvaluationRequest(input);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

const base = caseInput();

describe('invalid cases name the field', () => {
  it.each<[string, unknown, string]>([
    ['period format', { ...base, period: '2026-6' }, 'period: '],
    ['period month 13', { ...base, period: '2026-13' }, 'period: '],
    ['asOf not an instant', { ...base, asOf: '2026-06-01' }, 'asOf: '],
    [
      'a timezone offset',
      { ...base, agreement: { ...base.agreement, timeZone: '+05:30' } },
      'agreement.timeZone: ',
    ],
    [
      'unknown zone',
      { ...base, agreement: { ...base.agreement, timeZone: 'Europe/Atlantis' } },
      'agreement.timeZone: ',
    ],
    [
      'agreement end before start',
      { ...base, agreement: { ...base.agreement, end: '2023-01-01T00:00:00Z' } },
      'agreement.end: end must be after start',
    ],
    [
      'agreement end equal to start',
      { ...base, agreement: { ...base.agreement, end: base.agreement.start } },
      'agreement.end: ',
    ],
    [
      'fractional fee',
      { ...base, agreement: { ...base.agreement, monthlyFeeMinor: 10.5 } },
      'agreement.monthlyFeeMinor: ',
    ],
    [
      'negative fee',
      { ...base, agreement: { ...base.agreement, monthlyFeeMinor: -1 } },
      'agreement.monthlyFeeMinor: ',
    ],
    [
      'lower-case currency',
      { ...base, agreement: { ...base.agreement, currency: 'usd' } },
      'agreement.currency: ',
    ],
    [
      'missing currency',
      { ...base, agreement: { ...base.agreement, currency: undefined } },
      'agreement.currency: ',
    ],
    [
      'target with 5 decimals',
      { ...base, policy: { ...base.policy, targetPercent: 99.99999 } },
      'policy.targetPercent: must have at most 4 decimals',
    ],
    [
      'target above 100',
      { ...base, policy: { ...base.policy, targetPercent: 100.5 } },
      'policy.targetPercent: must be at most 100',
    ],
    ['missing target', { ...base, policy: { tiers: [] } }, 'policy.targetPercent: '],
    ['missing tiers', { ...base, policy: { targetPercent: 99 } }, 'policy.tiers: '],
    [
      'weight above 1',
      { ...base, policy: { ...base.policy, weights: { partial_outage: 1.5 } } },
      'policy.weights.partial_outage: ',
    ],
    [
      'weight with 3 decimals',
      { ...base, policy: { ...base.policy, weights: { degraded: 0.125 } } },
      'policy.weights.degraded: must have at most 2 decimals',
    ],
    [
      'weight for maintenance',
      { ...base, policy: { ...base.policy, weights: { maintenance: 1 } } },
      'policy.weights: ',
    ],
    [
      'negative tier credit',
      { ...base, policy: { ...base.policy, tiers: [{ belowPercent: 99, creditPercent: -5 }] } },
      'policy.tiers.0.creditPercent: ',
    ],
    [
      'unknown accounting',
      { ...base, policy: { ...base.policy, maintenanceAccounting: 'ignored' } },
      'policy.maintenanceAccounting: ',
    ],
    ['misspelt policy field', { ...base, policy: { ...base.policy, capPercnt: 50 } }, 'policy: '],
    ['unknown case field', { ...base, comment: 'x' }, '(the case itself): '],
    [
      'daily rule missing creditDays',
      { ...base, policy: { ...base.policy, dailyRule: { thresholdMinutes: 240 } } },
      'policy.dailyRule.creditDays: ',
    ],
    [
      'termination out of order',
      { ...base, policy: { ...base.policy, termination: { missedPeriods: 4, withinPeriods: 3 } } },
      'policy.termination.missedPeriods: ',
    ],
    [
      'claimWindowDays fractional',
      { ...base, policy: { ...base.policy, claimWindowDays: 1.5 } },
      'policy.claimWindowDays: ',
    ],
    [
      'window state unknown',
      { ...base, windows: [{ start: '2026-06-01T00:00:00Z', end: null, state: 'down' }] },
      'windows.0.state: ',
    ],
    [
      'window end equal to start',
      { ...base, windows: [major('2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')] },
      'windows.0.end: end must be after start',
    ],
    [
      'window instant with 4 fraction digits',
      { ...base, windows: [major('2026-06-01T00:00:00.0001Z', null)] },
      'windows.0.start: ',
    ],
    [
      'window announcedAt not an instant',
      { ...base, windows: [{ ...major('2026-06-01T00:00:00Z', null), announcedAt: 'yesterday' }] },
      'windows.0.announcedAt: ',
    ],
    ['not an object', 42, '(the case itself): '],
    // 2^53 − 1 at a 150 % cap would be a credit no JSON number holds exactly.
    [
      'a fee whose cap exceeds safe integers',
      {
        ...base,
        agreement: { ...base.agreement, monthlyFeeMinor: Number.MAX_SAFE_INTEGER },
        policy: { ...base.policy, capPercent: 150 },
      },
      'agreement.monthlyFeeMinor: monthlyFeeMinor × capPercent / 100 must not exceed 2^53 − 1',
    ],
  ])('%s', (_name, input, expected) => {
    expect(problems(input).join('\n')).toContain(expected);
  });

  it('an array names the index of the bad case', () => {
    expect(problems([base, { ...base, period: 'x' }])).toEqual([
      'case 1: period: must be a calendar month YYYY-MM',
    ]);
  });

  it('an empty array is a valid request with no results', () => {
    expect(parseEvaluationRequest([])).toEqual({ ok: true, isArray: true, cases: [] });
  });
});

describe('defaults (§1)', () => {
  it('applies every default of the policy table', () => {
    expect(applyPolicyDefaults({ targetPercent: 99.9, tiers: [] })).toEqual({
      targetPercent: 99.9,
      weights: { major_outage: 1, partial_outage: 0.3, degraded: 0 },
      minimumOutageMinutes: 0,
      maintenanceNoticeMinutes: 2880,
      maintenanceAccounting: 'excluded',
      tiers: [],
      dailyRule: null,
      capPercent: 100,
      minimumCreditMinor: 0,
      claimWindowDays: 30,
      termination: null,
    });
  });

  it('agreement zone defaults to UTC, end and asOf to null, windows to none', () => {
    const parsed = evaluationCaseSchema.parse({
      period: '2026-06',
      agreement: { start: '2026-01-01T00:00:00Z', monthlyFeeMinor: 1, currency: 'EUR' },
      policy: { targetPercent: 99, tiers: [] },
    });
    expect(parsed).toMatchObject({
      asOf: null,
      agreement: { timeZone: 'UTC', end: null },
      windows: [],
    });
  });
});
