import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  deliveryAttempts,
  type OutboxChannel,
  type OutboxState,
  outbox,
  users,
  webhookEndpoints,
} from '../../db/schema/index.ts';
import type { Deps, StaffContext, UserContext } from '../context.ts';
import { Conflict, conflict, notFound } from '../domain-errors.ts';
import { beforeCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { recordAudit } from './audit.ts';
import type { EndpointOwner } from './webhooks.ts';

export { OUTBOX_CHANNELS, OUTBOX_STATES } from '../../db/schema/index.ts';

/**
 * The staff console's view of notifications (docs/decisions/150 and 151): the outbox with
 * the development mailbox, the delivery log, retrying, and each person's own preference.
 */

/**
 * A message's HTML opened by staff: it keeps its inline styles and may show images, but runs
 * nothing, submits nothing and sits in a sandbox (a unique origin without the session).
 */
export const MAIL_PREVIEW_CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'https:', 'data:'],
  formAction: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  sandbox: [],
};

export interface OutboxItemDto {
  id: number;
  deliveryId: string;
  channel: OutboxChannel;
  kind: string;
  recipient: string;
  subject: string | null;
  endpointId: number | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  /** The message holds a one-time link (an invitation, a password reset). */
  sensitive: boolean;
}

export interface DeliveryAttemptDto {
  id: number;
  outboxId: number;
  deliveryId: string;
  channel: OutboxChannel;
  kind: string;
  attempt: number;
  worker: string;
  startedAt: string;
  durationMs: number;
  outcome: string;
  request: string;
  responseStatus: number | null;
  response: string | null;
  error: string | null;
}

export interface OutboxItemDetailDto extends OutboxItemDto {
  /** Mail as sent (plain text and HTML) and its extra headers; null for webhooks. */
  bodyText: string | null;
  bodyHtml: string | null;
  headers: Record<string, string> | null;
  /** The webhook's JSON body as signed and sent; null for mail. */
  payload: string | null;
  /**
   * Why the body is not shown: it held a one-time link and the viewer is not an admin, or
   * it was removed once delivered.
   */
  bodyWithheld: string | null;
  attemptLog: DeliveryAttemptDto[];
}

type ItemRow = typeof outbox.$inferSelect;

function itemDto(row: ItemRow): OutboxItemDto {
  return {
    id: row.id,
    deliveryId: row.deliveryId,
    channel: row.channel,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    endpointId: row.endpointId,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    sensitive: row.sensitive,
  };
}

function attemptDto(
  row: typeof deliveryAttempts.$inferSelect,
  item: Pick<ItemRow, 'deliveryId' | 'channel' | 'kind'>,
): DeliveryAttemptDto {
  return {
    id: row.id,
    outboxId: row.outboxId,
    deliveryId: item.deliveryId,
    channel: item.channel,
    kind: item.kind,
    attempt: row.attempt,
    worker: row.worker,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    outcome: row.outcome,
    request: row.request,
    responseStatus: row.responseStatus,
    response: row.response,
    error: row.error,
  };
}

/** Which items a viewer sees: every item for staff, only their endpoints' for a customer. */
function scopeOf(owner: EndpointOwner | null): SQL | undefined {
  if (owner === null) return undefined;
  const endpoints = sql`(SELECT ${webhookEndpoints.id} FROM ${webhookEndpoints} WHERE ${
    owner.customerId === null
      ? isNull(webhookEndpoints.customerId)
      : eq(webhookEndpoints.customerId, owner.customerId)
  })`;
  return sql`${outbox.endpointId} IN ${endpoints}`;
}

export interface OutboxFilter {
  state?: OutboxState | undefined;
  channel?: OutboxChannel | undefined;
  endpointId?: number | undefined;
}

/** Outbox items, newest first. `owner` limits them to that owner's webhook endpoints. */
export async function listOutbox(
  deps: Deps,
  filter: OutboxFilter,
  page: PageQuery,
  owner: EndpointOwner | null = null,
): Promise<Page<OutboxItemDto>> {
  const conditions = [
    filter.state === undefined ? undefined : eq(outbox.state, filter.state),
    filter.channel === undefined ? undefined : eq(outbox.channel, filter.channel),
    filter.endpointId === undefined ? undefined : eq(outbox.endpointId, filter.endpointId),
    scopeOf(owner),
    beforeCursor(outbox.id, page),
  ].filter((condition) => condition !== undefined);
  const rows = await deps.db.db
    .select()
    .from(outbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(outbox.id))
    .limit(page.limit + 1);
  return toPage(rows, page, itemDto);
}

/** Items per state (and per channel), for the console's filters. */
export async function outboxCounts(
  deps: Deps,
): Promise<{ state: OutboxState; channel: OutboxChannel; count: number }[]> {
  const rows = await deps.db.db
    .select({ state: outbox.state, channel: outbox.channel, count: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.state, outbox.channel);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

async function findItem(deps: Deps, id: number, owner: EndpointOwner | null): Promise<ItemRow> {
  const scope = scopeOf(owner);
  const row = await deps.db.db
    .select()
    .from(outbox)
    .where(scope ? and(eq(outbox.id, id), scope) : eq(outbox.id, id))
    .get();
  if (!row) throw notFound('No such notification.');
  return row;
}

async function attemptsOf(deps: Deps, item: ItemRow): Promise<DeliveryAttemptDto[]> {
  const rows = await deps.db.db
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.outboxId, item.id))
    .orderBy(desc(deliveryAttempts.id));
  return rows.map((row) => attemptDto(row, item));
}

/**
 * One item with its body and every attempt. A body holding a one-time link is shown to
 * admins only: an agent reading an admin's reset link would become that admin.
 */
export async function outboxItem(
  deps: Deps,
  id: number,
  viewer: { admin: boolean },
  owner: EndpointOwner | null = null,
): Promise<OutboxItemDetailDto> {
  const row = await findItem(deps, id, owner);
  const withheld =
    row.sensitive && !viewer.admin
      ? 'It holds a one-time link (an invitation or a password reset): only admins see it.'
      : row.sensitive && row.bodyHtml === null && row.state === 'delivered'
        ? 'It held a one-time link and was removed once delivered.'
        : null;
  const showBody = !(row.sensitive && !viewer.admin);
  return {
    ...itemDto(row),
    bodyText: showBody ? row.bodyText : null,
    bodyHtml: showBody ? row.bodyHtml : null,
    headers: row.headers,
    payload: row.payload,
    bodyWithheld: withheld,
    attemptLog: await attemptsOf(deps, row),
  };
}

/** The delivery log: attempts, newest first, of every item or of one endpoint's. */
export async function listAttempts(
  deps: Deps,
  filter: { endpointId?: number | undefined; outcome?: string | undefined },
  page: PageQuery,
  owner: EndpointOwner | null = null,
): Promise<Page<DeliveryAttemptDto>> {
  const conditions = [
    filter.endpointId === undefined ? undefined : eq(outbox.endpointId, filter.endpointId),
    filter.outcome === undefined ? undefined : sql`${deliveryAttempts.outcome} = ${filter.outcome}`,
    scopeOf(owner),
    beforeCursor(deliveryAttempts.id, page),
  ].filter((condition) => condition !== undefined);
  const rows = await deps.db.db
    .select({
      attempt: deliveryAttempts,
      deliveryId: outbox.deliveryId,
      channel: outbox.channel,
      kind: outbox.kind,
    })
    .from(deliveryAttempts)
    .innerJoin(outbox, eq(outbox.id, deliveryAttempts.outboxId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(deliveryAttempts.id))
    .limit(page.limit + 1);
  return toPage(
    rows.map((row) => ({ id: row.attempt.id, row })),
    page,
    ({ row }) => attemptDto(row.attempt, row),
  );
}

/**
 * Sends an item again, under its same delivery id (receivers may drop it as a repeat): a
 * dead or skipped one, or a webhook already delivered (redelivery). Its attempts start over.
 */
export async function retryItem(
  ctx: UserContext,
  id: number,
  owner: EndpointOwner | null = null,
): Promise<OutboxItemDto> {
  const { deps } = ctx;
  const row = await findItem(deps, id, owner);
  const allowed =
    row.state === 'dead' ||
    row.state === 'skipped' ||
    (row.channel === 'webhook' && row.state === 'delivered');
  if (!allowed) {
    throw conflict(
      row.state === 'pending'
        ? 'It is waiting for its next attempt already.'
        : row.state === 'mailbox'
          ? 'It is in the development mailbox: without SMTP_URL there is nowhere to send it.'
          : 'A delivered message is not sent again.',
      'NOT_RETRYABLE',
    );
  }
  if (row.sensitive && row.state === 'delivered') {
    throw new Conflict('Its one-time link was removed once delivered.', {
      code: 'NOT_RETRYABLE',
    });
  }
  return deps.db.write(async (tx) => {
    const now = new Date(deps.clock.now());
    const updated = await tx
      .update(outbox)
      .set({
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        claimedBy: null,
        leaseUntil: null,
        lastError: null,
        updatedAt: now,
      })
      .where(and(eq(outbox.id, id), inArray(outbox.state, ['dead', 'skipped', 'delivered'])))
      .returning()
      .get();
    if (!updated) throw conflict('It changed meanwhile; reload it.', 'NOT_RETRYABLE');
    await recordAudit(tx, ctx, {
      action: 'notification.retry',
      entityType: 'outbox',
      entityId: id,
      before: { state: row.state, attempts: row.attempts },
      after: { state: 'pending' },
    });
    return itemDto(updated);
  });
}

export interface NotificationPreferencesDto {
  /** Email me when a customer files a claim. */
  claimFiled: boolean;
}

export async function notificationPreferences(
  deps: Deps,
  userId: number,
): Promise<NotificationPreferencesDto> {
  const row = await deps.db.db
    .select({ claimFiled: users.notifyClaimFiled })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) throw notFound('No such user.');
  return { claimFiled: row.claimFiled };
}

export async function setNotificationPreferences(
  ctx: StaffContext,
  input: NotificationPreferencesDto,
): Promise<NotificationPreferencesDto> {
  const { deps, principal: actor } = ctx;
  return deps.db.write(async (tx) => {
    const before = await tx
      .select({ claimFiled: users.notifyClaimFiled })
      .from(users)
      .where(eq(users.id, actor.user.id))
      .get();
    await tx
      .update(users)
      .set({ notifyClaimFiled: input.claimFiled })
      .where(eq(users.id, actor.user.id));
    await recordAudit(tx, ctx, {
      action: 'user.notifications.update',
      entityType: 'user',
      entityId: actor.user.id,
      before,
      after: input,
    });
    return input;
  });
}
