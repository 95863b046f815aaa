import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { Pager } from '../shared/Pager.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import {
  type ComponentChoice,
  ComponentPicker,
  draftIncident,
  IMPACTS,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentImpact,
  type IncidentStatus,
  impactLabel,
  MessageField,
  PublicPreview,
  statusLabel,
  useTemplates,
} from './incident-forms.tsx';
import {
  type ComponentStatus,
  FocusHeading,
  focusFirstProblem,
  namesOf,
  type Schemas,
  UtcTime,
  useServices,
} from './oncall.tsx';

/**
 * `/staff/incidents/`: the on-call person opens an incident (title, impact, each affected
 * component's status, the first message from a template), checks the preview of the public
 * pages, publishes; below, every incident, newest first.
 */
export default function IncidentsApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Incidents user={user} signOut={signOut} />}
    </SessionGate>
  );
}

const PAGE_SIZE = 20;

function Incidents(props: { user: SessionUser; signOut: () => Promise<void> }) {
  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/incidents/')}
      />
      <h1>Incidents</h1>
      <p class="lead">
        Open an incident when customers are affected: the status page and its feed show it within a
        minute, and every component you hold in an outage counts in the SLA figures from the moment
        you publish. All times are UTC.
      </p>
      <OpenIncident />
      <IncidentList />
    </>
  );
}

interface Problems {
  title?: string;
  components?: string;
  body?: string;
}

function OpenIncident() {
  const services = useServices();
  const templates = useTemplates();
  const [title, setTitle] = useState('');
  const [impact, setImpact] = useState<IncidentImpact>('major');
  const [status, setStatus] = useState<IncidentStatus>('investigating');
  const [choice, setChoice] = useState<ComponentChoice>({});
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [preview, setPreview] = useState<Incident | null>(null);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { nameOf } = namesOf(services.data);

  const chosen = (services.data ?? []).flatMap((service) => {
    const value = choice[service.slug];
    return value ? [{ service: service.slug, status: value as ComponentStatus }] : [];
  });

  const review = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (title.trim() === '') found.title = 'Give the incident a title customers will understand.';
    if (chosen.length === 0) {
      found.components = 'Choose at least one affected component and its status.';
    }
    if (body.trim() === '') found.body = 'Write the first message customers will read.';
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      setPreview(null);
      focusFirstProblem('open', found);
      return;
    }
    setPreview(
      draftIncident({ title, impact, status, components: chosen, body, nowMs: Date.now() }),
    );
    setRound((n) => n + 1);
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await call(
        apiClient.POST('/staff/incidents', {
          body: {
            title: title.trim(),
            impact,
            status,
            services: [],
            components: chosen,
            body: body.trim(),
          },
        }),
      );
      window.location.assign(`/staff/incident/?id=${created.id}&opened=1`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  if (services.error) return <ErrorMessage error={services.error} />;
  if (services.data === null) return <Loading what="Loading the components" />;
  return (
    <section class="panel" aria-labelledby="open-heading">
      <h2 id="open-heading">Open an incident</h2>
      <form class="form" onSubmit={review} noValidate>
        <div class="field">
          <label for="open-title">Title</label>
          <input
            id="open-title"
            type="text"
            maxLength={200}
            autocomplete="off"
            value={title}
            aria-invalid={problems.title ? 'true' : undefined}
            aria-describedby={problems.title ? 'open-title-problem' : undefined}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
          {problems.title && (
            <p class="field-problem" id="open-title-problem">
              {problems.title}
            </p>
          )}
        </div>
        <div class="filters">
          <div class="field">
            <label for="open-impact">Impact</label>
            <select
              id="open-impact"
              value={impact}
              onChange={(event) => setImpact(event.currentTarget.value as IncidentImpact)}
            >
              {IMPACTS.map((value) => (
                <option value={value} key={value}>
                  {impactLabel(value)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="open-status">Status</label>
            <select
              id="open-status"
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as IncidentStatus)}
            >
              {INCIDENT_STATUSES.filter((value) => value !== 'resolved').map((value) => (
                <option value={value} key={value}>
                  {statusLabel(value)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ComponentPicker
          idPrefix="open"
          services={services.data}
          choice={choice}
          problem={problems.components}
          onChange={setChoice}
        />
        <MessageField
          idPrefix="open"
          label="First message"
          value={body}
          status={status}
          templates={templates.data}
          problem={problems.body}
          onChange={setBody}
        />
        <p class="actions">
          <button type="submit">Preview</button>
        </p>
      </form>
      {preview && (
        <section class="preview" aria-labelledby="open-preview-title">
          <FocusHeading level={2} id="open-preview-title" focusKey={round}>
            Preview: what the public pages will show
          </FocusHeading>
          <p>
            Nothing is published yet. The times become those of the moment you publish; the address
            of the incident’s page is given then.
          </p>
          <PublicPreview incident={preview} nameOf={nameOf} />
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            <button type="button" onClick={() => void publish()} disabled={busy}>
              {busy ? 'Publishing…' : 'Publish the incident'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPreview(null);
                document.getElementById('open-title')?.focus();
              }}
            >
              Change it
            </button>
          </p>
        </section>
      )}
    </section>
  );
}

type IncidentSummary = Schemas['IncidentSummary'];

function IncidentList() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const services = useServices();
  const { names } = namesOf(services.data);
  const page = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/incidents', {
          params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    [cursor],
  );
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">All incidents, newest first</h2>
      {page.error && <ErrorMessage error={page.error} />}
      {page.data === null && !page.error && <Loading what="Loading the incidents" />}
      {page.data && page.data.items.length === 0 && <p>No incident yet.</p>}
      {page.data && page.data.items.length > 0 && (
        <TableWrap label="Incidents">
          <table class="stack">
            <caption class="visually-hidden">Incidents, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Status</th>
                <th scope="col">Started (UTC)</th>
                <th scope="col">Components</th>
                <th scope="col">Opened by</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((incident: IncidentSummary) => (
                <tr key={incident.id}>
                  <td data-label="Incident">
                    <span class="cell">
                      <a href={`/staff/incident/?id=${incident.id}`}>{incident.title}</a>
                    </span>
                  </td>
                  <td data-label="Status">
                    <span class="cell">
                      <span class={`status status-incident-${incident.status}`}>
                        {statusLabel(incident.status)}
                      </span>{' '}
                      {impactLabel(incident.impact)}
                    </span>
                  </td>
                  <td data-label="Started (UTC)">
                    <span class="cell">
                      <UtcTime at={incident.startedAt} hint={false} />
                    </span>
                  </td>
                  <td data-label="Components">
                    <span class="cell">{names(incident.services) || '—'}</span>
                  </td>
                  <td data-label="Opened by">
                    <span class="cell">{incident.source === 'ingest' ? 'A monitor' : 'Staff'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page.data && (
        <Pager cursors={cursors} nextCursor={page.data.nextCursor} onChange={setCursors} />
      )}
    </section>
  );
}
