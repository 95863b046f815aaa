/**
 * Keyset pages for lists ordered newest first by an instant, then by id: the cursor is
 * the last item's `(instant, id)`, so a page stays stable while newer rows arrive.
 * Same query and response shape as every list (`limit`, `cursor` → `items`, `nextCursor`).
 */
export interface Cursor {
  atMs: number;
  id: number;
}

const CURSOR = /^(-?\d{1,15})_(\d{1,15})$/;

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.atMs}_${cursor.id}`;
}

/** The cursor in `text`, or undefined when it is not one this API made. */
export function decodeCursor(text: string): Cursor | undefined {
  const match = CURSOR.exec(text);
  if (!match) return undefined;
  return { atMs: Number(match[1]), id: Number(match[2]) };
}

/** `rows` were queried with `limit + 1`: cut them to a page and find the next cursor. */
export function pageOf<Row, T>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => Cursor,
  shape: (row: Row) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(shape),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
