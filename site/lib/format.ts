/**
 * Words and numbers the public pages print, shared by the static pages and the live island.
 * One style: `27 Nov 2026, 14:05 UTC`, English month abbreviations of three letters (never
 * ICU's en-GB "Sept"). UTC is computed by hand, so the build (Node) and every browser print exactly
 * the same text whatever their locale, zone or ICU version; another zone takes only the
 * calendar fields from Intl and is worded here the same way.
 */
import { SERVICE_STATE_LABELS, type ServiceState } from './labels.ts';

export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const MONTH_NAMES = [
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
] as const;

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar fields of an instant in a time zone (month 1–12, weekday 0 = Sunday). */
export interface ZonedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

/** Fields of `at` in `timeZone` (an IANA name; `UTC` needs no Intl). */
export function fieldsIn(at: string | number, timeZone: string): ZonedFields {
  const date = new Date(at);
  if (timeZone === 'UTC') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      weekday: date.getUTCDay(),
    };
  }
  let format = fieldFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    fieldFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((item) => item.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    // Some engines print midnight as 24 even with h23.
    hour: Number(part('hour')) % 24,
    minute: Number(part('minute')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')),
  };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * How a time is labelled in a zone: `UTC`, or the zone's offset at that instant, `UTC+1`,
 * `UTC−5`, `UTC+5:30` (an offset says exactly which time is meant, where abbreviations
 * such as CST are ambiguous).
 */
export function zoneLabel(at: string | number, timeZone: string): string {
  if (timeZone === 'UTC') return 'UTC';
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name =
    format.formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const offset = name.replace(/^GMT/, '').replace('-', '\u2212');
  return `UTC${offset === '' ? '+0' : offset}`;
}

/** `14:05` in the zone, unlabelled. */
export function clockIn(at: string | number, timeZone: string): string {
  const fields = fieldsIn(at, timeZone);
  return `${pad(fields.hour)}:${pad(fields.minute)}`;
}

/** `27 Nov 2026` in the zone. */
export function dateIn(at: string | number, timeZone: string): string {
  const fields = fieldsIn(at, timeZone);
  return `${fields.day} ${MONTHS[fields.month - 1]} ${fields.year}`;
}

/** `14:05 UTC`, `15:05 UTC+1`. */
export function timeIn(at: string | number, timeZone: string): string {
  return `${clockIn(at, timeZone)} ${zoneLabel(at, timeZone)}`;
}

/** `27 Nov 2026, 14:05 UTC` */
export function dateTimeIn(at: string | number, timeZone: string): string {
  return `${dateIn(at, timeZone)}, ${timeIn(at, timeZone)}`;
}

/**
 * A span of time: `30 Nov 2026, 02:00–04:00 UTC` within a day (and one offset),
 * `30 Nov 2026, 22:00 UTC to 1 Dec 2026, 02:00 UTC` across days.
 */
export function rangeIn(from: string | number, to: string | number, timeZone: string): string {
  if (dateIn(from, timeZone) === dateIn(to, timeZone)) {
    const label = zoneLabel(to, timeZone);
    if (zoneLabel(from, timeZone) === label) {
      return `${dateIn(from, timeZone)}, ${clockIn(from, timeZone)}–${clockIn(to, timeZone)} ${label}`;
    }
  }
  return `${dateTimeIn(from, timeZone)} to ${dateTimeIn(to, timeZone)}`;
}

/** How a `<time>` element of the public pages words its instant (see `timeText`). */
export type TimeFormat = 'date' | 'time' | 'datetime' | 'range';

/**
 * The text of a `<time datetime>` of the public pages in a zone: the static pages print it
 * in UTC, and site/scripts/local-time.ts prints it again in the visitor's zone.
 */
export function timeText(
  format: TimeFormat,
  at: string | number,
  end: string | number | null,
  timeZone: string,
): string {
  switch (format) {
    case 'date':
      return dateIn(at, timeZone);
    case 'time':
      return timeIn(at, timeZone);
    case 'range':
      return end === null ? dateTimeIn(at, timeZone) : rangeIn(at, end, timeZone);
    default:
      return dateTimeIn(at, timeZone);
  }
}

/** `14:05 UTC` */
export function utcTime(at: string | number): string {
  return timeIn(at, 'UTC');
}

/** `27 Nov 2026` */
export function utcDate(at: string | number): string {
  return dateIn(at, 'UTC');
}

/** `Fri 27 Nov 2026` for a calendar date `YYYY-MM-DD` (a UTC day). */
export function dayLabel(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${utcDate(date.getTime())}`;
}

/** `Fri 27 Nov` for a calendar date `YYYY-MM-DD`: a day of the current stretch. */
export function shortDayLabel(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** `27 Nov 2026, 14:05 UTC` */
export function utcDateTime(at: string | number): string {
  return dateTimeIn(at, 'UTC');
}

/**
 * A span of time: `30 Nov 2026, 02:00–04:00 UTC` within a day,
 * `30 Nov 2026, 22:00 UTC to 1 Dec 2026, 02:00 UTC` across days.
 */
export function utcRange(from: string | number, to: string | number): string {
  return rangeIn(from, to, 'UTC');
}

/** `November 2026` for `2026-11`. */
export function monthLabel(month: string): string {
  const [year, index] = month.split('-');
  return `${MONTH_NAMES[Number(index) - 1]} ${year}`;
}

/** The UTC month of an instant, `YYYY-MM`. */
export function utcMonth(at: string | number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/**
 * A length of time in whole minutes: `3 h 10 min`, `45 min`, `2 days 4 h`; anything above
 * zero but under a minute is `under 1 min`, so a short blip never reads as none.
 */
export function duration(ms: number): string {
  if (ms <= 0) return '0 min';
  const totalMinutes = Math.round(ms / 60_000);
  if (totalMinutes < 1) return 'under 1 min';
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** A component of an incident and the status staff hold it in (a subset of the states). */
export interface ComponentStatusLike {
  service: string;
  status: ServiceState;
}

/**
 * An incident's affected components by name, each with its status where it is not
 * operational: `Public API (Major outage), Website`.
 */
export function affectedComponents(
  components: readonly ComponentStatusLike[],
  nameOf: (slug: string) => string,
): string {
  return components
    .map((component) =>
      component.status === 'operational'
        ? nameOf(component.service)
        : `${nameOf(component.service)} (${SERVICE_STATE_LABELS[component.status]})`,
    )
    .join(', ');
}

/** What an update set: `Public API: Major outage, Website: Operational`. */
export function componentChanges(
  components: readonly ComponentStatusLike[],
  nameOf: (slug: string) => string,
): string {
  return components
    .map((component) => `${nameOf(component.service)}: ${SERVICE_STATE_LABELS[component.status]}`)
    .join(', ');
}
