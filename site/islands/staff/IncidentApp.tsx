import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { IncidentDetail, PostmortemSection } from '../../components/IncidentDetail.tsx';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { affectedComponents } from '../../lib/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import {
  type ComponentChoice,
  ComponentPicker,
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
  withUpdate,
} from './incident-forms.tsx';
import {
  type ComponentStatus,
  FocusHeading,
  focusFirstProblem,
  Notice,
  namesOf,
  UtcTime,
  useServices,
} from './oncall.tsx';

/**
 * `/staff/incident/?id=N`: one incident for the on-call person: post an update (status,
 * component statuses, message from a template) after a preview of the public pages; resolve
 * (a confirming step says what it does); then the postmortem.
 */
export default function IncidentApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <IncidentPage user={user} signOut={signOut} />}
    </SessionGate>
  );
}

function IncidentPage(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const id = Number(queryParam('id'));
  const valid = Number.isSafeInteger(id) && id > 0;
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(
    queryParam('opened') === '1'
      ? 'Incident published. The status page shows it within a minute; its feed at once.'
      : null,
  );
  const services = useServices();
  const { nameOf } = namesOf(services.data);
  const incident = useApiQuery<Incident>(
    (signal) =>
      valid
        ? call(apiClient.GET('/incidents/{id}', { params: { path: { id } }, signal }))
        : Promise.reject(new Error('This address names no incident. Open one from the list.')),
    [id, round],
  );

  useEffect(() => {
    // The notice said it once; a reload should not say it again.
    if (queryParam('opened')) setQuery({ opened: null });
  }, []);

  useEffect(() => {
    if (incident.data) {
      document.title = `${incident.data.title} · Incidents · Service status`;
    }
  }, [incident.data?.title]);

  const done = (message: string) => {
    setNotice(message);
    setRound((n) => n + 1);
  };

  return (
    <>
      <PortalBar user={props.user} signOut={props.signOut} links={STAFF_LINKS(props.user, '')} />
      <p class="back">
        <a href="/staff/incidents/">← Incidents</a>
      </p>
      {incident.error && (
        <>
          <h1>Incident</h1>
          <ErrorMessage error={incident.error} />
        </>
      )}
      {!incident.error && (incident.data === null || services.data === null) && (
        <Loading what="Loading the incident" />
      )}
      {incident.data && services.data && (
        <>
          <h1>
            Incident #{incident.data.id}: {incident.data.title}
          </h1>
          <Notice text={notice} />
          <Summary incident={incident.data} nameOf={nameOf} />
          <UpdateForm
            key={`${incident.data.updatedAt}`}
            incident={incident.data}
            services={services.data}
            nameOf={nameOf}
            onDone={done}
          />
          {incident.data.status === 'resolved' && (
            <PostmortemForm
              key={`pm-${incident.data.updatedAt}`}
              incident={incident.data}
              onDone={done}
            />
          )}
          <section class="panel" aria-labelledby="public-now-title">
            <h2 id="public-now-title">The public page now</h2>
            <p class="meta">
              As <a href={`/incidents/${incident.data.id}/`}>/incidents/{incident.data.id}/</a>{' '}
              shows it once rebuilt (within a minute of each change). Times in UTC.
            </p>
            <div class="page-preview">
              <IncidentDetail incident={incident.data} nameOf={nameOf} level={3} />
            </div>
          </section>
        </>
      )}
    </>
  );
}

function Summary(props: { incident: Incident; nameOf: (slug: string) => string }) {
  const { incident } = props;
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>
        <span class={`status status-incident-${incident.status}`}>
          {statusLabel(incident.status)}
        </span>{' '}
        {impactLabel(incident.impact)}
      </dd>
      <dt>Components</dt>
      <dd>
        {incident.components.length > 0
          ? affectedComponents(incident.components, props.nameOf)
          : 'None listed'}
      </dd>
      <dt>Started</dt>
      <dd>
        <UtcTime at={incident.startedAt} />
      </dd>
      <dt>Resolved</dt>
      <dd>{incident.resolvedAt ? <UtcTime at={incident.resolvedAt} /> : 'Not yet'}</dd>
      <dt>Opened by</dt>
      <dd>{incident.source === 'ingest' ? 'A monitor (its updates are automated)' : 'Staff'}</dd>
    </dl>
  );
}

interface Problems {
  body?: string;
  components?: string;
}

const NEXT_STATUS: Record<IncidentStatus, IncidentStatus> = {
  investigating: 'identified',
  identified: 'monitoring',
  monitoring: 'resolved',
  resolved: 'resolved',
};

function UpdateForm(props: {
  incident: Incident;
  services: NonNullable<ReturnType<typeof useServices>['data']>;
  nameOf: (slug: string) => string;
  onDone: (message: string) => void;
}) {
  const { incident } = props;
  const templates = useTemplates();
  const current = Object.fromEntries(
    incident.components.map((component) => [component.service, component.status]),
  ) as Record<string, ComponentStatus>;
  const [status, setStatus] = useState<IncidentStatus>(NEXT_STATUS[incident.status]);
  const [impact, setImpact] = useState<IncidentImpact>(incident.impact);
  const [choice, setChoice] = useState<ComponentChoice>({});
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [preview, setPreview] = useState<Incident | null>(null);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Resolving is the step that ends the hold; once resolved, a resolved update is a note.
  const resolving = status === 'resolved' && incident.status !== 'resolved';
  const releasing = status === 'resolved';

  // Components named with a status other than the one they have (or newly added).
  const named = props.services.flatMap((service) => {
    const value = choice[service.slug];
    if (!value || value === current[service.slug]) return [];
    return [{ service: service.slug, status: value as ComponentStatus }];
  });

  const review = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (body.trim() === '') found.body = 'Write the message customers will read.';
    setProblems(found);
    setError(null);
    if (found.body) {
      setPreview(null);
      focusFirstProblem('update', found);
      return;
    }
    setPreview(
      withUpdate(incident, {
        status,
        impact,
        named: releasing ? [] : named,
        body,
        nowMs: Date.now(),
      }),
    );
    setRound((n) => n + 1);
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/incidents/{id}/updates', {
          params: { path: { id: incident.id } },
          body: {
            status,
            body: body.trim(),
            ...(impact !== incident.impact ? { impact } : {}),
            ...(!releasing && named.length > 0 ? { components: named } : {}),
          },
        }),
      );
      props.onDone(
        resolving
          ? 'Incident resolved: every component is operational again. Add the postmortem below when it is written.'
          : `Update posted (${statusLabel(status)}). The status page shows it within a minute.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="update-title">
      <h2 id="update-title">Post an update</h2>
      {incident.status === 'resolved' && (
        <p>
          It is resolved. A “Resolved” update adds a note; any other status reopens it, and
          components are operational until an update sets them again.
        </p>
      )}
      <form class="form" onSubmit={review} noValidate>
        <div class="filters">
          <div class="field">
            <label for="update-status">Status</label>
            <select
              id="update-status"
              value={status}
              onChange={(event) => {
                setStatus(event.currentTarget.value as IncidentStatus);
                setPreview(null);
              }}
            >
              {INCIDENT_STATUSES.map((value) => (
                <option value={value} key={value}>
                  {statusLabel(value)}
                  {value === incident.status ? ' (now)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="update-impact">Impact</label>
            <select
              id="update-impact"
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
        </div>
        <ComponentPicker
          idPrefix="update"
          services={props.services}
          choice={choice}
          current={current}
          locked={
            releasing
              ? 'A resolved incident holds every component operational; nothing to choose.'
              : null
          }
          problem={problems.components}
          onChange={setChoice}
        />
        <MessageField
          idPrefix="update"
          label="Message"
          value={body}
          status={status}
          templates={templates.data}
          problem={problems.body}
          onChange={setBody}
        />
        <p class="actions">
          <button type="submit">{resolving ? 'Preview the resolution' : 'Preview'}</button>
        </p>
      </form>
      {preview && (
        <section class="preview" aria-labelledby="update-preview-title">
          <FocusHeading level={2} id="update-preview-title" focusKey={round}>
            {resolving
              ? 'Confirm: resolve the incident'
              : 'Preview: what the public pages will show'}
          </FocusHeading>
          {resolving ? (
            <p class="confirm">
              <strong>Resolving ends the incident:</strong> every component it holds returns to
              operational now, and the time held counts in the SLA figures up to now. Posting
              another status later reopens it.
            </p>
          ) : (
            <p>Nothing is published yet; the time becomes that of the moment you publish.</p>
          )}
          <PublicPreview incident={preview} nameOf={props.nameOf} />
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            <button
              type="button"
              class={resolving ? 'danger' : undefined}
              onClick={() => void publish()}
              disabled={busy}
            >
              {busy ? 'Publishing…' : resolving ? 'Resolve the incident' : 'Publish the update'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPreview(null);
                document.getElementById('update-status')?.focus();
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

function PostmortemForm(props: { incident: Incident; onDone: (message: string) => void }) {
  const { incident } = props;
  const [text, setText] = useState(incident.postmortem?.body ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Incident | null>(null);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const review = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblem('Write what happened and what changes, for customers to read.');
      setPreview(null);
      document.getElementById('postmortem-body')?.focus();
      return;
    }
    setProblem(null);
    const nowIso = new Date().toISOString();
    setPreview({
      ...incident,
      postmortem: {
        body: text.trim(),
        publishedAt: incident.postmortem?.publishedAt ?? nowIso,
        updatedAt: nowIso,
      },
    });
    setRound((n) => n + 1);
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.PUT('/staff/incidents/{id}/postmortem', {
          params: { path: { id: incident.id } },
          body: { body: text.trim() },
        }),
      );
      props.onDone(
        incident.postmortem
          ? 'Postmortem revised. The incident’s page shows it within a minute.'
          : 'Postmortem published. The incident’s page shows it within a minute.',
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="postmortem-title">
      <h2 id="postmortem-title">{incident.postmortem ? 'Revise the postmortem' : 'Postmortem'}</h2>
      <p>
        What happened, why, and what changes so it does not happen again. Shown on the incident’s
        public page and in the feed.
      </p>
      <form class="form" onSubmit={review} noValidate>
        <div class="field">
          <label for="postmortem-body">Postmortem</label>
          <p class="hint" id="postmortem-body-hint">
            Plain text; a blank line starts a new paragraph.
          </p>
          <textarea
            id="postmortem-body"
            rows={8}
            maxLength={50_000}
            value={text}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={`postmortem-body-hint${problem ? ' postmortem-body-problem' : ''}`}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          {problem && (
            <p class="field-problem" id="postmortem-body-problem">
              {problem}
            </p>
          )}
        </div>
        <p class="actions">
          <button type="submit">Preview the postmortem</button>
        </p>
      </form>
      {preview?.postmortem && (
        <section class="preview" aria-labelledby="postmortem-preview-title">
          <FocusHeading level={3} id="postmortem-preview-title" focusKey={round}>
            Preview: the postmortem on the incident’s page
          </FocusHeading>
          <div class="page-preview">
            <PostmortemSection postmortem={preview.postmortem} level={4} />
          </div>
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            <button type="button" onClick={() => void publish()} disabled={busy}>
              {busy ? 'Publishing…' : 'Publish the postmortem'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPreview(null);
                document.getElementById('postmortem-body')?.focus();
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
