// The documents of sla-response.md §4 as zod 4 schemas, shared by the CLI
// (`sla response`), the HTTP API (POST /api/v1/sla/evaluate-response) and the engine's
// types. Strict as in sla-accounting.md §5 and §6.8: a misspelt field is an error, `null`
// and an omitted optional field mean the default, and every problem names its field.
import { z } from 'zod';
import { parseInstant } from '../instant.ts';
import { isPeriod, periodBounds, shiftPeriod } from '../period.ts';
import { cmp, decimalPlaces, fromDecimal } from '../rational.ts';
import {
  describeIssues,
  instantSchema,
  moneyFitsInSafeIntegers,
  periodSchema,
  type RequestProblem,
  tierSchema,
  timeZoneSchema,
} from '../schema.ts';
import { isLocalDate, parseLocalTime } from './calendar.ts';

/** `null` and an omitted field both mean the default (sla-accounting.md §6.8). */
function withDefault<S extends z.ZodType, const D>(schema: S, fallback: D) {
  return schema.nullish().transform((value): z.output<S> | D => value ?? fallback);
}

interface DecimalRules {
  readonly min?: number;
  readonly max?: number;
  readonly maxDecimals?: number;
}

/** A JSON number read as the decimal `String(x)` shows; bounds checked exactly, inclusive. */
function decimal(rules: DecimalRules) {
  return z.number().superRefine((value, ctx) => {
    if (!Number.isFinite(value)) return;
    const exact = fromDecimal(value);
    if (rules.min !== undefined && cmp(exact, fromDecimal(rules.min)) < 0) {
      ctx.addIssue({ code: 'custom', message: `must be at least ${rules.min}` });
    }
    if (rules.max !== undefined && cmp(exact, fromDecimal(rules.max)) > 0) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${rules.max}` });
    }
    if (rules.maxDecimals !== undefined && decimalPlaces(value) > rules.maxDecimals) {
      ctx.addIssue({ code: 'custom', message: `must have at most ${rules.maxDecimals} decimals` });
    }
  });
}

const nonNegativeInt = z.int().min(0);

export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof priorities)[number];

export const eventTypes = [
  'human-response',
  'automated-response',
  'paused',
  'resumed',
  'resolved',
  'reopened',
] as const;
export type EventType = (typeof eventTypes)[number];

export const calendarKinds = ['24x7', 'business'] as const;

// ---------------------------------------------------------------------------
// Business hours (§1).

const fromTimeSchema = z.string().refine((text) => parseLocalTime(text, false) !== undefined, {
  message: 'must be a local time HH:MM from 00:00 to 23:59',
});
const toTimeSchema = z.string().refine((text) => parseLocalTime(text, true) !== undefined, {
  message: 'must be a local time HH:MM from 00:01 to 24:00',
});

/** One weekday's intervals: each `from < to`, none overlapping (touching is fine). */
const daySchema = z.array(z.tuple([fromTimeSchema, toTimeSchema])).superRefine((intervals, ctx) => {
  const spans: { from: number; to: number; index: number }[] = [];
  intervals.forEach(([from, to], index) => {
    const fromMin = parseLocalTime(from, false) ?? 0;
    const toMin = parseLocalTime(to, true) ?? 0;
    if (fromMin >= toMin) {
      ctx.addIssue({ code: 'custom', message: 'from must be before to', path: [index] });
    } else spans.push({ from: fromMin, to: toMin, index });
  });
  spans.sort((a, b) => a.from - b.from);
  for (let k = 1; k < spans.length; k += 1) {
    const previous = spans[k - 1] as (typeof spans)[number];
    const current = spans[k] as (typeof spans)[number];
    if (current.from < previous.to) {
      ctx.addIssue({
        code: 'custom',
        message: `overlaps interval ${previous.index} of the same day`,
        path: [current.index],
      });
    }
  }
});

const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'must be a local date YYYY-MM-DD' });

export const businessHoursSchema = z.strictObject({
  /** Every weekday is named (an empty list: no business time that day). */
  schedule: z.strictObject({
    mon: daySchema,
    tue: daySchema,
    wed: daySchema,
    thu: daySchema,
    fri: daySchema,
    sat: daySchema,
    sun: daySchema,
  }),
  holidays: withDefault(z.array(localDateSchema), []),
});

export type BusinessHoursInput = z.input<typeof businessHoursSchema>;

// ---------------------------------------------------------------------------
// Policy (§1).

/** Minutes: a decimal ≥ 0, compared exactly with whole milliseconds. */
const minutesSchema = decimal({ min: 0 });

export const objectiveSchema = z.strictObject({
  firstResponseMinutes: minutesSchema,
  /** `null` or omitted: the priority has no resolution target. */
  resolutionMinutes: withDefault(minutesSchema, null),
  calendar: z.enum(calendarKinds),
});

export type Objective = z.output<typeof objectiveSchema>;

/** The response block of a policy version, with every default applied. */
export const responsePolicySchema = z.strictObject({
  /** Per offered priority; a priority left out (or `null`) is not offered. */
  objectives: z.strictObject({
    P1: withDefault(objectiveSchema, null),
    P2: withDefault(objectiveSchema, null),
    P3: withDefault(objectiveSchema, null),
    P4: withDefault(objectiveSchema, null),
  }),
  targetPercent: withDefault(decimal({ min: 0, max: 100, maxDecimals: 4 }), 95),
  tiers: withDefault(z.array(tierSchema), []),
  capPercent: withDefault(decimal({ min: 0 }), 100),
  minimumCreditMinor: withDefault(nonNegativeInt, 0),
  claimWindowDays: withDefault(nonNegativeInt, 30),
});

export type ResponsePolicyInput = z.input<typeof responsePolicySchema>;
export type ResponsePolicy = z.output<typeof responsePolicySchema>;

// ---------------------------------------------------------------------------
// Agreement, requests, case (§1, §4).

function endAfterStart(value: { start: string; end: string | null }): boolean {
  if (value.end === null) return true;
  return (parseInstant(value.end) ?? 0) > (parseInstant(value.start) ?? 0);
}

export const responseAgreementSchema = z
  .strictObject({
    timeZone: withDefault(timeZoneSchema, 'UTC'),
    start: instantSchema,
    end: withDefault(instantSchema, null),
    monthlyFeeMinor: nonNegativeInt,
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' }),
    /** Required when an objective uses the `business` calendar. */
    businessHours: withDefault(businessHoursSchema, null),
  })
  .refine(endAfterStart, { message: 'end must be after start', path: ['end'] });

export type ResponseAgreement = z.output<typeof responseAgreementSchema>;

export const requestEventSchema = z.strictObject({
  at: instantSchema,
  type: z.enum(eventTypes),
});

export type RequestEvent = z.output<typeof requestEventSchema>;

export const supportRequestSchema = z
  .strictObject({
    id: z.string().min(1),
    priority: z.enum(priorities),
    openedAt: instantSchema,
    events: withDefault(z.array(requestEventSchema), []),
  })
  .superRefine((request, ctx) => {
    const openedAtMs = parseInstant(request.openedAt);
    if (openedAtMs === undefined) return;
    request.events.forEach((event, index) => {
      const atMs = parseInstant(event.at);
      if (atMs !== undefined && atMs < openedAtMs) {
        ctx.addIssue({
          code: 'custom',
          message: 'must not be before openedAt',
          path: ['events', index, 'at'],
        });
      }
    });
  });

export type SupportRequestInput = z.input<typeof supportRequestSchema>;
export type SupportRequest = z.output<typeof supportRequestSchema>;

/** How far after its period's end a case may be evaluated (docs/decisions/101). */
export const AS_OF_LIMIT_MONTHS = 120;

/** One case of §4: one agreement, one period, its requests. */
export const responseCaseSchema = z
  .strictObject({
    period: periodSchema,
    asOf: withDefault(instantSchema, null),
    agreement: responseAgreementSchema,
    policy: responsePolicySchema,
    requests: withDefault(z.array(supportRequestSchema), []),
  })
  .superRefine((c, ctx) => {
    if (!moneyFitsInSafeIntegers(c.agreement.monthlyFeeMinor, c.policy.capPercent)) {
      ctx.addIssue({
        code: 'custom',
        message: 'monthlyFeeMinor × capPercent / 100 must not exceed 2^53 − 1 minor units',
        path: ['agreement', 'monthlyFeeMinor'],
      });
    }
    if (c.agreement.businessHours === null) {
      for (const priority of priorities) {
        if (c.policy.objectives[priority]?.calendar === 'business') {
          ctx.addIssue({
            code: 'custom',
            message: `required: the objective for ${priority} uses the business calendar`,
            path: ['agreement', 'businessHours'],
          });
          break;
        }
      }
    }
    // Past year 9999 no instant of §1 can be later than the limit.
    const lastPeriod = shiftPeriod(c.period, AS_OF_LIMIT_MONTHS);
    if (c.asOf !== null && isPeriod(lastPeriod)) {
      const asOfMs = parseInstant(c.asOf) ?? 0;
      if (asOfMs > periodBounds(lastPeriod, c.agreement.timeZone).endMs) {
        ctx.addIssue({
          code: 'custom',
          message: `must be at most ${AS_OF_LIMIT_MONTHS / 12} years after the period's end`,
          path: ['asOf'],
        });
      }
    }
    const seen = new Map<string, number>();
    c.requests.forEach((request, index) => {
      const first = seen.get(request.id);
      if (first === undefined) seen.set(request.id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate id: request ${first} has the same id`,
          path: ['requests', index, 'id'],
        });
      }
    });
  });

export type ResponseCaseInput = z.input<typeof responseCaseSchema>;
export type ResponseCase = z.output<typeof responseCaseSchema>;

/** What the CLI and the endpoint accept: one case or an array of them. */
export const responseRequestSchema = z.union([responseCaseSchema, z.array(responseCaseSchema)]);

// ---------------------------------------------------------------------------
// The result document (§4).

export const outcomes = ['met', 'missed', 'pending'] as const;
export type Outcome = (typeof outcomes)[number];

export const objectiveKinds = ['firstResponse', 'resolution'] as const;
export type ObjectiveKind = (typeof objectiveKinds)[number];

export const responseIgnoredReasons = [
  'not-yet-opened',
  'outside-period',
  'outside-coverage',
  'not-covered',
] as const;
export type ResponseIgnoredReason = (typeof responseIgnoredReasons)[number];

const isoInstant = z.string();

export const objectiveFiguresSchema = z.object({
  priority: z.enum(priorities),
  kind: z.enum(objectiveKinds),
  met: nonNegativeInt,
  missed: nonNegativeInt,
  pending: nonNegativeInt,
  /** `100 × met / (met + missed)` as the nearest double; `null` when nothing is decided. */
  attainmentPercent: z.number().nullable(),
  /** The exact attainment floored to 3 decimals. */
  attainmentDisplay: z.string().nullable(),
});

export const requestFiguresSchema = z.object({
  id: z.string(),
  /** `null` when no human response has happened by asOf. */
  firstResponseMs: nonNegativeInt.nullable(),
  firstResponse: z.enum(outcomes),
  /** `null` when the request has no final `resolved` by asOf. */
  resolutionMs: nonNegativeInt.nullable(),
  /** `null` when the priority has no resolution target. */
  resolution: z.enum(outcomes).nullable(),
});

export const ignoredRequestSchema = z.object({
  id: z.string(),
  priority: z.enum(priorities),
  openedAt: isoInstant,
  reason: z.enum(responseIgnoredReasons),
  /** Position of the request in the case's `requests`. */
  index: nonNegativeInt,
});

/** The result document of §4; fields beyond the spec's are marked as such. */
export const responseResultSchema = z.object({
  status: z.enum(['evaluated', 'not-covered']),
  period: z.object({ start: isoInstant, end: isoInstant }),
  final: z.boolean(),
  met: z.boolean().nullable(),
  creditPercent: z.number(),
  creditMinor: z.int(),
  currency: z.string(),
  claimDeadline: isoInstant,
  objectives: z.array(objectiveFiguresSchema),
  requests: z.array(requestFiguresSchema),
  ignored: z.array(ignoredRequestSchema),
  /** Beyond the spec: true when the cap lowered the credit (compared exactly). */
  capped: z.boolean(),
  /** Beyond the spec: the cap rounded half up, the most an approval may grant. */
  capMinor: z.int(),
  /** Beyond the spec: the evaluation instant used (the period's end by default). */
  asOf: isoInstant,
  /** Beyond the spec: the agreement's time zone, canonical IANA name. */
  timeZone: z.string(),
});

export type ResponseResult = z.output<typeof responseResultSchema>;
export type ObjectiveFigures = z.output<typeof objectiveFiguresSchema>;
export type RequestFigures = z.output<typeof requestFiguresSchema>;
export type IgnoredRequest = z.output<typeof ignoredRequestSchema>;

export type ParsedResponseRequest =
  | { readonly ok: true; readonly isArray: boolean; readonly cases: ResponseCase[] }
  | { readonly ok: false; readonly problems: RequestProblem[] };

/**
 * Validates what the CLI and `POST /api/v1/sla/evaluate-response` read: one case or an
 * array of cases. One invalid case fails the whole request; every problem names its
 * case index (for an array) and field path.
 */
export function parseResponseRequest(input: unknown): ParsedResponseRequest {
  if (!Array.isArray(input)) {
    const parsed = responseCaseSchema.safeParse(input);
    return parsed.success
      ? { ok: true, isArray: false, cases: [parsed.data] }
      : { ok: false, problems: describeIssues(parsed.error) };
  }
  const cases: ResponseCase[] = [];
  const problems: RequestProblem[] = [];
  input.forEach((item: unknown, caseIndex) => {
    const parsed = responseCaseSchema.safeParse(item);
    if (parsed.success) cases.push(parsed.data);
    else
      for (const problem of describeIssues(parsed.error)) problems.push({ caseIndex, ...problem });
  });
  return problems.length === 0 ? { ok: true, isArray: true, cases } : { ok: false, problems };
}
