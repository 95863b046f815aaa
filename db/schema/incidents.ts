import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { apiKeys, users } from './accounts.ts';
import { createdAt, id, instant } from './columns.ts';
import { services } from './services.ts';

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
/** Decided by the caller's credentials, never by a flag the writer sets. */
export const UPDATE_KINDS = ['automated', 'human'] as const;
/**
 * A component's state as a person holds it on an incident: the outage window states, and
 * operational. A non-operational status always has an open window of source `incident`.
 */
export const COMPONENT_STATUSES = [
  'operational',
  'degraded',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** What one update set: a component (by service id) and the status it moved to. */
export interface ComponentStatusChange {
  serviceId: number;
  status: ComponentStatus;
}

export const incidents = sqliteTable(
  'incidents',
  {
    id: id(),
    title: text('title').notNull(),
    impact: text('impact', { enum: INCIDENT_IMPACTS }).notNull(),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull(),
    startedAt: instant('started_at').notNull(),
    resolvedAt: instant('resolved_at'),
    /** For machine-written incidents: the monitor's id, unique, so a retry does not duplicate. */
    externalId: text('external_id').unique(),
    /** Canonical JSON of the creating ingest request, to tell a replay (200) from a conflict (409). */
    requestFingerprint: text('request_fingerprint'),
    /**
     * For machine-written incidents: the ingest key that opened it, the only key that may add
     * updates (decision 120). Null for staff incidents and for monitor incidents whose key
     * was not recorded (from before the column): no key may change those.
     */
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    /**
     * What happened and what changes, written by staff once the incident is resolved and shown
     * on its public page (docs/decisions/130-incident-templates-and-postmortems.md).
     */
    postmortem: text('postmortem'),
    postmortemPublishedAt: instant('postmortem_published_at'),
    postmortemUpdatedAt: instant('postmortem_updated_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('incidents_started_idx').on(t.startedAt),
    index('incidents_resolved_idx').on(t.resolvedAt),
  ],
);

export const incidentServices = sqliteTable(
  'incident_services',
  {
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** The component's current status on this incident (decision 090). */
    status: text('status', { enum: COMPONENT_STATUSES }).notNull().default('operational'),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.serviceId] }),
    index('incident_services_service_idx').on(t.serviceId),
  ],
);

export const incidentUpdates = sqliteTable(
  'incident_updates',
  {
    id: id(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull(),
    body: text('body').notNull(),
    kind: text('kind', { enum: UPDATE_KINDS }).notNull(),
    authorUserId: integer('author_user_id').references(() => users.id),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    /** The component statuses this update changed, in the order given; empty when none. */
    componentStatuses: text('component_statuses', { mode: 'json' })
      .$type<ComponentStatusChange[]>()
      .notNull()
      .default([]),
    createdAt: createdAt(),
  },
  (t) => [index('incident_updates_incident_idx').on(t.incidentId, t.createdAt)],
);

/**
 * Scheduled maintenance. Publishing sets `publishedAt`, which becomes the `announcedAt`
 * of the maintenance windows it creates on each affected service.
 */
export const maintenances = sqliteTable(
  'maintenances',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    publishedAt: instant('published_at'),
    cancelledAt: instant('cancelled_at'),
    /**
     * Set when staff started it before `startsAt`: the time from here to `startsAt` was not
     * announced in advance (docs/decisions/132-maintenance-early-start-and-completion.md).
     */
    startedEarlyAt: instant('started_early_at'),
    /** Set when staff ended it before `endsAt`: the work was done. */
    completedEarlyAt: instant('completed_early_at'),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('maintenances_starts_idx').on(t.startsAt)],
);

export const maintenanceServices = sqliteTable(
  'maintenance_services',
  {
    maintenanceId: integer('maintenance_id')
      .notNull()
      .references(() => maintenances.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.maintenanceId, t.serviceId] })],
);

/**
 * Saved texts staff insert into an incident update ("Investigating — we are looking into
 * reports of …"). A template is a convenience, not a record: editing one changes no update.
 */
export const incidentTemplates = sqliteTable('incident_templates', {
  id: id(),
  name: text('name').notNull().unique(),
  /** The update status the template suits; null for any. */
  status: text('status', { enum: INCIDENT_STATUSES }),
  body: text('body').notNull(),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull(),
});
