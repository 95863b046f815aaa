import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import { monthLabel } from '../../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf } from '../../../lib/labels.ts';
import { money, zonedDate, zonedDateTime } from '../../shared/format.ts';
import { ErrorMessage, Loading } from '../../shared/messages.tsx';
import { StatusTag } from '../../shared/tags.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import {
  ADMIN,
  type Agreement,
  type ApiKey,
  type ClaimsPage,
  type Customer,
  type PendingInvitation,
  ROLE_LABELS,
  type User,
} from './api.ts';
import { CustomerForm } from './CustomerForm.tsx';
import {
  ActiveTag,
  AdminPage,
  BothZones,
  ConfirmAction,
  idParam,
  noRecord,
  SavedNotice,
  Utc,
  useJustAdded,
} from './shared.tsx';

/**
 * `/staff/admin/customer/?id=N`: one customer with its agreements, people, keys and claims,
 * the onboarding steps still open (each a link to the next form, prefilled), and changes.
 */
export default function CustomerApp() {
  const id = idParam();
  return (
    <AdminPage title="Customer" trail={[{ href: ADMIN.customers, label: 'Customers' }]}>
      {() =>
        id === null ? (
          <>
            <h1>Customer</h1>
            <ErrorMessage error={noRecord('customer')} />
          </>
        ) : (
          <CustomerDetail id={id} />
        )
      }
    </AdminPage>
  );
}

function CustomerDetail(props: { id: number }) {
  const { id } = props;
  const customer = useApiQuery(
    (signal) => call(apiClient.GET('/staff/customers/{id}', { params: { path: { id } }, signal })),
    [],
  );
  const agreements = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/agreements', {
          params: { query: { customerId: id, limit: 100, sort: '-start' } },
          signal,
        }),
      ),
    [],
  );
  const users = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/users', {
          params: { query: { customerId: id, limit: 100, sort: 'email' } },
          signal,
        }),
      ),
    [],
  );
  const invitations = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/users/invitations', {
          params: { query: { customerId: id, limit: 100 } },
          signal,
        }),
      ),
    [],
  );
  const keys = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/api-keys', {
          params: { query: { customerId: id, limit: 100 } },
          signal,
        }),
      ),
    [],
  );
  const ingestKeys = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/api-keys', {
          params: { query: { revoked: 'false', limit: 100 } },
          signal,
        }),
      ).then((page) => page.items.filter((key) => key.scopes.includes('ingest'))),
    [],
  );
  const claims = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/claims', {
          params: { query: { customerId: id, limit: 100 } },
          signal,
        }),
      ),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const added = useJustAdded();

  if (customer.error) {
    return (
      <>
        <h1>Customer</h1>
        <ErrorMessage error={customer.error} />
      </>
    );
  }
  if (customer.data === null) return <Loading what="Loading the customer" />;
  const record = customer.data;
  document.title = `${record.name} · Customers · Administration · Service status`;

  return (
    <>
      <h1>
        {record.name} <ActiveTag active={record.active} />
      </h1>
      <SavedNotice
        text={
          notice ??
          (added ? `${record.name} added. Next: its agreement, as the steps below say.` : null)
        }
      />
      <dl class="facts">
        <dt>Time zone</dt>
        <dd>
          {record.timeZone} (now {zonedDateTime(Date.now(), record.timeZone)} there)
        </dd>
        <dt>Added</dt>
        <dd>
          <BothZones at={record.createdAt} timeZone={record.timeZone} />
        </dd>
      </dl>

      <section class="panel" aria-labelledby="steps-title">
        <h2 id="steps-title">Onboarding</h2>
        <Steps
          customer={record}
          agreements={agreements.data?.items ?? null}
          users={users.data?.items ?? null}
          invitations={invitations.data?.items ?? null}
          ingestKeys={ingestKeys.data}
        />
      </section>

      <section aria-labelledby="agreements-title">
        <div class="page-head">
          <h2 id="agreements-title">Agreements</h2>
          <a class="button secondary-link" href={ADMIN.newAgreement(id)}>
            New agreement
          </a>
        </div>
        {agreements.error && <ErrorMessage error={agreements.error} />}
        {agreements.data && <AgreementTable agreements={agreements.data.items} />}
      </section>

      <section aria-labelledby="people-title">
        <div class="page-head">
          <h2 id="people-title">People</h2>
          <a class="button secondary-link" href={ADMIN.invite(id)}>
            Invite a person
          </a>
        </div>
        {users.error && <ErrorMessage error={users.error} />}
        {users.data && (
          <PeopleTable users={users.data.items} invitations={invitations.data?.items ?? []} />
        )}
      </section>

      <section aria-labelledby="keys-title">
        <h2 id="keys-title">The customer’s API keys</h2>
        <p class="meta">
          Read keys the customer’s people made for their own automation (read-only access to their
          figures). The monitor’s ingest keys are the provider’s: see{' '}
          <a href={ADMIN.apiKeys}>API keys</a>.
        </p>
        {keys.error && <ErrorMessage error={keys.error} />}
        {keys.data && <KeyTable keys={keys.data.items} />}
      </section>

      <section aria-labelledby="claims-title">
        <h2 id="claims-title">Claims</h2>
        {claims.error && <ErrorMessage error={claims.error} />}
        {claims.data && <ClaimsSummary claims={claims.data} timeZone={record.timeZone} />}
      </section>

      <section class="panel" aria-labelledby="change-title">
        <h2 id="change-title">Change the customer</h2>
        <CustomerForm
          key={`${record.name}|${record.timeZone}`}
          initial={{ name: record.name, timeZone: record.timeZone }}
          submitLabel="Save the changes"
          busyLabel="Saving…"
          zoneHint="A new zone applies to new agreements only: existing ones keep theirs."
          onSubmit={async (values) => {
            await call(
              apiClient.PATCH('/staff/customers/{id}', { params: { path: { id } }, body: values }),
            );
            customer.reload();
            setNotice('The changes are saved.');
          }}
        />
        {record.active ? (
          <ConfirmAction
            key="deactivate"
            label="Deactivate the customer"
            danger
            question={
              <>
                Deactivate {record.name}? Its agreements, claims and figures stay as they are, and
                it can be reactivated. Deactivate its people separately if they should lose access.
              </>
            }
            confirm={`Yes, deactivate ${record.name}`}
            onConfirm={async () => {
              await call(
                apiClient.PATCH('/staff/customers/{id}', {
                  params: { path: { id } },
                  body: { active: false },
                }),
              );
              customer.reload();
              setNotice(`${record.name} is deactivated.`);
            }}
          />
        ) : (
          <ConfirmAction
            key="reactivate"
            label="Reactivate the customer"
            question={<>Reactivate {record.name}?</>}
            confirm={`Yes, reactivate ${record.name}`}
            onConfirm={async () => {
              await call(
                apiClient.PATCH('/staff/customers/{id}', {
                  params: { path: { id } },
                  body: { active: true },
                }),
              );
              customer.reload();
              setNotice(`${record.name} is active again.`);
            }}
          />
        )}
      </section>
    </>
  );
}

/** The onboarding path for this customer: what is done, and a link to the next form. */
function Steps(props: {
  customer: Customer;
  agreements: Agreement[] | null;
  users: User[] | null;
  invitations: PendingInvitation[] | null;
  ingestKeys: ApiKey[] | null;
}) {
  const { customer, agreements, users, invitations, ingestKeys } = props;
  const activeAgreements = agreements?.filter((agreement) => agreement.active) ?? [];
  const signedUp = users?.filter((user) => user.active && user.passwordSet) ?? [];
  const pending = invitations ?? [];
  const done = (text: string) => (
    <span class="step-state step-done">
      <span aria-hidden="true">✓ </span>Done: {text}
    </span>
  );
  const todo = <span class="step-state">To do.</span>;
  return (
    <ol class="steps">
      <li>
        <strong>The customer.</strong> {done(`${customer.name}, ${customer.timeZone}.`)}
      </li>
      <li>
        <strong>An agreement with its services, fees and policy.</strong>{' '}
        {agreements === null ? (
          'Checking…'
        ) : activeAgreements.length > 0 ? (
          <>
            {done(
              `${activeAgreements.length} active agreement${activeAgreements.length === 1 ? '' : 's'}.`,
            )}{' '}
            <a href={ADMIN.newAgreement(customer.id)}>Add another agreement</a>
          </>
        ) : (
          <>
            {todo} <a href={ADMIN.newAgreement(customer.id)}>Add the agreement</a>
          </>
        )}
      </li>
      <li>
        <strong>People who sign in for {customer.name}.</strong>{' '}
        {users === null ? (
          'Checking…'
        ) : signedUp.length > 0 ? (
          <>
            {done(`${signedUp.length} signed up.`)}{' '}
            <a href={ADMIN.invite(customer.id)}>Invite another person</a>
          </>
        ) : pending.length > 0 ? (
          <>
            <span class="step-state">
              Invited, not accepted yet:{' '}
              {pending.map((invitation) => invitation.user.email).join(', ')}.
            </span>{' '}
            <a href={ADMIN.invite(customer.id)}>Invite another person</a>
          </>
        ) : (
          <>
            {todo} <a href={ADMIN.invite(customer.id)}>Invite a person</a>
          </>
        )}
      </li>
      <li>
        <strong>A key for the monitor that reports outages.</strong>{' '}
        {ingestKeys === null ? (
          'Checking…'
        ) : ingestKeys.length > 0 ? (
          <>
            {done(
              `${ingestKeys.length} monitor key${ingestKeys.length === 1 ? '' : 's'} in use (${ingestKeys
                .map((key) => key.name)
                .join(', ')}).`,
            )}{' '}
            <a href={ADMIN.newApiKey(customer.id)}>Create another monitor key</a>
          </>
        ) : (
          <>
            {todo} <a href={ADMIN.newApiKey(customer.id)}>Create the monitor’s key</a>
          </>
        )}
        <br />
        <span class="meta">
          Monitor keys are the provider’s: one key reports outages of every service, this customer’s
          included.
        </span>
      </li>
    </ol>
  );
}

function term(agreement: Agreement): string {
  const start = zonedDate(agreement.start, agreement.timeZone);
  return agreement.end === null
    ? `from ${start}`
    : `${start} – ${zonedDate(agreement.end, agreement.timeZone)}`;
}

function AgreementTable(props: { agreements: Agreement[] }) {
  if (props.agreements.length === 0) return <p>No agreement yet.</p>;
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption class="visually-hidden">Agreements</caption>
        <thead>
          <tr>
            <th scope="col">Agreement</th>
            <th scope="col">Services and monthly fees</th>
            <th scope="col">Starts</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.agreements.map((agreement) => (
            <tr key={agreement.id}>
              <td data-label="Agreement">
                <a href={ADMIN.agreement(agreement.id)}>
                  {agreement.policyName}, {term(agreement)}
                </a>
              </td>
              <td data-label="Services">
                {agreement.services
                  .map((line) => `${line.name} ${money(line.monthlyFeeMinor, line.currency)}`)
                  .join('; ')}
              </td>
              <td data-label="Starts">
                <BothZones at={agreement.start} timeZone={agreement.timeZone} />
              </td>
              <td data-label="Status">
                <ActiveTag active={agreement.active} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PeopleTable(props: { users: User[]; invitations: PendingInvitation[] }) {
  if (props.users.length === 0) return <p>Nobody yet.</p>;
  const pendingUntil = new Map(
    props.invitations.map((invitation) => [invitation.user.id, invitation.expiresAt]),
  );
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption class="visually-hidden">People</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => {
            const until = pendingUntil.get(user.id);
            return (
              <tr key={user.id}>
                <td data-label="Email">
                  <a href={ADMIN.user(user.id)}>{user.email}</a>
                </td>
                <td data-label="Name">{user.name ?? '—'}</td>
                <td data-label="Role">{ROLE_LABELS[user.role]}</td>
                <td data-label="Status">
                  {!user.active ? (
                    <ActiveTag active={false} />
                  ) : user.passwordSet ? (
                    <ActiveTag active />
                  ) : until ? (
                    <>
                      Invited; the link works until <Utc at={until} />
                    </>
                  ) : (
                    'Invited; the link expired'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function KeyTable(props: { keys: ApiKey[] }) {
  if (props.keys.length === 0) return <p>None.</p>;
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption class="visually-hidden">The customer’s API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((key) => (
            <tr key={key.id}>
              <td data-label="Name">
                <a href={ADMIN.apiKey(key.id)}>{key.name}</a>
              </td>
              <td data-label="Key">
                <code class="prefix">sp_{key.prefix}_…</code>
              </td>
              <td data-label="Last used">
                <Utc at={key.lastUsedAt} none="Never" />
              </td>
              <td data-label="State">
                {key.revokedAt === null ? (
                  <ActiveTag active />
                ) : (
                  <>
                    Revoked <Utc at={key.revokedAt} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClaimsSummary(props: { claims: ClaimsPage; timeZone: string }) {
  const counts = Object.entries(props.claims.counts).filter(([, count]) => (count ?? 0) > 0);
  if (counts.length === 0) return <p>No claims.</p>;
  const latest = [...props.claims.items].reverse().slice(0, 5);
  return (
    <>
      <ul class="counts">
        {counts.map(([status, count]) => (
          <li key={status}>
            <span>
              {labelOf(CLAIM_STATUS_LABELS, status)}: {count}
            </span>
          </li>
        ))}
      </ul>
      <ul>
        {latest.map((claim) => (
          <li key={claim.id}>
            <a href={`/staff/claim/?id=${claim.id}`}>
              {claim.serviceName}, {monthLabel(claim.period)}
            </a>{' '}
            <StatusTag status={claim.status} label={labelOf(CLAIM_STATUS_LABELS, claim.status)} />{' '}
            filed {zonedDate(claim.createdAt, props.timeZone)} ({props.timeZone})
          </li>
        ))}
      </ul>
    </>
  );
}
