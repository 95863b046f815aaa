import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import type { ApiError, ApiIssue } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { ADMIN } from './api.ts';
import { type Problems, problemsOf } from './problems.ts';
import { AdminPage, FormAlert, idParam, SavedNotice, SecretOnce } from './shared.tsx';

/**
 * `/staff/admin/api-keys/new/?customer=N`: an ingest key for a monitor. The whole key is
 * answered once: shown here with a copy button, never again. From a customer's onboarding,
 * the way back to the customer follows.
 */
export default function ApiKeyNewApp() {
  const customerId = idParam('customer');
  return (
    <AdminPage title="New monitor key" trail={[{ href: ADMIN.apiKeys, label: 'API keys' }]}>
      {() => <NewKey customerId={customerId} />}
    </AdminPage>
  );
}

const FIELDS = [{ key: 'name', id: 'key-name', label: 'Name' }];

function NewKey(props: { customerId: number | null }) {
  const customer = useApiQuery(
    (signal) =>
      props.customerId === null
        ? Promise.resolve(null)
        : call(
            apiClient.GET('/staff/customers/{id}', {
              params: { path: { id: props.customerId } },
              signal,
            }),
          ),
    [],
  );
  const [name, setName] = useState('Uptime monitor');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const found: Problems = {};
    if (trimmed === '') found.name = 'Name the key after the monitor that will use it.';
    else if (trimmed.length > 200) found.name = 'Name must be at most 200 characters.';
    setProblems(found);
    setError(null);
    setRest([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const answer = await call(
        apiClient.POST('/staff/api-keys', { body: { name: trimmed, scopes: ['ingest'] } }),
      );
      setMade({ name: answer.name, key: answer.key });
    } catch (caught) {
      const failure = asApiError(caught);
      const mapped = problemsOf(failure, { name: { key: 'name', label: 'Name' } });
      setProblems(mapped.problems);
      setRest(mapped.rest);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const onboarding = customer.data;
  return (
    <>
      <h1>New monitor key</h1>
      {made ? (
        <>
          <SavedNotice text={`The key “${made.name}” is made.`} />
          <SecretOnce
            id="api-key"
            label="The key"
            value={made.key}
            note={
              <>
                Put it in the monitor’s configuration now. The monitor sends it as{' '}
                <code>Authorization: Bearer</code> followed by the key. Only its first part is kept
                here, to recognise it.
              </>
            }
          />
          {onboarding && (
            <section class="panel" aria-labelledby="done-title">
              <h2 id="done-title">Onboarding done</h2>
              <p>
                {onboarding.name} has its agreement and people, and the monitor can report outages.
                Their figures appear on their account as the monitor reports.
              </p>
              <p class="actions">
                <a class="button" href={ADMIN.customer(onboarding.id)}>
                  Back to {onboarding.name}
                </a>
              </p>
            </section>
          )}
          <p class="actions">
            <a href={ADMIN.apiKeys}>All API keys</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">
            {onboarding ? 'Step 4 of 4 of onboarding. ' : ''}An ingest key lets a monitor report
            outage windows and incidents of every service. It belongs to the provider, not to a
            customer: one monitor key serves all customers.
          </p>
          <form class="form narrow" onSubmit={submit} noValidate>
            <FormAlert error={error} problems={problems} fields={FIELDS} rest={rest} />
            <Field
              id="key-name"
              label="Name"
              hint="After the monitor that will use it, e.g. “Pingdom, production”."
              problem={problems.name}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  autocomplete="off"
                  value={name}
                  onInput={(event) => setName(event.currentTarget.value)}
                />
              )}
            </Field>
            <p class="actions">
              <button type="submit" disabled={busy}>
                {busy ? 'Making the key…' : 'Make the key'}
              </button>
            </p>
          </form>
        </>
      )}
    </>
  );
}
