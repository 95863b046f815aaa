/**
 * Words and numbers of the signed-in pages. Unlike the public pages (UTC, formatted by hand),
 * these show an agreement's figures in its own time zone, so they use Intl with that zone.
 * Dates and times are written by the shared helpers of the public pages ("16 Dec 2026, 00:00",
 * `Sep`, never en-GB's `Sept`); money uses Intl's en-GB style, which names its currency
 * unambiguously (US$, NZ$, €).
 */

import { clockIn, dateIn, shortDayLabel } from '../../lib/format.ts';

const LOCALE = 'en-GB';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** Digits after the decimal point of a currency's minor unit (ISO 4217: 2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  return moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `US$250.00` from 25000 minor units of USD. */
export function money(minor: number, currency: string): string {
  return moneyFormat(currency).format(minor / 10 ** minorDigits(currency));
}

/**
 * Minor units from an amount typed in major units (`1800`, `1,800.50`, `1800,5`): exact
 * decimal reading, no floating point. Null when the text is not such an amount or has more
 * decimals than the currency has.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[\s\u00a0']/g, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = (match[1] ?? '0').replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The same amount as plain text for an input (`1800.50`), without symbol or grouping. */
export function moneyInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  return `${whole}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}

/** `16 Dec 2026, 00:00` in the zone (the month names of the public pages: `Sep`, never `Sept`). */
export function zonedDateTime(at: string | number, timeZone: string): string {
  return `${dateIn(at, timeZone)}, ${clockIn(at, timeZone)}`;
}

/** `16 Dec 2026` in the zone. */
export function zonedDate(at: string | number, timeZone: string): string {
  return dateIn(at, timeZone);
}

/** `12 Oct 2026, 10:00–13:10` within a local day, else both ends in full. */
export function zonedRange(from: string, to: string, timeZone: string): string {
  const start = zonedDateTime(from, timeZone);
  const end = zonedDateTime(to, timeZone);
  const [startDay, startTime] = start.split(', ');
  const [endDay, endTime] = end.split(', ');
  if (startDay === endDay && startTime && endTime) return `${startDay}, ${startTime}–${endTime}`;
  return `${start} – ${end}`;
}

/** `Wed 14 Oct` for a local calendar date `YYYY-MM-DD` (for chart axes and day tables). */
export function dayOfMonth(isoDate: string): string {
  return shortDayLabel(isoDate);
}

/** `99.95 %` (the policy's decimal as written). */
export function percent(value: number): string {
  return `${String(value)}\u00a0%`;
}

/**
 * Time that was not measured, to the minute, with the days spelled out so a long stretch reads
 * at a glance: `15 days 0 h`, `1 day 20 h`, `5 h 30 min`, `45 min`.
 */
export function unmeasuredTime(ms: number): string {
  const totalMinutes = Math.round(ms / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  // No-break spaces keep each number with its unit when the line wraps.
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}\u00a0${days === 1 ? 'day' : 'days'}`, `${hours}\u00a0h`);
  else if (hours > 0) parts.push(`${hours}\u00a0h`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes}\u00a0min`);
  return parts.join(' ');
}

export const IGNORED_REASONS: Record<string, string> = {
  'outside-period': 'Outside the month',
  'outside-coverage': 'Outside the agreement’s coverage',
  'outside-monitoring': 'Before monitoring of the service began',
  'announced-maintenance': 'Announced maintenance',
  'zero-weight': 'Counts zero under the policy',
  'below-minimum': 'Shorter than the policy’s minimum outage',
  superseded: 'Overlapped by a more severe window',
};

/** `3 of 6` style counts: `1 window`, `2 windows`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
