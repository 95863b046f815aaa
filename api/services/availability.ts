import type { AgreementKind, ClaimStatus } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { unprocessable } from '../domain-errors.ts';
import {
  dailyRuleCreditMinor,
  type EvaluationResult,
  formatInstant,
  periodBounds,
  shiftPeriod,
} from '../sla/index.ts';
import { type CountedCause, countedCauses } from './counted-causes.ts';
import {
  availabilityClaims,
  COUNTERPARTY_VISIBLE_KINDS,
  cachedEvaluationId,
  currentPeriod,
  type DecidedClaim,
  decidedClaims,
  evaluatePeriods,
  type Figures,
  figuresVersion,
  type LoadedAgreement,
  loadAgreements,
  type PolicyVersionInForce,
  sameFigures,
  tripleKey,
  versionInForce,
} from './sla-figures.ts';

/**
 * What a customer sees of their SLA: agreements with their policy versions and termination
 * right, availability per (agreement, service, month) — the decided figures where a claim
 * was decided, the engine's otherwise — and the statement of a month.
 */

/** The most months one availability request may span. */
export const MAX_RANGE_MONTHS = 24;

export interface AvailabilityItem extends EvaluationResult {
  agreementId: number;
  /** The service's slug. */
  service: string;
  serviceName: string;
  /**
   * When monitoring of the service began (sla-accounting §3.1): the month's figures cover only
   * the time since; `status: not-monitored` when none of the month was monitored.
   */
  monitoredSince: string;
  /** `YYYY-MM` in the agreement's zone. */
  month: string;
  monthlyFeeMinor: number;
  policy: {
    id: number;
    name: string;
    version: number;
    effectiveFrom: string;
    targetPercent: number;
    /** The daily rule of the version (sla-accounting §1), null when it has none. */
    dailyRule: { thresholdMinutes: number; creditDays: number } | null;
  };
  /**
   * What the daily rule's qualifying days are worth, in minor units, rounded half up on its
   * own (0 without any): the credit adds it to the tier's part before the cap.
   */
  dailyCreditMinor: number;
  /**
   * On request: for each piece of `counted`, in its order, the state and the incident behind
   * it (docs/decisions/144).
   */
  countedCauses?: CountedCause[];
  /**
   * `decided-claim`: a decided claim's stored evaluation, the official figure for the
   * month; `computed`: the engine's figure on the windows as they are now (the current
   * month is measured up to now).
   */
  source: 'decided-claim' | 'computed';
  /** With `source: decided-claim`, the figures on today's windows when a later correction changed them. */
  correction: EvaluationResult | null;
  /** The live (or latest) claim for this month, if any. */
  claim: { id: number; status: ClaimStatus } | null;
  /** Whether a claim could be filed now (ended, before the deadline, no live claim). */
  claimable: boolean;
}

export async function latestClaims(
  deps: Deps,
  agreementIds: number[],
): Promise<Map<string, { id: number; status: ClaimStatus }>> {
  return (await availabilityClaims(deps.db.db, agreementIds)).latest;
}

export function overlapsPeriod(
  agreement: Pick<LoadedAgreement, 'timeZone' | 'startMs' | 'endMs'>,
  month: string,
): boolean {
  const bounds = periodBounds(month, agreement.timeZone);
  return (
    agreement.startMs < bounds.endMs &&
    (agreement.endMs === null || agreement.endMs > bounds.startMs)
  );
}

function policySummary(version: PolicyVersionInForce) {
  return {
    id: version.policyId,
    name: version.policyName,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    targetPercent: version.rules.targetPercent,
    dailyRule: version.rules.dailyRule,
  };
}

/** Months from `from` to `to` inclusive (`YYYY-MM` compares as text). */
export function monthsBetween(from: string, to: string): string[] {
  if (from > to) {
    throw unprocessable('`from` must not be after `to`.', 'INVALID_RANGE', [
      { path: 'from', message: 'must not be after to' },
    ]);
  }
  const months = [from];
  while (months.length <= MAX_RANGE_MONTHS && (months.at(-1) as string) < to) {
    months.push(shiftPeriod(months.at(-1) as string, 1));
  }
  if (months.length > MAX_RANGE_MONTHS) {
    throw unprocessable(`A range may span at most ${MAX_RANGE_MONTHS} months.`, 'RANGE_TOO_LONG', [
      { path: 'to', message: `at most ${MAX_RANGE_MONTHS} months after from` },
    ]);
  }
  return months;
}

/** A requested month that has not begun yet in an agreement's zone (ADR 083). */
export interface NotBegun {
  agreementId: number;
  /** `YYYY-MM`, as requested. */
  month: string;
  timeZone: string;
  /** The agreement's month now, in its zone. */
  currentPeriod: string;
}

/**
 * An agreement, or one service of it, whose figures could not be computed from its stored
 * data (ADR 114): the other agreements and services still answer.
 */
export interface Unavailable {
  agreementId: number;
  /** The service's slug; null when nothing of the agreement could be read. */
  service: string | null;
  reason: string;
}

export const UNAVAILABLE_REASON =
  'The figures cannot be computed from the stored data of this agreement. The operators have been told.';

/**
 * Records why an agreement (or a service of it) is left out, for the operators: the customer
 * is told only that it is, not the internals of the stored row.
 */
function unavailable(agreementId: number, service: string | null, error: unknown): Unavailable {
  // A warning, not an error: the request answers, with this agreement marked unavailable.
  console.warn(
    `agreement ${agreementId}${service === null ? '' : ` service ${service}`} cannot be evaluated:`,
    error,
  );
  return { agreementId, service, reason: UNAVAILABLE_REASON };
}

export interface AvailabilityReport {
  items: AvailabilityItem[];
  /** Each (agreement, month) asked for that has not begun in the agreement's zone. */
  notBegun: NotBegun[];
  /** Each agreement or service whose stored data could not be evaluated. */
  unavailable: Unavailable[];
}

/** What an availability report is made of, read before any item is built. */
export interface AvailabilityInputs {
  nowMs: number;
  /** The agreements that could be read, each with the months it answers for. */
  agreements: LoadedAgreement[];
  decided: Map<string, DecidedClaim>;
  latest: Map<string, { id: number; status: ClaimStatus }>;
  /** Per service and month, in the report's order. */
  figures: { agreement: LoadedAgreement; figure: Figures }[];
  notBegun: NotBegun[];
  unavailable: Unavailable[];
  /** True when every month answered had ended for its agreement (`asOf` its end). */
  allClosed: boolean;
}

/**
 * Reads what the customer's availability for each month of `months` is made of, per
 * agreement × service that covered any of the month. Each agreement answers for its own
 * months: a month that has not begun in an agreement's zone is listed in `notBegun` for that
 * agreement, never an error for the others. Only a month that has begun in none of the
 * agreements asked about is refused.
 */
export async function availabilityInputs(
  deps: Deps,
  customerId: number,
  months: string[],
  options: { includeDays?: boolean; agreementId?: number | undefined } = {},
): Promise<AvailabilityInputs> {
  const nowMs = deps.clock.now();
  const all = await loadAgreements(deps.db.db, {
    customerId,
    kinds: COUNTERPARTY_VISIBLE_KINDS,
    ...(options.agreementId === undefined ? {} : { agreementIds: [options.agreementId] }),
  });
  const unavailableList: Unavailable[] = [];
  const currents = new Map<number, string>();
  const healthy: LoadedAgreement[] = [];
  for (const agreement of all) {
    try {
      currents.set(agreement.id, currentPeriod(agreement, nowMs));
      healthy.push(agreement);
    } catch (error) {
      unavailableList.push(unavailable(agreement.id, null, error));
    }
  }
  const begun = (agreement: LoadedAgreement, month: string) =>
    month <= (currents.get(agreement.id) ?? month);
  const future = months.find(
    (month) => healthy.length > 0 && healthy.every((agreement) => !begun(agreement, month)),
  );
  if (future !== undefined) {
    const zones = healthy.map(
      (agreement) => `${currents.get(agreement.id)} in ${agreement.timeZone}`,
    );
    throw unprocessable(
      `${future} has not begun yet (it is ${[...new Set(zones)].join(', ')}).`,
      'PERIOD_NOT_STARTED',
      [{ path: 'period', message: 'must not be after the current month' }],
    );
  }
  const ids = all.map((agreement) => agreement.id);
  const { decided, latest } = await availabilityClaims(deps.db.db, ids);
  const figures: AvailabilityInputs['figures'] = [];
  const notBegun: NotBegun[] = [];
  let allClosed = true;
  for (const agreement of healthy) {
    let started: string[];
    try {
      const covered = months.filter((month) => overlapsPeriod(agreement, month));
      for (const month of covered) {
        if (begun(agreement, month)) continue;
        notBegun.push({
          agreementId: agreement.id,
          month,
          timeZone: agreement.timeZone,
          currentPeriod: currents.get(agreement.id) ?? month,
        });
      }
      started = covered.filter((month) => begun(agreement, month));
      if (started.some((month) => nowMs < periodBounds(month, agreement.timeZone).endMs)) {
        allClosed = false;
      }
    } catch (error) {
      unavailableList.push(unavailable(agreement.id, null, error));
      continue;
    }
    if (started.length === 0) continue;
    const includeDays = options.includeDays ?? false;
    try {
      // All services at once (one version read for all); in the order of the services.
      for (const figure of await evaluatePeriods(deps, agreement, started, nowMs, {
        includeDays,
      })) {
        figures.push({ agreement, figure });
      }
    } catch {
      // Service by service: one whose stored data cannot be evaluated leaves the others be.
      for (const service of agreement.services) {
        try {
          const evaluated = await evaluatePeriods(deps, agreement, started, nowMs, {
            includeDays,
            serviceIds: [service.serviceId],
          });
          for (const figure of evaluated) figures.push({ agreement, figure });
        } catch (error) {
          unavailableList.push(unavailable(agreement.id, service.slug, error));
        }
      }
    }
  }
  return {
    nowMs,
    agreements: healthy,
    decided,
    latest,
    figures,
    notBegun,
    unavailable: unavailableList,
    allClosed,
  };
}

/** The report made of its inputs (`countedCauses` read here, on request). */
export async function reportOf(
  deps: Deps,
  inputs: AvailabilityInputs,
  options: { includeCauses?: boolean } = {},
): Promise<AvailabilityReport> {
  const items: AvailabilityItem[] = [];
  // As when evaluating: a service whose item cannot be made is unavailable, once.
  const failed = new Set<string>();
  for (const { agreement, figure } of inputs.figures) {
    const serviceKey = `${agreement.id}:${figure.service.serviceId}`;
    if (failed.has(serviceKey)) continue;
    try {
      const key = tripleKey(agreement.id, figure.service.serviceId, figure.period);
      const item = availabilityItem(
        agreement,
        figure,
        inputs.decided.get(key),
        inputs.latest.get(key) ?? null,
        inputs.nowMs,
      );
      if (options.includeCauses) {
        item.countedCauses = await countedCauses(
          deps.db.db,
          figure.service.serviceId,
          item.counted,
          figure.policy.rules.weights,
        );
      }
      items.push(item);
    } catch (error) {
      failed.add(serviceKey);
      inputs.unavailable.push(unavailable(agreement.id, figure.service.slug, error));
    }
  }
  return { items, notBegun: inputs.notBegun, unavailable: inputs.unavailable };
}

/**
 * Everything a report made of `inputs` depends on besides the request's own options, as
 * one string, or null when the report must be made afresh: a month not yet closed (it
 * moves with the clock), a month not begun, anything unavailable, or figures computed and
 * not kept in the closed-month cache. The windows are named by the cached evaluations'
 * numbers (their entries are checked through the status version and the windows' digest,
 * ADR 171); everything else read afresh is in the string itself: the agreements as loaded
 * (terms, services, names, policy versions), the decided and latest claims of each month,
 * and for each month whether its claim deadline has passed (what `claimable` reads of the
 * clock). Equal strings make equal reports.
 */
export function reportFingerprint(inputs: AvailabilityInputs): string | null {
  if (!inputs.allClosed || inputs.notBegun.length > 0 || inputs.unavailable.length > 0) {
    return null;
  }
  const parts: unknown[] = [inputs.agreements];
  for (const { agreement, figure } of inputs.figures) {
    const evaluationId = cachedEvaluationId(figure.evaluation);
    if (evaluationId === undefined) return null;
    const key = tripleKey(agreement.id, figure.service.serviceId, figure.period);
    const decided = inputs.decided.get(key);
    const official = decided?.evaluation ?? figure.evaluation;
    parts.push([
      key,
      evaluationId,
      decided ?? null,
      inputs.latest.get(key) ?? null,
      inputs.nowMs < Date.parse(official.claimDeadline),
    ]);
  }
  return JSON.stringify(parts);
}

/**
 * The customer's availability for each month of `months` (see `availabilityInputs`).
 */
export async function availabilityReport(
  deps: Deps,
  customerId: number,
  months: string[],
  options: {
    includeDays?: boolean;
    /** Adds `countedCauses` to each item (two more reads per service and month). */
    includeCauses?: boolean;
    agreementId?: number | undefined;
  } = {},
): Promise<AvailabilityReport> {
  const inputs = await availabilityInputs(deps, customerId, months, options);
  return reportOf(deps, inputs, options);
}

/** The items of `availabilityReport`: months not begun in an agreement's zone are left out. */
export async function customerAvailability(
  deps: Deps,
  customerId: number,
  months: string[],
  options: { includeDays?: boolean; agreementId?: number | undefined } = {},
): Promise<AvailabilityItem[]> {
  return (await availabilityReport(deps, customerId, months, options)).items;
}

export function availabilityItem(
  agreement: LoadedAgreement,
  figure: Figures,
  decided: DecidedClaim | undefined,
  claim: { id: number; status: ClaimStatus } | null,
  nowMs: number,
): AvailabilityItem {
  const official = decided?.evaluation ?? figure.evaluation;
  const bounds = periodBounds(figure.period, agreement.timeZone);
  const live = claim !== null && claim.status !== 'rejected' && claim.status !== 'withdrawn';
  const dailyRule = figure.policy.rules.dailyRule;
  return {
    ...official,
    // Daily figures come from the fresh evaluation; a stored one may not carry them.
    ...(figure.evaluation.days && !official.days ? { days: figure.evaluation.days } : {}),
    agreementId: agreement.id,
    service: figure.service.slug,
    serviceName: figure.service.name,
    monitoredSince: formatInstant(figure.service.monitoredSinceMs),
    month: figure.period,
    monthlyFeeMinor: figure.service.monthlyFeeMinor,
    policy: policySummary(figure.policy),
    dailyCreditMinor:
      dailyRule === null || official.qualifyingDays.length === 0
        ? 0
        : dailyRuleCreditMinor(
            dailyRule.creditDays,
            figure.service.monthlyFeeMinor,
            official.qualifyingDays.length,
            bounds.daysInMonth,
          ),
    source: decided ? 'decided-claim' : 'computed',
    correction:
      decided && !sameFigures(decided.evaluation, figure.evaluation) ? figure.evaluation : null,
    claim,
    // An internal agreement is a report: nothing to claim (decision 195).
    claimable:
      agreement.kind === 'customer' &&
      !live &&
      nowMs >= bounds.endMs &&
      nowMs < Date.parse(official.claimDeadline) &&
      official.status !== 'not-covered',
  };
}

export interface TerminationRight {
  rule: { missedPeriods: number; withinPeriods: number };
  earned: boolean;
  /** The closed months considered, oldest first. */
  consideredPeriods: string[];
  /** The considered months in which some service of the agreement missed its target. */
  missedPeriods: { period: string; services: string[] }[];
}

/**
 * The termination right of sla-accounting §4: earned once the target was missed in at
 * least `missedPeriods` of the last `withinPeriods` closed months. A month counts as
 * missed when any service of the agreement missed its target that month (decided figures
 * where a claim was decided). The rule is the one in force for the current month.
 */
export async function terminationRight(
  deps: Deps,
  agreement: LoadedAgreement,
  decided: Map<string, DecidedClaim>,
  nowMs: number,
): Promise<TerminationRight | null> {
  const current = currentPeriod(agreement, nowMs);
  const rule = versionInForce(agreement, current).rules.termination;
  if (rule === null) return null;
  const considered: string[] = [];
  for (let back = rule.withinPeriods; back >= 1; back -= 1) {
    const month = shiftPeriod(current, -back);
    if (overlapsPeriod(agreement, month)) considered.push(month);
  }
  const figures =
    considered.length === 0 ? [] : await evaluatePeriods(deps, agreement, considered, nowMs);
  const missed = new Map<string, string[]>();
  for (const figure of figures) {
    const key = tripleKey(agreement.id, figure.service.serviceId, figure.period);
    const official = decided.get(key)?.evaluation ?? figure.evaluation;
    if (official.met === false) {
      missed.set(figure.period, [...(missed.get(figure.period) ?? []), figure.service.slug]);
    }
  }
  const missedPeriods = considered
    .filter((month) => missed.has(month))
    .map((month) => ({ period: month, services: missed.get(month) ?? [] }));
  return {
    rule,
    earned: missedPeriods.length >= rule.missedPeriods,
    consideredPeriods: considered,
    missedPeriods,
  };
}

export interface AgreementOverview {
  id: number;
  kind: AgreementKind;
  timeZone: string;
  start: string;
  end: string | null;
  active: boolean;
  currentPeriod: string;
  policy: { id: number; name: string };
  services: {
    slug: string;
    name: string;
    monthlyFeeMinor: number;
    currency: string;
    monitoredSince: string;
  }[];
  /** The policy's versions, each with the months it governs (`until` exclusive, null: open). */
  policyVersions: {
    version: number;
    effectiveFrom: string;
    until: string | null;
    rules: PolicyVersionInForce['rules'];
  }[];
  termination: TerminationRight | null;
}

/**
 * The agreements of a customer (or the given ones, for staff) with versions and termination
 * right; an agreement whose stored data cannot be read is listed in `unavailable` instead.
 */
export async function agreementOverviews(
  deps: Deps,
  filter: { customerId?: number; agreementIds?: number[] },
): Promise<{ items: AgreementOverview[]; unavailable: Unavailable[] }> {
  const nowMs = deps.clock.now();
  const list = await loadAgreements(deps.db.db, {
    ...filter,
    // A counterparty's own view never shows a vendor agreement.
    ...(filter.customerId === undefined ? {} : { kinds: COUNTERPARTY_VISIBLE_KINDS }),
  });
  const decided = await decidedClaims(
    deps.db.db,
    list.map((agreement) => agreement.id),
  );
  const overviews: AgreementOverview[] = [];
  const unavailableList: Unavailable[] = [];
  const version = list.length === 0 ? 0 : await figuresVersion(deps);
  for (const agreement of list) {
    try {
      overviews.push(await agreementOverview(deps, agreement, decided, nowMs, version));
    } catch (error) {
      unavailableList.push(unavailable(agreement.id, null, error));
    }
  }
  return { items: overviews, unavailable: unavailableList };
}

/**
 * Termination rights per database, keyed on everything they are made of (see
 * `rememberedTerminationRight`). Small: one entry per agreement and month.
 */
const terminationRights = new WeakMap<object, Map<string, TerminationRight | null>>();
const MAX_TERMINATION_RIGHTS = 2_000;

/**
 * The termination right as `terminationRight` makes it, kept while its inputs stand: it
 * reads only closed months, whose figures cannot change while the status version stands
 * (every write of windows or corrections bumps it, ADR 171), the agreement as loaded
 * (terms, services, policy versions), its decided claims, and the current month. All of
 * these are the key, so every account page load after the first reads no windows and
 * evaluates nothing. A vendor agreement's windows also depend on attributions, which the
 * version does not cover: it is computed each time.
 */
async function rememberedTerminationRight(
  deps: Deps,
  agreement: LoadedAgreement,
  decided: Map<string, DecidedClaim>,
  nowMs: number,
  version: number,
): Promise<TerminationRight | null> {
  if (agreement.kind === 'vendor') return terminationRight(deps, agreement, decided, nowMs);
  const own = [...decided.values()].filter((claim) => claim.agreementId === agreement.id);
  const key = JSON.stringify([version, currentPeriod(agreement, nowMs), agreement, own]);
  let memo = terminationRights.get(deps.db);
  if (memo === undefined) {
    memo = new Map();
    terminationRights.set(deps.db, memo);
  }
  const known = memo.get(key);
  if (known !== undefined) return known;
  const right = await terminationRight(deps, agreement, decided, nowMs);
  memo.set(key, right);
  if (memo.size > MAX_TERMINATION_RIGHTS) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  return right;
}

async function agreementOverview(
  deps: Deps,
  agreement: LoadedAgreement,
  decided: Map<string, DecidedClaim>,
  nowMs: number,
  version: number,
): Promise<AgreementOverview> {
  return {
    id: agreement.id,
    kind: agreement.kind,
    timeZone: agreement.timeZone,
    start: formatInstant(agreement.startMs),
    end: agreement.endMs === null ? null : formatInstant(agreement.endMs),
    active: agreement.active,
    currentPeriod: currentPeriod(agreement, nowMs),
    policy: { id: agreement.policyId, name: agreement.policyName },
    services: agreement.services.map(
      ({ slug, name, monthlyFeeMinor, currency, monitoredSinceMs }) => ({
        slug,
        name,
        monthlyFeeMinor,
        currency,
        monitoredSince: formatInstant(monitoredSinceMs),
      }),
    ),
    policyVersions: agreement.versions.map((version, index) => ({
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      until: agreement.versions[index + 1]?.effectiveFrom ?? null,
      rules: version.rules,
    })),
    termination: await rememberedTerminationRight(deps, agreement, decided, nowMs, version),
  };
}
