import { and, asc, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  INCIDENT_IMPACTS,
  INCIDENT_STATUSES,
  incidentServices,
  incidents,
  incidentUpdates,
  services,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { conflict, notFound, unprocessable } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { type Cursor, pageOf } from './keyset.ts';
import { unchanged, unlessSame, writeStatusData } from './status-cache.ts';
import type { StaffPrincipal } from './windows.ts';

export { INCIDENT_IMPACTS, INCIDENT_STATUSES };
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

export interface IncidentUpdateDto {
  id: number;
  status: IncidentStatus;
  body: string;
  /** `automated` when an API key wrote it, `human` when a signed-in person did. */
  kind: 'automated' | 'human';
  createdAt: string;
}

export interface IncidentSummaryDto {
  id: number;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  /** `ingest` for incidents a monitor opened, `staff` for those a person opened. */
  source: 'ingest' | 'staff';
  startedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
  services: string[];
  latestUpdate: IncidentUpdateDto | null;
  firstHumanUpdateAt: string | null;
  /** From startedAt to the first human update; automated updates never count. */
  timeToFirstHumanUpdateMs: number | null;
}

export interface IncidentDto extends IncidentSummaryDto {
  /** Oldest first. */
  updates: IncidentUpdateDto[];
}

type IncidentRow = typeof incidents.$inferSelect;
type UpdateRow = typeof incidentUpdates.$inferSelect;

function updateDto(row: UpdateRow): IncidentUpdateDto {
  return {
    id: row.id,
    status: row.status,
    body: row.body,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
  };
}

function incidentDto(row: IncidentRow, slugs: string[], updates: UpdateRow[]): IncidentDto {
  const firstHuman = updates.find((update) => update.kind === 'human');
  const latest = updates.at(-1);
  return {
    id: row.id,
    title: row.title,
    impact: row.impact,
    status: row.status,
    source: row.externalId === null ? 'staff' : 'ingest',
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    services: slugs,
    latestUpdate: latest ? updateDto(latest) : null,
    firstHumanUpdateAt: firstHuman?.createdAt.toISOString() ?? null,
    timeToFirstHumanUpdateMs: firstHuman
      ? firstHuman.createdAt.getTime() - row.startedAt.getTime()
      : null,
    updates: updates.map(updateDto),
  };
}

type Reader = Pick<Tx, 'select'>;

/** Incidents with their services and updates (oldest first), in the order of `rows`. */
async function withDetails(db: Reader, rows: IncidentRow[]): Promise<IncidentDto[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const slugRows = await db
    .select({ incidentId: incidentServices.incidentId, slug: services.slug })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(inArray(incidentServices.incidentId, ids))
    .orderBy(asc(services.slug));
  const updateRows = await db
    .select()
    .from(incidentUpdates)
    .where(inArray(incidentUpdates.incidentId, ids))
    .orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id));
  return rows.map((row) =>
    incidentDto(
      row,
      slugRows.filter((slug) => slug.incidentId === row.id).map((slug) => slug.slug),
      updateRows.filter((update) => update.incidentId === row.id),
    ),
  );
}

async function incidentById(db: Reader, id: number): Promise<IncidentDto> {
  const row = await db.select().from(incidents).where(eq(incidents.id, id)).get();
  if (!row) throw notFound(`There is no incident ${id}.`);
  const [dto] = await withDetails(db, [row]);
  return dto as IncidentDto;
}

export const getIncident = (deps: Deps, id: number) => incidentById(deps.db.db, id);

/** Incidents newest first (by start), a page at a time, optionally of one service. */
export async function listIncidents(
  deps: Deps,
  page: { limit: number; cursor: Cursor | undefined; service?: string | undefined },
): Promise<{ items: IncidentSummaryDto[]; nextCursor: string | null }> {
  const { db } = deps.db;
  let serviceId: number | undefined;
  if (page.service !== undefined) {
    const service = await db.select().from(services).where(eq(services.slug, page.service)).get();
    if (!service) throw notFound(`There is no service ${page.service}.`);
    serviceId = service.id;
  }
  const rows = await db
    .select()
    .from(incidents)
    .where(
      and(
        serviceId === undefined
          ? undefined
          : inArray(
              incidents.id,
              db
                .select({ id: incidentServices.incidentId })
                .from(incidentServices)
                .where(eq(incidentServices.serviceId, serviceId)),
            ),
        page.cursor === undefined
          ? undefined
          : or(
              lt(incidents.startedAt, new Date(page.cursor.atMs)),
              and(
                eq(incidents.startedAt, new Date(page.cursor.atMs)),
                lt(incidents.id, page.cursor.id),
              ),
            ),
      ),
    )
    .orderBy(desc(incidents.startedAt), desc(incidents.id))
    .limit(page.limit + 1);
  const listed = pageOf(
    rows,
    page.limit,
    (row) => ({ atMs: row.startedAt.getTime(), id: row.id }),
    (row) => row,
  );
  const detailed = await withDetails(db, listed.items);
  return {
    items: detailed.map(({ updates: _, ...summary }) => summary),
    nextCursor: listed.nextCursor,
  };
}

/** Unresolved incidents, newest start first (the status page). */
export async function activeIncidents(deps: Deps): Promise<IncidentSummaryDto[]> {
  const { db } = deps.db;
  const rows = await db
    .select()
    .from(incidents)
    .where(isNull(incidents.resolvedAt))
    .orderBy(desc(incidents.startedAt), desc(incidents.id));
  return (await withDetails(db, rows)).map(({ updates: _, ...summary }) => summary);
}

/** The most recently changed incidents, for the feed. */
export async function recentIncidents(deps: Deps, limit: number): Promise<IncidentDto[]> {
  const { db } = deps.db;
  const rows = await db
    .select()
    .from(incidents)
    .orderBy(desc(incidents.updatedAt), desc(incidents.id))
    .limit(limit);
  return withDetails(db, rows);
}

async function serviceIds(tx: Tx, slugs: readonly string[]): Promise<number[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const rows = await tx.select().from(services).where(inArray(services.slug, unique));
  const missing = unique.filter((slug) => !rows.some((row) => row.slug === slug));
  if (missing.length > 0) {
    throw unprocessable(`Unknown services: ${missing.join(', ')}.`, 'UNKNOWN_SERVICE', [
      { path: 'services', message: `unknown: ${missing.join(', ')}` },
    ]);
  }
  return rows.map((row) => row.id);
}

/** Who wrote an update: decided by the caller's credentials, never by a field. */
type Author = { kind: 'automated'; apiKeyId: number } | { kind: 'human'; userId: number };

interface NewUpdate {
  status: IncidentStatus;
  body: string;
  impact?: IncidentImpact | undefined;
}

/**
 * Appends an update and moves the incident to its status: resolving sets resolvedAt
 * (kept on further resolved updates), any other status clears it (reopened).
 */
async function appendUpdate(
  tx: Tx,
  incident: IncidentRow,
  update: NewUpdate,
  author: Author,
  nowMs: number,
): Promise<void> {
  const now = new Date(nowMs);
  await tx.insert(incidentUpdates).values({
    incidentId: incident.id,
    status: update.status,
    body: update.body,
    kind: author.kind,
    authorUserId: author.kind === 'human' ? author.userId : null,
    apiKeyId: author.kind === 'automated' ? author.apiKeyId : null,
    createdAt: now,
  });
  await tx
    .update(incidents)
    .set({
      status: update.status,
      impact: update.impact ?? incident.impact,
      resolvedAt: update.status === 'resolved' ? (incident.resolvedAt ?? now) : null,
      updatedAt: now,
    })
    .where(eq(incidents.id, incident.id));
}

export interface NewIncident {
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  services: string[];
  startedAtMs?: number | undefined;
  /** The first update's text; without it the incident starts with no update. */
  body?: string | undefined;
}

async function insertIncident(
  tx: Tx,
  input: NewIncident,
  author: Author,
  nowMs: number,
  external?: { externalId: string; fingerprint: string },
): Promise<IncidentRow> {
  const startedAtMs = input.startedAtMs ?? nowMs;
  if (startedAtMs > nowMs) {
    throw unprocessable('An incident cannot start in the future.', 'INCIDENT_IN_FUTURE', [
      { path: 'startedAt', message: 'must not be after now' },
    ]);
  }
  const ids = await serviceIds(tx, input.services);
  const now = new Date(nowMs);
  const row = await tx
    .insert(incidents)
    .values({
      title: input.title,
      impact: input.impact,
      status: input.status,
      startedAt: new Date(startedAtMs),
      resolvedAt: null,
      externalId: external?.externalId ?? null,
      requestFingerprint: external?.fingerprint ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  if (ids.length > 0) {
    await tx
      .insert(incidentServices)
      .values(ids.map((serviceId) => ({ incidentId: row.id, serviceId })));
  }
  if (input.body !== undefined) {
    await appendUpdate(tx, row, { status: input.status, body: input.body }, author, nowMs);
  } else if (input.status === 'resolved') {
    await tx.update(incidents).set({ resolvedAt: now }).where(eq(incidents.id, row.id));
  }
  return row;
}

// ——— From monitors (API keys): every update is automated ———

export interface IngestIncidentInput extends NewIncident {
  externalId: string;
}

function incidentFingerprint(input: IngestIncidentInput): string {
  return JSON.stringify({
    externalId: input.externalId,
    title: input.title,
    impact: input.impact,
    status: input.status,
    services: [...new Set(input.services)].sort(),
    startedAt: input.startedAtMs === undefined ? null : new Date(input.startedAtMs).toISOString(),
    body: input.body ?? null,
  });
}

/** Opens a monitor's incident, idempotently on its externalId (201 / 200 replay / 409). */
export async function ingestIncident(
  deps: Deps,
  apiKeyId: number,
  input: IngestIncidentInput,
): Promise<{ created: boolean; incident: IncidentDto }> {
  const fingerprint = incidentFingerprint(input);
  return writeStatusData<{ created: boolean; incident: IncidentDto }>(deps, async (tx) => {
    const existing = await tx
      .select()
      .from(incidents)
      .where(eq(incidents.externalId, input.externalId))
      .get();
    if (existing) {
      if (existing.requestFingerprint !== fingerprint) {
        throw conflict(
          `A different incident ${input.externalId} exists; add updates to it instead.`,
          'INCIDENT_CONFLICT',
        );
      }
      return unchanged({ created: false, incident: await incidentById(tx, existing.id) });
    }
    const row = await insertIncident(tx, input, { kind: 'automated', apiKeyId }, deps.clock.now(), {
      externalId: input.externalId,
      fingerprint,
    });
    return { created: true, incident: await incidentById(tx, row.id) };
  });
}

/** A monitor's update on its own incident (found by the monitor's externalId). */
export async function addIngestUpdate(
  deps: Deps,
  apiKeyId: number,
  externalId: string,
  update: NewUpdate,
): Promise<IncidentDto> {
  return writeStatusData(deps, async (tx) => {
    const incident = await tx
      .select()
      .from(incidents)
      .where(eq(incidents.externalId, externalId))
      .get();
    if (!incident) throw notFound(`There is no incident ${externalId}.`);
    await appendUpdate(tx, incident, update, { kind: 'automated', apiKeyId }, deps.clock.now());
    return incidentById(tx, incident.id);
  });
}

// ——— From staff (signed-in agents and admins): every update is human ———

export async function createStaffIncident(
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  input: NewIncident & { body: string },
): Promise<IncidentDto> {
  return writeStatusData(deps, async (tx) => {
    const row = await insertIncident(
      tx,
      input,
      { kind: 'human', userId: actor.user.id },
      deps.clock.now(),
    );
    const dto = await incidentById(tx, row.id);
    await recordAudit(tx, deps, actor, requestId, {
      action: 'incident.create',
      entityType: 'incident',
      entityId: row.id,
      after: { title: dto.title, impact: dto.impact, status: dto.status, services: dto.services },
    });
    return dto;
  });
}

export async function addStaffUpdate(
  deps: Deps,
  actor: StaffPrincipal,
  incidentId: number,
  update: NewUpdate,
): Promise<IncidentDto> {
  return writeStatusData(deps, async (tx) => {
    const incident = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).get();
    if (!incident) throw notFound(`There is no incident ${incidentId}.`);
    await appendUpdate(
      tx,
      incident,
      update,
      { kind: 'human', userId: actor.user.id },
      deps.clock.now(),
    );
    return incidentById(tx, incident.id);
  });
}

/** Changes an incident's title, impact, start or services (its status moves by updates). */
export async function editIncident(
  deps: Deps,
  actor: StaffPrincipal,
  requestId: string | undefined,
  incidentId: number,
  changes: {
    title?: string | undefined;
    impact?: IncidentImpact | undefined;
    startedAtMs?: number | undefined;
    services?: string[] | undefined;
  },
): Promise<IncidentDto> {
  return writeStatusData(deps, async (tx) => {
    const before = await incidentById(tx, incidentId);
    const nowMs = deps.clock.now();
    if (changes.startedAtMs !== undefined && changes.startedAtMs > nowMs) {
      throw unprocessable('An incident cannot start in the future.', 'INCIDENT_IN_FUTURE', [
        { path: 'startedAt', message: 'must not be after now' },
      ]);
    }
    await tx
      .update(incidents)
      .set({
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.impact === undefined ? {} : { impact: changes.impact }),
        ...(changes.startedAtMs === undefined ? {} : { startedAt: new Date(changes.startedAtMs) }),
        updatedAt: new Date(nowMs),
      })
      .where(eq(incidents.id, incidentId));
    if (changes.services !== undefined) {
      const ids = await serviceIds(tx, changes.services);
      await tx.delete(incidentServices).where(eq(incidentServices.incidentId, incidentId));
      if (ids.length > 0) {
        await tx
          .insert(incidentServices)
          .values(ids.map((serviceId) => ({ incidentId, serviceId })));
      }
    }
    const after = await incidentById(tx, incidentId);
    const fields = (dto: IncidentDto) => ({
      title: dto.title,
      impact: dto.impact,
      startedAt: dto.startedAt,
      services: dto.services,
    });
    await recordAudit(tx, deps, actor, requestId, {
      action: 'incident.update',
      entityType: 'incident',
      entityId: incidentId,
      before: fields(before),
      after: fields(after),
    });
    return unlessSame(before, after);
  });
}
