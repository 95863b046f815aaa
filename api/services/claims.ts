import { and, asc, count, eq, gte, inArray, lte, type SQL, sql, sum } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  agreements,
  type ClaimKind,
  type ClaimStatus,
  claimComments,
  claimEvents,
  claims,
  credits,
  customers,
  services,
  users,
} from '../../db/schema/index.ts';
import type { Deps, Principal } from '../context.ts';
import { conflict, Forbidden, notFound, unprocessable } from '../domain-errors.ts';
import { findReplay, idempotent, type StoredResponse } from '../infra/idempotency.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { type ClaimSummary, claimSummary } from '../notify/events.ts';
import { emit } from '../notify/outbox.ts';
import { type EvaluationResult, periodBounds, type ResponseResult } from '../sla/index.ts';
import { type TerminationRight, terminationRight } from './availability.ts';
import {
  COUNTERPARTY_VISIBLE_KINDS,
  decidedClaims,
  evaluatePeriods,
  type LoadedAgreement,
  loadAgreements,
  sameFigures,
  storedEvaluation,
  versionInForce,
  windowScopeOf,
  windowsForRange,
} from './sla-figures.ts';
import { evaluateSupport, type SupportMonth, staffSupportMonth } from './support.ts';
import { correctionsMeeting } from './windows.ts';

export { CLAIM_KINDS, CLAIM_STATUSES } from '../../db/schema/index.ts';

/**
 * Credit claims (sla-accounting §4): filing with the evaluation stored as evidence, one live
 * claim per (agreement, service, period), withdrawal, comments, staff decisions, crediting,
 * and the append-only trail of every step.
 */

type Reader = Deps['db']['db'];
type ClaimRow = typeof claims.$inferSelect;

const LIVE: ClaimStatus[] = ['submitted', 'approved', 'credited'];

/** Local date and time of an instant in a zone, e.g. `2026-05-01 00:00`. */
export function localDateTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** A support claim stands where a service would: "support" (sla-response.md §5). */
export const SUPPORT_SLOT = { slug: 'support', name: 'Support (response times)' };

export interface ClaimDto {
  id: number;
  agreementId: number;
  kind: ClaimKind;
  /** The service's slug, or `support` for a support claim. */
  service: string;
  serviceName: string;
  /**
   * When monitoring of the service began, as the service says now (the stored evaluation's
   * `unmonitoredMs` is what it was at filing); null only if the service is gone.
   */
  monitoredSince: string | null;
  period: string;
  status: ClaimStatus;
  description: string | null;
  /**
   * The availability evaluation stored at filing: the evidence, and once decided the
   * official figure. Null for support claims, whose evidence is `supportEvaluation`.
   */
  evaluation: EvaluationResult | null;
  /** The response evaluation (sla-response.md §4) stored with a support claim; else null. */
  supportEvaluation: ResponseResult | null;
  policyVersionId: number;
  computedCreditMinor: number;
  capMinor: number;
  currency: string;
  approvedAmountMinor: number | null;
  decisionReason: string | null;
  decidedAt: string | null;
  invoiceReference: string | null;
  creditedAt: string | null;
  claimDeadline: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimEventDto {
  id: number;
  type: string;
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  note: string | null;
  internal: boolean;
  actor: { kind: 'customer' | 'staff' | 'system'; email: string | null };
  at: string;
}

export interface ClaimCommentDto {
  id: number;
  body: string;
  internal: boolean;
  author: { kind: 'customer' | 'staff'; email: string };
  at: string;
}

interface ServiceNames {
  slug: string;
  name: string;
  monitoredSinceMs: number;
}

async function serviceNames(db: Reader | Tx, given: (number | null)[]) {
  const ids = given.filter((id): id is number => id !== null);
  if (ids.length === 0) return new Map<number, ServiceNames>();
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      monitoredSince: services.monitoredSince,
    })
    .from(services)
    .where(inArray(services.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      { slug: row.slug, name: row.name, monitoredSinceMs: row.monitoredSince.getTime() },
    ]),
  );
}

function claimDto(row: ClaimRow, service: ServiceNames | undefined): ClaimDto {
  const support = row.kind === 'support';
  const evaluation = support ? null : storedEvaluation(row.evaluation);
  const supportEvaluation = support ? (row.evaluation as ResponseResult) : null;
  return {
    id: row.id,
    agreementId: row.agreementId,
    kind: row.kind,
    service: support ? SUPPORT_SLOT.slug : (service?.slug ?? String(row.serviceId)),
    serviceName: support ? SUPPORT_SLOT.name : (service?.name ?? String(row.serviceId)),
    monitoredSince: service ? new Date(service.monitoredSinceMs).toISOString() : null,
    period: row.period,
    status: row.status,
    description: row.description,
    evaluation,
    supportEvaluation,
    policyVersionId: row.policyVersionId,
    computedCreditMinor: row.computedCreditMinor,
    capMinor: row.capMinor,
    currency: row.currency,
    approvedAmountMinor: row.approvedAmountMinor,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    invoiceReference: row.invoiceReference,
    creditedAt: row.creditedAt?.toISOString() ?? null,
    claimDeadline: (evaluation ?? supportEvaluation)?.claimDeadline ?? '',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function claimDtos(db: Reader | Tx, rows: ClaimRow[]): Promise<ClaimDto[]> {
  const names = await serviceNames(db, [...new Set(rows.map((row) => row.serviceId))]);
  return rows.map((row) =>
    claimDto(row, row.serviceId === null ? undefined : names.get(row.serviceId)),
  );
}

function actorOf(principal: Principal): {
  actorUserId: number | null;
  actorApiKeyId: number | null;
} {
  return {
    actorUserId: principal.kind === 'user' ? principal.user.id : null,
    actorApiKeyId: principal.kind === 'key' ? principal.key.id : null,
  };
}

/** The claim as notifications carry it, with its customer's name. */
async function summaryOf(tx: Tx, dto: ClaimDto, customerId: number): Promise<ClaimSummary> {
  const customer = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  return claimSummary(dto, customer ?? { id: customerId, name: `Customer ${customerId}` });
}

async function appendEvent(
  tx: Tx,
  deps: Deps,
  principal: Principal,
  event: {
    claimId: number;
    type: string;
    fromStatus?: ClaimStatus | null;
    toStatus?: ClaimStatus | null;
    note?: string | null;
    internal?: boolean;
  },
): Promise<void> {
  await tx.insert(claimEvents).values({
    claimId: event.claimId,
    ...actorOf(principal),
    type: event.type,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    note: event.note ?? null,
    internal: event.internal ?? false,
    createdAt: new Date(deps.clock.now()),
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (/UNIQUE constraint failed/.test(cause.message)) return true;
  }
  return false;
}

const alreadyLive = () =>
  conflict(
    'A claim for this agreement, service and period is already open or decided.',
    'CLAIM_EXISTS',
  );

export interface FileClaimInput {
  agreementId: number;
  /** Default `availability`. */
  kind?: ClaimKind | undefined;
  /** The service of an availability claim; absent for a support claim. */
  service?: string | undefined;
  period: string;
  description?: string | undefined;
}

/**
 * Files a claim for the customer: the period must have ended and its claim deadline not
 * passed; a zero-credit claim (a dispute) needs a description. The evaluation is stored
 * with the claim as its evidence. At most one live claim per (agreement, service, period),
 * also under concurrency: the check, the insert (under a partial unique index) and the
 * trail entry commit in one write transaction.
 *
 * A replay of an Idempotency-Key is answered first, before any check: the first answer's
 * status with the claim as it is now (withdrawn, decided…), even once the deadline passed.
 */
export async function fileClaim(
  deps: Deps,
  principal: Principal,
  customerId: number,
  input: FileClaimInput,
  idempotency: { key: string | undefined; path: string },
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  const scope = { principal, key: idempotency.key, method: 'POST', path: idempotency.path };
  const replay = await findReplay(deps, scope, input, (first: ClaimDto) =>
    currentClaim(deps.db.db, customerId, first),
  );
  if (replay) return replay;
  const nowMs = deps.clock.now();
  const [agreement] = await loadAgreements(deps.db.db, {
    customerId,
    agreementIds: [input.agreementId],
    kinds: COUNTERPARTY_VISIBLE_KINDS,
  });
  if (!agreement) throw notFound('No such agreement.');
  if (agreement.kind === 'internal') {
    throw unprocessable(
      'This is an internal agreement between our own teams: a report, with no fee and no claims.',
      'AGREEMENT_TAKES_NO_CLAIMS',
      [{ path: 'agreementId', message: 'an internal agreement takes no claims' }],
    );
  }
  if (input.kind === 'support') {
    return fileSupportClaim(deps, principal, customerId, agreement, input, scope);
  }
  const service = agreement.services.find((item) => item.slug === input.service);
  if (!service) {
    throw unprocessable(
      `The agreement does not cover the service "${input.service}".`,
      'UNPROCESSABLE',
      [{ path: 'service', message: 'not a service of this agreement' }],
    );
  }
  const bounds = periodBounds(input.period, agreement.timeZone);
  if (nowMs < bounds.endMs) {
    throw unprocessable(
      `Claims for ${input.period} open when the period ends, on ${localDateTime(bounds.endMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'PERIOD_NOT_ENDED',
      [{ path: 'period', message: 'the period has not ended' }],
    );
  }
  const [figures] = await evaluatePeriods(deps, agreement, [input.period], nowMs, {
    serviceIds: [service.serviceId],
  });
  if (!figures) throw new Error('no evaluation for a covered service');
  const evaluation = figures.evaluation;
  checkDeadline(nowMs, input.period, agreement, evaluation.claimDeadline);
  if (evaluation.status === 'not-covered') {
    throw unprocessable(
      `The agreement did not cover ${input.service} in ${input.period}.`,
      'PERIOD_NOT_COVERED',
      [{ path: 'period', message: 'not covered by the agreement' }],
    );
  }
  const description = input.description?.trim() || null;
  if (evaluation.status === 'not-monitored' && description === null) {
    // Nothing measured gives no credit (§3.1), so such a claim is a dispute like any other.
    throw unprocessable(
      `Nothing was measured for ${input.service} in ${input.period}: monitoring of the service began on ${localDateTime(service.monitoredSinceMs, agreement.timeZone)} (${agreement.timeZone}). Describe what you dispute to file a claim.`,
      'DESCRIPTION_REQUIRED',
      [{ path: 'description', message: 'required when the period was not monitored' }],
    );
  }
  requireDisputeDescription(evaluation.creditMinor, description);
  return insertClaim(
    deps,
    principal,
    customerId,
    scope,
    input,
    eq(claims.serviceId, service.serviceId),
    {
      kind: 'availability',
      agreementId: agreement.id,
      serviceId: service.serviceId,
      period: input.period,
      description,
      evaluation,
      policyVersionId: figures.policy.id,
      computedCreditMinor: evaluation.creditMinor,
      capMinor: evaluation.capMinor,
      currency: evaluation.currency,
    },
    service,
  );
}

type IdempotencyScope = Parameters<typeof findReplay>[1];

function checkDeadline(
  nowMs: number,
  period: string,
  agreement: { timeZone: string },
  claimDeadline: string,
): void {
  const deadlineMs = Date.parse(claimDeadline);
  if (nowMs >= deadlineMs) {
    throw unprocessable(
      `Claims for ${period} closed on ${localDateTime(deadlineMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'CLAIM_DEADLINE_PASSED',
      [{ path: 'period', message: 'the claim deadline has passed' }],
    );
  }
}

function requireDisputeDescription(creditMinor: number, description: string | null): void {
  if (creditMinor === 0 && description === null) {
    throw unprocessable(
      'The rules give no credit for this period; describe what you dispute to file a claim.',
      'DESCRIPTION_REQUIRED',
      [{ path: 'description', message: 'required when the computed credit is 0' }],
    );
  }
}

/**
 * A support claim (sla-response.md §3.6, §5): on a month that has ended and become final
 * (no request still pending), before its claim deadline, with the response evaluation
 * stored as its evidence. One live support claim per (agreement, period).
 */
async function fileSupportClaim(
  deps: Deps,
  principal: Principal,
  customerId: number,
  agreement: LoadedAgreement,
  input: FileClaimInput,
  scope: IdempotencyScope,
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  const nowMs = deps.clock.now();
  const bounds = periodBounds(input.period, agreement.timeZone);
  if (nowMs < bounds.endMs) {
    throw unprocessable(
      `Claims for ${input.period} open when the period ends, on ${localDateTime(bounds.endMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'PERIOD_NOT_ENDED',
      [{ path: 'period', message: 'the period has not ended' }],
    );
  }
  const support = await evaluateSupport(deps, agreement, input.period, nowMs);
  if (support === null) {
    throw unprocessable(
      `The agreement has no support terms in ${input.period}.`,
      'SUPPORT_NOT_OFFERED',
      [{ path: 'kind', message: 'no response objectives in this period' }],
    );
  }
  const evaluation = support.result;
  checkDeadline(nowMs, input.period, agreement, evaluation.claimDeadline);
  if (evaluation.status === 'not-covered') {
    throw unprocessable(`The agreement did not cover ${input.period}.`, 'PERIOD_NOT_COVERED', [
      { path: 'period', message: 'not covered by the agreement' },
    ]);
  }
  if (!evaluation.final) {
    throw unprocessable(
      `The support figures of ${input.period} are not final yet: some requests are still pending.`,
      'PERIOD_NOT_FINAL',
      [{ path: 'period', message: 'requests of this month are still pending' }],
    );
  }
  const description = input.description?.trim() || null;
  requireDisputeDescription(evaluation.creditMinor, description);
  return insertClaim(
    deps,
    principal,
    customerId,
    scope,
    input,
    eq(claims.kind, 'support'),
    {
      kind: 'support',
      agreementId: agreement.id,
      serviceId: null,
      period: input.period,
      description,
      evaluation,
      policyVersionId: support.terms.policyVersionId,
      computedCreditMinor: evaluation.creditMinor,
      capMinor: evaluation.capMinor,
      currency: evaluation.currency,
    },
    undefined,
  );
}

/**
 * The check, the insert (under a partial unique index) and the trail entry, in one write
 * transaction: at most one live claim per (agreement, service or support, period), also
 * under concurrency.
 */
async function insertClaim(
  deps: Deps,
  principal: Principal,
  customerId: number,
  scope: IdempotencyScope,
  input: FileClaimInput,
  sameSlot: SQL | undefined,
  values: {
    kind: ClaimKind;
    agreementId: number;
    serviceId: number | null;
    period: string;
    description: string | null;
    evaluation: EvaluationResult | ResponseResult;
    policyVersionId: number;
    computedCreditMinor: number;
    capMinor: number;
    currency: string;
  },
  service: ServiceNames | undefined,
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  try {
    return await deps.db.write((tx) =>
      idempotent(
        tx,
        deps,
        scope,
        input,
        async () => {
          const live = await tx
            .select({ id: claims.id })
            .from(claims)
            .where(
              and(
                eq(claims.agreementId, values.agreementId),
                sameSlot,
                eq(claims.period, values.period),
                inArray(claims.status, LIVE),
              ),
            )
            .get();
          if (live) throw alreadyLive();
          const now = new Date(deps.clock.now());
          const row = await tx
            .insert(claims)
            .values({
              customerId,
              ...values,
              status: 'submitted',
              createdByUserId: principal.kind === 'user' ? principal.user.id : null,
              createdByApiKeyId: principal.kind === 'key' ? principal.key.id : null,
              createdAt: now,
              updatedAt: now,
            })
            .returning()
            .get();
          await appendEvent(tx, deps, principal, {
            claimId: row.id,
            type: 'filed',
            toStatus: 'submitted',
            note: values.description,
          });
          const dto = claimDto(row, service);
          await emit(tx, deps, {
            type: 'claim.filed',
            claim: await summaryOf(tx, dto, customerId),
          });
          return { status: 201, body: dto };
        },
        (first) => currentClaim(tx, customerId, first),
      ),
    );
  } catch (error) {
    // Another process filed between our check and insert: the partial unique index decides.
    if (isUniqueViolation(error)) throw alreadyLive();
    throw error;
  }
}

/** The claim a stored response named, as it is now. */
async function currentClaim(db: Reader | Tx, customerId: number, first: ClaimDto) {
  const [dto] = await claimDtos(db, [await loadClaim(db, first.id, customerId)]);
  return dto ?? first;
}

async function loadClaim(db: Reader | Tx, id: number, customerId?: number): Promise<ClaimRow> {
  const row = await db
    .select()
    .from(claims)
    .where(
      customerId === undefined
        ? eq(claims.id, id)
        : and(eq(claims.id, id), eq(claims.customerId, customerId)),
    )
    .get();
  // Another customer's claim answers exactly like one that does not exist.
  if (!row) throw notFound('No such claim.');
  return row;
}

async function trail(db: Reader, claimId: number, includeInternal: boolean) {
  const eventRows = await db
    .select({ event: claimEvents, email: users.email, role: users.role })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorUserId))
    .where(
      includeInternal
        ? eq(claimEvents.claimId, claimId)
        : and(eq(claimEvents.claimId, claimId), eq(claimEvents.internal, false)),
    )
    .orderBy(asc(claimEvents.id));
  const commentRows = await db
    .select({ comment: claimComments, email: users.email, role: users.role })
    .from(claimComments)
    .innerJoin(users, eq(users.id, claimComments.authorUserId))
    .where(
      includeInternal
        ? eq(claimComments.claimId, claimId)
        : and(eq(claimComments.claimId, claimId), eq(claimComments.internal, false)),
    )
    .orderBy(asc(claimComments.id));
  const events: ClaimEventDto[] = eventRows.map(({ event, email, role }) => ({
    id: event.id,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    internal: event.internal,
    actor: {
      kind: role === null ? 'system' : role === 'customer' ? 'customer' : 'staff',
      // Customers see that staff acted, not which person: staff emails stay internal.
      email: includeInternal || role === 'customer' ? (email ?? null) : null,
    },
    at: event.createdAt.toISOString(),
  }));
  const comments: ClaimCommentDto[] = commentRows.map(({ comment, email, role }) => ({
    id: comment.id,
    body: comment.body,
    internal: comment.internal,
    author: {
      kind: role === 'customer' ? 'customer' : 'staff',
      email: includeInternal || role === 'customer' ? email : 'support',
    },
    at: comment.createdAt.toISOString(),
  }));
  return { events, comments };
}

export interface ClaimListFilter {
  status?: ClaimStatus | undefined;
  customerId?: number | undefined;
  period?: string | undefined;
  /** Filed at least this many days ago. */
  minAgeDays?: number | undefined;
  maxAgeDays?: number | undefined;
  minAmountMinor?: number | undefined;
  maxAmountMinor?: number | undefined;
}

function filterConditions(filter: ClaimListFilter, nowMs: number): SQL[] {
  const day = 86_400_000;
  return [
    filter.status === undefined ? undefined : eq(claims.status, filter.status),
    filter.customerId === undefined ? undefined : eq(claims.customerId, filter.customerId),
    filter.period === undefined ? undefined : eq(claims.period, filter.period),
    filter.minAgeDays === undefined
      ? undefined
      : lte(claims.createdAt, new Date(nowMs - filter.minAgeDays * day)),
    filter.maxAgeDays === undefined
      ? undefined
      : gte(claims.createdAt, new Date(nowMs - filter.maxAgeDays * day)),
    filter.minAmountMinor === undefined
      ? undefined
      : gte(claims.computedCreditMinor, filter.minAmountMinor),
    filter.maxAmountMinor === undefined
      ? undefined
      : lte(claims.computedCreditMinor, filter.maxAmountMinor),
  ].filter((condition): condition is SQL => condition !== undefined);
}

/** The customer's claims, oldest first, paged. */
export async function listCustomerClaims(
  deps: Deps,
  customerId: number,
  filter: Pick<ClaimListFilter, 'status' | 'period'>,
  page: PageQuery,
): Promise<Page<ClaimDto>> {
  const rows = await deps.db.db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.customerId, customerId),
        ...filterConditions(filter, deps.clock.now()),
        afterCursor(claims.id, page),
      ),
    )
    .orderBy(asc(claims.id))
    .limit(page.limit + 1);
  const dtos = await claimDtos(deps.db.db, rows);
  return toPage(
    rows.map((row, index) => ({ id: row.id, dto: dtos[index] as ClaimDto })),
    page,
    (row) => row.dto,
  );
}

export async function customerClaim(deps: Deps, customerId: number, id: number) {
  const row = await loadClaim(deps.db.db, id, customerId);
  const [dto] = await claimDtos(deps.db.db, [row]);
  return { ...(dto as ClaimDto), ...(await trail(deps.db.db, row.id, false)) };
}

/** The customer withdraws a submitted claim; the triple is free for a new claim. */
export async function withdrawClaim(
  deps: Deps,
  principal: Principal,
  customerId: number,
  id: number,
  note: string | undefined,
): Promise<ClaimDto> {
  return deps.db.write(async (tx) => {
    const row = await loadClaim(tx, id, customerId);
    return transition(tx, deps, principal, row, 'withdrawn', {
      type: 'withdrawn',
      note: note?.trim() || null,
    });
  });
}

const ALLOWED: Record<ClaimStatus, ClaimStatus[]> = {
  submitted: ['approved', 'rejected', 'withdrawn'],
  approved: ['credited'],
  rejected: [],
  credited: [],
  withdrawn: [],
};

async function transition(
  tx: Tx,
  deps: Deps,
  principal: Principal,
  row: ClaimRow,
  to: ClaimStatus,
  event: { type: string; note: string | null },
  changes: Partial<typeof claims.$inferInsert> = {},
): Promise<ClaimDto> {
  if (!ALLOWED[row.status].includes(to)) {
    throw conflict(
      `The claim is ${row.status}; it cannot become ${to}.`,
      row.status === 'submitted' ? 'INVALID_TRANSITION' : 'CLAIM_ALREADY_DECIDED',
    );
  }
  const now = new Date(deps.clock.now());
  // The status in the WHERE makes a concurrent second transition find nothing to change.
  const updated = await tx
    .update(claims)
    .set({ ...changes, status: to, updatedAt: now })
    .where(and(eq(claims.id, row.id), eq(claims.status, row.status)))
    .returning()
    .get();
  if (!updated) throw conflict('The claim changed meanwhile; reload it.', 'CLAIM_ALREADY_DECIDED');
  await appendEvent(tx, deps, principal, {
    claimId: row.id,
    type: event.type,
    fromStatus: row.status,
    toStatus: to,
    note: event.note,
  });
  const [dto] = await claimDtos(tx, [updated]);
  return dto as ClaimDto;
}

/** A comment by the customer (always visible) or by staff (`internal`: a note customers never see). */
export async function addComment(
  deps: Deps,
  principal: Principal,
  claimId: number,
  input: { body: string; internal: boolean },
  customerId?: number,
): Promise<ClaimCommentDto> {
  if (principal.kind !== 'user') throw new Forbidden('Only people comment on claims.');
  return deps.db.write(async (tx) => {
    const claim = await loadClaim(tx, claimId, customerId);
    const now = new Date(deps.clock.now());
    const row = await tx
      .insert(claimComments)
      .values({
        claimId,
        authorUserId: principal.user.id,
        body: input.body,
        internal: input.internal,
        createdAt: now,
      })
      .returning()
      .get();
    await appendEvent(tx, deps, principal, {
      claimId,
      type: input.internal ? 'noted' : 'commented',
      note: input.body,
      internal: input.internal,
    });
    // Staff writing to the customer tells the customer; a customer's own words and staff's
    // internal notes tell nobody.
    if (principal.user.role !== 'customer' && !input.internal) {
      const [dto] = await claimDtos(tx, [claim]);
      if (dto) {
        await emit(tx, deps, {
          type: 'claim.commented',
          claim: await summaryOf(tx, dto, claim.customerId),
          comment: input.body,
        });
      }
    }
    return {
      id: row.id,
      body: row.body,
      internal: row.internal,
      author: {
        kind: principal.user.role === 'customer' ? 'customer' : 'staff',
        email: principal.user.email,
      },
      at: row.createdAt.toISOString(),
    };
  });
}

// ---------------------------------------------------------------------------
// Staff.

export interface StaffClaimDto extends ClaimDto {
  customer: { id: number; name: string };
  /** Days since filing, whole days. */
  ageDays: number;
}

/** The claims queue: filtered, oldest first, paged, with the count per status. */
export async function listStaffClaims(
  deps: Deps,
  filter: ClaimListFilter,
  page: PageQuery,
): Promise<Page<StaffClaimDto> & { counts: Record<ClaimStatus, number> }> {
  const nowMs = deps.clock.now();
  const { db } = deps.db;
  const rows = await db
    .select({ claim: claims, customerName: customers.name })
    .from(claims)
    .innerJoin(customers, eq(customers.id, claims.customerId))
    .where(and(...filterConditions(filter, nowMs), afterCursor(claims.id, page)))
    .orderBy(asc(claims.id))
    .limit(page.limit + 1);
  const dtos = await claimDtos(
    db,
    rows.map((row) => row.claim),
  );
  const countRows = await db
    .select({ status: claims.status, n: count() })
    .from(claims)
    .where(and(...filterConditions({ ...filter, status: undefined }, nowMs)))
    .groupBy(claims.status);
  const counts = { submitted: 0, approved: 0, rejected: 0, credited: 0, withdrawn: 0 };
  for (const row of countRows) counts[row.status] = row.n;
  const pageResult = toPage(
    rows.map((row, index) => ({
      id: row.claim.id,
      dto: {
        ...(dtos[index] as ClaimDto),
        customer: { id: row.claim.customerId, name: row.customerName },
        ageDays: Math.floor((nowMs - row.claim.createdAt.getTime()) / 86_400_000),
      },
    })),
    page,
    (row) => row.dto,
  );
  return { ...pageResult, counts };
}

/**
 * A claim for staff: the stored evaluation beside a fresh one on today's windows, the
 * window corrections that touched the period, the agreement's termination right, and the
 * whole trail with internal notes.
 */
export async function staffClaim(deps: Deps, id: number) {
  const { db } = deps.db;
  const row = await loadClaim(db, id);
  const [dto] = await claimDtos(db, [row]);
  const customer = await db.select().from(customers).where(eq(customers.id, row.customerId)).get();
  const [agreement] = await loadAgreements(db, { agreementIds: [row.agreementId] });
  const nowMs = deps.clock.now();
  const trailOf = await trail(db, row.id, true);
  const customerOf = { id: row.customerId, name: customer?.name ?? '' };
  if (row.kind === 'support' || row.serviceId === null) {
    // The support figures as they are now, with each request's times, beside the stored ones.
    const support: SupportMonth | null = agreement
      ? await staffSupportMonth(deps, agreement.id, row.period)
      : null;
    const stored = (dto as ClaimDto).supportEvaluation;
    return {
      ...(dto as ClaimDto),
      customer: customerOf,
      freshEvaluation: null,
      freshDiffers:
        support?.evaluation != null &&
        stored !== null &&
        (support.evaluation.creditMinor !== stored.creditMinor ||
          support.evaluation.met !== stored.met ||
          JSON.stringify(support.evaluation.objectives) !== JSON.stringify(stored.objectives)),
      corrections: [],
      termination: null,
      support,
      ...trailOf,
    };
  }
  const serviceId = row.serviceId;
  let fresh: EvaluationResult | null = null;
  let termination: TerminationRight | null = null;
  if (agreement) {
    const [figures] = await evaluatePeriods(deps, agreement, [row.period], nowMs, {
      serviceIds: [serviceId],
    });
    fresh = figures?.evaluation ?? null;
    const decided = await decidedClaims(db, [agreement.id]);
    termination = await terminationRight(deps, agreement, decided, nowMs);
  }
  const stored = storedEvaluation(row.evaluation);
  const reach = await claimReach(deps, serviceId, row.period, stored, agreement, nowMs);
  const corrections = await correctionsMeeting(deps, serviceId, reach);
  return {
    ...(dto as ClaimDto),
    customer: customerOf,
    freshEvaluation: fresh,
    freshDiffers: fresh !== null && !sameFigures(stored, fresh),
    corrections,
    termination,
    support: null,
    ...trailOf,
  };
}

/**
 * The time whose windows can change a claim's figures: its period widened, as the engine
 * requires (sla-accounting §6.11), to every outage run reaching into it — the period and
 * the extent of every window fetched for it under the claim's policy version.
 */
async function claimReach(
  deps: Deps,
  serviceId: number,
  month: string,
  stored: EvaluationResult,
  agreement: LoadedAgreement | undefined,
  nowMs: number,
): Promise<{ startMs: number; endMs: number }> {
  const period = { startMs: Date.parse(stored.period.start), endMs: Date.parse(stored.period.end) };
  if (!agreement) return period;
  const { windows } = await windowsForRange(
    deps.db.db,
    serviceId,
    versionInForce(agreement, month).rules,
    period,
    nowMs,
    { scope: windowScopeOf(agreement) },
  );
  let { startMs, endMs } = period;
  for (const window of windows) {
    startMs = Math.min(startMs, Date.parse(window.start));
    endMs = Math.max(
      endMs,
      window.end === null ? Number.POSITIVE_INFINITY : Date.parse(window.end),
    );
  }
  return { startMs, endMs };
}

/**
 * An amount in minor units as people read it, e.g. `USD 1,234.56` (the currency's own
 * number of decimals, from ICU). Formatting only: amounts are never rounded here.
 */
export function formatMinor(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // ICU puts a no-break space after the code; the trail is plain text.
  return format.format(amountMinor / 10 ** digits).replace(/\u00a0/g, ' ');
}

export interface DecisionInput {
  decision: 'approve' | 'reject';
  amountMinor?: number | undefined;
  reason?: string | undefined;
}

/**
 * Staff decide a submitted claim, once: approve at the computed amount, or at another
 * amount with a reason and never above the rounded cap; or reject with a reason. An
 * approval enters the credits ledger in the same transaction.
 */
export async function decideClaim(
  deps: Deps,
  principal: Principal,
  id: number,
  input: DecisionInput,
): Promise<ClaimDto> {
  if (principal.kind !== 'user') throw new Forbidden('Only staff decide claims.');
  const reason = input.reason?.trim() || null;
  return deps.db.write(async (tx) => {
    const row = await loadClaim(tx, id);
    if (row.status !== 'submitted') {
      throw conflict(`The claim was already ${row.status}.`, 'CLAIM_ALREADY_DECIDED');
    }
    const now = new Date(deps.clock.now());
    if (input.decision === 'reject') {
      if (input.amountMinor !== undefined) {
        throw unprocessable('A rejection has no amount.', 'UNPROCESSABLE', [
          { path: 'amountMinor', message: 'not allowed when rejecting' },
        ]);
      }
      if (reason === null) {
        throw unprocessable('A rejection needs a reason.', 'REASON_REQUIRED', [
          { path: 'reason', message: 'required when rejecting' },
        ]);
      }
      const rejected = await transition(
        tx,
        deps,
        principal,
        row,
        'rejected',
        { type: 'rejected', note: reason },
        { decisionReason: reason, decidedByUserId: principal.user.id, decidedAt: now },
      );
      await emit(tx, deps, {
        type: 'claim.decided',
        claim: await summaryOf(tx, rejected, row.customerId),
      });
      return rejected;
    }
    const amount = input.amountMinor ?? row.computedCreditMinor;
    if (amount !== row.computedCreditMinor && reason === null) {
      throw unprocessable(
        `Approving ${amount} instead of the computed ${row.computedCreditMinor} needs a reason.`,
        'REASON_REQUIRED',
        [{ path: 'reason', message: 'required when the amount differs from the computed credit' }],
      );
    }
    if (amount > row.capMinor) {
      throw unprocessable(
        `The most this claim may grant is ${row.capMinor} (the policy's cap).`,
        'ABOVE_CAP',
        [{ path: 'amountMinor', message: `must not exceed the cap of ${row.capMinor}` }],
      );
    }
    const dto = await transition(
      tx,
      deps,
      principal,
      row,
      'approved',
      {
        type: 'approved',
        note:
          amount === row.computedCreditMinor
            ? reason
            : `Approved ${formatMinor(amount, row.currency)} instead of the computed ${formatMinor(row.computedCreditMinor, row.currency)}: ${reason}`,
      },
      {
        approvedAmountMinor: amount,
        decisionReason: reason,
        decidedByUserId: principal.user.id,
        decidedAt: now,
      },
    );
    await tx.insert(credits).values({
      claimId: row.id,
      customerId: row.customerId,
      agreementId: row.agreementId,
      kind: row.kind,
      serviceId: row.serviceId,
      period: row.period,
      amountMinor: amount,
      currency: row.currency,
      approvedByUserId: principal.user.id,
      approvedAt: now,
    });
    await emit(tx, deps, {
      type: 'claim.decided',
      claim: await summaryOf(tx, dto, row.customerId),
    });
    return dto;
  });
}

/** An approved claim is applied to an invoice: `credited`, with the invoice reference. */
export async function markCredited(
  deps: Deps,
  principal: Principal,
  id: number,
  invoiceReference: string,
): Promise<ClaimDto> {
  return deps.db.write(async (tx) => {
    const row = await loadClaim(tx, id);
    const now = new Date(deps.clock.now());
    const dto = await transition(
      tx,
      deps,
      principal,
      row,
      'credited',
      { type: 'credited', note: `Invoice ${invoiceReference}` },
      { invoiceReference, creditedAt: now },
    );
    await tx
      .update(credits)
      .set({ invoiceReference, creditedAt: now })
      .where(eq(credits.claimId, row.id));
    await emit(tx, deps, {
      type: 'credit.applied',
      claim: await summaryOf(tx, dto, row.customerId),
    });
    return dto;
  });
}

// ---------------------------------------------------------------------------
// The credits ledger.

export interface CreditDto {
  id: number;
  claimId: number;
  customer: { id: number; name: string };
  agreementId: number;
  /** The agreement's zone: the month is counted in it, and people read the times in it. */
  timeZone: string;
  kind: ClaimKind;
  /** The service's slug, or `support`. */
  service: string;
  serviceName: string;
  period: string;
  amountMinor: number;
  currency: string;
  approvedAt: string;
  approvedBy: string;
  invoiceReference: string | null;
  creditedAt: string | null;
}

export interface CreditFilter {
  customerId?: number | undefined;
  period?: string | undefined;
}

function creditConditions(filter: CreditFilter): SQL[] {
  return [
    filter.customerId === undefined ? undefined : eq(credits.customerId, filter.customerId),
    filter.period === undefined ? undefined : eq(credits.period, filter.period),
  ].filter((condition) => condition !== undefined);
}

export async function listCredits(
  deps: Deps,
  filter: CreditFilter,
  page: PageQuery | null,
): Promise<Page<CreditDto>> {
  const { db } = deps.db;
  const conditions = [
    ...creditConditions(filter),
    page === null ? undefined : afterCursor(credits.id, page),
  ].filter((condition) => condition !== undefined);
  const query = db
    .select({
      credit: credits,
      customerName: customers.name,
      slug: services.slug,
      serviceName: services.name,
      timeZone: agreements.timeZone,
      approver: users.email,
    })
    .from(credits)
    .innerJoin(customers, eq(customers.id, credits.customerId))
    .leftJoin(services, eq(services.id, credits.serviceId))
    .innerJoin(agreements, eq(agreements.id, credits.agreementId))
    .innerJoin(users, eq(users.id, credits.approvedByUserId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(credits.id));
  const rows = page === null ? await query : await query.limit(page.limit + 1);
  const shaped = rows.map((row) => ({
    id: row.credit.id,
    dto: {
      id: row.credit.id,
      claimId: row.credit.claimId,
      customer: { id: row.credit.customerId, name: row.customerName },
      agreementId: row.credit.agreementId,
      timeZone: row.timeZone,
      kind: row.credit.kind,
      service: row.slug ?? SUPPORT_SLOT.slug,
      serviceName: row.serviceName ?? SUPPORT_SLOT.name,
      period: row.credit.period,
      amountMinor: row.credit.amountMinor,
      currency: row.credit.currency,
      approvedAt: row.credit.approvedAt.toISOString(),
      approvedBy: row.approver,
      invoiceReference: row.credit.invoiceReference,
      creditedAt: row.credit.creditedAt?.toISOString() ?? null,
    },
  }));
  if (page === null) return { items: shaped.map((row) => row.dto), nextCursor: null };
  return toPage(shaped, page, (row) => row.dto);
}

/** Credits of one currency: approved in all, and the part already credited on invoices. */
export interface CreditTotal {
  currency: string;
  count: number;
  amountMinor: number;
  creditedMinor: number;
}

export interface CreditTotals {
  /** Every matching entry, per currency: amounts of different currencies are never added. */
  byCurrency: CreditTotal[];
  /** Per customer and currency, customers by name. */
  byCustomer: (CreditTotal & { customer: { id: number; name: string } })[];
}

/**
 * The ledger's totals over every entry the filter matches (not one page), summed by the
 * database in integer minor units.
 */
export async function creditTotals(deps: Deps, filter: CreditFilter): Promise<CreditTotals> {
  const { db } = deps.db;
  const conditions = creditConditions(filter);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const figures = {
    currency: credits.currency,
    count: count(),
    amountMinor: sum(credits.amountMinor).mapWith(Number),
    creditedMinor:
      sql<number>`coalesce(sum(case when ${credits.creditedAt} is not null then ${credits.amountMinor} else 0 end), 0)`.mapWith(
        Number,
      ),
  };
  const byCurrency = await db
    .select(figures)
    .from(credits)
    .where(where)
    .groupBy(credits.currency)
    .orderBy(asc(credits.currency));
  const byCustomer = await db
    .select({ ...figures, customerId: credits.customerId, customerName: customers.name })
    .from(credits)
    .innerJoin(customers, eq(customers.id, credits.customerId))
    .where(where)
    .groupBy(credits.customerId, credits.currency)
    .orderBy(asc(customers.name), asc(credits.customerId), asc(credits.currency));
  return {
    byCurrency: byCurrency.map((row) => ({ ...row, amountMinor: row.amountMinor ?? 0 })),
    byCustomer: byCustomer.map(({ customerId, customerName, ...row }) => ({
      customer: { id: customerId, name: customerName },
      ...row,
      amountMinor: row.amountMinor ?? 0,
    })),
  };
}

/** A customer's claims (any status) for the given months, oldest first: for statements. */
export async function claimsForPeriods(
  deps: Deps,
  customerId: number,
  periods: string[],
): Promise<ClaimDto[]> {
  if (periods.length === 0) return [];
  const rows = await deps.db.db
    .select()
    .from(claims)
    .where(and(eq(claims.customerId, customerId), inArray(claims.period, periods)))
    .orderBy(asc(claims.id));
  return claimDtos(deps.db.db, rows);
}
