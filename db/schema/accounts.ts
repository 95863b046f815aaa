import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, flag, id, instant } from './columns.ts';

export const ROLES = ['customer', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ['ingest', 'read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const customers = sqliteTable('customers', {
  id: id(),
  name: text('name').notNull(),
  /** IANA time zone name; agreements default to it. */
  timeZone: text('time_zone').notNull(),
  active: flag('active').notNull().default(true),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull().unique(),
    name: text('name'),
    /** Null until an invited user sets a password. */
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    /** Set exactly when role = 'customer'. */
    customerId: integer('customer_id').references(() => customers.id),
    active: flag('active').notNull().default(true),
    passwordChangedAt: instant('password_changed_at'),
    /** Staff only: email me when a customer files a claim (docs/decisions/151). */
    notifyClaimFiled: flag('notify_claim_filed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('users_customer_idx').on(t.customerId)],
);

/** Browser sessions. The token is never stored, only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull(),
    /** Absolute expiry; idle expiry is lastSeenAt + the idle limit. */
    expiresAt: instant('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time invitation links: single use, expiring. The token is stored hashed. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_user_idx').on(t.userId)],
);

/**
 * Browsers a user signed in from (OWASP's device cookies, decision 124): failed sign-ins
 * from such a browser are throttled on their own, so an attacker hammering the account from
 * elsewhere does not lock its owner out. The cookie's token is never stored, only its SHA-256.
 */
export const trustedDevices = sqliteTable(
  'trusted_devices',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    index('trusted_devices_user_idx').on(t.userId),
    index('trusted_devices_expires_idx').on(t.expiresAt),
  ],
);

export const PASSWORD_RESET_KINDS = ['admin', 'self'] as const;
export type PasswordResetKind = (typeof PASSWORD_RESET_KINDS)[number];

/**
 * One-time links so a user can choose a new password: issued by an admin (decision 123) or
 * asked for by the person ("Forgot password", decision 152). Single use, expiring, replaced
 * by the next one of the same kind. The token is stored hashed.
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The admin who issued it, or the user themselves for a "Forgot password" link. */
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: PASSWORD_RESET_KINDS }).notNull().default('admin'),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * API keys: shown once, stored hashed; `prefix` is the visible, unique lookup part.
 * `ingest` keys are made by admins; `read` keys by a customer for their own /me data.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: id(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull().unique(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<ApiKeyScope[]>().notNull(),
    /** Set for `read` keys: the customer whose data the key may read. */
    customerId: integer('customer_id').references(() => customers.id),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_keys_customer_idx').on(t.customerId).where(sql`${t.customerId} IS NOT NULL`)],
);
