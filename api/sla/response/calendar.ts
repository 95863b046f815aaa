// Calendars of response-time accounting (sla-response.md §1): `24x7`, where calendar
// time is elapsed time, and `business`, the agreement's weekly business hours in its
// zone minus holidays. Local times become instants exactly as periods do
// (sla-accounting.md §2, Temporal's `compatible`), each end of an interval on its own.
//
// A business calendar is a sorted list of disjoint instant intervals with prefix sums,
// so the business time of any [a, b) is two binary searches. It is built lazily, day by
// day, only as far as a query needs: a request open for months costs a few hundred days
// of cheap arithmetic, and a question such as "has the target passed by asOf?" stops
// building as soon as the answer is yes.
import { Temporal } from 'temporal-polyfill';
import { MS_PER_DAY, MS_PER_MINUTE } from '../instant.ts';
import { isPeriod, type LocalDay, periodBounds, periodOf, shiftPeriod } from '../period.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local business interval `[from, to)` as `HH:MM` text; `to` may be `24:00`. */
export type LocalInterval = readonly [from: string, to: string];

/** The agreement's business hours (sla-response.md §1), as validated by the schema. */
export interface BusinessHours {
  readonly schedule: Readonly<Record<Weekday, readonly LocalInterval[]>>;
  /** Local dates `YYYY-MM-DD` without business time. */
  readonly holidays: readonly string[];
}

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes after local midnight of `HH:MM` text (00:00–23:59), or of `24:00` (1440) when
 * `allowEndOfDay`; `undefined` for anything else.
 */
export function parseLocalTime(text: string, allowEndOfDay: boolean): number | undefined {
  if (text === '24:00') return allowEndOfDay ? 1440 : undefined;
  const match = LOCAL_TIME.exec(text);
  return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `true` for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** How time is counted for one objective. */
export interface ResponseCalendar {
  /** Calendar time of `[fromMs, toMs)` in whole milliseconds; 0 when `toMs ≤ fromMs`. */
  timeMs(fromMs: number, toMs: number): number;
  /**
   * `timeMs(fromMs, toMs) > thresholdMs`, building no more of the calendar than the
   * answer needs (a business calendar stops as soon as the threshold is passed).
   */
  exceeds(fromMs: number, toMs: number, thresholdMs: number): boolean;
}

/** `24x7`: calendar time is elapsed time. */
export const ROUND_THE_CLOCK: ResponseCalendar = {
  timeMs: (fromMs, toMs) => (toMs > fromMs ? toMs - fromMs : 0),
  exceeds: (fromMs, toMs, thresholdMs) => (toMs > fromMs ? toMs - fromMs : 0) > thresholdMs,
};

/** Weekly intervals in minutes, Monday first: `[from, to, from, to, …]` per weekday. */
type WeeklyMinutes = readonly (readonly number[])[];

function weeklyMinutes(hours: BusinessHours): WeeklyMinutes {
  return WEEKDAYS.map((weekday) => {
    const minutes: number[] = [];
    for (const [from, to] of hours.schedule[weekday]) {
      const fromMin = parseLocalTime(from, false);
      const toMin = parseLocalTime(to, true);
      if (fromMin === undefined || toMin === undefined || fromMin >= toMin) {
        throw new RangeError(`not a business interval: ${from}–${to}`);
      }
      minutes.push(fromMin, toMin);
    }
    return minutes;
  });
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

/** Monday = 0 … Sunday = 6 of a `YYYY-MM-DD` date. */
function weekdayOf(date: string): number {
  const days = daysFromCivil(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  );
  // 1970-01-01 was a Thursday (3).
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * Epoch ms of local `minutes` after 00:00 on `date` in `timeZone` (1440: 00:00 of the
 * next day), with Temporal's `compatible` disambiguation: a time in a DST gap moves
 * forward by the gap, a repeated time takes its earlier occurrence.
 */
function localToEpochMs(date: string, minutes: number, timeZone: string): number {
  let day = Temporal.PlainDate.from(date);
  let rest = minutes;
  if (rest === 1440) {
    day = day.add({ days: 1 });
    rest = 0;
  }
  return day
    .toPlainDateTime({ hour: Math.floor(rest / 60), minute: rest % 60 })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

// A local time converts to no earlier than (local 00:00 of its day) − the length of a DST
// gap, and no gap in the time-zone database reaches two days: the safety margin for which
// days can still add business time before or after a given instant.
const REACH_MS = 2 * MS_PER_DAY;

/**
 * A business calendar (sla-response.md §1) in `timeZone`, for queries from `fromMs` on:
 * the union of each local day's converted intervals, holidays left out. Days are built on
 * demand; a day of exactly 24 hours converts by adding minutes to its midnight, any other
 * day (a DST change) converts each interval end with Temporal on its own, and an interval
 * whose converted end is not after its start is empty.
 */
export class BusinessCalendar implements ResponseCalendar {
  readonly timeZone: string;
  readonly fromMs: number;
  private readonly weekly: WeeklyMinutes;
  private readonly holidays: ReadonlySet<string>;
  private readonly hasHours: boolean;
  /** Business intervals, sorted and disjoint, and the business time before each. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly before: number[] = [];
  /** The next local day to build: its month's days and its index in them. */
  private month: string;
  private days: readonly LocalDay[];
  private dayIndex: number;
  /** Every business instant before this one is already in the lists. */
  private completeMs = Number.NEGATIVE_INFINITY;

  constructor(hours: BusinessHours, timeZone: string, fromMs: number) {
    this.timeZone = timeZone;
    this.fromMs = fromMs;
    this.weekly = weeklyMinutes(hours);
    this.holidays = new Set(hours.holidays);
    this.hasHours = this.weekly.some((minutes) => minutes.length > 0);
    // Start a few days early: a day before `fromMs` may reach past it through a DST gap.
    // (Before year 0000 there is no month to start from, and no DST either.)
    const early = periodOf(fromMs - REACH_MS - MS_PER_DAY, timeZone);
    this.month = isPeriod(early) ? early : periodOf(fromMs, timeZone);
    this.days = periodBounds(this.month, timeZone).days;
    this.dayIndex = 0;
    for (let day = this.nextDay(); day !== undefined && day.endMs <= fromMs - REACH_MS; ) {
      this.dayIndex += 1;
      day = this.nextDay();
    }
  }

  timeMs(fromMs: number, toMs: number): number {
    if (toMs <= fromMs || !this.hasHours) return 0;
    return this.cumulativeMs(toMs) - this.cumulativeMs(fromMs);
  }

  exceeds(fromMs: number, toMs: number, thresholdMs: number): boolean {
    if (thresholdMs < 0) return true;
    if (toMs <= fromMs || !this.hasHours) return false;
    const baseMs = this.cumulativeMs(fromMs);
    while (this.completeMs < toMs) {
      // Business time only grows: once past the threshold, the rest cannot undo it.
      if (this.cumulativeMs(Math.min(this.completeMs, toMs)) - baseMs > thresholdMs) return true;
      for (let i = 0; i < 7 && this.completeMs < toMs; i += 1) this.buildDay();
    }
    return this.cumulativeMs(toMs) - baseMs > thresholdMs;
  }

  /** Business time in `[fromMs of the first built day, atMs)`: only differences mean anything. */
  private cumulativeMs(atMs: number): number {
    if (atMs < this.fromMs) throw new RangeError('business time asked before the calendar start');
    while (this.completeMs < atMs) this.buildDay();
    const { starts } = this;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((starts[mid] as number) <= atMs) low = mid + 1;
      else high = mid;
    }
    const i = low - 1;
    if (i < 0) return 0;
    const startMs = starts[i] as number;
    return (this.before[i] as number) + Math.min(atMs, this.ends[i] as number) - startMs;
  }

  /** The next local day to build; `undefined` past year 9999, where instants of §1 end. */
  private nextDay(): LocalDay | undefined {
    if (this.dayIndex >= this.days.length) {
      const month = shiftPeriod(this.month, 1);
      if (!isPeriod(month)) return undefined;
      this.month = month;
      this.days = periodBounds(month, this.timeZone).days;
      this.dayIndex = 0;
    }
    return this.days[this.dayIndex];
  }

  private buildDay(): void {
    const day = this.nextDay();
    if (day === undefined) {
      this.completeMs = Number.POSITIVE_INFINITY;
      return;
    }
    this.dayIndex += 1;
    if (!this.holidays.has(day.date)) {
      const minutes = this.weekly[weekdayOf(day.date)] as readonly number[];
      // The common day: no DST change, so local time is midnight plus minutes.
      const plain = day.endMs - day.startMs === MS_PER_DAY;
      for (let k = 0; k < minutes.length; k += 2) {
        const fromMin = minutes[k] as number;
        const toMin = minutes[k + 1] as number;
        const startMs = plain
          ? day.startMs + fromMin * MS_PER_MINUTE
          : localToEpochMs(day.date, fromMin, this.timeZone);
        const endMs = plain
          ? day.startMs + toMin * MS_PER_MINUTE
          : localToEpochMs(day.date, toMin, this.timeZone);
        if (endMs > startMs) this.add(startMs, endMs);
      }
    }
    this.completeMs = (this.nextDay()?.startMs ?? Number.POSITIVE_INFINITY) - REACH_MS;
  }

  /** Adds `[startMs, endMs)` to the union, keeping the lists sorted and disjoint. */
  private add(startMs: number, endMs: number): void {
    const { starts, ends, before } = this;
    const last = starts.length - 1;
    if (last < 0 || startMs > (ends[last] as number)) {
      starts.push(startMs);
      ends.push(endMs);
      before.push(
        last < 0 ? 0 : (before[last] as number) + (ends[last] as number) - (starts[last] as number),
      );
      return;
    }
    if (startMs >= (starts[last] as number)) {
      // Touching or overlapping the last interval (`…–12:00` then `12:00–…`): one interval.
      ends[last] = Math.max(ends[last] as number, endMs);
      return;
    }
    // Rare (a DST gap can move an interval before the previous one's end): take the
    // intervals it meets off the end, merge, and put the union back.
    const pending: [number, number][] = [[startMs, endMs]];
    while (starts.length > 0 && (ends[starts.length - 1] as number) >= startMs) {
      pending.push([starts.pop() as number, ends.pop() as number]);
      before.pop();
    }
    pending.sort((a, b) => a[0] - b[0]);
    for (const [s, e] of pending) {
      const top = starts.length - 1;
      if (top >= 0 && s <= (ends[top] as number)) {
        ends[top] = Math.max(ends[top] as number, e);
      } else {
        starts.push(s);
        ends.push(e);
        before.push(
          top < 0 ? 0 : (before[top] as number) + (ends[top] as number) - (starts[top] as number),
        );
      }
    }
  }
}

// Calendars are shared by every case with the same zone, hours and period start (a year
// of statements, or one case's many requests). The bound keeps a long-lived server from
// growing the memo forever.
const CALENDAR_LIMIT = 64;
const calendars = new Map<string, BusinessCalendar>();

/** The business calendar of `hours` in `timeZone` for queries from `fromMs` on, memoised. */
export function businessCalendar(
  hours: BusinessHours,
  timeZone: string,
  fromMs: number,
): BusinessCalendar {
  const key = `${timeZone}|${fromMs}|${JSON.stringify(hours)}`;
  const memo = calendars.get(key);
  if (memo !== undefined) return memo;
  const calendar = new BusinessCalendar(hours, timeZone, fromMs);
  if (calendars.size >= CALENDAR_LIMIT) calendars.clear();
  calendars.set(key, calendar);
  return calendar;
}
