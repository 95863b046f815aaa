import { isDeepStrictEqual } from 'node:util';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  maintenanceServices,
  maintenances,
  notificationEvents,
  services,
  windows,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { conflict, invalidInput, notFound, unprocessable } from '../errors.ts';
import type { MaintenanceEventType } from '../notify/events.ts';
import { emit } from '../notify/outbox.ts';
import { MS_PER_DAY } from '../sla/instant.ts';
import { recordAudit } from './audit.ts';
import { refreshRollupsFor, type WindowExtent } from './rollups.ts';
import { unlessSame, writeStatusData } from './status-cache.ts';
import {
  checkWindowBounds,
  MAINTENANCE_PREFIX,
  type StaffPrincipal,
  windowBounds,
} from './windows.ts';

/**
 * How far ahead a maintenance may end: a year's planning and a little more. It bounds the
 * days of roll-ups its windows touch (docs/decisions/111-window-bounds.md).
 */
export const MAINTENANCE_HORIZON_DAYS = 400;
/**
 * The longest a maintenance may last. A write touches each of its days on each of its (up to
 * 100) services; longer work is not scheduled maintenance but an outage, reported as one.
 */
export const MAINTENANCE_MAX_DAYS = 31;

export const MAINTENANCE_STATUSES = [
  'draft',
  'scheduled',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export interface MaintenanceDto {
  id: number;
  title: string;
  description: string;
  status: MaintenanceStatus;
  startsAt: string;
  endsAt: string;
  /** When the current schedule was made public: the announcedAt of its windows. */
  publishedAt: string | null;
  cancelledAt: string | null;
  /** Actual end: endsAt, or the cancellation when it ended early; null if it never ran. */
  endedAt: string | null;
  services: string[];
  createdAt: string;
  updatedAt: string;
}

type MaintenanceRow = typeof maintenances.$inferSelect;

/** Where the maintenance's windows end: at endsAt, or earlier when cancelled while running. */
function effectiveEndMs(row: MaintenanceRow): number {
  const endsAtMs = row.endsAt.getTime();
  return row.cancelledAt === null ? endsAtMs : Math.min(endsAtMs, row.cancelledAt.getTime());
}

export function maintenanceStatus(row: MaintenanceRow, nowMs: number): MaintenanceStatus {
  if (row.publishedAt === null) return row.cancelledAt === null ? 'draft' : 'cancelled';
  const startMs = row.startsAt.getTime();
  const endMs = effectiveEndMs(row);
  if (endMs <= startMs) return 'cancelled';
  if (nowMs < startMs) return 'scheduled';
  return nowMs < endMs ? 'in_progress' : 'completed';
}

function maintenanceDto(row: MaintenanceRow, slugs: string[], nowMs: number): MaintenanceDto {
  const status = maintenanceStatus(row, nowMs);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    endedAt: status === 'completed' ? new Date(effectiveEndMs(row)).toISOString() : null,
    services: slugs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Reader = Pick<Tx, 'select'>;

async function withServices(
  db: Reader,
  rows: MaintenanceRow[],
  nowMs: number,
): Promise<MaintenanceDto[]> {
  const ids = rows.map((row) => row.id);
  const slugRows = ids.length
    ? await db
        .select({ maintenanceId: maintenanceServices.maintenanceId, slug: services.slug })
        .from(maintenanceServices)
        .innerJoin(services, eq(services.id, maintenanceServices.serviceId))
        .where(inArray(maintenanceServices.maintenanceId, ids))
        .orderBy(asc(services.slug))
    : [];
  return rows.map((row) =>
    maintenanceDto(
      row,
      slugRows.filter((slug) => slug.maintenanceId === row.id).map((slug) => slug.slug),
      nowMs,
    ),
  );
}

async function maintenanceRow(db: Reader, id: number): Promise<MaintenanceRow> {
  const row = await db.select().from(maintenances).where(eq(maintenances.id, id)).get();
  if (!row) throw notFound(`There is no maintenance ${id}.`);
  return row;
}

async function maintenanceById(db: Reader, id: number, nowMs: number): Promise<MaintenanceDto> {
  const [dto] = await withServices(db, [await maintenanceRow(db, id)], nowMs);
  return dto as MaintenanceDto;
}

/**
 * Makes the maintenance's windows match it: one `maintenance` window per service over
 * `[startsAt, effective end)` while it is published and runs at all, none otherwise.
 * New windows are announced now; moved ones keep their announcement unless `reannounce`.
 * Roll-ups under every old and new extent are recomputed.
 */
async function syncWindows(
  tx: Tx,
  row: MaintenanceRow,
  nowMs: number,
  reannounce: boolean,
): Promise<void> {
  const wanted = await tx
    .select({ id: services.id, slug: services.slug })
    .from(maintenanceServices)
    .innerJoin(services, eq(services.id, maintenanceServices.serviceId))
    .where(eq(maintenanceServices.maintenanceId, row.id));
  const startMs = row.startsAt.getTime();
  const endMs = effectiveEndMs(row);
  const runs = row.publishedAt !== null && endMs > startMs;
  const existing = await tx.select().from(windows).where(eq(windows.maintenanceId, row.id));
  const extents: WindowExtent[] = existing.map((window) => ({
    serviceId: window.serviceId,
    startMs: window.start.getTime(),
    endMs: window.end?.getTime() ?? null,
  }));
  const now = new Date(nowMs);
  for (const window of existing) {
    if (!runs || !wanted.some((service) => service.id === window.serviceId)) {
      await tx.delete(windows).where(eq(windows.id, window.id));
    } else if (
      window.start.getTime() !== startMs ||
      window.end?.getTime() !== endMs ||
      reannounce
    ) {
      await tx
        .update(windows)
        .set({
          start: row.startsAt,
          end: new Date(endMs),
          announcedAt: reannounce ? now : window.announcedAt,
          updatedAt: now,
        })
        .where(eq(windows.id, window.id));
    }
  }
  if (runs) {
    for (const service of wanted) {
      if (existing.some((window) => window.serviceId === service.id)) continue;
      const externalId = `${MAINTENANCE_PREFIX}${row.id}:${service.slug}`;
      await tx.insert(windows).values({
        serviceId: service.id,
        externalId,
        state: 'maintenance',
        start: row.startsAt,
        end: new Date(endMs),
        announcedAt: now,
        source: 'staff',
        apiKeyId: null,
        requestFingerprint: JSON.stringify({ maintenanceId: row.id, service: service.slug }),
        maintenanceId: row.id,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const service of wanted) extents.push({ serviceId: service.id, startMs, endMs });
  }
  await refreshRollupsFor(tx, extents);
}

async function setServices(tx: Tx, maintenanceId: number, slugs: readonly string[]) {
  const unique = [...new Set(slugs)];
  const rows = await tx.select().from(services).where(inArray(services.slug, unique));
  const missing = unique.filter((slug) => !rows.some((row) => row.slug === slug));
  if (missing.length > 0) {
    throw unprocessable(`Unknown services: ${missing.join(', ')}.`, 'UNKNOWN_SERVICE', [
      { path: 'services', message: `unknown: ${missing.join(', ')}` },
    ]);
  }
  await tx.delete(maintenanceServices).where(eq(maintenanceServices.maintenanceId, maintenanceId));
  await tx
    .insert(maintenanceServices)
    .values(rows.map((service) => ({ maintenanceId, serviceId: service.id })));
}

function checkSchedule(startsAtMs: number, endsAtMs: number, nowMs: number): void {
  if (endsAtMs <= startsAtMs) {
    throw invalidInput('The maintenance must end after it starts.', [
      { path: 'endsAt', message: 'must be after startsAt' },
    ]);
  }
  if (endsAtMs <= nowMs) {
    throw unprocessable('Scheduled maintenance must end in the future.', 'INVALID_SCHEDULE', [
      { path: 'endsAt', message: 'must be in the future' },
    ]);
  }
  if (endsAtMs - startsAtMs > MAINTENANCE_MAX_DAYS * MS_PER_DAY) {
    throw unprocessable(
      `A maintenance lasts at most ${MAINTENANCE_MAX_DAYS} days.`,
      'WINDOW_OUT_OF_BOUNDS',
      [{ path: 'endsAt', message: `must be at most ${MAINTENANCE_MAX_DAYS} days after startsAt` }],
    );
  }
}

/**
 * The maintenance's windows lie within the window bounds of every service it names (its
 * start no earlier than the latest monitoredSince less the backfill horizon), and it ends
 * within MAINTENANCE_HORIZON_DAYS of now: a 422 WINDOW_OUT_OF_BOUNDS otherwise.
 */
async function checkMaintenanceBounds(
  tx: Tx,
  deps: Deps,
  maintenanceId: number,
  startsAtMs: number,
  endsAtMs: number,
): Promise<void> {
  const named = await tx
    .select({ monitoredSince: services.monitoredSince })
    .from(maintenanceServices)
    .innerJoin(services, eq(services.id, maintenanceServices.serviceId))
    .where(eq(maintenanceServices.maintenanceId, maintenanceId));
  const latestMonitored = named.reduce<Date | undefined>(
    (latest, row) =>
      latest === undefined || row.monitoredSince > latest ? row.monitoredSince : latest,
    undefined,
  );
  if (latestMonitored === undefined) return;
  checkWindowBounds(
    {
      ...windowBounds(deps, latestMonitored),
      latestMs: deps.clock.now() + MAINTENANCE_HORIZON_DAYS * MS_PER_DAY,
      latestWhy: `maintenance is scheduled at most ${MAINTENANCE_HORIZON_DAYS} days ahead`,
    },
    [
      { path: 'startsAt', ms: startsAtMs, kind: 'start' },
      { path: 'endsAt', ms: endsAtMs, kind: 'end' },
    ],
  );
}

export interface NewMaintenance {
  title: string;
  description: string;
  services: string[];
  startsAtMs: number;
  endsAtMs: number;
  /** Publish at once; otherwise it stays a draft until published. */
  publish: boolean;
}

export async function createMaintenance(
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  input: NewMaintenance,
): Promise<MaintenanceDto> {
  const nowMs = deps.clock.now();
  checkSchedule(input.startsAtMs, input.endsAtMs, nowMs);
  return writeStatusData(deps, async (tx) => {
    const now = new Date(nowMs);
    const row = await tx
      .insert(maintenances)
      .values({
        title: input.title,
        description: input.description,
        startsAt: new Date(input.startsAtMs),
        endsAt: new Date(input.endsAtMs),
        publishedAt: input.publish ? now : null,
        createdByUserId: actor.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    await setServices(tx, row.id, input.services);
    await checkMaintenanceBounds(tx, deps, row.id, input.startsAtMs, input.endsAtMs);
    await syncWindows(tx, row, nowMs, false);
    const dto = await maintenanceById(tx, row.id, nowMs);
    await recordAudit(tx, deps, actor, requestId, {
      action: 'maintenance.create',
      entityType: 'maintenance',
      entityId: row.id,
      after: dto,
    });
    if (input.publish) {
      await emit(tx, deps, {
        type: 'maintenance.scheduled',
        maintenance: dto,
        tellSubscribers: true,
      });
    }
    return dto;
  });
}

/** Loads a maintenance for a change, refusing cancelled and finished ones. */
async function changeable(tx: Tx, id: number, nowMs: number): Promise<MaintenanceRow> {
  const row = await maintenanceRow(tx, id);
  const status = maintenanceStatus(row, nowMs);
  if (status === 'cancelled' || status === 'completed') {
    throw conflict(`Maintenance ${id} is ${status}.`, 'MAINTENANCE_CLOSED');
  }
  return row;
}

async function audited(
  tx: Tx,
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  action: string,
  before: MaintenanceDto,
  id: number,
  nowMs: number,
): Promise<MaintenanceDto> {
  const after = await maintenanceById(tx, id, nowMs);
  await recordAudit(tx, deps, actor, requestId, {
    action,
    entityType: 'maintenance',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Publishes a draft: now becomes the announcedAt of its windows. */
export async function publishMaintenance(
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  id: number,
): Promise<MaintenanceDto> {
  const nowMs = deps.clock.now();
  return writeStatusData(deps, async (tx) => {
    const row = await changeable(tx, id, nowMs);
    if (row.publishedAt !== null) {
      throw conflict(`Maintenance ${id} is already published.`, 'ALREADY_PUBLISHED');
    }
    const before = await maintenanceById(tx, id, nowMs);
    const published = await tx
      .update(maintenances)
      .set({ publishedAt: new Date(nowMs), updatedAt: new Date(nowMs) })
      .where(eq(maintenances.id, id))
      .returning()
      .get();
    await syncWindows(tx, published, nowMs, false);
    const after = await audited(
      tx,
      deps,
      actor,
      requestId,
      'maintenance.publish',
      before,
      id,
      nowMs,
    );
    await emit(tx, deps, {
      type: 'maintenance.scheduled',
      maintenance: after,
      tellSubscribers: true,
    });
    return after;
  });
}

export interface MaintenanceChanges {
  title?: string | undefined;
  description?: string | undefined;
  services?: string[] | undefined;
  startsAtMs?: number | undefined;
  endsAtMs?: number | undefined;
}

/**
 * Edits a maintenance. The schedule and services change only before it starts. A
 * published schedule moved outside what was announced is announced again now (its
 * windows' announcedAt); one shrunk within it keeps its announcement.
 */
export async function editMaintenance(
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  id: number,
  changes: MaintenanceChanges,
): Promise<MaintenanceDto> {
  const nowMs = deps.clock.now();
  return writeStatusData(deps, async (tx) => {
    const row = await changeable(tx, id, nowMs);
    const before = await maintenanceById(tx, id, nowMs);
    const startsAtMs = changes.startsAtMs ?? row.startsAt.getTime();
    const endsAtMs = changes.endsAtMs ?? row.endsAt.getTime();
    // The services as a set: sending the same ones again (a whole form) changes nothing.
    const sameServices =
      changes.services === undefined ||
      isDeepStrictEqual([...new Set(changes.services)].sort(), before.services);
    const reschedules =
      startsAtMs !== row.startsAt.getTime() || endsAtMs !== row.endsAt.getTime() || !sameServices;
    if (reschedules && row.startsAt.getTime() <= nowMs) {
      throw conflict(
        `Maintenance ${id} has started: only its title and description can change; cancel it to end it early.`,
        'MAINTENANCE_STARTED',
      );
    }
    if (reschedules) checkSchedule(startsAtMs, endsAtMs, nowMs);
    const announcedBefore = row.publishedAt !== null;
    const withinAnnounced =
      startsAtMs >= row.startsAt.getTime() && endsAtMs <= row.endsAt.getTime();
    const reannounce = announcedBefore && !withinAnnounced;
    const updated = await tx
      .update(maintenances)
      .set({
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
        startsAt: new Date(startsAtMs),
        endsAt: new Date(endsAtMs),
        ...(reannounce ? { publishedAt: new Date(nowMs) } : {}),
        updatedAt: new Date(nowMs),
      })
      .where(eq(maintenances.id, id))
      .returning()
      .get();
    if (!sameServices && changes.services !== undefined) {
      await setServices(tx, id, changes.services);
    }
    if (reschedules) await checkMaintenanceBounds(tx, deps, id, startsAtMs, endsAtMs);
    await syncWindows(tx, updated, nowMs, reannounce);
    const after = await audited(
      tx,
      deps,
      actor,
      requestId,
      'maintenance.update',
      before,
      id,
      nowMs,
    );
    if (announcedBefore) {
      // An edit that changed nothing is rolled back with this (writeStatusData). Subscribers
      // hear of a new schedule or new components, not of a reworded title.
      await emit(tx, deps, {
        type: 'maintenance.updated',
        maintenance: after,
        tellSubscribers: reschedules,
      });
    }
    return unlessSame(before, after);
  });
}

/**
 * Cancels a maintenance: before it starts, its windows go; while it runs, they end now
 * (it ended early).
 */
export async function cancelMaintenance(
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  id: number,
): Promise<MaintenanceDto> {
  const nowMs = deps.clock.now();
  return writeStatusData(deps, async (tx) => {
    await changeable(tx, id, nowMs);
    const before = await maintenanceById(tx, id, nowMs);
    const cancelled = await tx
      .update(maintenances)
      .set({ cancelledAt: new Date(nowMs), updatedAt: new Date(nowMs) })
      .where(eq(maintenances.id, id))
      .returning()
      .get();
    await syncWindows(tx, cancelled, nowMs, false);
    const after = await audited(
      tx,
      deps,
      actor,
      requestId,
      'maintenance.cancel',
      before,
      id,
      nowMs,
    );
    if (before.publishedAt !== null) {
      await emit(tx, deps, {
        type: 'maintenance.cancelled',
        maintenance: after,
        tellSubscribers: true,
      });
    }
    return after;
  });
}

/**
 * How far back the outbox worker looks for maintenance that started or completed with time:
 * a worker that was down longer does not announce stale starts and ends.
 */
export const TRANSITION_LOOKBACK_MS = 60 * 60 * 1000;

/**
 * Announces published maintenance that started or completed by `nowMs` (within the
 * lookback): `maintenance.started` and `maintenance.completed`, each once whichever worker
 * finds it first (a key per maintenance and instant). One cancelled while running was
 * announced by the cancellation. Returns how many events it announced.
 */
export async function announceMaintenanceTransitions(deps: Deps, nowMs: number): Promise<number> {
  const now = new Date(nowMs);
  const since = new Date(nowMs - TRANSITION_LOOKBACK_MS);
  const rows = await deps.db.db
    .select()
    .from(maintenances)
    .where(
      and(
        isNotNull(maintenances.publishedAt),
        or(
          and(gt(maintenances.startsAt, since), lte(maintenances.startsAt, now)),
          and(gt(maintenances.endsAt, since), lte(maintenances.endsAt, now)),
        ),
      ),
    );
  const wanted: { id: number; type: MaintenanceEventType; key: string }[] = [];
  for (const row of rows) {
    const startMs = row.startsAt.getTime();
    const ran = effectiveEndMs(row) > startMs;
    if (ran && startMs > since.getTime() && startMs <= nowMs) {
      wanted.push({
        id: row.id,
        type: 'maintenance.started',
        key: `maintenance:${row.id}:started:${startMs}`,
      });
    }
    const endMs = row.endsAt.getTime();
    if (ran && row.cancelledAt === null && endMs > since.getTime() && endMs <= nowMs) {
      wanted.push({
        id: row.id,
        type: 'maintenance.completed',
        key: `maintenance:${row.id}:completed:${endMs}`,
      });
    }
  }
  if (wanted.length === 0) return 0;
  const seen = await deps.db.db
    .select({ key: notificationEvents.dedupeKey })
    .from(notificationEvents)
    .where(
      inArray(
        notificationEvents.dedupeKey,
        wanted.map((entry) => entry.key),
      ),
    );
  const fresh = wanted.filter((entry) => !seen.some((row) => row.key === entry.key));
  if (fresh.length === 0) return 0;
  return deps.db.write(async (tx) => {
    let announced = 0;
    for (const entry of fresh) {
      const maintenance = await maintenanceById(tx, entry.id, nowMs);
      const done = await emit(
        tx,
        deps,
        { type: entry.type, maintenance, tellSubscribers: true },
        { dedupeKey: entry.key },
      );
      if (done) announced += 1;
    }
    return announced;
  });
}

/** Every maintenance, drafts included, newest start first (the staff console). */
export async function listAllMaintenance(deps: Deps, limit: number): Promise<MaintenanceDto[]> {
  const { db } = deps.db;
  const rows = await db
    .select()
    .from(maintenances)
    .orderBy(desc(maintenances.startsAt), desc(maintenances.id))
    .limit(limit);
  return withServices(db, rows, deps.clock.now());
}

/** Published maintenance, most recently changed first (the feed). */
export async function recentlyChangedMaintenance(
  deps: Deps,
  limit: number,
  options: { serviceId?: number } = {},
): Promise<MaintenanceDto[]> {
  const { db } = deps.db;
  const serviceId = options.serviceId;
  const rows = await db
    .select()
    .from(maintenances)
    .where(
      and(
        isNotNull(maintenances.publishedAt),
        serviceId === undefined
          ? undefined
          : inArray(
              maintenances.id,
              db
                .select({ id: maintenanceServices.maintenanceId })
                .from(maintenanceServices)
                .where(eq(maintenanceServices.serviceId, serviceId)),
            ),
      ),
    )
    .orderBy(desc(maintenances.updatedAt), desc(maintenances.id))
    .limit(limit);
  return withServices(db, rows, deps.clock.now());
}

export const getMaintenance = (deps: Deps, id: number) =>
  maintenanceById(deps.db.db, id, deps.clock.now());

/** How far back public lists show finished or cancelled maintenance. */
export const RECENT_MAINTENANCE_MS = 30 * 86_400_000;
/** Public lists are capped: a status page shows a handful. */
export const PUBLIC_MAINTENANCE_LIMIT = 50;

/** Published maintenance: running now, upcoming (soonest first), recent (latest first). */
export async function publicMaintenance(deps: Deps, nowMs: number) {
  const { db } = deps.db;
  const now = new Date(nowMs);
  const since = new Date(nowMs - RECENT_MAINTENANCE_MS);
  const published = isNotNull(maintenances.publishedAt);
  const current = await db
    .select()
    .from(maintenances)
    .where(and(published, isNull(maintenances.cancelledAt), gt(maintenances.endsAt, now)))
    .orderBy(asc(maintenances.startsAt), asc(maintenances.id))
    .limit(PUBLIC_MAINTENANCE_LIMIT * 2);
  const past = await db
    .select()
    .from(maintenances)
    .where(
      and(
        published,
        or(
          and(lte(maintenances.endsAt, now), gt(maintenances.endsAt, since)),
          and(lte(maintenances.cancelledAt, now), gt(maintenances.cancelledAt, since)),
        ),
      ),
    )
    .orderBy(desc(maintenances.endsAt), desc(maintenances.id))
    .limit(PUBLIC_MAINTENANCE_LIMIT);
  const dtos = await withServices(db, [...current, ...past], nowMs);
  return {
    active: dtos.filter((dto) => dto.status === 'in_progress'),
    upcoming: dtos.filter((dto) => dto.status === 'scheduled').slice(0, PUBLIC_MAINTENANCE_LIMIT),
    recent: dtos.filter((dto) => dto.status === 'completed' || dto.status === 'cancelled'),
  };
}
