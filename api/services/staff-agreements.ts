import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  type AgreementKind,
  agreementServices,
  agreements,
  claims,
  customers,
  policies,
  services,
} from '../../db/schema/index.ts';
import type { AdminContext, Deps } from '../context.ts';
import {
  Conflict,
  type ErrorIssue,
  invalidInput,
  notFound,
  unprocessable,
} from '../domain-errors.ts';
import {
  afterSortedCursor,
  containsText,
  folded,
  type ListOrder,
  orderBy,
  raw,
  type SortOrder,
} from '../infra/list-order.ts';
import { type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { type BusinessHours, parseInstant, periodBounds } from '../sla/index.ts';
import { recordAudit, updateAudited } from './audit.ts';
import { agreementServiceRows } from './sla-figures.ts';

export interface AgreementServiceDto {
  serviceId: number;
  slug: string;
  name: string;
  monthlyFeeMinor: number;
  currency: string;
}

export interface AgreementDto {
  id: number;
  kind: AgreementKind;
  customerId: number;
  policyId: number;
  start: string;
  end: string | null;
  timeZone: string;
  active: boolean;
  services: AgreementServiceDto[];
  /** Business hours of sla-response.md §1 in the agreement's zone; null when none. */
  businessHours: BusinessHours | null;
  /** The monthly fee the response credit is a share of; null: no support terms. */
  supportFeeMinor: number | null;
  createdAt: string;
}

type AgreementRow = typeof agreements.$inferSelect;

function agreementDto(
  row: AgreementRow,
  lines: Awaited<ReturnType<typeof agreementServiceRows>>,
): AgreementDto {
  return {
    id: row.id,
    kind: row.kind,
    customerId: row.customerId,
    policyId: row.policyId,
    start: row.start.toISOString(),
    end: row.end?.toISOString() ?? null,
    timeZone: row.timeZone,
    active: row.active,
    services: lines
      .filter((line) => line.agreementId === row.id)
      .map(({ agreementId: _, monitoredSinceMs: __, ...line }) => line),
    businessHours: row.businessHours ?? null,
    supportFeeMinor: row.supportFeeMinor,
    createdAt: row.createdAt.toISOString(),
  };
}

function instantMs(text: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw invalidInput(`Not an instant: ${text}`);
  return ms;
}

/**
 * An internal agreement's lines carry no fee: they are stored as 0 in ISO 4217's "no
 * currency" code, so the engine's credit is always 0 (docs/decisions/195-agreement-kinds.md).
 */
export const NO_CURRENCY = 'XXX';

export interface NewAgreement {
  /** Default: `customer`. */
  kind?: AgreementKind | undefined;
  customerId: number;
  policyId: number;
  start: string;
  end?: string | null | undefined;
  /** Default: the customer's zone. */
  timeZone?: string | null | undefined;
  /** Fee and currency are required, except for an internal agreement, which has none. */
  services: {
    slug: string;
    monthlyFeeMinor?: number | undefined;
    currency?: string | undefined;
  }[];
  businessHours?: BusinessHours | null | undefined;
  supportFeeMinor?: number | null | undefined;
}

/**
 * An agreement with its services and fees. The terms are fixed once made (a change of
 * fees or services is a new agreement); only its end and active flag change later.
 */
export async function createAgreement(
  ctx: AdminContext,
  input: NewAgreement,
): Promise<AgreementDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const issues: ErrorIssue[] = [];
    const customer = await tx
      .select()
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .get();
    if (!customer) issues.push({ path: 'customerId', message: 'no such customer' });
    const policy = await tx.select().from(policies).where(eq(policies.id, input.policyId)).get();
    if (!policy?.active) {
      issues.push({ path: 'policyId', message: policy ? 'is deactivated' : 'no such policy' });
    }
    const slugs = input.services.map((line) => line.slug);
    const found = await tx.select().from(services).where(inArray(services.slug, slugs));
    const bySlug = new Map(found.map((service) => [service.slug, service]));
    input.services.forEach((line, index) => {
      if (!bySlug.has(line.slug)) {
        issues.push({ path: `services.${index}.slug`, message: `no service ${line.slug}` });
      }
    });
    if (!customer || issues.length > 0) {
      throw unprocessable('The agreement names what does not exist.', 'UNKNOWN_REFERENCE', issues);
    }
    const kind = input.kind ?? 'customer';
    const now = new Date(deps.clock.now());
    const row = await tx
      .insert(agreements)
      .values({
        kind,
        customerId: input.customerId,
        policyId: input.policyId,
        start: new Date(instantMs(input.start)),
        end: input.end ? new Date(instantMs(input.end)) : null,
        timeZone: input.timeZone ?? customer.timeZone,
        businessHours: input.businessHours
          ? { schedule: input.businessHours.schedule, holidays: [...input.businessHours.holidays] }
          : null,
        supportFeeMinor: input.supportFeeMinor ?? null,
        createdAt: now,
      })
      .returning()
      .get();
    await tx.insert(agreementServices).values(
      input.services.map((line) => ({
        agreementId: row.id,
        serviceId: bySlug.get(line.slug)?.id ?? 0,
        monthlyFeeMinor: kind === 'internal' ? 0 : (line.monthlyFeeMinor ?? 0),
        currency: kind === 'internal' ? NO_CURRENCY : (line.currency ?? NO_CURRENCY),
      })),
    );
    const dto = agreementDto(row, await agreementServiceRows(tx, [row.id]));
    await recordAudit(tx, ctx, {
      action: 'agreement.create',
      entityType: 'agreement',
      entityId: row.id,
      after: dto,
    });
    return dto;
  });
}

export const AGREEMENT_SORTS = ['customer', 'start', 'created'] as const;

export interface AgreementListQuery extends PageQuery {
  customerId?: number | undefined;
  kind?: AgreementKind | undefined;
  active?: boolean | undefined;
  /** Text in the customer's or the policy's name. */
  q?: string | undefined;
  sort?: SortOrder<(typeof AGREEMENT_SORTS)[number]> | undefined;
}

/** An agreement as lists and the detail show it: with its customer's and policy's names. */
export interface AgreementListItem extends AgreementDto {
  customerName: string;
  policyName: string;
}

function agreementOrder(sort: AgreementListQuery['sort']): ListOrder {
  const value =
    sort?.key === 'customer'
      ? folded(customers.name)
      : sort?.key === 'start'
        ? raw(agreements.start)
        : undefined;
  return { value, descending: sort?.descending ?? false };
}

function withNames() {
  return {
    agreement: agreements,
    customerName: customers.name,
    policyName: policies.name,
  };
}

export async function listAgreements(
  deps: Deps,
  query: AgreementListQuery,
): Promise<Page<AgreementListItem>> {
  const db = deps.db.db;
  const order = agreementOrder(query.sort);
  const conditions: (SQL | undefined)[] = [
    await afterSortedCursor(order, agreements.id, query, (value, id) =>
      db
        .select({ value })
        .from(agreements)
        .innerJoin(customers, eq(customers.id, agreements.customerId))
        .where(eq(agreements.id, id))
        .get(),
    ),
    containsText(query.q, [customers.name, policies.name]),
  ];
  if (query.customerId !== undefined) conditions.push(eq(agreements.customerId, query.customerId));
  if (query.active !== undefined) conditions.push(eq(agreements.active, query.active));
  if (query.kind !== undefined) conditions.push(eq(agreements.kind, query.kind));
  const rows = await db
    .select(withNames())
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(policies, eq(policies.id, agreements.policyId))
    .where(and(...conditions))
    .orderBy(...orderBy(order, agreements.id))
    .limit(query.limit + 1);
  const lines = await agreementServiceRows(
    db,
    rows.slice(0, query.limit).map((row) => row.agreement.id),
  );
  return toPage(
    rows.map((row) => ({ ...row, id: row.agreement.id })),
    query,
    (row) => ({
      ...agreementDto(row.agreement, lines),
      customerName: row.customerName,
      policyName: row.policyName,
    }),
  );
}

export async function getAgreement(deps: Deps, id: number): Promise<AgreementListItem> {
  const row = await deps.db.db
    .select(withNames())
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(policies, eq(policies.id, agreements.policyId))
    .where(eq(agreements.id, id))
    .get();
  if (!row) throw notFound('No such agreement.');
  return {
    ...agreementDto(row.agreement, await agreementServiceRows(deps.db.db, [id])),
    customerName: row.customerName,
    policyName: row.policyName,
  };
}

/**
 * Refuses a change of the agreement's covered time `[fromMs, toMs)` that reaches into a
 * period with a decided claim: its figures are frozen (sla-accounting.md §4).
 */
async function refuseFrozenPeriods(
  tx: Tx,
  agreement: AgreementRow,
  changed: { fromMs: number; toMs: number },
): Promise<void> {
  const decided = await tx
    .select({ id: claims.id, period: claims.period, status: claims.status, slug: services.slug })
    .from(claims)
    .leftJoin(services, eq(services.id, claims.serviceId))
    .where(
      and(eq(claims.agreementId, agreement.id), inArray(claims.status, ['approved', 'credited'])),
    )
    .orderBy(asc(claims.period), asc(claims.id));
  const hit = decided.filter(({ period }) => {
    const bounds = periodBounds(period, agreement.timeZone);
    return bounds.startMs < changed.toMs && changed.fromMs < bounds.endMs;
  });
  const first = hit.map((claim) => ({ ...claim, slug: claim.slug ?? 'support' }))[0];
  if (first === undefined) return;
  throw new Conflict(
    `Claim #${first.id} (${first.slug}, ${first.period}) is ${first.status}: the figures of that period are frozen, so the agreement's covered time in it cannot change.`,
    {
      code: 'PERIOD_FROZEN',
      issues: hit.map((claim) => ({
        path: 'end',
        message: `would change ${claim.period}, decided in claim #${claim.id} (${claim.slug ?? 'support'}, ${claim.status})`,
      })),
    },
  );
}

/**
 * Ends (or reopens) an agreement, or (de)activates it (decision 122). A new end lies at
 * or after now: closed months keep the coverage they had. A change that still reaches into
 * a period with a decided claim (an agreement that ended in the past, reopened) is refused.
 */
export async function updateAgreement(
  ctx: AdminContext,
  id: number,
  change: { end?: string | null | undefined; active?: boolean | undefined },
): Promise<AgreementDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const { after } = await updateAudited(tx, ctx, {
      entityType: 'agreement',
      id,
      load: () => tx.select().from(agreements).where(eq(agreements.id, id)).get(),
      missing: 'No such agreement.',
      change: async (row) => {
        const end =
          change.end === undefined
            ? row.end
            : change.end === null
              ? null
              : new Date(instantMs(change.end));
        if (end !== null && end.getTime() <= row.start.getTime()) {
          throw invalidInput('The end must be after the start.', [
            { path: 'end', message: `must be after ${row.start.toISOString()}` },
          ]);
        }
        const oldEndMs = row.end?.getTime() ?? Number.POSITIVE_INFINITY;
        const newEndMs = end?.getTime() ?? Number.POSITIVE_INFINITY;
        if (newEndMs !== oldEndMs) {
          const nowMs = deps.clock.now();
          if (newEndMs < nowMs) {
            const now = new Date(nowMs).toISOString();
            throw unprocessable(
              `An agreement cannot end before now (${now}): closed months keep the coverage they had.`,
              'AGREEMENT_END_IN_PAST',
              [{ path: 'end', message: `must be ${now} or later` }],
            );
          }
          await refuseFrozenPeriods(tx, row, {
            fromMs: Math.min(oldEndMs, newEndMs),
            toMs: Math.max(oldEndMs, newEndMs),
          });
        }
        const updated = await tx
          .update(agreements)
          .set({ end, active: change.active ?? row.active })
          .where(eq(agreements.id, id))
          .returning()
          .get();
        const lines = await agreementServiceRows(tx, [id]);
        return { updated, before: agreementDto(row, lines), after: agreementDto(updated, lines) };
      },
    });
    return after;
  });
}

export { AGREEMENT_KINDS } from '../../db/schema/index.ts';
