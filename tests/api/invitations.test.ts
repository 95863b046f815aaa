import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { sha256 } from '../../api/auth/tokens.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';

const NEW_PASSWORD = 'my own long passphrase';

async function arrange() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  const invite = (body: unknown) =>
    t.app.request('/api/v1/staff/users/invitations', json('POST', body, session.headers));
  return { t, admin, invite };
}

function accept(t: TestApp, token: string, password = NEW_PASSWORD) {
  return t.app.request('/api/v1/auth/invitations/accept', json('POST', { token, password }));
}

function tokenOf(link: string): string {
  return new URL(link).hash.replace('#token=', '');
}

describe('POST /staff/users/invitations', () => {
  it('creates a user without a password and answers a one-time link on the portal', async () => {
    const { t, invite } = await arrange();
    const customer = await createCustomer(t);
    const response = await invite({
      email: 'Grace@Example.test',
      role: 'customer',
      customerId: customer.id,
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.user).toMatchObject({
      email: 'grace@example.test',
      role: 'customer',
      customerId: customer.id,
      passwordSet: false,
      active: true,
    });
    expect(body.link).toMatch(new RegExp(`^${TEST_ORIGIN}/account/invitation#token=`));
    expect(Date.parse(body.expiresAt)).toBe(t.clock.now() + t.config.invitationTtlMs);
    // Only the hash of the token is stored.
    const rows = await t.db.client.execute('SELECT token_hash FROM invitations');
    expect(rows.rows.map((row) => row.token_hash)).toEqual([sha256(tokenOf(body.link))]);
  });

  it('answers 409 for an email of a user who has a password', async () => {
    const { t, invite } = await arrange();
    await createUser(t, 'agent', { email: 'taken@example.test' });
    const response = await invite({ email: 'taken@example.test', role: 'agent' });
    expect(response.status).toBe(409);
  });

  it('answers 400 naming customerId when a customer user has none', async () => {
    const { invite } = await arrange();
    const response = await invite({ email: 'x@example.test', role: 'customer' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues).toEqual([
      { path: 'customerId', message: 'is required for role customer' },
    ]);
  });

  it('replaces the earlier link when the same person is invited again', async () => {
    const { t, invite } = await arrange();
    const first = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    const second = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    expect(second.user.id).toBe(first.user.id);
    expect((await accept(t, tokenOf(first.link))).status).toBe(400);
    expect((await accept(t, tokenOf(second.link))).status).toBe(200);
  });

  it('is recorded in the audit log', async () => {
    const { t, admin, invite } = await arrange();
    const body = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    const rows = await t.db.client.execute('SELECT * FROM audit_log');
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({
      action: 'user.invite',
      entity_id: String(body.user.id),
      actor_user_id: admin.id,
    });
    expect(JSON.parse(String(rows.rows[0]?.after))).toMatchObject({ email: 'x@example.test' });
  });
});

describe('POST /auth/invitations/accept', () => {
  it('sets the password and signs the person in', async () => {
    const { t, invite } = await arrange();
    const { link, user } = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    const response = await accept(t, tokenOf(link));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: user.id, email: 'x@example.test', role: 'agent', customerId: null },
    });
    const token = /portal_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    const me = await t.app.request('/api/v1/auth/me', {
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(me.status).toBe(200);
    const login = await t.app.request(
      '/api/v1/auth/login',
      json('POST', { email: 'x@example.test', password: NEW_PASSWORD }),
    );
    expect(login.status).toBe(200);
  });

  it('works once', async () => {
    const { t, invite } = await arrange();
    const { link } = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    expect((await accept(t, tokenOf(link))).status).toBe(200);
    const again = await accept(t, tokenOf(link), 'somebody elses password');
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('INVITATION_INVALID');
    const login = await t.app.request(
      '/api/v1/auth/login',
      json('POST', { email: 'x@example.test', password: 'somebody elses password' }),
    );
    expect(login.status).toBe(401);
  });

  it('answers 400 once the link has expired', async () => {
    const { t, invite } = await arrange();
    const { link } = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    t.clock.advance(t.config.invitationTtlMs);
    const response = await accept(t, tokenOf(link));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('INVITATION_INVALID');
  });

  it('answers 400 to a token nobody issued', async () => {
    const { t } = await arrange();
    expect((await accept(t, 'made-up-token')).status).toBe(400);
  });

  it('answers 400 naming password when it is too short, and keeps the link usable', async () => {
    const { t, invite } = await arrange();
    const { link } = await (await invite({ email: 'x@example.test', role: 'agent' })).json();
    const response = await accept(t, tokenOf(link), 'short');
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('password');
    expect((await accept(t, tokenOf(link))).status).toBe(200);
  });
});
