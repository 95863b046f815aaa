// Builders for evaluation cases in tests: a plain UTC June 2026 agreement unless told otherwise.
import {
  type EvaluationCaseInput,
  type EvaluationOptions,
  type EvaluationResult,
  evaluateCase,
  evaluationCaseSchema,
  type PolicyInput,
  type WindowInput,
} from '../../api/sla/index.ts';

/** June 2026 in UTC: 30 days. */
export const JUNE_MS = 30 * 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export const standardTiers = [
  { belowPercent: 99.9, creditPercent: 10 },
  { belowPercent: 99.0, creditPercent: 25 },
  { belowPercent: 95.0, creditPercent: 100 },
];

export interface CaseOverrides {
  readonly period?: string;
  readonly asOf?: string | null;
  readonly timeZone?: string;
  readonly start?: string;
  readonly end?: string | null;
  readonly monthlyFeeMinor?: number;
  readonly policy?: Partial<PolicyInput>;
  readonly windows?: WindowInput[];
  readonly monitoredSince?: string | null;
}

export function caseInput(overrides: CaseOverrides = {}): EvaluationCaseInput {
  return {
    period: overrides.period ?? '2026-06',
    asOf: overrides.asOf ?? null,
    agreement: {
      timeZone: overrides.timeZone ?? 'UTC',
      start: overrides.start ?? '2024-01-01T00:00:00Z',
      end: overrides.end ?? null,
      monthlyFeeMinor: overrides.monthlyFeeMinor ?? 200_000,
      currency: 'USD',
    },
    policy: { targetPercent: 99.9, tiers: standardTiers, ...overrides.policy },
    windows: overrides.windows ?? [],
    ...(overrides.monitoredSince === undefined ? {} : { monitoredSince: overrides.monitoredSince }),
  };
}

/** Validates like the CLI does, then evaluates. */
export function evaluate(input: unknown, options?: EvaluationOptions): EvaluationResult {
  return evaluateCase(evaluationCaseSchema.parse(input), options);
}

export function run(overrides: CaseOverrides = {}, options?: EvaluationOptions): EvaluationResult {
  return evaluate(caseInput(overrides), options);
}

export function major(start: string, end: string | null): WindowInput {
  return { start, end, state: 'major_outage' };
}

export function partial(start: string, end: string | null): WindowInput {
  return { start, end, state: 'partial_outage' };
}

export function maintenance(start: string, end: string, announcedAt?: string): WindowInput {
  return { start, end, state: 'maintenance', announcedAt: announcedAt ?? null };
}
