import { and, asc, type Column, desc, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm';
import { invalidInput } from '../domain-errors.ts';
import type { PageQuery } from './pagination.ts';

/**
 * Search and sort for the administration lists (docs/decisions/135). A list sorted by a value
 * other than its id is still a keyset list: rows are ordered by `(value, id)` and the cursor
 * stays the id of the previous page's last row, whose value the next page reads back. So
 * cursors keep the shape of ADR 025 and a sorted list never repeats or skips a row while rows
 * are added.
 */

/** `?sort=name` (ascending) or `?sort=-name` (descending), as a route's query reads it. */
export interface SortOrder<Key extends string = string> {
  key: Key;
  descending: boolean;
}

/**
 * A list's sort expression for one key (undefined: the id alone), with the order it is read
 * in. Values are compared as SQLite stores them (instants as epoch milliseconds).
 */
export interface ListOrder {
  value: SQL | undefined;
  descending: boolean;
}

/** A column as a sort value, read and compared raw. */
export function raw(column: Column): SQL {
  return sql`${column}`;
}

/** ORDER BY the value, then the id in the same direction (the id breaks ties). */
export function orderBy(order: ListOrder, idColumn: Column): SQL[] {
  const direction = order.descending ? desc : asc;
  return order.value === undefined
    ? [direction(idColumn)]
    : [direction(order.value), direction(idColumn)];
}

/**
 * The condition that starts a page after the cursor row. `anchor` reads the cursor row's sort
 * value (with whatever joins the value needs); a cursor that names no row is refused.
 * Ordered by the id alone, the cursor is the whole key and nothing is read.
 */
export async function afterSortedCursor(
  order: ListOrder,
  idColumn: Column,
  query: PageQuery,
  anchor: (value: SQL, id: number) => Promise<{ value: unknown } | undefined>,
): Promise<SQL | undefined> {
  if (query.cursor === undefined) return undefined;
  const cursorId = Number(query.cursor);
  const beyond = order.descending ? lt : gt;
  // Ordered by id alone: the cursor is the whole key (ADR 025).
  if (order.value === undefined) return beyond(idColumn, cursorId);
  const found = await anchor(order.value, cursorId);
  if (found === undefined) {
    throw invalidInput('The cursor does not belong to this list.', [
      { path: 'cursor', message: 'must be a nextCursor from a previous page' },
    ]);
  }
  return or(
    beyond(order.value, found.value),
    and(eq(order.value, found.value), beyond(idColumn, cursorId)),
  );
}

/** Text compared without regard to the case of ASCII letters (SQLite's lower()). */
export function folded(column: Column): SQL {
  return sql`lower(${column})`;
}

/**
 * Rows whose `columns` contain `text` (ASCII letters in any case). `%`, `_` and `\` in the
 * text are matched literally, so a search for "50%" finds "50%", not everything.
 */
export function containsText(text: string | undefined, columns: Column[]): SQL | undefined {
  if (text === undefined) return undefined;
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
  const pattern = `%${escaped}%`;
  return or(...columns.map((column) => sql`lower(${column}) LIKE ${pattern} ESCAPE '\\'`));
}
