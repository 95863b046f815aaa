// The evaluation of one (agreement, service, period): spec §2, §3, §5 and §6.
// Pure: no I/O and no clock; the evaluation instant comes in as `asOf`.
//
// Work is split in two so that many agreements can share it:
// - a *timeline* depends only on a service's windows and on the policy terms that
//   shape runs (weights, maintenance notice, minimum run length) and, when some
//   window is still open, on `asOf`; it is memoised on the prepared windows;
// - the per-agreement part clips that timeline to the covered time and does the
//   exact arithmetic.
import { canonicalInstantText, formatInstant, MS_PER_MINUTE, parseInstant } from './instant.ts';
import { roundMoneyHalfUp } from './money.ts';
import {
  claimDeadlineText,
  formatPeriodBounds,
  type LocalDay,
  type PeriodBounds,
  periodBounds,
} from './period.ts';
import {
  add,
  ceilRat,
  cmp,
  floorRat,
  floorToFixed,
  fromDecimal,
  mul,
  type Rational,
  rat,
  toNumber,
  ZERO,
} from './rational.ts';
import type {
  Agreement,
  CountedPiece,
  DayFigures,
  EvaluationCase,
  EvaluationResult,
  IgnoredReason,
  IgnoredWindow,
  Policy,
  Window,
  WindowState,
} from './schema.ts';
import {
  clipSorted,
  coveredBy,
  firstEndingAfter,
  type Interval,
  severityTimeline,
  subtractSets,
  totalMs,
  unionIntervals,
  type WeightedInterval,
} from './windows.ts';

const STATES: readonly WindowState[] = [
  'major_outage',
  'partial_outage',
  'degraded',
  'maintenance',
];
const MAINTENANCE = 3;

/**
 * A service's windows with their instants parsed once, column by column (typed
 * arrays keep a year of windows from costing an object each), and the memo of the
 * timelines built from them. Treat as opaque: made by `prepareWindows`.
 */
export interface PreparedWindows {
  /** The windows as handed in (for `id` and the explanations' text). */
  readonly source: readonly Window[];
  readonly startMs: Float64Array;
  /** `NaN` while the window is still going on. */
  readonly endMs: Float64Array;
  /** `NaN` when not announced. */
  readonly announcedAtMs: Float64Array;
  /** Index into `major_outage, partial_outage, degraded, maintenance`. */
  readonly state: Uint8Array;
  /** Earliest start of a still-open window (+∞ when none): before it, asOf changes nothing. */
  readonly firstOpenStartMs: number;
  readonly timelines: Map<string, Timeline>;
}

/**
 * Parses a service's windows (validated by `windowSchema`) once, so that any number
 * of agreements and periods can be evaluated against them (`evaluateAgreements`).
 * Instants become epoch milliseconds; nothing is clipped or merged yet.
 */
export function prepareWindows(windows: readonly Window[]): PreparedWindows {
  const count = windows.length;
  const startMs = new Float64Array(count);
  const endMs = new Float64Array(count);
  const announcedAtMs = new Float64Array(count);
  const state = new Uint8Array(count);
  let firstOpenStartMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i += 1) {
    const window = windows[i] as Window;
    const start = instantMs(window.start);
    startMs[i] = start;
    endMs[i] = window.end === null ? Number.NaN : instantMs(window.end);
    announcedAtMs[i] = window.announcedAt === null ? Number.NaN : instantMs(window.announcedAt);
    state[i] = STATES.indexOf(window.state);
    if (window.end === null && start < firstOpenStartMs) firstOpenStartMs = start;
  }
  return {
    source: windows,
    startMs,
    endMs,
    announcedAtMs,
    state,
    firstOpenStartMs,
    timelines: new Map(),
  };
}

function instantMs(text: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw new RangeError(`not an instant: ${text}`);
  return ms;
}

// ---------------------------------------------------------------------------
// Policy terms: the policy's decimals as exact values, computed once per policy.

interface Tier {
  readonly below: Rational;
  readonly credit: Rational;
  readonly creditPercent: number;
}

interface PolicyTerms {
  readonly target: Rational;
  /** Weights in hundredths (0–100): exact, as the schema allows at most 2 decimals. */
  readonly weights: Readonly<Record<Exclude<WindowState, 'maintenance'>, number>>;
  /** Smallest whole number of ms a run must last (runs last whole ms, so ⌈minimum⌉ is exact). */
  readonly minimumRunMs: number;
  /** Smallest whole number of ms of notice that makes maintenance announced. */
  readonly noticeMs: number;
  readonly excluded: boolean;
  readonly tiers: readonly Tier[];
  /** Daily rule: a day qualifies when its downtime in hundredths of ms exceeds this integer. */
  readonly daily: { readonly aboveDowntime100: number; readonly creditDays: Rational } | null;
  readonly cap: Rational;
  readonly minimumCreditMinor: bigint;
  readonly claimWindowDays: number;
  readonly timelineKey: string;
}

const termsMemo = new WeakMap<Policy, PolicyTerms>();

function hundredths(value: number): number {
  // The schema allows at most 2 decimals, so this is an exact integer.
  return Number(floorRat(mul(fromDecimal(value), { n: 100n, d: 1n })));
}

function minutesToWholeMs(minutes: number): number {
  return Number(ceilRat(mul(fromDecimal(minutes), { n: BigInt(MS_PER_MINUTE), d: 1n })));
}

function policyTerms(policy: Policy): PolicyTerms {
  const memo = termsMemo.get(policy);
  if (memo !== undefined) return memo;
  const weights = {
    major_outage: hundredths(policy.weights.major_outage),
    partial_outage: hundredths(policy.weights.partial_outage),
    degraded: hundredths(policy.weights.degraded),
  };
  const minimumRunMs = minutesToWholeMs(policy.minimumOutageMinutes);
  const noticeMs = minutesToWholeMs(policy.maintenanceNoticeMinutes);
  const daily = policy.dailyRule;
  const terms: PolicyTerms = {
    target: fromDecimal(policy.targetPercent),
    weights,
    minimumRunMs,
    noticeMs,
    excluded: policy.maintenanceAccounting === 'excluded',
    tiers: policy.tiers.map((tier) => ({
      below: fromDecimal(tier.belowPercent),
      credit: fromDecimal(tier.creditPercent),
      creditPercent: tier.creditPercent,
    })),
    daily:
      daily === null
        ? null
        : {
            // downtime100 > threshold × 60 000 × 100 ⇔ downtime100 > ⌊that⌋, downtime100 being an integer.
            aboveDowntime100: Number(
              floorRat(mul(fromDecimal(daily.thresholdMinutes), { n: 6_000_000n, d: 1n })),
            ),
            creditDays: fromDecimal(daily.creditDays),
          },
    cap: fromDecimal(policy.capPercent),
    minimumCreditMinor: BigInt(policy.minimumCreditMinor),
    claimWindowDays: policy.claimWindowDays,
    timelineKey: `${weights.major_outage},${weights.partial_outage},${weights.degraded}|${noticeMs}|${minimumRunMs}`,
  };
  termsMemo.set(policy, terms);
  return terms;
}

// ---------------------------------------------------------------------------
// The timeline of a service under one set of policy terms.

interface RunPiece extends WeightedInterval {
  readonly run: number;
}

/** A service's severity timeline and outage runs under one set of policy terms. */
export interface Timeline {
  readonly prepared: PreparedWindows;
  /** Per window: effective end (`asOf` for an open one; its start when not started). */
  readonly endMs: Float64Array;
  /** Per window: weight in hundredths (0 for announced maintenance). */
  readonly weight: Uint8Array;
  /** Per window: 1 when it is announced maintenance. */
  readonly announced: Uint8Array;
  readonly maintenance: readonly Interval[];
  readonly runs: readonly Interval[];
  readonly runSurvives: Uint8Array;
  readonly regions: ReadonlyMap<number, readonly Interval[]>;
  /** The severity pieces of surviving runs only: what can be downtime. */
  readonly surviving: readonly RunPiece[];
  /** Window indices by start, with the largest end so far: built on first range look-up. */
  byStart?: { readonly order: Uint32Array; readonly endSoFar: Float64Array };
  /** Instants already formatted as text (see `instantText`). */
  readonly texts: Map<number, string>;
  /** The interval work of each coverage seen (see `coverageFigures`). */
  readonly coverage: Map<string, CoverageFigures>;
}

/**
 * What an evaluation derives from the timeline and the monitored part of the covered time
 * alone: thousands of agreements in a zone share it for a month, whatever their fees.
 */
interface CoverageFigures {
  readonly eligible: readonly Interval[];
  readonly eligibleMs: number;
  readonly pieces: readonly RunPiece[];
  /** Downtime in hundredths of a millisecond: an exact integer (< 2^53 for any month). */
  readonly downtime100: number;
  /** Per local day, filled on first use. */
  dayDowntime100?: number[];
  dayEligibleMs?: number[];
}

const COVERAGE_MEMO_LIMIT = 4096;

const TIMELINE_MEMO_LIMIT = 256;

function timelineFor(prepared: PreparedWindows, terms: PolicyTerms, asOfMs: number): Timeline {
  // Only open windows that have started by asOf depend on it; until the first open
  // window starts, one timeline serves every asOf.
  const key =
    asOfMs > prepared.firstOpenStartMs ? `${terms.timelineKey}|${asOfMs}` : terms.timelineKey;
  const memo = prepared.timelines.get(key);
  if (memo !== undefined) return memo;
  const timeline = buildTimeline(prepared, terms, asOfMs);
  // With an open window every new asOf is a new timeline: bound the memo of a long-lived set.
  if (prepared.timelines.size >= TIMELINE_MEMO_LIMIT) prepared.timelines.clear();
  prepared.timelines.set(key, timeline);
  return timeline;
}

function buildTimeline(prepared: PreparedWindows, terms: PolicyTerms, asOfMs: number): Timeline {
  const count = prepared.startMs.length;
  const endMs = new Float64Array(count);
  const weight = new Uint8Array(count);
  const announced = new Uint8Array(count);
  const stateWeights = [
    terms.weights.major_outage,
    terms.weights.partial_outage,
    terms.weights.degraded,
    // Maintenance without enough notice is downtime the customer was not told about (§3.2).
    terms.weights.major_outage,
  ];
  const outages: WeightedInterval[] = [];
  const announcedMaintenance: Interval[] = [];
  for (let i = 0; i < count; i += 1) {
    const startMs = prepared.startMs[i] as number;
    const end = prepared.endMs[i] as number;
    const state = prepared.state[i] as number;
    // An open window ends at asOf; one that starts at or after asOf has not started (§6.2).
    const open = Number.isNaN(end);
    const started = !open || startMs < asOfMs;
    const effectiveEnd = started ? (open ? asOfMs : end) : startMs;
    endMs[i] = effectiveEnd;
    const isAnnounced =
      state === MAINTENANCE && startMs - (prepared.announcedAtMs[i] as number) >= terms.noticeMs; // NaN compares false
    const w = isAnnounced ? 0 : (stateWeights[state] as number);
    weight[i] = w;
    announced[i] = isAnnounced ? 1 : 0;
    if (!started) continue;
    if (isAnnounced) announcedMaintenance.push({ startMs, endMs: effectiveEnd });
    else if (w > 0) outages.push({ startMs, endMs: effectiveEnd, weight: w });
  }
  const severity = severityTimeline(outages);
  const runs = severity.runs;
  const runSurvives = new Uint8Array(runs.length);
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i] as Interval;
    runSurvives[i] = run.endMs - run.startMs >= terms.minimumRunMs ? 1 : 0;
  }
  const surviving: RunPiece[] = [];
  let run = 0;
  for (const piece of severity.pieces) {
    while ((runs[run] as Interval).endMs <= piece.startMs) run += 1;
    if (runSurvives[run] === 1) surviving.push({ ...piece, run });
  }
  return {
    prepared,
    endMs,
    weight,
    announced,
    maintenance: unionIntervals(announcedMaintenance),
    runs,
    runSurvives,
    regions: severity.regions,
    surviving,
    texts: new Map(),
    coverage: new Map(),
  };
}

function coverageFigures(
  timeline: Timeline,
  bounds: PeriodBounds,
  excluded: boolean,
  monitoredStartMs: number,
  coveredEndMs: number,
  isMonitored: boolean,
): CoverageFigures {
  const key = isMonitored
    ? `${bounds.timeZone}|${bounds.period}|${excluded ? 1 : 0}|${monitoredStartMs}|${coveredEndMs}`
    : `${bounds.timeZone}|${bounds.period}|-`;
  const memo = timeline.coverage.get(key);
  if (memo !== undefined) return memo;
  // Cm − M: where downtime can fall, in either accounting mode (§3.6).
  const monitored: readonly Interval[] = isMonitored
    ? [{ startMs: monitoredStartMs, endMs: coveredEndMs }]
    : [];
  const unmaintained = isMonitored
    ? subtractSets(monitored, clipSorted(timeline.maintenance, monitoredStartMs, coveredEndMs))
    : [];
  const eligible: readonly Interval[] = excluded ? unmaintained : monitored;
  const pieces = isMonitored
    ? intersectPieces(clipSorted(timeline.surviving, monitoredStartMs, coveredEndMs), unmaintained)
    : [];
  let downtime100 = 0;
  for (const piece of pieces) downtime100 += piece.weight * (piece.endMs - piece.startMs);
  const figures: CoverageFigures = {
    eligible,
    eligibleMs: totalMs(eligible),
    pieces,
    downtime100,
  };
  if (timeline.coverage.size >= COVERAGE_MEMO_LIMIT) timeline.coverage.clear();
  timeline.coverage.set(key, figures);
  return figures;
}

function windowsByStart(timeline: Timeline): NonNullable<Timeline['byStart']> {
  if (timeline.byStart !== undefined) return timeline.byStart;
  const { startMs } = timeline.prepared;
  const order = new Uint32Array(startMs.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  order.sort((a, b) => (startMs[a] as number) - (startMs[b] as number));
  const endSoFar = new Float64Array(order.length);
  let latest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < order.length; k += 1) {
    latest = Math.max(latest, timeline.endMs[order[k] as number] as number);
    endSoFar[k] = latest;
  }
  timeline.byStart = { order, endSoFar };
  return timeline.byStart;
}

// ---------------------------------------------------------------------------
// One evaluation.

const MAX_SAFE_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/** One (agreement, service, period) to evaluate against a service's prepared windows. */
export interface EvaluationRequest {
  /** `YYYY-MM`, in the agreement's time zone. */
  readonly period: string;
  /** The evaluation instant; `null` means the period's end. */
  readonly asOf: string | null;
  readonly agreement: Agreement;
  /** The policy version in force at the period's start (§6.10). */
  readonly policy: Policy;
  /** When monitoring of the service began (§3.1); absent or `null`: monitored throughout. */
  readonly monitoredSince?: string | null;
}

export interface EvaluationOptions {
  /** Add `days`: eligible time and downtime per local day (for charts). */
  readonly includeDays?: boolean;
  /**
   * Which windows `ignored` lists: `all` (every window handed in; the default of
   * `evaluateCase`), or `period` (those whose runs reach into the period, §6.11: the
   * default of `evaluateAgreements`, which is handed a service's whole history).
   */
  readonly ignoredScope?: 'all' | 'period';
  /**
   * `false` leaves `counted` and `ignored` empty: figures only, for bulk statements
   * whose explanations are produced on demand (a claim always stores the full
   * evaluation). Default `true`.
   */
  readonly explain?: boolean;
}

/**
 * Evaluates one case of spec §5 (validated by `evaluationCaseSchema`): availability,
 * target, tier, daily rule, fee base, credit and claim deadline of one agreement
 * for one service and one period, with the pieces of downtime counted and the
 * windows ignored. Instants are epoch-millisecond half-open intervals in local
 * calendar months (Temporal, `compatible`); all figures are exact rationals,
 * reported as the nearest double; money is rounded half up once, at the end.
 */
export function evaluateCase(
  evaluationCase: EvaluationCase,
  options: EvaluationOptions = {},
): EvaluationResult {
  const prepared = prepareWindows(evaluationCase.windows);
  return evaluateOne(prepared, evaluationCase, { ignoredScope: 'all', ...options });
}

/**
 * Evaluates many agreements (any periods, zones and policies) against the windows
 * of one service, sharing the timeline work among them: what the API calls for
 * monthly statements. Hand in every window of the service that a run reaching into
 * the requested periods may contain (§6.11); results come in request order and
 * equal `evaluateCase` on the same windows (with `ignored` limited to the windows
 * relevant to each period unless `ignoredScope: 'all'`).
 */
export function evaluateAgreements(
  prepared: PreparedWindows,
  requests: readonly EvaluationRequest[],
  options: EvaluationOptions = {},
): EvaluationResult[] {
  const effective: EvaluationOptions = { ignoredScope: 'period', ...options };
  return requests.map((request) => evaluateOne(prepared, request, effective));
}

function evaluateOne(
  prepared: PreparedWindows,
  request: EvaluationRequest,
  options: EvaluationOptions,
): EvaluationResult {
  const terms = policyTerms(request.policy);
  const explain = options.explain !== false;
  const { agreement } = request;
  const bounds = periodBounds(request.period, agreement.timeZone);
  const periodMs = bounds.endMs - bounds.startMs;
  const asOfMs = request.asOf === null ? bounds.endMs : instantMs(request.asOf);
  const measuredEndMs = Math.min(bounds.endMs, asOfMs);
  const agreementEndMs =
    agreement.end === null ? Number.POSITIVE_INFINITY : instantMs(agreement.end);
  const coveredStartMs = Math.max(bounds.startMs, instantMs(agreement.start));
  const coveredEndMs = Math.min(measuredEndMs, agreementEndMs);
  const isCovered = coveredStartMs < coveredEndMs;
  const coveredMs = isCovered ? coveredEndMs - coveredStartMs : 0;
  // Cm = C ∩ [monitoredSince, ∞): time nobody measured is never counted as up (§3.1).
  const monitoredSince = request.monitoredSince ?? null;
  const monitoredStartMs =
    monitoredSince === null ? coveredStartMs : Math.max(coveredStartMs, instantMs(monitoredSince));
  const isMonitored = isCovered && monitoredStartMs < coveredEndMs;
  const monitoredMs = isMonitored ? coveredEndMs - monitoredStartMs : 0;
  const timeline = timelineFor(prepared, terms, asOfMs);

  const coverage = coverageFigures(
    timeline,
    bounds,
    terms.excluded,
    monitoredStartMs,
    coveredEndMs,
    isMonitored,
  );
  const { eligible, eligibleMs, pieces, downtime100 } = coverage;

  const status = !isCovered
    ? 'not-covered'
    : !isMonitored
      ? 'not-monitored'
      : eligibleMs === 0
        ? 'no-eligible-time'
        : 'evaluated';
  const evaluated = status === 'evaluated';

  const fee = BigInt(agreement.monthlyFeeMinor);
  // The fee for the covered part of the month: |period| is the whole month (§3.11, §6.2).
  const feeBase = rat(fee * BigInt(coveredMs), BigInt(periodMs));
  const cap = mul(feeBase, { n: terms.cap.n, d: terms.cap.d * 100n });
  const capMinor = roundMoneyHalfUp(cap);
  if (capMinor > MAX_SAFE_MINOR) {
    // Never report a rounded amount of money: refuse (the schema prevents this case).
    throw new RangeError('the credit cap exceeds 2^53 − 1 minor units; amounts would not be exact');
  }

  const wantDays = options.includeDays === true || (evaluated && terms.daily !== null);
  if (wantDays) coverage.dayDowntime100 ??= perDay(bounds.days, pieces);
  if (options.includeDays === true) coverage.dayEligibleMs ??= perDay(bounds.days, eligible);
  const dayDowntime100 = wantDays ? coverage.dayDowntime100 : undefined;
  const dayEligibleMs = options.includeDays === true ? coverage.dayEligibleMs : undefined;

  let availabilityPercent: number | null = null;
  let availabilityDisplay: string | null = null;
  let met: boolean | null = null;
  let creditPercent = 0;
  let qualifyingDays: string[] = [];
  let creditMinor = 0n;
  let capped = false;
  if (evaluated) {
    // availability = 100 × (|E| − D) / |E| = (100·|E| − D100) / |E|, both exact integers.
    const availability = rat(BigInt(100 * eligibleMs - downtime100), BigInt(eligibleMs));
    availabilityPercent = toNumber(availability);
    availabilityDisplay = floorToFixed(availability, 3);
    met = cmp(availability, terms.target) >= 0;
    let tierCredit: Rational = ZERO;
    for (const tier of terms.tiers) {
      if (cmp(availability, tier.below) < 0 && cmp(tier.credit, tierCredit) > 0) {
        tierCredit = tier.credit;
        creditPercent = tier.creditPercent;
      }
    }
    let dailyCredit: Rational = ZERO;
    if (terms.daily !== null && dayDowntime100 !== undefined) {
      const threshold = terms.daily.aboveDowntime100;
      qualifyingDays = bounds.days
        .filter((_day, i) => (dayDowntime100[i] as number) > threshold)
        .map((day) => day.date);
      // creditDays × monthlyFee / daysInLocalMonth per day: the full fee, not the fee base (§6.5).
      dailyCredit = mul(terms.daily.creditDays, {
        n: BigInt(qualifyingDays.length) * fee,
        d: BigInt(bounds.daysInMonth),
      });
    }
    const uncapped = add(mul(feeBase, { n: tierCredit.n, d: tierCredit.d * 100n }), dailyCredit);
    capped = cmp(uncapped, cap) > 0;
    creditMinor = roundMoneyHalfUp(capped ? cap : uncapped);
    if (creditMinor < terms.minimumCreditMinor) creditMinor = 0n;
  }

  const result: EvaluationResult = {
    status,
    period: formatPeriodBounds(bounds),
    coveredMs,
    // |C| − |Cm|, reported so that nobody is misled by a figure measured on part of C.
    unmonitoredMs: coveredMs - monitoredMs,
    eligibleMs,
    downtimeMs: hundredthsToNumber(downtime100),
    availabilityPercent,
    availabilityDisplay,
    met,
    creditPercent,
    qualifyingDays,
    feeBaseMinor: toNumber(feeBase),
    creditMinor: Number(creditMinor),
    currency: agreement.currency,
    capped,
    claimDeadline: claimDeadlineText(request.period, agreement.timeZone, terms.claimWindowDays),
    counted: explain ? pieces.map((piece) => countedPiece(piece, timeline)) : [],
    ignored: explain
      ? ignoredWindows(timeline, options.ignoredScope ?? 'all', {
          periodStartMs: bounds.startMs,
          periodEndMs: bounds.endMs,
          measuredEndMs,
          coveredStartMs,
          coveredEndMs: isCovered ? coveredEndMs : coveredStartMs,
          monitoredStartMs: isMonitored ? monitoredStartMs : coveredEndMs,
        })
      : [],
    capMinor: Number(capMinor),
    asOf: request.asOf === null ? bounds.endText : instantText(timeline, asOfMs),
    timeZone: agreement.timeZone,
  };
  if (options.includeDays === true && dayDowntime100 !== undefined && dayEligibleMs !== undefined) {
    result.days = bounds.days.map(
      (day, i): DayFigures => ({
        date: day.date,
        start: formatInstant(day.startMs),
        end: formatInstant(day.endMs),
        eligibleMs: dayEligibleMs[i] as number,
        downtimeMs: hundredthsToNumber(dayDowntime100[i] as number),
      }),
    );
  }
  return result;
}

/** Surviving severity pieces ∩ (C − M), keeping weight and run. */
function intersectPieces(pieces: readonly RunPiece[], set: readonly Interval[]): RunPiece[] {
  const result: RunPiece[] = [];
  let j = 0;
  for (const piece of pieces) {
    while (j < set.length && (set[j] as Interval).endMs <= piece.startMs) j += 1;
    for (let k = j; k < set.length; k += 1) {
      const x = set[k] as Interval;
      if (x.startMs >= piece.endMs) break;
      const startMs = Math.max(piece.startMs, x.startMs);
      const endMs = Math.min(piece.endMs, x.endMs);
      if (startMs === piece.startMs && endMs === piece.endMs) result.push(piece);
      else if (startMs < endMs)
        result.push({ startMs, endMs, weight: piece.weight, run: piece.run });
    }
  }
  return result;
}

/**
 * Sum over each local day of `weight × length` of the intervals (weight 1 when
 * absent): eligible ms, or downtime in hundredths of a ms. Exact integers.
 */
function perDay(
  days: readonly LocalDay[],
  intervals: readonly (Interval & { readonly weight?: number })[],
): number[] {
  const sums = new Array<number>(days.length).fill(0);
  let d = 0;
  for (const x of intervals) {
    while (d < days.length && (days[d] as LocalDay).endMs <= x.startMs) d += 1;
    for (let k = d; k < days.length; k += 1) {
      const day = days[k] as LocalDay;
      if (day.startMs >= x.endMs) break;
      const overlap = Math.min(day.endMs, x.endMs) - Math.max(day.startMs, x.startMs);
      if (overlap > 0) sums[k] = (sums[k] as number) + (x.weight ?? 1) * overlap;
    }
  }
  return sums;
}

/**
 * An exact integer count of hundredths of a millisecond as the nearest double.
 * Both operands are exact doubles (the count is checked to be a safe integer), and
 * IEEE division of exact operands is correctly rounded: no BigInt needed.
 */
function hundredthsToNumber(hundredths: number): number {
  if (!Number.isSafeInteger(hundredths))
    throw new RangeError('downtime beyond 2^53 hundredths of a ms');
  return hundredths / 100;
}

/**
 * An instant as text, memoised on the timeline: the same piece and run bounds are
 * printed for every agreement and month sharing the timeline.
 */
function instantText(timeline: Timeline, epochMs: number): string {
  let text = timeline.texts.get(epochMs);
  if (text === undefined) {
    text = formatInstant(epochMs);
    timeline.texts.set(epochMs, text);
  }
  return text;
}

function countedPiece(piece: RunPiece, timeline: Timeline): CountedPiece {
  const run = timeline.runs[piece.run] as Interval;
  return {
    start: instantText(timeline, piece.startMs),
    end: instantText(timeline, piece.endMs),
    weight: piece.weight / 100,
    downtimeMs: hundredthsToNumber(piece.weight * (piece.endMs - piece.startMs)),
    run: { start: instantText(timeline, run.startMs), end: instantText(timeline, run.endMs) },
  };
}

interface Scope {
  readonly periodStartMs: number;
  readonly periodEndMs: number;
  readonly measuredEndMs: number;
  readonly coveredStartMs: number;
  /** Equal to `coveredStartMs` when nothing is covered. */
  readonly coveredEndMs: number;
  /** Start of the monitored part of coverage; `coveredEndMs` when none of it is monitored. */
  readonly monitoredStartMs: number;
}

function ignoredWindows(
  timeline: Timeline,
  scope: 'all' | 'period',
  bounds: Scope,
): IgnoredWindow[] {
  const { prepared } = timeline;
  const candidates =
    scope === 'all'
      ? undefined
      : windowsReachingInto(timeline, bounds.periodStartMs, bounds.periodEndMs);
  const count = candidates === undefined ? prepared.startMs.length : candidates.length;
  const result: IgnoredWindow[] = [];
  for (let k = 0; k < count; k += 1) {
    const i = candidates === undefined ? k : (candidates[k] as number);
    const reason = ignoredReason(timeline, i, bounds);
    if (reason === undefined) continue;
    const window = prepared.source[i] as Window;
    const endMs = prepared.endMs[i] as number;
    const entry: IgnoredWindow = {
      start: canonicalInstantText(window.start, prepared.startMs[i] as number),
      end: window.end === null ? null : canonicalInstantText(window.end, endMs),
      state: window.state,
      reason,
      index: i,
    };
    if (window.id !== undefined && window.id !== null) entry.id = window.id;
    result.push(entry);
  }
  return result;
}

/**
 * The first reason of §6.9 that applies to window `i`, or `undefined` when it
 * contributed downtime. "Superseded" needs a strictly heavier window: of two
 * equally heavy windows over the same time, both count as having contributed.
 */
function ignoredReason(timeline: Timeline, i: number, bounds: Scope): IgnoredReason | undefined {
  const startMs = timeline.prepared.startMs[i] as number;
  const endMs = timeline.endMs[i] as number;
  if (endMs <= startMs || endMs <= bounds.periodStartMs || startMs >= bounds.measuredEndMs) {
    return 'outside-period';
  }
  const toMs = Math.min(endMs, bounds.coveredEndMs);
  if (Math.max(startMs, bounds.coveredStartMs) >= toMs) return 'outside-coverage';
  // From here on only the monitored part of the window's coverage can have counted.
  const fromMs = Math.max(startMs, bounds.coveredStartMs, bounds.monitoredStartMs);
  if (fromMs >= toMs) return 'outside-monitoring';
  if (timeline.announced[i] === 1 || coveredBy(timeline.maintenance, fromMs, toMs)) {
    return 'announced-maintenance';
  }
  const weight = timeline.weight[i] as number;
  if (weight === 0) return 'zero-weight';
  // A started window of weight > 0 lies inside exactly one run: the first ending after its start.
  if (timeline.runSurvives[firstEndingAfter(timeline.runs, startMs)] !== 1) return 'below-minimum';
  const region = timeline.regions.get(weight) ?? [];
  for (let r = firstEndingAfter(region, fromMs); r < region.length; r += 1) {
    const x = region[r] as Interval;
    if (x.startMs >= toMs) break;
    if (!coveredBy(timeline.maintenance, Math.max(x.startMs, fromMs), Math.min(x.endMs, toMs))) {
      return undefined;
    }
  }
  return 'superseded';
}

/** The hull of `[startMs, endMs)` and of the runs that reach into it. */
function reachOfRuns(runs: readonly Interval[], startMs: number, endMs: number): Interval {
  let fromMs = startMs;
  let toMs = endMs;
  const first = runs[firstEndingAfter(runs, startMs)];
  if (first !== undefined && first.startMs < fromMs && first.startMs < endMs)
    fromMs = first.startMs;
  const last = runs[firstEndingAfter(runs, endMs - 1)];
  if (last !== undefined && last.startMs < endMs && last.endMs > toMs) toMs = last.endMs;
  return { startMs: fromMs, endMs: toMs };
}

/** Indices (input order) of the windows meeting the period widened to the runs reaching into it. */
function windowsReachingInto(
  timeline: Timeline,
  periodStartMs: number,
  periodEndMs: number,
): number[] {
  const reach = reachOfRuns(timeline.runs, periodStartMs, periodEndMs);
  const { order, endSoFar } = windowsByStart(timeline);
  const { startMs } = timeline.prepared;
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((endSoFar[mid] as number) < reach.startMs) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let k = low; k < order.length; k += 1) {
    const i = order[k] as number;
    const start = startMs[i] as number;
    if (start >= reach.endMs) break;
    if ((timeline.endMs[i] as number) > reach.startMs || start >= reach.startMs) found.push(i);
  }
  return found.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// What the API needs besides evaluations.

/** An outage run (spec §3.5) and whether it lasts at least the policy's minimum. */
export interface OutageRun {
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly counts: boolean;
}

/**
 * The outage runs of a service's windows under a policy (spec §3.5, §6.3): maximal
 * half-open intervals where the severity weight is > 0, built on the whole
 * timeline (open windows end at `asOfMs`), each marked with whether it reaches
 * the minimum length (wall-clock ms, a run exactly as long counts).
 */
export function outageRuns(prepared: PreparedWindows, policy: Policy, asOfMs: number): OutageRun[] {
  const timeline = timelineFor(prepared, policyTerms(policy), asOfMs);
  return timeline.runs.map((run, i) => ({
    start: formatInstant(run.startMs),
    end: formatInstant(run.endMs),
    startMs: run.startMs,
    endMs: run.endMs,
    counts: timeline.runSurvives[i] === 1,
  }));
}

/**
 * The range of instants whose windows the engine must be handed to evaluate a
 * period (spec §6.11): the period `[periodStartMs, periodEndMs)` widened to the
 * whole of any outage run, among `prepared`, that reaches into it. The API
 * fetches the windows meeting the period, calls this, and fetches again over the
 * widened range until it no longer grows (each round can only join runs).
 */
export function requiredWindowRange(
  prepared: PreparedWindows,
  policy: Policy,
  periodStartMs: number,
  periodEndMs: number,
  asOfMs: number,
): Interval {
  const timeline = timelineFor(prepared, policyTerms(policy), asOfMs);
  return reachOfRuns(timeline.runs, periodStartMs, periodEndMs);
}

/** Figures of one local day: eligible time and downtime, in ms (downtime exact, as a double). */
export interface DailyFigures {
  readonly date: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly eligibleMs: number;
  readonly downtimeMs: number;
}

/**
 * Eligible time and downtime per local day of the case's period (for charts): the
 * same figures as the evaluation (§3.3, §3.6), split at local midnights of the
 * agreement's zone. Sums over the days equal `eligibleMs` and `downtimeMs`.
 */
export function dailyFigures(evaluationCase: EvaluationCase): DailyFigures[] {
  const result = evaluateCase(evaluationCase, { includeDays: true });
  const bounds = periodBounds(evaluationCase.period, evaluationCase.agreement.timeZone);
  return (result.days ?? []).map((day, i) => ({
    date: day.date,
    startMs: (bounds.days[i] as LocalDay).startMs,
    endMs: (bounds.days[i] as LocalDay).endMs,
    eligibleMs: day.eligibleMs,
    downtimeMs: day.downtimeMs,
  }));
}
