import { and, eq, exists, inArray, isNotNull, isNull, ne, notExists, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  agreementServices,
  agreements,
  customers,
  notificationEvents,
  type OutboxChannel,
  outbox,
  services,
  subscriberServices,
  subscribers,
  users,
  webhookEndpoints,
} from '../../db/schema/index.ts';
import { randomToken } from '../auth/tokens.ts';
import type { Deps } from '../context.ts';
import { type MailBrand, mailBrand } from './brand.ts';
import { type NotifyEvent, WEBHOOK_EVENT_TYPES, type WebhookEventType, wants } from './events.ts';
import type { RenderedMail } from './mail.ts';
import {
  alreadySubscribedMail,
  claimCommentedMail,
  claimDecidedMail,
  claimFiledMail,
  confirmSubscriptionMail,
  creditAppliedMail,
  incidentMail,
  invitationMail,
  maintenanceMail,
  passwordResetMail,
  subscriberLinks,
} from './messages.ts';

/**
 * The one way anything is announced (docs/decisions/150): `emit` runs inside the
 * transaction of the change it announces, records the event, and writes one outbox item per
 * email and webhook it fans out to. They commit with the change or not at all; the outbox
 * worker (api/notify/worker.ts) delivers them.
 */

/** A delivery id: `msg_` and 144 random bits, as Standard Webhooks' examples look. */
export function newDeliveryId(): string {
  return `msg_${randomToken(18)}`;
}

type NewItem = typeof outbox.$inferInsert;

interface MailRecipient {
  email: string;
  userId?: number | null;
  subscriberId?: number | null;
}

function isWebhookEvent(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

async function serviceIdsBySlug(tx: Tx, slugs: readonly string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const rows = await tx
    .select({ id: services.id })
    .from(services)
    .where(inArray(services.slug, [...slugs]));
  return rows.map((row) => row.id);
}

async function serviceNamesBySlug(tx: Tx, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await tx
    .select({ slug: services.slug, name: services.name })
    .from(services)
    .where(inArray(services.slug, [...slugs]));
  return new Map(rows.map((row) => [row.slug, row.name]));
}

/** The event as webhooks carry it (`data`), and whose it is. */
async function webhookShape(
  tx: Tx,
  event: NotifyEvent,
): Promise<{ data: Record<string, unknown>; customerId: number | null; serviceIds: number[] }> {
  switch (event.type) {
    case 'claim.filed':
    case 'claim.decided':
    case 'credit.applied':
      return { data: { claim: event.claim }, customerId: event.claim.customer.id, serviceIds: [] };
    case 'incident.created':
    case 'incident.updated':
    case 'incident.resolved':
      return {
        data: { incident: event.incident },
        customerId: null,
        serviceIds: await serviceIdsBySlug(tx, event.incident.services),
      };
    case 'maintenance.scheduled':
    case 'maintenance.updated':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.cancelled':
      return {
        data: { maintenance: event.maintenance },
        customerId: null,
        serviceIds: await serviceIdsBySlug(tx, event.maintenance.services),
      };
    case 'window.corrected': {
      // Who corrected it is staff's business, not the receiving system's.
      const { actor: _actor, ...correction } = event.correction;
      return { data: { correction }, customerId: null, serviceIds: [event.serviceId] };
    }
    default:
      return { data: {}, customerId: null, serviceIds: [] };
  }
}

/** Customers whose active agreements cover any of the services. */
async function customersOfServices(tx: Tx, serviceIds: number[]): Promise<Set<number>> {
  if (serviceIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ customerId: agreements.customerId })
    .from(agreementServices)
    .innerJoin(agreements, eq(agreements.id, agreementServices.agreementId))
    .where(and(inArray(agreementServices.serviceId, serviceIds), eq(agreements.active, true)));
  return new Set(rows.map((row) => row.customerId));
}

async function webhookItems(
  tx: Tx,
  nowMs: number,
  event: { id: number; type: WebhookEventType; data: Record<string, unknown> },
  scope: { customerId: number | null; serviceIds: number[] },
): Promise<NewItem[]> {
  const endpoints = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.active, true), isNull(webhookEndpoints.deletedAt)));
  const interested = endpoints.filter((endpoint) => wants(endpoint.events, event.type));
  if (interested.length === 0) return [];
  const customerEndpoints = interested.some((endpoint) => endpoint.customerId !== null);
  const owners =
    scope.customerId !== null
      ? new Set([scope.customerId])
      : customerEndpoints
        ? await customersOfServices(tx, scope.serviceIds)
        : new Set<number>();
  // Standard Webhooks' payload: type, timestamp, data. The same bytes are signed each attempt.
  const payload = JSON.stringify({
    type: event.type,
    timestamp: new Date(nowMs).toISOString(),
    data: event.data,
  });
  return interested
    .filter((endpoint) => endpoint.customerId === null || owners.has(endpoint.customerId))
    .map((endpoint) => ({
      ...itemBase('webhook', event.type, endpoint.url, nowMs),
      eventId: event.id,
      endpointId: endpoint.id,
      payload,
    }));
}

function itemBase(channel: OutboxChannel, kind: string, recipient: string, nowMs: number) {
  const now = new Date(nowMs);
  return {
    deliveryId: newDeliveryId(),
    channel,
    kind,
    recipient,
    state: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

function mailItem(
  kind: string,
  recipient: MailRecipient,
  mail: RenderedMail,
  nowMs: number,
  options: { eventId: number | null; sensitive?: boolean; headers?: Record<string, string> },
): NewItem {
  return {
    ...itemBase('email', kind, recipient.email, nowMs),
    eventId: options.eventId,
    userId: recipient.userId ?? null,
    subscriberId: recipient.subscriberId ?? null,
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html,
    headers: options.headers ?? null,
    sensitive: options.sensitive ?? false,
  };
}

/** Staff who asked to hear of new claims (decision 151). */
async function claimWatchers(tx: Tx): Promise<MailRecipient[]> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.notifyClaimFiled, true),
        eq(users.active, true),
        ne(users.role, 'customer'),
        isNotNull(users.passwordHash),
      ),
    );
  return rows.map((row) => ({ email: row.email, userId: row.id }));
}

/** The customer's people who can sign in: active, with a password, the customer active. */
async function customerPeople(tx: Tx, customerId: number): Promise<MailRecipient[]> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .where(
      and(
        eq(users.customerId, customerId),
        eq(users.active, true),
        eq(customers.active, true),
        isNotNull(users.passwordHash),
      ),
    );
  return rows.map((row) => ({ email: row.email, userId: row.id }));
}

/** Confirmed subscribers of any of the services, or of everything (no services chosen). */
async function subscribersOf(
  tx: Tx,
  serviceIds: number[],
): Promise<{ id: number; email: string; token: string }[]> {
  const chosen = tx
    .select({ one: subscriberServices.subscriberId })
    .from(subscriberServices)
    .where(eq(subscriberServices.subscriberId, subscribers.id));
  const matching = tx
    .select({ one: subscriberServices.subscriberId })
    .from(subscriberServices)
    .where(
      and(
        eq(subscriberServices.subscriberId, subscribers.id),
        inArray(subscriberServices.serviceId, serviceIds.length > 0 ? serviceIds : [-1]),
      ),
    );
  return tx
    .select({ id: subscribers.id, email: subscribers.email, token: subscribers.token })
    .from(subscribers)
    .where(
      and(
        isNotNull(subscribers.confirmedAt),
        isNull(subscribers.unsubscribedAt),
        or(notExists(chosen), exists(matching)),
      ),
    );
}

/** RFC 8058 and RFC 2369 headers of a subscriber's message. */
function listHeaders(origin: string, token: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${subscriberLinks(origin, token).oneClick}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

async function mailItems(
  tx: Tx,
  event: NotifyEvent,
  context: {
    brand: MailBrand;
    origin: string;
    nowMs: number;
    eventId: number | null;
    serviceIds: number[];
  },
): Promise<NewItem[]> {
  const { brand, origin, nowMs, eventId } = context;
  const each = (
    recipients: MailRecipient[],
    mail: RenderedMail,
    options: { sensitive?: boolean } = {},
  ) =>
    recipients.map((recipient) =>
      mailItem(event.type, recipient, mail, nowMs, { eventId, ...options }),
    );
  switch (event.type) {
    case 'user.invited':
      return each([{ email: event.email, userId: event.userId }], invitationMail(brand, event), {
        sensitive: true,
      });
    case 'password.reset':
      return each([{ email: event.email, userId: event.userId }], passwordResetMail(brand, event), {
        sensitive: true,
      });
    case 'claim.filed':
      return each(await claimWatchers(tx), claimFiledMail(brand, origin, event.claim));
    case 'claim.decided':
      return each(
        await customerPeople(tx, event.claim.customer.id),
        claimDecidedMail(brand, origin, event.claim),
      );
    case 'claim.commented':
      return each(
        await customerPeople(tx, event.claim.customer.id),
        claimCommentedMail(brand, origin, event.claim, event.comment),
      );
    case 'credit.applied':
      return each(
        await customerPeople(tx, event.claim.customer.id),
        creditAppliedMail(brand, origin, event.claim),
      );
    case 'incident.created':
    case 'incident.updated':
    case 'incident.resolved': {
      if (!event.tellSubscribers) return [];
      const names = await serviceNamesBySlug(tx, event.incident.services);
      const people = await subscribersOf(tx, context.serviceIds);
      return people.map((person) =>
        mailItem(
          event.type,
          { email: person.email, subscriberId: person.id },
          incidentMail(brand, origin, person.token, event.type, event.incident, names),
          nowMs,
          { eventId, headers: listHeaders(origin, person.token) },
        ),
      );
    }
    case 'maintenance.scheduled':
    case 'maintenance.updated':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.cancelled': {
      if (!event.tellSubscribers) return [];
      const names = await serviceNamesBySlug(tx, event.maintenance.services);
      const people = await subscribersOf(tx, context.serviceIds);
      return people.map((person) =>
        mailItem(
          event.type,
          { email: person.email, subscriberId: person.id },
          maintenanceMail(brand, origin, person.token, event.type, event.maintenance, names),
          nowMs,
          { eventId, headers: listHeaders(origin, person.token) },
        ),
      );
    }
    case 'subscriber.confirm':
      return each(
        [{ email: event.email, subscriberId: event.subscriberId }],
        confirmSubscriptionMail(brand, origin, event.token, event.components),
      );
    case 'subscriber.already':
      return [
        mailItem(
          event.type,
          { email: event.email, subscriberId: event.subscriberId },
          alreadySubscribedMail(brand, origin, event.token),
          nowMs,
          { eventId, headers: listHeaders(origin, event.token) },
        ),
      ];
    case 'window.corrected':
      return [];
  }
}

/** Rows per INSERT: well under SQLite's limit on bound parameters. */
const INSERT_CHUNK = 100;

/**
 * Announces `event`: records it and writes its outbox items, in `tx`. With a `dedupeKey`,
 * an event already recorded under that key is not announced again (returns false).
 */
export async function emit(
  tx: Tx,
  deps: Deps,
  event: NotifyEvent,
  options: { dedupeKey?: string } = {},
): Promise<boolean> {
  const nowMs = deps.clock.now();
  const origin = deps.config.origins[0] ?? '';
  const items: NewItem[] = [];
  let eventId: number | null = null;
  let serviceIds: number[] = [];
  if (isWebhookEvent(event.type)) {
    const shape = await webhookShape(tx, event);
    serviceIds = shape.serviceIds;
    const row = await tx
      .insert(notificationEvents)
      .values({
        type: event.type,
        dedupeKey: options.dedupeKey ?? null,
        data: shape.data,
        customerId: shape.customerId,
        serviceIds: shape.serviceIds,
        createdAt: new Date(nowMs),
      })
      .onConflictDoNothing()
      .returning({ id: notificationEvents.id })
      .get();
    if (!row) return false;
    eventId = row.id;
    items.push(
      ...(await webhookItems(
        tx,
        nowMs,
        { id: row.id, type: event.type, data: shape.data },
        { customerId: shape.customerId, serviceIds: shape.serviceIds },
      )),
    );
  }
  const brand = await mailBrand(tx, origin);
  items.push(...(await mailItems(tx, event, { brand, origin, nowMs, eventId, serviceIds })));
  for (let start = 0; start < items.length; start += INSERT_CHUNK) {
    await tx.insert(outbox).values(items.slice(start, start + INSERT_CHUNK));
  }
  return true;
}
