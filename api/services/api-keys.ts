import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  type ApiKeyAuthor,
  type ApiKeyScope,
  apiKeys,
  customers,
  users,
} from '../../db/schema/index.ts';

export { API_KEY_AUTHORS, API_KEY_SCOPES } from '../../db/schema/index.ts';

import { generateApiKey } from '../auth/api-key-secrets.ts';
import type { Deps, RequestContext, UserContext } from '../context.ts';
import { conflict, notFound } from '../domain-errors.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { recordAudit } from './audit.ts';

export interface ApiKeyDto {
  id: number;
  name: string;
  /** The visible part of the key (`sp_<prefix>_…`), to recognise it in lists. */
  prefix: string;
  scopes: ApiKeyScope[];
  /** Whose words an ingest key writes: automated (the default) or people's. */
  author: ApiKeyAuthor;
  customerId: number | null;
  createdByUserId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type ApiKeyRow = typeof apiKeys.$inferSelect;

export function apiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    author: row.author,
    customerId: row.customerId,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Who a key belongs to: all keys (admins), or one customer's `read` keys. */
export type KeyOwner = { kind: 'all' } | { kind: 'customer'; customerId: number };

function ownedBy(owner: KeyOwner): SQL | undefined {
  return owner.kind === 'customer' ? eq(apiKeys.customerId, owner.customerId) : undefined;
}

/**
 * Makes a key and returns it once, with the whole secret: only its hash is kept.
 * Admins make `ingest` keys; a customer's user makes `read` keys for that customer.
 */
export async function createApiKey(
  ctx: UserContext,
  input: {
    name: string;
    scopes: ApiKeyScope[];
    author?: ApiKeyAuthor | undefined;
    customerId: number | null;
  },
): Promise<ApiKeyDto & { key: string }> {
  const { deps, principal } = ctx;
  const { key, prefix, keyHash } = generateApiKey();
  const scopes = [...new Set(input.scopes)];
  return deps.db.write(async (tx) => {
    const row = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix,
        keyHash,
        scopes,
        author: input.author ?? 'automation',
        customerId: input.customerId,
        createdByUserId: principal.user.id,
        createdAt: new Date(deps.clock.now()),
      })
      .returning()
      .get();
    const dto = apiKeyDto(row);
    await recordAudit(tx, ctx, {
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: row.id,
      after: dto,
    });
    return { ...dto, key };
  });
}

/** A key as the staff lists show it: with its customer's name and its maker's email. */
export interface StaffApiKeyDto extends ApiKeyDto {
  customerName: string | null;
  createdByEmail: string;
}

const named = { key: apiKeys, customerName: customers.name, createdByEmail: users.email };

function staffApiKeyDto(row: {
  key: ApiKeyRow;
  customerName: string | null;
  createdByEmail: string;
}): StaffApiKeyDto {
  return {
    ...apiKeyDto(row.key),
    customerName: row.customerName,
    createdByEmail: row.createdByEmail,
  };
}

type KeyFilter = PageQuery & { revoked?: boolean | undefined; customerId?: number | undefined };

async function keyRows(deps: Deps, owner: KeyOwner, query: KeyFilter) {
  const conditions: (SQL | undefined)[] = [afterCursor(apiKeys.id, query), ownedBy(owner)];
  if (query.revoked !== undefined) {
    conditions.push(query.revoked ? isNotNull(apiKeys.revokedAt) : isNull(apiKeys.revokedAt));
  }
  if (query.customerId !== undefined) conditions.push(eq(apiKeys.customerId, query.customerId));
  const rows = await deps.db.db
    .select(named)
    .from(apiKeys)
    .leftJoin(customers, eq(customers.id, apiKeys.customerId))
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(...conditions))
    .orderBy(asc(apiKeys.id))
    .limit(query.limit + 1);
  return rows.map((row) => ({ ...row, id: row.key.id }));
}

/** A customer's own keys (or all keys), as the key owner sees them. */
export async function listApiKeys(
  deps: Deps,
  owner: KeyOwner,
  query: KeyFilter,
): Promise<Page<ApiKeyDto>> {
  return toPage(await keyRows(deps, owner, query), query, (row) => apiKeyDto(row.key));
}

/** Every key, with the names staff need to tell them apart. */
export async function listStaffApiKeys(
  deps: Deps,
  query: KeyFilter,
): Promise<Page<StaffApiKeyDto>> {
  return toPage(await keyRows(deps, { kind: 'all' }, query), query, staffApiKeyDto);
}

/** One key; another customer's key answers 404 like a missing one. */
export async function getApiKey(deps: Deps, owner: KeyOwner, id: number): Promise<StaffApiKeyDto> {
  const row = await deps.db.db
    .select(named)
    .from(apiKeys)
    .leftJoin(customers, eq(customers.id, apiKeys.customerId))
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.id, id), ownedBy(owner)))
    .get();
  if (!row) throw notFound('No such API key.');
  return staffApiKeyDto(row);
}

/** Revokes a key at once: the next request with it answers 401. Revoking twice is refused. */
export async function revokeApiKey(
  ctx: UserContext,
  owner: KeyOwner,
  id: number,
): Promise<ApiKeyDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const row = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), ownedBy(owner)))
      .get();
    if (!row) throw notFound('No such API key.');
    if (row.revokedAt !== null) {
      throw conflict('This API key is already revoked.', 'ALREADY_REVOKED');
    }
    const updated = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(deps.clock.now()) })
      .where(eq(apiKeys.id, id))
      .returning()
      .get();
    const before = apiKeyDto(row);
    const after = apiKeyDto(updated);
    await recordAudit(tx, ctx, {
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Revokes, in the caller's transaction, every live key that `which` selects (their customer
 * or their maker was deactivated); each revocation is audited like one by hand, with the
 * reason. Returns the revoked keys' ids.
 */
export async function revokeKeysIn(
  tx: Tx,
  ctx: RequestContext,
  which: SQL | undefined,
  reason: string,
): Promise<number[]> {
  const { deps } = ctx;
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date(deps.clock.now()) })
    .where(and(which, isNull(apiKeys.revokedAt)))
    .returning();
  for (const row of rows) {
    await recordAudit(tx, ctx, {
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: row.id,
      before: { ...apiKeyDto(row), revokedAt: null },
      after: { ...apiKeyDto(row), reason },
    });
  }
  return rows.map((row) => row.id);
}
