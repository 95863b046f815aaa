import type { ComponentChildren } from 'preact';
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
} from '../account/common.tsx';
import { TableWrap } from '../account/evidence.tsx';
import { percent } from '../account/format.ts';
import type { Page, SessionUser } from '../account/types.ts';

/**
 * `/staff/admin/`: the administration home for admins: the way into onboarding, a menu of the
 * record screens (site/islands/staff/admin/), and the read-only list of policies.
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

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

interface Policy {
  id: number;
  name: string;
  active: boolean;
  version: number;
  effectiveFrom: string;
  rules: { targetPercent: number; claimWindowDays: number; capPercent: number };
  versions: unknown[];
}

const LISTS = [
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
] as ListSpec<never>[];

/** The record screens of administration (site/islands/staff/admin/), with what each is for. */
const SCREENS = [
  {
    key: 'customers',
    href: '/staff/admin/customers/',
    label: 'Customers',
    text: 'Add, find and change customers; each customer’s page guides its onboarding.',
  },
  {
    key: 'agreements',
    href: '/staff/admin/agreements/',
    label: 'Agreements',
    text: 'Who is covered for which services, at what fees, under which policy.',
  },
  {
    key: 'services',
    href: '/staff/admin/services/',
    label: 'Services and groups',
    text: 'What the status page shows and agreements cover; since when it is monitored.',
  },
  {
    key: 'users',
    href: '/staff/admin/users/',
    label: 'Users and invitations',
    text: 'Invite people, change their role, deactivate them; pending invitations.',
  },
  {
    key: 'api-keys',
    href: '/staff/admin/api-keys/',
    label: 'API keys',
    text: 'Keys for monitors (shown once) and customers’ read keys; revoke them.',
  },
];

function Admin(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const asked = queryParam('list');
  // The lists that moved to their own screens: an old address goes there.
  const moved = SCREENS.find((screen) => screen.key === asked);
  if (moved) window.location.replace(moved.href);
  const spec = LISTS.find((list) => list.key === asked) ?? (LISTS[0] as ListSpec<never>);

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/admin/')}
      />
      <div class="page-head">
        <h1>Administration</h1>
        {props.user.role === 'admin' && (
          <a class="button" href="/staff/admin/customers/new/">
            Onboard a customer
          </a>
        )}
      </div>
      {props.user.role !== 'admin' ? (
        <p>Administration is for admins. Your role is {props.user.role}.</p>
      ) : (
        <>
          <p class="lead">
            Onboarding a customer takes four steps: the customer, its agreement, its people and the
            monitor’s key. Start with <a href="/staff/admin/customers/new/">a new customer</a>; its
            page leads to each next step.
          </p>
          <nav aria-label="Records">
            <ul class="menu">
              {SCREENS.map((screen) => (
                <li key={screen.key}>
                  <a href={screen.href}>{screen.label}</a>
                  <p>{screen.text}</p>
                </li>
              ))}
            </ul>
          </nav>
          <List key={spec.key} spec={spec} />
        </>
      )}
    </>
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
        <TableWrap label={`${spec.label}, table`}>
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
