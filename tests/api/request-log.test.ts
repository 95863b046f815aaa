import { drizzle } from 'drizzle-orm/libsql';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { sha256 } from '../../api/auth/tokens.ts';
import * as schema from '../../db/schema/index.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createApiKey, createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';
import { captureLog } from '../helpers/log.ts';

async function arrange() {
  const t = await testApp();
  const log = captureLog();
  const app = createApp({ db: t.db, clock: t.clock, config: t.config, logger: log.logger });
  return { t, log, app };
}

describe('the request log', () => {
  it('writes exactly one line per request, with the route pattern and no path values', async () => {
    const { t, log, app } = await arrange();
    const admin = await createUser(t, 'admin');
    const session = await signedIn(t, admin.id);
    const customer = await createCustomer(t, 'Acme');
    const response = await app.request(`/api/v1/staff/customers/${customer.id}`, {
      headers: session.headers,
    });
    expect(response.status).toBe(200);
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      msg: 'request',
      requestId: response.headers.get('x-request-id'),
      method: 'GET',
      route: '/api/v1/staff/customers/:id',
      status: 200,
      durationMs: expect.any(Number),
      principal: 'admin',
    });
  });

  it('names the kind of caller, and the refused requests too', async () => {
    const { t, log, app } = await arrange();
    const customer = await createCustomer(t, 'Acme');
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const session = await signedIn(t, user.id);
    const key = await createApiKey(t, ['read'], {
      customerId: customer.id,
      createdByUserId: user.id,
    });
    await app.request('/api/v1/status');
    await app.request('/api/v1/me/claims', { headers: session.headers });
    await app.request('/api/v1/me/claims', { headers: key.headers });
    await app.request('/api/v1/staff/customers', { headers: key.headers });
    await app.request('/api/v1/no/such/thing/42');
    await app.request('/healthz');
    expect(
      log
        .lines()
        .map(({ method, route, status, principal }) => ({ method, route, status, principal })),
    ).toEqual([
      { method: 'GET', route: '/api/v1/status', status: 200, principal: 'anonymous' },
      { method: 'GET', route: '/api/v1/me/claims', status: 200, principal: 'customer' },
      { method: 'GET', route: '/api/v1/me/claims', status: 200, principal: 'key' },
      { method: 'GET', route: '/api/v1/staff/customers', status: 403, principal: 'key' },
      { method: 'GET', route: null, status: 404, principal: 'anonymous' },
      { method: 'GET', route: '/healthz', status: 200, principal: 'anonymous' },
    ]);
  });

  it('never holds a password, a session token, an API key or an invitation token', async () => {
    const { t, log, app } = await arrange();
    const adminPassword = 'correct horse battery staple';
    await createUser(t, 'admin', {
      email: 'root@example.test',
      password: adminPassword,
    });
    const secrets: string[] = [adminPassword];
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`/api/v1${path}`, json('POST', body, { origin: TEST_ORIGIN, ...headers }));

    const login = await post('/auth/login', {
      email: 'root@example.test',
      password: adminPassword,
    });
    expect(login.status).toBe(200);
    const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
      login.headers.get('set-cookie') ?? '',
    )?.[1];
    if (!token) throw new Error('no session cookie');
    secrets.push(token, sha256(token));
    const cookie = { cookie: `${SESSION_COOKIE}=${token}` };

    const created = await post('/staff/api-keys', { name: 'Monitor', scopes: ['ingest'] }, cookie);
    expect(created.status).toBe(201);
    const { key } = await created.json();
    secrets.push(key);
    const keyed = await app.request('/api/v1/ingest/windows', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(keyed.status).toBe(400);

    const invited = await post(
      '/staff/users/invitations',
      { email: 'new@example.test', role: 'agent' },
      cookie,
    );
    expect(invited.status).toBe(201);
    const invitationToken = /#token=(.+)$/.exec((await invited.json()).link)?.[1];
    if (!invitationToken) throw new Error('no invitation token');
    const newPassword = 'a fresh and long password';
    secrets.push(invitationToken, newPassword);
    expect(
      (await post('/auth/invitations/accept', { token: invitationToken, password: newPassword }))
        .status,
    ).toBe(200);

    // Credentials where they do not belong are refused, and not logged either.
    await app.request(`/api/v1/status?access_token=${key}`);
    await app.request(`/api/v1/incidents?cursor=${invitationToken}`);
    await app.request(`/api/v1/staff/customers/${token}`, { headers: cookie });

    const written = log.raw.join('');
    expect(log.raw.length).toBe(8);
    for (const secret of secrets) expect(written).not.toContain(secret);
    expect(written).not.toMatch(/cookie|authorization|password|token/i);
  });

  it('logs a fault at error level with its cause, never the query’s values', async () => {
    const { t, log } = await arrange();
    const user = await createUser(t, 'admin');
    const session = await signedIn(t, user.id);
    const failing = new Proxy(t.db.client, {
      get: (target, property) =>
        property === 'execute'
          ? () => Promise.reject(new Error('disk I/O error'))
          : Reflect.get(target, property, target),
    });
    const app = createApp({
      db: { ...t.db, client: failing, db: drizzle(failing, { schema }) },
      clock: t.clock,
      config: t.config,
      logger: log.logger,
    });
    const response = await app.request('/api/v1/auth/me', { headers: session.headers });
    expect(response.status).toBe(500);
    const errors = log.errors();
    expect(errors).toHaveLength(1);
    const [line] = errors;
    expect(line).toMatchObject({
      level: 50,
      msg: 'request failed',
      route: '/api/v1/auth/me',
      status: 500,
      requestId: (await response.json()).error.requestId,
    });
    // The session lookup is one raw statement (ADR 202): its text is logged, its values not.
    expect(line?.err?.message).toMatch(/^Failed query:\s+select [\s\S]* from "?sessions"?\b/i);
    expect(line?.err?.message).toContain('params: [not logged]');
    expect(line?.err?.cause).toMatchObject({ type: 'Error', message: 'disk I/O error' });
    expect(line?.err?.stack).toContain('at ');
    expect(log.raw.join('')).not.toContain(sha256(session.token));
  });

  it('without a logger, sends faults to console.error, so a test that meets one fails', async () => {
    const t: TestApp = await testApp();
    const failing = new Proxy(t.db.client, {
      get: (target, property) =>
        property === 'execute'
          ? () => Promise.reject(new Error('disk I/O error'))
          : Reflect.get(target, property, target),
    });
    const app = createApp({
      db: { ...t.db, client: failing, db: drizzle(failing, { schema }) },
      clock: t.clock,
      config: t.config,
    });
    const consoleError = vi.mocked(console.error);
    // Kept off the test run's output; the call is still recorded.
    consoleError.mockImplementationOnce(() => undefined);
    expect((await app.request('/api/v1/incidents')).status).toBe(500);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(consoleError.mock.calls[0]?.[0]))).toMatchObject({
      level: 50,
      status: 500,
      route: '/api/v1/incidents',
    });
    // Expected here: the guard of tests/helpers/setup.ts would fail this test otherwise.
    consoleError.mockClear();
    // Requests that go well are not written at all.
    expect((await t.app.request('/api/v1/status')).status).toBe(200);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
