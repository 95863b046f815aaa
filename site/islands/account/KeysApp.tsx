import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { ConfirmStep } from '../shared/ConfirmStep.tsx';
import { Field } from '../shared/Field.tsx';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { pageBrand } from '../shared/page-brand.ts';
import { ACCOUNT_LINKS } from '../shared/portal-links.ts';
import { SecretOnce } from '../shared/SecretOnce.tsx';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import { When } from '../shared/zoned.tsx';

/**
 * `/account/keys/`: the customer's read-only API keys for their own scripts. A new key is
 * shown once (only its prefix is kept); a key is revoked after a step that names it. Times in
 * the agreement's zone, labelled (UTC when the agreements do not share one zone).
 */
export default function KeysApp() {
  return (
    <SessionGate area="customer" signInTitle="Sign in to manage your API keys">
      {(user, signOut) => <Keys user={user} signOut={signOut} />}
    </SessionGate>
  );
}

/** The most keys one page lists: a customer's own scripts, a handful in practice. */
const LIMIT = 100;

function Keys(props: { user: SessionUser; signOut: () => Promise<void> }) {
  useEffect(() => {
    document.title = `API keys · Your account · ${pageBrand().productName}`;
  }, []);
  const active = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/me/api-keys', {
          params: { query: { limit: LIMIT, revoked: 'false' } },
          signal,
        }),
      ),
    [],
  );
  const revoked = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/me/api-keys', {
          params: { query: { limit: LIMIT, revoked: 'true' } },
          signal,
        }),
      ),
    [],
  );
  const agreements = useApiQuery((signal) => call(apiClient.GET('/me/agreements', { signal })), []);
  const zones = [...new Set(agreements.data?.items.map((agreement) => agreement.timeZone) ?? [])];
  // One zone for the whole page: the agreements', or UTC when they differ (or there are none).
  const zone = zones.length === 1 ? (zones[0] ?? 'UTC') : 'UTC';
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  // After "Done", the focus returns to the form (never on the page's first load).
  const [returned, setReturned] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const madeRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (made) madeRef.current?.focus();
  }, [made]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const reload = () => {
    active.reload();
    revoked.reload();
  };

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={ACCOUNT_LINKS('/account/keys/')}
      />
      <h1>API keys</h1>
      <p class="lead">
        A key lets your own scripts and tools read what this portal shows you: your agreements,
        availability, statements and claims. It is read-only: it cannot file, withdraw or change
        anything. Send it as <code>Authorization: Bearer</code> followed by the key; the{' '}
        <a href="/api/v1/docs">API reference</a> lists what it can read.
      </p>
      <p class="notice" role="status" tabIndex={-1} ref={noticeRef} hidden={!notice}>
        {notice ?? ''}
      </p>
      {made ? (
        <section class="panel" aria-labelledby="made-title">
          <h2 id="made-title" tabIndex={-1} ref={madeRef}>
            Your new key: {made.name}
          </h2>
          <SecretOnce
            id="new-key"
            label="The key"
            value={made.key}
            note={
              <>
                Copy it into your script’s configuration now. Only its first part is kept here, to
                recognise it; if you lose it, revoke it and make another.
              </>
            }
          />
          <p class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setMade(null);
                setReturned(true);
              }}
            >
              Done: I have stored the key
            </button>
          </p>
        </section>
      ) : (
        <NewKey
          focus={returned}
          onMade={(key) => {
            setNotice(null);
            setMade(key);
            reload();
          }}
        />
      )}
      <h2>Your keys</h2>
      <p class="meta">Times in {zone}.</p>
      {active.error && <ErrorMessage error={active.error} />}
      {!active.error && active.data === null && <Loading what="Loading your keys" />}
      {active.data && active.data.items.length === 0 && <p>You have no key in use.</p>}
      {active.data && active.data.items.length > 0 && (
        <TableWrap label="Keys in use">
          <table class="stack">
            <caption class="visually-hidden">Keys in use, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {active.data.items.map((key) => (
                <tr key={key.id}>
                  <td data-label="Name">{key.name}</td>
                  <td data-label="Key">
                    <code class="prefix">sp_{key.prefix}_…</code>
                  </td>
                  <td data-label="Made">
                    <When at={key.createdAt} timeZone={zone} viewer="customer" />
                  </td>
                  <td data-label="Last used">
                    {key.lastUsedAt === null ? (
                      'Never'
                    ) : (
                      <When at={key.lastUsedAt} timeZone={zone} viewer="customer" />
                    )}
                  </td>
                  <td data-label="Revoke">
                    <Revoke
                      id={key.id}
                      name={key.name}
                      prefix={key.prefix}
                      onRevoked={() => {
                        setNotice(`The key “${key.name}” is revoked: it no longer works.`);
                        reload();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {revoked.data && revoked.data.items.length > 0 && (
        <details class="windows">
          <summary>Revoked keys: {revoked.data.items.length}</summary>
          <ul>
            {revoked.data.items.map((key) => (
              <li key={key.id}>
                {key.name} (<code class="prefix">sp_{key.prefix}_…</code>), revoked{' '}
                {key.revokedAt && <When at={key.revokedAt} timeZone={zone} viewer="customer" />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function NewKey(props: { focus: boolean; onMade: (key: { name: string; key: string }) => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (props.focus) fieldRef.current?.focus();
  }, []);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const found =
      trimmed === ''
        ? 'Name the key after the script or tool that will use it.'
        : trimmed.length > 200
          ? 'The name must be at most 200 characters.'
          : null;
    setProblem(found);
    setError(null);
    if (found) {
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await call(apiClient.POST('/me/api-keys', { body: { name: trimmed } }));
      setName('');
      props.onMade({ name: answer.name, key: answer.key });
    } catch (caught) {
      const failure = asApiError(caught);
      const issue = failure.issues.find((each) => each.path === 'name');
      if (issue) setProblem(`The name ${issue.message}.`);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form panel" onSubmit={submit} noValidate aria-labelledby="new-key-title">
      <h2 id="new-key-title">Make a key</h2>
      {error && <ErrorMessage error={error} focus />}
      <Field
        id="key-name"
        label="Name"
        hint="After what will use it, e.g. “Finance export”."
        problem={problem}
      >
        {(aria) => (
          <input
            {...aria}
            ref={fieldRef}
            type="text"
            autocomplete="off"
            maxLength={200}
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        )}
      </Field>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Making the key…' : 'Make a read-only key'}
        </button>
      </p>
    </form>
  );
}

function Revoke(props: { id: number; name: string; prefix: string; onRevoked: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (!asking && wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/me/api-keys/{id}/revoke', { params: { path: { id: props.id } } }),
      );
      props.onRevoked();
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" class="secondary small" ref={openRef} onClick={() => setAsking(true)}>
        Revoke<span class="visually-hidden"> “{props.name}”</span>
      </button>
    );
  }
  return (
    <ConfirmStep
      id={`revoke-${props.id}`}
      title={`Revoke “${props.name}”?`}
      confirm={`Revoke “${props.name}”`}
      back="Keep the key"
      danger
      busy={busy}
      error={error}
      onConfirm={() => void revoke()}
      onBack={() => setAsking(false)}
    >
      <p>
        The key <code class="prefix">sp_{props.prefix}_…</code> stops working at once: whatever uses
        it gets “not signed in” from then on. This cannot be undone.
      </p>
    </ConfirmStep>
  );
}
