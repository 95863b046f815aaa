import type { components } from '../lib/api-schema.d.ts';
import { duration } from '../lib/format.ts';
import { MAINTENANCE_STATUS_LABELS } from '../lib/labels.ts';
import { Time } from './Time.tsx';

/**
 * One maintenance as a card, linking to its own page: what, its status, when, how long,
 * which services. Shared by the static maintenance list and the live status island (times in
 * `timeZone`, as IncidentCard).
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

/** `Started early at 30 Nov 2026, 01:30 UTC`, `completed early …`, or nothing. */
export function EarlyNote(props: {
  item: Pick<CardMaintenance, 'startedEarlyAt' | 'completedEarlyAt'>;
  timeZone?: string | undefined;
}) {
  const { startedEarlyAt, completedEarlyAt } = props.item;
  if (!startedEarlyAt && !completedEarlyAt) return null;
  return (
    <p class="meta">
      {startedEarlyAt && (
        <>
          Started early at <Time at={startedEarlyAt} timeZone={props.timeZone} />
        </>
      )}
      {startedEarlyAt && completedEarlyAt && ', completed'}
      {!startedEarlyAt && completedEarlyAt && 'Completed'}
      {completedEarlyAt && (
        <>
          {' '}
          early at <Time at={completedEarlyAt} timeZone={props.timeZone} />
        </>
      )}
      .
    </p>
  );
}

export function MaintenanceCard(props: {
  item: CardMaintenance;
  names: (slugs: string[]) => string;
  timeZone?: string | undefined;
}) {
  const { item } = props;
  return (
    <li class="card maintenance">
      <h3>
        <a href={`/maintenance/${item.id}/`}>{item.title}</a>
      </h3>
      <p class="meta">
        <span class="tag">{MAINTENANCE_STATUS_LABELS[item.status]}</span>{' '}
        <Time at={item.startsAt} end={item.endsAt} format="range" timeZone={props.timeZone} />
        {` (${duration(Date.parse(item.endsAt) - Date.parse(item.startsAt))})`}
        {item.services.length > 0 && ` · Affects ${props.names(item.services)}`}
      </p>
      <EarlyNote item={item} timeZone={props.timeZone} />
      {item.description && <p>{item.description}</p>}
    </li>
  );
}
