import { and, asc, eq, gt, isNotNull, isNull, lte, min } from 'drizzle-orm';
import {
  maintenances,
  serviceGroups,
  services,
  type WindowState,
  windows,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { cachedSnapshot, represent, type StatusSnapshot } from '../infra/status-cache.ts';
import { activeIncidents, type IncidentSummaryDto } from './incidents.ts';
import { type MaintenanceDto, publicMaintenance } from './maintenance.ts';

/** A service's current state: its most severe current window, maintenance shown as such. */
export const SERVICE_STATES = [
  'operational',
  'degraded',
  'maintenance',
  'partial_outage',
  'major_outage',
] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** Higher is more severe; used to pick one state from overlapping windows. */
const SEVERITY: Record<ServiceState, number> = {
  operational: 0,
  degraded: 1,
  maintenance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function mostSevere(states: Iterable<ServiceState>): ServiceState {
  let worst: ServiceState = 'operational';
  for (const state of states) if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  return worst;
}

export interface ServiceStatus {
  slug: string;
  name: string;
  description: string | null;
  group: { slug: string; name: string } | null;
  monitoredSince: string;
  state: ServiceState;
  /** Start of the earliest current window of the winning state; null when operational. */
  since: string | null;
}

/** Every active service with its state at `nowMs`, in display order. */
export async function currentServiceStates(deps: Deps, nowMs: number): Promise<ServiceStatus[]> {
  const { db } = deps.db;
  const now = new Date(nowMs);
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      description: services.description,
      monitoredSince: services.monitoredSince,
      groupSlug: serviceGroups.slug,
      groupName: serviceGroups.name,
    })
    .from(services)
    .leftJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .where(eq(services.active, true))
    .orderBy(asc(serviceGroups.sortOrder), asc(services.sortOrder), asc(services.name));
  // Two queries rather than one with OR, so each can use its index (open windows, ends).
  const covering = { serviceId: windows.serviceId, state: windows.state, start: windows.start };
  const current = [
    ...(await db
      .select(covering)
      .from(windows)
      .where(and(isNull(windows.end), lte(windows.start, now)))),
    ...(await db
      .select(covering)
      .from(windows)
      .where(and(gt(windows.end, now), lte(windows.start, now)))),
  ];
  const byService = new Map<number, { state: WindowState; start: Date }[]>();
  for (const window of current) {
    const list = byService.get(window.serviceId) ?? [];
    list.push(window);
    byService.set(window.serviceId, list);
  }
  return rows.map((row) => {
    const open = byService.get(row.id) ?? [];
    const state = mostSevere(open.map((window) => window.state));
    const since = open
      .filter((window) => window.state === state)
      .reduce<Date | null>((min, window) => (min && min < window.start ? min : window.start), null);
    return {
      slug: row.slug,
      name: row.name,
      description: row.description,
      group: row.groupSlug && row.groupName ? { slug: row.groupSlug, name: row.groupName } : null,
      monitoredSince: row.monitoredSince.toISOString(),
      state,
      since: since?.toISOString() ?? null,
    };
  });
}

export type OverallState = 'operational' | 'degraded' | 'outage' | 'maintenance';

/** The banner: all operational, degraded (partial problems), outage (any major outage). */
export function overallState(states: ServiceState[]): OverallState {
  const worst = mostSevere(states);
  if (worst === 'major_outage') return 'outage';
  if (worst === 'partial_outage' || worst === 'degraded') return 'degraded';
  return worst === 'maintenance' ? 'maintenance' : 'operational';
}

export interface StatusDocument {
  generatedAt: string;
  overall: { state: OverallState; description: string };
  services: ServiceStatus[];
  /** Unresolved incidents, newest start first. */
  activeIncidents: IncidentSummaryDto[];
  /** Published maintenance in progress, and upcoming (soonest first). */
  maintenance: { active: MaintenanceDto[]; upcoming: MaintenanceDto[] };
}

const OVERALL_DESCRIPTIONS: Record<OverallState, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems degraded',
  outage: 'Major outage',
  maintenance: 'Scheduled maintenance in progress',
};

/** The public status document: what GET /api/v1/status answers and the site renders. */
export async function statusDocument(deps: Deps, nowMs: number): Promise<StatusDocument> {
  const serviceStates = await currentServiceStates(deps, nowMs);
  const maintenance = await publicMaintenance(deps, nowMs);
  const overall = overallState(serviceStates.map((service) => service.state));
  return {
    generatedAt: new Date(nowMs).toISOString(),
    overall: { state: overall, description: OVERALL_DESCRIPTIONS[overall] },
    services: serviceStates,
    activeIncidents: await activeIncidents(deps),
    maintenance: { active: maintenance.active, upcoming: maintenance.upcoming },
  };
}

/** GET /status and GET /services, from the per-process cache (decision 032). */
export function cachedStatus(deps: Deps): Promise<StatusSnapshot> {
  return cachedSnapshot(deps, async (buildDeps, nowMs) => {
    const doc = await statusDocument(buildDeps, nowMs);
    return {
      status: represent(doc),
      services: represent({ items: doc.services }),
      nextChangeMs: await nextStatusTransitionMs(buildDeps, nowMs),
    };
  });
}

/**
 * The next instant after `nowMs` at which the status changes by itself: a window or a
 * published maintenance starting or ending. Null when nothing is scheduled.
 */
export async function nextStatusTransitionMs(deps: Deps, nowMs: number): Promise<number | null> {
  const { db } = deps.db;
  const now = new Date(nowMs);
  const published = and(isNotNull(maintenances.publishedAt), isNull(maintenances.cancelledAt));
  const candidates = [
    await db
      .select({ at: min(windows.start) })
      .from(windows)
      .where(gt(windows.start, now))
      .get(),
    await db
      .select({ at: min(windows.end) })
      .from(windows)
      .where(gt(windows.end, now))
      .get(),
    await db
      .select({ at: min(maintenances.startsAt) })
      .from(maintenances)
      .where(and(published, gt(maintenances.startsAt, now)))
      .get(),
    await db
      .select({ at: min(maintenances.endsAt) })
      .from(maintenances)
      .where(and(published, gt(maintenances.endsAt, now)))
      .get(),
  ];
  const times = candidates.flatMap((row) => (row?.at ? [row.at.getTime()] : []));
  return times.length > 0 ? Math.min(...times) : null;
}

/** An active service by its slug (inactive ones are not public). */
export async function serviceBySlug(deps: Deps, slug: string) {
  return deps.db.db
    .select()
    .from(services)
    .where(and(eq(services.slug, slug), eq(services.active, true)))
    .get();
}
