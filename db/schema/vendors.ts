import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import { agreements } from './agreements.ts';
import { createdAt, id, instant } from './columns.ts';
import { incidents } from './incidents.ts';
import { services, windows } from './services.ts';

/**
 * A window of one of our services that staff attribute to a vendor agreement: the vendor's
 * service caused it (docs/decisions/196-vendor-attribution.md). Only attributed windows count
 * in the vendor agreement's figures; the window itself, and what our customers are owed for
 * it, do not change.
 */
export const vendorAttributions = sqliteTable(
  'vendor_attributions',
  {
    id: id(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    windowId: integer('window_id')
      .notNull()
      .references(() => windows.id),
    /** Set when the attribution was made for an incident: it covers the incident's windows. */
    incidentId: integer('incident_id').references(() => incidents.id),
    /** Why the vendor caused it, e.g. the vendor's own incident reference. */
    reason: text('reason').notNull(),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vendor_attributions_uq').on(t.agreementId, t.windowId),
    index('vendor_attributions_window_idx').on(t.windowId),
  ],
);

export const VENDOR_CLAIM_STATUSES = ['filed', 'granted', 'refused'] as const;
export type VendorClaimStatus = (typeof VENDOR_CLAIM_STATUSES)[number];

/**
 * A credit claim we filed with a vendor, as staff record it (docs/decisions/197-vendor-claims.md):
 * the engine's figures at filing as the evidence, the vendor's deadline, and the vendor's answer
 * with the amount received.
 */
export const vendorClaims = sqliteTable(
  'vendor_claims',
  {
    id: id(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** The claimed calendar month in the agreement's zone, YYYY-MM. */
    period: text('period').notNull(),
    status: text('status', { enum: VENDOR_CLAIM_STATUSES }).notNull(),
    /** The evaluation document (sla-accounting.md §5) at filing: the evidence sent. */
    evaluation: text('evaluation', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    policyVersionId: integer('policy_version_id').notNull(),
    computedCreditMinor: integer('computed_credit_minor').notNull(),
    currency: text('currency').notNull(),
    claimDeadline: instant('claim_deadline').notNull(),
    /** When it was filed with the vendor (told by staff; not after it was recorded). */
    filedAt: instant('filed_at').notNull(),
    /** The vendor's case or ticket number. */
    vendorReference: text('vendor_reference'),
    note: text('note'),
    filedByUserId: integer('filed_by_user_id')
      .notNull()
      .references(() => users.id),
    /** For `granted`: what the vendor credited or paid, in minor units of `currency`. */
    amountReceivedMinor: integer('amount_received_minor'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // One live claim per (agreement, service, period); a refused one may be filed again.
    uniqueIndex('vendor_claims_live_uq')
      .on(t.agreementId, t.serviceId, t.period)
      .where(sql`${t.status} <> 'refused'`),
    index('vendor_claims_agreement_idx').on(t.agreementId, t.period),
  ],
);
