import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import type { SessionUser } from '../shared/types.ts';

/**
 * `/staff/admin/`: the administration home for admins: the way into onboarding and a menu of
 * the screens under site/islands/staff/admin/.
 */
export default function AdminApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Admin user={user} signOut={signOut} />}
    </SessionGate>
  );
}

/** Every administration screen, with what each is for; `key` is its old `?list=` address. */
const SCREENS = [
  {
    key: 'customers',
    href: '/staff/admin/customers/',
    label: 'Customers',
    about: 'Add, find and change customers; each customer’s page guides its onboarding.',
  },
  {
    key: 'agreements',
    href: '/staff/admin/agreements/',
    label: 'Agreements',
    about: 'Who is covered for which services, at what fees, under which policy.',
  },
  {
    key: 'policies',
    href: '/staff/admin/policies/',
    label: 'Policies',
    about: 'Rules and versions, with a preview of a change’s figures.',
  },
  {
    key: 'services',
    href: '/staff/admin/services/',
    label: 'Services and groups',
    about: 'What the status page shows and agreements cover; since when it is monitored.',
  },
  {
    key: 'users',
    href: '/staff/admin/users/',
    label: 'Users and invitations',
    about: 'Invite people, change their role, deactivate them; pending invitations.',
  },
  {
    key: 'api-keys',
    href: '/staff/admin/api-keys/',
    label: 'API keys',
    about: 'Keys for monitors (shown once) and customers’ read keys; revoke them.',
  },
  {
    key: 'audit',
    href: '/staff/admin/audit/',
    label: 'Audit log',
    about: 'Every change, by whom and when.',
  },
  {
    key: 'brand',
    href: '/staff/admin/brand/',
    label: 'Brand',
    about: 'Name, logo, colour, support contact and footer of every page.',
  },
];

function Admin(props: { user: SessionUser; signOut: () => Promise<void> }) {
  // The lists that used to live here (`?list=…`) have their own screens: an old address goes there.
  const moved = SCREENS.find((screen) => screen.key === queryParam('list'));
  if (moved) window.location.replace(moved.href);

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
          <nav aria-label="Administration">
            <ul class="menu">
              {SCREENS.map((screen) => (
                <li key={screen.href}>
                  <a href={screen.href}>{screen.label}</a>
                  <p>{screen.about}</p>
                </li>
              ))}
            </ul>
          </nav>
        </>
      )}
    </>
  );
}
