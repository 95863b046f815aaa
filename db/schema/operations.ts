import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { apiKeys, users } from './accounts.ts';
import { createdAt, id, instant } from './columns.ts';

/** Every change made by staff: who, when, what, before and after. Triggers forbid edits. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorApiKeyId: integer('actor_api_key_id').references(() => apiKeys.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_created_idx').on(t.createdAt),
  ],
);

/** Stored responses for `Idempotency-Key` replays, per caller. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    id: id(),
    /** The caller: 'user:<id>' or 'key:<id>'. */
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('idempotency_keys_uq').on(t.principal, t.key),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);

/** Fixed-window counters kept in the database so every API process shares them. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    /** e.g. 'login:ip:203.0.113.9' or 'login:account:a@example.com'. */
    bucket: text('bucket').primaryKey(),
    windowStart: instant('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);
