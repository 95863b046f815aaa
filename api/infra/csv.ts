import { pipeline, Readable } from 'node:stream';
import { type Options, type Stringifier, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * The API's one CSV writer (ADR 160), for statements and the credits ledger alike:
 * - RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a
 *   line break, its quotes doubled;
 * - a UTF-8 byte order mark first, so that spreadsheet programs read names in any script as
 *   UTF-8 (without it Excel reads the file in the machine's legacy code page);
 * - formula injection (OWASP CSV injection): a text cell starting with `=`, `+`, `-`, `@`, a
 *   tab or a carriage return (or their full-width forms) gets a leading apostrophe, so that a
 *   spreadsheet shows it as text instead of running it. Names and references are typed by
 *   users; numbers the API writes itself are left as they are.
 * Rows are written as they come, to a stream: a long file is never one string in memory.
 */

export type CsvValue = string | number | null | undefined;
export type CsvRow<Column extends string> = Partial<Record<Column, CsvValue>>;

function csvOptions<Column extends string>(columns: readonly Column[]): Options {
  return {
    header: true,
    columns: columns.map((key) => ({ key })),
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    // `null`, `undefined` and '' are all an empty cell.
    cast: { number: (value) => String(value) },
  };
}

export function csvStringifier<Column extends string>(columns: readonly Column[]): Stringifier {
  return stringify(csvOptions(columns));
}

/**
 * The whole CSV as text, in one synchronous call: for many small files (a statement run),
 * where a stream per file costs more than the file.
 */
export function csvTextSync<Column extends string>(
  columns: readonly Column[],
  rows: Iterable<CsvRow<Column>>,
): string {
  return stringifySync([...rows], csvOptions(columns));
}

/** The rows as a CSV byte stream (UTF-8), ready to pipe to a response or a file. */
export function csvStream<Column extends string>(
  columns: readonly Column[],
  rows: Iterable<CsvRow<Column>> | AsyncIterable<CsvRow<Column>>,
): Readable {
  const stringifier = csvStringifier(columns);
  // Rows are produced only as fast as they are read; a failing row source fails the stream.
  pipeline(Readable.from(rows), stringifier, () => {});
  return stringifier;
}

/** The whole CSV as text (for small files and tests). */
export async function csvText<Column extends string>(
  columns: readonly Column[],
  rows: Iterable<CsvRow<Column>> | AsyncIterable<CsvRow<Column>>,
): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of csvStream(columns, rows)) chunks.push(String(chunk));
  return chunks.join('');
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
