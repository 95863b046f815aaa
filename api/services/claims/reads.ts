import { and, asc, count, eq, gte, lte, type SQL } from 'drizzle-orm';
import { type ClaimStatus, claims, customers } from '../../../db/schema/index.ts';
import type { Deps } from '../../context.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../../infra/pagination.ts';
import type { EvaluationResult } from '../../sla/index.ts';
import { type TerminationRight, terminationRight } from '../availability.ts';
import {
  decidedClaims,
  evaluatePeriods,
  type LoadedAgreement,
  loadAgreements,
  sameFigures,
  storedEvaluation,
  versionInForce,
  windowScopeOf,
  windowsForRange,
} from '../sla-figures.ts';
import { type SupportMonth, staffSupportMonth } from '../support.ts';
import { correctionsMeeting } from '../windows.ts';

import { type ClaimDto, claimDtos, loadClaim, trail } from './model.ts';

/** Claims as customers and staff list and open them. */

export interface ClaimListFilter {
  status?: ClaimStatus | undefined;
  customerId?: number | undefined;
  period?: string | undefined;
  /** Filed at least this many days ago. */
  minAgeDays?: number | undefined;
  maxAgeDays?: number | undefined;
  minAmountMinor?: number | undefined;
  maxAmountMinor?: number | undefined;
}

function filterConditions(filter: ClaimListFilter, nowMs: number): SQL[] {
  const day = 86_400_000;
  return [
    filter.status === undefined ? undefined : eq(claims.status, filter.status),
    filter.customerId === undefined ? undefined : eq(claims.customerId, filter.customerId),
    filter.period === undefined ? undefined : eq(claims.period, filter.period),
    filter.minAgeDays === undefined
      ? undefined
      : lte(claims.createdAt, new Date(nowMs - filter.minAgeDays * day)),
    filter.maxAgeDays === undefined
      ? undefined
      : gte(claims.createdAt, new Date(nowMs - filter.maxAgeDays * day)),
    filter.minAmountMinor === undefined
      ? undefined
      : gte(claims.computedCreditMinor, filter.minAmountMinor),
    filter.maxAmountMinor === undefined
      ? undefined
      : lte(claims.computedCreditMinor, filter.maxAmountMinor),
  ].filter((condition): condition is SQL => condition !== undefined);
}

/** The customer's claims, oldest first, paged. */
export async function listCustomerClaims(
  deps: Deps,
  customerId: number,
  filter: Pick<ClaimListFilter, 'status' | 'period'>,
  page: PageQuery,
): Promise<Page<ClaimDto>> {
  const rows = await deps.db.db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.customerId, customerId),
        ...filterConditions(filter, deps.clock.now()),
        afterCursor(claims.id, page),
      ),
    )
    .orderBy(asc(claims.id))
    .limit(page.limit + 1);
  const dtos = await claimDtos(deps.db.db, rows);
  return toPage(
    rows.map((row, index) => ({ id: row.id, dto: dtos[index] as ClaimDto })),
    page,
    (row) => row.dto,
  );
}

export async function customerClaim(deps: Deps, customerId: number, id: number) {
  const row = await loadClaim(deps.db.db, id, customerId);
  const [dto] = await claimDtos(deps.db.db, [row]);
  return { ...(dto as ClaimDto), ...(await trail(deps.db.db, row.id, false)) };
}

export interface StaffClaimDto extends ClaimDto {
  customer: { id: number; name: string };
  /** Days since filing, whole days. */
  ageDays: number;
}

/** The claims queue: filtered, oldest first, paged, with the count per status. */
export async function listStaffClaims(
  deps: Deps,
  filter: ClaimListFilter,
  page: PageQuery,
): Promise<Page<StaffClaimDto> & { counts: Record<ClaimStatus, number> }> {
  const nowMs = deps.clock.now();
  const { db } = deps.db;
  const rows = await db
    .select({ claim: claims, customerName: customers.name })
    .from(claims)
    .innerJoin(customers, eq(customers.id, claims.customerId))
    .where(and(...filterConditions(filter, nowMs), afterCursor(claims.id, page)))
    .orderBy(asc(claims.id))
    .limit(page.limit + 1);
  const dtos = await claimDtos(
    db,
    rows.map((row) => row.claim),
  );
  const countRows = await db
    .select({ status: claims.status, n: count() })
    .from(claims)
    .where(and(...filterConditions({ ...filter, status: undefined }, nowMs)))
    .groupBy(claims.status);
  const counts = { submitted: 0, approved: 0, rejected: 0, credited: 0, withdrawn: 0 };
  for (const row of countRows) counts[row.status] = row.n;
  const pageResult = toPage(
    rows.map((row, index) => ({
      id: row.claim.id,
      dto: {
        ...(dtos[index] as ClaimDto),
        customer: { id: row.claim.customerId, name: row.customerName },
        ageDays: Math.floor((nowMs - row.claim.createdAt.getTime()) / 86_400_000),
      },
    })),
    page,
    (row) => row.dto,
  );
  return { ...pageResult, counts };
}

/**
 * A claim for staff: the stored evaluation beside a fresh one on today's windows, the
 * window corrections that touched the period, the agreement's termination right, and the
 * whole trail with internal notes.
 */
export async function staffClaim(deps: Deps, id: number) {
  const { db } = deps.db;
  const row = await loadClaim(db, id);
  const [dto] = await claimDtos(db, [row]);
  const customer = await db.select().from(customers).where(eq(customers.id, row.customerId)).get();
  const [agreement] = await loadAgreements(db, { agreementIds: [row.agreementId] });
  const nowMs = deps.clock.now();
  const trailOf = await trail(db, row.id, true);
  const customerOf = { id: row.customerId, name: customer?.name ?? '' };
  if (row.kind === 'support' || row.serviceId === null) {
    // The support figures as they are now, with each request's times, beside the stored ones.
    const support: SupportMonth | null = agreement
      ? await staffSupportMonth(deps, agreement.id, row.period)
      : null;
    const stored = (dto as ClaimDto).supportEvaluation;
    return {
      ...(dto as ClaimDto),
      customer: customerOf,
      freshEvaluation: null,
      freshDiffers:
        support?.evaluation != null &&
        stored !== null &&
        (support.evaluation.creditMinor !== stored.creditMinor ||
          support.evaluation.met !== stored.met ||
          JSON.stringify(support.evaluation.objectives) !== JSON.stringify(stored.objectives)),
      corrections: [],
      termination: null,
      support,
      ...trailOf,
    };
  }
  const serviceId = row.serviceId;
  let fresh: EvaluationResult | null = null;
  let termination: TerminationRight | null = null;
  if (agreement) {
    const [figures] = await evaluatePeriods(deps, agreement, [row.period], nowMs, {
      serviceIds: [serviceId],
    });
    fresh = figures?.evaluation ?? null;
    const decided = await decidedClaims(db, [agreement.id]);
    termination = await terminationRight(deps, agreement, decided, nowMs);
  }
  const stored = storedEvaluation(row.evaluation);
  const reach = await claimReach(deps, serviceId, row.period, stored, agreement, nowMs);
  const corrections = await correctionsMeeting(deps, serviceId, reach);
  return {
    ...(dto as ClaimDto),
    customer: customerOf,
    freshEvaluation: fresh,
    freshDiffers: fresh !== null && !sameFigures(stored, fresh),
    corrections,
    termination,
    support: null,
    ...trailOf,
  };
}

/**
 * The time whose windows can change a claim's figures: its period widened, as the engine
 * requires (sla-accounting §6.11), to every outage run reaching into it — the period and
 * the extent of every window fetched for it under the claim's policy version.
 */
async function claimReach(
  deps: Deps,
  serviceId: number,
  period: string,
  stored: EvaluationResult,
  agreement: LoadedAgreement | undefined,
  nowMs: number,
): Promise<{ startMs: number; endMs: number }> {
  const bounds = { startMs: Date.parse(stored.period.start), endMs: Date.parse(stored.period.end) };
  if (!agreement) return bounds;
  const { windows } = await windowsForRange(
    deps.db.db,
    serviceId,
    versionInForce(agreement, period).rules,
    bounds,
    nowMs,
    { scope: windowScopeOf(agreement) },
  );
  let { startMs, endMs } = bounds;
  for (const window of windows) {
    startMs = Math.min(startMs, Date.parse(window.start));
    endMs = Math.max(
      endMs,
      window.end === null ? Number.POSITIVE_INFINITY : Date.parse(window.end),
    );
  }
  return { startMs, endMs };
}
