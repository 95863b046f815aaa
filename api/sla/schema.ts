// The documents of spec §5 as zod 4 schemas, shared by the CLI, the HTTP API
// (POST /api/v1/sla/evaluate, stored policies) and the engine's types.
// Objects are strict: a misspelt field is an error, never silently a default.
import { z } from 'zod';
import { isInstant, parseInstant } from './instant.ts';
import { canonicalTimeZone, isPeriod } from './period.ts';
import { cmp, decimalPlaces, fromDecimal } from './rational.ts';

/** An instant as RFC 3339 text, `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` (spec §1). */
export const instantSchema = z
  .string()
  .refine(isInstant, { message: 'must be an instant YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)' });

/** A period: a calendar month `YYYY-MM`. */
export const periodSchema = z
  .string()
  .refine(isPeriod, { message: 'must be a calendar month YYYY-MM' });

/** An IANA time-zone name (never an offset), normalised to its canonical spelling. */
export const timeZoneSchema = z.string().transform((name, ctx) => {
  const canonical = canonicalTimeZone(name);
  if (canonical === undefined) {
    ctx.addIssue({ code: 'custom', message: `must be an IANA time-zone name, got ${name}` });
    return z.NEVER;
  }
  return canonical;
});

interface DecimalRules {
  readonly min?: number;
  readonly max?: number;
  readonly maxDecimals?: number;
}

/**
 * A JSON number read as the decimal `String(x)` shows (spec §6.1); bounds are
 * checked on that exact decimal, inclusive.
 */
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

/** `null` and an omitted field both mean the default (spec §6.8). */
function withDefault<S extends z.ZodType, const D>(schema: S, fallback: D) {
  return schema.nullish().transform((value): z.output<S> | D => value ?? fallback);
}

export const windowStates = ['major_outage', 'partial_outage', 'degraded', 'maintenance'] as const;
export type WindowState = (typeof windowStates)[number];

/** Weight of a state: a decimal in [0, 1] with at most 2 decimals. */
const weightSchema = decimal({ min: 0, max: 1, maxDecimals: 2 });

/** Default weights per state (spec §1); unannounced maintenance weighs as `major_outage`. */
export const defaultWeights = { major_outage: 1, partial_outage: 0.3, degraded: 0 } as const;

export const weightsSchema = z
  .strictObject({
    major_outage: weightSchema.nullish(),
    partial_outage: weightSchema.nullish(),
    degraded: weightSchema.nullish(),
  })
  .nullish()
  .transform((weights) => ({
    // Merged key by key with the defaults (spec §6.8).
    major_outage: weights?.major_outage ?? defaultWeights.major_outage,
    partial_outage: weights?.partial_outage ?? defaultWeights.partial_outage,
    degraded: weights?.degraded ?? defaultWeights.degraded,
  }));

export const tierSchema = z.strictObject({
  belowPercent: decimal({ min: 0, max: 100 }),
  creditPercent: decimal({ min: 0 }),
});

export const dailyRuleSchema = z.strictObject({
  thresholdMinutes: decimal({ min: 0 }),
  creditDays: decimal({ min: 0 }),
});

export const terminationSchema = z
  .strictObject({
    missedPeriods: z.int().min(1),
    withinPeriods: z.int().min(1),
  })
  .refine((rule) => rule.missedPeriods <= rule.withinPeriods, {
    message: 'missedPeriods must not exceed withinPeriods',
    path: ['missedPeriods'],
  });

/**
 * A policy version (spec §1) with every default applied: parse input with it and
 * the output is complete. Use it to validate and store policies as well.
 */
export const policySchema = z.strictObject({
  targetPercent: decimal({ min: 0, max: 100, maxDecimals: 4 }),
  weights: weightsSchema,
  minimumOutageMinutes: withDefault(decimal({ min: 0 }), 0),
  maintenanceNoticeMinutes: withDefault(decimal({ min: 0 }), 2880),
  maintenanceAccounting: withDefault(z.enum(['excluded', 'up']), 'excluded'),
  tiers: z.array(tierSchema),
  dailyRule: withDefault(dailyRuleSchema, null),
  capPercent: withDefault(decimal({ min: 0 }), 100),
  minimumCreditMinor: withDefault(nonNegativeInt, 0),
  claimWindowDays: withDefault(nonNegativeInt, 30),
  termination: withDefault(terminationSchema, null),
});

/** A policy as written (fields may be omitted or `null`). */
export type PolicyInput = z.input<typeof policySchema>;
/** A policy with every default applied. */
export type Policy = z.output<typeof policySchema>;

/** Applies the defaults of spec §1 to a policy (throws a `ZodError` on invalid input). */
export function applyPolicyDefaults(input: PolicyInput): Policy {
  return policySchema.parse(input);
}

function endAfterStart(value: { start: string; end: string | null }): boolean {
  if (value.end === null) return true;
  return (parseInstant(value.end) ?? 0) > (parseInstant(value.start) ?? 0);
}

export const agreementSchema = z
  .strictObject({
    // An evaluation case defaults to UTC; the API supplies the customer's zone itself.
    timeZone: withDefault(timeZoneSchema, 'UTC'),
    start: instantSchema,
    end: withDefault(instantSchema, null),
    monthlyFeeMinor: nonNegativeInt,
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' }),
  })
  .refine(endAfterStart, { message: 'end must be after start', path: ['end'] });

export type AgreementInput = z.input<typeof agreementSchema>;
export type Agreement = z.output<typeof agreementSchema>;

export const windowSchema = z
  .strictObject({
    /** Optional caller's identifier, echoed in the explanations. */
    id: z.union([z.string(), z.int()]).nullish(),
    start: instantSchema,
    end: withDefault(instantSchema, null),
    state: z.enum(windowStates),
    announcedAt: withDefault(instantSchema, null),
  })
  .refine(endAfterStart, { message: 'end must be after start', path: ['end'] });

export type WindowInput = z.input<typeof windowSchema>;
export type Window = z.output<typeof windowSchema>;

/**
 * `true` when every amount of money an evaluation can produce (at most the cap,
 * `monthlyFeeMinor × capPercent / 100`) is a safe integer, so that `creditMinor`
 * and `capMinor` are exact as JSON numbers.
 */
export function moneyFitsInSafeIntegers(monthlyFeeMinor: number, capPercent: number): boolean {
  const cap = fromDecimal(capPercent);
  return BigInt(monthlyFeeMinor) * cap.n <= BigInt(Number.MAX_SAFE_INTEGER) * cap.d * 100n;
}

/** One evaluation case: one agreement, one service, one period (spec §5). */
export const evaluationCaseSchema = z
  .strictObject({
    period: periodSchema,
    asOf: withDefault(instantSchema, null),
    agreement: agreementSchema,
    policy: policySchema,
    windows: withDefault(z.array(windowSchema), []),
    /** When monitoring of the service began (§3.1); `null` or absent: monitored throughout. */
    monitoredSince: withDefault(instantSchema, null),
  })
  .refine((c) => moneyFitsInSafeIntegers(c.agreement.monthlyFeeMinor, c.policy.capPercent), {
    message: 'monthlyFeeMinor × capPercent / 100 must not exceed 2^53 − 1 minor units',
    path: ['agreement', 'monthlyFeeMinor'],
  });

export type EvaluationCaseInput = z.input<typeof evaluationCaseSchema>;
export type EvaluationCase = z.output<typeof evaluationCaseSchema>;

/**
 * What the CLI and `POST /api/v1/sla/evaluate` accept: one case or an array of
 * them. For error messages that name the case index, prefer `parseEvaluationRequest`.
 */
export const evaluationRequestSchema = z.union([
  evaluationCaseSchema,
  z.array(evaluationCaseSchema),
]);

const ignoredReasons = [
  'outside-period',
  'outside-coverage',
  'outside-monitoring',
  'announced-maintenance',
  'zero-weight',
  'below-minimum',
  'superseded',
] as const;
export type IgnoredReason = (typeof ignoredReasons)[number];

const isoInstant = z.string();

export const countedPieceSchema = z.object({
  start: isoInstant,
  end: isoInstant,
  weight: z.number(),
  downtimeMs: z.number(),
  /** The whole outage run the piece belongs to (judged against the minimum). */
  run: z.object({ start: isoInstant, end: isoInstant }),
});

export const ignoredWindowSchema = z.object({
  start: isoInstant,
  end: isoInstant.nullable(),
  state: z.enum(windowStates),
  reason: z.enum(ignoredReasons),
  /** Position of the window in the case's `windows`. */
  index: nonNegativeInt,
  id: z.union([z.string(), z.int()]).optional(),
});

export const dayFiguresSchema = z.object({
  date: z.string(),
  start: isoInstant,
  end: isoInstant,
  eligibleMs: z.number(),
  downtimeMs: z.number(),
});

/** The evaluation document (spec §5); fields beyond the spec's are marked as such. */
export const evaluationResultSchema = z.object({
  status: z.enum(['evaluated', 'not-covered', 'not-monitored', 'no-eligible-time']),
  period: z.object({ start: isoInstant, end: isoInstant }),
  coveredMs: z.number(),
  /** |C| − |Cm|: covered time before monitoring began (§3.1); 0 when monitored throughout. */
  unmonitoredMs: z.number(),
  eligibleMs: z.number(),
  downtimeMs: z.number(),
  availabilityPercent: z.number().nullable(),
  availabilityDisplay: z.string().nullable(),
  met: z.boolean().nullable(),
  creditPercent: z.number(),
  qualifyingDays: z.array(z.string()),
  feeBaseMinor: z.number(),
  creditMinor: z.int(),
  currency: z.string(),
  capped: z.boolean(),
  claimDeadline: isoInstant,
  counted: z.array(countedPieceSchema),
  ignored: z.array(ignoredWindowSchema),
  /** Beyond the spec: the cap rounded half up, the most an approval may grant. */
  capMinor: z.int(),
  /** Beyond the spec: the evaluation instant used (the period's end by default). */
  asOf: isoInstant,
  /** Beyond the spec: the agreement's time zone, canonical IANA name. */
  timeZone: z.string(),
  /** Beyond the spec, on request: figures per local day of the period. */
  days: z.array(dayFiguresSchema).optional(),
});

export type EvaluationResult = z.output<typeof evaluationResultSchema>;
export type CountedPiece = z.output<typeof countedPieceSchema>;
export type IgnoredWindow = z.output<typeof ignoredWindowSchema>;
export type DayFigures = z.output<typeof dayFiguresSchema>;

/** One validation problem: `path` as dotted text (`policy.tiers.0.belowPercent`). */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/** Zod issues as dotted paths and messages, for error output that names the field. */
export function describeIssues(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** A validation problem of a request: which case (for an array) and which field. */
export interface RequestProblem extends InputProblem {
  /** Index of the case in an array request; absent for a single case. */
  readonly caseIndex?: number;
}

export type ParsedEvaluationRequest =
  | { readonly ok: true; readonly isArray: boolean; readonly cases: EvaluationCase[] }
  | { readonly ok: false; readonly problems: RequestProblem[] };

/**
 * Validates a request of the CLI or of `POST /api/v1/sla/evaluate`: one case or an
 * array of cases. One invalid case fails the whole request (spec §6.8); every
 * problem is reported with its case index and field path.
 */
export function parseEvaluationRequest(input: unknown): ParsedEvaluationRequest {
  if (!Array.isArray(input)) {
    const parsed = evaluationCaseSchema.safeParse(input);
    return parsed.success
      ? { ok: true, isArray: false, cases: [parsed.data] }
      : { ok: false, problems: describeIssues(parsed.error) };
  }
  const cases: EvaluationCase[] = [];
  const problems: RequestProblem[] = [];
  input.forEach((item: unknown, caseIndex) => {
    const parsed = evaluationCaseSchema.safeParse(item);
    if (parsed.success) cases.push(parsed.data);
    else
      for (const problem of describeIssues(parsed.error)) problems.push({ caseIndex, ...problem });
  });
  return problems.length === 0 ? { ok: true, isArray: true, cases } : { ok: false, problems };
}

/** A problem as one line of text: `case 2: policy.tiers.0.belowPercent: must be at most 100`. */
export function formatProblem(problem: RequestProblem): string {
  const where = problem.path === '' ? '(the case itself)' : problem.path;
  const prefix = problem.caseIndex === undefined ? '' : `case ${problem.caseIndex}: `;
  return `${prefix}${where}: ${problem.message}`;
}
