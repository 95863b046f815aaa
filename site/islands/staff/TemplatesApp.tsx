import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import type { SessionUser } from '../shared/types.ts';
import {
  INCIDENT_STATUSES,
  type IncidentStatus,
  statusLabel,
  type Template,
  useTemplates,
} from './incident-forms.tsx';
import { FocusHeading, focusFirstProblem, Notice } from './oncall.tsx';

/**
 * `/staff/incidents/templates/`: the saved update texts the incident forms offer. Add, edit,
 * delete (after a confirming step); each change is in the audit log.
 */
export default function TemplatesApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Templates user={user} signOut={signOut} />}
    </SessionGate>
  );
}

function Templates(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const templates = useTemplates();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    templates.reload();
  };
  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/incidents/')}
      />
      <p class="back">
        <a href="/staff/incidents/">← Incidents</a>
      </p>
      <h1>Update templates</h1>
      <p class="lead">
        Texts the incident forms offer to insert into a message. A “…” marks what to fill in: it is
        selected when the template is inserted. Changing a template never changes an update already
        posted.
      </p>
      <Notice text={notice} />
      {templates.error && <ErrorMessage error={templates.error} />}
      {templates.data === null && !templates.error && <Loading what="Loading the templates" />}
      {templates.data && (
        <>
          {templates.data.length === 0 && <p>No template yet.</p>}
          <ul class="template-list">
            {templates.data.map((template) => (
              <li key={template.id} class="panel">
                {editing !== 'new' && editing?.id === template.id ? (
                  <TemplateForm
                    template={template}
                    onDone={done}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <TemplateView
                    template={template}
                    onEdit={() => setEditing(template)}
                    onDeleted={() => done(`Template “${template.name}” deleted.`)}
                  />
                )}
              </li>
            ))}
          </ul>
          {editing === 'new' ? (
            <div class="panel">
              <TemplateForm template={null} onDone={done} onCancel={() => setEditing(null)} />
            </div>
          ) : (
            <p class="actions">
              <button type="button" onClick={() => setEditing('new')}>
                Add a template
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

function TemplateView(props: { template: Template; onEdit: () => void; onDeleted: () => void }) {
  const { template } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.DELETE('/staff/incident-templates/{id}', {
          params: { path: { id: template.id } },
        }),
      );
      props.onDeleted();
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };
  return (
    <>
      <h2>{template.name}</h2>
      <p class="meta">
        {template.status ? `For “${statusLabel(template.status)}” updates` : 'For any update'}
      </p>
      <p class="note-text">{template.body}</p>
      {error && <ErrorMessage error={error} focus />}
      {confirming ? (
        <section class="confirm" aria-labelledby={`delete-${template.id}`}>
          <FocusHeading level={3} id={`delete-${template.id}`}>
            Delete “{template.name}”?
          </FocusHeading>
          <p>Updates already written with it keep their text.</p>
          <p class="actions">
            <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? 'Deleting…' : 'Delete the template'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </p>
        </section>
      ) : (
        <p class="actions">
          <button type="button" class="secondary" onClick={props.onEdit}>
            Edit<span class="visually-hidden"> “{template.name}”</span>
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            Delete<span class="visually-hidden"> “{template.name}”</span>
          </button>
        </p>
      )}
    </>
  );
}

interface Problems {
  name?: string;
  body?: string;
}

function TemplateForm(props: {
  template: Template | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { template } = props;
  const prefix = template ? `template-${template.id}` : 'template-new';
  const [name, setName] = useState(template?.name ?? '');
  const [status, setStatus] = useState<IncidentStatus | ''>(template?.status ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (name.trim() === '') found.name = 'Give the template a name to pick it by.';
    if (body.trim() === '') found.body = 'Write the text the template inserts.';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstProblem(prefix, found);
      return;
    }
    setBusy(true);
    setError(null);
    const fields = { name: name.trim(), status: status === '' ? null : status, body: body.trim() };
    try {
      if (template) {
        await call(
          apiClient.PATCH('/staff/incident-templates/{id}', {
            params: { path: { id: template.id } },
            body: fields,
          }),
        );
        props.onDone(`Template “${fields.name}” saved.`);
      } else {
        await call(apiClient.POST('/staff/incident-templates', { body: fields }));
        props.onDone(`Template “${fields.name}” added.`);
      }
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <FocusHeading level={2} id={`${prefix}-heading`}>
        {template ? `Edit “${template.name}”` : 'New template'}
      </FocusHeading>
      {error && <ErrorMessage error={error} focus />}
      <div class="field">
        <label for={`${prefix}-name`}>Name</label>
        <input
          id={`${prefix}-name`}
          type="text"
          maxLength={100}
          autocomplete="off"
          value={name}
          aria-invalid={problems.name ? 'true' : undefined}
          aria-describedby={problems.name ? `${prefix}-name-problem` : undefined}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        {problems.name && (
          <p class="field-problem" id={`${prefix}-name-problem`}>
            {problems.name}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${prefix}-status`}>For updates that are</label>
        <select
          id={`${prefix}-status`}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as IncidentStatus | '')}
        >
          <option value="">Any status</option>
          {INCIDENT_STATUSES.map((value) => (
            <option value={value} key={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${prefix}-body`}>Text</label>
        <p class="hint" id={`${prefix}-body-hint`}>
          Mark what to fill in with “…”.
        </p>
        <textarea
          id={`${prefix}-body`}
          rows={4}
          maxLength={10_000}
          value={body}
          aria-invalid={problems.body ? 'true' : undefined}
          aria-describedby={`${prefix}-body-hint${problems.body ? ` ${prefix}-body-problem` : ''}`}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
        {problems.body && (
          <p class="field-problem" id={`${prefix}-body-problem`}>
            {problems.body}
          </p>
        )}
      </div>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : template ? 'Save the template' : 'Add the template'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
