import type { components } from '../lib/api-schema.d.ts';
import { duration, utcDateTime, utcRange } from '../lib/format.ts';

/**
 * One maintenance as a card, linking to its own page: what, its status, when (UTC), how long,
 * which services. Shared by the static maintenance list and the live status island.
 */

export type CardMaintenance = Pick<
  components['schemas']['Maintenance'],
  | 'id'
  | 'title'
  | 'description'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'startedEarlyAt'
  | 'completedEarlyAt'
  | 'services'
>;

export const MAINTENANCE_STATUS_LABELS: Record<string, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  draft: 'Draft',
};

/** `Started early at 30 Nov 2026, 01:30 UTC`, `completed early …`, or nothing. */
export function earlyNote(item: Pick<CardMaintenance, 'startedEarlyAt' | 'completedEarlyAt'>) {
  const notes = [
    item.startedEarlyAt ? `started early at ${utcDateTime(item.startedEarlyAt)}` : null,
    item.completedEarlyAt ? `completed early at ${utcDateTime(item.completedEarlyAt)}` : null,
  ].filter((note): note is string => note !== null);
  if (notes.length === 0) return null;
  const text = notes.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function MaintenanceCard(props: {
  item: CardMaintenance;
  names: (slugs: string[]) => string;
}) {
  const { item } = props;
  const note = earlyNote(item);
  return (
    <li class="card maintenance">
      <h3>
        <a href={`/maintenance/${item.id}/`}>{item.title}</a>
      </h3>
      <p class="meta">
        <span class="tag">{MAINTENANCE_STATUS_LABELS[item.status] ?? item.status}</span>{' '}
        <time dateTime={item.startsAt}>{utcRange(item.startsAt, item.endsAt)}</time>
        {` (${duration(Date.parse(item.endsAt) - Date.parse(item.startsAt))})`}
        {item.services.length > 0 && ` · Affects ${props.names(item.services)}`}
      </p>
      {note && <p class="meta">{note}</p>}
      {item.description && <p>{item.description}</p>}
    </li>
  );
}
