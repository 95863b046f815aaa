import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { webhookEndpoints, webhookSecrets } from '../../db/schema/index.ts';
import type { Deps, UserContext } from '../context.ts';
import { notFound, unprocessable } from '../domain-errors.ts';
import type { WebhookEventChoice } from '../notify/events.ts';
import { checkedAddresses, hostOf, systemResolver, TargetRefused } from '../notify/targets.ts';
import { recordAudit } from './audit.ts';

/**
 * Webhook endpoints (docs/decisions/154): the provider's own systems (no customer; admins)
 * and customers' own (scoped to their data; through /me). Each has one signing secret, or
 * two during a rotation's overlap. A secret is shown once, when made.
 */

/** Whose endpoints a caller manages: the provider's (null) or one customer's. */
export interface EndpointOwner {
  customerId: number | null;
}

export interface WebhookEndpointDto {
  id: number;
  url: string;
  description: string | null;
  events: string[];
  customerId: number | null;
  active: boolean;
  /** While a rotated secret still signs beside the new one: when it stops. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewEndpoint {
  url: string;
  events: WebhookEventChoice[];
  description?: string | null | undefined;
}

export interface EndpointChanges {
  url?: string | undefined;
  events?: WebhookEventChoice[] | undefined;
  description?: string | null | undefined;
  active?: boolean | undefined;
}

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const MAX_URL_LENGTH = 2000;

const refusedUrl = (message: string) =>
  unprocessable(message, 'WEBHOOK_TARGET_REFUSED', [{ path: 'url', message }]);

/**
 * The URL a webhook may be registered at: https (http only where private targets are allowed,
 * for development), no credentials in it, and a host whose every address is public.
 */
export async function checkTargetUrl(deps: Deps, text: string): Promise<string> {
  const resolve = deps.resolveHost ?? systemResolver;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refusedUrl('must be an absolute URL, such as https://billing.example.com/hooks');
  }
  const allowPrivate = deps.config.webhookAllowPrivate;
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw refusedUrl('must start with https:// (events carry customers’ data)');
  }
  if (url.username !== '' || url.password !== '') {
    throw refusedUrl('must not hold a user name or password: the signature authenticates us');
  }
  if (url.hash !== '') throw refusedUrl('must not have a #fragment');
  if (url.href.length > MAX_URL_LENGTH) {
    throw refusedUrl(`must be at most ${MAX_URL_LENGTH} characters`);
  }
  try {
    await checkedAddresses(hostOf(url), { allowPrivate, resolve });
  } catch (error) {
    if (error instanceof TargetRefused) throw refusedUrl(error.message);
    throw error;
  }
  return url.href;
}

function ownedBy(owner: EndpointOwner): SQL | undefined {
  return owner.customerId === null
    ? isNull(webhookEndpoints.customerId)
    : eq(webhookEndpoints.customerId, owner.customerId);
}

async function previousExpiry(
  db: Pick<Tx, 'select'>,
  endpointId: number,
  nowMs: number,
): Promise<string | null> {
  const row = await db
    .select({ expiresAt: webhookSecrets.expiresAt })
    .from(webhookSecrets)
    .where(
      and(eq(webhookSecrets.endpointId, endpointId), gt(webhookSecrets.expiresAt, new Date(nowMs))),
    )
    .orderBy(desc(webhookSecrets.expiresAt))
    .get();
  return row?.expiresAt?.toISOString() ?? null;
}

async function endpointDto(
  db: Pick<Tx, 'select'>,
  row: EndpointRow,
  nowMs: number,
): Promise<WebhookEndpointDto> {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    customerId: row.customerId,
    active: row.active,
    previousSecretExpiresAt: await previousExpiry(db, row.id, nowMs),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function findEndpoint(
  db: Pick<Tx, 'select'>,
  id: number,
  owner: EndpointOwner,
): Promise<EndpointRow> {
  const row = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), ownedBy(owner), isNull(webhookEndpoints.deletedAt)))
    .get();
  if (!row) throw notFound('No such webhook endpoint.');
  return row;
}

export async function createEndpoint(
  ctx: UserContext,
  owner: EndpointOwner,
  input: NewEndpoint,
): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
  const { deps, principal: actor } = ctx;
  const url = await checkTargetUrl(deps, input.url);
  const secret = newSigningSecret();
  return deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const now = new Date(nowMs);
    const row = await tx
      .insert(webhookEndpoints)
      .values({
        url,
        description: input.description?.trim() || null,
        events: [...new Set(input.events)],
        customerId: owner.customerId,
        createdByUserId: actor.user.id,
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    await tx.insert(webhookSecrets).values({ endpointId: row.id, secret, createdAt: now });
    const endpoint = await endpointDto(tx, row, nowMs);
    await recordAudit(tx, ctx, {
      action: 'webhook.create',
      entityType: 'webhook_endpoint',
      entityId: row.id,
      after: endpoint,
    });
    return { endpoint, secret };
  });
}

export async function listEndpoints(
  deps: Deps,
  owner: EndpointOwner,
): Promise<WebhookEndpointDto[]> {
  const { db } = deps.db;
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(ownedBy(owner), isNull(webhookEndpoints.deletedAt)))
    .orderBy(webhookEndpoints.id);
  const nowMs = deps.clock.now();
  return Promise.all(rows.map((row) => endpointDto(db, row, nowMs)));
}

export async function getEndpoint(
  deps: Deps,
  id: number,
  owner: EndpointOwner,
): Promise<WebhookEndpointDto> {
  return endpointDto(deps.db.db, await findEndpoint(deps.db.db, id, owner), deps.clock.now());
}

export async function updateEndpoint(
  ctx: UserContext,
  owner: EndpointOwner,
  id: number,
  changes: EndpointChanges,
): Promise<WebhookEndpointDto> {
  const { deps } = ctx;
  const url = changes.url === undefined ? undefined : await checkTargetUrl(deps, changes.url);
  return deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const row = await findEndpoint(tx, id, owner);
    const before = await endpointDto(tx, row, nowMs);
    const updated = await tx
      .update(webhookEndpoints)
      .set({
        ...(url === undefined ? {} : { url }),
        ...(changes.events === undefined ? {} : { events: [...new Set(changes.events)] }),
        ...(changes.description === undefined
          ? {}
          : { description: changes.description?.trim() || null }),
        ...(changes.active === undefined ? {} : { active: changes.active }),
        updatedAt: new Date(nowMs),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning()
      .get();
    const after = await endpointDto(tx, updated, nowMs);
    await recordAudit(tx, ctx, {
      action: 'webhook.update',
      entityType: 'webhook_endpoint',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an endpoint: it receives nothing more, and its secrets stop signing now. */
export async function deleteEndpoint(
  ctx: UserContext,
  owner: EndpointOwner,
  id: number,
): Promise<void> {
  const { deps } = ctx;
  await deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const now = new Date(nowMs);
    const row = await findEndpoint(tx, id, owner);
    const before = await endpointDto(tx, row, nowMs);
    await tx
      .update(webhookEndpoints)
      .set({ deletedAt: now, active: false, updatedAt: now })
      .where(eq(webhookEndpoints.id, id));
    await tx
      .update(webhookSecrets)
      .set({ expiresAt: now })
      .where(
        and(
          eq(webhookSecrets.endpointId, id),
          or(isNull(webhookSecrets.expiresAt), gt(webhookSecrets.expiresAt, now)),
        ),
      );
    await recordAudit(tx, ctx, {
      action: 'webhook.delete',
      entityType: 'webhook_endpoint',
      entityId: id,
      before,
    });
  });
}

/**
 * A new signing secret, shown once. The secrets in force until now keep signing beside it
 * for the overlap (every request carries a signature of each), so the receiver can switch
 * without losing an event; then they stop.
 */
export async function rotateSecret(
  ctx: UserContext,
  owner: EndpointOwner,
  id: number,
): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
  const { deps } = ctx;
  const secret = newSigningSecret();
  return deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const now = new Date(nowMs);
    const row = await findEndpoint(tx, id, owner);
    // At most two secrets sign: one still winding down from an earlier rotation stops now,
    // the current one signs until the overlap ends, beside the new one.
    await tx
      .update(webhookSecrets)
      .set({ expiresAt: now })
      .where(and(eq(webhookSecrets.endpointId, id), gt(webhookSecrets.expiresAt, now)));
    await tx
      .update(webhookSecrets)
      .set({ expiresAt: new Date(nowMs + deps.config.webhookSecretOverlapMs) })
      .where(and(eq(webhookSecrets.endpointId, id), isNull(webhookSecrets.expiresAt)));
    await tx.insert(webhookSecrets).values({ endpointId: id, secret, createdAt: now });
    await tx.update(webhookEndpoints).set({ updatedAt: now }).where(eq(webhookEndpoints.id, id));
    const endpoint = await endpointDto(tx, { ...row, updatedAt: now }, nowMs);
    await recordAudit(tx, ctx, {
      action: 'webhook.secret.rotate',
      entityType: 'webhook_endpoint',
      entityId: id,
      after: { previousSecretExpiresAt: endpoint.previousSecretExpiresAt },
    });
    return { endpoint, secret };
  });
}
