import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import type { ApiError, ApiIssue } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import type { SessionUser } from '../../shared/types.ts';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { ADMIN, ROLE_LABELS, type Role, type User } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { type Problems, problemsOf } from './problems.ts';
import {
  AdminPage,
  ConfirmAction,
  FormAlert,
  idParam,
  noRecord,
  SavedNotice,
  SecretOnce,
  Utc,
} from './shared.tsx';
import { RevokeInvitation, UserState } from './UsersApp.tsx';

/**
 * `/staff/admin/user/?id=N`: one person — their role and customer, their invitation while it
 * is pending (a new link, or revoke it), deactivation and reactivation behind a confirm step.
 */
export default function UserApp() {
  const id = idParam();
  return (
    <AdminPage title="User" trail={[{ href: ADMIN.users, label: 'Users' }]}>
      {(me) =>
        id === null ? (
          <>
            <h1>User</h1>
            <ErrorMessage error={noRecord('user')} />
          </>
        ) : (
          <UserDetail id={id} me={me} />
        )
      }
    </AdminPage>
  );
}

function UserDetail(props: { id: number; me: SessionUser }) {
  const { id } = props;
  const user = useApiQuery(
    (signal) => call(apiClient.GET('/staff/users/{id}', { params: { path: { id } }, signal })),
    [],
  );
  const pending = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/users/invitations', { params: { query: { limit: 100 } }, signal }),
      ).then((page) => page.items.find((invitation) => invitation.user.id === id) ?? null),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [link, setLink] = useState<{ link: string; expiresAt: string } | null>(null);

  if (user.error) {
    return (
      <>
        <h1>User</h1>
        <ErrorMessage error={user.error} />
      </>
    );
  }
  if (user.data === null) return <Loading what="Loading the person" />;
  const record = user.data;
  const self = record.id === props.me.id;
  document.title = `${record.email} · Users · Administration · Service status`;
  const done = (text: string) => {
    user.reload();
    pending.reload();
    setNotice(text);
  };
  const setActive = async (active: boolean) => {
    await call(
      apiClient.PATCH('/staff/users/{id}', { params: { path: { id } }, body: { active } }),
    );
    done(active ? `${record.email} is active again.` : `${record.email} is deactivated.`);
  };
  const reinvite = async () => {
    const answer = await call(
      apiClient.POST('/staff/users/invitations', {
        body: {
          email: record.email,
          role: record.role,
          ...(record.name === null ? {} : { name: record.name }),
          ...(record.customerId === null ? {} : { customerId: record.customerId }),
        },
      }),
    );
    setLink({ link: answer.link, expiresAt: answer.expiresAt });
    done(`A new invitation link for ${record.email} is made; the earlier one no longer works.`);
  };

  return (
    <>
      <h1>
        {record.name ? `${record.name} (${record.email})` : record.email}{' '}
        <UserState user={record} />
      </h1>
      <SavedNotice text={notice} />
      {link && (
        <SecretOnce
          id="invitation-link"
          label="One-time invitation link"
          value={link.link}
          note={
            <>
              Send it to {record.email}. It works once, until <Utc at={link.expiresAt} />.
            </>
          }
        />
      )}
      <dl class="facts">
        <dt>Email</dt>
        <dd>{record.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[record.role]}</dd>
        <dt>Customer</dt>
        <dd>
          {record.customerId === null || record.customerName === null ? (
            '— (staff)'
          ) : (
            <a href={ADMIN.customer(record.customerId)}>{record.customerName}</a>
          )}
        </dd>
        <dt>Password</dt>
        <dd>
          {record.passwordSet ? (
            <>
              Chosen by them; last changed <Utc at={record.passwordChangedAt} none="—" />
            </>
          ) : (
            'None yet: invited, not accepted'
          )}
        </dd>
        <dt>Added</dt>
        <dd>
          <Utc at={record.createdAt} />
        </dd>
      </dl>

      {!record.passwordSet && record.active && (
        <section class="panel" aria-labelledby="invitation-title">
          <h2 id="invitation-title">Invitation</h2>
          {pending.data ? (
            <p>
              The link sent works until <Utc at={pending.data.expiresAt} />.
            </p>
          ) : (
            <p>No link works any more: it expired or was revoked.</p>
          )}
          <p class="actions">
            <ConfirmAction
              label="Send a new link"
              question={
                <>Make a new one-time link for {record.email}? Any earlier link stops working.</>
              }
              confirm="Yes, make a new link"
              onConfirm={reinvite}
            />
            {pending.data && (
              <RevokeInvitation
                invitation={pending.data}
                onRevoked={() =>
                  done(`The invitation of ${record.email} is revoked: its link no longer works.`)
                }
              />
            )}
          </p>
        </section>
      )}

      <section class="panel" aria-labelledby="change-title">
        <h2 id="change-title">Change the person</h2>
        {self && (
          <p class="meta">
            This is you: you cannot change your own role or deactivate yourself, so an admin always
            remains.
          </p>
        )}
        <UserForm
          key={`${record.name}|${record.role}|${record.customerId}`}
          user={record}
          self={self}
          onSaved={() => done('The changes are saved.')}
        />
      </section>

      {record.active && record.passwordSet && (
        <section class="panel" aria-labelledby="reset-title">
          <h2 id="reset-title">Forgotten password</h2>
          <ResetPassword user={record} />
        </section>
      )}

      {!self && (
        <section class="panel" aria-labelledby="access-title">
          <h2 id="access-title">Access</h2>
          {record.active ? (
            <ConfirmAction
              key="deactivate"
              label="Deactivate the person"
              danger
              question={
                <>
                  Deactivate {record.email}? They are signed out at once, cannot sign in until
                  reactivated, and the read keys they made are revoked. What they did stays on
                  record.
                </>
              }
              confirm={`Yes, deactivate ${record.email}`}
              onConfirm={() => setActive(false)}
            />
          ) : (
            <ConfirmAction
              key="reactivate"
              label="Reactivate the person"
              question={<>Reactivate {record.email}? They can sign in again with their password.</>}
              confirm={`Yes, reactivate ${record.email}`}
              onConfirm={() => setActive(true)}
            />
          )}
        </section>
      )}
    </>
  );
}

const FIELDS = [
  { key: 'name', id: 'user-name', label: 'Name' },
  { key: 'role', id: 'user-role', label: 'Role' },
  { key: 'customer', id: 'user-customer', label: 'Customer' },
];

const API_FIELDS = {
  name: { key: 'name', label: 'Name' },
  role: { key: 'role', label: 'Role' },
  customerId: { key: 'customer', label: 'Customer' },
};

function UserForm(props: { user: User; self: boolean; onSaved: () => void }) {
  const { user } = props;
  const [name, setName] = useState(user.name ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(
    user.customerId === null || user.customerName === null
      ? null
      : { id: user.customerId, name: user.customerName },
  );
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (name.trim().length > 200) found.name = 'Name must be at most 200 characters.';
    if (role === 'customer' && customer === null) found.customer = 'Choose the customer.';
    setProblems(found);
    setError(null);
    setRest([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await call(
        apiClient.PATCH('/staff/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            name: name.trim() === '' ? null : name.trim(),
            ...(props.self ? {} : { role }),
            ...(role === 'customer' && customer ? { customerId: customer.id } : {}),
          },
        }),
      );
      props.onSaved();
    } catch (caught) {
      const failure = asApiError(caught);
      const mapped = problemsOf(failure, API_FIELDS);
      setProblems(mapped.problems);
      setRest(mapped.rest);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form narrow" onSubmit={submit} noValidate>
      <FormAlert error={error} problems={problems} fields={FIELDS} rest={rest} />
      <Field id="user-name" label="Name (optional)" problem={problems.name}>
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
      {!props.self && (
        <Field
          id="user-role"
          label="Role"
          hint="A change of role or customer signs them out everywhere."
          problem={problems.role}
        >
          {(aria) => (
            <select
              {...aria}
              value={role}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (value === 'customer' || value === 'agent' || value === 'admin') setRole(value);
              }}
            >
              <option value="customer">{ROLE_LABELS.customer}</option>
              <option value="agent">{ROLE_LABELS.agent}</option>
              <option value="admin">{ROLE_LABELS.admin}</option>
            </select>
          )}
        </Field>
      )}
      {role === 'customer' && (
        <CustomerPicker
          id="user-customer"
          chosen={customer}
          problem={problems.customer}
          onChoose={setCustomer}
        />
      )}
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save the changes'}
        </button>
      </p>
    </form>
  );
}

/**
 * A one-time link for a person who forgot their password (docs/decisions/123): shown once,
 * for the admin to pass on by another channel. Nothing changes until it is used, so there is
 * nothing to confirm; a new link replaces an earlier one.
 */
function ResetPassword(props: { user: User }) {
  const { user } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<{ url: string; expiresAt: string } | null>(null);

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setIssued(
        await call(
          apiClient.POST('/staff/users/{id}/password-reset', { params: { path: { id: user.id } } }),
        ),
      );
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        Resetting makes a one-time link for {user.email} to choose a new password. Their current
        password keeps working until they use it; a new link replaces an earlier one.
      </p>
      {error && <ErrorMessage error={error} focus />}
      {issued && (
        <SecretOnce
          id={`reset-link-${user.id}`}
          label={`Reset link for ${user.email}`}
          value={issued.url}
          note={
            <>
              Pass it on by another channel (phone, chat). It works once, until{' '}
              <Utc at={issued.expiresAt} />.
            </>
          }
        />
      )}
      <p class="actions">
        <button
          type="button"
          class="secondary"
          disabled={busy}
          aria-label={`Reset the password of ${user.email}`}
          onClick={() => void issue()}
        >
          {busy ? 'Reset the password…' : 'Reset the password'}
        </button>
      </p>
    </>
  );
}
