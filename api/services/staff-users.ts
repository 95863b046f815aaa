import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { apiKeys, customers, type Role, users } from '../../db/schema/index.ts';

export { ROLES } from '../../db/schema/index.ts';

import { checkNewPassword, hashPassword } from '../auth/passwords.ts';
import { endUserSessions } from '../auth/sessions.ts';
import type { AdminContext, Deps } from '../context.ts';
import { conflict, InvalidInput, notFound, unprocessable } from '../domain-errors.ts';
import {
  afterSortedCursor,
  containsText,
  type ListOrder,
  orderBy,
  raw,
  type SortOrder,
} from '../infra/list-order.ts';
import { type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { normalizeEmail } from './accounts.ts';
import { revokeKeysIn } from './api-keys.ts';
import { recordAudit, updateAudited } from './audit.ts';

export interface UserDto {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  customerId: number | null;
  active: boolean;
  /** False until an invited user has chosen a password. */
  passwordSet: boolean;
  passwordChangedAt: string | null;
  createdAt: string;
}

type UserRow = typeof users.$inferSelect;

export function userDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    customerId: row.customerId,
    active: row.active,
    passwordSet: row.passwordHash !== null,
    passwordChangedAt: row.passwordChangedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A customer user belongs to exactly one existing customer; staff to none. */
export async function checkRoleCustomer(
  tx: Tx,
  role: Role,
  customerId: number | null | undefined,
): Promise<number | null> {
  if (role !== 'customer') {
    if (customerId !== null && customerId !== undefined) {
      throw new InvalidInput('Only customer users belong to a customer.', {
        issues: [{ path: 'customerId', message: `must be absent for role ${role}` }],
      });
    }
    return null;
  }
  if (customerId === null || customerId === undefined) {
    throw new InvalidInput('A customer user needs a customer.', {
      issues: [{ path: 'customerId', message: 'is required for role customer' }],
    });
  }
  const customer = await tx.select().from(customers).where(eq(customers.id, customerId)).get();
  if (!customer) {
    throw unprocessable('No such customer.', 'UNKNOWN_CUSTOMER', [
      { path: 'customerId', message: `no customer has id ${customerId}` },
    ]);
  }
  return customerId;
}

export async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  const existing = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (existing) throw conflict(`A user with email ${email} exists.`, 'EMAIL_TAKEN');
}

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  customerId?: number | null | undefined;
  name?: string | null | undefined;
}

/** For scripts and tests: an admin creates a user with a password (people are invited). */
export async function createUser(ctx: AdminContext, input: NewUser): Promise<UserDto> {
  const { deps } = ctx;
  const email = normalizeEmail(input.email);
  checkNewPassword(input.password, email, 'password');
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashing);
  return deps.db.write(async (tx) => {
    const customerId = await checkRoleCustomer(tx, input.role, input.customerId);
    await assertEmailFree(tx, email);
    const now = new Date(deps.clock.now());
    const row = await tx
      .insert(users)
      .values({
        email,
        name: input.name ?? null,
        passwordHash,
        role: input.role,
        customerId,
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning()
      .get();
    const dto = userDto(row);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: dto,
    });
    return dto;
  });
}

export const USER_SORTS = ['email', 'role', 'created'] as const;

export interface UserFilter {
  role?: Role | undefined;
  customerId?: number | undefined;
  active?: boolean | undefined;
  /** Text in the email address or the name. */
  q?: string | undefined;
  sort?: SortOrder<(typeof USER_SORTS)[number]> | undefined;
}

/** A user as lists show them: with the name of their customer. */
export interface UserListItem extends UserDto {
  customerName: string | null;
}

function userOrder(sort: UserFilter['sort']): ListOrder {
  const value =
    sort?.key === 'email' ? raw(users.email) : sort?.key === 'role' ? raw(users.role) : undefined;
  return { value, descending: sort?.descending ?? false };
}

export async function listUsers(
  deps: Deps,
  query: PageQuery & UserFilter,
): Promise<Page<UserListItem>> {
  const db = deps.db.db;
  const order = userOrder(query.sort);
  const conditions: (SQL | undefined)[] = [
    await afterSortedCursor(order, users.id, query, (value, id) =>
      db.select({ value }).from(users).where(eq(users.id, id)).get(),
    ),
    containsText(query.q, [users.email, users.name]),
  ];
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.customerId !== undefined) conditions.push(eq(users.customerId, query.customerId));
  if (query.active !== undefined) conditions.push(eq(users.active, query.active));
  const rows = await db
    .select({ user: users, customerName: customers.name })
    .from(users)
    .leftJoin(customers, eq(customers.id, users.customerId))
    .where(and(...conditions))
    .orderBy(...orderBy(order, users.id))
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.user.id })),
    query,
    (row) => ({ ...userDto(row.user), customerName: row.customerName }),
  );
}

export async function getUser(deps: Deps, id: number): Promise<UserListItem> {
  const row = await deps.db.db
    .select({ user: users, customerName: customers.name })
    .from(users)
    .leftJoin(customers, eq(customers.id, users.customerId))
    .where(eq(users.id, id))
    .get();
  if (!row) throw notFound('No such user.');
  return { ...userDto(row.user), customerName: row.customerName };
}

export interface UserChange {
  name?: string | null | undefined;
  role?: Role | undefined;
  customerId?: number | null | undefined;
  active?: boolean | undefined;
}

/**
 * Changes a user's name, role, customer or active flag. Deactivating a user, or changing
 * their role or customer, ends their sessions; deactivating also revokes the read keys they
 * made (decision 121). Admins cannot demote or deactivate themselves (so the portal always
 * keeps an admin who can act).
 */
export async function updateUser(
  ctx: AdminContext,
  id: number,
  change: UserChange,
): Promise<UserDto> {
  const { deps, principal } = ctx;
  return deps.db.write(async (tx) => {
    const { after } = await updateAudited(tx, ctx, {
      entityType: 'user',
      id,
      load: () => tx.select().from(users).where(eq(users.id, id)).get(),
      missing: 'No such user.',
      change: async (row) => {
        const role = change.role ?? row.role;
        const isSelf = principal.user.id === id;
        if (isSelf && (role !== row.role || change.active === false)) {
          throw unprocessable(
            'You cannot change your own role or deactivate yourself.',
            'SELF_CHANGE',
          );
        }
        // Moving a user off the customer role drops the customer unless one is named.
        const requestedCustomer =
          change.customerId !== undefined
            ? change.customerId
            : role === 'customer'
              ? row.customerId
              : null;
        const customerId = await checkRoleCustomer(tx, role, requestedCustomer);
        const active = change.active ?? row.active;
        const updated = await tx
          .update(users)
          .set({
            name: change.name === undefined ? row.name : change.name,
            role,
            customerId,
            active,
          })
          .where(eq(users.id, id))
          .returning()
          .get();
        const accessChanged = role !== row.role || customerId !== row.customerId || !active;
        if (accessChanged) await endUserSessions(tx, id);
        if (row.active && !active) {
          await revokeKeysIn(
            tx,
            ctx,
            and(eq(apiKeys.createdByUserId, id), isNotNull(apiKeys.customerId)),
            'maker deactivated',
          );
        }
        return { updated, before: userDto(row), after: userDto(updated) };
      },
    });
    return after;
  });
}
