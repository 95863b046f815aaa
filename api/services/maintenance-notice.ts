import { eq, inArray } from 'drizzle-orm';
import {
  agreementServices,
  customers,
  maintenanceServices,
  maintenances,
  services,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { invalidInput, notFound, unprocessable } from '../domain-errors.ts';
import { periodBounds, periodOf } from '../sla/index.ts';
import { COUNTERPARTY_VISIBLE_KINDS, loadAgreements, versionInForce } from './sla-figures.ts';

/**
 * Whether the notice a maintenance gives meets each affected policy's
 * `maintenanceNoticeMinutes` (sla-accounting §3.2): maintenance announced with less notice
 * than a policy wants counts as downtime for its customers. Every policy version in force in
 * a month the maintenance touches, for every agreement including an affected service
 * (docs/decisions/131-maintenance-notice-check.md).
 */

const MS_PER_MINUTE = 60_000;

export interface NoticeAgreement {
  agreementId: number;
  customer: { id: number; name: string };
  timeZone: string;
  active: boolean;
  /** The affected services this agreement includes (slugs). */
  services: string[];
  /** The agreement's months (in its zone) the maintenance touches under this version. */
  months: string[];
}

export interface NoticePolicy {
  policy: { id: number; name: string };
  version: number;
  /** `YYYY-MM`; `0000-01` for a first version. */
  effectiveFrom: string;
  requiredMinutes: number;
  /** Notice given for the announced window: its start less its announcement, in ms. */
  givenMs: number;
  /** givenMs ≥ requiredMinutes, exactly. */
  met: boolean;
  /**
   * For a maintenance started early: whether this version counts the early part (announced
   * only as it began) as downtime, i.e. it wants any notice at all.
   */
  earlyPartCounts: boolean;
  agreements: NoticeAgreement[];
}

export interface MaintenanceNotice {
  /** When customers were (or, for a plan, would be) told: the announcement. */
  announcedAt: string;
  startsAt: string;
  endsAt: string;
  givenMs: number;
  /** The part of a maintenance started early that no announcement preceded. */
  unannounced: { from: string; to: string } | null;
  policies: NoticePolicy[];
  /** Every policy's notice met, and nothing unannounced counted. */
  allMet: boolean;
}

export interface NoticeQuery {
  services: string[];
  startsAtMs: number;
  endsAtMs: number;
  /** An existing maintenance being edited: its announcement holds if the plan stays within it. */
  maintenanceId?: number | undefined;
}

/** The months of `timeZone` that `[startMs, endMs)` touches, oldest first. */
export function monthsTouched(startMs: number, endMs: number, timeZone: string): string[] {
  const months: string[] = [];
  let month = periodOf(startMs, timeZone);
  for (;;) {
    months.push(month);
    const bounds = periodBounds(month, timeZone);
    if (bounds.endMs >= endMs) return months;
    month = periodOf(bounds.endMs, timeZone);
  }
}

/**
 * The notice check of a plan (`query`) or, given `maintenanceId` alone through
 * `noticeOfMaintenance`, of a stored maintenance. The announcement is: the stored one when
 * the plan stays within the announced schedule (an edit keeps it), otherwise now (publishing
 * or announcing again now).
 */
export async function checkNotice(deps: Deps, query: NoticeQuery): Promise<MaintenanceNotice> {
  const { db } = deps.db;
  const nowMs = deps.clock.now();
  if (query.endsAtMs <= query.startsAtMs) {
    throw invalidInput('The maintenance must end after it starts.', [
      { path: 'endsAt', message: 'must be after startsAt' },
    ]);
  }
  let announcedAtMs = nowMs;
  let startedEarlyMs: number | null = null;
  if (query.maintenanceId !== undefined) {
    const row = await db
      .select()
      .from(maintenances)
      .where(eq(maintenances.id, query.maintenanceId))
      .get();
    if (!row) throw notFound(`There is no maintenance ${query.maintenanceId}.`);
    const within =
      query.startsAtMs >= row.startsAt.getTime() && query.endsAtMs <= row.endsAt.getTime();
    if (row.publishedAt !== null && within) announcedAtMs = row.publishedAt.getTime();
    startedEarlyMs = row.startedEarlyAt?.getTime() ?? null;
  }
  const slugs = [...new Set(query.services)];
  const serviceRows =
    slugs.length === 0
      ? []
      : await db
          .select({ id: services.id, slug: services.slug })
          .from(services)
          .where(inArray(services.slug, slugs));
  const missing = slugs.filter((slug) => !serviceRows.some((row) => row.slug === slug));
  if (missing.length > 0) {
    throw unprocessable(`Unknown services: ${missing.join(', ')}.`, 'UNKNOWN_SERVICE', [
      { path: 'services', message: `unknown: ${missing.join(', ')}` },
    ]);
  }
  const serviceIds = serviceRows.map((row) => row.id);
  const agreementIds =
    serviceIds.length === 0
      ? []
      : [
          ...new Set(
            (
              await db
                .select({ id: agreementServices.agreementId })
                .from(agreementServices)
                .where(inArray(agreementServices.serviceId, serviceIds))
            ).map((row) => row.id),
          ),
        ];
  const agreements =
    agreementIds.length === 0
      ? []
      : await loadAgreements(db, { agreementIds, kinds: COUNTERPARTY_VISIBLE_KINDS });
  const customerRows =
    agreements.length === 0
      ? []
      : await db
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(
            inArray(
              customers.id,
              agreements.map((agreement) => agreement.customerId),
            ),
          );

  const givenMs = query.startsAtMs - announcedAtMs;
  // The maintenance's whole extent, its early part included: every month it touches counts.
  const fromMs = Math.min(startedEarlyMs ?? query.startsAtMs, query.startsAtMs);
  const byVersion = new Map<number, NoticePolicy>();
  for (const agreement of agreements) {
    const coveredFrom = Math.max(fromMs, agreement.startMs);
    const coveredTo = Math.min(query.endsAtMs, agreement.endMs ?? Number.POSITIVE_INFINITY);
    if (coveredTo <= coveredFrom) continue;
    const affected = agreement.services
      .filter((service) => serviceIds.includes(service.serviceId))
      .map((service) => service.slug);
    const customer = customerRows.find((row) => row.id === agreement.customerId);
    for (const month of monthsTouched(coveredFrom, coveredTo, agreement.timeZone)) {
      const version = versionInForce(agreement, month);
      const requiredMinutes = version.rules.maintenanceNoticeMinutes;
      let entry = byVersion.get(version.id);
      if (entry === undefined) {
        entry = {
          policy: { id: version.policyId, name: version.policyName },
          version: version.version,
          effectiveFrom: version.effectiveFrom,
          requiredMinutes,
          givenMs,
          met: givenMs >= requiredMinutes * MS_PER_MINUTE,
          earlyPartCounts: startedEarlyMs !== null && requiredMinutes > 0,
          agreements: [],
        };
        byVersion.set(version.id, entry);
      }
      let listed = entry.agreements.find((row) => row.agreementId === agreement.id);
      if (listed === undefined) {
        listed = {
          agreementId: agreement.id,
          customer: { id: agreement.customerId, name: customer?.name ?? '' },
          timeZone: agreement.timeZone,
          active: agreement.active,
          services: affected,
          months: [],
        };
        entry.agreements.push(listed);
      }
      listed.months.push(month);
    }
  }
  const policies = [...byVersion.values()].sort(
    (a, b) =>
      a.policy.name.localeCompare(b.policy.name) ||
      a.policy.id - b.policy.id ||
      a.version - b.version,
  );
  const unannounced =
    startedEarlyMs !== null && startedEarlyMs < query.startsAtMs
      ? {
          from: new Date(startedEarlyMs).toISOString(),
          to: new Date(query.startsAtMs).toISOString(),
        }
      : null;
  return {
    announcedAt: new Date(announcedAtMs).toISOString(),
    startsAt: new Date(query.startsAtMs).toISOString(),
    endsAt: new Date(query.endsAtMs).toISOString(),
    givenMs,
    unannounced,
    policies,
    allMet: policies.every((policy) => policy.met && !policy.earlyPartCounts),
  };
}

/** The notice check of a stored maintenance, as it is scheduled. */
export async function noticeOfMaintenance(deps: Deps, id: number): Promise<MaintenanceNotice> {
  const { db } = deps.db;
  const row = await db.select().from(maintenances).where(eq(maintenances.id, id)).get();
  if (!row) throw notFound(`There is no maintenance ${id}.`);
  const slugRows = await db
    .select({ slug: services.slug })
    .from(maintenanceServices)
    .innerJoin(services, eq(services.id, maintenanceServices.serviceId))
    .where(eq(maintenanceServices.maintenanceId, id));
  return checkNotice(deps, {
    services: slugRows.map((row) => row.slug),
    startsAtMs: row.startsAt.getTime(),
    endsAtMs: row.endsAt.getTime(),
    maintenanceId: id,
  });
}
