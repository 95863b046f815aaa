import { z } from '../openapi.ts';

/** The most items one page of any list may hold (portal.md: every list is capped). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The query of every list: `limit` (1–100, default 50) and `cursor`, the opaque value of the
 * previous page's `nextCursor`. Lists are ordered by id, so a cursor stays valid while rows
 * are added. Services page by its parsed form (api/infra/pagination.ts).
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

/** The response of every list: the items and the cursor of the next page (null: last page). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}
