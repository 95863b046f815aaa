import { sql } from 'drizzle-orm';
import type { Deps } from '../context.ts';

/** True when the database answers a trivial query. */
export async function databaseReachable(deps: Deps): Promise<boolean> {
  try {
    await deps.db.db.run(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
