import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { inviteUser, listPendingInvitations, revokeInvitation } from '../services/invitations.ts';
import { issuePasswordReset } from '../services/password-resets.ts';
import {
  createUser,
  getUser,
  listUsers,
  ROLES,
  USER_SORTS,
  updateUser,
} from '../services/staff-users.ts';
import {
  activeFilter,
  emailSchema,
  IdParams,
  idFilter,
  listQuery,
  nameSchema,
  newPasswordSchema,
} from './common.ts';
import { searchParam, sortParam } from './list-params.ts';

const roleSchema = z.enum(ROLES);

const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: roleSchema,
    customerId: z.number().int().nullable(),
    active: z.boolean(),
    passwordSet: z.boolean(),
    passwordChangedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('User');

/** A user as lists and the detail show them: with their customer's name. */
const UserListItemSchema = UserSchema.extend({
  customerName: z.string().nullable().openapi({ description: 'Null for staff.' }),
}).openapi('UserListItem');

const customerIdField = z
  .number()
  .int()
  .positive()
  .nullish()
  .openapi({ description: 'Required exactly when role is customer.' });

const tags = ['Administration: users'];

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/users',
  tags,
  summary: 'Users, filtered by role, customer or active flag, searched and sorted',
  request: {
    query: listQuery({
      role: roleSchema.optional(),
      customerId: idFilter,
      active: activeFilter,
      q: searchParam.openapi({ description: 'Text in the email address or the name.' }),
      sort: sortParam(USER_SORTS),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(UserListItemSchema), 'A page of users'),
    ...errorResponses(400),
  },
});

const create = defineRoute('admin', {
  method: 'post',
  path: '/staff/users',
  tags,
  summary: 'Create a user with a password (for scripts; invite people instead)',
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailSchema,
        password: newPasswordSchema,
        role: roleSchema,
        customerId: customerIdField,
        name: nameSchema.nullish(),
      }),
    ),
  },
  responses: {
    201: jsonContent(UserSchema, 'The user'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

const invite = defineRoute('admin', {
  method: 'post',
  path: '/staff/users/invitations',
  tags,
  summary: 'Invite a person: a user without a password and a one-time link',
  description:
    'The link is shown once and works once, until it expires; it is also mailed to the invitee ' +
    '(SMTP_URL set) or kept in the development mailbox. Inviting a person again who never ' +
    'accepted replaces their earlier link.',
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailSchema,
        role: roleSchema,
        customerId: customerIdField,
        name: nameSchema.nullish(),
      }),
    ),
  },
  responses: {
    201: jsonContent(
      z
        .object({
          user: UserSchema,
          link: z.string(),
          expiresAt: z.iso.datetime(),
          emailed: z.boolean().openapi({
            description:
              'True when the link is also on its way to the invitee by mail (SMTP_URL is set); ' +
              'false when the message waits in the development mailbox of the staff console.',
          }),
        })
        .openapi('Invitation'),
      'The invited user and the one-time link',
    ),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

const PendingInvitationSchema = z
  .object({
    id: z.number().int(),
    user: z.object({
      id: z.number().int(),
      email: z.string(),
      name: z.string().nullable(),
      role: roleSchema,
      customerId: z.number().int().nullable(),
      customerName: z.string().nullable(),
    }),
    createdBy: z.object({ id: z.number().int(), email: z.string() }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .openapi('PendingInvitation');

const listInvitations = defineRoute('admin', {
  method: 'get',
  path: '/staff/users/invitations',
  tags,
  summary: 'Pending invitations: links not yet used, replaced, revoked or expired',
  description: 'The links themselves are never shown again: only their hashes are stored.',
  request: { query: listQuery({ customerId: idFilter }) },
  responses: {
    200: jsonContent(pageSchema(PendingInvitationSchema), 'A page of pending invitations'),
    ...errorResponses(400),
  },
});

const revokeInvitationRoute = defineRoute('admin', {
  method: 'post',
  path: '/staff/users/invitations/{id}/revoke',
  tags,
  summary: 'Revoke a pending invitation: its link stops working at once',
  description:
    'The invited user stays, without a password, and can be invited again. An invitation that is no longer pending answers 409 INVITATION_NOT_PENDING.',
  request: { params: IdParams },
  responses: {
    200: jsonContent(PendingInvitationSchema, 'The revoked invitation (it expired now)'),
    ...errorResponses(400, 404, 409, 415),
  },
});

const resetPassword = defineRoute('admin', {
  method: 'post',
  path: '/staff/users/{id}/password-reset',
  tags,
  summary: 'Let a user choose a new password: a one-time link',
  description:
    'For a person who forgot their password. The link is shown once, works once and expires ' +
    '(24 hours); a new one replaces it. Nothing changes until it is used: then the new password ' +
    'is set and every session of the user ends. A deactivated user (or customer) is 422; an ' +
    'invitation not yet accepted is 409 (invite again instead).',
  request: { params: IdParams },
  responses: {
    201: jsonContent(
      z.object({ url: z.string(), expiresAt: z.iso.datetime() }).openapi('PasswordReset'),
      'The one-time link',
    ),
    ...errorResponses(400, 404, 409, 422),
  },
});

const get = defineRoute('admin', {
  method: 'get',
  path: '/staff/users/{id}',
  tags,
  summary: 'One user',
  request: { params: IdParams },
  responses: { 200: jsonContent(UserListItemSchema, 'The user'), ...errorResponses(400, 404) },
});

const update = defineRoute('admin', {
  method: 'patch',
  path: '/staff/users/{id}',
  tags,
  summary: 'Change a user’s name, role, customer or active flag',
  description:
    'Deactivating a user or changing their role or customer ends their sessions. You cannot demote or deactivate yourself.',
  request: {
    params: IdParams,
    body: jsonBody(
      z.strictObject({
        name: nameSchema.nullish(),
        role: roleSchema.optional(),
        customerId: customerIdField,
        active: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(UserSchema, 'The user'),
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

export function registerStaffUsers(api: ApiApp): void {
  api.openapi(list, async (c) => c.json(await listUsers(c.var.deps, c.req.valid('query')), 200));
  api.openapi(create, async (c) =>
    c.json(await createUser(c.var.caller, c.req.valid('json')), 201),
  );
  api.openapi(invite, async (c) =>
    c.json(await inviteUser(c.var.caller, c.req.valid('json')), 201),
  );
  // Before /staff/users/{id}, which would otherwise read "invitations" as an id.
  api.openapi(listInvitations, async (c) =>
    c.json(await listPendingInvitations(c.var.deps, c.req.valid('query')), 200),
  );
  api.openapi(revokeInvitationRoute, async (c) =>
    c.json(await revokeInvitation(c.var.caller, c.req.valid('param').id), 200),
  );
  api.openapi(resetPassword, async (c) =>
    c.json(await issuePasswordReset(c.var.caller, c.req.valid('param').id), 201),
  );
  api.openapi(get, async (c) => c.json(await getUser(c.var.deps, c.req.valid('param').id), 200));
  api.openapi(update, async (c) =>
    c.json(await updateUser(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
