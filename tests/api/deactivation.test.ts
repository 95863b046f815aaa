import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createApiKey, createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';

/**
 * Deactivating a customer or a user cuts access from the very next request: their sessions
 * and read keys answer 401, the sessions are gone from the database, and reactivation
 * brings none of them back.
 */

const PASSWORD = 'correct horse battery staple';

async function setup() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const adminHeaders = (await signedIn(t, admin.id)).headers;
  const acme = await createCustomer(t, 'Acme');
  const globex = await createCustomer(t, 'Globex');
  const ada = await createUser(t, 'customer', { email: 'ada@acme.test', customerId: acme.id });
  const bob = await createUser(t, 'customer', { email: 'bob@acme.test', customerId: acme.id });
  const gil = await createUser(t, 'customer', { email: 'gil@globex.test', customerId: globex.id });
  const asAdmin = (method: string, path: string, body: unknown) =>
    t.app.request(`/api/v1${path}`, json(method, body, adminHeaders));
  return { t, admin, acme, globex, ada, bob, gil, asAdmin };
}

const get = (t: TestApp, path: string, headers: Record<string, string>) =>
  t.app.request(`/api/v1${path}`, { headers });

async function sessionsOf(t: TestApp, userId: number): Promise<number> {
  const { rows } = await t.db.client.execute({
    sql: 'SELECT count(*) AS n FROM sessions WHERE user_id = ?',
    args: [userId],
  });
  return Number(rows[0]?.n);
}

const signIn = (t: TestApp, email: string) =>
  t.app.request('/api/v1/auth/login', json('POST', { email, password: PASSWORD }));

describe('deactivating a customer', () => {
  it('answers 401 to its users’ sessions and its read keys from the next request, and to nobody else', async () => {
    const { t, acme, ada, bob, gil, asAdmin } = await setup();
    const adaSession = (await signedIn(t, ada.id)).headers;
    const bobSession = (await signedIn(t, bob.id)).headers;
    const gilSession = (await signedIn(t, gil.id)).headers;
    const key = await createApiKey(t, ['read'], { customerId: acme.id, createdByUserId: ada.id });
    for (const headers of [adaSession, bobSession, key.headers]) {
      expect((await get(t, '/me/agreements', headers)).status).toBe(200);
    }

    expect((await asAdmin('PATCH', `/staff/customers/${acme.id}`, { active: false })).status).toBe(
      200,
    );
    for (const headers of [adaSession, bobSession, key.headers]) {
      expect((await get(t, '/me/agreements', headers)).status).toBe(401);
    }
    expect(await sessionsOf(t, ada.id)).toBe(0);
    expect(await sessionsOf(t, bob.id)).toBe(0);
    expect((await signIn(t, 'ada@acme.test')).status).toBe(401);
    // Another customer is untouched.
    expect((await get(t, '/me/agreements', gilSession)).status).toBe(200);
  });

  it('brings back no session and no key when the customer is reactivated', async () => {
    const { t, acme, ada, asAdmin } = await setup();
    const session = (await signedIn(t, ada.id)).headers;
    const key = await createApiKey(t, ['read'], { customerId: acme.id, createdByUserId: ada.id });
    await asAdmin('PATCH', `/staff/customers/${acme.id}`, { active: false });
    expect((await asAdmin('PATCH', `/staff/customers/${acme.id}`, { active: true })).status).toBe(
      200,
    );
    expect((await get(t, '/me/agreements', session)).status).toBe(401);
    expect((await get(t, '/me/agreements', key.headers)).status).toBe(401);
    const keys = await t.db.client.execute({
      sql: 'SELECT revoked_at FROM api_keys WHERE id = ?',
      args: [key.id],
    });
    expect(keys.rows[0]?.revoked_at).toBe(t.clock.now());
    // The people themselves sign in again.
    expect((await signIn(t, 'ada@acme.test')).status).toBe(200);
  });

  it('records each revoked key in the audit log with the reason', async () => {
    const { t, acme, ada, asAdmin } = await setup();
    const key = await createApiKey(t, ['read'], { customerId: acme.id, createdByUserId: ada.id });
    await asAdmin('PATCH', `/staff/customers/${acme.id}`, { active: false });
    const { rows } = await t.db.client.execute(
      "SELECT entity_id, after FROM audit_log WHERE action = 'api_key.revoke'",
    );
    expect(rows.map((row) => row.entity_id)).toEqual([String(key.id)]);
    expect(JSON.parse(String(rows[0]?.after))).toMatchObject({ reason: 'customer deactivated' });
  });
});

describe('deactivating a user', () => {
  it('answers 401 to their sessions and the read keys they made, not to colleagues', async () => {
    const { t, acme, ada, bob, asAdmin } = await setup();
    const adaSession = (await signedIn(t, ada.id)).headers;
    const bobSession = (await signedIn(t, bob.id)).headers;
    const adasKey = await createApiKey(t, ['read'], {
      customerId: acme.id,
      createdByUserId: ada.id,
    });
    const bobsKey = await createApiKey(t, ['read'], {
      customerId: acme.id,
      createdByUserId: bob.id,
    });
    expect((await asAdmin('PATCH', `/staff/users/${ada.id}`, { active: false })).status).toBe(200);
    expect((await get(t, '/me/agreements', adaSession)).status).toBe(401);
    expect((await get(t, '/me/agreements', adasKey.headers)).status).toBe(401);
    expect((await get(t, '/me/agreements', bobSession)).status).toBe(200);
    expect((await get(t, '/me/agreements', bobsKey.headers)).status).toBe(200);
    expect(await sessionsOf(t, ada.id)).toBe(0);
  });

  it('cuts a staff user too, and reactivation does not revive the old session', async () => {
    const { t, asAdmin } = await setup();
    const agent = await createUser(t, 'agent');
    const session = (await signedIn(t, agent.id)).headers;
    expect((await get(t, '/staff/claims', session)).status).toBe(200);
    await asAdmin('PATCH', `/staff/users/${agent.id}`, { active: false });
    expect((await get(t, '/staff/claims', session)).status).toBe(401);
    await asAdmin('PATCH', `/staff/users/${agent.id}`, { active: true });
    expect((await get(t, '/staff/claims', session)).status).toBe(401);
    expect(await sessionsOf(t, agent.id)).toBe(0);
  });

  it('cuts sessions and keys even when the flag is cleared behind the API’s back', async () => {
    const { t, acme, ada } = await setup();
    const session = (await signedIn(t, ada.id)).headers;
    const key = await createApiKey(t, ['read'], { customerId: acme.id, createdByUserId: ada.id });
    await t.db.client.execute({
      sql: 'UPDATE customers SET active = 0 WHERE id = ?',
      args: [acme.id],
    });
    expect((await get(t, '/me/agreements', session)).status).toBe(401);
    expect((await get(t, '/me/agreements', key.headers)).status).toBe(401);
    expect(await sessionsOf(t, ada.id)).toBe(0);
  });
});
