import type { components } from '../lib/api-schema.d.ts';
import { affectedComponents, duration } from '../lib/format.ts';
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, labelOf } from '../lib/labels.ts';
import { Time } from './Time.tsx';

/**
 * One incident as a card: title (linking to its page), status, impact, start, how long, the
 * affected components with their status, and the latest update. The one rendering of a card:
 * the static pages (history, built by Astro without hydration), the live status island and
 * the staff console's preview all use it, so the three cannot say different things. Its
 * times are in `timeZone` (UTC unless the live island passes the visitor's; the static
 * pages' are rewritten by site/scripts/local-time.ts).
 */

export type CardIncident = Pick<
  components['schemas']['IncidentSummary'],
  'id' | 'title' | 'impact' | 'status' | 'startedAt' | 'resolvedAt' | 'components' | 'latestUpdate'
>;

export function IncidentCard(props: {
  incident: CardIncident;
  nameOf: (slug: string) => string;
  headingLevel?: 'h2' | 'h3';
  timeZone?: string | undefined;
}) {
  const { incident, nameOf } = props;
  const Heading = props.headingLevel ?? 'h3';
  const latest = incident.latestUpdate;
  return (
    <li
      class={`card impact-${incident.impact}`}
      data-services={incident.components.map((component) => component.service).join(' ')}
    >
      <Heading>
        <a href={`/incidents/${incident.id}/`}>{incident.title}</a>
      </Heading>
      <p class="meta">
        <span class="tag">{labelOf(INCIDENT_STATUS_LABELS, incident.status)}</span>{' '}
        <span class="tag">{labelOf(IMPACT_LABELS, incident.impact)}</span> Started{' '}
        <Time at={incident.startedAt} timeZone={props.timeZone} />
        {incident.resolvedAt
          ? ` · resolved after ${duration(Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt))}`
          : ' · not resolved yet'}
        {incident.components.length > 0 &&
          ` · Affects ${affectedComponents(incident.components, nameOf)}`}
      </p>
      {latest && (
        <p class="latest">
          <span class="kind">
            {latest.kind === 'human' ? 'Our team' : 'Automated monitor'},{' '}
            <Time at={latest.createdAt} timeZone={props.timeZone} />:
          </span>{' '}
          {latest.body}
        </p>
      )}
    </li>
  );
}

/**
 * Incidents as a list of cards: the static pages (IncidentList.astro) and the live island
 * (its active incidents) render the same list.
 */
export function IncidentCards(props: {
  incidents: CardIncident[];
  nameOf: (slug: string) => string;
  headingLevel?: 'h2' | 'h3';
  timeZone?: string | undefined;
}) {
  return (
    <ul class="cards">
      {props.incidents.map((incident) => (
        <IncidentCard
          incident={incident}
          nameOf={props.nameOf}
          key={incident.id}
          {...(props.headingLevel ? { headingLevel: props.headingLevel } : {})}
          {...(props.timeZone ? { timeZone: props.timeZone } : {})}
        />
      ))}
    </ul>
  );
}
