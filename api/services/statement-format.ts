import { Temporal } from 'temporal-polyfill';
import type { ClaimStatus } from '../../db/schema/index.ts';
import type { EvaluationResult, IgnoredReason, WindowState } from '../sla/index.ts';

/**
 * How statements and the credits ledger write figures for people (ADR 160): money in major
 * units from integer minor units by string arithmetic, instants in the agreement's zone with
 * their offset, durations in minutes rounded up (never shorter than measured), and words for
 * every status. Pure: no clock, no I/O.
 */

const digitsByCurrency = new Map<string, number>();

/**
 * Digits after the decimal point of a currency's minor unit, as ICU reports them (2 for USD,
 * 0 for JPY, 3 for KWD): the same source the portal's pages use (ADR 061).
 */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * An integer amount of minor units in major units, as plain decimal text without grouping:
 * `250.00` (USD), `1500` (JPY), `1.250` (KWD). Built from the integer's digits, never through
 * a floating-point division.
 */
export function majorUnits(amountMinor: number | bigint, currency: string): string {
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`not an integer amount of minor units: ${amountMinor}`);
  }
  const digits = minorDigits(currency);
  // A safe integer's decimal text is exact, so only a bigint needs BigInt's arithmetic.
  const negative = amountMinor < 0;
  const sign = negative ? '-' : '';
  const magnitude =
    typeof amountMinor === 'number' ? Math.abs(amountMinor) : negative ? -amountMinor : amountMinor;
  const text = magnitude.toString().padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** `USD 2,500.00`: the currency's code and the amount with thousands grouped, for documents. */
export function moneyText(amountMinor: number | bigint, currency: string): string {
  const plain = majorUnits(amountMinor, currency);
  const negative = plain.startsWith('-');
  const point = plain.indexOf('.');
  const wholeEnd = point === -1 ? plain.length : point;
  const wholeStart = negative ? 1 : 0;
  // Grouped by slicing rather than a look-ahead regex: a statement run formats hundreds of
  // thousands of amounts, nearly all of them different.
  let grouped = '';
  for (let end = wholeEnd; end > wholeStart; end -= 3) {
    const start = Math.max(wholeStart, end - 3);
    grouped = grouped === '' ? plain.slice(start, end) : `${plain.slice(start, end)},${grouped}`;
  }
  return `${currency} ${negative ? '-' : ''}${grouped}${plain.slice(wholeEnd)}`;
}

function zoned(at: number | string, timeZone: string): Temporal.ZonedDateTime {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

/**
 * An instant as local date and time with the zone's offset, RFC 3339:
 * `2026-10-14T10:00:00-04:00` (milliseconds only when there are any).
 */
export function localInstant(at: number | string, timeZone: string): string {
  const key = `${at}|${timeZone}`;
  let text = localInstants.get(key);
  if (text === undefined) {
    text = zoned(at, timeZone).toString({ timeZoneName: 'never', fractionalSecondDigits: 'auto' });
    if (localInstants.size >= 10_000) localInstants.clear();
    localInstants.set(key, text);
  }
  return text;
}

/**
 * Recent conversions: a statement run prints the same deadlines and monitoring starts for
 * thousands of customers in a zone, and Temporal takes microseconds each.
 */
const localInstants = new Map<string, string>();

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `October 2026` for `2026-10`. */
export function monthName(period: string): string {
  const [year, month] = period.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** `Oct 2026` for `2026-10`. */
export function shortMonthName(period: string): string {
  const [year, month] = period.split('-');
  return `${(MONTHS[Number(month) - 1] ?? month ?? '').slice(0, 3)} ${year}`;
}

/** `14 Oct 2026, 10:00` in the zone (the portal's style, ADR 061). */
export function localDateTimeText(at: number | string, timeZone: string): string {
  const local = zoned(at, timeZone);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return `${localDateText(at, timeZone)}, ${time}`;
}

/** `14 Oct 2026` in the zone. */
export function localDateText(at: number | string, timeZone: string): string {
  const local = zoned(at, timeZone);
  return `${local.day} ${(MONTHS[local.month - 1] ?? '').slice(0, 3)} ${local.year}`;
}

/** `+00:00`-style offset names a zone's local time on a date unambiguously. */
export function offsetAt(at: number | string, timeZone: string): string {
  return zoned(at, timeZone).offset;
}

/**
 * A duration in exact hundredths of a millisecond. The engine reports weighted downtime as the
 * nearest double to a whole number of hundredths (sla-accounting §6.7), which this recovers.
 */
function hundredthsOfMs(ms: number): bigint {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  return BigInt(Math.round(ms * 100));
}

/** Smallest integer ≥ a / b, for non-negative a and positive b. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * Minutes with two decimals, rounded up to the next hundredth of a minute (0.6 s): `42.00`,
 * `0.34` for 20 seconds. Rounding up means a duration is never shown shorter than it was and
 * a non-zero one never reads `0.00` (ADR 160); the JSON keeps the exact milliseconds.
 */
export function minutesText(ms: number): string {
  const hundredths = ceilDiv(hundredthsOfMs(ms), 60_000n);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/**
 * `h:mm`, rounded up to the whole minute: `0:42`, `3:00`, `49:30` (hours are not folded into
 * days). A non-zero duration under a minute reads `0:01`, never `0:00`.
 */
export function hoursMinutes(ms: number): string {
  const minutes = ceilDiv(hundredthsOfMs(ms), 6_000_000n);
  return `${minutes / 60n}:${String(minutes % 60n).padStart(2, '0')}`;
}

/** What the figures of a month are, in words (the CSV's `status`). */
export function statusWords(evaluation: Pick<EvaluationResult, 'status' | 'unmonitoredMs'>) {
  switch (evaluation.status) {
    case 'evaluated':
      return evaluation.unmonitoredMs > 0 ? 'partially measured' : 'measured';
    case 'not-monitored':
      return 'not monitored';
    case 'not-covered':
      return 'not covered';
    case 'no-eligible-time':
      return 'no eligible time';
  }
}

/** Whether the target was met: `met`, `missed`, or `not judged` (no figure). */
export function targetWords(met: boolean | null): 'met' | 'missed' | 'not judged' {
  return met === null ? 'not judged' : met ? 'met' : 'missed';
}

export const CLAIM_STATUS_WORDS: Record<ClaimStatus, string> = {
  submitted: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  credited: 'credited',
};

export const STATE_WORDS: Record<WindowState, string> = {
  major_outage: 'major outage',
  partial_outage: 'partial outage',
  degraded: 'degraded performance',
  maintenance: 'maintenance',
};

/** The portal's words for why a window was ignored (site/islands/account/format.ts). */
export const IGNORED_REASON_WORDS: Record<IgnoredReason, string> = {
  'outside-period': 'outside the month',
  'outside-coverage': 'outside the agreement’s coverage',
  'outside-monitoring': 'before monitoring of the service began',
  'announced-maintenance': 'announced maintenance',
  'zero-weight': 'counts zero under the policy',
  'below-minimum': 'shorter than the policy’s minimum outage',
  superseded: 'overlapped by a more severe window',
};

/** `30 %` for a weight of 0.3, exactly as the decimal reads. */
export function weightPercent(weight: number): string {
  const [whole = '0', fraction = ''] = String(weight).split('.');
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2) || '0');
  return `${hundredths} %`;
}
