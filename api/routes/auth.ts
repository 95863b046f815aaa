import type { Context } from 'hono';
import { readDeviceTokens, setDeviceCookie } from '../auth/devices.ts';
import { MAX_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../auth/sessions.ts';
import type { AppEnv } from '../context.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { type ClientMeta, changePassword, login, logout } from '../services/accounts.ts';
import { acceptInvitation } from '../services/invitations.ts';
import { completePasswordReset, requestPasswordReset } from '../services/password-resets.ts';
import { emailSchema, newPasswordSchema } from './common.ts';

export const SessionUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role: z.enum(['customer', 'agent', 'admin']),
    customerId: z.number().int().nullable(),
  })
  .openapi('SessionUser');

const SignedInSchema = z.object({ user: SessionUserSchema }).openapi('SignedIn');

const signIn = defineRoute('public', {
  method: 'post',
  path: '/auth/login',
  tags: ['Accounts'],
  summary: 'Sign in with email and password',
  description:
    'Starts a new session (the cookie `portal_session`, HttpOnly, SameSite=Lax); a session the ' +
    'request carried ends. The browser is trusted for the account from then on (the cookie ' +
    '`portal_device`): failures from it are limited on their own, failures from other clients ' +
    'per account and per client address (429 with Retry-After), so nobody can lock the owner ' +
    'out of a browser they signed in from.',
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailSchema,
        password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
      }),
    ),
  },
  responses: {
    200: jsonContent(SignedInSchema, 'Signed in; the session cookie is set'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

const signOut = defineRoute('public', {
  method: 'post',
  path: '/auth/logout',
  tags: ['Accounts'],
  summary: 'Sign out: the session ends and the cookie is cleared',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403, 415) },
});

const me = defineRoute('session', {
  method: 'get',
  path: '/auth/me',
  tags: ['Accounts'],
  summary: 'The signed-in person',
  responses: { 200: jsonContent(SignedInSchema, 'The signed-in person') },
});

const changeOwnPassword = defineRoute('session', {
  method: 'post',
  path: '/auth/password',
  tags: ['Accounts'],
  summary: 'Change your own password',
  description:
    'Needs the current password. Every other session of yours ends; this one continues under a new cookie.',
  request: {
    body: jsonBody(
      z.strictObject({
        currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        newPassword: newPasswordSchema,
      }),
    ),
  },
  responses: {
    200: jsonContent(SignedInSchema, 'Changed; a new session cookie is set'),
    ...errorResponses(400, 413, 415, 429),
  },
});

const acceptInvite = defineRoute('public', {
  method: 'post',
  path: '/auth/invitations/accept',
  tags: ['Accounts'],
  summary: 'Accept an invitation: choose a password and sign in',
  description:
    'The token comes from the one-time link an admin sent (after `#token=`). It works once, until it expires.',
  request: {
    body: jsonBody(
      z.strictObject({
        token: z.string().min(1).max(200),
        password: newPasswordSchema,
      }),
    ),
  },
  responses: {
    200: jsonContent(SignedInSchema, 'Password set and signed in'),
    ...errorResponses(400, 403, 413, 415),
  },
});

const askReset = defineRoute('public', {
  method: 'post',
  path: '/auth/password-reset',
  tags: ['Accounts'],
  summary: 'Forgot password: mail a one-time link to choose a new one',
  description:
    'Answers 202 whether or not an account has this email: when one that can sign in does, a ' +
    'link that works once for 30 minutes is mailed to it (an earlier one stops working). ' +
    'Limited per client address (429 with Retry-After) and per email address (beyond it ' +
    'nothing more is mailed; the answer is the same).',
  request: { body: jsonBody(z.strictObject({ email: emailSchema })) },
  responses: {
    202: jsonContent(
      z.object({ message: z.string() }).openapi('PasswordResetAsked'),
      'Taken: if the address has an account, a link is on its way',
    ),
    ...errorResponses(400, 403, 413, 415, 429),
  },
});

const finishReset = defineRoute('public', {
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags: ['Accounts'],
  summary: 'Choose a new password with a one-time reset link',
  description:
    'The token comes from a reset link (after `#token=`): one mailed by "Forgot password" ' +
    '(30 minutes) or one an admin issued (24 hours). It works once, until it expires. Every ' +
    'session of the user ends, every other reset link stops working, and only this browser ' +
    'stays trusted for sign-in (`portal_device`); sign in with the new password afterwards.',
  request: {
    body: jsonBody(
      z.strictObject({
        token: z.string().min(1).max(200),
        password: newPasswordSchema,
      }),
    ),
  },
  responses: {
    200: jsonContent(
      z
        .object({
          user: z.object({ email: z.string(), role: z.enum(['customer', 'agent', 'admin']) }),
        })
        .openapi('PasswordResetDone'),
      'The new password is set; sign in with it',
    ),
    ...errorResponses(400, 403, 413, 415),
  },
});

function clientMeta<E extends AppEnv>(c: Context<E>): ClientMeta {
  return {
    ip: c.var.clientAddress,
    userAgent: c.req.header('user-agent'),
    previousToken: readSessionCookie(c),
    deviceTokens: readDeviceTokens(c),
  };
}

export function registerAuth(api: ApiApp): void {
  api.openapi(signIn, async (c) => {
    const { token, deviceTokens, user } = await login(
      c.var.deps,
      c.req.valid('json'),
      clientMeta(c),
    );
    setSessionCookie(c, token);
    setDeviceCookie(c, deviceTokens);
    return c.json({ user }, 200);
  });

  api.openapi(signOut, async (c) => {
    await logout(c.var.deps, readSessionCookie(c));
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  api.openapi(me, (c) => c.json({ user: c.var.caller.principal.user }, 200));

  api.openapi(changeOwnPassword, async (c) => {
    const { token, user } = await changePassword(c.var.caller, c.req.valid('json'), clientMeta(c));
    setSessionCookie(c, token);
    return c.json({ user }, 200);
  });

  api.openapi(askReset, async (c) => {
    await requestPasswordReset(c.var.deps, c.var.requestId, c.req.valid('json'), {
      ip: c.var.clientAddress,
    });
    const minutes = Math.round(c.var.deps.config.passwordRecoveryTtlMs / 60_000);
    return c.json(
      {
        message: `If an account has this email address, a link to choose a new password is on its way. It works once, for ${minutes} minutes.`,
      },
      202,
    );
  });

  api.openapi(finishReset, async (c) => {
    const { user, deviceTokens } = await completePasswordReset(
      c.var.deps,
      c.var.requestId,
      c.req.valid('json'),
      clientMeta(c),
    );
    setDeviceCookie(c, deviceTokens);
    return c.json({ user: { email: user.email, role: user.role } }, 200);
  });

  api.openapi(acceptInvite, async (c) => {
    const { token, deviceTokens, user } = await acceptInvitation(
      c.var.deps,
      c.var.requestId,
      c.req.valid('json'),
      clientMeta(c),
    );
    setSessionCookie(c, token);
    setDeviceCookie(c, deviceTokens);
    return c.json({ user }, 200);
  });
}
