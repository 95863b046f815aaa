// Calendar periods (months) and local days in an IANA time zone, via Temporal, so
// that DST, half-hour offsets and midnight gaps are the time-zone database's
// business and never offset arithmetic done by hand.
import { Temporal } from 'temporal-polyfill';
import { formatInstant } from './instant.ts';

/** One local calendar day as the half-open instant interval `[startMs, endMs)`. */
export interface LocalDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** A local calendar month as instants: `[startMs, endMs)`, and its local days in order. */
export interface PeriodBounds {
  /** `YYYY-MM`. */
  readonly period: string;
  readonly timeZone: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Calendar days in the month (28–31), whatever DST does to its length. */
  readonly daysInMonth: number;
  readonly days: readonly LocalDay[];
  /** `startMs` and `endMs` as RFC 3339 text (UTC), formatted once. */
  readonly startText: string;
  readonly endText: string;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `true` for `YYYY-MM` text with a month 01–12. */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/**
 * The canonical IANA name of a time zone (`asia/kolkata` → `Asia/Kolkata`), or
 * `undefined` when the name is unknown or is a UTC offset such as `+05:30`:
 * agreements follow a place's rules, never a fixed offset (spec §6.8).
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z]/.test(name)) return undefined;
  const cached = zoneNames.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let id: string | null = null;
  try {
    id = Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: name }).timeZoneId;
  } catch {
    id = null;
  }
  if (zoneNames.size >= CACHE_LIMIT) zoneNames.clear();
  zoneNames.set(name, id);
  return id ?? undefined;
}

/**
 * Epoch milliseconds of local 00:00 on `date` in `timeZone`. When 00:00 does not
 * exist (a DST gap at midnight) this is the first instant after the gap; when it
 * occurs twice, the earlier one: Temporal's `compatible` disambiguation (spec §2).
 */
export function localMidnightMs(date: Temporal.PlainDate, timeZone: string): number {
  return date.toPlainDateTime().toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

// What depends only on (zone, month) is computed once. A server sees a few zones and
// a few dozen months; the bound only keeps a pathological caller from growing it forever.
const CACHE_LIMIT = 50_000;
const zoneNames = new Map<string, string | null>();
const periodCache = new Map<string, PeriodBounds>();
const deadlineCache = new Map<string, number>();

/**
 * The period `YYYY-MM` in `timeZone` (an IANA name): `[local 00:00 on the 1st,
 * local 00:00 on the 1st of the next month)` as epoch milliseconds, with each
 * local day likewise. Memoised per (zone, month). Throws on a malformed period
 * or an unknown zone.
 */
export function periodBounds(period: string, timeZone: string): PeriodBounds {
  const key = `${timeZone}|${period}`;
  const cached = periodCache.get(key);
  if (cached !== undefined) return cached;
  const match = PERIOD.exec(period);
  if (match === null) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const first = Temporal.PlainDate.from({
    year: Number(match[1]),
    month: Number(match[2]),
    day: 1,
  });
  const days: LocalDay[] = [];
  let date = first;
  let startMs = localMidnightMs(date, timeZone);
  for (let i = 0; i < first.daysInMonth; i += 1) {
    const next = date.add({ days: 1 });
    const endMs = localMidnightMs(next, timeZone);
    days.push({ date: date.toString(), startMs, endMs });
    date = next;
    startMs = endMs;
  }
  const bounds: PeriodBounds = {
    period,
    timeZone,
    startMs: days[0]?.startMs ?? startMs,
    endMs: startMs,
    daysInMonth: first.daysInMonth,
    days,
    startText: formatInstant(days[0]?.startMs ?? startMs),
    endText: formatInstant(startMs),
  };
  if (periodCache.size >= CACHE_LIMIT) periodCache.clear();
  periodCache.set(key, bounds);
  return bounds;
}

/**
 * The claim deadline of a period (spec §3.13): local 00:00 of the day that is
 * `claimWindowDays` calendar days after the period's last day ends, as epoch
 * milliseconds. Counting calendar days, not 24-hour blocks, keeps it DST-safe.
 */
export function claimDeadlineMs(period: string, timeZone: string, claimWindowDays: number): number {
  const key = `${timeZone}|${period}|${claimWindowDays}`;
  const cached = deadlineCache.get(key);
  if (cached !== undefined) return cached;
  const deadlineMs = computeClaimDeadlineMs(period, timeZone, claimWindowDays);
  if (deadlineCache.size >= CACHE_LIMIT) deadlineCache.clear();
  deadlineCache.set(key, deadlineMs);
  return deadlineMs;
}

function computeClaimDeadlineMs(period: string, timeZone: string, claimWindowDays: number): number {
  const match = PERIOD.exec(period);
  if (match === null) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const afterLastDay = Temporal.PlainDate.from({
    year: Number(match[1]),
    month: Number(match[2]),
    day: 1,
  }).add({ months: 1 });
  return localMidnightMs(afterLastDay.add({ days: claimWindowDays }), timeZone);
}

const deadlineTexts = new Map<string, string>();

/** `claimDeadlineMs` as RFC 3339 text (UTC), memoised like it. */
export function claimDeadlineText(
  period: string,
  timeZone: string,
  claimWindowDays: number,
): string {
  const key = `${timeZone}|${period}|${claimWindowDays}`;
  let text = deadlineTexts.get(key);
  if (text === undefined) {
    text = formatInstant(claimDeadlineMs(period, timeZone, claimWindowDays));
    if (deadlineTexts.size >= CACHE_LIMIT) deadlineTexts.clear();
    deadlineTexts.set(key, text);
  }
  return text;
}

/** The period (`YYYY-MM`) in `timeZone` that contains the instant `epochMs`. */
export function periodOf(epochMs: number, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  return `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}`;
}

/** The period before or after `period` (`delta` months away). */
export function shiftPeriod(period: string, delta: number): string {
  const match = PERIOD.exec(period);
  if (match === null) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const date = Temporal.PlainYearMonth.from({
    year: Number(match[1]),
    month: Number(match[2]),
  }).add({
    months: delta,
  });
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}`;
}

/** Period bounds as RFC 3339 text, the shape of the result document's `period`. */
export function formatPeriodBounds(bounds: PeriodBounds): { start: string; end: string } {
  return { start: bounds.startText, end: bounds.endText };
}
