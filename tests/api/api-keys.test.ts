import { describe, expect, it } from 'vitest';
import { sha256 } from '../../api/auth/tokens.ts';
import { testApp } from '../helpers/app.ts';
import { createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';

async function arrange() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const adminSession = await signedIn(t, admin.id);
  const customerA = await createCustomer(t, 'A');
  const customerB = await createCustomer(t, 'B');
  const userA = await createUser(t, 'customer', { customerId: customerA.id });
  const userB = await createUser(t, 'customer', { customerId: customerB.id });
  const sessionA = await signedIn(t, userA.id);
  const sessionB = await signedIn(t, userB.id);
  return { t, admin, adminSession, customerA, customerB, userA, sessionA, sessionB };
}

const asKey = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

describe('POST /staff/api-keys', () => {
  it('makes an ingest key, shows it once and stores only its hash', async () => {
    const { t, admin, adminSession } = await arrange();
    const response = await t.app.request(
      '/api/v1/staff/api-keys',
      json('POST', { name: 'uptime monitor', scopes: ['ingest'] }, adminSession.headers),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      name: 'uptime monitor',
      scopes: ['ingest'],
      customerId: null,
      createdByUserId: admin.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(body.key).toMatch(new RegExp(`^sp_${body.prefix}_`));
    const stored = await t.db.client.execute('SELECT key_hash FROM api_keys');
    expect(stored.rows.map((row) => row.key_hash)).toEqual([sha256(body.key)]);
    const listed = await (
      await t.app.request(`/api/v1/staff/api-keys/${body.id}`, { headers: adminSession.headers })
    ).json();
    expect(listed.key).toBeUndefined();
    expect(listed.prefix).toBe(body.prefix);
  });

  it('answers 400 to any scope but ingest (customers make their own read keys)', async () => {
    const { t, adminSession } = await arrange();
    const response = await t.app.request(
      '/api/v1/staff/api-keys',
      json('POST', { name: 'x', scopes: ['read'] }, adminSession.headers),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('scopes.0');
  });
});

describe('API keys in use', () => {
  it('record when they were last used', async () => {
    const { t, adminSession } = await arrange();
    const { key, id } = await (
      await t.app.request(
        '/api/v1/staff/api-keys',
        json('POST', { name: 'm', scopes: ['ingest'] }, adminSession.headers),
      )
    ).json();
    t.clock.advance(5 * 60_000);
    // Any route will do: the key is read before the route decides.
    await t.app.request('/api/v1/status', asKey(key));
    const row = await (
      await t.app.request(`/api/v1/staff/api-keys/${id}`, { headers: adminSession.headers })
    ).json();
    expect(row.lastUsedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it('are never accepted in the URL', async () => {
    const { t, adminSession } = await arrange();
    const { key } = await (
      await t.app.request(
        '/api/v1/staff/api-keys',
        json('POST', { name: 'm', scopes: ['ingest'] }, adminSession.headers),
      )
    ).json();
    for (const name of ['api_key', 'key', 'token', 'access_token']) {
      const response = await t.app.request(`/api/v1/status?${name}=${key}`);
      expect(response.status).toBe(400);
    }
  });

  it('answer 401 once revoked, and a second revocation is a 409', async () => {
    const { t, adminSession } = await arrange();
    const { key, id } = await (
      await t.app.request(
        '/api/v1/staff/api-keys',
        json('POST', { name: 'm', scopes: ['ingest'] }, adminSession.headers),
      )
    ).json();
    // An ingest key is recognised (403 on a person's route), not refused as unknown.
    expect((await t.app.request('/api/v1/auth/me', asKey(key))).status).toBe(403);
    const revoke = () =>
      t.app.request(`/api/v1/staff/api-keys/${id}/revoke`, {
        method: 'POST',
        headers: adminSession.headers,
      });
    const revoked = await revoke();
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).revokedAt).toBe(new Date(t.clock.now()).toISOString());
    const refused = await t.app.request('/api/v1/auth/me', asKey(key));
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('UNAUTHENTICATED');
    expect((await revoke()).status).toBe(409);
  });
});

describe('/me/api-keys', () => {
  it('lets a customer make a read key for their own data', async () => {
    const { t, customerA, userA, sessionA } = await arrange();
    const response = await t.app.request(
      '/api/v1/me/api-keys',
      json('POST', { name: 'billing export' }, sessionA.headers),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      scopes: ['read'],
      customerId: customerA.id,
      createdByUserId: userA.id,
    });
  });

  it('lists only the customer’s own keys', async () => {
    const { t, sessionA, sessionB } = await arrange();
    await t.app.request('/api/v1/me/api-keys', json('POST', { name: 'a' }, sessionA.headers));
    await t.app.request('/api/v1/me/api-keys', json('POST', { name: 'b' }, sessionB.headers));
    const list = await (
      await t.app.request('/api/v1/me/api-keys', { headers: sessionA.headers })
    ).json();
    expect(list.items.map((key: { name: string }) => key.name)).toEqual(['a']);
  });

  it('answers 404 when a customer revokes another customer’s key, and the key keeps working', async () => {
    const { t, sessionA, sessionB } = await arrange();
    const keyB = await (
      await t.app.request('/api/v1/me/api-keys', json('POST', { name: 'b' }, sessionB.headers))
    ).json();
    const response = await t.app.request(`/api/v1/me/api-keys/${keyB.id}/revoke`, {
      method: 'POST',
      headers: sessionA.headers,
    });
    expect(response.status).toBe(404);
    const foreign = await response.json();
    expect(foreign.error.code).toBe('NOT_FOUND');
    const missing = await t.app.request('/api/v1/me/api-keys/424242/revoke', {
      method: 'POST',
      headers: sessionA.headers,
    });
    // Exactly like a key that does not exist.
    expect((await missing.json()).error.message).toBe(foreign.error.message);
    expect((await t.app.request('/api/v1/status', asKey(keyB.key))).status).toBe(200);
  });

  it('lets a customer revoke their own key', async () => {
    const { t, sessionA } = await arrange();
    const key = await (
      await t.app.request('/api/v1/me/api-keys', json('POST', { name: 'a' }, sessionA.headers))
    ).json();
    const response = await t.app.request(`/api/v1/me/api-keys/${key.id}/revoke`, {
      method: 'POST',
      headers: sessionA.headers,
    });
    expect(response.status).toBe(200);
    expect((await t.app.request('/api/v1/status', asKey(key.key))).status).toBe(401);
  });
});

describe('GET /staff/api-keys', () => {
  it('lists every key for admins, filtered by customer or revocation', async () => {
    const { t, adminSession, customerA, sessionA, sessionB } = await arrange();
    await t.app.request(
      '/api/v1/staff/api-keys',
      json('POST', { name: 'monitor', scopes: ['ingest'] }, adminSession.headers),
    );
    await t.app.request('/api/v1/me/api-keys', json('POST', { name: 'a' }, sessionA.headers));
    const b = await (
      await t.app.request('/api/v1/me/api-keys', json('POST', { name: 'b' }, sessionB.headers))
    ).json();
    await t.app.request(`/api/v1/staff/api-keys/${b.id}/revoke`, {
      method: 'POST',
      headers: adminSession.headers,
    });
    const names = async (query: string) =>
      (
        await (
          await t.app.request(`/api/v1/staff/api-keys${query}`, { headers: adminSession.headers })
        ).json()
      ).items.map((key: { name: string }) => key.name);
    expect(await names('')).toEqual(['monitor', 'a', 'b']);
    expect(await names(`?customerId=${customerA.id}`)).toEqual(['a']);
    expect(await names('?revoked=true')).toEqual(['b']);
    expect(await names('?revoked=false')).toEqual(['monitor', 'a']);
  });

  it('records creation and revocation in the audit log with before and after', async () => {
    const { t, adminSession } = await arrange();
    const key = await (
      await t.app.request(
        '/api/v1/staff/api-keys',
        json('POST', { name: 'monitor', scopes: ['ingest'] }, adminSession.headers),
      )
    ).json();
    await t.app.request(`/api/v1/staff/api-keys/${key.id}/revoke`, {
      method: 'POST',
      headers: adminSession.headers,
    });
    const rows = (
      await t.db.client.execute('SELECT action, before, after FROM audit_log ORDER BY id')
    ).rows;
    expect(rows.map((row) => row.action)).toEqual(['api_key.create', 'api_key.revoke']);
    expect(JSON.parse(String(rows[1]?.before)).revokedAt).toBeNull();
    expect(JSON.parse(String(rows[1]?.after)).revokedAt).not.toBeNull();
    // The secret is never in the log.
    expect(JSON.stringify(rows)).not.toContain(key.key);
  });
});
