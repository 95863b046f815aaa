import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  agreementServices,
  agreements,
  claims,
  policies,
  policyVersions,
  services,
  windows,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import {
  type Agreement,
  type EvaluationRequest,
  type EvaluationResult,
  evaluateAgreements,
  formatInstant,
  type Policy,
  type PreparedWindows,
  periodBounds,
  periodOf,
  policySchema,
  prepareWindows,
  requiredWindowRange,
  type Window,
} from '../sla/index.ts';

/**
 * The bridge between stored data and the engine: which policy version governs a period,
 * which windows a period needs (§6.11), and the evaluation of (agreement, service, period)
 * with the decided figures taking precedence once a claim is decided (portal.md).
 */

/** The database, or a transaction (a preview reads its own uncommitted writes). */
type Reader = Pick<Tx, 'select'>;

export interface AgreementService {
  serviceId: number;
  slug: string;
  name: string;
  monthlyFeeMinor: number;
  currency: string;
  /** When monitoring of the service began (sla-accounting §3.1): nothing before it counts as up. */
  monitoredSinceMs: number;
}

export interface PolicyVersionInForce {
  id: number;
  policyId: number;
  policyName: string;
  version: number;
  /** `YYYY-MM`; `0000-01` for a policy's first version (in force from the beginning). */
  effectiveFrom: string;
  rules: Policy;
}

export interface LoadedAgreement {
  id: number;
  customerId: number;
  policyId: number;
  policyName: string;
  startMs: number;
  endMs: number | null;
  timeZone: string;
  active: boolean;
  services: AgreementService[];
  /** Every version of the agreement's policy, oldest first. */
  versions: PolicyVersionInForce[];
  /**
   * Why the agreement cannot be evaluated (a stored policy version that no longer parses):
   * versionInForce throws it, so one bad row fails only this agreement (ADR 114).
   */
  problem?: string;
}

/**
 * Stored rules are parsed (defaults applied) once per distinct text: keyed by content, not
 * by row id, so that two databases in one process (tests) never share an entry.
 */
const parsedRules = new Map<string, Policy>();

function rulesOf(stored: unknown): Policy {
  const key = JSON.stringify(stored);
  let rules = parsedRules.get(key);
  if (rules === undefined) {
    rules = policySchema.parse(stored);
    if (parsedRules.size > 1000) parsedRules.clear();
    parsedRules.set(key, rules);
  }
  return rules;
}

/** The services of these agreements with their fees and monitoring start, in display order. */
export async function agreementServiceRows(
  db: Reader | Tx,
  agreementIds: number[],
): Promise<(AgreementService & { agreementId: number })[]> {
  if (agreementIds.length === 0) return [];
  const rows = await db
    .select({
      agreementId: agreementServices.agreementId,
      serviceId: services.id,
      slug: services.slug,
      name: services.name,
      monthlyFeeMinor: agreementServices.monthlyFeeMinor,
      currency: agreementServices.currency,
      monitoredSince: services.monitoredSince,
    })
    .from(agreementServices)
    .innerJoin(services, eq(services.id, agreementServices.serviceId))
    .where(inArray(agreementServices.agreementId, agreementIds))
    .orderBy(asc(services.sortOrder), asc(services.slug));
  return rows.map(({ monitoredSince, ...row }) => ({
    ...row,
    monitoredSinceMs: monitoredSince.getTime(),
  }));
}

/** Agreements with their services and policy versions; `customerId` scopes the query. */
export async function loadAgreements(
  db: Reader,
  filter: { customerId?: number; agreementIds?: number[] },
): Promise<LoadedAgreement[]> {
  const conditions = [
    filter.customerId === undefined ? undefined : eq(agreements.customerId, filter.customerId),
    filter.agreementIds === undefined ? undefined : inArray(agreements.id, filter.agreementIds),
  ].filter((condition) => condition !== undefined);
  const rows = await db
    .select({ agreement: agreements, policyName: policies.name })
    .from(agreements)
    .innerJoin(policies, eq(policies.id, agreements.policyId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(agreements.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.agreement.id);
  const serviceRows = await agreementServiceRows(db, ids);
  const policyIds = [...new Set(rows.map((row) => row.agreement.policyId))];
  const versionRows = await db
    .select()
    .from(policyVersions)
    .where(inArray(policyVersions.policyId, policyIds))
    .orderBy(asc(policyVersions.effectiveFrom), asc(policyVersions.version));
  return rows.map(({ agreement, policyName }) => {
    let problem: string | undefined;
    const versions = versionRows
      .filter((row) => row.policyId === agreement.policyId)
      .flatMap((row) => {
        try {
          return [
            {
              id: row.id,
              policyId: row.policyId,
              policyName,
              version: row.version,
              effectiveFrom: row.effectiveFrom,
              rules: rulesOf(row.rules),
            },
          ];
        } catch (error) {
          problem = `policy ${row.policyId} version ${row.version} does not parse: ${String(error)}`;
          return [];
        }
      });
    return {
      id: agreement.id,
      customerId: agreement.customerId,
      policyId: agreement.policyId,
      policyName,
      startMs: agreement.start.getTime(),
      endMs: agreement.end?.getTime() ?? null,
      timeZone: agreement.timeZone,
      active: agreement.active,
      services: serviceRows
        .filter((row) => row.agreementId === agreement.id)
        .map(({ agreementId: _, ...service }) => service),
      // A policy with one bad version has no versions here: any month could be governed by it.
      versions: problem === undefined ? versions : [],
      ...(problem === undefined ? {} : { problem }),
    };
  });
}

/**
 * The policy version in force at the start of `period` (sla-accounting §1): the latest
 * version whose `effectiveFrom` month is not after the period; the first version also
 * governs every earlier month.
 */
export function versionInForce(agreement: LoadedAgreement, period: string): PolicyVersionInForce {
  if (agreement.problem !== undefined) throw new Error(agreement.problem);
  let chosen = agreement.versions[0];
  for (const version of agreement.versions) {
    if (version.effectiveFrom <= period) chosen = version;
  }
  if (!chosen) throw new Error(`policy ${agreement.policyId} has no version`);
  return chosen;
}

function toWindow(row: typeof windows.$inferSelect): Window {
  return {
    id: row.externalId,
    start: formatInstant(row.start.getTime()),
    end: row.end === null ? null : formatInstant(row.end.getTime()),
    state: row.state,
    announcedAt: row.announcedAt === null ? null : formatInstant(row.announcedAt.getTime()),
  };
}

async function windowsMeeting(
  db: Reader,
  serviceId: number,
  startMs: number,
  endMs: number,
): Promise<Window[]> {
  const rows = await db
    .select()
    .from(windows)
    .where(
      and(
        eq(windows.serviceId, serviceId),
        // Closed bounds: a window that only touches the range may join a run reaching into it.
        lte(windows.start, new Date(endMs)),
        or(isNull(windows.end), gte(windows.end, new Date(startMs))),
      ),
    )
    .orderBy(asc(windows.start), asc(windows.id));
  return rows.map(toWindow);
}

/**
 * Every window of the service whose outage runs reach into `[startMs, endMs)`
 * (sla-accounting §6.11), however far outside it they start: fetch the windows meeting
 * the range, widen the range to the runs found, and fetch again until it stops growing.
 */
export async function windowsForRange(
  db: Reader,
  serviceId: number,
  policy: Policy,
  range: { startMs: number; endMs: number },
  asOfMs: number,
): Promise<{ windows: Window[]; prepared: PreparedWindows }> {
  let { startMs, endMs } = range;
  for (;;) {
    const found = await windowsMeeting(db, serviceId, startMs, endMs);
    const prepared = prepareWindows(found);
    const reach = requiredWindowRange(prepared, policy, startMs, endMs, asOfMs);
    if (reach.startMs >= startMs && reach.endMs <= endMs) return { windows: found, prepared };
    startMs = Math.min(startMs, reach.startMs);
    endMs = Math.max(endMs, reach.endMs);
  }
}

export function engineAgreement(agreement: LoadedAgreement, service: AgreementService): Agreement {
  return {
    timeZone: agreement.timeZone,
    start: formatInstant(agreement.startMs),
    end: agreement.endMs === null ? null : formatInstant(agreement.endMs),
    monthlyFeeMinor: service.monthlyFeeMinor,
    currency: service.currency,
  };
}

/** `asOf` through the API (§6.11): the earlier of now and the period's end. */
export function asOfFor(period: string, timeZone: string, nowMs: number): number {
  return Math.min(nowMs, periodBounds(period, timeZone).endMs);
}

export interface Figures {
  agreementId: number;
  service: AgreementService;
  period: string;
  policy: PolicyVersionInForce;
  /** The engine's evaluation now, with the windows as they are now. */
  evaluation: EvaluationResult;
}

/**
 * Evaluates each (agreement, service) of `agreement` for each period, one service's
 * windows fetched once for all of its periods. The current month is measured up to now.
 */
export async function evaluatePeriods(
  deps: Deps,
  agreement: LoadedAgreement,
  periods: string[],
  nowMs: number,
  options: { includeDays?: boolean; serviceIds?: number[]; reader?: Reader } = {},
): Promise<Figures[]> {
  const reader = options.reader ?? deps.db.db;
  const figures: Figures[] = [];
  const chosen = agreement.services.filter(
    (service) => options.serviceIds === undefined || options.serviceIds.includes(service.serviceId),
  );
  for (const service of chosen) {
    const requests: (EvaluationRequest & { version: PolicyVersionInForce })[] = periods.map(
      (period) => {
        const version = versionInForce(agreement, period);
        return {
          period,
          asOf: formatInstant(asOfFor(period, agreement.timeZone, nowMs)),
          agreement: engineAgreement(agreement, service),
          policy: version.rules,
          monitoredSince: formatInstant(service.monitoredSinceMs),
          version,
        };
      },
    );
    // One fetch covering every requested period, widened per policy version in play.
    const bounds = periods.map((period) => periodBounds(period, agreement.timeZone));
    const range = {
      startMs: Math.min(...bounds.map((bound) => bound.startMs)),
      endMs: Math.max(...bounds.map((bound) => bound.endMs)),
    };
    let windowSet: Window[] = [];
    const seen = new Set<string>();
    for (const version of new Set(requests.map((request) => request.version))) {
      const found = await windowsForRange(reader, service.serviceId, version.rules, range, nowMs);
      for (const window of found.windows) {
        const key = String(window.id);
        if (!seen.has(key)) {
          seen.add(key);
          windowSet.push(window);
        }
      }
    }
    windowSet = windowSet.sort((a, b) => a.start.localeCompare(b.start));
    const prepared = prepareWindows(windowSet);
    const results = evaluateAgreements(prepared, requests, {
      includeDays: options.includeDays ?? false,
    });
    requests.forEach((request, index) => {
      const evaluation = results[index];
      if (!evaluation) return;
      figures.push({
        agreementId: agreement.id,
        service,
        period: request.period,
        policy: request.version,
        evaluation,
      });
    });
  }
  return figures;
}

export interface DecidedClaim {
  id: number;
  status: 'approved' | 'credited';
  agreementId: number;
  serviceId: number;
  period: string;
  evaluation: EvaluationResult;
  decidedAt: string | null;
}

/** The decided (approved or credited) claims for these agreements, keyed by triple. */
export async function decidedClaims(
  db: Reader,
  agreementIds: number[],
): Promise<Map<string, DecidedClaim>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(claims)
    .where(
      and(
        inArray(claims.agreementId, agreementIds),
        inArray(claims.status, ['approved', 'credited']),
      ),
    );
  return new Map(
    rows.map((row) => [
      tripleKey(row.agreementId, row.serviceId, row.period),
      {
        id: row.id,
        status: row.status as 'approved' | 'credited',
        agreementId: row.agreementId,
        serviceId: row.serviceId,
        period: row.period,
        evaluation: storedEvaluation(row.evaluation),
        decidedAt: row.decidedAt?.toISOString() ?? null,
      },
    ]),
  );
}

/**
 * An evaluation stored with a claim, as the current result shape. Claims filed before the
 * monitoring rule (sla-accounting §3.1, ADR 095) carry no `unmonitoredMs`: they were computed
 * as if monitored throughout, which is what `0` says.
 */
export function storedEvaluation(stored: unknown): EvaluationResult {
  const evaluation = stored as Omit<EvaluationResult, 'unmonitoredMs'> & { unmonitoredMs?: number };
  return { ...evaluation, unmonitoredMs: evaluation.unmonitoredMs ?? 0 };
}

export function tripleKey(agreementId: number, serviceId: number, period: string): string {
  return `${agreementId}:${serviceId}:${period}`;
}

/** The agreement's current period (in its zone) at `nowMs`. */
export function currentPeriod(agreement: { timeZone: string }, nowMs: number): string {
  return periodOf(nowMs, agreement.timeZone);
}

/** True when two evaluations give the same figures (corrections are shown only if they differ). */
export function sameFigures(a: EvaluationResult, b: EvaluationResult): boolean {
  return (
    a.status === b.status &&
    a.unmonitoredMs === b.unmonitoredMs &&
    a.eligibleMs === b.eligibleMs &&
    a.downtimeMs === b.downtimeMs &&
    a.creditMinor === b.creditMinor &&
    a.met === b.met
  );
}
