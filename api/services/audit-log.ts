import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import {
  agreements,
  apiKeys,
  auditLog,
  customers,
  incidents,
  maintenances,
  policies,
  serviceGroups,
  services,
  users,
  windows,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { beforeCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';

export interface AuditActorDto {
  /** `user`: a signed-in person; `key`: an API key; `system`: neither (a seed, a migration). */
  kind: 'user' | 'key' | 'system';
  id: number | null;
  /** The person's email or the key's name; null when the record is gone. */
  name: string | null;
  /** A person's role. */
  role: string | null;
}

export interface AuditEntryDto {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  /** What the entity is called now (a customer's name, a user's email); null if unknown. */
  entityName: string | null;
  actorUserId: number | null;
  actorApiKeyId: number | null;
  actor: AuditActorDto;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
  actorApiKeyId?: number | undefined;
  /** Entries at or after this instant. */
  fromMs?: number | undefined;
  /** Entries before this instant. */
  toMs?: number | undefined;
}

type Reader = Deps['db']['db'];

/** Ids of one entity type found on a page, as numbers (entity ids are stored as text). */
function idsOf(rows: { entityType: string; entityId: string }[], type: string): number[] {
  return [
    ...new Set(
      rows
        .filter((row) => row.entityType === type)
        .map((row) => Number(row.entityId))
        .filter((id) => Number.isSafeInteger(id) && id > 0),
    ),
  ];
}

/**
 * The names of the entities on one page: one query per entity type present, never one per
 * row. The name is today's (a renamed customer shows its new name); before/after keep the
 * name at the time.
 */
async function entityNames(
  db: Reader,
  rows: { entityType: string; entityId: string }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const put = (type: string, id: number, name: string) => names.set(`${type}:${id}`, name);
  const lookups: Record<string, (ids: number[]) => Promise<void>> = {
    customer: async (ids) => {
      for (const row of await db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(inArray(customers.id, ids)))
        put('customer', row.id, row.name);
    },
    policy: async (ids) => {
      for (const row of await db
        .select({ id: policies.id, name: policies.name })
        .from(policies)
        .where(inArray(policies.id, ids)))
        put('policy', row.id, row.name);
    },
    service: async (ids) => {
      for (const row of await db
        .select({ id: services.id, name: services.name })
        .from(services)
        .where(inArray(services.id, ids)))
        put('service', row.id, row.name);
    },
    service_group: async (ids) => {
      for (const row of await db
        .select({ id: serviceGroups.id, name: serviceGroups.name })
        .from(serviceGroups)
        .where(inArray(serviceGroups.id, ids)))
        put('service_group', row.id, row.name);
    },
    user: async (ids) => {
      for (const row of await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, ids)))
        put('user', row.id, row.email);
    },
    api_key: async (ids) => {
      for (const row of await db
        .select({ id: apiKeys.id, name: apiKeys.name })
        .from(apiKeys)
        .where(inArray(apiKeys.id, ids)))
        put('api_key', row.id, row.name);
    },
    incident: async (ids) => {
      for (const row of await db
        .select({ id: incidents.id, title: incidents.title })
        .from(incidents)
        .where(inArray(incidents.id, ids)))
        put('incident', row.id, row.title);
    },
    maintenance: async (ids) => {
      for (const row of await db
        .select({ id: maintenances.id, title: maintenances.title })
        .from(maintenances)
        .where(inArray(maintenances.id, ids)))
        put('maintenance', row.id, row.title);
    },
    agreement: async (ids) => {
      for (const row of await db
        .select({ id: agreements.id, customer: customers.name })
        .from(agreements)
        .innerJoin(customers, eq(customers.id, agreements.customerId))
        .where(inArray(agreements.id, ids)))
        put('agreement', row.id, `${row.customer}, agreement #${row.id}`);
    },
    window: async (ids) => {
      for (const row of await db
        .select({ id: windows.id, externalId: windows.externalId, service: services.name })
        .from(windows)
        .innerJoin(services, eq(services.id, windows.serviceId))
        .where(inArray(windows.id, ids)))
        put('window', row.id, `${row.service}: ${row.externalId}`);
    },
  };
  for (const row of rows) {
    if (row.entityType === 'brand') names.set(`brand:${row.entityId}`, 'Brand settings');
  }
  for (const [type, lookup] of Object.entries(lookups)) {
    const ids = idsOf(rows, type);
    if (ids.length > 0) await lookup(ids);
  }
  return names;
}

async function actorNames(
  db: Reader,
  rows: { actorUserId: number | null; actorApiKeyId: number | null }[],
): Promise<{
  users: Map<number, { email: string; role: string }>;
  keys: Map<number, string>;
}> {
  const userIds = [
    ...new Set(rows.map((row) => row.actorUserId).filter((id) => id !== null)),
  ] as number[];
  const keyIds = [
    ...new Set(rows.map((row) => row.actorApiKeyId).filter((id) => id !== null)),
  ] as number[];
  const userRows =
    userIds.length === 0
      ? []
      : await db
          .select({ id: users.id, email: users.email, role: users.role })
          .from(users)
          .where(inArray(users.id, userIds));
  const keyRows =
    keyIds.length === 0
      ? []
      : await db
          .select({ id: apiKeys.id, name: apiKeys.name })
          .from(apiKeys)
          .where(inArray(apiKeys.id, keyIds));
  return {
    users: new Map(userRows.map((row) => [row.id, { email: row.email, role: row.role }])),
    keys: new Map(keyRows.map((row) => [row.id, row.name])),
  };
}

/**
 * The audit log, newest first: who changed what, when, with the values before and after,
 * filtered by actor, entity and time (`[from, to)`), with today's names of actors and
 * entities beside their ids.
 */
export async function listAuditEntries(
  deps: Deps,
  query: PageQuery & AuditFilter,
): Promise<Page<AuditEntryDto>> {
  const conditions: (SQL | undefined)[] = [beforeCursor(auditLog.id, query)];
  if (query.entityType !== undefined) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId !== undefined) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorUserId !== undefined) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.actorApiKeyId !== undefined) {
    conditions.push(eq(auditLog.actorApiKeyId, query.actorApiKeyId));
  }
  if (query.fromMs !== undefined) conditions.push(gte(auditLog.createdAt, new Date(query.fromMs)));
  if (query.toMs !== undefined) conditions.push(lt(auditLog.createdAt, new Date(query.toMs)));
  const rows = await deps.db.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const shown = rows.slice(0, query.limit);
  const [names, actors] = await Promise.all([
    entityNames(deps.db.db, shown),
    actorNames(deps.db.db, shown),
  ]);
  return toPage(rows, query, (row) => {
    const user = row.actorUserId === null ? undefined : actors.users.get(row.actorUserId);
    const actor: AuditActorDto =
      row.actorUserId !== null
        ? { kind: 'user', id: row.actorUserId, name: user?.email ?? null, role: user?.role ?? null }
        : row.actorApiKeyId !== null
          ? {
              kind: 'key',
              id: row.actorApiKeyId,
              name: actors.keys.get(row.actorApiKeyId) ?? null,
              role: null,
            }
          : { kind: 'system', id: null, name: null, role: null };
    return {
      id: row.id,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      entityName: names.get(`${row.entityType}:${row.entityId}`) ?? null,
      actorUserId: row.actorUserId,
      actorApiKeyId: row.actorApiKeyId,
      actor,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
