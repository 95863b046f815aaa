import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  COMPONENT_STATUSES,
  type ComponentStatus,
  type ComponentStatusChange,
  incidentServices,
  services,
  windowCorrections,
  windows,
} from '../../db/schema/index.ts';
import { conflict, unprocessable } from '../domain-errors.ts';
import { refreshRollups } from './rollups.ts';

export type { ComponentStatus, ComponentStatusChange };
export { COMPONENT_STATUSES };

/**
 * Windows a person holds through an incident are named `incident:<id>:<service>:<n>`;
 * monitors may not use the prefix (docs/decisions/090-component-status-from-incidents.md).
 */
export const INCIDENT_PREFIX = 'incident:';

/** A component named in a request: a service slug and the status to hold it in. */
export interface ComponentInput {
  service: string;
  status: ComponentStatus;
}

/** A component with its service resolved. */
export interface ComponentTarget {
  serviceId: number;
  slug: string;
  status: ComponentStatus;
  /** Where the request named it, for error issues (e.g. `components.2`). */
  path: string;
}

/**
 * The services named by `slugs`, or a 422 UNKNOWN_SERVICE naming each unknown one at
 * `path` (the JSON is valid; what it names does not exist, as for windows).
 */
export async function servicesBySlug(
  tx: Tx,
  slugs: readonly string[],
  path: string,
): Promise<Map<string, { id: number; slug: string }>> {
  const unique = [...new Set(slugs)];
  const found = new Map<string, { id: number; slug: string }>();
  if (unique.length === 0) return found;
  const rows = await tx
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.slug, unique));
  for (const row of rows) found.set(row.slug, row);
  const missing = unique.filter((slug) => !found.has(slug));
  if (missing.length > 0) {
    throw unprocessable(`Unknown services: ${missing.join(', ')}.`, 'UNKNOWN_SERVICE', [
      { path, message: `unknown: ${missing.join(', ')}` },
    ]);
  }
  return found;
}

/** The components of a request, resolved: each unknown slug is a 422 naming its entry. */
export async function resolveComponents(
  tx: Tx,
  components: readonly ComponentInput[],
): Promise<ComponentTarget[]> {
  if (components.length === 0) return [];
  const rows = await tx
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(
      inArray(
        services.slug,
        components.map((component) => component.service),
      ),
    );
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const targets: ComponentTarget[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const [index, component] of components.entries()) {
    const serviceId = ids.get(component.service);
    if (serviceId === undefined) {
      issues.push({ path: `components.${index}.service`, message: 'unknown service' });
    } else {
      targets.push({
        serviceId,
        slug: component.service,
        status: component.status,
        path: `components.${index}`,
      });
    }
  }
  if (issues.length > 0) {
    throw unprocessable(
      'A component names a service that does not exist.',
      'UNKNOWN_SERVICE',
      issues,
    );
  }
  return targets;
}

/** A resolved incident holds nothing: a component named in an outage state with it is a 422. */
export function refuseHeldWhenResolved(targets: readonly ComponentTarget[]): void {
  const held = targets.filter((target) => target.status !== 'operational');
  if (held.length > 0) {
    throw unprocessable(
      'A resolved incident returns every component to operational; it cannot hold one in an outage.',
      'RESOLVED_COMPONENT_NOT_OPERATIONAL',
      held.map((target) => ({ path: `${target.path}.status`, message: 'must be operational' })),
    );
  }
}

/** The components an incident holds in a non-operational status, each moved to operational. */
export async function releaseAll(tx: Tx, incidentId: number): Promise<ComponentTarget[]> {
  const held = await tx
    .select({ serviceId: incidentServices.serviceId, slug: services.slug })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(
      and(eq(incidentServices.incidentId, incidentId), ne(incidentServices.status, 'operational')),
    );
  return held.map((row) => ({ ...row, status: 'operational', path: 'status' }));
}

/**
 * Moves the incident's components to the target statuses, in the caller's transaction:
 * a component not yet on the incident joins it; one whose status changes has its open
 * incident window closed at now and, unless it becomes operational, a new window opened
 * at now authored by `authorUserId`. Closed windows refresh the daily roll-ups. A target
 * equal to the current status writes nothing. Returns the changes, in the targets' order.
 */
export async function setComponentStatuses(
  tx: Tx,
  incidentId: number,
  targets: readonly ComponentTarget[],
  authorUserId: number | null,
  nowMs: number,
): Promise<ComponentStatusChange[]> {
  if (targets.length === 0) return [];
  const current = await tx
    .select()
    .from(incidentServices)
    .where(eq(incidentServices.incidentId, incidentId));
  const changes: ComponentStatusChange[] = [];
  for (const target of targets) {
    const row = current.find((candidate) => candidate.serviceId === target.serviceId);
    // A component joining the incident was not held by it: operational until now.
    const before: ComponentStatus = row?.status ?? 'operational';
    if (row === undefined) {
      await tx
        .insert(incidentServices)
        .values({ incidentId, serviceId: target.serviceId, status: target.status });
      current.push({ incidentId, serviceId: target.serviceId, status: target.status });
    } else if (before !== target.status) {
      await tx
        .update(incidentServices)
        .set({ status: target.status })
        .where(
          and(
            eq(incidentServices.incidentId, incidentId),
            eq(incidentServices.serviceId, target.serviceId),
          ),
        );
      row.status = target.status;
    }
    if (before === target.status) continue;
    await moveWindow(tx, incidentId, target, authorUserId, nowMs);
    changes.push({ serviceId: target.serviceId, status: target.status });
  }
  return changes;
}

async function moveWindow(
  tx: Tx,
  incidentId: number,
  target: ComponentTarget,
  authorUserId: number | null,
  nowMs: number,
): Promise<void> {
  const now = new Date(nowMs);
  const ofComponent = and(
    eq(windows.incidentId, incidentId),
    eq(windows.serviceId, target.serviceId),
  );
  const open = await tx
    .select()
    .from(windows)
    .where(and(ofComponent, isNull(windows.end)));
  for (const window of open) {
    if (window.start.getTime() < nowMs) {
      await tx.update(windows).set({ end: now, updatedAt: now }).where(eq(windows.id, window.id));
      await refreshRollups(tx, window.serviceId, window.start.getTime(), nowMs);
      continue;
    }
    // Set at this very instant (or moved later by a correction): it held no time, and
    // a window must end after it starts, so it goes rather than closing empty.
    const corrected = await tx
      .select({ id: windowCorrections.id })
      .from(windowCorrections)
      .where(eq(windowCorrections.windowId, window.id))
      .get();
    if (corrected) {
      throw conflict(
        `Window ${window.externalId} starts at ${window.start.toISOString()} after a correction; correct its end first.`,
        'INCIDENT_WINDOW_CORRECTED',
      );
    }
    await tx.delete(windows).where(eq(windows.id, window.id));
  }
  if (target.status === 'operational') return;
  const earlier = await tx
    .select({ externalId: windows.externalId })
    .from(windows)
    .where(ofComponent);
  const taken = earlier.map((row) => Number(row.externalId.split(':').at(-1)) || 0);
  const sequence = Math.max(0, ...taken) + 1;
  const externalId = `${INCIDENT_PREFIX}${incidentId}:${target.slug}:${sequence}`;
  await tx.insert(windows).values({
    serviceId: target.serviceId,
    externalId,
    state: target.status,
    start: now,
    end: null,
    announcedAt: null,
    source: 'incident',
    apiKeyId: null,
    incidentId,
    authorUserId,
    requestFingerprint: JSON.stringify({
      incidentId,
      service: target.slug,
      state: target.status,
      start: now.toISOString(),
    }),
    maintenanceId: null,
    createdAt: now,
    updatedAt: now,
  });
}
