import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import type { ApiError, ApiIssue } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { ADMIN, type Customer, ROLE_LABELS, type Role } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { type Problems, problemsOf } from './problems.ts';
import { AdminPage, FormAlert, idParam, SavedNotice, SecretOnce, Utc } from './shared.tsx';

/**
 * `/staff/admin/users/invite/?customer=N`: invites a person (one of a customer's people, or
 * staff). The one-time link is shown once, to copy and send; from a customer's onboarding,
 * the next step (the monitor's key) follows.
 */
export default function InviteApp() {
  const customerId = idParam('customer');
  return (
    <AdminPage title="Invite a person" trail={[{ href: ADMIN.users, label: 'Users' }]}>
      {() => <Invite customerId={customerId} />}
    </AdminPage>
  );
}

const FIELDS = [
  { key: 'email', id: 'invite-email', label: 'Email' },
  { key: 'name', id: 'invite-name', label: 'Name' },
  { key: 'role', id: 'invite-role-customer', label: 'Role' },
  { key: 'customer', id: 'invite-customer', label: 'Customer' },
];

const API_FIELDS = {
  email: { key: 'email', label: 'Email' },
  name: { key: 'name', label: 'Name' },
  role: { key: 'role', label: 'Role' },
  customerId: { key: 'customer', label: 'Customer' },
};

interface Invited {
  email: string;
  link: string;
  expiresAt: string;
  customer: Customer | null;
}

function Invite(props: { customerId: number | null }) {
  const preset = useApiQuery(
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
  const [invited, setInvited] = useState<Invited | null>(null);
  const [round, setRound] = useState(0);

  if (preset.error) {
    return (
      <>
        <h1>Invite a person</h1>
        <ErrorMessage error={preset.error} />
      </>
    );
  }
  if (preset.loading) return <Loading what="Loading" />;
  const customer = preset.data;
  return (
    <>
      <h1>Invite a person{customer ? ` for ${customer.name}` : ''}</h1>
      {invited ? (
        <InvitationMade
          invited={invited}
          onAnother={() => {
            setInvited(null);
            setRound(round + 1);
          }}
        />
      ) : (
        <>
          <p class="lead">
            {customer ? 'Step 3 of 4 of onboarding. ' : ''}The person gets a one-time link to choose
            their own password; nobody else ever knows it.
          </p>
          <InviteForm key={round} preset={customer} onInvited={setInvited} />
        </>
      )}
    </>
  );
}

function InviteForm(props: { preset: Customer | null; onInvited: (invited: Invited) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('customer');
  const [customer, setCustomer] = useState<Customer | null>(props.preset);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    const address = email.trim();
    if (address === '') found.email = 'Enter the person’s email address.';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      found.email = 'Email must be an address such as ada@example.com.';
    }
    if (name.trim().length > 200) found.name = 'Name must be at most 200 characters.';
    if (role === 'customer' && customer === null) found.customer = 'Choose the customer.';
    setProblems(found);
    setError(null);
    setRest([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const answer = await call(
        apiClient.POST('/staff/users/invitations', {
          body: {
            email: address,
            role,
            ...(name.trim() === '' ? {} : { name: name.trim() }),
            ...(role === 'customer' && customer ? { customerId: customer.id } : {}),
          },
        }),
      );
      props.onInvited({
        email: answer.user.email,
        link: answer.link,
        expiresAt: answer.expiresAt,
        customer: role === 'customer' ? customer : null,
      });
    } catch (caught) {
      const failure = asApiError(caught);
      const mapped = problemsOf(failure, API_FIELDS);
      setProblems(mapped.problems);
      setRest(mapped.rest);
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <form class="form narrow" onSubmit={submit} noValidate>
      <FormAlert error={error} problems={problems} fields={FIELDS} rest={rest} />
      <Field id="invite-email" label="Email" problem={problems.email}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="invite-name" label="Name (optional)" problem={problems.name}>
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
      {props.preset === null ? (
        <fieldset aria-describedby={problems.role ? 'invite-role-problem' : undefined}>
          <legend>Role</legend>
          {(['customer', 'agent', 'admin'] as const).map((value) => (
            <div class="check" key={value}>
              <input
                id={`invite-role-${value}`}
                type="radio"
                name="role"
                value={value}
                checked={role === value}
                onChange={() => setRole(value)}
              />
              <label for={`invite-role-${value}`}>
                {value === 'customer'
                  ? 'One of a customer’s people: sees that customer’s service levels and claims'
                  : value === 'agent'
                    ? 'Support agent: reviews claims, runs incidents'
                    : 'Admin: everything, including this administration'}
              </label>
            </div>
          ))}
          {problems.role && (
            <p class="field-problem" id="invite-role-problem">
              {problems.role}
            </p>
          )}
        </fieldset>
      ) : (
        <p>
          <strong>Role:</strong> {ROLE_LABELS.customer}, for {props.preset.name}.{' '}
          <a href={ADMIN.invite()}>Invite staff or someone else instead</a>
        </p>
      )}
      {role === 'customer' && props.preset === null && (
        <CustomerPicker
          id="invite-customer"
          chosen={customer}
          problem={problems.customer}
          onChoose={setCustomer}
        />
      )}
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Inviting…' : 'Create the invitation'}
        </button>
      </p>
    </form>
  );
}

function InvitationMade(props: { invited: Invited; onAnother: () => void }) {
  const { invited } = props;
  return (
    <>
      <SavedNotice text={`Invitation for ${invited.email} created.`} />
      <SecretOnce
        id="invitation-link"
        label="One-time invitation link"
        value={invited.link}
        note={
          <>
            Send this link to {invited.email}. It works once, until <Utc at={invited.expiresAt} />.
            To replace it, invite the same address again.
          </>
        }
      />
      {invited.customer && (
        <section class="panel" aria-labelledby="next-title">
          <h2 id="next-title">Next: the monitor’s key</h2>
          <p>
            Step 4 of 4 of onboarding. The monitor reports outages with an ingest key; one key
            serves every customer.
          </p>
          <p class="actions">
            <a class="button" href={ADMIN.newApiKey(invited.customer.id)}>
              Create the monitor’s key
            </a>
            <a href={ADMIN.customer(invited.customer.id)}>Back to {invited.customer.name}</a>
          </p>
        </section>
      )}
      <p class="actions">
        <button type="button" class="secondary" onClick={props.onAnother}>
          Invite another person
        </button>
        <a href={ADMIN.users}>All users</a>
      </p>
    </>
  );
}
