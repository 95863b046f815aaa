import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { apiKeys, customers, users } from './accounts.ts';
import { agreements } from './agreements.ts';
import { createdAt, flag, id, instant } from './columns.ts';
import { services } from './services.ts';

export const CLAIM_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'credited',
  'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What a claim is about: a service's availability, or the agreement's support (response times). */
export const CLAIM_KINDS = ['availability', 'support'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const claims = sqliteTable(
  'claims',
  {
    id: id(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    kind: text('kind', { enum: CLAIM_KINDS }).notNull().default('availability'),
    /** The claimed service; null exactly for `support` claims. */
    serviceId: integer('service_id').references(() => services.id),
    /** The claimed calendar month in the agreement's zone, YYYY-MM. */
    period: text('period').notNull(),
    status: text('status', { enum: CLAIM_STATUSES }).notNull(),
    description: text('description'),
    /**
     * The evaluation document stored at filing, the evidence: sla-accounting.md §5 for
     * availability, sla-response.md §4 for support.
     */
    evaluation: text('evaluation', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    policyVersionId: integer('policy_version_id').notNull(),
    computedCreditMinor: integer('computed_credit_minor').notNull(),
    /** The rounded cap: the most any approval of this claim may grant. */
    capMinor: integer('cap_minor').notNull(),
    currency: text('currency').notNull(),
    approvedAmountMinor: integer('approved_amount_minor'),
    decisionReason: text('decision_reason'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    decidedAt: instant('decided_at'),
    invoiceReference: text('invoice_reference'),
    creditedAt: instant('credited_at'),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdByApiKeyId: integer('created_by_api_key_id').references(() => apiKeys.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // At most one live claim per (agreement, service, period): sla-accounting.md §4.
    uniqueIndex('claims_live_uq')
      .on(t.agreementId, t.serviceId, t.period)
      .where(sql`${t.status} NOT IN ('rejected', 'withdrawn')`),
    // At most one live support claim per (agreement, period): sla-response.md §5.
    uniqueIndex('claims_live_support_uq')
      .on(t.agreementId, t.period)
      .where(sql`${t.kind} = 'support' AND ${t.status} NOT IN ('rejected', 'withdrawn')`),
    check('claims_kind_service', sql`(${t.kind} = 'support') = (${t.serviceId} IS NULL)`),
    index('claims_customer_idx').on(t.customerId, t.createdAt),
    index('claims_status_idx').on(t.status, t.createdAt),
  ],
);

export const claimComments = sqliteTable(
  'claim_comments',
  {
    id: id(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    /** Staff-only notes the customer never sees. */
    internal: flag('internal').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('claim_comments_claim_idx').on(t.claimId, t.createdAt)],
);

/** The claim's append-only trail: every transition and comment. Triggers forbid edits. */
export const claimEvents = sqliteTable(
  'claim_events',
  {
    id: id(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorApiKeyId: integer('actor_api_key_id').references(() => apiKeys.id),
    /** e.g. 'filed', 'approved', 'rejected', 'credited', 'withdrawn', 'commented', 'noted'. */
    type: text('type').notNull(),
    fromStatus: text('from_status', { enum: CLAIM_STATUSES }),
    toStatus: text('to_status', { enum: CLAIM_STATUSES }),
    note: text('note'),
    /** Internal events (staff notes) are never shown to the customer. */
    internal: flag('internal').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('claim_events_claim_idx').on(t.claimId, t.id)],
);

/** The credits ledger: one entry per approved claim; `credited` once applied to an invoice. */
export const credits = sqliteTable(
  'credits',
  {
    id: id(),
    claimId: integer('claim_id')
      .notNull()
      .unique()
      .references(() => claims.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    kind: text('kind', { enum: CLAIM_KINDS }).notNull().default('availability'),
    /** Null exactly for `support` credits. */
    serviceId: integer('service_id').references(() => services.id),
    period: text('period').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    approvedByUserId: integer('approved_by_user_id')
      .notNull()
      .references(() => users.id),
    approvedAt: instant('approved_at').notNull(),
    invoiceReference: text('invoice_reference'),
    creditedAt: instant('credited_at'),
  },
  (t) => [index('credits_customer_idx').on(t.customerId, t.approvedAt)],
);
