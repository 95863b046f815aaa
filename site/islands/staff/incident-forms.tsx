import { useRef } from 'preact/hooks';
import { IncidentCard } from '../../components/IncidentCard.tsx';
import { IncidentDetail } from '../../components/IncidentDetail.tsx';
import { apiClient, call } from '../../lib/api-client.ts';
import {
  IMPACT_LABELS,
  INCIDENT_STATUS_LABELS,
  labelOf,
  SERVICE_STATE_LABELS,
} from '../../lib/labels.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import {
  COMPONENT_STATUSES,
  type ComponentStatus,
  type Schemas,
  type ServiceItem,
} from './oncall.tsx';

/**
 * The parts of the incident forms: components with a status each, the message with saved
 * templates, and the preview of what the public pages will show.
 */

export type Incident = Schemas['Incident'];
export type IncidentStatus = Incident['status'];
export type IncidentImpact = Incident['impact'];
export type Template = Schemas['IncidentTemplate'];

export const INCIDENT_STATUSES: IncidentStatus[] = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
];
export const IMPACTS: IncidentImpact[] = ['none', 'minor', 'major', 'critical'];

export const statusLabel = (status: string) => labelOf(INCIDENT_STATUS_LABELS, status);
export const impactLabel = (impact: string) => labelOf(IMPACT_LABELS, impact);

/** Slug → chosen status; a slug absent is not affected (or, on an update, left as it is). */
export type ComponentChoice = Record<string, ComponentStatus | ''>;

/**
 * One select per service: "Not affected" or a status. On an update, a component the incident
 * already lists shows its status and cannot be dropped here (an update moves statuses; the
 * timeline keeps each move).
 */
export function ComponentPicker(props: {
  idPrefix: string;
  services: readonly ServiceItem[];
  choice: ComponentChoice;
  /** The incident's components now (on an update). */
  current?: Record<string, ComponentStatus>;
  /** Resolving returns every component to operational: nothing to choose. */
  locked?: string | null;
  problem?: string | undefined;
  onChange: (choice: ComponentChoice) => void;
}) {
  const { services, choice, current = {} } = props;
  return (
    <fieldset
      aria-describedby={props.problem ? `${props.idPrefix}-components-problem` : undefined}
      id={`${props.idPrefix}-components`}
      tabIndex={-1}
    >
      <legend>Affected components and their status</legend>
      {props.locked && <p class="hint">{props.locked}</p>}
      {props.problem && (
        <p class="field-problem" id={`${props.idPrefix}-components-problem`}>
          {props.problem}
        </p>
      )}
      <div class="component-grid">
        {services.map((service) => {
          const id = `${props.idPrefix}-component-${service.slug}`;
          const listed = current[service.slug];
          const value = choice[service.slug] ?? listed ?? '';
          return (
            <div class="field" key={service.slug}>
              <label for={id}>{service.name}</label>
              <select
                id={id}
                value={value}
                disabled={Boolean(props.locked)}
                onChange={(event) =>
                  props.onChange({
                    ...choice,
                    [service.slug]: event.currentTarget.value as ComponentStatus | '',
                  })
                }
              >
                {listed === undefined && <option value="">Not affected</option>}
                {COMPONENT_STATUSES.map((status) => (
                  <option value={status} key={status}>
                    {SERVICE_STATE_LABELS[status]}
                    {listed === status ? ' (now)' : ''}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The saved templates, from the API (managed on /staff/incidents/templates/). */
export function useTemplates() {
  return useApiQuery<Template[]>(
    async (signal) => (await call(apiClient.GET('/staff/incident-templates', { signal }))).items,
    [],
  );
}

/**
 * The message of an update with a template to insert: an empty message takes the template,
 * a written one gets it appended as a new paragraph. The first "…" in it is selected, so the
 * person types the specifics over it.
 */
export function MessageField(props: {
  idPrefix: string;
  label: string;
  value: string;
  status: IncidentStatus;
  templates: readonly Template[] | null;
  problem?: string | undefined;
  onChange: (value: string) => void;
}) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const pickRef = useRef<HTMLSelectElement>(null);
  const id = `${props.idPrefix}-body`;
  // Templates for the chosen status first, then the others.
  const templates = [...(props.templates ?? [])].sort(
    (a, b) => Number(b.status === props.status) - Number(a.status === props.status),
  );
  const insert = () => {
    const template = templates.find((item) => String(item.id) === pickRef.current?.value);
    if (!template) return;
    const current = props.value.trim();
    const next = current === '' ? template.body : `${current}\n\n${template.body}`;
    props.onChange(next);
    const textarea = textRef.current;
    if (!textarea) return;
    textarea.value = next;
    textarea.focus();
    const gap = next.indexOf('…', next.length - template.body.length);
    if (gap >= 0) textarea.setSelectionRange(gap, gap + 1);
    else textarea.setSelectionRange(next.length, next.length);
  };
  return (
    <>
      {templates.length > 0 && (
        <div class="template-pick">
          <div class="field">
            <label for={`${props.idPrefix}-template`}>Saved template</label>
            <select id={`${props.idPrefix}-template`} ref={pickRef}>
              {templates.map((template) => (
                <option value={template.id} key={template.id}>
                  {template.name}
                  {template.status && template.name !== statusLabel(template.status)
                    ? ` (${statusLabel(template.status)})`
                    : ''}
                </option>
              ))}
            </select>
          </div>
          <p class="actions">
            <button type="button" class="secondary" onClick={insert}>
              Insert into the message
            </button>
            <a href="/staff/incidents/templates/">Manage templates</a>
          </p>
        </div>
      )}
      <div class="field">
        <label for={id}>{props.label}</label>
        <p class="hint" id={`${id}-hint`}>
          Shown on the status page as written. Plain text; a blank line starts a new paragraph.
        </p>
        <textarea
          id={id}
          ref={textRef}
          rows={5}
          maxLength={10_000}
          value={props.value}
          aria-invalid={props.problem ? 'true' : undefined}
          aria-describedby={`${id}-hint${props.problem ? ` ${id}-problem` : ''}`}
          onInput={(event) => props.onChange(event.currentTarget.value)}
        />
        {props.problem && (
          <p class="field-problem" id={`${id}-problem`}>
            {props.problem}
          </p>
        )}
      </div>
    </>
  );
}

/**
 * The incident as the public pages will show it once published: the card of the status page
 * and history (the same component they render) and the incident's own page.
 */
export function PublicPreview(props: { incident: Incident; nameOf: (slug: string) => string }) {
  return (
    <div class="public-preview">
      <h3>On the status page</h3>
      <ul class="cards" data-preview="card">
        <IncidentCard incident={props.incident} nameOf={props.nameOf} />
      </ul>
      <h3>On the incident’s page</h3>
      <div class="page-preview" data-preview="page">
        <IncidentDetail incident={props.incident} nameOf={props.nameOf} level={4} />
      </div>
    </div>
  );
}

const bySlug = <T extends { service: string }>(items: T[]) =>
  [...items].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));

/** The incident a new one would be, as the API will answer it (the preview's input). */
export function draftIncident(input: {
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  components: { service: string; status: ComponentStatus }[];
  body: string;
  nowMs: number;
}): Incident {
  const now = new Date(input.nowMs).toISOString();
  const update = {
    id: 0,
    status: input.status,
    body: input.body.trim(),
    kind: 'human' as const,
    // Only statuses other than operational are changes from "not affected".
    components: input.components.filter((component) => component.status !== 'operational'),
    createdAt: now,
  };
  return {
    id: 0,
    title: input.title.trim(),
    impact: input.impact,
    status: input.status,
    source: 'staff',
    startedAt: now,
    resolvedAt: input.status === 'resolved' ? now : null,
    updatedAt: now,
    services: bySlug(input.components).map((component) => component.service),
    components: bySlug(input.components),
    latestUpdate: update,
    firstHumanUpdateAt: now,
    timeToFirstHumanUpdateMs: 0,
    updates: [update],
    postmortem: null,
  };
}

/** What the incident becomes with an update (the API's rules: decision 090). */
export function withUpdate(
  incident: Incident,
  input: {
    status: IncidentStatus;
    impact: IncidentImpact;
    named: { service: string; status: ComponentStatus }[];
    body: string;
    nowMs: number;
  },
): Incident {
  const now = new Date(input.nowMs).toISOString();
  const current = new Map(incident.components.map((c) => [c.service, c.status]));
  const changes = input.named.filter(
    (component) => (current.get(component.service) ?? 'operational') !== component.status,
  );
  if (input.status === 'resolved') {
    for (const [service, status] of current) {
      if (status !== 'operational' && !changes.some((change) => change.service === service)) {
        changes.push({ service, status: 'operational' });
      }
    }
  }
  const after = new Map(current);
  for (const component of input.named) after.set(component.service, component.status);
  for (const change of changes) after.set(change.service, change.status);
  const components = bySlug([...after].map(([service, status]) => ({ service, status })));
  const update = {
    id: 0,
    status: input.status,
    body: input.body.trim(),
    kind: 'human' as const,
    components: changes,
    createdAt: now,
  };
  return {
    ...incident,
    status: input.status,
    impact: input.impact,
    resolvedAt: input.status === 'resolved' ? (incident.resolvedAt ?? now) : null,
    updatedAt: now,
    services: components.map((component) => component.service),
    components,
    latestUpdate: update,
    firstHumanUpdateAt: incident.firstHumanUpdateAt ?? now,
    timeToFirstHumanUpdateMs:
      incident.timeToFirstHumanUpdateMs ?? input.nowMs - Date.parse(incident.startedAt),
    updates: [...incident.updates, update],
  };
}
