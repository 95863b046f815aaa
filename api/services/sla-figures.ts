import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  type AgreementKind,
  agreementServices,
  type ClaimStatus,
  services,
  type WindowState,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { readVersion } from '../infra/status-cache.ts';
import {
  type Agreement,
  type BusinessHours,
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
  type ResponsePolicy,
  requiredWindowRange,
  responsePolicySchema,
  type Window,
} from '../sla/index.ts';

/**
 * The bridge between stored data and the engine: which policy version governs a period,
 * which windows a period needs (§6.11), and the evaluation of (agreement, service, period)
 * with the decided figures taking precedence once a claim is decided (portal.md).
 */

/** The database, or a transaction (a preview reads its own uncommitted writes). */
type Reader = Pick<Tx, 'select' | 'all'>;

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
  /** The response block (sla-response.md §1); null when the version offers no objectives. */
  response: ResponsePolicy | null;
}

export interface LoadedAgreement {
  id: number;
  customerId: number;
  policyId: number;
  policyName: string;
  startMs: number;
  endMs: number | null;
  timeZone: string;
  kind: AgreementKind;
  active: boolean;
  /** Business hours of sla-response.md §1, as stored (validated when the agreement was made). */
  businessHours: BusinessHours | null;
  /** The fee the response credit is a share of; null: the agreement has no support terms. */
  supportFeeMinor: number | null;
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

const parsedResponses = new Map<string, ResponsePolicy>();

function responseOf(stored: unknown): ResponsePolicy | null {
  if (stored === null || stored === undefined) return null;
  const key = JSON.stringify(stored);
  let response = parsedResponses.get(key);
  if (response === undefined) {
    response = responsePolicySchema.parse(stored);
    if (parsedResponses.size > 1000) parsedResponses.clear();
    parsedResponses.set(key, response);
  }
  return response;
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

/**
 * The kinds a counterparty's own people see in the portal: a vendor agreement is ours to
 * track, never shown to the vendor (docs/decisions/195-agreement-kinds.md).
 */
export const COUNTERPARTY_VISIBLE_KINDS: AgreementKind[] = ['customer', 'internal'];

/**
 * Agreements with their services and policy versions; `customerId` scopes the query and
 * `kinds` keeps only agreements of those kinds.
 */
export async function loadAgreements(
  db: Reader,
  filter: { customerId?: number; agreementIds?: number[]; kinds?: AgreementKind[] },
): Promise<LoadedAgreement[]> {
  const conditions: SQL[] = [];
  if (filter.customerId !== undefined) conditions.push(sql`a.customer_id = ${filter.customerId}`);
  if (filter.agreementIds !== undefined) {
    conditions.push(
      sql`a.id IN (SELECT value FROM json_each(${JSON.stringify(filter.agreementIds)}))`,
    );
  }
  if (filter.kinds !== undefined) {
    conditions.push(sql`a.kind IN (SELECT value FROM json_each(${JSON.stringify(filter.kinds)}))`);
  }
  // One statement, few columns: every account read loads agreements, and the driver's cost
  // is per statement and per column far more than per row (docs/decisions/202).
  const rows = await db.all<RawAgreement>(sql`
    SELECT a.id, a.customer_id, a.policy_id, a.start, a."end", a.time_zone, a.business_hours,
      a.support_fee_minor, a.kind, a.active, p.name AS policy_name,
      (SELECT json_group_array(json_array(s.id, s.slug, s.name, x.monthly_fee_minor, x.currency,
          s.monitored_since, s.sort_order))
        FROM agreement_services x JOIN services s ON s.id = x.service_id
        WHERE x.agreement_id = a.id) AS services,
      (SELECT json_group_array(json_array(v.id, v.version, v.effective_from, v.rules, v.response))
        FROM policy_versions v WHERE v.policy_id = a.policy_id) AS versions
    FROM agreements a JOIN policies p ON p.id = a.policy_id
    ${conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}
    ORDER BY a.id`);
  return rows.map((row) => {
    let problem: string | undefined;
    const versions = (JSON.parse(row.versions) as RawVersion[])
      .sort((a, b) => compareText(a[2], b[2]) || a[1] - b[1])
      .flatMap(([id, version, effectiveFrom, rules, response]) => {
        try {
          return [
            {
              id,
              policyId: row.policy_id,
              policyName: row.policy_name,
              version,
              effectiveFrom,
              rules: rulesOf(JSON.parse(rules)),
              response: responseOf(response === null ? null : JSON.parse(response)),
            },
          ];
        } catch (error) {
          problem = `policy ${row.policy_id} version ${version} does not parse: ${String(error)}`;
          return [];
        }
      });
    const services = (JSON.parse(row.services) as RawService[])
      .sort((a, b) => a[6] - b[6] || compareText(a[1], b[1]))
      .map(([serviceId, slug, name, monthlyFeeMinor, currency, monitoredSinceMs]) => ({
        serviceId,
        slug,
        name,
        monthlyFeeMinor,
        currency,
        monitoredSinceMs,
      }));
    return {
      id: row.id,
      customerId: row.customer_id,
      policyId: row.policy_id,
      policyName: row.policy_name,
      startMs: row.start,
      endMs: row.end,
      timeZone: row.time_zone,
      kind: row.kind,
      active: row.active === 1,
      businessHours:
        row.business_hours === null
          ? null
          : // The column's type (db/schema, ADR 206): written only from validated input.
            (JSON.parse(row.business_hours) as BusinessHours),
      supportFeeMinor: row.support_fee_minor,
      services,
      // A policy with one bad version has no versions here: any month could be governed by it.
      versions: problem === undefined ? versions : [],
      ...(problem === undefined ? {} : { problem }),
    };
  });
}

/** An agreement row as `loadAgreements` reads it: instants in ms, its lists as JSON text. */
interface RawAgreement {
  id: number;
  customer_id: number;
  policy_id: number;
  start: number;
  end: number | null;
  time_zone: string;
  business_hours: string | null;
  support_fee_minor: number | null;
  kind: AgreementKind;
  active: number;
  policy_name: string;
  services: string;
  versions: string;
}

/** [id, slug, name, monthly fee, currency, monitored since (ms), sort order] */
type RawService = [number, string, string, number, string, number, number];
/** [id, version, effective from, rules (JSON text), response (JSON text or null)] */
type RawVersion = [number, number, string, string, string | null];

/** SQLite's default (BINARY) order of text: by UTF-8 bytes, which code points follow. */
function compareText(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
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

/** A window as SQLite stores it: instants are integer milliseconds. */
interface RawWindow {
  external_id: string;
  state: WindowState;
  start: number;
  end: number | null;
  announced_at: number | null;
}

function toWindow(row: RawWindow): Window {
  return {
    id: row.external_id,
    start: formatInstant(row.start),
    end: row.end === null ? null : formatInstant(row.end),
    state: row.state,
    announcedAt: row.announced_at === null ? null : formatInstant(row.announced_at),
  };
}

/**
 * Which windows of a service count for an agreement: all of them, or for a vendor agreement
 * only those attributed to it (docs/decisions/196-vendor-attribution.md).
 */
export type WindowScope = { attributedTo?: number | undefined };

export function windowScopeOf(agreement: Pick<LoadedAgreement, 'id' | 'kind'>): WindowScope {
  return agreement.kind === 'vendor' ? { attributedTo: agreement.id } : {};
}

/**
 * How far before a range a closed window meeting it can start: the service's longest
 * closed window. Computed in SQLite (one aggregate, no rows to the driver) and kept per
 * process until the status version moves; a transaction's reader (a preview, reading its
 * own uncommitted writes) computes it inside the query instead.
 */
const longestClosed = new WeakMap<Reader, Map<number, { version: number; ms: number }>>();

async function longestClosedMs(db: Reader, serviceId: number, version: number): Promise<number> {
  let byService = longestClosed.get(db);
  if (byService === undefined) {
    byService = new Map();
    longestClosed.set(db, byService);
  }
  const known = byService.get(serviceId);
  if (known !== undefined && known.version === version) return known.ms;
  const [row] = await db.all<{ ms: number | null }>(
    sql`SELECT max("end" - start) AS ms FROM windows WHERE service_id = ${serviceId} AND "end" IS NOT NULL`,
  );
  const ms = row?.ms ?? 0;
  byService.set(serviceId, { version, ms });
  return ms;
}

/**
 * The windows of a service meeting `[startMs, endMs]` (closed: a window that only touches
 * the range may join a run reaching into it), oldest first. The query is bounded on both
 * sides of the (service, start) index: a closed window meeting the range starts at most
 * the service's longest closed window before it, and open windows come from their own
 * small index. So its cost follows the range, not all of the service's history.
 */
function meetingSql(
  serviceId: number,
  startMs: number,
  endMs: number,
  longestMs: number | undefined,
  columns: SQL,
  scope: WindowScope = {},
): SQL {
  const lowest =
    longestMs === undefined
      ? sql`${startMs} - (SELECT coalesce(max("end" - start), 0) FROM windows WHERE service_id = ${serviceId} AND "end" IS NOT NULL)`
      : sql`${startMs - longestMs}`;
  const attributed =
    scope.attributedTo === undefined
      ? sql``
      : sql` AND id IN (SELECT window_id FROM vendor_attributions WHERE agreement_id = ${scope.attributedTo})`;
  return sql`
    SELECT ${columns} FROM windows
    WHERE service_id = ${serviceId} AND "end" IS NOT NULL
      AND start >= ${lowest} AND start <= ${endMs} AND "end" >= ${startMs}${attributed}
    UNION ALL
    SELECT ${columns} FROM windows
    WHERE service_id = ${serviceId} AND "end" IS NULL AND start <= ${endMs}${attributed}`;
}

const WINDOW_COLUMNS = sql.raw('id, external_id, state, start, "end", announced_at');

async function windowsMeeting(
  db: Reader,
  serviceId: number,
  startMs: number,
  endMs: number,
  longestMs: number | undefined,
  scope: WindowScope,
): Promise<Window[]> {
  const rows = await db.all<RawWindow>(
    sql`${meetingSql(serviceId, startMs, endMs, longestMs, WINDOW_COLUMNS, scope)} ORDER BY start, id`,
  );
  return rows.map(toWindow);
}

/**
 * Everything of the windows meeting a range that the engine reads, as one string: equal
 * digests mean the same windows (ids, states, instants, announcements) for that range.
 */
async function windowsDigest(
  db: Reader,
  serviceId: number,
  range: { startMs: number; endMs: number },
  longestMs: number,
): Promise<string> {
  const [row] = await db.all<{ digest: string | null }>(sql`
    SELECT count(*) || '|' || coalesce(group_concat(line, ','), '') AS digest FROM (
      SELECT id || ':' || state || ':' || start || ':' || coalesce("end", '-') || ':' ||
             coalesce(announced_at, '-') AS line, id
      FROM (${meetingSql(serviceId, range.startMs, range.endMs, longestMs, WINDOW_COLUMNS)})
      ORDER BY id
    )`);
  return row?.digest ?? '';
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
  options: { scope?: WindowScope; longestMs?: number | undefined } = {},
): Promise<{
  windows: Window[];
  prepared: PreparedWindows;
  range: { startMs: number; endMs: number };
}> {
  let { startMs, endMs } = range;
  for (;;) {
    const found = await windowsMeeting(
      db,
      serviceId,
      startMs,
      endMs,
      options.longestMs,
      options.scope ?? {},
    );
    const prepared = prepareWindows(found);
    const reach = requiredWindowRange(prepared, policy, startMs, endMs, asOfMs);
    if (reach.startMs >= startMs && reach.endMs <= endMs) {
      return { windows: found, prepared, range: { startMs, endMs } };
    }
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
 * Evaluations of closed months (docs/decisions/171-closed-month-cache.md). A closed month's
 * figures depend on nothing but its inputs: the agreement's terms for the service, the
 * policy version in force, the service's monitoring start (all in the key, read afresh on
 * every request), and the windows whose runs reach into the month. Those are checked
 * through the status version, which every write of windows or corrections bumps in its
 * transaction, so every process sees it: while the version stands, an entry is served as
 * it is; once it moved, the windows of the entry's range are compared by digest, one
 * aggregate query, and the entry is kept if they are the same.
 */
interface CachedMonth {
  version: number;
  /** The range whose windows the evaluation read (the month widened to the runs reaching it). */
  range: { startMs: number; endMs: number };
  digest: string;
  evaluation: EvaluationResult;
}

/** Entries per database; one with daily figures and explanations can weigh tens of kB. */
const MAX_CACHED_MONTHS = 2_000;

const monthCaches = new WeakMap<object, Map<string, CachedMonth>>();

function monthCacheOf(database: object): Map<string, CachedMonth> {
  let cache = monthCaches.get(database);
  if (cache === undefined) {
    cache = new Map();
    monthCaches.set(database, cache);
  }
  return cache;
}

/**
 * Each evaluation kept in the month cache gets a number, unique in the process: while the
 * entry stands (its inputs unchanged) callers are handed the same object, so the number
 * names those figures. A reader that keeps something derived from them (the finished
 * response of a closed month) keys it on these numbers.
 */
const cachedEvaluationIds = new WeakMap<EvaluationResult, number>();
let lastCachedEvaluationId = 0;

/** The number of a cached evaluation (see above); undefined for one computed and not kept. */
export function cachedEvaluationId(evaluation: EvaluationResult): number | undefined {
  return cachedEvaluationIds.get(evaluation);
}

function remember(cache: Map<string, CachedMonth>, key: string, entry: CachedMonth): void {
  lastCachedEvaluationId += 1;
  cachedEvaluationIds.set(entry.evaluation, lastCachedEvaluationId);
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_CACHED_MONTHS) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}

/**
 * Evaluates each (agreement, service) of `agreement` for each period, one service's
 * windows fetched once for all of its periods. The current month is measured up to now;
 * closed months come from the cache above while their inputs are unchanged.
 */
export async function evaluatePeriods(
  deps: Deps,
  agreement: LoadedAgreement,
  periods: string[],
  nowMs: number,
  options: { includeDays?: boolean; serviceIds?: number[]; reader?: Reader } = {},
): Promise<Figures[]> {
  const reader = options.reader ?? deps.db.db;
  // A transaction's reader sees its own uncommitted writes: never cached, never cache-fed.
  // A vendor agreement's windows also depend on attributions, which the digest does not see.
  const cached = reader === deps.db.db && agreement.kind !== 'vendor';
  const version = cached ? await readVersion(deps.db) : 0;
  const cache = monthCacheOf(deps.db);
  const includeDays = options.includeDays ?? false;
  const figures: Figures[] = [];
  const chosen = agreement.services.filter(
    (service) => options.serviceIds === undefined || options.serviceIds.includes(service.serviceId),
  );
  for (const service of chosen) {
    const longestMs = cached
      ? await longestClosedMs(reader, service.serviceId, version)
      : undefined;
    const requests: (EvaluationRequest & {
      version: PolicyVersionInForce;
      key: string | null;
    })[] = periods.map((period) => {
      const version = versionInForce(agreement, period);
      const asOfMs = asOfFor(period, agreement.timeZone, nowMs);
      const request = {
        period,
        asOf: formatInstant(asOfMs),
        agreement: engineAgreement(agreement, service),
        policy: version.rules,
        monitoredSince: formatInstant(service.monitoredSinceMs),
      };
      const closed = asOfMs === periodBounds(period, agreement.timeZone).endMs;
      return {
        ...request,
        version,
        key: closed ? JSON.stringify([service.serviceId, includeDays, request]) : null,
      };
    });
    const results = new Map<string, EvaluationResult>();
    if (cached && longestMs !== undefined) {
      for (const request of requests) {
        if (request.key === null) continue;
        const entry = cache.get(request.key);
        if (entry === undefined) continue;
        if (entry.version !== version) {
          const digest = await windowsDigest(reader, service.serviceId, entry.range, longestMs);
          if (digest !== entry.digest) continue;
          entry.version = version;
        }
        results.set(request.period, entry.evaluation);
      }
    }
    const missing = requests.filter((request) => !results.has(request.period));
    if (missing.length > 0) {
      // One fetch covering every period still to evaluate, widened per policy version in play.
      const bounds = missing.map((request) => periodBounds(request.period, agreement.timeZone));
      const range = {
        startMs: Math.min(...bounds.map((bound) => bound.startMs)),
        endMs: Math.max(...bounds.map((bound) => bound.endMs)),
      };
      let windowSet: Window[] = [];
      const seen = new Set<string>();
      const reached = { ...range };
      for (const version of new Set(missing.map((request) => request.version))) {
        const found = await windowsForRange(
          reader,
          service.serviceId,
          version.rules,
          range,
          nowMs,
          { scope: windowScopeOf(agreement), longestMs },
        );
        reached.startMs = Math.min(reached.startMs, found.range.startMs);
        reached.endMs = Math.max(reached.endMs, found.range.endMs);
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
      const evaluated = evaluateAgreements(prepared, missing, { includeDays });
      let cacheable = cached && longestMs !== undefined && missing.some((r) => r.key !== null);
      const digest = cacheable
        ? await windowsDigest(reader, service.serviceId, reached, longestMs ?? 0)
        : '';
      // A write between the version read and the digest would pair these figures with the
      // windows after it: such an evaluation is answered, not kept.
      if (cacheable && (await readVersion(deps.db)) !== version) cacheable = false;
      missing.forEach((request, index) => {
        const evaluation = evaluated[index];
        if (!evaluation) return;
        results.set(request.period, evaluation);
        if (cacheable && request.key !== null) {
          remember(cache, request.key, { version, range: reached, digest, evaluation });
        }
      });
    }
    for (const request of requests) {
      const evaluation = results.get(request.period);
      if (!evaluation) continue;
      figures.push({
        agreementId: agreement.id,
        service,
        period: request.period,
        policy: request.version,
        evaluation,
      });
    }
  }
  return figures;
}

/**
 * The status version the closed-month figures are checked against: every write of windows
 * or corrections bumps it (ADR 171), so while it stands, closed months read the same.
 */
export function figuresVersion(deps: Deps): Promise<number> {
  return readVersion(deps.db);
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
  return (await availabilityClaims(db, agreementIds)).decided;
}

/**
 * The availability claims of these agreements in one read, keyed by triple: the decided ones
 * with their stored figures, and the latest of each month (a live claim wins over withdrawn
 * or rejected ones; among equals, the newest).
 */
export async function availabilityClaims(
  db: Reader,
  agreementIds: number[],
): Promise<{
  decided: Map<string, DecidedClaim>;
  latest: Map<string, { id: number; status: ClaimStatus }>;
}> {
  const decided = new Map<string, DecidedClaim>();
  const latest = new Map<string, { id: number; status: ClaimStatus }>();
  if (agreementIds.length === 0) return { decided, latest };
  // Only the columns read, and a decided claim's figures only: the driver's cost grows with
  // each statement and column (docs/decisions/202).
  const rows = await db.all<{
    id: number;
    status: ClaimStatus;
    agreement_id: number;
    service_id: number | null;
    period: string;
    evaluation: string | null;
    decided_at: number | null;
  }>(sql`
    SELECT id, status, agreement_id, service_id, period,
      CASE WHEN status IN ('approved', 'credited') THEN evaluation END AS evaluation, decided_at
    FROM claims
    WHERE agreement_id IN (SELECT value FROM json_each(${JSON.stringify(agreementIds)}))
      AND kind = 'availability'
    ORDER BY id`);
  const live = (status: ClaimStatus) => status !== 'rejected' && status !== 'withdrawn';
  for (const row of rows) {
    if (row.service_id === null) continue;
    const key = tripleKey(row.agreement_id, row.service_id, row.period);
    const previous = latest.get(key);
    if (!previous || live(row.status) || !live(previous.status)) {
      latest.set(key, { id: row.id, status: row.status });
    }
    if ((row.status === 'approved' || row.status === 'credited') && row.evaluation !== null) {
      decided.set(key, {
        id: row.id,
        status: row.status,
        agreementId: row.agreement_id,
        serviceId: row.service_id,
        period: row.period,
        evaluation: storedEvaluation(JSON.parse(row.evaluation)),
        decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
      });
    }
  }
  return { decided, latest };
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
