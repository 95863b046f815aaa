import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  type ClaimKind,
  type ClaimStatus,
  claimComments,
  claimEvents,
  claims,
  customers,
  services,
  users,
} from '../../../db/schema/index.ts';
import type { Deps, Principal, RequestContext } from '../../context.ts';
import { notFound } from '../../domain-errors.ts';
import { type ClaimSummary, claimSummary } from '../../notify/events.ts';
import type { EvaluationResult, ResponseResult } from '../../sla/index.ts';
import { storedEvaluation } from '../sla-figures.ts';

export { CLAIM_KINDS, CLAIM_STATUSES } from '../../../db/schema/index.ts';

/**
 * Credit claims (sla-accounting §4): what filing, decisions and reads share — the claim as
 * the API shows it, its trail, and how a claim is loaded for its customer.
 */

export type Reader = Deps['db']['db'];
export type ClaimRow = typeof claims.$inferSelect;

export const LIVE: ClaimStatus[] = ['submitted', 'approved', 'credited'];

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

export interface ServiceNames {
  slug: string;
  name: string;
  monitoredSinceMs: number;
}

export async function serviceNames(db: Reader | Tx, given: (number | null)[]) {
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

export function claimDto(row: ClaimRow, service: ServiceNames | undefined): ClaimDto {
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

export async function claimDtos(db: Reader | Tx, rows: ClaimRow[]): Promise<ClaimDto[]> {
  const names = await serviceNames(db, [...new Set(rows.map((row) => row.serviceId))]);
  return rows.map((row) =>
    claimDto(row, row.serviceId === null ? undefined : names.get(row.serviceId)),
  );
}

export function actorOf(principal: Principal): {
  actorUserId: number | null;
  actorApiKeyId: number | null;
} {
  return {
    actorUserId: principal.kind === 'user' ? principal.user.id : null,
    actorApiKeyId: principal.kind === 'key' ? principal.key.id : null,
  };
}

/** The claim as notifications carry it, with its customer's name. */
export async function summaryOf(tx: Tx, dto: ClaimDto, customerId: number): Promise<ClaimSummary> {
  const customer = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  return claimSummary(dto, customer ?? { id: customerId, name: `Customer ${customerId}` });
}

export async function appendEvent(
  tx: Tx,
  ctx: RequestContext,
  event: {
    claimId: number;
    type: string;
    fromStatus?: ClaimStatus | null;
    toStatus?: ClaimStatus | null;
    note?: string | null;
    internal?: boolean;
  },
): Promise<void> {
  const { deps, principal } = ctx;
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

/** The claim a stored response named, as it is now. */
export async function currentClaim(db: Reader | Tx, customerId: number, first: ClaimDto) {
  const [dto] = await claimDtos(db, [await loadClaim(db, first.id, customerId)]);
  return dto ?? first;
}

export async function loadClaim(
  db: Reader | Tx,
  id: number,
  customerId?: number,
): Promise<ClaimRow> {
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

export async function trail(db: Reader, claimId: number, includeInternal: boolean) {
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
