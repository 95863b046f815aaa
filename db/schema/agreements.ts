import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { BusinessHours } from '../../api/sla/index.ts';
import { customers, users } from './accounts.ts';
import { createdAt, flag, id, instant } from './columns.ts';
import { services } from './services.ts';

export const policies = sqliteTable('policies', {
  id: id(),
  name: text('name').notNull(),
  active: flag('active').notNull().default(true),
  createdAt: createdAt(),
});

/**
 * Numbered versions of a policy. Each is in force from a month (`effectiveFrom`, YYYY-MM,
 * the first one from the beginning: '0000-01'); a change adds a version and never alters
 * one. `rules` holds the policy fields of sla-accounting.md §1 with defaults applied.
 */
export const policyVersions = sqliteTable(
  'policy_versions',
  {
    id: id(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    rules: text('rules', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /**
     * The response block of sla-response.md §1 with defaults applied, versioned with the
     * rules; null when the version offers no response objectives.
     */
    response: text('response', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('policy_versions_number_uq').on(t.policyId, t.version),
    uniqueIndex('policy_versions_from_uq').on(t.policyId, t.effectiveFrom),
  ],
);

/**
 * What an agreement is (docs/decisions/195-agreement-kinds.md): `customer`, a customer's SLA
 * with fees and claims; `internal`, between the provider's own teams, a report without fees
 * or claims; `vendor`, the provider as the customer of an upstream supplier, whose account
 * (`customerId`) is the vendor.
 */
export const AGREEMENT_KINDS = ['customer', 'internal', 'vendor'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const agreements = sqliteTable(
  'agreements',
  {
    id: id(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id),
    start: instant('start').notNull(),
    end: instant('end'),
    /** IANA zone of the agreement's calendar months; defaults to the customer's. */
    timeZone: text('time_zone').notNull(),
    /** Business hours of sla-response.md §1 (weekly schedule and holidays, local to timeZone). */
    businessHours: text('business_hours', { mode: 'json' }).$type<BusinessHours>(),
    /** The monthly fee the response credit is a share of; null: no support terms. */
    supportFeeMinor: integer('support_fee_minor'),
    kind: text('kind', { enum: AGREEMENT_KINDS }).notNull().default('customer'),
    active: flag('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('agreements_customer_idx').on(t.customerId)],
);

export const agreementServices = sqliteTable(
  'agreement_services',
  {
    id: id(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    monthlyFeeMinor: integer('monthly_fee_minor').notNull(),
    /** ISO 4217 code. */
    currency: text('currency').notNull(),
  },
  (t) => [
    uniqueIndex('agreement_services_uq').on(t.agreementId, t.serviceId),
    index('agreement_services_service_idx').on(t.serviceId),
  ],
);
