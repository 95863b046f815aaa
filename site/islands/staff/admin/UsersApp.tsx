import { useState } from 'preact/hooks';
import { apiClient, call, definedOnly } from '../../../lib/api-client.ts';
import { ADMIN, oneOf, type PendingInvitation, ROLE_LABELS, type User } from './api.ts';
import { ActiveTag, AdminPage, ConfirmAction, RecordList, SavedNotice, Utc } from './shared.tsx';

/**
 * `/staff/admin/users/`: everyone who signs in (staff and customers' people), found by email
 * or name, with the invitations still pending (revocable).
 */
export default function UsersApp() {
  return <AdminPage title="Users">{() => <Users />}</AdminPage>;
}

const SORTS = ['email', '-email', 'role', '-created'] as const;
const ROLES = ['customer', 'agent', 'admin'] as const;

/** Active, invited (no password yet) or deactivated, in words. */
export function UserState(props: { user: User }) {
  const { user } = props;
  if (!user.active) return <ActiveTag active={false} />;
  if (!user.passwordSet) return <span class="status status-submitted">Invited</span>;
  return <ActiveTag active />;
}

function Users() {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div class="page-head">
        <h1>Users</h1>
        <a class="button" href={ADMIN.invite()}>
          Invite a person
        </a>
      </div>
      <p class="lead">
        People are invited: each gets a one-time link to choose their own password. Staff (support
        agents and admins) are invited the same way.
      </p>
      <SavedNotice text={notice} />
      <RecordList<User>
        label="Users"
        version={version}
        search={{ label: 'Find a person', hint: 'Any part of the email address or the name.' }}
        sorts={[
          { value: 'email', label: 'Email, A to Z' },
          { value: '-email', label: 'Email, Z to A' },
          { value: 'role', label: 'Role' },
          { value: '-created', label: 'Newest first' },
        ]}
        filter={{
          label: 'Role',
          choices: [
            { value: 'all', label: 'Every role' },
            { value: 'customer', label: 'Customers’ people' },
            { value: 'agent', label: 'Support agents' },
            { value: 'admin', label: 'Admins' },
          ],
        }}
        columns={[
          { header: 'Email', cell: (row) => <a href={ADMIN.user(row.id)}>{row.email}</a> },
          { header: 'Name', cell: (row) => row.name ?? '—' },
          { header: 'Role', cell: (row) => ROLE_LABELS[row.role] },
          {
            header: 'Customer',
            cell: (row) =>
              row.customerId === null || row.customerName === null ? (
                '—'
              ) : (
                <a href={ADMIN.customer(row.customerId)}>{row.customerName}</a>
              ),
          },
          { header: 'Status', cell: (row) => <UserState user={row} /> },
        ]}
        empty="Nobody yet."
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/users', {
              params: {
                query: definedOnly({
                  limit: query.limit,
                  cursor: query.cursor,
                  q: query.q,
                  sort: oneOf(query.sort, SORTS),
                  role: oneOf(query.filter, ROLES),
                }),
              },
              signal,
            }),
          )
        }
      />
      <h2>Pending invitations</h2>
      <p class="meta">
        Links not yet used. A link works once, until it expires; the link itself is shown only when
        it is made.
      </p>
      <RecordList<PendingInvitation>
        label="Pending invitations"
        param="inv-"
        version={version}
        columns={[
          {
            header: 'Invited',
            cell: (row) => <a href={ADMIN.user(row.user.id)}>{row.user.email}</a>,
          },
          { header: 'Role', cell: (row) => ROLE_LABELS[row.user.role] },
          {
            header: 'Customer',
            cell: (row) =>
              row.user.customerId === null || row.user.customerName === null ? (
                '—'
              ) : (
                <a href={ADMIN.customer(row.user.customerId)}>{row.user.customerName}</a>
              ),
          },
          { header: 'Invited by', cell: (row) => row.createdBy.email },
          { header: 'Link works until', cell: (row) => <Utc at={row.expiresAt} /> },
          {
            header: 'Action',
            cell: (row) => (
              <RevokeInvitation
                invitation={row}
                onRevoked={() => {
                  setVersion((n) => n + 1);
                  setNotice(
                    `The invitation of ${row.user.email} is revoked: its link no longer works.`,
                  );
                }}
              />
            ),
          },
        ]}
        empty="None."
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/users/invitations', {
              params: { query: definedOnly({ limit: query.limit, cursor: query.cursor }) },
              signal,
            }),
          )
        }
      />
    </>
  );
}

export function RevokeInvitation(props: { invitation: PendingInvitation; onRevoked: () => void }) {
  const { invitation } = props;
  return (
    <ConfirmAction
      label="Revoke"
      danger
      question={
        <>
          Revoke the invitation of {invitation.user.email}? The link stops working at once; you can
          invite them again later.
        </>
      }
      confirm="Yes, revoke the link"
      onConfirm={async () => {
        await call(
          apiClient.POST('/staff/users/invitations/{id}/revoke', {
            params: { path: { id: invitation.id } },
          }),
        );
        props.onRevoked();
      }}
    />
  );
}
