import { and, eq, type SQL } from 'drizzle-orm';
import { apiKeys, customers } from '../../db/schema/index.ts';
import { endCustomerSessions } from '../auth/sessions.ts';
import type { AdminContext, Deps } from '../context.ts';
import { notFound } from '../domain-errors.ts';
import {
  afterSortedCursor,
  containsText,
  folded,
  type ListOrder,
  orderBy,
  type SortOrder,
} from '../infra/list-order.ts';
import { type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { revokeKeysIn } from './api-keys.ts';
import { recordAudit, updateAudited } from './audit.ts';

export interface CustomerDto {
  id: number;
  name: string;
  /** IANA zone; new agreements default to it. */
  timeZone: string;
  active: boolean;
  createdAt: string;
}

type CustomerRow = typeof customers.$inferSelect;

export function customerDto(row: CustomerRow): CustomerDto {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createCustomer(
  ctx: AdminContext,
  input: { name: string; timeZone: string },
): Promise<CustomerDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const row = await tx
      .insert(customers)
      .values({
        name: input.name,
        timeZone: input.timeZone,
        createdAt: new Date(deps.clock.now()),
      })
      .returning()
      .get();
    const dto = customerDto(row);
    await recordAudit(tx, ctx, {
      action: 'customer.create',
      entityType: 'customer',
      entityId: row.id,
      after: dto,
    });
    return dto;
  });
}

export const CUSTOMER_SORTS = ['name', 'created'] as const;

export interface CustomerListQuery extends PageQuery {
  active?: boolean | undefined;
  /** Text in the name. */
  q?: string | undefined;
  sort?: SortOrder<(typeof CUSTOMER_SORTS)[number]> | undefined;
}

function customerOrder(sort: CustomerListQuery['sort']): ListOrder {
  const value = sort?.key === 'name' ? folded(customers.name) : undefined;
  return { value, descending: sort?.descending ?? false };
}

export async function listCustomers(
  deps: Deps,
  query: CustomerListQuery,
): Promise<Page<CustomerDto>> {
  const db = deps.db.db;
  const order = customerOrder(query.sort);
  const conditions: (SQL | undefined)[] = [
    await afterSortedCursor(order, customers.id, query, (value, id) =>
      db.select({ value }).from(customers).where(eq(customers.id, id)).get(),
    ),
    containsText(query.q, [customers.name]),
  ];
  if (query.active !== undefined) conditions.push(eq(customers.active, query.active));
  const rows = await db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(...orderBy(order, customers.id))
    .limit(query.limit + 1);
  return toPage(rows, query, customerDto);
}

export async function getCustomer(deps: Deps, id: number): Promise<CustomerDto> {
  const row = await deps.db.db.select().from(customers).where(eq(customers.id, id)).get();
  if (!row) throw notFound('No such customer.');
  return customerDto(row);
}

/**
 * Renames, moves to another zone (existing agreements keep theirs) or (de)activates a
 * customer. Deactivation keeps every record and cuts access at once (decision 121): every
 * session of the customer's users ends and its read keys are revoked, in the same
 * transaction; its users cannot sign in while it is inactive. Reactivation brings back
 * neither: they sign in again and make new keys.
 */
export async function updateCustomer(
  ctx: AdminContext,
  id: number,
  change: {
    name?: string | undefined;
    timeZone?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<CustomerDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const { after } = await updateAudited(tx, ctx, {
      entityType: 'customer',
      id,
      load: () => tx.select().from(customers).where(eq(customers.id, id)).get(),
      missing: 'No such customer.',
      change: async (row) => {
        const updated = await tx
          .update(customers)
          .set({
            name: change.name ?? row.name,
            timeZone: change.timeZone ?? row.timeZone,
            active: change.active ?? row.active,
          })
          .where(eq(customers.id, id))
          .returning()
          .get();
        if (row.active && !updated.active) {
          await endCustomerSessions(tx, id);
          await revokeKeysIn(tx, ctx, eq(apiKeys.customerId, id), 'customer deactivated');
        }
        return { updated, before: customerDto(row), after: customerDto(updated) };
      },
    });
    return after;
  });
}
