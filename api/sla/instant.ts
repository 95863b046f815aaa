// RFC 3339 instants, exactly as spec §1 allows them, to and from epoch milliseconds.

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Two digits at `from`, or -1: the fixed fields of an instant, without a loop. */
function twoDigits(text: string, from: number): number {
  const tens = text.charCodeAt(from) - 48;
  const ones = text.charCodeAt(from + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const LETTER_T = 84;
const LETTER_Z = 90;

/**
 * Epoch milliseconds of an instant written `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`
 * (at most 3 fraction digits, upper-case `T` and `Z`, no leap second), or
 * `undefined` for any other text. The offset only says how the instant is
 * written; the value is the UTC instant. Parsed by hand, on character codes and
 * without a regular expression, because evaluations parse every window's instants.
 */
export function parseInstant(text: string): number | undefined {
  const length = text.length;
  if (length < 20 || length > 29) return undefined;
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== LETTER_T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === DOT) {
    let count = 0;
    at += 1;
    while (count < 4 && at < length) {
      const code = text.charCodeAt(at);
      if (code < 48 || code > 57) break;
      count += 1;
      at += 1;
    }
    if (count === 0 || count > 3) return undefined;
    millis = digits(text, at - count, count) * (count === 1 ? 100 : count === 2 ? 10 : 1);
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(at);
  if (sign === LETTER_Z) {
    at += 1;
  } else if ((sign === PLUS || sign === DASH) && text.charCodeAt(at + 3) === COLON) {
    const offsetHours = twoDigits(text, at + 1);
    const offsetMins = twoDigits(text, at + 4);
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return undefined;
    offsetMinutes = (sign === DASH ? -1 : 1) * (offsetHours * 60 + offsetMins);
    at += 6;
  } else {
    return undefined;
  }
  if (at !== length) return undefined;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis
  );
}

/** `true` when `text` is an instant `parseInstant` accepts. */
export function isInstant(text: string): boolean {
  return parseInstant(text) !== undefined;
}

/** Epoch milliseconds as `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC, always 3 fraction digits). */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * `text` itself when it already is the canonical form `formatInstant` gives
 * (`…T…:…:….sssZ`), else `formatInstant(epochMs)`: saves formatting instants
 * that were stored in canonical form.
 */
export function canonicalInstantText(text: string, epochMs: number): string {
  return text.length === 24 && text[19] === '.' && text[23] === 'Z' ? text : formatInstant(epochMs);
}

export { MS_PER_DAY, MS_PER_MINUTE };
