import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../api/env.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, json, signedIn } from '../helpers/factories.ts';

/**
 * Length alone let `aaaaaaaaaaaa`, twelve spaces, NUL characters and the account's own email
 * through. Every place a password is set refuses those, and common passwords, and says why.
 */

const EMAIL = 'grace.hopper@example.test';

/** A refused password and the words the refusal gives. */
const REFUSED: [password: string, reason: string][] = [
  ['aaaaaaaaaaaa', 'is one character repeated'],
  [' '.repeat(12), 'is one character repeated'],
  [
    'correct\u0000horse battery',
    'contains a control character (such as NUL, a tab or a line break)',
  ],
  ['line one\nline two', 'contains a control character (such as NUL, a tab or a line break)'],
  [`${EMAIL}!`, 'contains your email address'],
  ['Grace.Hopper-1906', 'contains the name in your email address'],
  ['qwerty123456', 'is in a list of commonly used passwords'],
  ['Password123!', 'is too close to a commonly used password'],
  ['iloveyou2024', 'is too close to a commonly used password'],
  ['abcabcabcabc', 'repeats a short pattern, which is easy to guess'],
  [
    'abcdefghijklmnop',
    'is too easy to guess: Common character sequences like "abc" are easy to guess',
  ],
];

/** Long passphrases and random strings, with spaces and any printable character. */
const ACCEPTED = [
  'correct horse battery staple',
  'a long enough password',
  '  leading and trailing spaces  ',
  'Zürich tram 11 at dawn ☕',
  'T7#kq9!vPz2@Lm',
];

async function asAdmin() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  return { t, headers: session.headers };
}

describe('POST /staff/users', () => {
  it.each(REFUSED)('refuses %j: "This password %s."', async (password, reason) => {
    const { t, headers } = await asAdmin();
    const response = await t.app.request(
      '/api/v1/staff/users',
      json('POST', { email: EMAIL, password, role: 'agent' }, headers),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toBe(`This password ${reason}.`);
    expect(body.error.issues).toEqual([{ path: 'password', message: reason }]);
    const { rows } = await t.db.client.execute('SELECT count(*) AS n FROM users');
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it.each(ACCEPTED)('accepts %j', async (password) => {
    const { t, headers } = await asAdmin();
    const response = await t.app.request(
      '/api/v1/staff/users',
      json('POST', { email: EMAIL, password, role: 'agent' }, headers),
    );
    expect(response.status).toBe(201);
  });
});

describe('every other place a password is set', () => {
  it('refuses a common password when accepting an invitation, and keeps the link usable', async () => {
    const { t, headers } = await asAdmin();
    const invited = await (
      await t.app.request(
        '/api/v1/staff/users/invitations',
        json('POST', { email: EMAIL, role: 'agent' }, headers),
      )
    ).json();
    const token = new URL(invited.link).hash.replace('#token=', '');
    const accept = (password: string) =>
      t.app.request('/api/v1/auth/invitations/accept', json('POST', { token, password }));
    const refused = await accept('password1234');
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.issues).toEqual([
      { path: 'password', message: 'is too close to a commonly used password' },
    ]);
    expect((await accept('grace.hopper and the moth')).status).toBe(400);
    expect((await accept('a long enough password')).status).toBe(200);
  });

  it('refuses the account’s own email as a new password on a change', async () => {
    const t = await testApp();
    const user = await createUser(t, 'agent', { email: EMAIL });
    const session = await signedIn(t, user.id);
    const response = await t.app.request(
      '/api/v1/auth/password',
      json(
        'POST',
        { currentPassword: 'correct horse battery staple', newPassword: EMAIL.toUpperCase() },
        session.headers,
      ),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues).toEqual([
      { path: 'newPassword', message: 'contains your email address' },
    ]);
  });

  it('stops the server’s start on a bad PORTAL_ADMIN_PASSWORD, naming the variable and why', () => {
    const env = {
      PORTAL_ADMIN_EMAIL: 'owner@example.test',
      PORTAL_ADMIN_PASSWORD: 'password1234',
    };
    expect(() => readEnv(env)).toThrow(EnvError);
    expect(() => readEnv(env)).toThrow(
      'PORTAL_ADMIN_PASSWORD: this password is too close to a commonly used password; choose another.',
    );
    expect(
      readEnv({ ...env, PORTAL_ADMIN_PASSWORD: 'correct horse battery staple' }).admin,
    ).toEqual({ email: 'owner@example.test', password: 'correct horse battery staple' });
  });
});
