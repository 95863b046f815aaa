import { and, asc, count, eq, inArray, type SQL, sql, sum } from 'drizzle-orm';
import {
  agreements,
  type ClaimKind,
  claims,
  credits,
  customers,
  services,
  users,
} from '../../../db/schema/index.ts';
import type { Deps } from '../../context.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../../infra/pagination.ts';

import { type ClaimDto, claimDtos, SUPPORT_SLOT } from './model.ts';

/** The credits ledger: approved claims as amounts owed, listed and totalled. */

export interface CreditDto {
  id: number;
  claimId: number;
  customer: { id: number; name: string };
  agreementId: number;
  /** The agreement's zone: the month is counted in it, and people read the times in it. */
  timeZone: string;
  kind: ClaimKind;
  /** The service's slug, or `support`. */
  service: string;
  serviceName: string;
  period: string;
  amountMinor: number;
  currency: string;
  approvedAt: string;
  approvedBy: string;
  invoiceReference: string | null;
  creditedAt: string | null;
}

export interface CreditFilter {
  customerId?: number | undefined;
  period?: string | undefined;
}

function creditConditions(filter: CreditFilter): SQL[] {
  return [
    filter.customerId === undefined ? undefined : eq(credits.customerId, filter.customerId),
    filter.period === undefined ? undefined : eq(credits.period, filter.period),
  ].filter((condition) => condition !== undefined);
}

export async function listCredits(
  deps: Deps,
  filter: CreditFilter,
  page: PageQuery | null,
): Promise<Page<CreditDto>> {
  const { db } = deps.db;
  const conditions = [
    ...creditConditions(filter),
    page === null ? undefined : afterCursor(credits.id, page),
  ].filter((condition) => condition !== undefined);
  const query = db
    .select({
      credit: credits,
      customerName: customers.name,
      slug: services.slug,
      serviceName: services.name,
      timeZone: agreements.timeZone,
      approver: users.email,
    })
    .from(credits)
    .innerJoin(customers, eq(customers.id, credits.customerId))
    .leftJoin(services, eq(services.id, credits.serviceId))
    .innerJoin(agreements, eq(agreements.id, credits.agreementId))
    .innerJoin(users, eq(users.id, credits.approvedByUserId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(credits.id));
  const rows = page === null ? await query : await query.limit(page.limit + 1);
  const shaped = rows.map((row) => ({
    id: row.credit.id,
    dto: {
      id: row.credit.id,
      claimId: row.credit.claimId,
      customer: { id: row.credit.customerId, name: row.customerName },
      agreementId: row.credit.agreementId,
      timeZone: row.timeZone,
      kind: row.credit.kind,
      service: row.slug ?? SUPPORT_SLOT.slug,
      serviceName: row.serviceName ?? SUPPORT_SLOT.name,
      period: row.credit.period,
      amountMinor: row.credit.amountMinor,
      currency: row.credit.currency,
      approvedAt: row.credit.approvedAt.toISOString(),
      approvedBy: row.approver,
      invoiceReference: row.credit.invoiceReference,
      creditedAt: row.credit.creditedAt?.toISOString() ?? null,
    },
  }));
  if (page === null) return { items: shaped.map((row) => row.dto), nextCursor: null };
  return toPage(shaped, page, (row) => row.dto);
}

/** Credits of one currency: approved in all, and the part already credited on invoices. */
export interface CreditTotal {
  currency: string;
  count: number;
  amountMinor: number;
  creditedMinor: number;
}

export interface CreditTotals {
  /** Every matching entry, per currency: amounts of different currencies are never added. */
  byCurrency: CreditTotal[];
  /** Per customer and currency, customers by name. */
  byCustomer: (CreditTotal & { customer: { id: number; name: string } })[];
}

/**
 * The ledger's totals over every entry the filter matches (not one page), summed by the
 * database in integer minor units.
 */
export async function creditTotals(deps: Deps, filter: CreditFilter): Promise<CreditTotals> {
  const { db } = deps.db;
  const conditions = creditConditions(filter);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const figures = {
    currency: credits.currency,
    count: count(),
    amountMinor: sum(credits.amountMinor).mapWith(Number),
    creditedMinor:
      sql<number>`coalesce(sum(case when ${credits.creditedAt} is not null then ${credits.amountMinor} else 0 end), 0)`.mapWith(
        Number,
      ),
  };
  const byCurrency = await db
    .select(figures)
    .from(credits)
    .where(where)
    .groupBy(credits.currency)
    .orderBy(asc(credits.currency));
  const byCustomer = await db
    .select({ ...figures, customerId: credits.customerId, customerName: customers.name })
    .from(credits)
    .innerJoin(customers, eq(customers.id, credits.customerId))
    .where(where)
    .groupBy(credits.customerId, credits.currency)
    .orderBy(asc(customers.name), asc(credits.customerId), asc(credits.currency));
  return {
    byCurrency: byCurrency.map((row) => ({ ...row, amountMinor: row.amountMinor ?? 0 })),
    byCustomer: byCustomer.map(({ customerId, customerName, ...row }) => ({
      customer: { id: customerId, name: customerName },
      ...row,
      amountMinor: row.amountMinor ?? 0,
    })),
  };
}

/** A customer's claims (any status) for the given months, oldest first: for statements. */
export async function claimsForPeriods(
  deps: Deps,
  customerId: number,
  periods: string[],
): Promise<ClaimDto[]> {
  if (periods.length === 0) return [];
  const rows = await deps.db.db
    .select()
    .from(claims)
    .where(and(eq(claims.customerId, customerId), inArray(claims.period, periods)))
    .orderBy(asc(claims.id));
  return claimDtos(deps.db.db, rows);
}
