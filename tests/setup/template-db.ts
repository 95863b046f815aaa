import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, migrateDb } from '../../db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty database file that tests/helpers/db.ts copies for each test database. */
    templateDbPath: string;
  }
}

/**
 * Vitest global setup: runs the migrations once per run, into a template that every test
 * database starts as a copy of (copying a file is a fraction of the cost of migrating).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-template-'));
  const templateDbPath = join(dir, 'template.db');
  const database = await createDb({ url: `file:${join(dir, 'migrated.db')}` });
  try {
    await migrateDb(database);
    // One self-contained file (no -wal beside it), safe to copy while nothing has it open.
    await database.client.execute({ sql: 'VACUUM INTO ?', args: [templateDbPath] });
  } finally {
    database.close();
  }
  project.provide('templateDbPath', templateDbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
