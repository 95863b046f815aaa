import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { apiKeys, customers, users } from './accounts.ts';
import { agreements } from './agreements.ts';
import { createdAt, id, instant } from './columns.ts';

export const SUPPORT_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type SupportPriority = (typeof SUPPORT_PRIORITIES)[number];

/** The event types of sla-response.md §1, as stored. */
export const SUPPORT_EVENT_TYPES = [
  'human-response',
  'automated-response',
  'paused',
  'resumed',
  'resolved',
  'reopened',
] as const;
export type SupportEventType = (typeof SUPPORT_EVENT_TYPES)[number];

/** Who wrote an event, decided by the credential that posted it, never by a body field. */
export const SUPPORT_AUTHORS = ['automation', 'people', 'staff'] as const;
export type SupportAuthor = (typeof SUPPORT_AUTHORS)[number];

/**
 * Help-desk requests (tickets) of sla-response.md §1, reported by the provider's help desk
 * with an ingest key. Idempotent on `externalId`: the creating body is kept as
 * `requestFingerprint`, and a replay must match it.
 */
export const supportRequests = sqliteTable(
  'support_requests',
  {
    id: id(),
    externalId: text('external_id').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    priority: text('priority', { enum: SUPPORT_PRIORITIES }).notNull(),
    subject: text('subject'),
    openedAt: instant('opened_at').notNull(),
    requestFingerprint: text('request_fingerprint').notNull(),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('support_requests_agreement_idx').on(t.agreementId, t.openedAt),
    index('support_requests_customer_idx').on(t.customerId, t.openedAt),
  ],
);

/**
 * A request's events, appended only (triggers forbid edits): each with the writer's own
 * idempotency id, unique within its request. `author` records the credential's kind.
 */
export const supportRequestEvents = sqliteTable(
  'support_request_events',
  {
    id: id(),
    requestId: integer('request_id')
      .notNull()
      .references(() => supportRequests.id),
    eventKey: text('event_key').notNull(),
    type: text('type', { enum: SUPPORT_EVENT_TYPES }).notNull(),
    at: instant('at').notNull(),
    author: text('author', { enum: SUPPORT_AUTHORS }).notNull(),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    userId: integer('user_id').references(() => users.id),
    requestFingerprint: text('request_fingerprint').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('support_request_events_key_uq').on(t.requestId, t.eventKey),
    index('support_request_events_request_idx').on(t.requestId, t.at),
  ],
);
