// The evaluation of one (agreement, period) under a response policy: sla-response.md
// §2 (one request) and §3 (the period), with the document of §4. Pure: no I/O and no
// clock; the evaluation instant comes in as `asOf`. Durations are whole milliseconds of
// calendar time; every comparison with a target or a percentage is exact.
import { canonicalInstantText, formatInstant, MS_PER_MINUTE, parseInstant } from '../instant.ts';
import { roundMoneyHalfUp } from '../money.ts';
import { claimDeadlineText, formatPeriodBounds, periodBounds } from '../period.ts';
import {
  cmp,
  floorRat,
  floorToFixed,
  fromDecimal,
  mul,
  type Rational,
  rat,
  toNumber,
  ZERO,
} from '../rational.ts';
import { businessCalendar, type ResponseCalendar, ROUND_THE_CLOCK } from './calendar.ts';
import {
  type EventType,
  type IgnoredRequest,
  type ObjectiveFigures,
  type Outcome,
  type Priority,
  priorities,
  type RequestEvent,
  type RequestFigures,
  type ResponseCase,
  type ResponseIgnoredReason,
  type ResponsePolicy,
  type ResponseResult,
} from './schema.ts';

// ---------------------------------------------------------------------------
// Policy terms: the policy's decimals as exact values, computed once per policy.

interface ObjectiveTerms {
  /** The largest whole number of ms that still meets the first-response target. */
  readonly firstResponseMs: number;
  /** Likewise for resolution; `null` when the priority has no resolution target. */
  readonly resolutionMs: number | null;
  readonly business: boolean;
}

interface Tier {
  readonly below: Rational;
  readonly credit: Rational;
  readonly creditPercent: number;
}

interface ResponseTerms {
  /** Per priority, in `priorities` order; `null` when the priority is not offered. */
  readonly objectives: readonly (ObjectiveTerms | null)[];
  readonly target: Rational;
  readonly tiers: readonly Tier[];
  readonly cap: Rational;
  readonly minimumCreditMinor: bigint;
  readonly claimWindowDays: number;
}

const termsMemo = new WeakMap<ResponsePolicy, ResponseTerms>();

/**
 * ⌊minutes × 60 000⌋: a whole number of ms `t` meets the target exactly when `t ≤` it,
 * and exceeds it exactly when `t >` it. Targets beyond 2^53 ms are held at 2^53 − 1, which
 * no calendar time of a valid case reaches, so the comparisons stay exact.
 */
function targetMs(minutes: number): number {
  const whole = floorRat(mul(fromDecimal(minutes), { n: BigInt(MS_PER_MINUTE), d: 1n }));
  return whole > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(whole);
}

function responseTerms(policy: ResponsePolicy): ResponseTerms {
  const memo = termsMemo.get(policy);
  if (memo !== undefined) return memo;
  const terms: ResponseTerms = {
    objectives: priorities.map((priority) => {
      const objective = policy.objectives[priority];
      if (objective === null) return null;
      return {
        firstResponseMs: targetMs(objective.firstResponseMinutes),
        resolutionMs:
          objective.resolutionMinutes === null ? null : targetMs(objective.resolutionMinutes),
        business: objective.calendar === 'business',
      };
    }),
    target: fromDecimal(policy.targetPercent),
    tiers: policy.tiers.map((tier) => ({
      below: fromDecimal(tier.belowPercent),
      credit: fromDecimal(tier.creditPercent),
      creditPercent: tier.creditPercent,
    })),
    cap: fromDecimal(policy.capPercent),
    minimumCreditMinor: BigInt(policy.minimumCreditMinor),
    claimWindowDays: policy.claimWindowDays,
  };
  termsMemo.set(policy, terms);
  return terms;
}

// ---------------------------------------------------------------------------
// One request (§2).

const HUMAN = 0;
const AUTOMATED = 1;
const PAUSED = 2;
const RESUMED = 3;
const RESOLVED = 4;
const REOPENED = 5;

const EVENT_CODES: Readonly<Record<EventType, number>> = {
  'human-response': HUMAN,
  'automated-response': AUTOMATED,
  paused: PAUSED,
  resumed: RESUMED,
  resolved: RESOLVED,
  reopened: REOPENED,
};

function instantMs(text: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw new RangeError(`not an instant: ${text}`);
  return ms;
}

/**
 * The events that have happened by `asOfMs` (at or before it), in order of `at` and, at
 * an equal instant, in list order: instants and type codes, column by column.
 */
function happenedEvents(
  events: readonly RequestEvent[],
  openedAtMs: number,
  asOfMs: number,
): { readonly atMs: number[]; readonly codes: number[] } {
  const atMs: number[] = [];
  const codes: number[] = [];
  let sorted = true;
  for (const event of events) {
    const at = instantMs(event.at);
    // The schema refuses these; an engine handed one anyway must not guess.
    if (at < openedAtMs) throw new RangeError(`an event at ${event.at} precedes openedAt`);
    if (at > asOfMs) continue;
    if (atMs.length > 0 && at < (atMs[atMs.length - 1] as number)) sorted = false;
    atMs.push(at);
    codes.push(EVENT_CODES[event.type]);
  }
  if (sorted) return { atMs, codes };
  // Array.prototype.sort is stable: equal instants keep their list order.
  const order = atMs.map((_at, i) => i).sort((a, b) => (atMs[a] as number) - (atMs[b] as number));
  return { atMs: order.map((i) => atMs[i] as number), codes: order.map((i) => codes[i] as number) };
}

/**
 * The five figures of one request (§2): first response time `F` (automated responses
 * never count, pauses never stop it), resolution time `R` to the final `resolved` less
 * paused stretches (counted once however they overlap), and their outcomes against the
 * objective in its calendar. Calendar times are whole ms.
 */
function requestFigures(
  id: string,
  openedAtMs: number,
  events: { readonly atMs: readonly number[]; readonly codes: readonly number[] },
  asOfMs: number,
  objective: ObjectiveTerms,
  calendar: ResponseCalendar,
): RequestFigures {
  let firstHumanAtMs: number | undefined;
  let paused = false;
  // Unpaused calendar time of completed stretches, and where the current one began.
  let unpausedMs = 0;
  let runStartMs = openedAtMs;
  let finalResolvedMs: number | undefined;
  const { atMs, codes } = events;
  for (let i = 0; i < codes.length; i += 1) {
    const at = atMs[i] as number;
    switch (codes[i]) {
      case HUMAN:
        if (firstHumanAtMs === undefined) firstHumanAtMs = at;
        break;
      case PAUSED:
        if (!paused) {
          unpausedMs += calendar.timeMs(runStartMs, at);
          paused = true;
        }
        break;
      case RESUMED:
        // A `resumed` without a pause before it changes nothing.
        if (paused) {
          paused = false;
          runStartMs = at;
        }
        break;
      case RESOLVED:
        // Ends a pause; the time until a later `reopened` is not paused and counts.
        if (!paused) unpausedMs += calendar.timeMs(runStartMs, at);
        paused = false;
        runStartMs = at;
        finalResolvedMs = unpausedMs;
        break;
      case REOPENED:
        if (paused) {
          paused = false;
          runStartMs = at;
        }
        finalResolvedMs = undefined;
        break;
      default:
        // AUTOMATED: recorded, shown, and never counted.
        break;
    }
  }

  let firstResponseMs: number | null = null;
  let firstResponse: Outcome;
  if (firstHumanAtMs !== undefined) {
    firstResponseMs = calendar.timeMs(openedAtMs, firstHumanAtMs);
    firstResponse = firstResponseMs <= objective.firstResponseMs ? 'met' : 'missed';
  } else if (finalResolvedMs !== undefined) {
    // Resolved without a person ever answering: the first response was missed (§2.3).
    firstResponse = 'missed';
  } else {
    firstResponse = calendar.exceeds(openedAtMs, asOfMs, objective.firstResponseMs)
      ? 'missed'
      : 'pending';
  }

  let resolution: Outcome | null = null;
  const limitMs = objective.resolutionMs;
  if (limitMs !== null) {
    if (finalResolvedMs !== undefined) resolution = finalResolvedMs <= limitMs ? 'met' : 'missed';
    else {
      // Not resolved by asOf: missed once the unpaused calendar time already exceeds it.
      const passed = paused
        ? unpausedMs > limitMs
        : calendar.exceeds(runStartMs, asOfMs, limitMs - unpausedMs);
      resolution = passed ? 'missed' : 'pending';
    }
  }
  return {
    id,
    firstResponseMs,
    firstResponse,
    resolutionMs: finalResolvedMs ?? null,
    resolution,
  };
}

// ---------------------------------------------------------------------------
// One (agreement, period) (§3, §4).

const MAX_SAFE_MINOR = BigInt(Number.MAX_SAFE_INTEGER);
const KINDS = ['firstResponse', 'resolution'] as const;

const OUTCOME_INDEX: Readonly<Record<Outcome, number>> = { met: 0, missed: 1, pending: 2 };

/**
 * Evaluates one case of sla-response.md §4 (validated by `responseCaseSchema`): each
 * request of the period with its first-response and resolution times and outcomes, the
 * attainment per (priority, objective kind), whether the period met the target, the
 * credit and the claim deadline. Periods are local calendar months in the agreement's zone
 * (Temporal, `compatible`); calendar times are exact whole ms; attainments are exact
 * rationals, reported as the nearest double and floored to 3 decimals for display; money
 * is rounded half up once, at the end.
 */
export function evaluateResponseCase(responseCase: ResponseCase): ResponseResult {
  const { agreement, policy } = responseCase;
  const terms = responseTerms(policy);
  const bounds = periodBounds(responseCase.period, agreement.timeZone);
  const asOfMs = responseCase.asOf === null ? bounds.endMs : instantMs(responseCase.asOf);
  const agreementStartMs = instantMs(agreement.start);
  const agreementEndMs =
    agreement.end === null ? Number.POSITIVE_INFINITY : instantMs(agreement.end);
  // Covered: the measured interval [periodStart, min(periodEnd, asOf)) meets the agreement.
  const measuredEndMs = Math.min(bounds.endMs, asOfMs);
  const isCovered =
    Math.max(bounds.startMs, agreementStartMs) < Math.min(measuredEndMs, agreementEndMs);

  let business: ResponseCalendar | undefined;
  const calendarFor = (objective: ObjectiveTerms): ResponseCalendar => {
    if (!objective.business) return ROUND_THE_CLOCK;
    if (business === undefined) {
      if (agreement.businessHours === null) {
        throw new RangeError('a business calendar needs the agreement’s businessHours');
      }
      business = businessCalendar(agreement.businessHours, agreement.timeZone, bounds.startMs);
    }
    return business;
  };

  // Per (priority, kind, outcome): counts[(p × 2 + kind) × 3 + outcome].
  const counts = new Uint32Array(priorities.length * 2 * 3);
  const present = priorities.map(() => false);
  const requests: RequestFigures[] = [];
  const ignored: IgnoredRequest[] = [];
  let pending = 0;
  responseCase.requests.forEach((request, index) => {
    const openedAtMs = instantMs(request.openedAt);
    const p = priorities.indexOf(request.priority);
    const objective = terms.objectives[p] ?? null;
    const reason: ResponseIgnoredReason | undefined =
      openedAtMs > asOfMs
        ? 'not-yet-opened'
        : openedAtMs < bounds.startMs || openedAtMs >= bounds.endMs
          ? 'outside-period'
          : openedAtMs < agreementStartMs || openedAtMs >= agreementEndMs
            ? 'outside-coverage'
            : objective === null
              ? 'not-covered'
              : // Opened at the very instant coverage begins, with nothing measured yet
                // (docs/decisions/103): outside the covered time.
                !isCovered
                ? 'outside-coverage'
                : undefined;
    if (reason !== undefined || objective === null) {
      ignored.push({
        id: request.id,
        priority: request.priority,
        openedAt: canonicalInstantText(request.openedAt, openedAtMs),
        reason: reason ?? 'not-covered',
        index,
      });
      return;
    }
    const figures = requestFigures(
      request.id,
      openedAtMs,
      happenedEvents(request.events, openedAtMs, asOfMs),
      asOfMs,
      objective,
      calendarFor(objective),
    );
    requests.push(figures);
    present[p] = true;
    const first = p * 6 + OUTCOME_INDEX[figures.firstResponse];
    counts[first] = (counts[first] as number) + 1;
    if (figures.resolution !== null) {
      const resolved = p * 6 + 3 + OUTCOME_INDEX[figures.resolution];
      counts[resolved] = (counts[resolved] as number) + 1;
    }
    if (figures.firstResponse === 'pending' || figures.resolution === 'pending') pending += 1;
  });

  const objectives: ObjectiveFigures[] = [];
  let lowest: Rational | undefined;
  let met = true;
  priorities.forEach((priority: Priority, p) => {
    const objective = terms.objectives[p];
    if (objective === null || objective === undefined || !present[p]) return;
    KINDS.forEach((kind, k) => {
      if (kind === 'resolution' && objective.resolutionMs === null) return;
      const base = (p * 2 + k) * 3;
      const metCount = counts[base] as number;
      const missedCount = counts[base + 1] as number;
      const pendingCount = counts[base + 2] as number;
      const decided = metCount + missedCount;
      const attainment = decided === 0 ? null : rat(100n * BigInt(metCount), BigInt(decided));
      if (attainment !== null) {
        if (cmp(attainment, terms.target) < 0) met = false;
        if (lowest === undefined || cmp(attainment, lowest) < 0) lowest = attainment;
      }
      objectives.push({
        priority,
        kind,
        met: metCount,
        missed: missedCount,
        pending: pendingCount,
        attainmentPercent: attainment === null ? null : toNumber(attainment),
        attainmentDisplay: attainment === null ? null : floorToFixed(attainment, 3),
      });
    });
  });

  const fee = BigInt(agreement.monthlyFeeMinor);
  const cap = mul({ n: fee, d: 1n }, { n: terms.cap.n, d: terms.cap.d * 100n });
  const capMinor = roundMoneyHalfUp(cap);
  if (capMinor > MAX_SAFE_MINOR) {
    // Never report a rounded amount of money: refuse (the schema prevents this case).
    throw new RangeError('the credit cap exceeds 2^53 − 1 minor units; amounts would not be exact');
  }
  let creditPercent = 0;
  let creditMinor = 0n;
  let capped = false;
  if (isCovered && lowest !== undefined) {
    let tierCredit: Rational = ZERO;
    for (const tier of terms.tiers) {
      if (cmp(lowest, tier.below) < 0 && cmp(tier.credit, tierCredit) > 0) {
        tierCredit = tier.credit;
        creditPercent = tier.creditPercent;
      }
    }
    const uncapped = mul({ n: fee, d: 1n }, { n: tierCredit.n, d: tierCredit.d * 100n });
    capped = cmp(uncapped, cap) > 0;
    creditMinor = roundMoneyHalfUp(capped ? cap : uncapped);
    if (creditMinor < terms.minimumCreditMinor) creditMinor = 0n;
  }

  return {
    status: isCovered ? 'evaluated' : 'not-covered',
    period: formatPeriodBounds(bounds),
    final: asOfMs >= bounds.endMs && pending === 0,
    met: isCovered ? met : null,
    creditPercent,
    creditMinor: Number(creditMinor),
    currency: agreement.currency,
    claimDeadline: claimDeadlineText(
      responseCase.period,
      agreement.timeZone,
      terms.claimWindowDays,
    ),
    objectives,
    requests,
    ignored,
    capped,
    capMinor: Number(capMinor),
    asOf: responseCase.asOf === null ? bounds.endText : formatInstant(asOfMs),
    timeZone: agreement.timeZone,
  };
}
