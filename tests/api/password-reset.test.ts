import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { sha256 } from '../../api/auth/tokens.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';

/**
 * An admin lets a person who forgot their password choose a new one through a one-time
 * link: hashed at rest, single use, expiring after 24 hours, replaced by the next; using it
 * (at /auth/password-reset/confirm, where "Forgot password" links complete too) sets the
 * password and ends every session of that person.
 */

const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a freshly chosen passphrase';
const HOUR = 3_600_000;

async function arrange() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const adminSession = await signedIn(t, admin.id);
  const customer = await createCustomer(t);
  const user = await createUser(t, 'customer', {
    email: 'ada@example.test',
    customerId: customer.id,
  });
  const issue = (userId: number, headers = adminSession.headers) =>
    t.app.request(`/api/v1/staff/users/${userId}/password-reset`, json('POST', {}, headers));
  return { t, admin, customer, user, issue };
}

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

const complete = (t: TestApp, token: string, password = NEW_PASSWORD) =>
  t.app.request('/api/v1/auth/password-reset/confirm', json('POST', { token, password }));

const login = (t: TestApp, password: string) =>
  t.app.request(
    '/api/v1/auth/login',
    json('POST', { email: 'ada@example.test', password }, { origin: TEST_ORIGIN }),
  );

const me = (t: TestApp, token: string) =>
  t.app.request('/api/v1/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

describe('POST /staff/users/{id}/password-reset', () => {
  it('answers a one-time link on the portal, stored only hashed, expiring in 24 hours, and audited', async () => {
    const { t, admin, user, issue } = await arrange();
    const response = await issue(user.id);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.url).toMatch(new RegExp(`^${TEST_ORIGIN}/account/reset#token=[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(body.expiresAt)).toBe(t.clock.now() + 24 * HOUR);
    const { rows } = await t.db.client.execute('SELECT token_hash FROM password_resets');
    expect(rows.map((row) => row.token_hash)).toEqual([sha256(tokenOf(body.url))]);
    const audit = await t.db.client.execute(
      "SELECT actor_user_id, entity_id FROM audit_log WHERE action = 'user.password.reset.issue'",
    );
    expect(audit.rows.map((row) => [row.actor_user_id, row.entity_id])).toEqual([
      [admin.id, String(user.id)],
    ]);
    // Issuing changes nothing yet: the old password still works.
    expect((await login(t, OLD_PASSWORD)).status).toBe(200);
  });

  it('is for admins only', async () => {
    const { t, user, issue } = await arrange();
    const agent = await createUser(t, 'agent');
    expect((await issue(user.id, (await signedIn(t, agent.id)).headers)).status).toBe(403);
    expect(
      (await t.app.request(`/api/v1/staff/users/${user.id}/password-reset`, json('POST', {})))
        .status,
    ).toBe(401);
  });

  it('answers 404 for no such user, 422 for a deactivated one, 409 for an invitation not yet accepted', async () => {
    const { t, user, issue } = await arrange();
    expect((await issue(999_999)).status).toBe(404);
    await t.db.client.execute({ sql: 'UPDATE users SET active = 0 WHERE id = ?', args: [user.id] });
    const inactive = await issue(user.id);
    expect(inactive.status).toBe(422);
    expect((await inactive.json()).error.code).toBe('USER_INACTIVE');
    const invited = await t.db.client.execute(
      "INSERT INTO users (email, role, created_at) VALUES ('new@example.test', 'agent', 0) RETURNING id",
    );
    const pending = await issue(Number(invited.rows[0]?.id));
    expect(pending.status).toBe(409);
    expect((await pending.json()).error.code).toBe('INVITATION_PENDING');
  });
});

describe('POST /auth/password-reset/confirm with an admin-issued link', () => {
  it('sets the new password and ends every session of the person', async () => {
    const { t, user, issue } = await arrange();
    const first = await signedIn(t, user.id);
    const second = await signedIn(t, user.id);
    const { url } = await (await issue(user.id)).json();
    const response = await complete(t, tokenOf(url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { email: 'ada@example.test', role: 'customer' },
    });
    expect((await me(t, first.token)).status).toBe(401);
    expect((await me(t, second.token)).status).toBe(401);
    const { rows } = await t.db.client.execute({
      sql: 'SELECT count(*) AS n FROM sessions WHERE user_id = ?',
      args: [user.id],
    });
    expect(Number(rows[0]?.n)).toBe(0);
    expect((await login(t, OLD_PASSWORD)).status).toBe(401);
    expect((await login(t, NEW_PASSWORD)).status).toBe(200);
  });

  it('works once', async () => {
    const { t, user, issue } = await arrange();
    const token = tokenOf((await (await issue(user.id)).json()).url);
    expect((await complete(t, token)).status).toBe(200);
    const again = await complete(t, token, 'yet another fine passphrase');
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('PASSWORD_RESET_INVALID');
    expect((await login(t, NEW_PASSWORD)).status).toBe(200);
  });

  it('stops working after 24 hours', async () => {
    const { t, user, issue } = await arrange();
    const token = tokenOf((await (await issue(user.id)).json()).url);
    t.clock.advance(24 * HOUR);
    expect((await complete(t, token)).status).toBe(400);
    expect((await login(t, OLD_PASSWORD)).status).toBe(200);
  });

  it('stops working when a newer link is issued', async () => {
    const { t, user, issue } = await arrange();
    const earlier = tokenOf((await (await issue(user.id)).json()).url);
    const later = tokenOf((await (await issue(user.id)).json()).url);
    expect((await complete(t, earlier)).status).toBe(400);
    expect((await complete(t, later)).status).toBe(200);
  });

  it('stops working when the person is deactivated meanwhile', async () => {
    const { t, user, issue } = await arrange();
    const token = tokenOf((await (await issue(user.id)).json()).url);
    await t.db.client.execute({ sql: 'UPDATE users SET active = 0 WHERE id = ?', args: [user.id] });
    expect((await complete(t, token)).status).toBe(400);
  });

  it('refuses a weak password in words and keeps the link usable', async () => {
    const { t, user, issue } = await arrange();
    const token = tokenOf((await (await issue(user.id)).json()).url);
    const weak = await complete(t, token, 'ada@example.test is me');
    expect(weak.status).toBe(400);
    expect((await weak.json()).error).toMatchObject({
      message: 'This password contains your email address.',
      issues: [{ path: 'password', message: 'contains your email address' }],
    });
    expect((await complete(t, token)).status).toBe(200);
  });

  it('answers 400 to a token nobody issued, with the same message as a used one', async () => {
    const { t } = await arrange();
    const response = await complete(t, 'not-a-token');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('PASSWORD_RESET_INVALID');
  });
});
