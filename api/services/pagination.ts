import { type Column, gt, lt, type SQL } from 'drizzle-orm';
import { z } from '../openapi.ts';

/** The most items one page of any list may hold (portal.md: every list is capped). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The query of every list: `limit` (1–100, default 50) and `cursor`, the opaque value
 * of the previous page's `nextCursor`. Lists are ordered by id, so a cursor stays valid
 * while rows are added.
 */
export const pageQueryShape = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ description: `Items per page, at most ${MAX_PAGE_SIZE}.`, example: 50 }),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, { message: 'must be a nextCursor from a previous page' })
    .optional()
    .openapi({ description: "The previous page's nextCursor." }),
};

export const PageQuerySchema = z.strictObject(pageQueryShape);

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

/** The response of every list: the items and the cursor of the next page (null: last page). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

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
