import { asc, eq } from 'drizzle-orm';
import { agreements, customers } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import {
  type EvaluationResult,
  formatInstant,
  type Policy,
  periodBounds,
  shiftPeriod,
} from '../sla/index.ts';
import {
  currentPeriod,
  evaluatePeriods,
  type Figures,
  type LoadedAgreement,
  loadAgreements,
} from './sla-figures.ts';
import {
  getPolicy,
  type PolicyChange,
  type PolicyVersionDto,
  planVersion,
  ruleChanges,
} from './staff-policies.ts';

/**
 * The dry run of a new policy version (docs/decisions/140-policy-version-preview.md): for
 * every agreement on the policy, per service and month, the figures as the API gives them
 * now beside the figures the proposed rules would give, both from `evaluatePeriods` — the
 * same code as GET /me/availability, statements and claims — so a preview never disagrees
 * with what the portal later shows.
 */

/** Closed months shown, per agreement, counted back from its current month. */
export const PREVIEW_MONTHS = 12;

export interface PreviewFigures {
  status: EvaluationResult['status'];
  availabilityPercent: number | null;
  availabilityDisplay: string | null;
  met: boolean | null;
  eligibleMs: number;
  downtimeMs: number;
  creditPercent: number;
  creditMinor: number;
  capped: boolean;
}

export interface PreviewRow {
  service: string;
  serviceName: string;
  /** `YYYY-MM` in the agreement's zone. */
  month: string;
  /** The agreement's current month, measured up to `asOf` (shown only when the version would govern it). */
  toDate: boolean;
  currency: string;
  monthlyFeeMinor: number;
  /** The figures now, under the version in force for the month (`version`). */
  current: PreviewFigures & { version: number };
  /** The figures under the proposed version's rules. */
  proposed: PreviewFigures;
  /** Whether any figure shown (status, availability, met, credit) differs. */
  differs: boolean;
}

export interface CurrencyTotal {
  currency: string;
  currentCreditMinor: number;
  proposedCreditMinor: number;
}

export interface PreviewAgreement {
  id: number;
  customer: { id: number; name: string };
  timeZone: string;
  active: boolean;
  /** Oldest month first, services in display order. */
  rows: PreviewRow[];
  totals: CurrencyTotal[];
}

export interface PolicyVersionPreview {
  policy: { id: number; name: string };
  /** The version saving would create. */
  version: number;
  effectiveFrom: string;
  rules: Policy;
  /** The version it follows, whose rules it inherits. */
  follows: Pick<PolicyVersionDto, 'version' | 'effectiveFrom' | 'rules'>;
  /** The rule fields the new version changes (empty: identical to the one it follows). */
  changedFields: (keyof Policy)[];
  /** The instant of the evaluation: the current months are measured up to it. */
  asOf: string;
  agreements: PreviewAgreement[];
  /** Per currency, over every row shown. */
  totals: CurrencyTotal[];
}

function figuresOf(evaluation: EvaluationResult): PreviewFigures {
  return {
    status: evaluation.status,
    availabilityPercent: evaluation.availabilityPercent,
    availabilityDisplay: evaluation.availabilityDisplay,
    met: evaluation.met,
    eligibleMs: evaluation.eligibleMs,
    downtimeMs: evaluation.downtimeMs,
    creditPercent: evaluation.creditPercent,
    creditMinor: evaluation.creditMinor,
    capped: evaluation.capped,
  };
}

function differ(a: PreviewFigures, b: PreviewFigures): boolean {
  return (
    a.status !== b.status ||
    a.availabilityPercent !== b.availabilityPercent ||
    a.met !== b.met ||
    a.creditMinor !== b.creditMinor
  );
}

function addTotals(totals: Map<string, CurrencyTotal>, row: PreviewRow): void {
  const total = totals.get(row.currency) ?? {
    currency: row.currency,
    currentCreditMinor: 0,
    proposedCreditMinor: 0,
  };
  total.currentCreditMinor += row.current.creditMinor;
  total.proposedCreditMinor += row.proposed.creditMinor;
  totals.set(row.currency, total);
}

const sortedTotals = (totals: Map<string, CurrencyTotal>) =>
  [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));

/** The agreement as if every month were governed by `rules`: the substituted policy. */
function underRules(agreement: LoadedAgreement, rules: Policy): LoadedAgreement {
  const first = agreement.versions[0];
  if (!first) throw new Error(`policy ${agreement.policyId} has no version`);
  return { ...agreement, versions: [{ ...first, effectiveFrom: '0000-01', rules }] };
}

/** The periods the preview shows for an agreement: closed ones, and the current one if governed. */
function periodsFor(agreement: LoadedAgreement, effectiveFrom: string, nowMs: number): string[] {
  const current = currentPeriod(agreement, nowMs);
  const periods: string[] = [];
  for (let back = PREVIEW_MONTHS; back >= 1; back -= 1) periods.push(shiftPeriod(current, -back));
  // The new version already governs the month under way: show what it does to it so far.
  if (effectiveFrom <= current) periods.push(current);
  return periods.filter((period) => {
    const bounds = periodBounds(period, agreement.timeZone);
    return (
      agreement.startMs < bounds.endMs &&
      (agreement.endMs === null || agreement.endMs > bounds.startMs)
    );
  });
}

function toKey(figure: Figures): string {
  return `${figure.service.serviceId}|${figure.period}`;
}

/**
 * Previews a new version of a policy without saving it: refuses what saving would refuse
 * (a closed month, a month not after the latest version's, invalid merged rules), then
 * evaluates every agreement on the policy under the current versions and under the
 * proposed rules.
 */
export async function previewPolicyVersion(
  deps: Deps,
  policyId: number,
  input: { effectiveFrom?: string | undefined; change: PolicyChange },
): Promise<PolicyVersionPreview> {
  const policy = await getPolicy(deps, policyId);
  const nowMs = deps.clock.now();
  const planned = planVersion(policy, input, nowMs);
  const rows = await deps.db.db
    .select({ id: agreements.id, customerId: customers.id, customerName: customers.name })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(eq(agreements.policyId, policyId))
    .orderBy(asc(customers.name), asc(agreements.id));
  const loaded =
    rows.length === 0
      ? []
      : await loadAgreements(deps.db.db, { agreementIds: rows.map((row) => row.id) });
  const byId = new Map(loaded.map((agreement) => [agreement.id, agreement]));
  const overall = new Map<string, CurrencyTotal>();
  const previews: PreviewAgreement[] = [];
  for (const row of rows) {
    const agreement = byId.get(row.id);
    if (!agreement) continue;
    const periods = periodsFor(agreement, planned.effectiveFrom, nowMs);
    const current = await evaluatePeriods(deps, agreement, periods, nowMs);
    const proposed = await evaluatePeriods(
      deps,
      underRules(agreement, planned.rules),
      periods,
      nowMs,
    );
    const proposedByKey = new Map(proposed.map((figure) => [toKey(figure), figure]));
    const totals = new Map<string, CurrencyTotal>();
    const previewRows: PreviewRow[] = [];
    for (const figure of current) {
      const other = proposedByKey.get(toKey(figure));
      if (!other || figure.evaluation.status === 'not-covered') continue;
      const currentFigures = figuresOf(figure.evaluation);
      const proposedFigures = figuresOf(other.evaluation);
      const previewRow: PreviewRow = {
        service: figure.service.slug,
        serviceName: figure.service.name,
        month: figure.period,
        toDate: figure.period === currentPeriod(agreement, nowMs),
        currency: figure.service.currency,
        monthlyFeeMinor: figure.service.monthlyFeeMinor,
        current: { ...currentFigures, version: figure.policy.version },
        proposed: proposedFigures,
        differs: differ(currentFigures, proposedFigures),
      };
      previewRows.push(previewRow);
      addTotals(totals, previewRow);
      addTotals(overall, previewRow);
    }
    previewRows.sort((a, b) => a.month.localeCompare(b.month));
    previews.push({
      id: agreement.id,
      customer: { id: row.customerId, name: row.customerName },
      timeZone: agreement.timeZone,
      active: agreement.active,
      rows: previewRows,
      totals: sortedTotals(totals),
    });
  }
  return {
    policy: { id: policy.id, name: policy.name },
    version: planned.version,
    effectiveFrom: planned.effectiveFrom,
    rules: planned.rules,
    follows: {
      version: planned.base.version,
      effectiveFrom: planned.base.effectiveFrom,
      rules: planned.base.rules,
    },
    changedFields: Object.keys(ruleChanges(planned.base.rules, planned.rules)) as (keyof Policy)[],
    asOf: formatInstant(nowMs),
    agreements: previews,
    totals: sortedTotals(overall),
  };
}
