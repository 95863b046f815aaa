import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../../lib/api-client.ts';
import type { ApiError } from '../../../lib/client.ts';
import { OUTBOX_STATE_LABELS } from '../../../lib/labels.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { PortalBar } from '../../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../../shared/portal-links.ts';
import { SessionGate } from '../../shared/SessionGate.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { KIND_LABELS, utc } from './words.ts';

type Endpoint = components['schemas']['WebhookEndpoint'];
type EventChoice = components['schemas']['WebhookEvent'];

/** The events an endpoint may ask for, grouped as a form shows them. */
const EVENT_GROUPS: { legend: string; all?: EventChoice; events: EventChoice[] }[] = [
  {
    legend: 'Incidents',
    all: 'incident.*',
    events: ['incident.created', 'incident.updated', 'incident.resolved'],
  },
  {
    legend: 'Maintenance',
    all: 'maintenance.*',
    events: [
      'maintenance.scheduled',
      'maintenance.updated',
      'maintenance.started',
      'maintenance.completed',
      'maintenance.cancelled',
    ],
  },
  {
    legend: 'Claims and credits',
    all: 'claim.*',
    events: ['claim.filed', 'claim.decided', 'credit.applied'],
  },
  { legend: 'SLA data', events: ['window.corrected'] },
];

/**
 * `/staff/notifications/webhooks/` (admins): endpoints of the provider's own systems. A new
 * endpoint's signing secret, and each rotated one, is shown once; during a rotation's overlap
 * both secrets sign. Each endpoint's deliveries can be looked at and sent again.
 */
export default function WebhooksApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => (
        <>
          <PortalBar
            user={user}
            signOut={signOut}
            links={STAFF_LINKS(user, '/staff/notifications/webhooks/')}
          />
          {user.role === 'admin' ? (
            <Webhooks />
          ) : (
            <>
              <h1>Webhooks</h1>
              <p>Webhook endpoints are for admins. Your role is {user.role}.</p>
            </>
          )}
        </>
      )}
    </SessionGate>
  );
}

interface Shown {
  /** What the secret belongs to, for its label. */
  url: string;
  secret: string;
  rotated: boolean;
}

function Webhooks() {
  const endpoints = useApiQuery((signal) => call(apiClient.GET('/staff/webhooks', { signal })), []);
  const [shown, setShown] = useState<Shown | null>(null);
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Your systems (billing, a support desk) hear of incidents, maintenance, claims and credits as
        they happen. Each request is signed per{' '}
        <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> (headers{' '}
        <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>); a
        failed delivery is retried for about nine hours. Redirects are not followed, and only public
        https addresses are accepted.
      </p>
      <p>
        <a href="/staff/notifications/">Back to notifications</a>
      </p>
      {shown && <SecretOnce shown={shown} onDone={() => setShown(null)} />}
      <h2>Endpoints</h2>
      {endpoints.error && <ErrorMessage error={endpoints.error} />}
      {!endpoints.data && !endpoints.error && <Loading what="Loading endpoints" />}
      {endpoints.data && endpoints.data.items.length === 0 && <p>No endpoint yet.</p>}
      {endpoints.data && endpoints.data.items.length > 0 && (
        <ul class="notify-endpoints">
          {endpoints.data.items.map((endpoint) => (
            <EndpointItem
              key={endpoint.id}
              endpoint={endpoint}
              onChanged={endpoints.reload}
              onSecret={setShown}
            />
          ))}
        </ul>
      )}
      <NewEndpoint
        onCreated={(endpoint, secret) => {
          setShown({ url: endpoint.url, secret, rotated: false });
          endpoints.reload();
        }}
      />
    </>
  );
}

function SecretOnce(props: { shown: Shown; onDone: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [props.shown]);
  return (
    <section class="panel notify-secret" aria-labelledby="secret-title">
      <h2 id="secret-title">{props.shown.rotated ? 'The new signing secret' : 'Signing secret'}</h2>
      <p>
        Copy it into the receiving system now: it is shown this once.
        {props.shown.rotated &&
          ' The previous secret keeps signing beside it for 24 hours, so the receiver can switch without missing an event.'}
      </p>
      <div class="field">
        <label for="webhook-secret">Secret for {props.shown.url}</label>
        <input id="webhook-secret" type="text" readOnly value={props.shown.secret} ref={ref} />
      </div>
      <p class="actions">
        <button type="button" onClick={props.onDone}>
          I have copied it
        </button>
      </p>
    </section>
  );
}

function NewEndpoint(props: { onCreated: (endpoint: Endpoint, secret: string) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventChoice[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = (path: string) =>
    error?.issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
      ?.message;
  const toggle = (event: EventChoice, on: boolean) =>
    setEvents(on ? [...events, event] : events.filter((each) => each !== event));
  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await call(
        apiClient.POST('/staff/webhooks', {
          body: { url: url.trim(), events, description: description.trim() || null },
        }),
      );
      setUrl('');
      setDescription('');
      setEvents([]);
      props.onCreated(created.endpoint, created.secret);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-endpoint-title">
      <h2 id="new-endpoint-title">Add an endpoint</h2>
      <form class="form" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <Field
          id="webhook-url"
          label="URL"
          hint="An https address of your system, e.g. https://billing.example.com/hooks/status"
          problem={problem('url')}
        >
          {(aria) => (
            <input
              {...aria}
              type="url"
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="webhook-description" label="Description (optional)">
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={200}
              value={description}
              onInput={(event) => setDescription(event.currentTarget.value)}
            />
          )}
        </Field>
        <fieldset aria-describedby={problem('events') ? 'webhook-events-problem' : undefined}>
          <legend>Events</legend>
          {problem('events') && (
            <p class="field-problem" id="webhook-events-problem">
              Choose at least one event.
            </p>
          )}
          <div class="notify-events">
            {EVENT_GROUPS.map((group) => (
              <div key={group.legend}>
                <p>
                  <strong>{group.legend}</strong>
                </p>
                {group.all && (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={events.includes(group.all)}
                      onChange={(event) =>
                        group.all && toggle(group.all, event.currentTarget.checked)
                      }
                    />
                    <span>
                      All of them (<code>{group.all}</code>)
                    </span>
                  </label>
                )}
                {group.events.map((each) => (
                  <label class="check" key={each}>
                    <input
                      type="checkbox"
                      checked={
                        events.includes(each) ||
                        (group.all !== undefined && events.includes(group.all))
                      }
                      disabled={group.all !== undefined && events.includes(group.all)}
                      onChange={(event) => toggle(each, event.currentTarget.checked)}
                    />
                    <span>
                      <code>{each}</code>
                    </span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        </fieldset>
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add the endpoint'}
          </button>
        </p>
      </form>
    </section>
  );
}

function EndpointItem(props: {
  endpoint: Endpoint;
  onChanged: () => void;
  onSecret: (shown: Shown) => void;
}) {
  const { endpoint } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showDeliveries, setShowDeliveries] = useState(false);
  const path = { params: { path: { id: endpoint.id } } };
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      props.onChanged();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <h3>{endpoint.description ?? endpoint.url}</h3>
      {endpoint.description && <p class="notify-subject">{endpoint.url}</p>}
      <p>
        {endpoint.active ? 'Active' : 'Disabled: events are skipped'}. Events:{' '}
        {endpoint.events.map((each) => (
          <code key={each}>{each} </code>
        ))}
        {endpoint.previousSecretExpiresAt && (
          <>
            <br />
            The previous secret signs too until {utc(endpoint.previousSecretExpiresAt)} UTC.
          </>
        )}
      </p>
      {error && <ErrorMessage error={error} focus />}
      <p class="actions">
        <button
          type="button"
          class="secondary small"
          disabled={busy}
          aria-label={`Rotate the secret of ${endpoint.url}`}
          onClick={() =>
            run(async () => {
              const rotated = await call(apiClient.POST('/staff/webhooks/{id}/rotate', path));
              props.onSecret({ url: endpoint.url, secret: rotated.secret, rotated: true });
            })
          }
        >
          Rotate the secret
        </button>
        <button
          type="button"
          class="secondary small"
          disabled={busy}
          onClick={() =>
            run(() =>
              call(
                apiClient.PATCH('/staff/webhooks/{id}', {
                  ...path,
                  body: { active: !endpoint.active },
                }),
              ),
            )
          }
        >
          {endpoint.active ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          class="secondary small"
          aria-expanded={showDeliveries}
          onClick={() => setShowDeliveries(!showDeliveries)}
        >
          {showDeliveries ? 'Hide deliveries' : 'Deliveries'}
        </button>
        {confirmDelete ? (
          <>
            <span>Delete this endpoint? It receives nothing more.</span>
            <button
              type="button"
              class="danger small"
              disabled={busy}
              onClick={() => run(() => call(apiClient.DELETE('/staff/webhooks/{id}', path)))}
            >
              Delete
            </button>
            <button type="button" class="secondary small" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" class="secondary small" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </p>
      {showDeliveries && <Deliveries endpointId={endpoint.id} />}
    </li>
  );
}

function Deliveries(props: { endpointId: number }) {
  const deliveries = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/webhooks/{id}/deliveries', {
          signal,
          params: { path: { id: props.endpointId }, query: { limit: 20 } },
        }),
      ),
    [props.endpointId],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const redeliver = async (id: number) => {
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/notifications/outbox/{id}/retry', { params: { path: { id } } }),
      );
      deliveries.reload();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  if (deliveries.error) return <ErrorMessage error={deliveries.error} />;
  if (!deliveries.data) return <Loading what="Loading deliveries" />;
  if (deliveries.data.items.length === 0) return <p>Nothing sent to it yet.</p>;
  return (
    <>
      {error && <ErrorMessage error={error} focus />}
      <ul>
        {deliveries.data.items.map((item) => (
          <li key={item.id}>
            {utc(item.createdAt)} UTC, {KIND_LABELS[item.kind] ?? item.kind}:{' '}
            {OUTBOX_STATE_LABELS[item.state]} after {item.attempts}{' '}
            {item.attempts === 1 ? 'attempt' : 'attempts'}
            {item.lastError && ` (${item.lastError})`}{' '}
            {(item.state === 'dead' || item.state === 'delivered' || item.state === 'skipped') && (
              <button
                type="button"
                class="link"
                onClick={() => void redeliver(item.id)}
                aria-label={`Send again: ${item.deliveryId}`}
              >
                Send again
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href="/staff/notifications/">Every attempt is in the notifications outbox.</a>
      </p>
    </>
  );
}
