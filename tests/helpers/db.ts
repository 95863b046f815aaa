import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Database, type DbConfig, migrateDb } from '../../db/client.ts';

export interface TempDb extends Database {
  path: string;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

/** A fresh migrated database in its own temporary file (never libSQL's `:memory:`). */
export async function tempDb(
  options: { migrate?: boolean } & Omit<DbConfig, 'url' | 'authToken'> = {},
): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const path = join(dir, 'portal.db');
  const database = await createDb({
    url: `file:${path}`,
    busyBudgetMs: options.busyBudgetMs,
    synchronous: options.synchronous,
  });
  if (options.migrate !== false) await migrateDb(database);
  return {
    ...database,
    path,
    dispose() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
