import type { ComponentChildren } from 'preact';
import type { components } from '../lib/api-schema.d.ts';
import { affectedComponents, componentChanges, duration } from '../lib/format.ts';
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, labelOf } from '../lib/labels.ts';
import { Time } from './Time.tsx';

/**
 * An incident's page below the site's header: title, status and impact, the facts, the
 * postmortem once written, and the timeline newest first. Rendered by Astro for
 * /incidents/{id}/ (static HTML, no JavaScript) and by the staff console's preview, so what
 * staff see before publishing is what the page will say.
 */

export type DetailIncident = Pick<
  components['schemas']['Incident'],
  | 'title'
  | 'impact'
  | 'status'
  | 'source'
  | 'startedAt'
  | 'resolvedAt'
  | 'components'
  | 'updates'
  | 'firstHumanUpdateAt'
  | 'timeToFirstHumanUpdateMs'
  | 'postmortem'
>;

type Level = 1 | 2 | 3 | 4;

function Heading(props: { level: Level; id?: string; children: ComponentChildren }) {
  const Tag = `h${Math.min(props.level, 6)}` as 'h1';
  return <Tag id={props.id}>{props.children}</Tag>;
}

/** Paragraphs of a plain text: split at blank lines, each line break kept (CSS pre-line). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** The postmortem as the incident's page shows it (also the staff console's preview). */
export function PostmortemSection(props: {
  postmortem: NonNullable<DetailIncident['postmortem']>;
  level: Level;
}) {
  const { postmortem } = props;
  return (
    <section class="postmortem">
      <Heading level={props.level}>Postmortem</Heading>
      <p class="meta">
        Published <Time at={postmortem.publishedAt} />
        {postmortem.updatedAt !== postmortem.publishedAt && (
          <>
            , revised <Time at={postmortem.updatedAt} />
          </>
        )}
      </p>
      {paragraphs(postmortem.body).map((paragraph) => (
        <p class="postmortem-text" key={paragraph}>
          {paragraph}
        </p>
      ))}
    </section>
  );
}

export function IncidentDetail(props: {
  incident: DetailIncident;
  nameOf: (slug: string) => string;
  /** The title's heading level; sections are one below. The public page uses 1. */
  level?: Level;
}) {
  const { incident, nameOf } = props;
  const level = props.level ?? 1;
  const section = (level + 1) as Level;
  const newestFirst = [...incident.updates].reverse();
  const resolvedAfter = incident.resolvedAt
    ? duration(Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt))
    : null;
  const firstHuman =
    incident.timeToFirstHumanUpdateMs !== null && incident.firstHumanUpdateAt !== null ? (
      <>
        {duration(incident.timeToFirstHumanUpdateMs)} after the start (
        <Time at={incident.firstHumanUpdateAt} />)
      </>
    ) : incident.status === 'resolved' ? (
      'None: this incident had automated updates only'
    ) : (
      'None yet'
    );
  return (
    <div class="incident-detail">
      <Heading level={level}>{incident.title}</Heading>
      <p>
        <span class="tag">{labelOf(INCIDENT_STATUS_LABELS, incident.status)}</span>{' '}
        <span class="tag">{labelOf(IMPACT_LABELS, incident.impact)}</span>
      </p>
      <dl class="facts">
        <dt>Affected</dt>
        <dd>
          {incident.components.length > 0
            ? affectedComponents(incident.components, nameOf)
            : 'No specific component'}
        </dd>
        <dt>Started</dt>
        <dd>
          <Time at={incident.startedAt} />
        </dd>
        <dt>Resolved</dt>
        <dd>
          {incident.resolvedAt ? (
            <>
              <Time at={incident.resolvedAt} />, after {resolvedAfter}
            </>
          ) : (
            'Not yet'
          )}
        </dd>
        <dt>First update from our team</dt>
        <dd>{firstHuman}</dd>
        <dt>Reported by</dt>
        <dd>{incident.source === 'ingest' ? 'Automated monitoring' : 'Our team'}</dd>
      </dl>

      {incident.postmortem && (
        <PostmortemSection postmortem={incident.postmortem} level={section} />
      )}

      <Heading level={section}>Updates, newest first</Heading>
      {newestFirst.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <ol class="timeline">
          {newestFirst.map((update) => (
            <li class={update.kind} key={update.id}>
              <p class="meta">
                <strong class="update-status">
                  {labelOf(INCIDENT_STATUS_LABELS, update.status)}
                </strong>{' '}
                · <Time at={update.createdAt} /> ·{' '}
                <span class="tag">
                  {update.kind === 'human' ? 'Written by our team' : 'Automated update'}
                </span>
              </p>
              {update.components.length > 0 && (
                <p class="update-components">{componentChanges(update.components, nameOf)}</p>
              )}
              <p class="update-body">{update.body}</p>
            </li>
          ))}
        </ol>
      )}
      <p class="note">
        Automated updates come from our monitoring; updates written by our team are marked as such.
      </p>
    </div>
  );
}
