import type { SessionUser } from './types.ts';

/** The customer pages' links (the current one marked). */
export const ACCOUNT_LINKS = (current: string) => [
  { href: '/account/', label: 'Service levels', current: current === '/account/' },
  { href: '/account/keys/', label: 'API keys', current: current === '/account/keys/' },
  {
    href: '/account/password/',
    label: 'Change password',
    current: current === '/account/password/',
  },
];

/** The staff console's links; administration only for admins. */
export const STAFF_LINKS = (user: SessionUser, current: string) => [
  { href: '/staff/', label: 'Claims queue', current: current === '/staff/' },
  { href: '/staff/credits/', label: 'Credits', current: current === '/staff/credits/' },
  // Help-desk requests close to missing their first-response target.
  { href: '/staff/support/', label: 'Support queue', current: current === '/staff/support/' },
  { href: '/staff/vendors/', label: 'Vendors', current: current === '/staff/vendors/' },
  {
    href: '/staff/statements/',
    label: 'Statements',
    current: current === '/staff/statements/',
  },
  // On call: incidents, maintenance and the windows behind every figure.
  { href: '/staff/incidents/', label: 'Incidents', current: current === '/staff/incidents/' },
  {
    href: '/staff/maintenance/',
    label: 'Maintenance',
    current: current === '/staff/maintenance/',
  },
  { href: '/staff/windows/', label: 'Windows', current: current === '/staff/windows/' },
  ...(user.role === 'admin'
    ? [
        {
          href: '/staff/admin/',
          label: 'Administration',
          current: current.startsWith('/staff/admin/'),
        },
      ]
    : []),
  {
    href: '/staff/notifications/',
    label: 'Notifications',
    current: current.startsWith('/staff/notifications/'),
  },
  { href: '/api/v1/docs', label: 'API reference' },
  {
    href: '/account/password/',
    label: 'Change password',
    current: current === '/account/password/',
  },
];

/** The links of the signed-in person's own area. */
export function linksFor(user: SessionUser, current: string) {
  return user.role === 'customer' ? ACCOUNT_LINKS(current) : STAFF_LINKS(user, current);
}
