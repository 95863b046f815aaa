import type { ComponentChildren, TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ApiError, api, isAbort, query } from '../../lib/client.ts';
import {
  asApiError,
  ErrorMessage,
  Loading,
  Pager,
  PortalBar,
  queryParam,
  SessionGate,
  STAFF_LINKS,
  setQuery,
} from '../account/common.tsx';
import { TableWrap } from '../account/evidence.tsx';
import { money, percent, zonedDate, zonedDateTime } from '../account/format.ts';
import type { Page, SessionUser } from '../account/types.ts';

/**
 * `/staff/admin/`: read-only lists for admins (customers, agreements, policies, services,
 * users, API keys). Changes go through the API; its reference is linked here.
 */
export default function AdminApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Admin user={user} signOut={signOut} />}
    </SessionGate>
  );
}

interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  number?: boolean;
}

interface ListSpec<T> {
  key: string;
  label: string;
  path: string;
  columns: Column<T>[];
}

const date = (at: string | null) => (at === null ? '—' : zonedDate(at, 'UTC'));
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

interface Customer {
  id: number;
  name: string;
  timeZone: string;
  active: boolean;
  createdAt: string;
}
interface Agreement {
  id: number;
  customerId: number;
  policyId: number;
  start: string;
  end: string | null;
  timeZone: string;
  active: boolean;
  services: { slug: string; name: string; monthlyFeeMinor: number; currency: string }[];
}
interface Policy {
  id: number;
  name: string;
  active: boolean;
  version: number;
  effectiveFrom: string;
  rules: { targetPercent: number; claimWindowDays: number; capPercent: number };
  versions: unknown[];
}
interface Service {
  id: number;
  slug: string;
  name: string;
  group: { name: string } | null;
  monitoredSince: string | null;
  active: boolean;
}
interface User {
  id: number;
  email: string;
  role: string;
  customerId: number | null;
  active: boolean;
  passwordSet: boolean;
  passwordChangedAt: string | null;
}
interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  customerId: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const LISTS = [
  {
    key: 'customers',
    label: 'Customers',
    path: '/staff/customers',
    columns: [
      { header: 'Id', cell: (row) => row.id, number: true },
      { header: 'Name', cell: (row) => row.name },
      { header: 'Time zone', cell: (row) => row.timeZone },
      { header: 'Active', cell: (row) => yesNo(row.active) },
      { header: 'Created (UTC)', cell: (row) => date(row.createdAt) },
    ],
  } satisfies ListSpec<Customer>,
  {
    key: 'agreements',
    label: 'Agreements',
    path: '/staff/agreements',
    columns: [
      { header: 'Id', cell: (row) => row.id, number: true },
      { header: 'Customer', cell: (row) => `#${row.customerId}` },
      { header: 'Policy', cell: (row) => `#${row.policyId}` },
      { header: 'Time zone', cell: (row) => row.timeZone },
      {
        header: 'Term (UTC)',
        cell: (row) => `${date(row.start)} – ${row.end === null ? 'open' : date(row.end)}`,
      },
      {
        header: 'Services and monthly fees',
        cell: (row) =>
          row.services
            .map((service) => `${service.name} ${money(service.monthlyFeeMinor, service.currency)}`)
            .join('; '),
      },
      { header: 'Active', cell: (row) => yesNo(row.active) },
    ],
  } satisfies ListSpec<Agreement>,
  {
    key: 'policies',
    label: 'Policies',
    path: '/staff/policies',
    columns: [
      { header: 'Id', cell: (row) => row.id, number: true },
      { header: 'Name', cell: (row) => row.name },
      {
        header: 'Latest version',
        cell: (row) =>
          `${row.version}${row.effectiveFrom === '0000-01' ? '' : ` (from ${row.effectiveFrom})`}`,
      },
      { header: 'Target', cell: (row) => percent(row.rules.targetPercent) },
      { header: 'Claim window', cell: (row) => `${row.rules.claimWindowDays} days` },
      { header: 'Cap', cell: (row) => percent(row.rules.capPercent) },
      { header: 'Active', cell: (row) => yesNo(row.active) },
    ],
  } satisfies ListSpec<Policy>,
  {
    key: 'services',
    label: 'Services',
    path: '/staff/services',
    columns: [
      { header: 'Slug', cell: (row) => row.slug },
      { header: 'Name', cell: (row) => row.name },
      { header: 'Group', cell: (row) => row.group?.name ?? '—' },
      { header: 'Monitored since (UTC)', cell: (row) => date(row.monitoredSince) },
      { header: 'Active', cell: (row) => yesNo(row.active) },
    ],
  } satisfies ListSpec<Service>,
  {
    key: 'users',
    label: 'Users',
    path: '/staff/users',
    columns: [
      { header: 'Email', cell: (row) => row.email },
      { header: 'Role', cell: (row) => row.role },
      { header: 'Customer', cell: (row) => (row.customerId === null ? '—' : `#${row.customerId}`) },
      {
        header: 'Password',
        cell: (row) =>
          row.passwordSet ? `set ${date(row.passwordChangedAt)}` : 'invited, not yet accepted',
      },
      { header: 'Active', cell: (row) => yesNo(row.active) },
      {
        header: 'Forgotten password',
        cell: (row) => (row.active && row.passwordSet ? <ResetPassword user={row} /> : '—'),
      },
    ],
  } satisfies ListSpec<User>,
  {
    key: 'api-keys',
    label: 'API keys',
    path: '/staff/api-keys',
    columns: [
      { header: 'Name', cell: (row) => row.name },
      { header: 'Key', cell: (row) => <code>sp_{row.prefix}_…</code> },
      { header: 'Scopes', cell: (row) => row.scopes.join(', ') },
      { header: 'Customer', cell: (row) => (row.customerId === null ? '—' : `#${row.customerId}`) },
      { header: 'Last used (UTC)', cell: (row) => date(row.lastUsedAt) },
      {
        header: 'State',
        cell: (row) => (row.revokedAt === null ? 'active' : `revoked ${date(row.revokedAt)}`),
      },
    ],
  } satisfies ListSpec<ApiKey>,
] as ListSpec<never>[];

function Admin(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const asked = queryParam('list');
  const [key, setKey] = useState(LISTS.some((list) => list.key === asked) ? asked : 'customers');
  const spec = LISTS.find((list) => list.key === key) ?? (LISTS[0] as ListSpec<never>);
  // Bumped after an invitation, so the users list shows the new person.
  const [version, setVersion] = useState(0);

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/admin/')}
      />
      <h1>Administration</h1>
      {props.user.role !== 'admin' ? (
        <p>Administration is for admins. Your role is {props.user.role}.</p>
      ) : (
        <>
          <AdminMenu />
          <p class="lead">
            Lists, with invitations and password reset links for users. To create or change
            customers, agreements, policies, services, users and API keys, use the API: see the{' '}
            <a href="/api/v1/docs">API reference</a>.
          </p>
          <nav aria-label="Lists">
            <ul class="counts">
              {LISTS.map((list) => (
                <li key={list.key}>
                  <a
                    href={`?list=${list.key}`}
                    aria-current={list.key === key ? 'true' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      setKey(list.key);
                      setQuery({ list: list.key });
                    }}
                  >
                    {list.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {spec.key === 'users' && <InviteForm onInvited={() => setVersion(version + 1)} />}
          <List key={`${spec.key}-${version}`} spec={spec} />
        </>
      )}
    </>
  );
}

/** The administration screens with their own pages. */
const SCREENS = [
  {
    href: '/staff/admin/policies/',
    label: 'Policies',
    about: 'Rules and versions, with a preview of a change’s figures',
  },
  { href: '/staff/admin/audit/', label: 'Audit log', about: 'Every change, by whom and when' },
  { href: '/staff/admin/brand/', label: 'Brand', about: 'Name, logo, colour, support, footer' },
];

function AdminMenu() {
  return (
    <nav aria-label="Administration">
      <ul class="admin-menu">
        {SCREENS.map((screen) => (
          <li key={screen.href}>
            <a href={screen.href}>
              <strong>{screen.label}</strong>
              <span>{screen.about}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const PAGE_SIZE = 50;

function List<T extends object>(props: { spec: ListSpec<T> }) {
  const { spec } = props;
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const cursor = cursors.at(-1);

  useEffect(() => {
    const controller = new AbortController();
    setPage(null);
    api
      .get<Page<T>>(`${spec.path}${query({ limit: PAGE_SIZE, cursor })}`, controller.signal)
      .then(setPage)
      .catch((caught: unknown) => {
        if (!isAbort(caught)) setError(asApiError(caught));
      });
    return () => controller.abort();
  }, [spec.path, cursor]);

  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{spec.label}</h2>
      {error && <ErrorMessage error={error} />}
      {!error && page === null && <Loading what={`Loading ${spec.label.toLowerCase()}`} />}
      {page && page.items.length === 0 && <p>None yet.</p>}
      {page && page.items.length > 0 && (
        <TableWrap label={spec.label}>
          <table>
            <thead>
              <tr>
                {spec.columns.map((column) => (
                  <th key={column.header} scope="col" class={column.number ? 'number' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.items.map((row, index) => (
                <tr key={(row as { id?: number }).id ?? index}>
                  {spec.columns.map((column) => (
                    <td key={column.header} class={column.number ? 'number' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page && <Pager cursors={cursors} nextCursor={page.nextCursor} onChange={setCursors} />}
    </section>
  );
}

type Role = 'customer' | 'agent' | 'admin';

/**
 * Invites a person (portal.md: admins invite rather than choose passwords): the API answers a
 * one-time link, shown here once for the admin to send.
 */
function InviteForm(props: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('customer');
  const [customerId, setCustomerId] = useState('');
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [problems, setProblems] = useState<{ email?: string; customer?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [invited, setInvited] = useState<{ email: string; link: string; expiresAt: string } | null>(
    null,
  );

  useEffect(() => {
    api
      .get<Page<Customer>>('/staff/customers?limit=100')
      .then((page) => setCustomers(page.items.filter((customer) => customer.active)))
      .catch((caught: unknown) => setError(asApiError(caught)));
  }, []);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { email?: string; customer?: string } = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address.';
    if (role === 'customer' && customerId === '') found.customer = 'Choose the customer.';
    setProblems(found);
    if (found.email || found.customer) return;
    setBusy(true);
    setError(null);
    setInvited(null);
    try {
      const answer = await api.post<{ user: { email: string }; link: string; expiresAt: string }>(
        '/staff/users/invitations',
        {
          email: email.trim(),
          role,
          ...(role === 'customer' ? { customerId: Number(customerId) } : {}),
        },
      );
      setInvited({ email: answer.user.email, link: answer.link, expiresAt: answer.expiresAt });
      setEmail('');
      props.onInvited();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="panel">
      <summary>Invite a person</summary>
      <form class="form" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <div class="filters">
          <div class="field">
            <label for="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              autocomplete="off"
              value={email}
              aria-invalid={problems.email ? 'true' : undefined}
              aria-describedby={problems.email ? 'invite-email-problem' : undefined}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
            {problems.email && (
              <p class="field-problem" id="invite-email-problem">
                {problems.email}
              </p>
            )}
          </div>
          <div class="field">
            <label for="invite-role">Role</label>
            <select
              id="invite-role"
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            >
              <option value="customer">Customer</option>
              <option value="agent">Support agent</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          {role === 'customer' && (
            <div class="field">
              <label for="invite-customer">Customer</label>
              <select
                id="invite-customer"
                value={customerId}
                aria-invalid={problems.customer ? 'true' : undefined}
                aria-describedby={problems.customer ? 'invite-customer-problem' : undefined}
                onChange={(event) => setCustomerId(event.currentTarget.value)}
              >
                <option value="">Choose…</option>
                {customers.map((customer) => (
                  <option key={customer.id} value={String(customer.id)}>
                    {customer.name}
                  </option>
                ))}
              </select>
              {problems.customer && (
                <p class="field-problem" id="invite-customer-problem">
                  {problems.customer}
                </p>
              )}
            </div>
          )}
          <p class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Inviting…' : 'Create the invitation'}
            </button>
          </p>
        </div>
      </form>
      <div role="status">
        {invited && (
          <div class="notice">
            <p>
              Invitation for {invited.email} created. Send this link; it works once, until{' '}
              {zonedDateTime(invited.expiresAt, 'UTC')} UTC, and is not shown again.
            </p>
            <label for="invite-link">One-time link</label>
            <input id="invite-link" type="text" readOnly value={invited.link} />
          </div>
        )}
      </div>
    </details>
  );
}

/**
 * Lets a person who forgot their password choose a new one: the API answers a one-time
 * link, shown here once for the admin to pass on by another channel.
 */
function ResetPassword(props: { user: User }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<{ url: string; expiresAt: string } | null>(null);
  const id = `reset-link-${props.user.id}`;

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setIssued(
        await api.post<{ url: string; expiresAt: string }>(
          `/staff/users/${props.user.id}/password-reset`,
          {},
        ),
      );
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div role="status">
      {error && <ErrorMessage error={error} />}
      {issued ? (
        <>
          <label for={id}>Reset link for {props.user.email}</label>
          <input id={id} type="text" readOnly value={issued.url} />
          <p class="hint">
            Works once, until {zonedDateTime(issued.expiresAt, 'UTC')} UTC; not shown again.
          </p>
        </>
      ) : (
        <button
          type="button"
          class="secondary"
          disabled={busy}
          aria-label={`Reset the password of ${props.user.email}`}
          onClick={issue}
        >
          {busy ? 'Issuing…' : 'Reset password'}
        </button>
      )}
    </div>
  );
}
