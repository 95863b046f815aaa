import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { agreementServices, customers, services, windows } from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { notFound } from '../domain-errors.ts';
import { type EvaluationResult, periodBounds, periodOf, shiftPeriod } from '../sla/index.ts';
import { monthsTouched } from './maintenance-notice.ts';
import {
  decidedClaims,
  evaluatePeriods,
  type LoadedAgreement,
  loadAgreements,
  sameFigures,
  tripleKey,
} from './sla-figures.ts';
import { applyCorrection, type CorrectionDto, type CorrectionInput } from './windows.ts';

/**
 * What a window correction would change, before it is saved
 * (docs/decisions/133-correction-preview.md): the correction is applied in a transaction,
 * every (customer, agreement, service, month) it can reach is evaluated before and after by
 * the engine, and the transaction is rolled back. Decided claims are flagged: their figures
 * stay frozen and the correction will show beside them (sla-accounting §4).
 */

export interface FigureSummary {
  status: EvaluationResult['status'];
  downtimeMs: number;
  eligibleMs: number;
  availabilityDisplay: string | null;
  met: boolean | null;
  creditMinor: number;
  currency: string;
}

export interface TouchedPeriod {
  customer: { id: number; name: string };
  agreementId: number;
  timeZone: string;
  service: string;
  period: string;
  before: FigureSummary;
  after: FigureSummary;
  /** The figures differ. */
  changed: boolean;
  /** An approved or credited claim of this triple: its figures stay as decided. */
  decidedClaim: { id: number; status: 'approved' | 'credited' } | null;
}

export interface CorrectionPreview {
  /** The correction as it would be recorded (its id is not kept). */
  correction: Omit<CorrectionDto, 'id' | 'createdAt'>;
  items: TouchedPeriod[];
}

function summary(evaluation: EvaluationResult): FigureSummary {
  return {
    status: evaluation.status,
    downtimeMs: evaluation.downtimeMs,
    eligibleMs: evaluation.eligibleMs,
    availabilityDisplay: evaluation.availabilityDisplay,
    met: evaluation.met,
    creditMinor: evaluation.creditMinor,
    currency: evaluation.currency,
  };
}

/** Carries the preview out of the transaction it rolls back. */
class RolledBack extends Error {
  readonly preview: CorrectionPreview;
  constructor(preview: CorrectionPreview) {
    super('preview rolled back');
    this.preview = preview;
  }
}

/**
 * The months of an agreement a change of `[startMs, endMs)` can reach: those it overlaps and,
 * since an outage run is judged whole across a month boundary (§3.5, §6.11), the month on
 * either side. Only months that have begun and that the agreement covers.
 */
function reachableMonths(
  agreement: LoadedAgreement,
  extent: { startMs: number; endMs: number },
  nowMs: number,
): { months: string[]; overlapped: Set<string> } {
  const overlapped = new Set(monthsTouched(extent.startMs, extent.endMs, agreement.timeZone));
  const first = periodOf(extent.startMs, agreement.timeZone);
  const last = [...overlapped].at(-1) ?? first;
  const current = periodOf(nowMs, agreement.timeZone);
  const months: string[] = [];
  for (let month = shiftPeriod(first, -1); month <= shiftPeriod(last, 1); ) {
    const bounds = periodBounds(month, agreement.timeZone);
    const covered =
      bounds.endMs > agreement.startMs &&
      (agreement.endMs === null || bounds.startMs < agreement.endMs);
    if (month <= current && covered) months.push(month);
    month = shiftPeriod(month, 1);
  }
  return { months, overlapped };
}

async function figuresOf(
  deps: Deps,
  tx: Tx,
  agreements: LoadedAgreement[],
  monthsOf: Map<number, string[]>,
  serviceId: number,
  nowMs: number,
) {
  const figures = new Map<string, EvaluationResult>();
  for (const agreement of agreements) {
    const months = monthsOf.get(agreement.id) ?? [];
    if (months.length === 0) continue;
    const found = await evaluatePeriods(deps, agreement, months, nowMs, {
      serviceIds: [serviceId],
      reader: tx,
    });
    for (const figure of found) {
      figures.set(tripleKey(agreement.id, serviceId, figure.period), figure.evaluation);
    }
  }
  return figures;
}

export async function previewCorrection(
  ctx: StaffContext,
  windowId: number,
  input: CorrectionInput,
): Promise<CorrectionPreview> {
  const { deps } = ctx;
  try {
    await deps.db.write(async (tx) => {
      const nowMs = deps.clock.now();
      const row = await tx
        .select({ window: windows, slug: services.slug })
        .from(windows)
        .innerJoin(services, eq(services.id, windows.serviceId))
        .where(eq(windows.id, windowId))
        .get();
      if (!row) throw notFound(`There is no window ${windowId}.`);
      const { window } = row;
      const agreementIds = (
        await tx
          .select({ id: agreementServices.agreementId })
          .from(agreementServices)
          .where(eq(agreementServices.serviceId, window.serviceId))
      ).map((entry) => entry.id);
      const agreements = agreementIds.length
        ? await loadAgreements(tx, { agreementIds: [...new Set(agreementIds)] })
        : [];
      // The extent before and after, an open window reaching to now; the correction's own
      // checks run first, so a refused correction is refused here alike.
      const before = {
        startMs: window.start.getTime(),
        endMs: window.end?.getTime() ?? nowMs,
      };
      const after = {
        startMs: input.startMs ?? before.startMs,
        endMs: input.endMs ?? window.end?.getTime() ?? nowMs,
      };
      const extent = {
        startMs: Math.min(before.startMs, after.startMs),
        endMs: Math.max(before.endMs, after.endMs, Math.min(before.startMs, after.startMs) + 1),
      };
      const monthsOf = new Map<number, string[]>();
      const overlappedOf = new Map<number, Set<string>>();
      for (const agreement of agreements) {
        const reach = reachableMonths(agreement, extent, nowMs);
        monthsOf.set(agreement.id, reach.months);
        overlappedOf.set(agreement.id, reach.overlapped);
      }
      const beforeFigures = await figuresOf(
        deps,
        tx,
        agreements,
        monthsOf,
        window.serviceId,
        nowMs,
      );
      const correction = await applyCorrection(tx, ctx, windowId, input);
      const afterFigures = await figuresOf(deps, tx, agreements, monthsOf, window.serviceId, nowMs);
      const decided = await decidedClaims(
        tx,
        agreements.map((agreement) => agreement.id),
      );
      const customerRows = agreements.length
        ? await tx
            .select({ id: customers.id, name: customers.name })
            .from(customers)
            .where(
              inArray(
                customers.id,
                agreements.map((agreement) => agreement.customerId),
              ),
            )
        : [];
      const items: TouchedPeriod[] = [];
      for (const agreement of agreements) {
        for (const period of monthsOf.get(agreement.id) ?? []) {
          const key = tripleKey(agreement.id, window.serviceId, period);
          const was = beforeFigures.get(key);
          const will = afterFigures.get(key);
          if (was === undefined || will === undefined) continue;
          const changed = !sameFigures(was, will);
          // A neighbouring month is listed only when the correction reaches it through a run.
          if (!changed && !overlappedOf.get(agreement.id)?.has(period)) continue;
          const claim = decided.get(key);
          items.push({
            customer: {
              id: agreement.customerId,
              name: customerRows.find((entry) => entry.id === agreement.customerId)?.name ?? '',
            },
            agreementId: agreement.id,
            timeZone: agreement.timeZone,
            service: row.slug,
            period,
            before: summary(was),
            after: summary(will),
            changed,
            decidedClaim: claim ? { id: claim.id, status: claim.status } : null,
          });
        }
      }
      const { id: _, createdAt: __, ...recorded } = correction;
      throw new RolledBack({ correction: recorded, items });
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.preview;
    throw error;
  }
  throw new Error('the correction preview neither rolled back nor failed');
}
