import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';

async function arrange() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: session.headers }
        : json(method, body, session.headers),
    );
  return { t, admin, session, call };
}

async function auditRows(t: TestApp) {
  const rows = await t.db.client.execute('SELECT * FROM audit_log ORDER BY id');
  return rows.rows.map((row) => ({
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    actorUserId: row.actor_user_id,
    requestId: row.request_id,
    before: row.before === null ? null : JSON.parse(String(row.before)),
    after: row.after === null ? null : JSON.parse(String(row.after)),
  }));
}

describe('POST /staff/services', () => {
  it('adds a service in a group created from its slug, monitored from now by default', async () => {
    const { t, call } = await arrange();
    const response = await call('POST', '/staff/services', {
      slug: 'api',
      name: 'API',
      group: 'core',
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      slug: 'api',
      name: 'API',
      group: { slug: 'core', name: 'core' },
      monitoredSince: new Date(t.clock.now()).toISOString(),
      active: true,
    });
    expect(body.id).toEqual(expect.any(Number));
  });

  it('takes monitoredSince when given', async () => {
    const { call } = await arrange();
    const body = await (
      await call('POST', '/staff/services', {
        slug: 'api',
        name: 'API',
        monitoredSince: '2026-01-01T00:00:00+01:00',
      })
    ).json();
    expect(body.monitoredSince).toBe('2025-12-31T23:00:00.000Z');
  });

  it('answers 409 for a slug in use', async () => {
    const { call } = await arrange();
    await call('POST', '/staff/services', { slug: 'api', name: 'API' });
    const response = await call('POST', '/staff/services', { slug: 'api', name: 'Other' });
    expect(response.status).toBe(409);
  });

  it('answers 400 naming slug when it is not a slug', async () => {
    const { call } = await arrange();
    const response = await call('POST', '/staff/services', { slug: 'Not A Slug', name: 'API' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('slug');
  });

  it('shows on the public status page, and leaves it when deactivated', async () => {
    const { t, call } = await arrange();
    const { id } = await (
      await call('POST', '/staff/services', { slug: 'api', name: 'API' })
    ).json();
    const publicSlugs = async () =>
      (await (await t.app.request('/api/v1/services')).json()).items.map(
        (service: { slug: string }) => service.slug,
      );
    expect(await publicSlugs()).toEqual(['api']);
    expect((await call('PATCH', `/staff/services/${id}`, { active: false })).status).toBe(200);
    expect(await publicSlugs()).toEqual([]);
  });
});

describe('PATCH /staff/services/{id}', () => {
  it('changes a service and records before and after in the audit log', async () => {
    const { t, admin, call } = await arrange();
    const { id } = await (
      await call('POST', '/staff/services', { slug: 'api', name: 'API', group: 'core' })
    ).json();
    const response = await call('PATCH', `/staff/services/${id}`, {
      name: 'Public API',
      group: null,
      active: false,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Public API', group: null, active: false });
    const entry = (await auditRows(t)).at(-1);
    expect(entry).toMatchObject({
      action: 'service.deactivate',
      entityType: 'service',
      entityId: String(id),
      actorUserId: admin.id,
      before: { name: 'API', group: { slug: 'core' }, active: true },
      after: { name: 'Public API', group: null, active: false },
    });
    expect(entry?.requestId).toEqual(expect.any(String));
  });

  it('refuses to change the slug', async () => {
    const { call } = await arrange();
    const { id } = await (
      await call('POST', '/staff/services', { slug: 'api', name: 'API' })
    ).json();
    const response = await call('PATCH', `/staff/services/${id}`, { slug: 'other' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues).toEqual([
      { path: 'slug', message: 'Unknown field "slug".' },
    ]);
  });

  it('answers 404 for a service that does not exist', async () => {
    const { call } = await arrange();
    expect((await call('PATCH', '/staff/services/4242', { name: 'x' })).status).toBe(404);
  });
});

describe('/staff/service-groups', () => {
  it('adds, lists and renames groups', async () => {
    const { call } = await arrange();
    const created = await call('POST', '/staff/service-groups', {
      slug: 'edge',
      name: 'Edge',
      sortOrder: 2,
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    await call('PATCH', `/staff/service-groups/${id}`, { name: 'Edge network' });
    const list = await (await call('GET', '/staff/service-groups')).json();
    expect(list.items).toMatchObject([{ slug: 'edge', name: 'Edge network', sortOrder: 2 }]);
  });

  it('answers 422 when a group with active services is deactivated', async () => {
    const { call } = await arrange();
    await call('POST', '/staff/services', { slug: 'api', name: 'API', group: 'core' });
    const groups = await (await call('GET', '/staff/service-groups')).json();
    const response = await call('PATCH', `/staff/service-groups/${groups.items[0].id}`, {
      active: false,
    });
    expect(response.status).toBe(422);
  });
});

describe('POST /staff/customers', () => {
  it('adds a customer with its zone in canonical spelling', async () => {
    const { call } = await arrange();
    const response = await call('POST', '/staff/customers', {
      name: 'Acme',
      timeZone: 'europe/berlin',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      name: 'Acme',
      timeZone: 'Europe/Berlin',
      active: true,
    });
  });

  it.each(['+02:00', 'Mars/Olympus', 'UTC+2', ''])(
    'answers 400 naming timeZone for %j',
    async (zone) => {
      const { call } = await arrange();
      const response = await call('POST', '/staff/customers', { name: 'Acme', timeZone: zone });
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues[0].path).toBe('timeZone');
    },
  );
});

describe('PATCH /staff/customers/{id}', () => {
  it('deactivates a customer, keeping the record, with before and after in the audit log', async () => {
    const { t, call } = await arrange();
    const { id } = await (
      await call('POST', '/staff/customers', { name: 'Acme', timeZone: 'UTC' })
    ).json();
    const response = await call('PATCH', `/staff/customers/${id}`, { active: false });
    expect(await response.json()).toMatchObject({ id, active: false });
    expect((await call('GET', `/staff/customers/${id}`)).status).toBe(200);
    expect((await auditRows(t)).at(-1)).toMatchObject({
      action: 'customer.deactivate',
      before: { active: true },
      after: { active: false },
    });
  });

  it('writes no audit entry for a change that changes nothing', async () => {
    const { t, call } = await arrange();
    const { id } = await (
      await call('POST', '/staff/customers', { name: 'Acme', timeZone: 'UTC' })
    ).json();
    const before = (await auditRows(t)).length;
    expect((await call('PATCH', `/staff/customers/${id}`, {})).status).toBe(200);
    expect((await call('PATCH', `/staff/customers/${id}`, { name: 'Acme' })).status).toBe(200);
    expect(await auditRows(t)).toHaveLength(before);
  });
});

describe('lists', () => {
  it('page by cursor, at most 100 items per page', async () => {
    const { t, call } = await arrange();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await createCustomer(t, name);
    const first = await (await call('GET', '/staff/customers?limit=2')).json();
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['a', 'b']);
    const second = await (
      await call('GET', `/staff/customers?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['c', 'd']);
    const last = await (
      await call('GET', `/staff/customers?limit=2&cursor=${second.nextCursor}`)
    ).json();
    expect(last).toMatchObject({ items: [{ name: 'e' }], nextCursor: null });
  });

  it.each([
    ['limit=101', 'limit'],
    ['limit=0', 'limit'],
    ['cursor=abc', 'cursor'],
    ['colour=blue', 'colour'],
  ])('answer 400 to ?%s naming %s', async (query, field) => {
    const { call } = await arrange();
    const response = await call('GET', `/staff/customers?${query}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe(field);
  });

  it('filter by active', async () => {
    const { call } = await arrange();
    await call('POST', '/staff/customers', { name: 'on', timeZone: 'UTC' });
    const off = await (
      await call('POST', '/staff/customers', { name: 'off', timeZone: 'UTC' })
    ).json();
    await call('PATCH', `/staff/customers/${off.id}`, { active: false });
    const list = await (await call('GET', '/staff/customers?active=false')).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['off']);
  });
});

describe('POST /staff/users', () => {
  it('creates a user with a password who can sign in', async () => {
    const { t, call } = await arrange();
    const customer = await createCustomer(t);
    const response = await call('POST', '/staff/users', {
      email: 'Ops@Example.test',
      password: 'a long enough password',
      role: 'customer',
      customerId: customer.id,
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      email: 'ops@example.test',
      role: 'customer',
      customerId: customer.id,
      passwordSet: true,
    });
    expect(body.passwordHash).toBeUndefined();
    const login = await t.app.request(
      '/api/v1/auth/login',
      json('POST', { email: 'ops@example.test', password: 'a long enough password' }),
    );
    expect(login.status).toBe(200);
    expect(JSON.stringify(await auditRows(t))).not.toMatch(/argon2/);
  });

  it.each([
    [{ role: 'customer' }, 'customerId'],
    [{ role: 'agent', customerId: 1 }, 'customerId'],
    [{ role: 'agent', password: 'short' }, 'password'],
    [{ role: 'wizard' }, 'role'],
  ])('answers 400 to %j naming %s', async (change, field) => {
    const { t, call } = await arrange();
    await createCustomer(t);
    const response = await call('POST', '/staff/users', {
      email: 'x@example.test',
      password: 'a long enough password',
      ...change,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe(field);
  });

  it('answers 422 for a customer that does not exist, and 409 for an email in use', async () => {
    const { call } = await arrange();
    const base = { email: 'x@example.test', password: 'a long enough password' };
    const unknown = await call('POST', '/staff/users', {
      ...base,
      role: 'customer',
      customerId: 99,
    });
    expect(unknown.status).toBe(422);
    await call('POST', '/staff/users', { ...base, role: 'agent' });
    expect((await call('POST', '/staff/users', { ...base, role: 'agent' })).status).toBe(409);
  });
});

describe('PATCH /staff/users/{id}', () => {
  it('deactivating a user ends their sessions', async () => {
    const { t, call } = await arrange();
    const agent = await createUser(t, 'agent');
    const agentSession = await signedIn(t, agent.id);
    const response = await call('PATCH', `/staff/users/${agent.id}`, { active: false });
    expect(response.status).toBe(200);
    const me = await t.app.request('/api/v1/auth/me', { headers: agentSession.headers });
    expect(me.status).toBe(401);
    expect((await auditRows(t)).at(-1)).toMatchObject({
      action: 'user.deactivate',
      before: { active: true },
      after: { active: false },
    });
  });

  it('changing a role ends the user’s sessions and drops a customer when leaving that role', async () => {
    const { t, call } = await arrange();
    const customer = await createCustomer(t);
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const userSession = await signedIn(t, user.id);
    const body = await (await call('PATCH', `/staff/users/${user.id}`, { role: 'agent' })).json();
    expect(body).toMatchObject({ role: 'agent', customerId: null });
    expect((await t.app.request('/api/v1/auth/me', { headers: userSession.headers })).status).toBe(
      401,
    );
  });

  it('answers 422 when admins demote or deactivate themselves', async () => {
    const { admin, call } = await arrange();
    expect((await call('PATCH', `/staff/users/${admin.id}`, { role: 'agent' })).status).toBe(422);
    expect((await call('PATCH', `/staff/users/${admin.id}`, { active: false })).status).toBe(422);
  });

  it('lists users by role', async () => {
    const { t, call } = await arrange();
    await createUser(t, 'agent', { email: 'agent@example.test' });
    const list = await (await call('GET', '/staff/users?role=agent')).json();
    expect(list.items.map((u: { email: string }) => u.email)).toEqual(['agent@example.test']);
  });
});

describe('GET /staff/audit-log', () => {
  it('lists changes newest first, filtered by entity, with before and after', async () => {
    const { admin, call } = await arrange();
    const { id } = await (
      await call('POST', '/staff/customers', { name: 'Acme', timeZone: 'UTC' })
    ).json();
    await call('PATCH', `/staff/customers/${id}`, { name: 'Acme Inc.' });
    await call('POST', '/staff/services', { slug: 'api', name: 'API' });
    const page = await (
      await call('GET', `/staff/audit-log?entityType=customer&entityId=${id}`)
    ).json();
    expect(page.items).toMatchObject([
      {
        action: 'customer.update',
        actorUserId: admin.id,
        before: { name: 'Acme' },
        after: { name: 'Acme Inc.' },
      },
      { action: 'customer.create', before: null, after: { name: 'Acme' } },
    ]);
    const first = await (await call('GET', '/staff/audit-log?limit=1')).json();
    expect(first.items[0].action).toBe('service.create');
    const next = await (
      await call('GET', `/staff/audit-log?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(next.items[0].action).toBe('customer.update');
  });
});
