import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers, users } from './accounts.ts';
import { createdAt, flag, id, instant } from './columns.ts';
import { services } from './services.ts';

/**
 * Notifications (docs/decisions/150): every event that tells someone something is written to
 * `notification_events` in the transaction that caused it, fanned out there into one
 * `outbox` item per email or webhook, and delivered by the outbox worker at least once.
 */

export const OUTBOX_CHANNELS = ['email', 'webhook'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * - pending: waiting for (another) attempt at `nextAttemptAt`;
 * - delivered: the SMTP server or the endpoint accepted it;
 * - mailbox: kept in the development mailbox (no SMTP_URL), readable in the staff console;
 * - dead: every attempt failed (or the target was refused); staff may retry it;
 * - skipped: not sent, as no longer wanted: the subscriber left, the endpoint was disabled or
 *   deleted before the attempt.
 */
export const OUTBOX_STATES = ['pending', 'delivered', 'mailbox', 'dead', 'skipped'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** One event as it happened: what webhooks carry as `data`, and the scope it belongs to. */
export const notificationEvents = sqliteTable(
  'notification_events',
  {
    id: id(),
    /** e.g. 'incident.created', 'claim.decided', 'user.invited'. */
    type: text('type').notNull(),
    /**
     * Set for events found by a scan rather than caused by a request (a maintenance that
     * started with time): the same key is emitted once, whichever process finds it first.
     */
    dedupeKey: text('dedupe_key').unique(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The customer the event belongs to (claims), for customers' own webhooks. */
    customerId: integer('customer_id').references(() => customers.id),
    /** The services it concerns (incidents, maintenance, windows), for scoping. */
    serviceIds: text('service_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('notification_events_created_idx').on(t.createdAt)],
);

/** Public subscribers of the status page (double opt-in). */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: id(),
    /** Lower-cased; one row per address. */
    email: text('email').notNull().unique(),
    /**
     * The capability in every mail's links (confirm, manage, unsubscribe): random, 256 bits.
     * Kept as is so later mails can carry it (docs/decisions/153).
     */
    token: text('token').notNull().unique(),
    confirmedAt: instant('confirmed_at'),
    unsubscribedAt: instant('unsubscribed_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('subscribers_active_idx')
      .on(t.id)
      .where(sql`${t.confirmedAt} IS NOT NULL AND ${t.unsubscribedAt} IS NULL`),
  ],
);

/** The components a subscriber chose; none means every component. */
export const subscriberServices = sqliteTable(
  'subscriber_services',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
  },
  (t) => [
    primaryKey({ columns: [t.subscriberId, t.serviceId] }),
    index('subscriber_services_service_idx').on(t.serviceId),
  ],
);

/**
 * Webhook endpoints: the provider's own (customerId null, made by admins) or a customer's
 * (scoped to that customer's data).
 */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: id(),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types or groups ('incident.*') it receives. */
    events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    active: flag('active').notNull().default(true),
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_customer_idx').on(t.customerId)],
);

/**
 * Signing secrets (Standard Webhooks `whsec_…`). Kept as is: signing needs them. A rotated
 * secret keeps signing until `expiresAt`, beside its successor.
 */
export const webhookSecrets = sqliteTable(
  'webhook_secrets',
  {
    id: id(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    secret: text('secret').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at'),
  },
  (t) => [index('webhook_secrets_endpoint_idx').on(t.endpointId)],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    /**
     * Stable for the item's life, whatever the attempts: the email's Message-ID and the
     * webhook's `webhook-id`, so receivers can drop a repeat.
     */
    deliveryId: text('delivery_id').notNull().unique(),
    eventId: integer('event_id').references(() => notificationEvents.id),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
    /** The event type, or for mail without an event its purpose ('password.reset'). */
    kind: text('kind').notNull(),
    /** An email address, or the endpoint's URL when the item was written. */
    recipient: text('recipient').notNull(),
    userId: integer('user_id').references(() => users.id),
    subscriberId: integer('subscriber_id').references(() => subscribers.id),
    endpointId: integer('endpoint_id').references(() => webhookEndpoints.id),
    subject: text('subject'),
    bodyText: text('body_text'),
    bodyHtml: text('body_html'),
    /** Extra mail headers (List-Unsubscribe…), name → value. */
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
    /** The webhook's JSON body, exactly the bytes signed and sent. */
    payload: text('payload'),
    /** The body holds a one-time link: removed once delivered, shown to admins only. */
    sensitive: flag('sensitive').notNull().default(false),
    state: text('state', { enum: OUTBOX_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    /** The worker holding the item, until `leaseUntil`; after it, any worker may take it. */
    claimedBy: text('claimed_by'),
    leaseUntil: instant('lease_until'),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index('outbox_state_idx').on(t.state, t.id),
    index('outbox_endpoint_idx').on(t.endpointId, t.id),
    index('outbox_event_idx').on(t.eventId),
  ],
);

export const ATTEMPT_OUTCOMES = ['delivered', 'mailbox', 'failed', 'refused', 'skipped'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The delivery log: one row per attempt, with what was sent and what came back. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: id(),
    outboxId: integer('outbox_id')
      .notNull()
      .references(() => outbox.id),
    attempt: integer('attempt').notNull(),
    worker: text('worker').notNull(),
    startedAt: instant('started_at').notNull(),
    /** Real elapsed time of the attempt. */
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome', { enum: ATTEMPT_OUTCOMES }).notNull(),
    /** e.g. `POST https://billing.example/hooks (412 bytes)` or `SMTP to ada@example.com`. */
    request: text('request').notNull(),
    /** HTTP status of a webhook answer; null for mail and for no answer. */
    responseStatus: integer('response_status'),
    /** The first bytes of the answer (HTTP body or SMTP reply), never a secret. */
    response: text('response'),
    error: text('error'),
  },
  (t) => [index('delivery_attempts_outbox_idx').on(t.outboxId, t.id)],
);
