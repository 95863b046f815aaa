import type { components } from './api-client.ts';
import { duration, utcDate, utcDateTime } from './format.ts';
import { WINDOW_STATE_LABELS } from './labels.ts';

type UptimeDay = components['schemas']['UptimeDay'];
type UptimeSummary = components['schemas']['UptimeSummary'];

/**
 * A day of the 90-day bar, classified by its downtime (default weights, UTC day):
 * `none` before monitoring began (never shown as up), `major` from this much weighted
 * downtime, `minor` below it or for degraded performance, `maintenance` for a day whose
 * only event was maintenance, `ok` otherwise.
 */
export const MAJOR_DAY_DOWNTIME_MS = 30 * 60_000;

export type DayLevel = 'none' | 'ok' | 'minor' | 'major' | 'maintenance';

export function dayLevel(day: UptimeDay): DayLevel {
  if (day.noData || day.downtimeMs === null) return 'none';
  if (day.downtimeMs >= MAJOR_DAY_DOWNTIME_MS) return 'major';
  if (day.downtimeMs > 0 || (day.degradedMs ?? 0) > 0) return 'minor';
  if ((day.maintenanceMs ?? 0) > 0) return 'maintenance';
  return 'ok';
}

export const LEVEL_LABELS: Record<DayLevel, string> = {
  ok: 'No downtime',
  minor: 'Minor disruption',
  major: 'Major disruption',
  maintenance: 'Maintenance',
  none: 'No data',
};

/** What the legend says each colour means. */
export const LEVEL_MEANINGS: Record<DayLevel, string> = {
  ok: 'no downtime',
  minor: `under ${duration(MAJOR_DAY_DOWNTIME_MS)} of downtime, or degraded performance`,
  major: `${duration(MAJOR_DAY_DOWNTIME_MS)} or more of downtime`,
  maintenance: 'planned maintenance, no downtime',
  none: 'not monitored yet',
};

/** The sentence under a day's date: its class and downtime, in words. */
export function daySummary(day: UptimeDay): string {
  const level = dayLevel(day);
  const downtimeMs = day.downtimeMs ?? 0;
  switch (level) {
    case 'none':
      return 'No data: the service was not monitored yet.';
    case 'ok':
      return 'No downtime.';
    case 'maintenance':
      return 'Maintenance, no downtime.';
    default:
      return downtimeMs === 0
        ? `${LEVEL_LABELS[level]}: degraded performance, no downtime.`
        : `${LEVEL_LABELS[level]}: ${duration(downtimeMs)} of downtime.`;
  }
}

/** The states behind a day's figure, most severe first, e.g. `Major outage: 40 min`. */
export function dayBreakdown(day: UptimeDay): string[] {
  const parts: [string, number][] = [
    [WINDOW_STATE_LABELS.major_outage, day.majorMs ?? 0],
    [WINDOW_STATE_LABELS.partial_outage, day.partialMs ?? 0],
    [WINDOW_STATE_LABELS.degraded, day.degradedMs ?? 0],
    [WINDOW_STATE_LABELS.maintenance, day.maintenanceMs ?? 0],
  ];
  return parts.filter(([, ms]) => ms > 0).map(([name, ms]) => `${name}: ${duration(ms)}`);
}

const DAY_MS = 86_400_000;

/** Days a bar shows on a wide screen, and on a narrow one (a phone), in rows of ROW_DAYS. */
export const BAR_DAYS = 90;
export const NARROW_BAR_DAYS = 30;
export const ROW_DAYS = 10;

/** One uptime figure as the page prints it: the value (`—` without one) and what it covers. */
export interface UptimeFigure {
  value: string;
  span: string;
}

function figureOf(summary: UptimeSummary): UptimeFigure {
  const value = summary.uptimeDisplay === null ? '—' : `${summary.uptimeDisplay}\u00a0%`;
  if (summary.uptimeDisplay === null) {
    if (summary.monitoredMs === 0) return { value, span: '(not monitored yet)' };
    const since =
      summary.monitoringBegan === null ? '' : `, since ${utcDateTime(summary.monitoringBegan)}`;
    return { value, span: `(monitored for less than a day${since})` };
  }
  if (summary.monitoringBegan === null) return { value, span: `over ${summary.days} days` };
  // Whole days of monitored time, rounded down: never more than was measured.
  const days = Math.floor(summary.monitoredMs / DAY_MS);
  return {
    value,
    span: `since monitoring began on ${utcDate(summary.monitoringBegan)} (${days} ${days === 1 ? 'day' : 'days'})`,
  };
}

/**
 * The uptime figures under a bar (docs/decisions/096): each over its window's monitored time.
 * When monitoring began within the last 30 days both windows hold the same monitored time, so
 * the one figure is given once; before a full day of monitoring there is no figure (`—`).
 */
export function uptimeFigures(last30: UptimeSummary, last90: UptimeSummary): UptimeFigure[] {
  if (last30.monitoringBegan !== null) return [figureOf(last90)];
  return [figureOf(last30), figureOf(last90)];
}
