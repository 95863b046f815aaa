// Builders for response-time cases in tests: a plain UTC March 2026 agreement unless told
// otherwise, with a 24x7 P1 (30 min / 4 h) and a business-hours P2 (4 h, no resolution target).
import {
  type BusinessHoursInput,
  evaluateResponseCase,
  type ResponseCaseInput,
  type ResponsePolicyInput,
  type ResponseResult,
  responseCaseSchema,
  type SupportRequestInput,
} from '../../api/sla/index.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export const officeHours: BusinessHoursInput = {
  schedule: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
    sat: [],
    sun: [],
  },
  holidays: [],
};

/** Business hours on one weekday only (every other day closed). */
export function onlyOn(
  weekday: keyof BusinessHoursInput['schedule'],
  intervals: [string, string][],
): BusinessHoursInput {
  const schedule: BusinessHoursInput['schedule'] = {
    mon: [],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  };
  schedule[weekday] = intervals;
  return { schedule, holidays: [] };
}

export const basePolicy: ResponsePolicyInput = {
  objectives: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
    P2: { firstResponseMinutes: 240, calendar: 'business' },
  },
  targetPercent: 95,
  tiers: [
    { belowPercent: 95, creditPercent: 10 },
    { belowPercent: 80, creditPercent: 25 },
  ],
};

export interface ResponseOverrides {
  readonly period?: string;
  readonly asOf?: string | null;
  readonly timeZone?: string;
  readonly start?: string;
  readonly end?: string | null;
  readonly monthlyFeeMinor?: number;
  readonly businessHours?: BusinessHoursInput | null;
  readonly policy?: Partial<ResponsePolicyInput>;
  readonly requests?: SupportRequestInput[];
}

export function responseInput(overrides: ResponseOverrides = {}): ResponseCaseInput {
  return {
    period: overrides.period ?? '2026-03',
    asOf: overrides.asOf ?? null,
    agreement: {
      timeZone: overrides.timeZone ?? 'UTC',
      start: overrides.start ?? '2026-01-01T00:00:00Z',
      end: overrides.end ?? null,
      monthlyFeeMinor: overrides.monthlyFeeMinor ?? 100_000,
      currency: 'EUR',
      businessHours: overrides.businessHours === undefined ? officeHours : overrides.businessHours,
    },
    policy: { ...basePolicy, ...overrides.policy },
    requests: overrides.requests ?? [],
  };
}

/** Validates like the CLI does, then evaluates. */
export function evaluateResponse(input: unknown): ResponseResult {
  return evaluateResponseCase(responseCaseSchema.parse(input));
}

export function runResponse(overrides: ResponseOverrides = {}): ResponseResult {
  return evaluateResponse(responseInput(overrides));
}

type EventType = NonNullable<SupportRequestInput['events']>[number]['type'];

/** A request with events given as `[instant, type]` pairs, in list order. */
export function request(
  id: string,
  priority: SupportRequestInput['priority'],
  openedAt: string,
  events: [string, EventType][] = [],
): SupportRequestInput {
  return { id, priority, openedAt, events: events.map(([at, type]) => ({ at, type })) };
}

/** `base` plus `minutes` (and `ms`), as RFC 3339 text in UTC. */
export function plus(base: string, minutes: number, ms = 0): string {
  return new Date(Date.parse(base) + minutes * MINUTE_MS + ms).toISOString();
}
