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
import type { Deps, StaffContext } from '../context.ts';
import { conflict, notFound, unprocessable } from '../domain-errors.ts';
import { type Cursor, pageOf } from '../infra/keyset.ts';
import { unchanged, unlessSame, writeStatusData } from '../infra/status-cache.ts';
import type { IncidentEventType } from '../notify/events.ts';
import { emit } from '../notify/outbox.ts';
import { recordAudit } from './audit.ts';
import {
  type ComponentInput,
  type ComponentStatus,
  type ComponentStatusChange,
  type ComponentTarget,
  refuseHeldWhenResolved,
  releaseAll,
  resolveComponents,
  servicesBySlug,
  setComponentStatuses,
} from './component-status.ts';

export { INCIDENT_IMPACTS, INCIDENT_STATUSES };
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

/** A component of an incident (a service slug) and its status. */
export interface ComponentStatusDto {
  service: string;
  status: ComponentStatus;
}

export interface IncidentUpdateDto {
  id: number;
  status: IncidentStatus;
  body: string;
  /** `automated` when an API key wrote it, `human` when a signed-in person did. */
  kind: 'automated' | 'human';
  /** The component statuses this update changed (empty when it changed none). */
  components: ComponentStatusDto[];
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
  /** The affected components (the same slugs as `services`) with their current status. */
  components: ComponentStatusDto[];
  latestUpdate: IncidentUpdateDto | null;
  firstHumanUpdateAt: string | null;
  /** From startedAt to the first human update; automated updates never count. */
  timeToFirstHumanUpdateMs: number | null;
}

/** What happened and what changes, written once the incident was resolved. */
export interface PostmortemDto {
  body: string;
  publishedAt: string;
  updatedAt: string;
}

export interface IncidentDto extends IncidentSummaryDto {
  /** Oldest first. */
  updates: IncidentUpdateDto[];
  postmortem: PostmortemDto | null;
}

type IncidentRow = typeof incidents.$inferSelect;
type UpdateRow = typeof incidentUpdates.$inferSelect;

/** Service id → slug, for the component statuses an update stored by id. */
type SlugOf = (serviceId: number) => string;

function updateDto(row: UpdateRow, slugOf: SlugOf): IncidentUpdateDto {
  return {
    id: row.id,
    status: row.status,
    body: row.body,
    kind: row.kind,
    components: row.componentStatuses.map((change) => ({
      service: slugOf(change.serviceId),
      status: change.status,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

function incidentDto(
  row: IncidentRow,
  components: ComponentStatusDto[],
  updates: UpdateRow[],
  slugOf: SlugOf,
): IncidentDto {
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
    services: components.map((component) => component.service),
    components,
    latestUpdate: latest ? updateDto(latest, slugOf) : null,
    firstHumanUpdateAt: firstHuman?.createdAt.toISOString() ?? null,
    timeToFirstHumanUpdateMs: firstHuman
      ? firstHuman.createdAt.getTime() - row.startedAt.getTime()
      : null,
    updates: updates.map((update) => updateDto(update, slugOf)),
    postmortem: postmortemDto(row),
  };
}

function postmortemDto(row: IncidentRow): PostmortemDto | null {
  if (row.postmortem === null || row.postmortemPublishedAt === null) return null;
  return {
    body: row.postmortem,
    publishedAt: row.postmortemPublishedAt.toISOString(),
    updatedAt: (row.postmortemUpdatedAt ?? row.postmortemPublishedAt).toISOString(),
  };
}

/** An incident without its timeline and postmortem, as lists and the status show it. */
const summaryOf = ({ updates: _, postmortem: __, ...summary }: IncidentDto): IncidentSummaryDto =>
  summary;

type Reader = Pick<Tx, 'select'>;

/** Incidents with their services and updates (oldest first), in the order of `rows`. */
async function withDetails(db: Reader, rows: IncidentRow[]): Promise<IncidentDto[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const slugRows = await db
    .select({
      incidentId: incidentServices.incidentId,
      slug: services.slug,
      status: incidentServices.status,
    })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(inArray(incidentServices.incidentId, ids))
    .orderBy(asc(services.slug));
  const updateRows = await db
    .select()
    .from(incidentUpdates)
    .where(inArray(incidentUpdates.incidentId, ids))
    .orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id));
  // An update may name a component the incident no longer lists (it was removed since).
  const changedIds = [
    ...new Set(updateRows.flatMap((update) => update.componentStatuses.map((c) => c.serviceId))),
  ];
  const slugs = new Map(
    changedIds.length === 0
      ? []
      : (
          await db
            .select({ id: services.id, slug: services.slug })
            .from(services)
            .where(inArray(services.id, changedIds))
        ).map((service) => [service.id, service.slug]),
  );
  const slugOf: SlugOf = (serviceId) => slugs.get(serviceId) ?? String(serviceId);
  return rows.map((row) =>
    incidentDto(
      row,
      slugRows
        .filter((component) => component.incidentId === row.id)
        .map((component) => ({ service: component.slug, status: component.status })),
      updateRows.filter((update) => update.incidentId === row.id),
      slugOf,
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

/**
 * Tells subscribers and webhooks of an incident as it now is: opened, a new update, or
 * resolved (an update that moved it to resolved). Runs in the writing transaction.
 */
async function announce(
  tx: Tx,
  deps: Deps,
  type: IncidentEventType,
  incident: IncidentDto,
  tellSubscribers = true,
): Promise<void> {
  await emit(tx, deps, { type, incident, tellSubscribers });
}

/** The event of an update: resolving an open incident, or any other update. */
const updateEvent = (was: IncidentStatus, now: IncidentStatus): IncidentEventType =>
  now === 'resolved' && was !== 'resolved' ? 'incident.resolved' : 'incident.updated';

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
    items: detailed.map(summaryOf),
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
  return (await withDetails(db, rows)).map(summaryOf);
}

/** The most recently changed incidents, for the feed. */
export async function recentIncidents(
  deps: Deps,
  limit: number,
  options: { serviceId?: number } = {},
): Promise<IncidentDto[]> {
  const { db } = deps.db;
  const serviceId = options.serviceId;
  const rows = await db
    .select()
    .from(incidents)
    .where(
      serviceId === undefined
        ? undefined
        : inArray(
            incidents.id,
            db
              .select({ id: incidentServices.incidentId })
              .from(incidentServices)
              .where(eq(incidentServices.serviceId, serviceId)),
          ),
    )
    .orderBy(desc(incidents.updatedAt), desc(incidents.id))
    .limit(limit);
  return withDetails(db, rows);
}

/** Who wrote an update: decided by the caller's credentials, never by a field. */
type Author = { kind: 'automated'; apiKeyId: number } | { kind: 'human'; userId: number };

interface NewUpdate {
  status: IncidentStatus;
  body: string;
  impact?: IncidentImpact | undefined;
  /** Staff only: components to add or move to a status (decision 090). */
  components?: ComponentInput[] | undefined;
}

const authorUserIdOf = (author: Author) => (author.kind === 'human' ? author.userId : null);

/**
 * The component statuses an update asks for: those it names and, when it resolves the
 * incident, every held component back to operational (naming one in an outage is a 422).
 */
async function targetsOf(
  tx: Tx,
  incidentId: number,
  status: IncidentStatus,
  named: ComponentTarget[],
): Promise<ComponentTarget[]> {
  if (status !== 'resolved') return named;
  refuseHeldWhenResolved(named);
  const held = await releaseAll(tx, incidentId);
  return [
    ...named,
    ...held.filter((target) => !named.some((other) => other.serviceId === target.serviceId)),
  ];
}

/**
 * Appends an update and moves the incident to its status: resolving sets resolvedAt
 * (kept on further resolved updates), any other status clears it (reopened). Component
 * statuses move with it, their windows in the same transaction.
 */
async function appendUpdate(
  tx: Tx,
  incident: IncidentRow,
  update: NewUpdate,
  author: Author,
  nowMs: number,
): Promise<void> {
  const named = await resolveComponents(tx, update.components ?? []);
  const targets = await targetsOf(tx, incident.id, update.status, named);
  const changes = await setComponentStatuses(
    tx,
    incident.id,
    targets,
    authorUserIdOf(author),
    nowMs,
  );
  await recordUpdate(tx, incident, update, author, nowMs, changes);
}

async function recordUpdate(
  tx: Tx,
  incident: IncidentRow,
  update: NewUpdate,
  author: Author,
  nowMs: number,
  changes: ComponentStatusChange[],
): Promise<void> {
  const now = new Date(nowMs);
  await tx.insert(incidentUpdates).values({
    incidentId: incident.id,
    status: update.status,
    body: update.body,
    kind: author.kind,
    authorUserId: authorUserIdOf(author),
    apiKeyId: author.kind === 'automated' ? author.apiKeyId : null,
    componentStatuses: changes,
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
  /** Affected components at operational (the form that predates component statuses). */
  services: string[];
  /** Staff only: affected components with their statuses; a slug not also in `services`. */
  components?: ComponentInput[] | undefined;
  startedAtMs?: number | undefined;
  /** The first update's text; without it the incident starts with no update. */
  body?: string | undefined;
}

async function insertIncident(
  tx: Tx,
  input: NewIncident,
  author: Author,
  nowMs: number,
  external?: { externalId: string; fingerprint: string; apiKeyId: number },
): Promise<IncidentRow> {
  const startedAtMs = input.startedAtMs ?? nowMs;
  if (startedAtMs > nowMs) {
    throw unprocessable('An incident cannot start in the future.', 'INCIDENT_IN_FUTURE', [
      { path: 'startedAt', message: 'must not be after now' },
    ]);
  }
  const listed = await servicesBySlug(tx, input.services, 'services');
  const named = await resolveComponents(tx, input.components ?? []);
  if (input.status === 'resolved') refuseHeldWhenResolved(named);
  const targets: ComponentTarget[] = [
    ...named,
    ...[...listed.values()]
      .filter((service) => !named.some((target) => target.serviceId === service.id))
      .map((service) => ({
        serviceId: service.id,
        slug: service.slug,
        status: 'operational' as const,
        path: 'services',
      })),
  ];
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
      apiKeyId: external?.apiKeyId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  const changes = await setComponentStatuses(tx, row.id, targets, authorUserIdOf(author), nowMs);
  if (input.body !== undefined) {
    const first = { status: input.status, body: input.body };
    await recordUpdate(tx, row, first, author, nowMs, changes);
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

/**
 * Opens a monitor's incident, idempotently on its externalId (201 / 200 replay / 409). An
 * externalId another key (or nobody's key) holds is a 409 that shows nothing of it.
 */
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
      if (existing.apiKeyId !== apiKeyId) {
        throw conflict(
          `The externalId ${input.externalId} is taken; monitors prefix their ids with their own name.`,
          'EXTERNAL_ID_TAKEN',
        );
      }
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
      apiKeyId,
    });
    const incident = await incidentById(tx, row.id);
    await announce(tx, deps, 'incident.created', incident);
    return { created: true, incident };
  });
}

/**
 * A monitor's update on an incident the same key opened (found by its externalId); any
 * other incident answers as if it did not exist.
 */
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
      .where(and(eq(incidents.externalId, externalId), eq(incidents.apiKeyId, apiKeyId)))
      .get();
    if (!incident) throw notFound(`There is no incident ${externalId}.`);
    await appendUpdate(tx, incident, update, { kind: 'automated', apiKeyId }, deps.clock.now());
    const after = await incidentById(tx, incident.id);
    await announce(tx, deps, updateEvent(incident.status, after.status), after);
    return after;
  });
}

// ——— From staff (signed-in agents and admins): every update is human ———

export async function createStaffIncident(
  ctx: StaffContext,
  input: NewIncident & { body: string },
): Promise<IncidentDto> {
  const { deps, principal: actor } = ctx;
  return writeStatusData(deps, async (tx) => {
    const row = await insertIncident(
      tx,
      input,
      { kind: 'human', userId: actor.user.id },
      deps.clock.now(),
    );
    const dto = await incidentById(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'incident.create',
      entityType: 'incident',
      entityId: row.id,
      after: {
        title: dto.title,
        impact: dto.impact,
        status: dto.status,
        services: dto.services,
        components: dto.components,
      },
    });
    await announce(tx, deps, 'incident.created', dto);
    return dto;
  });
}

export async function addStaffUpdate(
  ctx: StaffContext,
  incidentId: number,
  update: NewUpdate,
): Promise<IncidentDto> {
  const { deps, principal: actor } = ctx;
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
    const after = await incidentById(tx, incident.id);
    await announce(tx, deps, updateEvent(incident.status, after.status), after);
    return after;
  });
}

/** Changes an incident's title, impact, start or services (its status moves by updates). */
export async function editIncident(
  ctx: StaffContext,
  incidentId: number,
  changes: {
    title?: string | undefined;
    impact?: IncidentImpact | undefined;
    startedAtMs?: number | undefined;
    services?: string[] | undefined;
  },
): Promise<IncidentDto> {
  const { deps } = ctx;
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
      await replaceServices(tx, incidentId, changes.services);
    }
    const after = await incidentById(tx, incidentId);
    const fields = (dto: IncidentDto) => ({
      title: dto.title,
      impact: dto.impact,
      startedAt: dto.startedAt,
      services: dto.services,
    });
    await recordAudit(tx, ctx, {
      action: 'incident.update',
      entityType: 'incident',
      entityId: incidentId,
      before: fields(before),
      after: fields(after),
    });
    // Systems that mirror incidents hear of a new title or start; subscribers hear of
    // updates, not of edits (an edit that changed nothing is rolled back with this).
    await announce(tx, deps, 'incident.updated', after, false);
    return unlessSame(before, after);
  });
}

/**
 * Sets the incident's components to `slugs`: new ones join at operational, kept ones keep
 * their status; removing one the incident holds in an outage is a 409 (an update releases
 * it, so the timeline shows the change).
 */
async function replaceServices(tx: Tx, incidentId: number, slugs: string[]): Promise<void> {
  const wanted = [...(await servicesBySlug(tx, slugs, 'services')).values()];
  const current = await tx
    .select({
      serviceId: incidentServices.serviceId,
      slug: services.slug,
      status: incidentServices.status,
    })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(eq(incidentServices.incidentId, incidentId));
  const removed = current.filter((row) => !wanted.some((service) => service.id === row.serviceId));
  const held = removed.filter((row) => row.status !== 'operational');
  if (held.length > 0) {
    throw conflict(
      `This incident holds ${held.map((row) => `${row.slug} (${row.status})`).join(', ')}; ` +
        'set it operational with an update before removing it.',
      'COMPONENT_HELD',
    );
  }
  if (removed.length > 0) {
    await tx.delete(incidentServices).where(
      and(
        eq(incidentServices.incidentId, incidentId),
        inArray(
          incidentServices.serviceId,
          removed.map((row) => row.serviceId),
        ),
      ),
    );
  }
  const added = wanted.filter((service) => !current.some((row) => row.serviceId === service.id));
  if (added.length > 0) {
    await tx
      .insert(incidentServices)
      .values(added.map((service) => ({ incidentId, serviceId: service.id })));
  }
}

/**
 * Publishes or replaces the postmortem of a resolved incident: shown on its public page
 * and in the feed. An incident not resolved has none to write yet (409).
 */
export async function setPostmortem(
  ctx: StaffContext,
  incidentId: number,
  body: string,
): Promise<IncidentDto> {
  const { deps } = ctx;
  return writeStatusData(deps, async (tx) => {
    const row = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).get();
    if (!row) throw notFound(`There is no incident ${incidentId}.`);
    if (row.status !== 'resolved') {
      throw conflict(
        `Incident ${incidentId} is not resolved: post the resolving update first, then the postmortem.`,
        'INCIDENT_NOT_RESOLVED',
      );
    }
    if (row.postmortem === body) return unchanged(await incidentById(tx, incidentId));
    const now = new Date(deps.clock.now());
    await tx
      .update(incidents)
      .set({
        postmortem: body,
        postmortemPublishedAt: row.postmortemPublishedAt ?? now,
        postmortemUpdatedAt: now,
        updatedAt: now,
      })
      .where(eq(incidents.id, incidentId));
    await recordAudit(tx, ctx, {
      action: row.postmortem === null ? 'incident.postmortem.create' : 'incident.postmortem.update',
      entityType: 'incident',
      entityId: incidentId,
      before: row.postmortem === null ? undefined : { postmortem: row.postmortem },
      after: { postmortem: body },
    });
    return incidentById(tx, incidentId);
  });
}
