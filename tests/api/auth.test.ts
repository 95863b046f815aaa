import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { sha256 } from '../../api/auth/tokens.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createApiKey, createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

function cookieOf(response: Response): string | undefined {
  const header = response.headers.get('set-cookie') ?? '';
  return new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header)?.[1];
}

function login(t: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return t.app.request('/api/v1/auth/login', json('POST', { email, password }, headers));
}

function me(t: TestApp, token: string) {
  return t.app.request('/api/v1/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
}

async function sessionCount(t: TestApp): Promise<number> {
  const result = await t.db.client.execute('SELECT count(*) AS n FROM sessions');
  return Number(result.rows[0]?.n);
}

describe('POST /auth/login', () => {
  it('signs in with the right password and answers the user', async () => {
    const t = await testApp();
    const customer = await createCustomer(t);
    const user = await createUser(t, 'customer', {
      email: 'ada@example.test',
      customerId: customer.id,
    });
    const response = await login(t, 'ada@example.test', PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: user.id, email: 'ada@example.test', role: 'customer', customerId: customer.id },
    });
  });

  it('sets an HttpOnly, SameSite=Lax, Secure cookie with a 256-bit token stored only hashed', async () => {
    const t = await testApp();
    await createUser(t, 'agent', { email: 'ada@example.test' });
    const response = await t.app.request(
      'https://portal.test/api/v1/auth/login',
      json('POST', { email: 'ada@example.test', password: PASSWORD }),
    );
    const header = response.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Secure/);
    const token = cookieOf(response) ?? '';
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await t.db.client.execute('SELECT token_hash FROM sessions');
    expect(rows.rows.map((row) => row.token_hash)).toEqual([sha256(token)]);
  });

  it('drops Secure only for plain HTTP on localhost', async () => {
    const t = await testApp();
    await createUser(t, 'agent', { email: 'ada@example.test' });
    const response = await login(t, 'ada@example.test', PASSWORD);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('reads the email without regard to case or surrounding spaces', async () => {
    const t = await testApp();
    await createUser(t, 'agent', { email: 'ada@example.test' });
    expect((await login(t, '  Ada@Example.TEST ', PASSWORD)).status).toBe(200);
  });

  it('answers 401 with one message for a wrong password, an unknown email, a deactivated user and an invitation not yet accepted', async () => {
    const t = await testApp();
    await createUser(t, 'agent', { email: 'ada@example.test' });
    const gone = await createUser(t, 'agent', { email: 'gone@example.test' });
    await t.db.client.execute({ sql: 'UPDATE users SET active = 0 WHERE id = ?', args: [gone.id] });
    await t.db.client.execute(
      "INSERT INTO users (email, role, created_at, active) VALUES ('invited@example.test', 'agent', 0, 1)",
    );
    const messages = new Set<string>();
    for (const [email, password] of [
      ['ada@example.test', 'wrong password!'],
      ['nobody@example.test', PASSWORD],
      ['gone@example.test', PASSWORD],
      ['invited@example.test', PASSWORD],
    ] as const) {
      const response = await login(t, email, password);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.error.code).toBe('INVALID_CREDENTIALS');
      messages.add(body.error.message);
    }
    expect([...messages]).toEqual(['Wrong email or password.']);
  });

  it('rotates the session: a new token at every sign-in, and the one the request carried ends', async () => {
    const t = await testApp();
    await createUser(t, 'agent', { email: 'ada@example.test' });
    const first = cookieOf(await login(t, 'ada@example.test', PASSWORD)) ?? '';
    const second =
      cookieOf(
        await login(t, 'ada@example.test', PASSWORD, {
          cookie: `${SESSION_COOKIE}=${first}`,
          origin: TEST_ORIGIN,
        }),
      ) ?? '';
    expect(second).not.toBe(first);
    expect((await me(t, first)).status).toBe(401);
    expect((await me(t, second)).status).toBe(200);
    expect(await sessionCount(t)).toBe(1);
  });

  it('answers 429 after 10 failures for one account, even with the right password', async () => {
    const t = await testApp({ config: { trustedProxyHops: 1 } });
    await createUser(t, 'agent', { email: 'ada@example.test' });
    for (let attempt = 0; attempt < 10; attempt++) {
      // From ever-new addresses: the account's own limit is what stops the guessing.
      const response = await login(t, 'ada@example.test', 'wrong password!', {
        'x-forwarded-for': `198.51.100.${attempt}`,
      });
      expect(response.status).toBe(401);
    }
    const refused = await login(t, 'ada@example.test', PASSWORD, {
      'x-forwarded-for': '198.51.100.99',
    });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);

    t.clock.advance(t.config.loginWindowMs);
    expect((await login(t, 'ada@example.test', PASSWORD)).status).toBe(200);
  });

  it('answers 429 to an address after 50 failures across accounts, and not to other addresses', async () => {
    const t = await testApp({ config: { trustedProxyHops: 1 } });
    await createUser(t, 'agent', { email: 'ada@example.test' });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await login(t, `user${attempt}@example.test`, 'wrong password!', {
        ...from('203.0.113.7'),
      });
      expect(response.status).toBe(401);
    }
    expect((await login(t, 'ada@example.test', PASSWORD, from('203.0.113.7'))).status).toBe(429);
    expect((await login(t, 'ada@example.test', PASSWORD, from('203.0.113.8'))).status).toBe(200);
  });

  it('keeps the count in the database, shared by every app on it', async () => {
    const t = await testApp({ config: { loginMaxPerAccount: 2 } });
    await createUser(t, 'agent', { email: 'ada@example.test' });
    await login(t, 'ada@example.test', 'wrong password!');
    await login(t, 'ada@example.test', 'wrong password!');
    const buckets = await t.db.client.execute('SELECT bucket, count FROM rate_limits');
    expect(buckets.rows).toContainEqual(
      expect.objectContaining({ bucket: 'login:account:ada@example.test', count: 2 }),
    );
    expect((await login(t, 'ada@example.test', PASSWORD)).status).toBe(429);
  });

  it('counts failures only: a sign-in that succeeds is not held against the account', async () => {
    const t = await testApp({ config: { loginMaxPerAccount: 3 } });
    await createUser(t, 'agent', { email: 'ada@example.test' });
    await login(t, 'ada@example.test', 'wrong password!');
    await login(t, 'ada@example.test', 'wrong password!');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await login(t, 'ada@example.test', PASSWORD)).status).toBe(200);
    }
    expect((await login(t, 'ada@example.test', 'wrong password!')).status).toBe(401);
    // Three failures in the window, however many successes: the limit is reached.
    expect((await login(t, 'ada@example.test', PASSWORD)).status).toBe(429);
  });
});

describe('sessions', () => {
  it('end after the idle limit without use', async () => {
    const t = await testApp();
    const user = await createUser(t, 'agent');
    const { token } = await signedIn(t, user.id);
    t.clock.advance(t.config.sessionIdleMs - MINUTE);
    expect((await me(t, token)).status).toBe(200);
    // Used a minute before the limit: the idle clock starts again.
    t.clock.advance(t.config.sessionIdleMs - MINUTE);
    expect((await me(t, token)).status).toBe(200);
    t.clock.advance(t.config.sessionIdleMs);
    expect((await me(t, token)).status).toBe(401);
    expect(await sessionCount(t)).toBe(0);
  });

  it('end at the absolute limit however active', async () => {
    const t = await testApp();
    const user = await createUser(t, 'agent');
    const { token } = await signedIn(t, user.id);
    const step = t.config.sessionIdleMs / 2;
    let elapsed = 0;
    while (elapsed + step < t.config.sessionAbsoluteMs) {
      t.clock.advance(step);
      elapsed += step;
      expect((await me(t, token)).status).toBe(200);
    }
    t.clock.advance(t.config.sessionAbsoluteMs - elapsed);
    expect((await me(t, token)).status).toBe(401);
  });

  it('end when the user is deactivated', async () => {
    const t = await testApp();
    const user = await createUser(t, 'agent');
    const { token } = await signedIn(t, user.id);
    await t.db.client.execute({ sql: 'UPDATE users SET active = 0 WHERE id = ?', args: [user.id] });
    expect((await me(t, token)).status).toBe(401);
  });
});

describe('GET /auth/me', () => {
  it('answers the signed-in person', async () => {
    const t = await testApp();
    const user = await createUser(t, 'admin', { email: 'root@example.test' });
    const { token } = await signedIn(t, user.id);
    const response = await me(t, token);
    expect(await response.json()).toEqual({
      user: { id: user.id, email: 'root@example.test', role: 'admin', customerId: null },
    });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers 401 without a session and 403 to an API key', async () => {
    const t = await testApp();
    const admin = await createUser(t, 'admin');
    expect((await t.app.request('/api/v1/auth/me')).status).toBe(401);
    const key = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
    expect((await t.app.request('/api/v1/auth/me', { headers: key.headers })).status).toBe(403);
  });
});

describe('POST /auth/logout', () => {
  it('ends the session and clears the cookie', async () => {
    const t = await testApp();
    const user = await createUser(t, 'agent');
    const session = await signedIn(t, user.id);
    const response = await t.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: session.headers,
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await me(t, session.token)).status).toBe(401);
    expect(await sessionCount(t)).toBe(0);
  });

  it('answers 204 when nobody is signed in', async () => {
    const t = await testApp();
    expect((await t.app.request('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
  });
});

describe('POST /auth/password', () => {
  async function arrange() {
    const t = await testApp();
    const user = await createUser(t, 'agent', { email: 'ada@example.test' });
    const current = await signedIn(t, user.id);
    const other = await signedIn(t, user.id);
    const change = (body: unknown) =>
      t.app.request('/api/v1/auth/password', json('POST', body, current.headers));
    return { t, user, current, other, change };
  }

  it('changes the password, ends the other sessions and rotates this one', async () => {
    const { t, current, other, change } = await arrange();
    const response = await change({
      currentPassword: PASSWORD,
      newPassword: 'a much better passphrase',
    });
    expect(response.status).toBe(200);
    const rotated = cookieOf(response) ?? '';
    expect(rotated).not.toBe(current.token);
    expect((await me(t, other.token)).status).toBe(401);
    expect((await me(t, current.token)).status).toBe(401);
    expect((await me(t, rotated)).status).toBe(200);
    expect(await sessionCount(t)).toBe(1);
    expect((await login(t, 'ada@example.test', PASSWORD)).status).toBe(401);
    expect((await login(t, 'ada@example.test', 'a much better passphrase')).status).toBe(200);
  });

  it('answers 400 naming currentPassword when it is wrong, and changes nothing', async () => {
    const { t, other, change } = await arrange();
    const response = await change({
      currentPassword: 'not my password',
      newPassword: 'a much better passphrase',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues).toEqual([
      { path: 'currentPassword', message: 'is not your current password' },
    ]);
    expect((await me(t, other.token)).status).toBe(200);
    expect((await login(t, 'ada@example.test', PASSWORD)).status).toBe(200);
  });

  it('answers 400 naming newPassword when it is shorter than 12 characters', async () => {
    const { change } = await arrange();
    const response = await change({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('newPassword');
  });

  it('is recorded in the audit log', async () => {
    const { t, user, change } = await arrange();
    await change({ currentPassword: PASSWORD, newPassword: 'a much better passphrase' });
    const rows = await t.db.client.execute(
      'SELECT action, entity_id, actor_user_id FROM audit_log',
    );
    expect(rows.rows).toEqual([
      expect.objectContaining({
        action: 'user.password.change',
        entity_id: String(user.id),
        actor_user_id: user.id,
      }),
    ]);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  async function arrange() {
    const t = await testApp();
    const admin = await createUser(t, 'admin');
    const { token } = await signedIn(t, admin.id);
    const write = (headers: Record<string, string>) =>
      t.app.request(
        '/api/v1/staff/customers',
        json(
          'POST',
          { name: 'Acme', timeZone: 'UTC' },
          { cookie: `${SESSION_COOKIE}=${token}`, ...headers },
        ),
      );
    return { t, admin, write };
  }

  it('accepts the portal’s own Origin', async () => {
    const { write } = await arrange();
    expect((await write({ origin: TEST_ORIGIN })).status).toBe(201);
  });

  it('refuses a foreign Origin', async () => {
    const { t, write } = await arrange();
    const response = await write({ origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('CSRF_REJECTED');
    const rows = await t.db.client.execute('SELECT count(*) AS n FROM customers');
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });

  it('refuses Sec-Fetch-Site: cross-site without an Origin', async () => {
    const { write } = await arrange();
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses a cookie write that sends no Origin', async () => {
    const { write } = await arrange();
    expect((await write({})).status).toBe(403);
  });

  it('lets an API key write without an Origin (browsers never add Authorization cross-site)', async () => {
    const t = await testApp();
    const customer = await createCustomer(t);
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const key = await createApiKey(t, ['read'], {
      customerId: customer.id,
      createdByUserId: user.id,
    });
    // A read key may not make keys: 403 from authorisation, not from the CSRF check.
    const response = await t.app.request(
      '/api/v1/me/api-keys',
      json('POST', { name: 'x' }, key.headers),
    );
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  });
});
