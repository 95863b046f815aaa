import type { AgreementKind, ClaimStatus, SupportPriority } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { type Policy, periodBounds, priorities } from '../sla/index.ts';
import { roundMoneyHalfUp } from '../sla/money.ts';
import { add, cmp, fromDecimal, mul, type Rational, rat, ZERO } from '../sla/rational.ts';
import {
  type AvailabilityItem,
  availabilityReport,
  type NotBegun,
  type Unavailable,
} from './availability.ts';
import { brandLogo, getBrand } from './brand.ts';
import { type ClaimDto, claimsForPeriods } from './claims.ts';
import {
  COUNTERPARTY_VISIBLE_KINDS,
  currentPeriod,
  type LoadedAgreement,
  loadAgreements,
} from './sla-figures.ts';
import { NO_CURRENCY } from './staff-agreements.ts';
import { getCustomer } from './staff-customers.ts';
import { moneyText } from './statement-format.ts';
import { type SupportFigures, supportFiguresFor, supportTerms } from './support.ts';

/**
 * A customer's statement for a month or a calendar year (ADR 160–162, 164): the figures of every
 * agreement × service × month, the credit each earned and the rule that gave it, the support
 * figures of every agreement × month with support terms (ADR 199), the claims and their status,
 * and totals per currency.
 *
 * Built in two steps so that a run over every customer (issue 17) can reuse the second:
 * `loadStatementData` reads (the only step with I/O), `buildStatement` turns the data into the
 * document, a pure function. The renderers (statement-csv.ts, statement-pdf.ts, and
 * `statementJson` here) take the document and nothing else.
 */

export type StatementScope = { kind: 'month'; period: string } | { kind: 'year'; year: string };
const FORMATS = ['csv', 'json', 'pdf'] as const;
export type StatementFormat = (typeof FORMATS)[number];

const FILE = /^(\d{4})(?:-(0[1-9]|1[0-2]))?\.(csv|json|pdf)$/;

/** `2026-10.pdf` → the month and the format; `2026.csv` → the year. Null for anything else. */
export function parseStatementFile(
  file: string,
): { scope: StatementScope; format: StatementFormat } | null {
  const match = FILE.exec(file);
  if (match === null) return null;
  const [, year = '', month, extension] = match;
  const format = FORMATS.find((candidate) => candidate === extension);
  if (format === undefined) return null;
  return {
    scope:
      month === undefined ? { kind: 'year', year } : { kind: 'month', period: `${year}-${month}` },
    format,
  };
}

export function scopeLabel(scope: StatementScope): string {
  return scope.kind === 'month' ? scope.period : scope.year;
}

/** The provider as the statement shows it: the brand's name, accent and logo (ADR 141). */
export interface StatementProvider {
  productName: string;
  /** `#rrggbb`, or null for the portal's own colour. */
  accentColor: string | null;
  /** The logo's PNG bytes, or null. */
  logoPng: Uint8Array | null;
  supportEmail: string | null;
  supportUrl: string | null;
}

export interface StatementAgreement {
  id: number;
  kind: AgreementKind;
  timeZone: string;
  startMs: number;
  endMs: number | null;
  policyName: string;
}

/** Everything a statement is made of, as read: the input of `buildStatement`. */
export interface StatementData {
  scope: StatementScope;
  /** The months asked of the availability report (those of the scope that have begun). */
  months: string[];
  /** The statement's as-of instant: figures are as they stood then. */
  asOfMs: number;
  provider: StatementProvider;
  customer: { id: number; name: string; timeZone: string };
  agreements: StatementAgreement[];
  /** Policy rules by `agreementId:version`, for explaining credits. */
  rules: Map<string, Policy>;
  items: AvailabilityItem[];
  /**
   * Per agreement of the statement, its support months as read (figures of supportFiguresFor,
   * and the objectives' targets), or null months when it has no support terms in any month.
   */
  support: StatementSupportData[];
  claims: ClaimDto[];
  notBegun: NotBegun[];
  unavailable: Unavailable[];
  /** Where customers check the figures: the portal's origin. */
  portalOrigin: string;
}

/** An objective's target as the policy in force for the month states it. */
export interface SupportTarget {
  priority: SupportPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number | null;
  calendar: '24x7' | 'business';
}

export interface StatementSupportData {
  agreementId: number;
  /** The months with support terms, in statement order; null: no support terms at all. */
  months: { figures: SupportFigures; targets: SupportTarget[]; policy: string }[] | null;
}

/** How a month’s credit came about, in figures and in words (ADR 164). */
export interface CreditRule {
  /** The monthly fee, and the fee for the covered part of the month (rounded for display). */
  feeMinor: number;
  feeBaseMinor: number;
  prorated: boolean;
  tier: { belowPercent: number; creditPercent: number; amountMinor: number } | null;
  daily: {
    days: number;
    thresholdMinutes: number;
    creditDays: number;
    daysInMonth: number;
    amountMinor: number;
  } | null;
  capPercent: number;
  capMinor: number;
  capped: boolean;
  /** The rules' minimum credit, when the amount fell below it (and so none is issued). */
  belowMinimumMinor: number | null;
  creditMinor: number;
  /** `10 % (availability below 99.9 %) of USD 2,000.00 = USD 200.00; cap 100 % = USD 2,000.00`. */
  text: string;
}

export interface StatementItem extends AvailabilityItem {
  creditRule: CreditRule | null;
  /** The rule in words, also when there is no breakdown (`No credit: nothing was measured`). */
  creditRuleText: string;
}

export interface CurrencyTotal {
  currency: string;
  /** Credits under the rules, summed over the statement's figures: availability plus support. */
  creditMinor: number;
  /** The availability part of `creditMinor` (the services' months). */
  availabilityCreditMinor: number;
  /** The support part of `creditMinor` (the response-time months, sla-response.md). */
  supportCreditMinor: number;
  /** Amounts approved on claims of the statement's months (approved or credited). */
  approvedMinor: number;
  /** The part of those already credited on an invoice. */
  creditedMinor: number;
}

export interface StatementDocument {
  kind: 'month' | 'year';
  /** `YYYY-MM` or `YYYY`. */
  period: string;
  months: string[];
  /** A year's months that had begun in no agreement's zone at the as-of instant: no figures. */
  monthsNotBegun: string[];
  /** The as-of instant, UTC. */
  generatedAt: string;
  /** True while some month of the statement has not ended in its agreement's zone. */
  inProgress: boolean;
  provider: StatementProvider;
  customer: { id: number; name: string; timeZone: string };
  agreements: StatementAgreement[];
  items: StatementItem[];
  /** Per agreement: its support section, or null when it has no support terms (ADR 199). */
  support: StatementSupport[];
  claims: ClaimDto[];
  totals: CurrencyTotal[];
  notBegun: NotBegun[];
  unavailable: Unavailable[];
  portalOrigin: string;
}

/** One objective of a support month: attained against the policy's target share. */
export interface SupportObjectiveLine {
  priority: SupportPriority;
  kind: 'firstResponse' | 'resolution';
  /** The objective's time target in minutes, on its calendar. */
  targetMinutes: number | null;
  calendar: '24x7' | 'business' | null;
  met: number;
  missed: number;
  pending: number;
  attainmentPercent: number | null;
  attainmentDisplay: string | null;
  /** The share of decided requests that must meet the objective. */
  targetPercent: number;
  /** Decided exactly (sla-response.md §3.3); null when no request of it is decided yet. */
  result: 'met' | 'missed' | null;
}

export interface StatementSupportMonth {
  agreementId: number;
  month: string;
  policy: string;
  status: 'evaluated' | 'not-covered';
  /** Final: the figures can no longer change (the month ended, nothing pending). */
  final: boolean;
  met: boolean | null;
  targetPercent: number | null;
  objectives: SupportObjectiveLine[];
  creditPercent: number;
  /** The support credit; always 0 on an internal agreement, which is a report (ADR 195, 199). */
  creditMinor: number;
  currency: string;
  claimDeadline: string | null;
  requestCount: number;
  /** Automated replies on the month's requests: recorded, never counted. */
  automatedResponseCount: number;
  pendingCount: number;
  /** `decided-claim` when an approved or credited support claim froze the figures. */
  source: 'computed' | 'decided-claim';
  claim: { id: number; status: ClaimStatus } | null;
}

export interface StatementSupport {
  agreementId: number;
  /** Null: the agreement has no support terms in the statement's months. */
  months: StatementSupportMonth[] | null;
}

const YEAR_MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

function yearMonths(year: string): string[] {
  return YEAR_MONTHS.map((month) => `${year}-${month}`);
}

/** The months of the scope that have begun in the zone of at least one agreement. */
function monthsOf(scope: StatementScope, agreements: LoadedAgreement[], nowMs: number): string[] {
  if (scope.kind === 'month') return [scope.period];
  const all = yearMonths(scope.year);
  let latest: string | undefined;
  for (const agreement of agreements) {
    try {
      const current = currentPeriod(agreement, nowMs);
      if (latest === undefined || current > latest) latest = current;
    } catch {
      // An agreement that cannot be read is reported by the availability report.
    }
  }
  const begun = latest === undefined ? all : all.filter((month) => month <= latest);
  // A year that has begun nowhere: ask for its first month, which the report refuses in words.
  return begun.length > 0 ? begun : all.slice(0, 1);
}

/** Reads what a customer's statement needs; `provider` may be given once for many customers. */
export async function loadStatementData(
  deps: Deps,
  customerId: number,
  scope: StatementScope,
  options: { provider?: StatementProvider } = {},
): Promise<StatementData> {
  const nowMs = deps.clock.now();
  const customer = await getCustomer(deps, customerId);
  const loaded = await loadAgreements(deps.db.db, { customerId });
  const months = monthsOf(scope, loaded, nowMs);
  const report = await availabilityReport(deps, customerId, months);
  const visible = loaded.filter((agreement) => COUNTERPARTY_VISIBLE_KINDS.includes(agreement.kind));
  const support: StatementSupportData[] = [];
  for (const agreement of visible) {
    // Already reported as unreadable as a whole: one notice per agreement, not one per half.
    const unreadable = report.unavailable.some(
      (gap) => gap.agreementId === agreement.id && gap.service === null,
    );
    if (unreadable) continue;
    try {
      support.push(await loadSupport(deps, agreement, months, nowMs));
    } catch (error) {
      // Like availability (ADR 114): one agreement that cannot be read leaves the rest standing.
      console.warn(`agreement ${agreement.id} support cannot be evaluated:`, error);
      report.unavailable.push({
        agreementId: agreement.id,
        service: 'support',
        reason: SUPPORT_UNAVAILABLE,
      });
    }
  }
  const rules = new Map<string, Policy>();
  for (const agreement of loaded) {
    for (const version of agreement.versions) {
      rules.set(`${agreement.id}:${version.version}`, version.rules);
    }
  }
  return {
    scope,
    months,
    asOfMs: nowMs,
    provider: options.provider ?? (await statementProvider(deps)),
    customer: { id: customer.id, name: customer.name, timeZone: customer.timeZone },
    agreements: visible.map((agreement) => ({
      id: agreement.id,
      kind: agreement.kind,
      timeZone: agreement.timeZone,
      startMs: agreement.startMs,
      endMs: agreement.endMs,
      policyName: agreement.policyName,
    })),
    rules,
    items: report.items,
    support,
    claims: await claimsForPeriods(deps, customerId, months),
    notBegun: report.notBegun,
    unavailable: report.unavailable,
    portalOrigin: deps.config.origins[0] ?? '',
  };
}

/** An agreement's support months of the statement: those begun in its zone with support terms. */
/** Why a statement has no support figures for an agreement whose support cannot be read. */
export const SUPPORT_UNAVAILABLE =
  'The support figures cannot be computed from the stored data of this agreement. The operators have been told.';

const currentPeriods = new Map<string, string>();

/** `currentPeriod`, remembered: a run asks it for every agreement and month at one instant. */
function currentPeriodMemo(timeZone: string, nowMs: number): string {
  const key = `${timeZone}|${nowMs}`;
  let period = currentPeriods.get(key);
  if (period === undefined) {
    period = currentPeriod({ timeZone }, nowMs);
    if (currentPeriods.size >= 1000) currentPeriods.clear();
    currentPeriods.set(key, period);
  }
  return period;
}

export async function loadSupport(
  deps: Deps,
  agreement: LoadedAgreement,
  months: string[],
  nowMs: number,
): Promise<StatementSupportData> {
  const current = currentPeriodMemo(agreement.timeZone, nowMs);
  const found: NonNullable<StatementSupportData['months']> = [];
  for (const month of months) {
    if (month > current) continue;
    const terms = supportTerms(agreement, month);
    if (terms === null) continue;
    const figures = await supportFiguresFor(deps, agreement.id, month);
    if (figures.status === 'not-offered') continue;
    const targets = priorities.flatMap((priority): SupportTarget[] => {
      const objective = terms.response.objectives[priority];
      return objective
        ? [
            {
              priority,
              firstResponseMinutes: objective.firstResponseMinutes,
              resolutionMinutes: objective.resolutionMinutes,
              calendar: objective.calendar,
            },
          ]
        : [];
    });
    found.push({ figures, targets, policy: `${terms.policyName}, version ${terms.version}` });
  }
  return { agreementId: agreement.id, months: found.length === 0 ? null : found };
}

/** The brand as statements print it (one read, shareable across customers). */
export async function statementProvider(deps: Deps): Promise<StatementProvider> {
  const brand = await getBrand(deps);
  const logo = brand.logo === null ? null : await brandLogo(deps, brand.logo.hash);
  return {
    productName: brand.productName,
    accentColor: brand.accent?.color ?? null,
    logoPng: logo === null ? null : new Uint8Array(logo),
    supportEmail: brand.support.email,
    supportUrl: brand.support.url,
  };
}

/** Reads and builds a customer's statement. */
export async function customerStatement(
  deps: Deps,
  customerId: number,
  scope: StatementScope,
): Promise<StatementDocument> {
  return buildStatement(await loadStatementData(deps, customerId, scope));
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('a total exceeds 2^53 − 1 minor units; it would not be exact');
  }
  return Number(value);
}

/** The statement document from its data: pure, deterministic for the same data. */
export function buildStatement(data: StatementData): StatementDocument {
  const items = data.items.map((item): StatementItem => {
    const rules = data.rules.get(`${item.agreementId}:${item.policy.version}`);
    const creditRule = rules === undefined ? null : explainCredit(item, rules);
    return { ...item, creditRule, creditRuleText: creditRule?.text ?? noCreditText(item) };
  });
  const kinds = new Map(data.agreements.map((agreement) => [agreement.id, agreement.kind]));
  const support = data.support.map(
    (entry): StatementSupport => ({
      agreementId: entry.agreementId,
      months:
        entry.months === null
          ? null
          : entry.months.map((month) =>
              supportMonthLine(month, kinds.get(entry.agreementId) ?? 'customer', data.claims),
            ),
    }),
  );
  const totals = new Map<
    string,
    { credit: bigint; support: bigint; approved: bigint; credited: bigint }
  >();
  const totalOf = (currency: string) => {
    let total = totals.get(currency);
    if (total === undefined) {
      total = { credit: 0n, support: 0n, approved: 0n, credited: 0n };
      totals.set(currency, total);
    }
    return total;
  };
  for (const item of items) totalOf(item.currency).credit += BigInt(item.creditMinor);
  // Each support credit in its own currency's total: amounts of two currencies never add up.
  for (const section of support) {
    for (const month of section.months ?? []) {
      totalOf(month.currency).support += BigInt(month.creditMinor);
    }
  }
  for (const claim of data.claims) {
    if (claim.approvedAmountMinor === null) continue;
    if (claim.status !== 'approved' && claim.status !== 'credited') continue;
    const total = totalOf(claim.currency);
    total.approved += BigInt(claim.approvedAmountMinor);
    if (claim.status === 'credited') total.credited += BigInt(claim.approvedAmountMinor);
  }
  return {
    kind: data.scope.kind,
    period: scopeLabel(data.scope),
    months: data.months,
    monthsNotBegun:
      data.scope.kind === 'year'
        ? yearMonths(data.scope.year).filter((month) => !data.months.includes(month))
        : [],
    generatedAt: new Date(data.asOfMs).toISOString(),
    inProgress:
      data.notBegun.length > 0 ||
      items.some((item) => Date.parse(item.asOf) < Date.parse(item.period.end)) ||
      support.some((section) => section.months?.some((month) => !month.final)),
    provider: data.provider,
    customer: data.customer,
    agreements: data.agreements.filter(
      (agreement) =>
        items.some((item) => item.agreementId === agreement.id) ||
        support.some((section) => section.agreementId === agreement.id && section.months) ||
        data.notBegun.some((gap) => gap.agreementId === agreement.id) ||
        data.unavailable.some((gap) => gap.agreementId === agreement.id),
    ),
    items,
    support,
    claims: data.claims,
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, total]) => ({
        currency,
        creditMinor: safeNumber(total.credit + total.support),
        availabilityCreditMinor: safeNumber(total.credit),
        supportCreditMinor: safeNumber(total.support),
        approvedMinor: safeNumber(total.approved),
        creditedMinor: safeNumber(total.credited),
      })),
    notBegun: data.notBegun,
    unavailable: data.unavailable,
    portalOrigin: data.portalOrigin,
  };
}

/**
 * A support month as the statement shows it, from supportFiguresFor's figures (a decided
 * claim's frozen figures already take precedence there) and the month's claims.
 */
function supportMonthLine(
  month: NonNullable<StatementSupportData['months']>[number],
  kind: AgreementKind,
  claims: ClaimDto[],
): StatementSupportMonth {
  const { figures, targets } = month;
  const mine = claims.filter(
    (claim) =>
      claim.kind === 'support' &&
      claim.agreementId === figures.agreementId &&
      claim.period === figures.period,
  );
  // The claim that stands: the live one, else the latest (as the support screen picks it).
  const live = mine.filter((claim) => claim.status !== 'rejected' && claim.status !== 'withdrawn');
  const claim = live.at(-1) ?? mine.at(-1) ?? null;
  const decided = mine.some((each) => each.status === 'approved' || each.status === 'credited');
  const targetPercent = figures.targetPercent ?? 100;
  const target = fromDecimal(targetPercent);
  return {
    agreementId: figures.agreementId,
    month: figures.period,
    policy: month.policy,
    status: figures.status === 'not-covered' ? 'not-covered' : 'evaluated',
    final: figures.final,
    met: figures.met,
    targetPercent: figures.targetPercent,
    objectives: figures.objectives.map((objective): SupportObjectiveLine => {
      const terms = targets.find((each) => each.priority === objective.priority);
      const decidedCount = objective.met + objective.missed;
      return {
        priority: objective.priority,
        kind: objective.kind,
        targetMinutes:
          terms === undefined
            ? null
            : objective.kind === 'firstResponse'
              ? terms.firstResponseMinutes
              : terms.resolutionMinutes,
        calendar: terms?.calendar ?? null,
        met: objective.met,
        missed: objective.missed,
        pending: objective.pending,
        attainmentPercent: objective.attainmentPercent,
        attainmentDisplay: objective.attainmentDisplay,
        targetPercent,
        result:
          decidedCount === 0
            ? null
            : cmp(rat(100n * BigInt(objective.met), BigInt(decidedCount)), target) >= 0
              ? 'met'
              : 'missed',
      };
    }),
    creditPercent: figures.creditPercent,
    // An internal agreement is a report between our own teams: it states no amount (ADR 199).
    creditMinor: kind === 'internal' ? 0 : figures.creditMinor,
    currency: figures.currency ?? NO_CURRENCY,
    claimDeadline: kind === 'internal' ? null : figures.claimDeadline,
    requestCount: figures.requestCount,
    automatedResponseCount: figures.automatedResponseCount,
    pendingCount: figures.pendingCount,
    source: decided ? 'decided-claim' : 'computed',
    claim: claim === null ? null : { id: claim.id, status: claim.status },
  };
}

function noCreditText(item: AvailabilityItem): string {
  switch (item.status) {
    case 'not-monitored':
      return 'No credit: nothing was measured this month.';
    case 'not-covered':
      return 'No credit: the agreement did not cover this month.';
    case 'no-eligible-time':
      return 'No credit: no time counted (all of it was excluded).';
    case 'evaluated':
      return `${moneyText(item.creditMinor, item.currency)} under the rules of policy version ${item.policy.version}.`;
  }
}

const pct = (value: number) => `${String(value)} %`;

interface ExactRules {
  tiers: { belowPercent: number; creditPercent: number; below: Rational; credit: Rational }[];
  creditDays: Rational;
  cap: Rational;
}

/**
 * A policy's decimals as exact values, once per parsed policy (they are shared: see
 * `loadAgreements`): a run explains hundreds of thousands of credits under a few policies.
 */
const exactRulesMemo = new WeakMap<Policy, ExactRules>();

function exactRules(rules: Policy): ExactRules {
  let exact = exactRulesMemo.get(rules);
  if (exact === undefined) {
    exact = {
      tiers: rules.tiers.map((tier) => ({
        belowPercent: tier.belowPercent,
        creditPercent: tier.creditPercent,
        below: fromDecimal(tier.belowPercent),
        credit: fromDecimal(tier.creditPercent),
      })),
      creditDays: rules.dailyRule === null ? ZERO : fromDecimal(rules.dailyRule.creditDays),
      cap: fromDecimal(rules.capPercent),
    };
    exactRulesMemo.set(rules, exact);
  }
  return exact;
}

/**
 * The tier, daily rule, cap and minimum behind a month's credit (sla-accounting §3.9–3.12),
 * recomputed exactly from the figures and the policy version. When the recomputation does not
 * give the credit shown (figures decided under rules that read differently), there is no
 * breakdown: the statement never prints an explanation that does not add up.
 */
export function explainCredit(item: AvailabilityItem, rules: Policy): CreditRule | null {
  if (item.status !== 'evaluated') return null;
  const startMs = Date.parse(item.period.start);
  const periodMs = Date.parse(item.period.end) - startMs;
  const fee = BigInt(item.monthlyFeeMinor);
  const feeBase = rat(fee * BigInt(item.coveredMs), BigInt(periodMs));
  const downtime100 = BigInt(Math.round(item.downtimeMs * 100));
  const eligible = BigInt(item.eligibleMs);
  const availability = rat(100n * eligible - downtime100, eligible);

  const exact = exactRules(rules);
  let tier: { belowPercent: number; creditPercent: number; credit: Rational } | null = null;
  for (const candidate of exact.tiers) {
    if (
      cmp(availability, candidate.below) < 0 &&
      (tier === null || cmp(candidate.credit, tier.credit) > 0)
    ) {
      tier = candidate;
    }
  }
  const tierAmount =
    tier === null || cmp(tier.credit, ZERO) === 0
      ? ZERO
      : mul(feeBase, { n: tier.credit.n, d: tier.credit.d * 100n });
  const bounds = periodBounds(item.month, item.timeZone);
  const days = item.qualifyingDays.length;
  const daily = rules.dailyRule;
  const dailyAmount =
    daily === null || days === 0
      ? ZERO
      : mul(exact.creditDays, {
          n: BigInt(days) * fee,
          d: BigInt(bounds.daysInMonth),
        });
  const uncapped = add(tierAmount, dailyAmount);
  const capRate = exact.cap;
  const cap = mul(feeBase, { n: capRate.n, d: capRate.d * 100n });
  const capped = cmp(uncapped, cap) > 0;
  const rounded = roundMoneyHalfUp(capped ? cap : uncapped);
  const belowMinimum = rounded > 0n && rounded < BigInt(rules.minimumCreditMinor);
  const credit = belowMinimum ? 0n : rounded;
  if (credit !== BigInt(item.creditMinor) || capped !== item.capped) return null;

  const currency = item.currency;
  const money = (amount: Rational | bigint) =>
    moneyText(typeof amount === 'bigint' ? amount : roundMoneyHalfUp(amount), currency);
  const feeBaseMinor = roundMoneyHalfUp(feeBase);
  const prorated = cmp(feeBase, { n: fee, d: 1n }) !== 0;
  const feeWords = prorated
    ? `${money(feeBaseMinor)} (the fee for the covered part of the month)`
    : money(feeBaseMinor);
  const parts: string[] = [];
  const tierApplies = tier !== null && cmp(tier.credit, ZERO) > 0;
  if (tier !== null && tierApplies) {
    parts.push(
      `${pct(tier.creditPercent)} (availability below ${pct(tier.belowPercent)}) of ${feeWords} = ${money(tierAmount)}`,
    );
  }
  if (daily !== null && days > 0) {
    parts.push(
      `daily rule: ${days} ${days === 1 ? 'day' : 'days'} with over ${daily.thresholdMinutes} min of downtime × ${daily.creditDays} × the day’s fee (${money(fee)} / ${bounds.daysInMonth}) = ${money(dailyAmount)}`,
    );
  }
  let text: string;
  if (parts.length === 0) {
    text = `No credit: no tier applies at ${item.availabilityDisplay} %${daily === null ? '' : ' and no day qualifies for the daily rule'}.`;
  } else {
    text = parts.join(' + ');
    if (parts.length > 1) text += ` = ${money(uncapped)}`;
    if (capped) {
      text += `; capped at ${pct(rules.capPercent)} of the fee = ${money(cap)}`;
    }
    if (belowMinimum) {
      text += `; below the minimum credit of ${money(BigInt(rules.minimumCreditMinor))}, so none is issued`;
    }
    text += '.';
  }
  return {
    feeMinor: item.monthlyFeeMinor,
    feeBaseMinor: Number(feeBaseMinor),
    prorated,
    tier:
      tier !== null && tierApplies
        ? {
            belowPercent: tier.belowPercent,
            creditPercent: tier.creditPercent,
            amountMinor: Number(roundMoneyHalfUp(tierAmount)),
          }
        : null,
    daily:
      daily !== null && days > 0
        ? {
            days,
            thresholdMinutes: daily.thresholdMinutes,
            creditDays: daily.creditDays,
            daysInMonth: bounds.daysInMonth,
            amountMinor: Number(roundMoneyHalfUp(dailyAmount)),
          }
        : null,
    capPercent: rules.capPercent,
    capMinor: item.capMinor,
    capped,
    belowMinimumMinor: belowMinimum ? rules.minimumCreditMinor : null,
    creditMinor: item.creditMinor,
    text,
  };
}

/** The statement as JSON: the machine fields (minor units, milliseconds, UTC, slugs). */
export function statementJson(document: StatementDocument) {
  return {
    kind: document.kind,
    period: document.period,
    months: document.months,
    monthsNotBegun: document.monthsNotBegun,
    generatedAt: document.generatedAt,
    customer: { id: document.customer.id, name: document.customer.name },
    items: document.items.map(({ creditRule: _, ...item }) => item),
    agreements: document.agreements.map((agreement) => ({
      id: agreement.id,
      kind: agreement.kind,
      timeZone: agreement.timeZone,
      support:
        document.support.find((section) => section.agreementId === agreement.id)?.months ?? null,
    })),
    claims: document.claims.map((claim) => ({
      id: claim.id,
      agreementId: claim.agreementId,
      kind: claim.kind,
      service: claim.service,
      serviceName: claim.serviceName,
      period: claim.period,
      status: claim.status,
      computedCreditMinor: claim.computedCreditMinor,
      approvedAmountMinor: claim.approvedAmountMinor,
      currency: claim.currency,
      invoiceReference: claim.invoiceReference,
      createdAt: claim.createdAt,
      decidedAt: claim.decidedAt,
      creditedAt: claim.creditedAt,
    })),
    totals: document.totals,
    notBegun: document.notBegun,
    unavailable: document.unavailable,
  };
}
