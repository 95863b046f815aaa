import { pipeline, Readable } from 'node:stream';
import { type Options, type Stringifier, stringify } from 'csv-stringify';

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
    // A field with any line break is quoted, a lone LF or CR too: csv-stringify on its own
    // quotes only the record delimiter (CRLF), and a reader splits a row at a bare LF.
    quoted_match: /[\r\n]/,
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
  // Written here rather than by csv-stringify, which took a statement run a second per
  // 5,000 files in option handling per cell; tests/api/statement-format.test.ts holds
  // this to `csvText`'s output (csv-stringify's) byte for byte, on every kind of cell.
  let text = `\uFEFF${columns.map(csvCell).join(',')}\r\n`;
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < columns.length; index += 1) {
      if (index > 0) line += ',';
      line += csvCell(row[columns[index] as Column]);
    }
    text += `${line}\r\n`;
  }
  return text;
}

/** csv-stringify's answer for these options: an apostrophe before a formula, then quoting. */
const FORMULA_START = new Set(['=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
// Quoted for a quote, a comma or any line break, as `csvOptions` makes csv-stringify do.
const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(field: CsvValue): string {
  if (field === null || field === undefined || field === '') return '';
  let value = typeof field === 'number' ? String(field) : field;
  const first = value[0] ?? '';
  // A negative number the API wrote is a number, not a formula; a text starting with `-` is.
  if (FORMULA_START.has(first) || (first === '-' && typeof field !== 'number')) {
    value = `'${value}`;
  }
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
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
