import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDb, type Database, type DbConfig, migrateDb } from '../../db/client.ts';

export interface TempDb extends Database {
  path: string;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

/**
 * A fresh migrated database in its own temporary file (never libSQL's `:memory:`): a copy of
 * the run's migrated template (tests/setup/template-db.ts), or migrated here when the project
 * has none. `migrate: false` gives an empty file, for tests of the migrations themselves;
 * `from` a copy of another closed, migrated database file (e.g. the run's demo data set).
 */
export async function tempDb(
  options: { migrate?: boolean; from?: string } & Omit<DbConfig, 'url' | 'authToken'> = {},
): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const path = join(dir, 'portal.db');
  const template: string | undefined = options.from ?? inject('templateDbPath');
  const copied = options.migrate !== false && template !== undefined;
  if (copied) copyFileSync(template, path);
  const database = await createDb({
    url: `file:${path}`,
    busyBudgetMs: options.busyBudgetMs,
    synchronous: options.synchronous,
  });
  if (options.migrate !== false && !copied) await migrateDb(database);
  return {
    ...database,
    path,
    dispose() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
