import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { serviceGroups, services } from '../../db/schema/index.ts';
import type { AdminContext, Deps } from '../context.ts';
import { conflict, notFound, unprocessable } from '../domain-errors.ts';
import {
  afterSortedCursor,
  containsText,
  folded,
  type ListOrder,
  orderBy,
  raw,
  type SortOrder,
} from '../infra/list-order.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { unlessSame, writeStatusData } from '../infra/status-cache.ts';
import { recordAudit, updateAudited } from './audit.ts';

export interface GroupDto {
  id: number;
  slug: string;
  name: string;
  sortOrder: number;
  active: boolean;
  createdAt: string;
}

export interface ServiceDto {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  group: { id: number; slug: string; name: string } | null;
  monitoredSince: string;
  sortOrder: number;
  active: boolean;
  createdAt: string;
}

type GroupRow = typeof serviceGroups.$inferSelect;
type ServiceRow = typeof services.$inferSelect;

export function groupDto(row: GroupRow): GroupDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    sortOrder: row.sortOrder,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

function serviceDto(row: ServiceRow, group: GroupRow | null): ServiceDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    group: group ? { id: group.id, slug: group.slug, name: group.name } : null,
    monitoredSince: row.monitoredSince.toISOString(),
    sortOrder: row.sortOrder,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

async function groupById(tx: Tx, id: number | null): Promise<GroupRow | null> {
  if (id === null) return null;
  return (await tx.select().from(serviceGroups).where(eq(serviceGroups.id, id)).get()) ?? null;
}

/** The group with this slug, created (named after its slug) when it does not exist yet. */
async function groupBySlug(tx: Tx, ctx: AdminContext, slug: string): Promise<GroupRow> {
  const { deps } = ctx;
  const existing = await tx.select().from(serviceGroups).where(eq(serviceGroups.slug, slug)).get();
  if (existing) return existing;
  const row = await tx
    .insert(serviceGroups)
    .values({ slug, name: slug, createdAt: new Date(deps.clock.now()) })
    .returning()
    .get();
  await recordAudit(tx, ctx, {
    action: 'service_group.create',
    entityType: 'service_group',
    entityId: row.id,
    after: groupDto(row),
  });
  return row;
}

export interface NewService {
  slug: string;
  name: string;
  group?: string | null | undefined;
  description?: string | null | undefined;
  /** Default: now. Days before it show "no data" on the public bars. */
  monitoredSince?: string | undefined;
  sortOrder?: number | undefined;
}

export async function createService(ctx: AdminContext, input: NewService): Promise<ServiceDto> {
  const { deps } = ctx;
  return writeStatusData(deps, async (tx) => {
    const taken = await tx.select().from(services).where(eq(services.slug, input.slug)).get();
    if (taken) throw conflict(`A service with slug ${input.slug} exists.`, 'SLUG_TAKEN');
    const group = input.group ? await groupBySlug(tx, ctx, input.group) : null;
    const now = deps.clock.now();
    const row = await tx
      .insert(services)
      .values({
        slug: input.slug,
        name: input.name,
        description: input.description ?? null,
        groupId: group?.id ?? null,
        monitoredSince: new Date(input.monitoredSince ?? now),
        sortOrder: input.sortOrder ?? 0,
        createdAt: new Date(now),
      })
      .returning()
      .get();
    const dto = serviceDto(row, group);
    await recordAudit(tx, ctx, {
      action: 'service.create',
      entityType: 'service',
      entityId: row.id,
      after: dto,
    });
    return dto;
  });
}

export const SERVICE_SORTS = ['name', 'slug', 'order', 'created'] as const;

export interface ServiceListQuery extends PageQuery {
  active?: boolean | undefined;
  /** Text in the slug or the name. */
  q?: string | undefined;
  sort?: SortOrder<(typeof SERVICE_SORTS)[number]> | undefined;
}

function serviceOrder(sort: ServiceListQuery['sort']): ListOrder {
  const value =
    sort?.key === 'name'
      ? folded(services.name)
      : sort?.key === 'slug'
        ? raw(services.slug)
        : sort?.key === 'order'
          ? raw(services.sortOrder)
          : undefined;
  return { value, descending: sort?.descending ?? false };
}

export async function listServices(deps: Deps, query: ServiceListQuery): Promise<Page<ServiceDto>> {
  const db = deps.db.db;
  const order = serviceOrder(query.sort);
  const conditions: (SQL | undefined)[] = [
    await afterSortedCursor(order, services.id, query, (value, id) =>
      db.select({ value }).from(services).where(eq(services.id, id)).get(),
    ),
    containsText(query.q, [services.slug, services.name]),
  ];
  if (query.active !== undefined) conditions.push(eq(services.active, query.active));
  const rows = await db
    .select({ service: services, group: serviceGroups })
    .from(services)
    .leftJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .where(and(...conditions))
    .orderBy(...orderBy(order, services.id))
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.service.id })),
    query,
    (row) => serviceDto(row.service, row.group),
  );
}

export async function getService(deps: Deps, id: number): Promise<ServiceDto> {
  const row = await deps.db.db
    .select({ service: services, group: serviceGroups })
    .from(services)
    .leftJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .where(eq(services.id, id))
    .get();
  if (!row) throw notFound('No such service.');
  return serviceDto(row.service, row.group);
}

export interface ServiceChange {
  name?: string | undefined;
  description?: string | null | undefined;
  /** A group slug (created if missing), or null for no group. */
  group?: string | null | undefined;
  monitoredSince?: string | undefined;
  sortOrder?: number | undefined;
  active?: boolean | undefined;
}

/** The slug is fixed: monitors and agreements name services by it. */
export async function updateService(
  ctx: AdminContext,
  id: number,
  change: ServiceChange,
): Promise<ServiceDto> {
  const { deps } = ctx;
  return writeStatusData(deps, async (tx) => {
    const { before, after } = await updateAudited(tx, ctx, {
      entityType: 'service',
      id,
      load: () => tx.select().from(services).where(eq(services.id, id)).get(),
      missing: 'No such service.',
      change: async (row) => {
        const oldGroup = await groupById(tx, row.groupId);
        const group =
          change.group === undefined
            ? oldGroup
            : change.group === null
              ? null
              : await groupBySlug(tx, ctx, change.group);
        const updated = await tx
          .update(services)
          .set({
            name: change.name ?? row.name,
            description: change.description === undefined ? row.description : change.description,
            groupId: group?.id ?? null,
            monitoredSince:
              change.monitoredSince === undefined
                ? row.monitoredSince
                : new Date(change.monitoredSince),
            sortOrder: change.sortOrder ?? row.sortOrder,
            active: change.active ?? row.active,
          })
          .where(eq(services.id, id))
          .returning()
          .get();
        return { updated, before: serviceDto(row, oldGroup), after: serviceDto(updated, group) };
      },
    });
    return unlessSame(before, after);
  });
}

export async function createGroup(
  ctx: AdminContext,
  input: { slug: string; name: string; sortOrder?: number | undefined },
): Promise<GroupDto> {
  const { deps } = ctx;
  return writeStatusData(deps, async (tx) => {
    const taken = await tx
      .select()
      .from(serviceGroups)
      .where(eq(serviceGroups.slug, input.slug))
      .get();
    if (taken) throw conflict(`A group with slug ${input.slug} exists.`, 'SLUG_TAKEN');
    const now = deps.clock.now();
    const row = await tx
      .insert(serviceGroups)
      .values({
        slug: input.slug,
        name: input.name,
        sortOrder: input.sortOrder ?? 0,
        createdAt: new Date(now),
      })
      .returning()
      .get();
    const dto = groupDto(row);
    await recordAudit(tx, ctx, {
      action: 'service_group.create',
      entityType: 'service_group',
      entityId: row.id,
      after: dto,
    });
    return dto;
  });
}

export async function listGroups(deps: Deps, query: PageQuery): Promise<Page<GroupDto>> {
  const rows = await deps.db.db
    .select()
    .from(serviceGroups)
    .where(afterCursor(serviceGroups.id, query))
    .orderBy(asc(serviceGroups.id))
    .limit(query.limit + 1);
  return toPage(rows, query, groupDto);
}

export async function updateGroup(
  ctx: AdminContext,
  id: number,
  change: {
    name?: string | undefined;
    sortOrder?: number | undefined;
    active?: boolean | undefined;
  },
): Promise<GroupDto> {
  const { deps } = ctx;
  return writeStatusData(deps, async (tx) => {
    const { before, after } = await updateAudited(tx, ctx, {
      entityType: 'service_group',
      id,
      load: () => tx.select().from(serviceGroups).where(eq(serviceGroups.id, id)).get(),
      missing: 'No such group.',
      change: async (row) => {
        if (change.active === false) {
          const member = await tx
            .select({ id: services.id })
            .from(services)
            .where(and(eq(services.groupId, id), eq(services.active, true)))
            .get();
          if (member) {
            throw unprocessable(
              'Move or deactivate the group’s active services first.',
              'GROUP_NOT_EMPTY',
            );
          }
        }
        const updated = await tx
          .update(serviceGroups)
          .set({
            name: change.name ?? row.name,
            sortOrder: change.sortOrder ?? row.sortOrder,
            active: change.active ?? row.active,
          })
          .where(eq(serviceGroups.id, id))
          .returning()
          .get();
        return { updated, before: groupDto(row), after: groupDto(updated) };
      },
    });
    return unlessSame(before, after);
  });
}
