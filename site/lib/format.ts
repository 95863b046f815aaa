/**
 * Words and numbers the public pages print, shared by the static pages and the live island.
 * Everything is UTC and formatted by hand (no Intl): the build (Node) and the browser must
 * print exactly the same text, whatever their locale, time zone or ICU version.
 */

const MONTHS = [
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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `14:05 UTC` */
export function utcTime(at: string | number): string {
  const date = new Date(at);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `27 Nov 2026` */
export function utcDate(at: string | number): string {
  const date = new Date(at);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `Fri 27 Nov 2026` for a calendar date `YYYY-MM-DD` (a UTC day). */
export function dayLabel(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${utcDate(date.getTime())}`;
}

/** `27 Nov 2026, 14:05 UTC` */
export function utcDateTime(at: string | number): string {
  return `${utcDate(at)}, ${utcTime(at)}`;
}

/**
 * A span of time: `30 Nov 2026, 02:00–04:00 UTC` within a day,
 * `30 Nov 2026, 22:00 UTC to 1 Dec 2026, 02:00 UTC` across days.
 */
export function utcRange(from: string | number, to: string | number): string {
  if (utcDate(from) === utcDate(to)) {
    return `${utcDate(from)}, ${utcTime(from).replace(' UTC', '')}–${utcTime(to)}`;
  }
  return `${utcDateTime(from)} to ${utcDateTime(to)}`;
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

export type ServiceStateName =
  | 'operational'
  | 'degraded'
  | 'maintenance'
  | 'partial_outage'
  | 'major_outage';

export const STATE_LABELS: Record<ServiceStateName, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  maintenance: 'Under maintenance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/** A component of an incident and the status staff hold it in (a subset of the states). */
export interface ComponentStatusLike {
  service: string;
  status: ServiceStateName;
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
        : `${nameOf(component.service)} (${STATE_LABELS[component.status]})`,
    )
    .join(', ');
}

/** What an update set: `Public API: Major outage, Website: Operational`. */
export function componentChanges(
  components: readonly ComponentStatusLike[],
  nameOf: (slug: string) => string,
): string {
  return components
    .map((component) => `${nameOf(component.service)}: ${STATE_LABELS[component.status]}`)
    .join(', ');
}

export const IMPACT_LABELS: Record<string, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};

export const INCIDENT_STATUS_LABELS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
