import { isDeepStrictEqual } from 'node:util';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  maintenanceServices,
  maintenances,
  notificationEvents,
  services,
  windows,
} from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { conflict, invalidInput, notFound, unprocessable } from '../domain-errors.ts';
import { type Cursor, pageOf } from '../infra/keyset.ts';
import { unlessSame, writeStatusData } from '../infra/status-cache.ts';
import type { MaintenanceEventType } from '../notify/events.ts';
import { emit } from '../notify/outbox.ts';
import { MS_PER_DAY } from '../sla/instant.ts';
import { recordAudit } from './audit.ts';
import { refreshRollupsFor, type WindowExtent } from './rollups.ts';
import { checkWindowBounds, MAINTENANCE_PREFIX, windowBounds } from './windows.ts';

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
  /**
   * When staff started it before startsAt: from then to startsAt it was not announced in
   * advance (docs/decisions/132-maintenance-early-start-and-completion.md).
   */
  startedEarlyAt: string | null;
  /** When staff ended it before endsAt, the work done. */
  completedEarlyAt: string | null;
  /** Actual end: endsAt, or when it ended early; null until it has ended. */
  endedAt: string | null;
  services: string[];
  createdAt: string;
  updatedAt: string;
}

type MaintenanceRow = typeof maintenances.$inferSelect;

/**
 * Where the maintenance's windows end: at endsAt, or earlier when cancelled while running
 * or completed early.
 */
function effectiveEndMs(row: MaintenanceRow): number {
  return Math.min(
    row.endsAt.getTime(),
    row.cancelledAt?.getTime() ?? Number.POSITIVE_INFINITY,
    row.completedEarlyAt?.getTime() ?? Number.POSITIVE_INFINITY,
  );
}

/** Where its windows start: at startsAt, or earlier when started early. */
function effectiveStartMs(row: MaintenanceRow): number {
  return row.startedEarlyAt?.getTime() ?? row.startsAt.getTime();
}

export function maintenanceStatus(row: MaintenanceRow, nowMs: number): MaintenanceStatus {
  if (row.publishedAt === null) return row.cancelledAt === null ? 'draft' : 'cancelled';
  const startMs = effectiveStartMs(row);
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
    startedEarlyAt: row.startedEarlyAt?.toISOString() ?? null,
    completedEarlyAt: row.completedEarlyAt?.toISOString() ?? null,
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

/** A window the maintenance should have on one service. */
interface WantedWindow {
  externalId: string;
  serviceId: number;
  slug: string;
  startMs: number;
  endMs: number;
  /** A fixed announcement (an early start's part), or null: kept, or now for a new window. */
  announcedAtMs: number | null;
}

/**
 * The windows a maintenance should have: while published and running at all, per service
 * one `maintenance:<id>:<service>` over `[startsAt, effective end)` and, when started early,
 * one `maintenance:<id>:<service>:early` over `[startedEarlyAt, startsAt)` announced only at
 * that moment (docs/decisions/132-maintenance-early-start-and-completion.md).
 */
function wantedWindows(
  row: MaintenanceRow,
  services: readonly { id: number; slug: string }[],
): WantedWindow[] {
  const startMs = row.startsAt.getTime();
  const endMs = effectiveEndMs(row);
  if (row.publishedAt === null || endMs <= effectiveStartMs(row)) return [];
  return services.flatMap((service) => {
    const main = `${MAINTENANCE_PREFIX}${row.id}:${service.slug}`;
    const windows: WantedWindow[] = [];
    if (row.startedEarlyAt !== null) {
      windows.push({
        externalId: `${main}${EARLY_SUFFIX}`,
        serviceId: service.id,
        slug: service.slug,
        startMs: row.startedEarlyAt.getTime(),
        endMs: Math.min(startMs, endMs),
        announcedAtMs: row.startedEarlyAt.getTime(),
      });
    }
    if (endMs > startMs) {
      windows.push({
        externalId: main,
        serviceId: service.id,
        slug: service.slug,
        startMs,
        endMs,
        announcedAtMs: null,
      });
    }
    return windows;
  });
}

/** The external id suffix of the part of a maintenance that started before its announced start. */
export const EARLY_SUFFIX = ':early';

/**
 * Makes the maintenance's windows match it (see `wantedWindows`). New windows are announced
 * now; moved ones keep their announcement unless `reannounce`. Roll-ups under every old and
 * new extent are recomputed.
 */
async function syncWindows(
  tx: Tx,
  row: MaintenanceRow,
  nowMs: number,
  reannounce: boolean,
): Promise<void> {
  const affected = await tx
    .select({ id: services.id, slug: services.slug })
    .from(maintenanceServices)
    .innerJoin(services, eq(services.id, maintenanceServices.serviceId))
    .where(eq(maintenanceServices.maintenanceId, row.id));
  const wanted = wantedWindows(row, affected);
  const existing = await tx.select().from(windows).where(eq(windows.maintenanceId, row.id));
  const extents: WindowExtent[] = existing.map((window) => ({
    serviceId: window.serviceId,
    startMs: window.start.getTime(),
    endMs: window.end?.getTime() ?? null,
  }));
  const now = new Date(nowMs);
  for (const window of existing) {
    const target = wanted.find((candidate) => candidate.externalId === window.externalId);
    if (target === undefined) {
      await tx.delete(windows).where(eq(windows.id, window.id));
      continue;
    }
    const announcedAt =
      target.announcedAtMs !== null
        ? new Date(target.announcedAtMs)
        : reannounce
          ? now
          : window.announcedAt;
    if (
      window.start.getTime() !== target.startMs ||
      window.end?.getTime() !== target.endMs ||
      window.announcedAt?.getTime() !== announcedAt?.getTime()
    ) {
      await tx
        .update(windows)
        .set({
          start: new Date(target.startMs),
          end: new Date(target.endMs),
          announcedAt,
          updatedAt: now,
        })
        .where(eq(windows.id, window.id));
    }
  }
  for (const target of wanted) {
    if (existing.some((window) => window.externalId === target.externalId)) continue;
    await tx.insert(windows).values({
      serviceId: target.serviceId,
      externalId: target.externalId,
      state: 'maintenance',
      start: new Date(target.startMs),
      end: new Date(target.endMs),
      announcedAt: new Date(target.announcedAtMs ?? nowMs),
      source: 'staff',
      apiKeyId: null,
      requestFingerprint: JSON.stringify({
        maintenanceId: row.id,
        service: target.slug,
        ...(target.externalId.endsWith(EARLY_SUFFIX) ? { early: true } : {}),
      }),
      maintenanceId: row.id,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const target of wanted) {
    extents.push({ serviceId: target.serviceId, startMs: target.startMs, endMs: target.endMs });
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
  ctx: StaffContext,
  input: NewMaintenance,
): Promise<MaintenanceDto> {
  const { deps, principal: actor } = ctx;
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
    await recordAudit(tx, ctx, {
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
  ctx: StaffContext,
  action: string,
  before: MaintenanceDto,
  id: number,
  nowMs: number,
): Promise<MaintenanceDto> {
  const after = await maintenanceById(tx, id, nowMs);
  await recordAudit(tx, ctx, {
    action,
    entityType: 'maintenance',
    entityId: id,
    before,
    after,
  });
  return after;
}

/**
 * One step of a maintenance's life that happens now (published, started or completed
 * early): the instant stamped, its windows brought in line, the change audited and
 * announced, all in the caller's transaction.
 */
async function stampAndAnnounce(
  tx: Tx,
  ctx: StaffContext,
  row: typeof maintenances.$inferSelect,
  nowMs: number,
  step: {
    stamp: 'publishedAt' | 'startedEarlyAt' | 'completedEarlyAt';
    action: string;
    event: 'maintenance.scheduled' | 'maintenance.started' | 'maintenance.completed';
    dedupeKey?: string;
  },
): Promise<MaintenanceDto> {
  const { deps } = ctx;
  const before = await maintenanceById(tx, row.id, nowMs);
  const stamped = await tx
    .update(maintenances)
    .set({ [step.stamp]: new Date(nowMs), updatedAt: new Date(nowMs) })
    .where(eq(maintenances.id, row.id))
    .returning()
    .get();
  await syncWindows(tx, stamped, nowMs, false);
  const after = await audited(tx, ctx, step.action, before, row.id, nowMs);
  await emit(
    tx,
    deps,
    { type: step.event, maintenance: after, tellSubscribers: true },
    step.dedupeKey === undefined ? {} : { dedupeKey: step.dedupeKey },
  );
  return after;
}

/** Publishes a draft: now becomes the announcedAt of its windows. */
export async function publishMaintenance(ctx: StaffContext, id: number): Promise<MaintenanceDto> {
  const { deps } = ctx;
  const nowMs = deps.clock.now();
  return writeStatusData(deps, async (tx) => {
    const row = await changeable(tx, id, nowMs);
    if (row.publishedAt !== null) {
      throw conflict(`Maintenance ${id} is already published.`, 'ALREADY_PUBLISHED');
    }
    return stampAndAnnounce(tx, ctx, row, nowMs, {
      stamp: 'publishedAt',
      action: 'maintenance.publish',
      event: 'maintenance.scheduled',
    });
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
  ctx: StaffContext,
  id: number,
  changes: MaintenanceChanges,
): Promise<MaintenanceDto> {
  const { deps } = ctx;
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
    if (reschedules && effectiveStartMs(row) <= nowMs) {
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
    const after = await audited(tx, ctx, 'maintenance.update', before, id, nowMs);
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
export async function cancelMaintenance(ctx: StaffContext, id: number): Promise<MaintenanceDto> {
  const { deps } = ctx;
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
    const after = await audited(tx, ctx, 'maintenance.cancel', before, id, nowMs);
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
/**
 * One key per maintenance and planned instant: a start or completion announced early by staff
 * is not announced again by the worker when the planned instant passes.
 */
function transitionKey(id: number, what: 'started' | 'completed', plannedMs: number): string {
  return `maintenance:${id}:${what}:${plannedMs}`;
}

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
        key: transitionKey(row.id, 'started', startMs),
      });
    }
    const endMs = row.endsAt.getTime();
    if (ran && row.cancelledAt === null && endMs > since.getTime() && endMs <= nowMs) {
      wanted.push({
        id: row.id,
        type: 'maintenance.completed',
        key: transitionKey(row.id, 'completed', endMs),
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

/**
 * Starts a scheduled maintenance now, before its announced start. The announced window keeps
 * its announcement; the time from now to startsAt becomes a window of its own announced only
 * now, so a policy that wants notice counts it as downtime (sla-accounting §3.2). Without
 * `acknowledgeUnannounced` it is refused with a 422 that says so.
 */
export async function startMaintenanceEarly(
  ctx: StaffContext,
  id: number,
  acknowledgeUnannounced: boolean,
): Promise<MaintenanceDto> {
  const { deps } = ctx;
  const nowMs = deps.clock.now();
  return writeStatusData(deps, async (tx) => {
    const row = await changeable(tx, id, nowMs);
    const status = maintenanceStatus(row, nowMs);
    if (status === 'draft') {
      throw conflict(
        `Maintenance ${id} is a draft: nobody was told of it. Publish it first, or schedule it to start now.`,
        'MAINTENANCE_NOT_PUBLISHED',
      );
    }
    if (status !== 'scheduled') {
      throw conflict(`Maintenance ${id} has started already.`, 'MAINTENANCE_STARTED');
    }
    if (!acknowledgeUnannounced) {
      throw unprocessable(
        `Maintenance ${id} was announced to start at ${row.startsAt.toISOString()}. Starting it now, ` +
          'the time until then was not announced in advance: it counts as downtime for every ' +
          'policy that requires notice. Send acknowledgeUnannounced: true to start it anyway.',
        'EARLY_START_NOT_ACKNOWLEDGED',
        [
          {
            path: 'acknowledgeUnannounced',
            message: 'must be true to start before the announced time',
          },
        ],
      );
    }
    return stampAndAnnounce(tx, ctx, row, nowMs, {
      stamp: 'startedEarlyAt',
      action: 'maintenance.start_early',
      event: 'maintenance.started',
      dedupeKey: transitionKey(id, 'started', row.startsAt.getTime()),
    });
  });
}

/** Ends a running maintenance now, before its planned end: the work is done. */
export async function completeMaintenanceEarly(
  ctx: StaffContext,
  id: number,
): Promise<MaintenanceDto> {
  const { deps } = ctx;
  const nowMs = deps.clock.now();
  return writeStatusData(deps, async (tx) => {
    const row = await changeable(tx, id, nowMs);
    if (maintenanceStatus(row, nowMs) !== 'in_progress') {
      throw conflict(
        `Maintenance ${id} has not started: cancel it instead, or start it early first.`,
        'MAINTENANCE_NOT_STARTED',
      );
    }
    return stampAndAnnounce(tx, ctx, row, nowMs, {
      stamp: 'completedEarlyAt',
      action: 'maintenance.complete_early',
      event: 'maintenance.completed',
      dedupeKey: transitionKey(id, 'completed', row.endsAt.getTime()),
    });
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

/** A published maintenance (its public page); a draft is nobody's business: 404. */
export async function getPublishedMaintenance(deps: Deps, id: number): Promise<MaintenanceDto> {
  const dto = await getMaintenance(deps, id);
  if (dto.publishedAt === null) throw notFound(`There is no maintenance ${id}.`);
  return dto;
}

/** Every published maintenance, newest start first, a page at a time (the public pages). */
export async function listPublishedMaintenance(
  deps: Deps,
  page: { limit: number; cursor: Cursor | undefined },
): Promise<{ items: MaintenanceDto[]; nextCursor: string | null }> {
  const { db } = deps.db;
  const rows = await db
    .select()
    .from(maintenances)
    .where(
      and(
        isNotNull(maintenances.publishedAt),
        page.cursor === undefined
          ? undefined
          : or(
              lt(maintenances.startsAt, new Date(page.cursor.atMs)),
              and(
                eq(maintenances.startsAt, new Date(page.cursor.atMs)),
                lt(maintenances.id, page.cursor.id),
              ),
            ),
      ),
    )
    .orderBy(desc(maintenances.startsAt), desc(maintenances.id))
    .limit(page.limit + 1);
  const listed = pageOf(
    rows,
    page.limit,
    (row) => ({ atMs: row.startsAt.getTime(), id: row.id }),
    (row) => row,
  );
  return {
    items: await withServices(db, listed.items, deps.clock.now()),
    nextCursor: listed.nextCursor,
  };
}

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
    .where(
      and(
        published,
        isNull(maintenances.cancelledAt),
        isNull(maintenances.completedEarlyAt),
        gt(maintenances.endsAt, now),
      ),
    )
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
          and(lte(maintenances.completedEarlyAt, now), gt(maintenances.completedEarlyAt, since)),
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
