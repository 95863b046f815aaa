import { type Column, gt, lt, type SQL } from 'drizzle-orm';

/** A list's page as a route validated it (api/http/page-schemas.ts). */
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

/** The response of every list: the items and the cursor of the next page (null: last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The condition that starts a page after the cursor (ascending ids). */
export function afterCursor(idColumn: Column, query: PageQuery): SQL | undefined {
  return query.cursor === undefined ? undefined : gt(idColumn, Number(query.cursor));
}

/** The condition that starts a page after the cursor, for lists newest first (descending ids). */
export function beforeCursor(idColumn: Column, query: PageQuery): SQL | undefined {
  return query.cursor === undefined ? undefined : lt(idColumn, Number(query.cursor));
}

/** Query `limit + 1` rows ordered by id; this cuts them to a page and finds the next cursor. */
export function toPage<Row extends { id: number }, T>(
  rows: Row[],
  query: PageQuery,
  shape: (row: Row) => T,
): Page<T> {
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(shape),
    nextCursor: rows.length > query.limit && last ? String(last.id) : null,
  };
}
