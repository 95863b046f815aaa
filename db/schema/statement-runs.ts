import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import { instant } from './columns.ts';

/**
 * Statement runs started from the staff console (ADRs 174, 168): their state and progress.
 * The archive itself stays a file (`<id>.zip` under PORTAL_STATEMENT_RUNS_DIR). At most one
 * row is `running`, whatever the number of API processes: the unique partial index is the
 * lock, taken by inserting the row and released by finishing it. A process that died with
 * its run leaves a row whose heartbeat stops; a later start takes it over.
 */
export const statementRuns = sqliteTable(
  'statement_runs',
  {
    /** The month and the start instant, e.g. `2026-10-1795176000000`. */
    id: text('id').primaryKey(),
    period: text('period').notNull(),
    state: text('state', { enum: ['running', 'finished', 'failed'] }).notNull(),
    startedAt: instant('started_at').notNull(),
    /** Renewed while the run goes on; a running row whose heartbeat is old is a dead run's. */
    heartbeatAt: instant('heartbeat_at').notNull(),
    finishedAt: instant('finished_at'),
    startedByUserId: integer('started_by_user_id').references(() => users.id),
    startedByEmail: text('started_by_email'),
    agreements: integer('agreements').notNull(),
    customers: integer('customers').notNull(),
    done: integer('done').notNull(),
    files: integer('files'),
    unavailable: integer('unavailable'),
    archiveBytes: integer('archive_bytes'),
    failure: text('failure'),
  },
  (t) => [
    uniqueIndex('statement_runs_one_running_uq').on(t.state).where(sql`${t.state} = 'running'`),
    index('statement_runs_started_idx').on(t.startedAt),
  ],
);
