import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  agreements,
  apiKeys,
  type ClaimStatus,
  claims,
  customers,
  type SupportAuthor,
  type SupportEventType,
  type SupportPriority,
  supportRequestEvents,
  supportRequests,
} from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { conflict, notFound, unprocessable } from '../domain-errors.ts';
import {
  type BusinessHours,
  businessCalendar,
  evaluateResponseCase,
  formatInstant,
  type ObjectiveFigures,
  type Outcome,
  periodBounds,
  periodOf,
  priorities,
  type ResponseCalendar,
  type ResponseCase,
  type ResponsePolicy,
  type ResponseResult,
  ROUND_THE_CLOCK,
  shiftPeriod,
  type Weekday,
} from '../sla/index.ts';
import { MS_PER_MINUTE } from '../sla/instant.ts';
import { type LoadedAgreement, loadAgreements, versionInForce } from './sla-figures.ts';

/**
 * Help-desk requests and their events (sla-response.md §5), and the month's response
 * figures evaluated from them by the pure engine. Who wrote a response follows the
 * credential that posted it: an `automation` key writes automated responses, a key for
 * `people` and a signed-in staff person write human ones; no body field chooses.
 */

type Reader = Pick<Tx, 'select'>;

// ---------------------------------------------------------------------------
// Ingestion.

export interface SupportEventDto {
  /** The writer's idempotency id for the event. */
  id: string;
  type: SupportEventType;
  at: string;
  author: SupportAuthor;
  /** False for automated responses: recorded and shown, never counted (sla-response.md). */
  counted: boolean;
}

export interface SupportRequestDto {
  id: number;
  externalId: string;
  agreementId: number;
  customerId: number;
  priority: SupportPriority;
  subject: string | null;
  openedAt: string;
  events: SupportEventDto[];
  createdAt: string;
}

type RequestRow = typeof supportRequests.$inferSelect;
type EventRow = typeof supportRequestEvents.$inferSelect;

function eventDto(row: EventRow): SupportEventDto {
  return {
    id: row.eventKey,
    type: row.type,
    at: row.at.toISOString(),
    author: row.author,
    counted: row.type !== 'automated-response',
  };
}

function requestDto(row: RequestRow, events: EventRow[]): SupportRequestDto {
  return {
    id: row.id,
    externalId: row.externalId,
    agreementId: row.agreementId,
    customerId: row.customerId,
    priority: row.priority,
    subject: row.subject,
    openedAt: row.openedAt.toISOString(),
    events: events.filter((event) => event.requestId === row.id).map(eventDto),
    createdAt: row.createdAt.toISOString(),
  };
}

async function eventsOf(db: Reader, requestIds: number[]): Promise<EventRow[]> {
  if (requestIds.length === 0) return [];
  const rows: EventRow[] = [];
  // SQLite limits bound parameters; a month can hold many requests.
  for (let index = 0; index < requestIds.length; index += 500) {
    rows.push(
      ...(await db
        .select()
        .from(supportRequestEvents)
        .where(inArray(supportRequestEvents.requestId, requestIds.slice(index, index + 500)))
        .orderBy(asc(supportRequestEvents.at), asc(supportRequestEvents.id))),
    );
  }
  return rows;
}

async function requestAsItIs(db: Reader, row: RequestRow): Promise<SupportRequestDto> {
  return requestDto(row, await eventsOf(db, [row.id]));
}

export interface IngestRequestInput {
  externalId: string;
  agreementId: number;
  priority: SupportPriority;
  openedAtMs: number;
  subject: string | null;
}

/** The creating body as canonical JSON: a replay must match it (instants normalised). */
function requestFingerprint(input: IngestRequestInput): string {
  return JSON.stringify({
    externalId: input.externalId,
    agreementId: input.agreementId,
    priority: input.priority,
    openedAt: new Date(input.openedAtMs).toISOString(),
    subject: input.subject,
  });
}

function notInFuture(deps: Deps, path: string, ms: number): void {
  const latestMs = deps.clock.now() + deps.config.clockSkewMs;
  if (ms > latestMs) {
    const at = new Date(latestMs).toISOString();
    throw unprocessable(
      `The ${path} lies in the future: it must not be after ${at} (now plus ${deps.config.clockSkewMs / MS_PER_MINUTE} minutes for clock skew).`,
      'IN_THE_FUTURE',
      [{ path, message: `must not be after ${at}` }],
    );
  }
}

/**
 * Records a help-desk request, idempotently on its externalId: created (201), the same
 * body again (200, the request as it is now, with its events), or another body (409).
 */
export async function ingestSupportRequest(
  deps: Deps,
  apiKeyId: number,
  input: IngestRequestInput,
): Promise<{ created: boolean; request: SupportRequestDto }> {
  const fingerprint = requestFingerprint(input);
  return deps.db.write(async (tx) => {
    const replay = async () => {
      const existing = await tx
        .select()
        .from(supportRequests)
        .where(eq(supportRequests.externalId, input.externalId))
        .get();
      if (existing === undefined) return undefined;
      if (existing.requestFingerprint !== fingerprint) {
        throw conflict(
          `A different request ${input.externalId} exists; its events are appended to it, its terms never change.`,
          'SUPPORT_REQUEST_CONFLICT',
        );
      }
      return { created: false, request: await requestAsItIs(tx, existing) };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    const agreement = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.id, input.agreementId))
      .get();
    if (!agreement) {
      throw unprocessable(`There is no agreement ${input.agreementId}.`, 'UNKNOWN_AGREEMENT', [
        { path: 'agreementId', message: 'no such agreement' },
      ]);
    }
    notInFuture(deps, 'openedAt', input.openedAtMs);
    const row = await tx
      .insert(supportRequests)
      .values({
        externalId: input.externalId,
        customerId: agreement.customerId,
        agreementId: agreement.id,
        priority: input.priority,
        subject: input.subject,
        openedAt: new Date(input.openedAtMs),
        requestFingerprint: fingerprint,
        apiKeyId,
        createdAt: new Date(deps.clock.now()),
      })
      .onConflictDoNothing({ target: supportRequests.externalId })
      .returning()
      .get();
    if (row === undefined) {
      const raced = await replay();
      if (raced) return raced;
      throw new Error(`support request ${input.externalId} neither inserted nor found`);
    }
    return { created: true, request: requestDto(row, []) };
  });
}

/** What a writer posts: a response's authorship is never part of it. */
export const POSTED_EVENT_TYPES = [
  'response',
  'paused',
  'resumed',
  'resolved',
  'reopened',
] as const;
export type PostedEventType = (typeof POSTED_EVENT_TYPES)[number];

/** The stored type of a posted event: a response is human or automated by its credential. */
export function storedEventType(type: PostedEventType, author: SupportAuthor): SupportEventType {
  if (type !== 'response') return type;
  return author === 'automation' ? 'automated-response' : 'human-response';
}

export interface AppendEventInput {
  /** The writer's idempotency id. */
  eventKey: string;
  type: PostedEventType;
  atMs: number;
}

function eventFingerprint(input: AppendEventInput, author: SupportAuthor): string {
  return JSON.stringify({
    id: input.eventKey,
    type: input.type,
    at: new Date(input.atMs).toISOString(),
    author,
  });
}

/** Who is writing: the key's own marking, or a signed-in staff person. */
type Writer = { kind: 'key'; apiKeyId: number } | { kind: 'staff'; userId: number };

async function appendEvent(
  tx: Tx,
  deps: Deps,
  request: RequestRow,
  writer: Writer,
  input: AppendEventInput,
): Promise<{ created: boolean; event: SupportEventDto; request: SupportRequestDto }> {
  let author: SupportAuthor = 'staff';
  if (writer.kind === 'key') {
    const key = await tx
      .select({ author: apiKeys.author })
      .from(apiKeys)
      .where(eq(apiKeys.id, writer.apiKeyId))
      .get();
    // A key that was never marked writes automated events only.
    author = key?.author ?? 'automation';
  }
  const fingerprint = eventFingerprint(input, author);
  const replay = async () => {
    const existing = await tx
      .select()
      .from(supportRequestEvents)
      .where(
        and(
          eq(supportRequestEvents.requestId, request.id),
          eq(supportRequestEvents.eventKey, input.eventKey),
        ),
      )
      .get();
    if (existing === undefined) return undefined;
    if (existing.requestFingerprint !== fingerprint) {
      throw conflict(
        `Event ${input.eventKey} of request ${request.externalId} was recorded with another body or by another kind of writer; events are never changed.`,
        'SUPPORT_EVENT_CONFLICT',
      );
    }
    return {
      created: false,
      event: eventDto(existing),
      request: await requestAsItIs(tx, request),
    };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (input.atMs < request.openedAt.getTime()) {
    throw unprocessable(
      `The event is before the request was opened (${request.openedAt.toISOString()}).`,
      'BEFORE_OPENED',
      [{ path: 'at', message: `must not be before ${request.openedAt.toISOString()}` }],
    );
  }
  notInFuture(deps, 'at', input.atMs);
  const row = await tx
    .insert(supportRequestEvents)
    .values({
      requestId: request.id,
      eventKey: input.eventKey,
      type: storedEventType(input.type, author),
      at: new Date(input.atMs),
      author,
      apiKeyId: writer.kind === 'key' ? writer.apiKeyId : null,
      userId: writer.kind === 'staff' ? writer.userId : null,
      requestFingerprint: fingerprint,
      createdAt: new Date(deps.clock.now()),
    })
    .onConflictDoNothing()
    .returning()
    .get();
  if (row === undefined) {
    const raced = await replay();
    if (raced) return raced;
    throw new Error(`event ${input.eventKey} neither inserted nor found`);
  }
  return { created: true, event: eventDto(row), request: await requestAsItIs(tx, request) };
}

/** Appends an event from the help desk's key; the key's marking decides the author. */
export async function ingestSupportEvent(
  deps: Deps,
  apiKeyId: number,
  externalId: string,
  input: AppendEventInput,
) {
  return deps.db.write(async (tx) => {
    const request = await tx
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.externalId, externalId))
      .get();
    if (!request) throw notFound('No such support request.');
    return appendEvent(tx, deps, request, { kind: 'key', apiKeyId }, input);
  });
}

/**
 * A staff person's event from the console: human, and at now (a person answers when they
 * answer; the console never back-dates a response).
 */
export async function staffSupportEvent(
  ctx: StaffContext,
  requestId: number,
  type: PostedEventType,
) {
  const { deps, principal } = ctx;
  return deps.db.write(async (tx) => {
    const request = await tx
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.id, requestId))
      .get();
    if (!request) throw notFound('No such support request.');
    return appendEvent(
      tx,
      deps,
      request,
      { kind: 'staff', userId: principal.user.id },
      { eventKey: `console:${randomUUID()}`, type, atMs: deps.clock.now() },
    );
  });
}

// ---------------------------------------------------------------------------
// Figures.

/** How far after its period's end the engine may be asked (AS_OF_LIMIT_MONTHS). */
function asOfFor(period: string, timeZone: string, nowMs: number): number {
  return Math.min(nowMs, periodBounds(shiftPeriod(period, 120), timeZone).endMs);
}

/**
 * The response block as evaluated for this agreement. An agreement without business hours
 * whose policy names the business calendar is measured round the clock: the longer reading
 * of time, never one that shortens a delay (docs/decisions/191).
 */
function effectivePolicy(response: ResponsePolicy, hasHours: boolean): ResponsePolicy {
  if (hasHours) return response;
  const objectives = { ...response.objectives };
  for (const priority of priorities) {
    const objective = objectives[priority];
    if (objective?.calendar === 'business') {
      objectives[priority] = { ...objective, calendar: '24x7' };
    }
  }
  return { ...response, objectives };
}

function supportCurrency(agreement: LoadedAgreement): string {
  return agreement.services[0]?.currency ?? 'EUR';
}

export interface SupportTerms {
  policyVersionId: number;
  policyName: string;
  version: number;
  response: ResponsePolicy;
  businessHours: BusinessHours | null;
  supportFeeMinor: number;
  currency: string;
}

/** The support terms of a period, or null when the agreement offers none in it. */
export function supportTerms(agreement: LoadedAgreement, period: string): SupportTerms | null {
  if (agreement.supportFeeMinor === null) return null;
  const version = versionInForce(agreement, period);
  if (version.response === null) return null;
  const { businessHours } = agreement;
  return {
    policyVersionId: version.id,
    policyName: version.policyName,
    version: version.version,
    response: effectivePolicy(version.response, businessHours !== null),
    businessHours,
    supportFeeMinor: agreement.supportFeeMinor,
    currency: supportCurrency(agreement),
  };
}

interface StoredRequest {
  row: RequestRow;
  events: EventRow[];
}

async function periodRequests(
  db: Reader,
  agreement: LoadedAgreement,
  period: string,
): Promise<StoredRequest[]> {
  const bounds = periodBounds(period, agreement.timeZone);
  const rows = await db
    .select()
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.agreementId, agreement.id),
        gte(supportRequests.openedAt, new Date(bounds.startMs)),
        lt(supportRequests.openedAt, new Date(bounds.endMs)),
      ),
    )
    .orderBy(asc(supportRequests.openedAt), asc(supportRequests.id));
  const events = await eventsOf(
    db,
    rows.map((row) => row.id),
  );
  const byRequest = new Map<number, EventRow[]>();
  for (const event of events) {
    const list = byRequest.get(event.requestId) ?? [];
    list.push(event);
    byRequest.set(event.requestId, list);
  }
  return rows.map((row) => ({ row, events: byRequest.get(row.id) ?? [] }));
}

/** The engine reads a schedule of mutable tuples; the stored one is read-only. */
function mutableSchedule(hours: BusinessHours) {
  const day = (weekday: Weekday) =>
    hours.schedule[weekday].map(([from, to]): [string, string] => [from, to]);
  return {
    mon: day('mon'),
    tue: day('tue'),
    wed: day('wed'),
    thu: day('thu'),
    fri: day('fri'),
    sat: day('sat'),
    sun: day('sun'),
  };
}

/** The engine's case for a period's stored requests: exactly what `sla response` reads. */
export function responseCase(
  agreement: LoadedAgreement,
  terms: SupportTerms,
  period: string,
  asOfMs: number,
  requests: StoredRequest[],
): ResponseCase {
  return {
    period,
    asOf: formatInstant(asOfMs),
    agreement: {
      timeZone: agreement.timeZone,
      start: formatInstant(agreement.startMs),
      end: agreement.endMs === null ? null : formatInstant(agreement.endMs),
      monthlyFeeMinor: terms.supportFeeMinor,
      currency: terms.currency,
      businessHours:
        terms.businessHours === null
          ? null
          : {
              schedule: mutableSchedule(terms.businessHours),
              holidays: [...terms.businessHours.holidays],
            },
    },
    policy: terms.response,
    requests: requests.map(({ row, events }) => ({
      id: row.externalId,
      priority: row.priority,
      openedAt: formatInstant(row.openedAt.getTime()),
      events: events.map((event) => ({ at: formatInstant(event.at.getTime()), type: event.type })),
    })),
  };
}

export interface SupportEvaluation {
  terms: SupportTerms;
  asOfMs: number;
  requests: StoredRequest[];
  result: ResponseResult;
}

/** The period's response figures now: the engine on the stored requests, asOf = now. */
export async function evaluateSupport(
  deps: Deps,
  agreement: LoadedAgreement,
  period: string,
  nowMs: number,
  reader: Reader = deps.db.db,
): Promise<SupportEvaluation | null> {
  const terms = supportTerms(agreement, period);
  if (terms === null) return null;
  const requests = await periodRequests(reader, agreement, period);
  const asOfMs = asOfFor(period, agreement.timeZone, nowMs);
  const result = evaluateResponseCase(responseCase(agreement, terms, period, asOfMs, requests));
  return { terms, asOfMs, requests, result };
}

/** A month's support figures for one agreement, without its requests (for statements). */
export interface SupportFigures {
  agreementId: number;
  period: string;
  /** `not-offered`: the agreement has no support terms in this month. */
  status: 'evaluated' | 'not-covered' | 'not-offered';
  final: boolean;
  met: boolean | null;
  targetPercent: number | null;
  creditPercent: number;
  creditMinor: number;
  currency: string | null;
  claimDeadline: string | null;
  objectives: ObjectiveFigures[];
  requestCount: number;
  automatedResponseCount: number;
  pendingCount: number;
}

function figuresOf(
  agreementId: number,
  period: string,
  evaluation: SupportEvaluation | null,
): SupportFigures {
  if (evaluation === null) {
    return {
      agreementId,
      period,
      status: 'not-offered',
      final: false,
      met: null,
      targetPercent: null,
      creditPercent: 0,
      creditMinor: 0,
      currency: null,
      claimDeadline: null,
      objectives: [],
      requestCount: 0,
      automatedResponseCount: 0,
      pendingCount: 0,
    };
  }
  const { result, requests, terms } = evaluation;
  const counted = new Set(result.requests.map((request) => request.id));
  return {
    agreementId,
    period,
    status: result.status,
    final: result.final,
    met: result.met,
    targetPercent: terms.response.targetPercent,
    creditPercent: result.creditPercent,
    creditMinor: result.creditMinor,
    currency: result.currency,
    claimDeadline: result.claimDeadline,
    objectives: result.objectives,
    requestCount: result.requests.length,
    automatedResponseCount: requests
      .filter(({ row }) => counted.has(row.externalId))
      .reduce(
        (sum, { events }) =>
          sum + events.filter((event) => event.type === 'automated-response').length,
        0,
      ),
    pendingCount: result.requests.filter(
      (request) => request.firstResponse === 'pending' || request.resolution === 'pending',
    ).length,
  };
}

/**
 * A month's support figures for one agreement, as statements show them: the engine's
 * figures now, or the figures a decided support claim froze (they take precedence, as for
 * availability). Throws 404 for an unknown agreement.
 */
export async function supportFiguresFor(
  deps: Deps,
  agreementId: number,
  period: string,
): Promise<SupportFigures> {
  const [agreement] = await loadAgreements(deps.db.db, { agreementIds: [agreementId] });
  if (!agreement) throw notFound('No such agreement.');
  const evaluation = await evaluateSupport(deps, agreement, period, deps.clock.now());
  const figures = figuresOf(agreementId, period, evaluation);
  const decided = await decidedSupportClaim(deps.db.db, agreementId, period);
  if (decided === null || evaluation === null) return figures;
  const stored = decided.evaluation;
  return {
    ...figures,
    status: stored.status,
    final: stored.final,
    met: stored.met,
    creditPercent: stored.creditPercent,
    creditMinor: stored.creditMinor,
    objectives: stored.objectives,
  };
}

async function decidedSupportClaim(db: Reader, agreementId: number, period: string) {
  const row = await db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.agreementId, agreementId),
        eq(claims.kind, 'support'),
        eq(claims.period, period),
        inArray(claims.status, ['approved', 'credited']),
      ),
    )
    .get();
  return row === undefined ? null : { ...row, evaluation: row.evaluation as ResponseResult };
}

// ---------------------------------------------------------------------------
// The month as people see it.

export interface SupportRequestLine {
  id: number;
  externalId: string;
  priority: SupportPriority;
  subject: string | null;
  openedAt: string;
  /** When the first human response came; null when none by now. */
  firstHumanResponseAt: string | null;
  firstResponseMs: number | null;
  firstResponse: Outcome | null;
  resolutionMs: number | null;
  resolution: Outcome | null;
  /** Why the request does not count in this month (sla-response.md §4), or null. */
  ignoredReason: string | null;
  /** When a pending first response runs out of time, on its calendar; null otherwise. */
  firstResponseDueAt: string | null;
  events: SupportEventDto[];
}

export interface SupportMonth {
  agreementId: number;
  policyName: string;
  period: string;
  status: 'evaluated' | 'not-covered' | 'not-offered';
  /** Final: the figures can no longer change, and a claim may be filed. */
  final: boolean;
  periodEnd: string;
  /**
   * At the latest when the month becomes final, if nothing reopens: the later of the
   * period's end and the last pending first-response deadline; null when final already or
   * when a pending request has no deadline that can be worked out (a resolution still open).
   */
  finalBy: string | null;
  met: boolean | null;
  targetPercent: number | null;
  creditPercent: number;
  creditMinor: number;
  capMinor: number;
  currency: string | null;
  claimDeadline: string | null;
  objectives: ObjectiveFigures[];
  /** The policy's targets per priority, for the table headings. */
  targets: {
    priority: SupportPriority;
    firstResponseMinutes: number;
    resolutionMinutes: number | null;
    calendar: '24x7' | 'business';
  }[];
  requests: SupportRequestLine[];
  /** The live or decided support claim of this month, if any. */
  claim: { id: number; status: ClaimStatus } | null;
  /** The evaluation document itself, as stored with a claim filed now. */
  evaluation: ResponseResult | null;
}

function calendarFor(
  terms: SupportTerms,
  priority: SupportPriority,
  timeZone: string,
  fromMs: number,
): ResponseCalendar {
  const objective = terms.response.objectives[priority];
  if (objective?.calendar !== 'business' || terms.businessHours === null) return ROUND_THE_CLOCK;
  return businessCalendar(terms.businessHours, timeZone, fromMs);
}

function targetMsOf(minutes: number): number {
  return Math.floor(minutes * MS_PER_MINUTE);
}

/**
 * When a pending target runs out: the first instant `t` at which `[fromMs, t)` holds
 * `budgetMs` of calendar time. A response at `t` still meets the target; any later one
 * misses it. Null when that much time does not accrue before `limitMs` (a schedule with no
 * business hours, say).
 */
export function targetPassesAt(
  calendar: ResponseCalendar,
  fromMs: number,
  budgetMs: number,
  limitMs: number,
): number | null {
  if (budgetMs <= 0) return fromMs;
  // Whole milliseconds: "at least budgetMs" is "more than budgetMs − 1".
  if (!calendar.exceeds(fromMs, limitMs, budgetMs - 1)) return null;
  let low = fromMs;
  let high = limitMs;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (calendar.exceeds(fromMs, middle, budgetMs - 1)) high = middle;
    else low = middle;
  }
  return high;
}

async function monthClaim(db: Reader, agreementId: number, period: string) {
  const rows = await db
    .select({ id: claims.id, status: claims.status })
    .from(claims)
    .where(
      and(
        eq(claims.agreementId, agreementId),
        eq(claims.kind, 'support'),
        eq(claims.period, period),
      ),
    )
    .orderBy(asc(claims.id));
  const live = rows.filter((row) => row.status !== 'rejected' && row.status !== 'withdrawn');
  return live.at(-1) ?? rows.at(-1) ?? null;
}

export async function supportMonth(
  deps: Deps,
  agreement: LoadedAgreement,
  period: string,
): Promise<SupportMonth> {
  const nowMs = deps.clock.now();
  const bounds = periodBounds(period, agreement.timeZone);
  const evaluation = await evaluateSupport(deps, agreement, period, nowMs);
  const claim = await monthClaim(deps.db.db, agreement.id, period);
  const base = {
    agreementId: agreement.id,
    policyName: agreement.policyName,
    period,
    periodEnd: new Date(bounds.endMs).toISOString(),
    claim,
  };
  if (evaluation === null) {
    return {
      ...base,
      status: 'not-offered',
      final: false,
      finalBy: null,
      met: null,
      targetPercent: null,
      creditPercent: 0,
      creditMinor: 0,
      capMinor: 0,
      currency: null,
      claimDeadline: null,
      objectives: [],
      targets: [],
      requests: [],
      evaluation: null,
    };
  }
  const { result, terms, requests, asOfMs } = evaluation;
  const figures = new Map(result.requests.map((request) => [request.id, request]));
  const ignored = new Map(result.ignored.map((request) => [request.id, request.reason]));
  const limitMs = periodBounds(shiftPeriod(period, 120), agreement.timeZone).endMs;
  let finalByMs: number | null = result.final ? null : bounds.endMs;
  const lines = requests.map(({ row, events }): SupportRequestLine => {
    const figure = figures.get(row.externalId);
    const firstHuman = events.find(
      (event) => event.type === 'human-response' && event.at.getTime() <= asOfMs,
    );
    let dueMs: number | null = null;
    if (figure?.firstResponse === 'pending') {
      const objective = terms.response.objectives[row.priority];
      if (objective) {
        const openedMs = row.openedAt.getTime();
        dueMs = targetPassesAt(
          calendarFor(terms, row.priority, agreement.timeZone, bounds.startMs),
          openedMs,
          targetMsOf(objective.firstResponseMinutes),
          limitMs,
        );
      }
    }
    if (finalByMs !== null) {
      if (
        figure?.resolution === 'pending' ||
        (figure?.firstResponse === 'pending' && dueMs === null)
      ) {
        finalByMs = null;
      } else if (dueMs !== null) finalByMs = Math.max(finalByMs, dueMs);
    }
    return {
      id: row.id,
      externalId: row.externalId,
      priority: row.priority,
      subject: row.subject,
      openedAt: row.openedAt.toISOString(),
      firstHumanResponseAt: firstHuman?.at.toISOString() ?? null,
      firstResponseMs: figure?.firstResponseMs ?? null,
      firstResponse: figure?.firstResponse ?? null,
      resolutionMs: figure?.resolutionMs ?? null,
      resolution: figure?.resolution ?? null,
      ignoredReason: ignored.get(row.externalId) ?? null,
      firstResponseDueAt: dueMs === null ? null : new Date(dueMs).toISOString(),
      events: events.map(eventDto),
    };
  });
  return {
    ...base,
    status: result.status,
    final: result.final,
    finalBy: finalByMs === null ? null : new Date(finalByMs).toISOString(),
    met: result.met,
    targetPercent: terms.response.targetPercent,
    creditPercent: result.creditPercent,
    creditMinor: result.creditMinor,
    capMinor: result.capMinor,
    currency: result.currency,
    claimDeadline: result.claimDeadline,
    objectives: result.objectives,
    targets: priorities.flatMap((priority) => {
      const objective = terms.response.objectives[priority];
      return objective
        ? [
            {
              priority,
              firstResponseMinutes: objective.firstResponseMinutes,
              resolutionMinutes: objective.resolutionMinutes,
              calendar: objective.calendar,
            },
          ]
        : [];
    }),
    requests: lines,
    evaluation: result,
  };
}

/** The customer's support months: one per agreement of theirs (or one agreement). */
export async function customerSupportMonths(
  deps: Deps,
  customerId: number,
  period: string,
  agreementId?: number,
): Promise<SupportMonth[]> {
  const loaded = await loadAgreements(deps.db.db, {
    customerId,
    ...(agreementId === undefined ? {} : { agreementIds: [agreementId] }),
  });
  if (agreementId !== undefined && loaded.length === 0) throw notFound('No such agreement.');
  const months: SupportMonth[] = [];
  for (const agreement of loaded) months.push(await supportMonth(deps, agreement, period));
  return months;
}

export async function staffSupportMonth(
  deps: Deps,
  agreementId: number,
  period: string,
): Promise<SupportMonth & { customer: { id: number; name: string } }> {
  const [agreement] = await loadAgreements(deps.db.db, { agreementIds: [agreementId] });
  if (!agreement) throw notFound('No such agreement.');
  const customer = await deps.db.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.id, agreement.customerId))
    .get();
  return {
    ...(await supportMonth(deps, agreement, period)),
    customer: customer ?? { id: agreement.customerId, name: '' },
  };
}

// ---------------------------------------------------------------------------
// The staff queue: requests close to missing their first-response target.

export interface QueueItem {
  id: number;
  externalId: string;
  customer: { id: number; name: string };
  agreementId: number;
  /** The agreement's zone, in which business hours are read. */
  timeZone: string;
  priority: SupportPriority;
  subject: string | null;
  openedAt: string;
  calendar: '24x7' | 'business';
  targetMs: number;
  /** Calendar time (business time for a business calendar) already used. */
  elapsedMs: number;
  /** Calendar time left before the target passes; negative once it has passed. */
  leftMs: number;
  /** When the target passes, on its calendar; null if it cannot pass in the next ten years. */
  dueAt: string | null;
  /** Automated replies so far: they do not stop the clock. */
  automatedResponses: number;
}

/**
 * Open requests of active agreements with no human response yet, whose first-response
 * target has not passed and has at most `withinHours` left, least time left first. Time left is
 * counted on the objective's own calendar (business time for business hours).
 */
export async function supportQueue(
  deps: Deps,
  options: { withinHours: number },
): Promise<{ items: QueueItem[] }> {
  const nowMs = deps.clock.now();
  const db = deps.db.db;
  const loaded = await loadAgreements(db, {});
  const byId = new Map(loaded.filter((agreement) => agreement.active).map((a) => [a.id, a]));
  const names = new Map(
    (await db.select({ id: customers.id, name: customers.name }).from(customers)).map((row) => [
      row.id,
      row.name,
    ]),
  );
  // A first response is due within days at most; older requests have long been decided.
  const horizonMs = nowMs - 92 * 86_400_000;
  const rows = await db
    .select()
    .from(supportRequests)
    .where(gte(supportRequests.openedAt, new Date(horizonMs)))
    .orderBy(asc(supportRequests.openedAt));
  const events = await eventsOf(
    db,
    rows.map((row) => row.id),
  );
  const answered = new Set(
    events
      .filter((event) => event.type === 'human-response' && event.at.getTime() <= nowMs)
      .map((event) => event.requestId),
  );
  const automated = new Map<number, number>();
  for (const event of events) {
    if (event.type === 'automated-response') {
      automated.set(event.requestId, (automated.get(event.requestId) ?? 0) + 1);
    }
  }
  const items: QueueItem[] = [];
  for (const row of rows) {
    if (answered.has(row.id) || row.openedAt.getTime() > nowMs) continue;
    const agreement = byId.get(row.agreementId);
    if (!agreement) continue;
    const period = periodOf(row.openedAt.getTime(), agreement.timeZone);
    const terms = supportTerms(agreement, period);
    const objective = terms?.response.objectives[row.priority];
    if (!terms || !objective) continue;
    const fromMs = periodBounds(period, agreement.timeZone).startMs;
    const calendar = calendarFor(terms, row.priority, agreement.timeZone, fromMs);
    const openedMs = row.openedAt.getTime();
    const targetMs = targetMsOf(objective.firstResponseMinutes);
    const elapsedMs = calendar.timeMs(openedMs, nowMs);
    const leftMs = targetMs - elapsedMs;
    if (leftMs > options.withinHours * 3_600_000 || leftMs < 0) continue;
    const limitMs = periodBounds(shiftPeriod(period, 120), agreement.timeZone).endMs;
    const dueMs = targetPassesAt(calendar, openedMs, targetMs, limitMs);
    items.push({
      id: row.id,
      externalId: row.externalId,
      customer: { id: row.customerId, name: names.get(row.customerId) ?? '' },
      agreementId: row.agreementId,
      timeZone: agreement.timeZone,
      priority: row.priority,
      subject: row.subject,
      openedAt: row.openedAt.toISOString(),
      calendar: terms.businessHours === null ? '24x7' : objective.calendar,
      targetMs,
      elapsedMs,
      leftMs,
      dueAt: dueMs === null ? null : new Date(dueMs).toISOString(),
      automatedResponses: automated.get(row.id) ?? 0,
    });
  }
  items.sort((a, b) => a.leftMs - b.leftMs || a.id - b.id);
  return { items };
}

export { SUPPORT_AUTHORS, SUPPORT_EVENT_TYPES, SUPPORT_PRIORITIES } from '../../db/schema/index.ts';
export type { SupportAuthor, SupportEventType, SupportPriority };
