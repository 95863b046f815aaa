import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  agreementServices,
  agreements,
  claims,
  customers,
  policyVersions,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { invalidInput, unprocessable } from '../domain-errors.ts';
import { csvTextSync } from '../infra/csv.ts';
import {
  type Agreement,
  type EvaluationResult,
  evaluateAgreements,
  formatInstant,
  type Policy,
  type PreparedWindows,
  periodBounds,
  policySchema,
  prepareWindows,
  type Window,
} from '../sla/index.ts';
import {
  type AvailabilityItem,
  availabilityItem,
  latestClaims,
  overlapsPeriod,
  UNAVAILABLE_REASON,
  type Unavailable,
} from './availability.ts';
import { type ClaimDto, claimsForPeriods } from './claims.ts';
import {
  asOfFor,
  decidedClaims,
  engineAgreement,
  type LoadedAgreement,
  loadAgreements,
  tripleKey,
  versionInForce,
  windowsForRange,
} from './sla-figures.ts';
import { statementCsvText } from './statement-csv.ts';
import { moneyText } from './statement-format.ts';
import { statementPdf } from './statement-pdf.ts';
import {
  buildStatement,
  loadSupport,
  type StatementDocument,
  type StatementFormat,
  type StatementProvider,
  type StatementSupportData,
  SUPPORT_UNAVAILABLE,
  statementJson,
  statementProvider,
} from './statements.ts';

/**
 * A statement run (issue 17, ADR 173): every agreement's statement of one closed month, as
 * CSV, JSON and PDF, written one file at a time to a sink (a directory for the command line,
 * a zip archive for the staff console).
 *
 * Work is shared across customers: each service's windows are read and prepared once for
 * the run (the month widened to every zone in play and to the runs reaching into it), and
 * the engine's timelines are memoised on them, so 5,000 customers on one service cost one
 * read and one timeline per policy, not 5,000. Agreements are read and written a page at a
 * time, and each statement is dropped once its files are written: memory follows the page
 * and the number of services, not the number of customers.
 *
 * The run's files carry every figure of the single statement (`GET /me/statements/…`),
 * built by the same `buildStatement`, but not the list of every window counted or ignored:
 * that detail stays in the portal and the single statement (ADR 173).
 */

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const RUN_FORMATS: readonly StatementFormat[] = ['csv', 'json', 'pdf'];

/** Where a run's files go: each write resolves once the file is written (backpressure). */
export interface RunSink {
  write(
    name: string,
    content: AsyncIterable<Uint8Array | string> | Uint8Array | string,
  ): Promise<void>;
}

export interface RunAgreementRef {
  agreementId: number;
  customerId: number;
}

/** What a run will write: checked before anything is, so a refusal leaves nothing behind. */
export interface RunPlan {
  period: string;
  /** The run's as-of instant: every statement shows the figures as they stood then. */
  asOfMs: number;
  /** Agreements covering some of the month, by customer then agreement. */
  agreements: RunAgreementRef[];
  customers: number;
}

export interface RunSummary {
  period: string;
  agreements: number;
  customers: number;
  files: number;
  /** Agreement × service pairs whose figures could not be computed (listed in the index). */
  unavailable: number;
}

/** Agreements read, evaluated and written together (bounded memory, few queries). */
const PAGE_AGREEMENTS = 200;
/**
 * Files being written while the next statements are built: a sink may write on another
 * thread meanwhile (the command line's does). Bounds the statements held in memory at once.
 */
const FILES_IN_FLIGHT = 64;

/** Writes started but not finished; the first failure fails the run. */
class InFlight {
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  add(write: Promise<void>): void {
    const tracked: Promise<void> = write.then(
      () => {
        this.pending.delete(tracked);
      },
      (error: unknown) => {
        this.pending.delete(tracked);
        this.failure ??= { error };
      },
    );
    this.pending.add(tracked);
  }

  /** Waits until fewer than `max` writes are pending. */
  async room(max: number): Promise<void> {
    while (this.pending.size >= max) await Promise.race(this.pending);
    this.check();
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending);
    this.check();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure.error;
  }
}

interface AgreementRow {
  id: number;
  customerId: number;
  timeZone: string;
  startMs: number;
  endMs: number | null;
}

/** The period as typed, or a 400 naming the field. */
export function parsePeriod(period: unknown): string {
  if (typeof period !== 'string' || !PERIOD_PATTERN.test(period)) {
    throw invalidInput('The period must be a month: YYYY-MM, e.g. 2026-10.', [
      { path: 'period', message: 'must be YYYY-MM (e.g. 2026-10)' },
    ]);
  }
  return period;
}

/**
 * Which agreements the run covers, after checking that the month has ended in the zone of
 * every one of them (ADR 173): a statement run files figures, which only a closed month has.
 */
export async function planStatementRun(deps: Deps, periodText: unknown): Promise<RunPlan> {
  const period = parsePeriod(periodText);
  const asOfMs = deps.clock.now();
  const rows = await deps.db.db.all<{
    id: number;
    customer_id: number;
    time_zone: string;
    start: number;
    end: number | null;
  }>(
    // A vendor's terms are ours to claim under, not a statement we issue (ADR 195).
    sql`SELECT id, customer_id, time_zone, start, "end" FROM agreements WHERE kind != 'vendor' ORDER BY customer_id, id`,
  );
  const covering: AgreementRow[] = [];
  const openIn = new Map<string, number>();
  for (const row of rows) {
    const agreement = {
      id: row.id,
      customerId: row.customer_id,
      timeZone: row.time_zone,
      startMs: row.start,
      endMs: row.end,
    };
    let endMs: number;
    try {
      if (!overlapsPeriod(agreement, period)) continue;
      endMs = periodBounds(period, agreement.timeZone).endMs;
    } catch {
      // A zone that cannot be read: the statement says its figures are unavailable.
      covering.push(agreement);
      continue;
    }
    if (asOfMs < endMs) openIn.set(agreement.timeZone, endMs);
    covering.push(agreement);
  }
  if (openIn.size > 0) {
    const zones = [...openIn.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([zone, endMs]) => `${zone} (it ends ${formatInstant(endMs)})`);
    throw unprocessable(
      `${period} has not ended in every agreement's zone yet: statements are run for closed months only. Not yet ended in ${zones.join(', ')}.`,
      'PERIOD_NOT_CLOSED',
      [{ path: 'period', message: 'must be a month that has ended in every agreement’s zone' }],
    );
  }
  return {
    period,
    asOfMs,
    agreements: covering.map((row) => ({ agreementId: row.id, customerId: row.customerId })),
    customers: new Set(covering.map((row) => row.customerId)).size,
  };
}

/** `Acme Ltd.` → `acme-ltd`; letters outside ASCII are folded or dropped (never the id). */
export function fileSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

const pad = (id: number) => String(id).padStart(5, '0');

/**
 * Where an agreement's statement is filed (ADR 173): one folder, names that sort by customer
 * and say customer (id and name), agreement and month, also once taken out of the folder:
 * `customer-00042-acme-ltd_agreement-00017_statement-2026-10.pdf`.
 */
export function statementFileName(
  customer: { id: number; name: string },
  agreementId: number,
  period: string,
  format: StatementFormat,
): string {
  const slug = fileSlug(customer.name);
  return `customer-${pad(customer.id)}${slug === '' ? '' : `-${slug}`}_agreement-${pad(agreementId)}_statement-${period}.${format}`;
}

export const INDEX_FILE = 'index.csv';
export const INDEX_COLUMNS = [
  'customer_id',
  'customer',
  'agreement',
  'period',
  'time_zone',
  'services',
  'credit',
  'unavailable',
  'csv',
  'json',
  'pdf',
] as const;

/** The statement without the per-window detail (ADR 173); every figure is kept. */
function withoutWindows(item: AvailabilityItem): AvailabilityItem {
  const correction: EvaluationResult | null =
    item.correction === null ? null : { ...item.correction, counted: [], ignored: [] };
  return { ...item, counted: [], ignored: [], correction };
}

/** The run's JSON: the single statement's fields, less the windows, with the agreement. */
export function runStatementJson(document: StatementDocument, agreementId: number) {
  const json = statementJson(document);
  return {
    ...json,
    agreementId,
    items: json.items.map(({ counted: _c, ignored: _i, correction, ...item }) => ({
      ...item,
      correction:
        correction === null ? null : (({ counted: _, ignored: __, ...rest }) => rest)(correction),
    })),
  };
}

/**
 * The windows of each service that the run's months need, read and prepared once for all
 * agreements and all the months (a year's run reads each window once, not twelve times).
 */
async function sharedWindows(
  deps: Deps,
  periods: readonly string[],
  zones: Set<string>,
  asOfMs: number,
): Promise<Map<number, PreparedWindows>> {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const period of periods) {
    for (const zone of zones) {
      try {
        const bounds = periodBounds(period, zone);
        startMs = Math.min(startMs, bounds.startMs);
        endMs = Math.max(endMs, bounds.endMs);
      } catch {
        // Its agreements are reported unavailable.
      }
    }
  }
  const prepared = new Map<number, PreparedWindows>();
  if (startMs > endMs) return prepared;
  const pairs = await deps.db.db
    .selectDistinct({ serviceId: agreementServices.serviceId, policyId: agreements.policyId })
    .from(agreementServices)
    .innerJoin(agreements, eq(agreements.id, agreementServices.agreementId));
  const policyIds = [...new Set(pairs.map((pair) => pair.policyId))];
  const versions =
    policyIds.length === 0
      ? []
      : await deps.db.db
          .select()
          .from(policyVersions)
          .where(inArray(policyVersions.policyId, policyIds))
          .orderBy(asc(policyVersions.effectiveFrom), asc(policyVersions.version));
  // The rules in force for each month per policy (sla-accounting §1): the runs they reach.
  const rulesByPolicy = new Map<number, Policy[]>();
  for (const period of periods) {
    const inForce = new Map<number, (typeof versions)[number]>();
    for (const version of versions) {
      if (inForce.has(version.policyId) && version.effectiveFrom > period) continue;
      inForce.set(version.policyId, version);
    }
    for (const [policyId, version] of inForce) {
      let rules: Policy;
      try {
        rules = policySchema.parse(version.rules);
      } catch {
        // A version that does not parse fails its agreements, which say so.
        continue;
      }
      const list = rulesByPolicy.get(policyId) ?? [];
      const known = JSON.stringify(rules);
      if (!list.some((each) => JSON.stringify(each) === known)) list.push(rules);
      rulesByPolicy.set(policyId, list);
    }
  }
  const byService = new Map<number, Policy[]>();
  for (const pair of pairs) {
    const list = byService.get(pair.serviceId) ?? [];
    for (const rules of rulesByPolicy.get(pair.policyId) ?? []) {
      if (!list.includes(rules)) list.push(rules);
    }
    byService.set(pair.serviceId, list);
  }
  for (const [serviceId, rulesList] of byService) {
    const seen = new Set<string>();
    const found: Window[] = [];
    for (const rules of rulesList) {
      const fetched = await windowsForRange(
        deps.db.db,
        serviceId,
        rules,
        { startMs, endMs },
        asOfMs,
      );
      for (const window of fetched.windows) {
        const key = String(window.id);
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(window);
      }
    }
    found.sort((a, b) => a.start.localeCompare(b.start));
    prepared.set(serviceId, prepareWindows(found));
  }
  return prepared;
}

/**
 * Instants as the engine reads them, remembered: a run formats each service's monitoring
 * start once per agreement and month, nearly always the same few instants.
 */
const instantTexts = new Map<number, string>();
function instantText(ms: number): string {
  let text = instantTexts.get(ms);
  if (text === undefined) {
    text = formatInstant(ms);
    if (instantTexts.size >= 10_000) instantTexts.clear();
    instantTexts.set(ms, text);
  }
  return text;
}

/** One agreement's figures, as `availabilityReport` gives them, from the shared windows. */
function agreementItems(
  agreement: LoadedAgreement,
  period: string,
  asOfMs: number,
  prepared: Map<number, PreparedWindows>,
  decided: Awaited<ReturnType<typeof decidedClaims>>,
  latest: Awaited<ReturnType<typeof latestClaims>>,
  /** The engine's terms of each of the agreement's services, filled on first use. */
  terms: (Agreement | undefined)[],
): { items: AvailabilityItem[]; unavailable: Unavailable[] } {
  const items: AvailabilityItem[] = [];
  const unavailable: Unavailable[] = [];
  // The same for every service of the agreement; made on the first service so that a zone
  // that cannot be read still fails each service on its own, as before.
  let asOf: string | undefined;
  for (const [index, service] of agreement.services.entries()) {
    try {
      const version = versionInForce(agreement, period);
      const windows = prepared.get(service.serviceId) ?? prepareWindows([]);
      asOf ??= instantText(asOfFor(period, agreement.timeZone, asOfMs));
      let engineTerms = terms[index];
      if (engineTerms === undefined) {
        engineTerms = engineAgreement(agreement, service);
        terms[index] = engineTerms;
      }
      const [evaluation] = evaluateAgreements(
        windows,
        [
          {
            period,
            asOf,
            agreement: engineTerms,
            policy: version.rules,
            monitoredSince: instantText(service.monitoredSinceMs),
          },
        ],
        { explain: false },
      );
      if (evaluation === undefined) continue;
      const key = tripleKey(agreement.id, service.serviceId, period);
      const item = availabilityItem(
        agreement,
        { agreementId: agreement.id, service, period, policy: version, evaluation },
        decided.get(key),
        latest.get(key) ?? null,
        asOfMs,
      );
      items.push(withoutWindows(item));
    } catch (error) {
      console.warn(`statement run: agreement ${agreement.id} service ${service.slug}:`, error);
      unavailable.push({
        agreementId: agreement.id,
        service: service.slug,
        reason: UNAVAILABLE_REASON,
      });
    }
  }
  return { items, unavailable };
}

function creditText(document: StatementDocument): string {
  return document.totals.map((total) => moneyText(total.creditMinor, total.currency)).join('; ');
}

export type IndexRow = Record<(typeof INDEX_COLUMNS)[number], string | number>;

export interface RunOptions {
  formats?: readonly StatementFormat[];
  onProgress?: (done: number, total: number) => void;
  provider?: StatementProvider;
}

/**
 * Writes every statement of the plan to `sink`, then the index. `onProgress` hears of each
 * agreement written. Figures are those of the plan's as-of instant.
 */
export async function runStatements(
  deps: Deps,
  plan: RunPlan,
  sink: RunSink,
  options: RunOptions = {},
): Promise<RunSummary> {
  const written = await writeStatements(deps, plan, sink, options);
  await writeIndex(sink, written.indexRows);
  return {
    period: plan.period,
    agreements: plan.agreements.length,
    customers: plan.customers,
    files: written.files + 1,
    unavailable: written.unavailable,
  };
}

/** The index of a run (`index.csv`), its rows in the order of the plan. */
export function writeIndex(sink: RunSink, rows: IndexRow[]): Promise<void> {
  return sink.write(INDEX_FILE, csvTextSync(INDEX_COLUMNS, rows));
}

/**
 * Every statement of the plan, without the index (a run split across threads writes the
 * index once, from every part's rows).
 */
export async function writeStatements(
  deps: Deps,
  plan: RunPlan,
  sink: RunSink,
  options: RunOptions = {},
): Promise<MonthWritten> {
  const [written] = await writeMonths(deps, [{ plan, sink }], options);
  if (written === undefined) throw new Error('a run of one month wrote no month');
  return written;
}

export interface MonthWritten {
  files: number;
  unavailable: number;
  indexRows: IndexRow[];
}

/**
 * Several months' statements (a year's run) in one pass, each month into its own sink and
 * without the index: the windows are read and prepared once for all the months, and each
 * page of agreements is read once and written for every month it covers. Each month's files
 * are those its own run writes. `onProgress` counts agreement-months.
 */
export async function writeMonths(
  deps: Deps,
  months: readonly { plan: RunPlan; sink: RunSink }[],
  options: RunOptions = {},
): Promise<MonthWritten[]> {
  const formats = options.formats ?? RUN_FORMATS;
  const periods = months.map((month) => month.plan.period);
  const provider = options.provider ?? (await statementProvider(deps));
  const zones = await deps.db.db.selectDistinct({ zone: agreements.timeZone }).from(agreements);
  const asOfMs = Math.max(...months.map((month) => month.plan.asOfMs));
  const prepared = await sharedWindows(
    deps,
    periods,
    new Set(zones.map((row) => row.zone)),
    asOfMs,
  );
  const withClaims = new Set(
    (
      await deps.db.db
        .selectDistinct({ customerId: claims.customerId })
        .from(claims)
        .where(inArray(claims.period, periods))
    ).map((row) => row.customerId),
  );
  // Every agreement of any month, in the order of a month's plan (by customer, then id).
  const covering = new Map<number, RunAgreementRef>();
  const monthsOf = new Map<number, number[]>();
  months.forEach((month, index) => {
    for (const ref of month.plan.agreements) {
      covering.set(ref.agreementId, ref);
      const list = monthsOf.get(ref.agreementId) ?? [];
      list.push(index);
      monthsOf.set(ref.agreementId, list);
    }
  });
  const all = [...covering.values()].sort(
    (a, b) => a.customerId - b.customerId || a.agreementId - b.agreementId,
  );
  const results: MonthWritten[] = months.map(() => ({ files: 0, unavailable: 0, indexRows: [] }));
  let done = 0;
  const total = months.reduce((sum, month) => sum + month.plan.agreements.length, 0);
  const inFlight = new InFlight();
  options.onProgress?.(0, total);
  for (let from = 0; from < all.length; from += PAGE_AGREEMENTS) {
    const page = all.slice(from, from + PAGE_AGREEMENTS);
    const ids = page.map((ref) => ref.agreementId);
    const loaded = new Map(
      (await loadAgreements(deps.db.db, { agreementIds: ids })).map((a) => [a.id, a]),
    );
    const customerIds = [...new Set(page.map((ref) => ref.customerId))];
    const customerRows = new Map(
      (
        await deps.db.db
          .select({ id: customers.id, name: customers.name, timeZone: customers.timeZone })
          .from(customers)
          .where(inArray(customers.id, customerIds))
      ).map((row) => [row.id, row]),
    );
    const decided = await decidedClaims(deps.db.db, ids);
    const latest = await latestClaims(deps, ids);
    const claimsByCustomer = new Map<number, ClaimDto[]>();
    for (const customerId of customerIds) {
      if (withClaims.has(customerId)) {
        claimsByCustomer.set(customerId, await claimsForPeriods(deps, customerId, periods));
      }
    }
    // Each agreement's engine terms, the same in every month.
    const termsOf = new Map<number, (Agreement | undefined)[]>();
    for (const [index, { plan, sink }] of months.entries()) {
      const { period } = plan;
      const result = results[index] as MonthWritten;
      for (const ref of page) {
        if (!(monthsOf.get(ref.agreementId) ?? []).includes(index)) continue;
        const agreement = loaded.get(ref.agreementId);
        const customer = customerRows.get(ref.customerId);
        if (agreement === undefined || customer === undefined) {
          throw new Error(`agreement ${ref.agreementId} or its customer went away during the run`);
        }
        let terms = termsOf.get(agreement.id);
        if (terms === undefined) {
          terms = [];
          termsOf.set(agreement.id, terms);
        }
        const { items, unavailable } = agreementItems(
          agreement,
          period,
          plan.asOfMs,
          prepared,
          decided,
          latest,
          terms,
        );
        const rules = new Map<string, Policy>();
        for (const version of agreement.versions) {
          rules.set(`${agreement.id}:${version.version}`, version.rules);
        }
        const document = buildStatement({
          scope: { kind: 'month', period },
          months: [period],
          asOfMs: plan.asOfMs,
          provider,
          customer,
          agreements: [
            {
              id: agreement.id,
              kind: agreement.kind,
              timeZone: agreement.timeZone,
              startMs: agreement.startMs,
              endMs: agreement.endMs,
              policyName: agreement.policyName,
            },
          ],
          rules,
          items,
          support: await runSupport(deps, agreement, period, plan.asOfMs, unavailable),
          claims: (claimsByCustomer.get(customer.id) ?? []).filter(
            (claim) => claim.agreementId === agreement.id && claim.period === period,
          ),
          notBegun: [],
          unavailable,
          portalOrigin: deps.config.origins[0] ?? '',
        });
        const names: Partial<Record<StatementFormat, string>> = {};
        for (const format of formats) {
          const name = statementFileName(customer, agreement.id, period, format);
          names[format] = name;
          await inFlight.room(FILES_IN_FLIGHT);
          inFlight.add(
            sink.write(
              name,
              format === 'json'
                ? JSON.stringify(runStatementJson(document, agreement.id))
                : format === 'csv'
                  ? statementCsvText(document)
                  : statementPdf(document),
            ),
          );
          result.files += 1;
        }
        result.unavailable += unavailable.length;
        result.indexRows.push({
          customer_id: customer.id,
          customer: customer.name,
          agreement: agreement.id,
          period,
          time_zone: agreement.timeZone,
          services: items.length,
          credit: creditText(document),
          unavailable: unavailable.map((gap) => gap.service ?? 'all').join('; '),
          csv: names.csv ?? '',
          json: names.json ?? '',
          pdf: names.pdf ?? '',
        });
        done += 1;
        options.onProgress?.(done, total);
      }
    }
  }
  await inFlight.drain();
  return results;
}

/**
 * An agreement's support month for the run, as the single statement reads it; like there, an
 * agreement whose support cannot be read is named in the statement and the run goes on.
 */
async function runSupport(
  deps: Deps,
  agreement: LoadedAgreement,
  period: string,
  asOfMs: number,
  unavailable: Unavailable[],
): Promise<StatementSupportData[]> {
  try {
    return [await loadSupport(deps, agreement, [period], asOfMs)];
  } catch (error) {
    console.warn(`agreement ${agreement.id} support cannot be evaluated:`, error);
    unavailable.push({
      agreementId: agreement.id,
      service: 'support',
      reason: SUPPORT_UNAVAILABLE,
    });
    return [];
  }
}
