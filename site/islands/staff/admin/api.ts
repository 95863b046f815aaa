import type { components, paths } from '../../../lib/api-client.ts';

/** The records of the administration screens, as the API's contract names them. */
export type Customer = components['schemas']['Customer'];
export type Agreement = components['schemas']['AgreementListItem'];
export type Policy = components['schemas']['Policy'];
export type Service = components['schemas']['Service'];
export type ServiceGroup = components['schemas']['ServiceGroup'];
export type User = components['schemas']['UserListItem'];
export type Role = User['role'];
export type PendingInvitation = components['schemas']['PendingInvitation'];
export type ApiKey = components['schemas']['StaffApiKey'];
export type ClaimsPage =
  paths['/staff/claims']['get']['responses'][200]['content']['application/json'];

/** The value when it is one of `allowed` (a sort or filter read from the address), else undefined. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]) {
  return allowed.find((candidate) => candidate === value);
}

export const ROLE_LABELS: Record<Role, string> = {
  customer: 'Customer',
  agent: 'Support agent',
  admin: 'Admin',
};

/** Addresses of the administration screens. */
export const ADMIN = {
  home: '/staff/admin/',
  customers: '/staff/admin/customers/',
  newCustomer: '/staff/admin/customers/new/',
  customer: (id: number) => `/staff/admin/customer/?id=${id}`,
  agreements: '/staff/admin/agreements/',
  newAgreement: (customerId?: number) =>
    `/staff/admin/agreements/new/${customerId === undefined ? '' : `?customer=${customerId}`}`,
  agreement: (id: number) => `/staff/admin/agreement/?id=${id}`,
  services: '/staff/admin/services/',
  newService: '/staff/admin/services/new/',
  service: (id: number) => `/staff/admin/service/?id=${id}`,
  newGroup: '/staff/admin/groups/new/',
  group: (id: number) => `/staff/admin/group/?id=${id}`,
  users: '/staff/admin/users/',
  invite: (customerId?: number) =>
    `/staff/admin/users/invite/${customerId === undefined ? '' : `?customer=${customerId}`}`,
  user: (id: number) => `/staff/admin/user/?id=${id}`,
  apiKeys: '/staff/admin/api-keys/',
  newApiKey: (customerId?: number) =>
    `/staff/admin/api-keys/new/${customerId === undefined ? '' : `?customer=${customerId}`}`,
  apiKey: (id: number) => `/staff/admin/api-key/?id=${id}`,
} as const;
