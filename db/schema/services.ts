import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { apiKeys, users } from './accounts.ts';
import { createdAt, flag, id, instant } from './columns.ts';
import { incidents, maintenances } from './incidents.ts';

export const WINDOW_STATES = ['major_outage', 'partial_outage', 'degraded', 'maintenance'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];
export const WINDOW_SOURCES = ['ingest', 'staff', 'incident', 'seed'] as const;
export type WindowSource = (typeof WINDOW_SOURCES)[number];

export const serviceGroups = sqliteTable('service_groups', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: flag('active').notNull().default(true),
  createdAt: createdAt(),
});

export const services = sqliteTable(
  'services',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    groupId: integer('group_id').references(() => serviceGroups.id),
    /** Before this instant there is no data: public bars show "no data", never "up". */
    monitoredSince: instant('monitored_since').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: flag('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('services_group_idx').on(t.groupId)],
);

/**
 * Uptime history as half-open intervals [start, end) of one state on one service.
 * `end` is null while the window is still going on.
 */
export const windows = sqliteTable(
  'windows',
  {
    id: id(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** The monitor's own id, unique across the portal (monitors prefix their own ids). */
    externalId: text('external_id').notNull().unique(),
    state: text('state', { enum: WINDOW_STATES }).notNull(),
    start: instant('start').notNull(),
    end: instant('end'),
    /** When customers were told of a maintenance window; ignored for other states. */
    announcedAt: instant('announced_at'),
    /**
     * Who wrote it: an ingest key, a person (maintenance), a person holding a component's
     * status on an incident, or the demo seed.
     */
    source: text('source', { enum: WINDOW_SOURCES }).notNull(),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    /** For source `incident`: the incident, and the person who set the status. */
    incidentId: integer('incident_id').references(() => incidents.id),
    authorUserId: integer('author_user_id').references(() => users.id),
    /** Canonical JSON of the creating request, to tell a replay (200) from a conflict (409). */
    requestFingerprint: text('request_fingerprint').notNull(),
    /** Set for windows created by a scheduled maintenance. */
    maintenanceId: integer('maintenance_id').references(() => maintenances.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('windows_service_start_idx').on(t.serviceId, t.start),
    index('windows_service_end_idx').on(t.serviceId, t.end),
    index('windows_open_idx').on(t.serviceId).where(sql`${t.end} IS NULL`),
    // The public status reads windows covering now, and the next start or end after now.
    index('windows_start_idx').on(t.start),
    index('windows_end_idx').on(t.end),
    index('windows_incident_idx').on(t.incidentId),
  ],
);

/** A window's corrected values, as a correction records them before and after (ISO instants). */
export interface CorrectedWindowValues {
  state: WindowState;
  start: string;
  end: string | null;
}

/**
 * A correction of a window by staff, kept beside the original: the window row holds the
 * corrected values, this row holds who, when, why, and the values before and after.
 */
export const windowCorrections = sqliteTable(
  'window_corrections',
  {
    id: id(),
    windowId: integer('window_id')
      .notNull()
      .references(() => windows.id),
    actorUserId: integer('actor_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    before: text('before', { mode: 'json' }).$type<CorrectedWindowValues>().notNull(),
    after: text('after', { mode: 'json' }).$type<CorrectedWindowValues>().notNull(),
    /** True when a decided claim covered the corrected period at the time of the correction. */
    affectsDecidedClaim: flag('affects_decided_claim').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('window_corrections_window_idx').on(t.windowId)],
);

/**
 * Per service and UTC day, the milliseconds of each outage state on the severity timeline
 * (the heaviest state wins where windows overlap) and of maintenance (counted on its own),
 * from closed windows only: a pure function of the windows, never of the clock. Reads add
 * open windows, clip to now and to monitoredSince (docs/decisions/031-daily-rollups.md).
 */
export const dailyRollups = sqliteTable(
  'daily_rollups',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** UTC date, YYYY-MM-DD. */
    day: text('day').notNull(),
    majorMs: integer('major_ms').notNull().default(0),
    partialMs: integer('partial_ms').notNull().default(0),
    degradedMs: integer('degraded_ms').notNull().default(0),
    maintenanceMs: integer('maintenance_ms').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day] }), index('daily_rollups_day_idx').on(t.day)],
);

export const statusVersion = sqliteTable('status_version', {
  /** Always 1: one row, bumped on every write that changes public status data. */
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
