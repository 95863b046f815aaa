import { getAllIncidents, getStatus, type IncidentSummaryDto } from './api.ts';
import { utcMonth } from './format.ts';

export interface HistoryMonth {
  /** `YYYY-MM` (UTC). */
  month: string;
  /** Incidents that started in the month, newest first. */
  incidents: IncidentSummaryDto[];
}

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * Every month from the first one with data (a service monitored or an incident) to the
 * current one, newest first, each with its incidents: the history is paged by month.
 */
export function historyMonths(): Promise<HistoryMonth[]> {
  months ??= collectMonths();
  return months;
}

let months: Promise<HistoryMonth[]> | undefined;

async function collectMonths(): Promise<HistoryMonth[]> {
  const [status, incidents] = await Promise.all([getStatus(), getAllIncidents()]);
  const current = utcMonth(status.generatedAt);
  const starts = [
    ...status.services.map((service) => utcMonth(service.monitoredSince)),
    ...incidents.map((incident) => utcMonth(incident.startedAt)),
  ].sort();
  const list: HistoryMonth[] = [];
  for (let month = starts[0] ?? current; month <= current; month = nextMonth(month)) {
    list.unshift({
      month,
      incidents: incidents.filter((incident) => utcMonth(incident.startedAt) === month),
    });
  }
  return list;
}

/** Incidents grouped by the UTC month they started in, newest month first (empty ones left out). */
export function byMonth(
  incidents: IncidentSummaryDto[],
): { month: string; incidents: IncidentSummaryDto[] }[] {
  const groups: { month: string; incidents: IncidentSummaryDto[] }[] = [];
  for (const incident of incidents) {
    const month = utcMonth(incident.startedAt);
    const group = groups.find((candidate) => candidate.month === month);
    if (group) group.incidents.push(incident);
    else groups.push({ month, incidents: [incident] });
  }
  return groups.sort((a, b) => b.month.localeCompare(a.month));
}

/** The services a visitor can filter the history by: those on the status page, in its order. */
export async function historyComponents(): Promise<{ slug: string; name: string }[]> {
  const status = await getStatus();
  return status.services.map((service) => ({ slug: service.slug, name: service.name }));
}
