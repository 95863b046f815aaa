import {
  and,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  agreements,
  claims,
  services,
  users,
  WINDOW_SOURCES,
  WINDOW_STATES,
  type WindowSource,
  type WindowState,
  windowCorrections,
  windows,
} from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { conflict, invalidInput, notFound, unprocessable } from '../domain-errors.ts';
import { type Cursor, pageOf } from '../infra/keyset.ts';
import { unchanged, writeStatusData } from '../infra/status-cache.ts';
import { emit } from '../notify/outbox.ts';
import { periodBounds } from '../sla/index.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../sla/instant.ts';
import { recordAudit } from './audit.ts';
import { INCIDENT_PREFIX } from './component-status.ts';
import { refreshRollupsFor, type WindowExtent } from './rollups.ts';

export { WINDOW_SOURCES, WINDOW_STATES };

/** Windows of scheduled maintenance are named `maintenance:<id>:<service>`; monitors may not. */
export const MAINTENANCE_PREFIX = 'maintenance:';

/**
 * A monitor's window belongs to the key that reported it (decision 120): no other key may
 * see it through a replay or change it, and windows nobody's key wrote (people, maintenance,
 * incidents, the demo seed) belong to no monitor.
 */
function ownedBy(apiKeyId: number): SQL | undefined {
  return and(eq(windows.source, 'ingest'), eq(windows.apiKeyId, apiKeyId));
}

/** One answer for every window that is not the caller's, so none is revealed. */
export const takenExternalId = (externalId: string) =>
  conflict(
    `The externalId ${externalId} is taken; monitors prefix their ids with their own name.`,
    'EXTERNAL_ID_TAKEN',
  );

export interface WindowDto {
  id: number;
  externalId: string;
  service: string;
  state: WindowState;
  start: string;
  end: string | null;
  announcedAt: string | null;
  source: WindowSource;
  maintenanceId: number | null;
  /** For source `incident`: the incident holding the component in this state. */
  incidentId: number | null;
  /** For source `incident`: the person who set the status (staff reads only). */
  author: { id: number; email: string } | null;
  createdAt: string;
  updatedAt: string;
}

type WindowRow = typeof windows.$inferSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function windowDto(
  row: WindowRow,
  serviceSlug: string,
  author: { id: number; email: string } | null = null,
): WindowDto {
  return {
    id: row.id,
    externalId: row.externalId,
    service: serviceSlug,
    state: row.state,
    start: row.start.toISOString(),
    end: iso(row.end),
    announcedAt: iso(row.announcedAt),
    source: row.source,
    maintenanceId: row.maintenanceId,
    incidentId: row.incidentId,
    author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const extentOf = (row: Pick<WindowRow, 'serviceId' | 'start' | 'end'>): WindowExtent => ({
  serviceId: row.serviceId,
  startMs: row.start.getTime(),
  endMs: row.end?.getTime() ?? null,
});

export interface IngestWindowInput {
  externalId: string;
  service: string;
  state: WindowState;
  startMs: number;
  endMs: number | null;
  announcedAtMs: number | null;
}

/**
 * The request as canonical JSON: what a replay must match. Instants are normalised, so
 * `…T10:00:00Z` and `…T10:00:00.000+00:00` are the same request.
 */
export function windowFingerprint(input: IngestWindowInput): string {
  const text = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return JSON.stringify({
    externalId: input.externalId,
    service: input.service,
    state: input.state,
    start: text(input.startMs),
    end: text(input.endMs),
    announcedAt: text(input.announcedAtMs),
  });
}

/** Why a monitor may not use `externalId` (another writer's prefix), or null. */
export function reservedIdProblem(externalId: string): string | null {
  if (externalId.startsWith(MAINTENANCE_PREFIX)) {
    return `External ids starting with "${MAINTENANCE_PREFIX}" belong to scheduled maintenance.`;
  }
  if (externalId.startsWith(INCIDENT_PREFIX)) {
    return `External ids starting with "${INCIDENT_PREFIX}" belong to component statuses set on incidents.`;
  }
  return null;
}

function rejectReserved(externalId: string): void {
  const problem = reservedIdProblem(externalId);
  if (problem !== null) throw unprocessable(problem, 'RESERVED_EXTERNAL_ID');
}

// ——— Bounds (docs/decisions/111-window-bounds.md) ———

/** Where a window written now may lie: each bound as epoch ms, with why it is there. */
export interface WindowBounds {
  earliestMs: number;
  earliestWhy: string;
  latestMs: number;
  latestWhy: string;
}

/**
 * A window may start no earlier than the service's monitoredSince less the backfill horizon
 * (late monitors backfill history; nothing older counts), and reach no later than now plus
 * the clock skew a monitor's clock may have. Each bound limits the days one write touches.
 */
export function windowBounds(deps: Deps, monitoredSince: Date): WindowBounds {
  const { backfillDays, clockSkewMs } = deps.config;
  return {
    earliestMs: monitoredSince.getTime() - backfillDays * MS_PER_DAY,
    earliestWhy: `the service's monitoring began ${monitoredSince.toISOString()}, and windows reach back at most ${backfillDays} days before that`,
    latestMs: deps.clock.now() + clockSkewMs,
    latestWhy: `now plus ${clockSkewMs / MS_PER_MINUTE} minutes for clock skew`,
  };
}

/**
 * One instant a write sets, with the field that carries it. A start is checked against both
 * bounds; an end only against the latest (a new start is checked itself, and an end that
 * only shortens a window written before monitoredSince moved keeps it where it was).
 */
export interface BoundedInstant {
  path: string;
  ms: number;
  kind: 'start' | 'end';
}

/**
 * A 422 `WINDOW_OUT_OF_BOUNDS` naming the bound when an instant a write sets lies outside
 * the bounds. Only the instants the write sets are checked: a window written before
 * monitoredSince moved keeps its place.
 */
export function checkWindowBounds(bounds: WindowBounds, instants: readonly BoundedInstant[]): void {
  const issues = windowBoundsIssues(bounds, instants);
  const first = issues[0];
  if (first !== undefined) {
    throw unprocessable(`The ${first.path} ${first.message}.`, 'WINDOW_OUT_OF_BOUNDS', issues);
  }
}

/** Each instant outside the bounds, as an issue naming its field and the bound. */
export function windowBoundsIssues(
  bounds: WindowBounds,
  instants: readonly BoundedInstant[],
): { path: string; message: string }[] {
  return instants.flatMap(({ path, ms, kind }) => {
    if (kind === 'start' && ms < bounds.earliestMs) {
      const at = new Date(bounds.earliestMs).toISOString();
      return [{ path, message: `must not be before ${at}: ${bounds.earliestWhy}` }];
    }
    if (ms > bounds.latestMs) {
      const at = new Date(bounds.latestMs).toISOString();
      return [{ path, message: `must not be after ${at}: ${bounds.latestWhy}` }];
    }
    return [];
  });
}

async function serviceBySlug(tx: Tx, slug: string) {
  const service = await tx.select().from(services).where(eq(services.slug, slug)).get();
  if (!service?.active) {
    throw unprocessable(`There is no active service "${slug}".`, 'UNKNOWN_SERVICE', [
      { path: 'service', message: 'unknown service' },
    ]);
  }
  return service;
}

/**
 * Records a monitor's window, idempotently on its externalId: created (201), the same
 * request again (200, the window as it is now), or another request (409).
 */
export async function ingestWindow(
  deps: Deps,
  apiKeyId: number,
  input: IngestWindowInput,
): Promise<{ created: boolean; window: WindowDto }> {
  rejectReserved(input.externalId);
  const fingerprint = windowFingerprint(input);
  return writeStatusData(deps, async (tx) => {
    const replay = async () => {
      const existing = await tx
        .select()
        .from(windows)
        .where(eq(windows.externalId, input.externalId))
        .get();
      if (existing === undefined) return undefined;
      if (existing.source !== 'ingest' || existing.apiKeyId !== apiKeyId) {
        throw takenExternalId(input.externalId);
      }
      if (existing.requestFingerprint !== fingerprint) {
        throw conflict(
          `A different window ${input.externalId} exists; change it with PATCH.`,
          'WINDOW_CONFLICT',
        );
      }
      // A replay records nothing: the status (and the site) stay as they are.
      return unchanged({ created: false, window: windowDto(existing, input.service) });
    };
    const earlier = await replay();
    if (earlier) return earlier;
    const service = await serviceBySlug(tx, input.service);
    checkWindowBounds(windowBounds(deps, service.monitoredSince), [
      { path: 'start', ms: input.startMs, kind: 'start' },
      ...(input.endMs === null ? [] : [{ path: 'end', ms: input.endMs, kind: 'end' } as const]),
    ]);
    const nowDate = new Date(deps.clock.now());
    const row = await tx
      .insert(windows)
      .values({
        serviceId: service.id,
        externalId: input.externalId,
        state: input.state,
        start: new Date(input.startMs),
        end: input.endMs === null ? null : new Date(input.endMs),
        announcedAt: input.announcedAtMs === null ? null : new Date(input.announcedAtMs),
        source: 'ingest',
        apiKeyId,
        requestFingerprint: fingerprint,
        createdAt: nowDate,
        updatedAt: nowDate,
      })
      // Another process may have inserted it since the read: then it is a replay or a conflict.
      .onConflictDoNothing({ target: windows.externalId })
      .returning()
      .get();
    if (row === undefined) {
      const raced = await replay();
      if (raced) return raced;
      throw new Error(`window ${input.externalId} neither inserted nor found`);
    }
    await refreshRollupsFor(tx, [extentOf(row)]);
    return { created: true, window: windowDto(row, service.slug) };
  });
}

async function windowWithService(tx: Tx, where: SQL | undefined) {
  const row = await tx
    .select({ window: windows, slug: services.slug, monitoredSince: services.monitoredSince })
    .from(windows)
    .innerJoin(services, eq(services.id, windows.serviceId))
    .where(where)
    .get();
  return row;
}

/**
 * Closes an open window the calling key reported. Closing it again with the same end is a
 * replay (200); with another end, a conflict (409): a monitor never rewrites a closed
 * window, staff correct it. Any other window (another key's, maintenance, one held by a
 * person on an incident, the demo seed's) answers as if it did not exist (404).
 */
export async function closeWindow(
  deps: Deps,
  apiKeyId: number,
  externalId: string,
  endMs: number,
): Promise<WindowDto> {
  return writeStatusData(deps, async (tx) => {
    const found = await windowWithService(
      tx,
      and(eq(windows.externalId, externalId), ownedBy(apiKeyId)),
    );
    if (!found) throw notFound(`There is no monitor window ${externalId}.`);
    const { window, slug } = found;
    if (window.end !== null) {
      if (window.end.getTime() === endMs) return unchanged(windowDto(window, slug));
      throw conflict(
        `Window ${externalId} already ended at ${window.end.toISOString()}.`,
        'WINDOW_CLOSED',
      );
    }
    if (endMs <= window.start.getTime()) {
      throw invalidInput('The end must be after the start.', [
        { path: 'end', message: `must be after ${window.start.toISOString()}` },
      ]);
    }
    checkWindowBounds(windowBounds(deps, found.monitoredSince), [
      { path: 'end', ms: endMs, kind: 'end' },
    ]);
    const row = await tx
      .update(windows)
      .set({ end: new Date(endMs), updatedAt: new Date(deps.clock.now()) })
      .where(eq(windows.id, window.id))
      .returning()
      .get();
    await refreshRollupsFor(tx, [extentOf(row)]);
    return windowDto(row, slug);
  });
}

// ——— Corrections by staff ———

interface WindowValues {
  state: WindowState;
  start: string;
  end: string | null;
}

export interface CorrectionDto {
  id: number;
  windowId: number;
  externalId: string;
  service: string;
  actor: { id: number; email: string };
  reason: string;
  before: WindowValues;
  after: WindowValues;
  /** True when an approved or credited claim covered the changed time when it was made. */
  affectsDecidedClaim: boolean;
  createdAt: string;
}

/** A signed-in person: staff writes record who did them. */

export interface CorrectionInput {
  state?: WindowState | undefined;
  startMs?: number | undefined;
  endMs?: number | undefined;
  reason: string;
}

/**
 * True when an approved or credited claim on this service covers any of the extents: its
 * period (a month in the agreement's zone) overlaps them. The figures of such a claim are
 * frozen (sla-accounting.md §4); the correction shows beside them.
 */
async function decidedClaimCovers(
  tx: Tx,
  serviceId: number,
  extents: readonly { startMs: number; endMs: number }[],
): Promise<boolean> {
  const decided = await tx
    .select({ period: claims.period, timeZone: agreements.timeZone })
    .from(claims)
    .innerJoin(agreements, eq(agreements.id, claims.agreementId))
    .where(and(eq(claims.serviceId, serviceId), inArray(claims.status, ['approved', 'credited'])));
  return decided.some(({ period, timeZone }) => {
    const bounds = periodBounds(period, timeZone);
    return extents.some((extent) => extent.startMs < bounds.endMs && extent.endMs > bounds.startMs);
  });
}

/**
 * Corrects a window's state, start or end. The window takes the new values; the
 * correction keeps who, when, why, before and after, and whether a decided claim covers
 * the changed time. Roll-ups under the old and the new extent are recomputed.
 */
export async function correctWindow(
  ctx: StaffContext,
  windowId: number,
  input: CorrectionInput,
): Promise<CorrectionDto> {
  const { deps } = ctx;
  return writeStatusData(deps, (tx) => applyCorrection(tx, ctx, windowId, input));
}

/**
 * The correction in the caller's transaction: what `correctWindow` commits, and what its
 * preview applies and rolls back (docs/decisions/133-correction-preview.md).
 */
export async function applyCorrection(
  tx: Tx,
  ctx: StaffContext,
  windowId: number,
  input: CorrectionInput,
): Promise<CorrectionDto> {
  const { deps, principal: actor } = ctx;
  const found = await windowWithService(tx, eq(windows.id, windowId));
  if (!found) throw notFound(`There is no window ${windowId}.`);
  const { window, slug } = found;
  if (window.maintenanceId !== null) {
    throw conflict(
      `Window ${window.externalId} belongs to maintenance ${window.maintenanceId}: change the maintenance.`,
      'MAINTENANCE_WINDOW',
    );
  }
  const before = { state: window.state, start: window.start, end: window.end };
  const after = {
    state: input.state ?? window.state,
    start: input.startMs === undefined ? window.start : new Date(input.startMs),
    end: input.endMs === undefined ? window.end : new Date(input.endMs),
  };
  if (after.end !== null && after.end <= after.start) {
    throw invalidInput('The end must be after the start.', [
      { path: 'end', message: `must be after ${after.start.toISOString()}` },
    ]);
  }
  checkWindowBounds(windowBounds(deps, found.monitoredSince), [
    ...(input.startMs === undefined
      ? []
      : [{ path: 'start', ms: input.startMs, kind: 'start' } as const]),
    ...(input.endMs === undefined ? [] : [{ path: 'end', ms: input.endMs, kind: 'end' } as const]),
  ]);
  const same =
    after.state === before.state &&
    after.start.getTime() === before.start.getTime() &&
    after.end?.getTime() === before.end?.getTime();
  if (same) throw unprocessable('The correction changes nothing.', 'NOTHING_TO_CORRECT');

  const nowMs = deps.clock.now();
  // An open window reaches up to now (and on), so its extent is open-ended.
  const reach = (values: typeof before) => ({
    startMs: values.start.getTime(),
    endMs: values.end?.getTime() ?? Number.POSITIVE_INFINITY,
  });
  const affectsDecidedClaim = await decidedClaimCovers(tx, window.serviceId, [
    reach(before),
    reach(after),
  ]);
  await tx
    .update(windows)
    .set({ ...after, updatedAt: new Date(nowMs) })
    .where(eq(windows.id, window.id));
  const valuesOf = (values: typeof before): WindowValues => ({
    state: values.state,
    start: values.start.toISOString(),
    end: iso(values.end),
  });
  const correction = await tx
    .insert(windowCorrections)
    .values({
      windowId: window.id,
      actorUserId: actor.user.id,
      reason: input.reason,
      before: valuesOf(before),
      after: valuesOf(after),
      affectsDecidedClaim,
      createdAt: new Date(nowMs),
    })
    .returning()
    .get();
  await refreshRollupsFor(tx, [
    extentOf({ serviceId: window.serviceId, ...before }),
    extentOf({ serviceId: window.serviceId, ...after }),
  ]);
  await recordAudit(tx, ctx, {
    action: 'window.correct',
    entityType: 'window',
    entityId: window.id,
    before: correction.before,
    after: { ...valuesOf(after), reason: input.reason },
  });
  const dto = correctionDto(correction, window, slug, {
    id: actor.user.id,
    email: actor.user.email,
  });
  // Written in the correction's transaction: a preview that rolls back leaves no event behind.
  await emit(tx, deps, { type: 'window.corrected', correction: dto, serviceId: window.serviceId });
  return dto;
}

function correctionDto(
  row: typeof windowCorrections.$inferSelect,
  window: Pick<WindowRow, 'externalId'>,
  slug: string,
  actor: { id: number; email: string },
): CorrectionDto {
  return {
    id: row.id,
    windowId: row.windowId,
    externalId: window.externalId,
    service: slug,
    actor,
    reason: row.reason,
    before: row.before,
    after: row.after,
    affectsDecidedClaim: row.affectsDecidedClaim,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Corrections, newest first: of one window, or of every window of one service. */
export async function listCorrections(
  deps: Deps,
  filter: { windowId: number } | { service: string },
): Promise<CorrectionDto[]> {
  const { db } = deps.db;
  if ('service' in filter) {
    const service = await db.select().from(services).where(eq(services.slug, filter.service)).get();
    if (!service) throw notFound(`There is no service ${filter.service}.`);
  } else {
    const window = await db.select().from(windows).where(eq(windows.id, filter.windowId)).get();
    if (!window) throw notFound(`There is no window ${filter.windowId}.`);
  }
  const rows = await db
    .select({
      correction: windowCorrections,
      externalId: windows.externalId,
      slug: services.slug,
      actorId: users.id,
      actorEmail: users.email,
    })
    .from(windowCorrections)
    .innerJoin(windows, eq(windows.id, windowCorrections.windowId))
    .innerJoin(services, eq(services.id, windows.serviceId))
    .innerJoin(users, eq(users.id, windowCorrections.actorUserId))
    .where(
      'service' in filter
        ? eq(services.slug, filter.service)
        : eq(windowCorrections.windowId, filter.windowId),
    )
    .orderBy(desc(windowCorrections.createdAt), desc(windowCorrections.id))
    .limit(MAX_CORRECTIONS);
  return rows.map((row) =>
    correctionDto(row.correction, { externalId: row.externalId }, row.slug, {
      id: row.actorId,
      email: row.actorEmail,
    }),
  );
}

/** Corrections are rare; a service's list is capped rather than paged. */
const MAX_CORRECTIONS = 500;

/**
 * Every correction of the service's windows whose extent before or after meets
 * `[startMs, endMs]` (closed: a window touching the range may join a run reaching into it),
 * newest first. No cap: a claim's review must see all that concern it, however many later
 * corrections the service had. `endMs` may be infinite (an open window reaches on).
 */
export async function correctionsMeeting(
  deps: Deps,
  serviceId: number,
  range: { startMs: number; endMs: number },
): Promise<CorrectionDto[]> {
  // before/after hold instants written by toISOString (`valuesOf`), so text order is time order.
  const startText = new Date(range.startMs).toISOString();
  const endText = Number.isFinite(range.endMs) ? new Date(range.endMs).toISOString() : null;
  const meets = (column: SQLWrapper): SQL | undefined =>
    and(
      endText === null ? undefined : sql`json_extract(${column}, '$.start') <= ${endText}`,
      or(
        sql`json_extract(${column}, '$.end') IS NULL`,
        sql`json_extract(${column}, '$.end') >= ${startText}`,
      ),
    );
  const rows = await deps.db.db
    .select({
      correction: windowCorrections,
      externalId: windows.externalId,
      slug: services.slug,
      actorId: users.id,
      actorEmail: users.email,
    })
    .from(windowCorrections)
    .innerJoin(windows, eq(windows.id, windowCorrections.windowId))
    .innerJoin(services, eq(services.id, windows.serviceId))
    .innerJoin(users, eq(users.id, windowCorrections.actorUserId))
    .where(
      and(
        eq(windows.serviceId, serviceId),
        or(meets(windowCorrections.before), meets(windowCorrections.after)),
      ),
    )
    .orderBy(desc(windowCorrections.createdAt), desc(windowCorrections.id));
  return rows.map((row) =>
    correctionDto(row.correction, { externalId: row.externalId }, row.slug, {
      id: row.actorId,
      email: row.actorEmail,
    }),
  );
}

export interface WindowQuery {
  /** A service slug; absent: every service. */
  service?: string | undefined;
  state?: WindowState | undefined;
  source?: WindowSource | undefined;
  /** True: only windows still going on (no end); false: only closed ones. */
  open?: boolean | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

/**
 * Windows overlapping `[fromMs, toMs)` (of one service, or all), with the state, source and
 * open filters, newest start first, a page at a time.
 */
export async function listWindows(
  deps: Deps,
  query: WindowQuery,
  page: { limit: number; cursor: Cursor | undefined },
) {
  const { db } = deps.db;
  let serviceId: number | undefined;
  if (query.service !== undefined) {
    const service = await db.select().from(services).where(eq(services.slug, query.service)).get();
    if (!service) throw notFound(`There is no service ${query.service}.`);
    serviceId = service.id;
  }
  const rows = await db
    .select({ window: windows, slug: services.slug, authorId: users.id, authorEmail: users.email })
    .from(windows)
    .innerJoin(services, eq(services.id, windows.serviceId))
    .leftJoin(users, eq(users.id, windows.authorUserId))
    .where(
      and(
        serviceId === undefined ? undefined : eq(windows.serviceId, serviceId),
        query.state === undefined ? undefined : eq(windows.state, query.state),
        query.source === undefined ? undefined : eq(windows.source, query.source),
        query.open === undefined
          ? undefined
          : query.open
            ? isNull(windows.end)
            : isNotNull(windows.end),
        query.toMs === undefined ? undefined : lt(windows.start, new Date(query.toMs)),
        query.fromMs === undefined
          ? undefined
          : or(isNull(windows.end), gt(windows.end, new Date(query.fromMs))),
        page.cursor === undefined
          ? undefined
          : or(
              lt(windows.start, new Date(page.cursor.atMs)),
              and(eq(windows.start, new Date(page.cursor.atMs)), lt(windows.id, page.cursor.id)),
            ),
      ),
    )
    .orderBy(desc(windows.start), desc(windows.id))
    .limit(page.limit + 1);
  return pageOf(
    rows,
    page.limit,
    (row) => ({ atMs: row.window.start.getTime(), id: row.window.id }),
    (row) =>
      windowDto(
        row.window,
        row.slug,
        row.authorId === null || row.authorEmail === null
          ? null
          : { id: row.authorId, email: row.authorEmail },
      ),
  );
}
