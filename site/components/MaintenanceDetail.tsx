import type { components } from '../lib/api-schema.d.ts';
import { duration } from '../lib/format.ts';
import { MAINTENANCE_STATUS_LABELS } from '../lib/labels.ts';
import { paragraphs } from './IncidentDetail.tsx';
import { Time } from './Time.tsx';

/**
 * A maintenance's own page below the site's header (/maintenance/{id}/): what, when,
 * which services, when it was announced, and how it went (started or completed early,
 * cancelled). Also the staff console's preview of a plan.
 */

export type DetailMaintenance = Pick<
  components['schemas']['Maintenance'],
  | 'title'
  | 'description'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'publishedAt'
  | 'cancelledAt'
  | 'startedEarlyAt'
  | 'completedEarlyAt'
  | 'endedAt'
  | 'services'
>;

export function MaintenanceDetail(props: {
  item: DetailMaintenance;
  names: (slugs: string[]) => string;
  /** The title's heading level; the public page uses 1. */
  level?: 1 | 2 | 3;
}) {
  const { item } = props;
  const Title = `h${props.level ?? 1}` as 'h1';
  return (
    <div class="maintenance-detail">
      <Title>{item.title}</Title>
      <p>
        <span class="tag">{MAINTENANCE_STATUS_LABELS[item.status]}</span>
      </p>
      <dl class="facts">
        <dt>When</dt>
        <dd>
          <Time at={item.startsAt} end={item.endsAt} format="range" /> (
          {duration(Date.parse(item.endsAt) - Date.parse(item.startsAt))})
        </dd>
        <dt>Affected</dt>
        <dd>{item.services.length > 0 ? props.names(item.services) : 'No specific service'}</dd>
        <dt>Announced</dt>
        <dd>{item.publishedAt ? <Time at={item.publishedAt} /> : 'Not yet'}</dd>
        {item.startedEarlyAt && (
          <>
            <dt>Started early</dt>
            <dd>
              <Time at={item.startedEarlyAt} />, before the announced start: the time until{' '}
              <Time at={item.startsAt} /> was not announced in advance.
            </dd>
          </>
        )}
        {item.cancelledAt && (
          <>
            <dt>Cancelled</dt>
            <dd>
              <Time at={item.cancelledAt} />
            </dd>
          </>
        )}
        {item.completedEarlyAt && (
          <>
            <dt>Completed early</dt>
            <dd>
              <Time at={item.completedEarlyAt} />
            </dd>
          </>
        )}
        {item.endedAt && !item.completedEarlyAt && (
          <>
            <dt>Ended</dt>
            <dd>
              <Time at={item.endedAt} />
            </dd>
          </>
        )}
      </dl>
      {paragraphs(item.description).map((paragraph) => (
        <p class="update-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
    </div>
  );
}
