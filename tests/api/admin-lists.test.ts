import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import {
  createApiKey,
  createCustomer,
  createService,
  createUser,
  json,
  signedIn,
} from '../helpers/factories.ts';
import { createAgreement, createPolicy, STANDARD_RULES } from '../helpers/sla-fixtures.ts';

/**
 * The administration lists as the console uses them (docs/decisions/135): names instead of
 * bare ids, search with `q`, sort with `sort`, cursor pages in every order; pending
 * invitations and their revocation (137); validation problems in words (136).
 */

async function arrange() {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const admin = await createUser(t, 'admin', { email: 'admin@provider.test' });
  let session = await signedIn(t, admin.id);
  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: session.headers }
        : json(method, body, session.headers),
    );
  /** A fresh session, after the clock has moved past the old one's lifetime. */
  const signInAgain = async () => {
    session = await signedIn(t, admin.id);
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await call('GET', path);
    expect(response.status, `GET ${path}`).toBe(200);
    return (await response.json()) as T;
  };
  return { t, admin, call, get, signInAgain };
}

type Page<T> = { items: T[]; nextCursor: string | null };

/** Every item of a list, page by page (`limit` per page), in the order the API gives. */
async function walk<T>(get: (path: string) => Promise<Page<T>>, path: string, limit = 2) {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Page<T> = await get(
      `${path}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 50);
  return { items, pages };
}

const names = (items: { name: string }[]) => items.map((item) => item.name);

describe('GET /staff/customers', () => {
  it('sorts by name either way, ignoring case, across pages without repeating or skipping', async () => {
    const { t, get } = await arrange();
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
      await createCustomer(t, name);
    const ascending = await walk(get<Page<{ name: string }>>, '/staff/customers?sort=name');
    expect(names(ascending.items)).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    expect(ascending.pages).toBe(3);
    const descending = await walk(get<Page<{ name: string }>>, '/staff/customers?sort=-name');
    expect(names(descending.items)).toEqual(['echo', 'delta', 'charlie', 'Bravo', 'Alpha']);
  });

  it('keeps rows with the same name apart by id, on every page', async () => {
    const { t, get } = await arrange();
    const ids: number[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await createCustomer(t, 'Same')).id);
    const all = await walk(get<Page<{ id: number }>>, '/staff/customers?sort=-name');
    expect(all.items.map((item) => item.id)).toEqual([...ids].reverse());
  });

  it('sorts by creation newest first', async () => {
    const { t, get } = await arrange();
    for (const name of ['first', 'second', 'third']) await createCustomer(t, name);
    const page = await get<Page<{ name: string }>>('/staff/customers?sort=-created');
    expect(names(page.items)).toEqual(['third', 'second', 'first']);
  });

  it('finds customers by any part of the name, in any case, taking % and _ literally', async () => {
    const { t, get } = await arrange();
    for (const name of ['Northwind Traders', 'Contoso', 'WIND Power', '100% Uptime', 'A_B']) {
      await createCustomer(t, name);
    }
    const wind = await get<Page<{ name: string }>>('/staff/customers?q=wind&sort=name');
    expect(names(wind.items)).toEqual(['Northwind Traders', 'WIND Power']);
    const percent = await get<Page<{ name: string }>>(
      `/staff/customers?q=${encodeURIComponent('0%')}`,
    );
    expect(names(percent.items)).toEqual(['100% Uptime']);
    const underscore = await get<Page<{ name: string }>>('/staff/customers?q=_');
    expect(names(underscore.items)).toEqual(['A_B']);
    // An empty search is no search.
    const everyone = await get<Page<{ name: string }>>('/staff/customers?q=%20');
    expect(everyone.items).toHaveLength(5);
  });

  it('pages through search results sorted by name', async () => {
    const { t, get } = await arrange();
    for (const name of ['Acme East', 'Other', 'Acme West', 'acme north', 'Acme South']) {
      await createCustomer(t, name);
    }
    const all = await walk(get<Page<{ name: string }>>, '/staff/customers?q=acme&sort=name');
    expect(names(all.items)).toEqual(['Acme East', 'acme north', 'Acme South', 'Acme West']);
  });

  it('answers 400 in words to an unknown sort, and to a cursor of another list', async () => {
    const { t, call } = await arrange();
    await createCustomer(t, 'Acme');
    const sort = await call('GET', '/staff/customers?sort=colour');
    expect(sort.status).toBe(400);
    expect((await sort.json()).error.issues).toEqual([
      { path: 'sort', message: 'must be one of "name", "-name", "created" or "-created"' },
    ]);
    const cursor = await call('GET', '/staff/customers?sort=name&cursor=424242');
    expect(cursor.status).toBe(400);
    expect((await cursor.json()).error.issues).toEqual([
      { path: 'cursor', message: 'must be a nextCursor from a previous page' },
    ]);
  });
});

describe('GET /staff/users', () => {
  it('names each user’s customer, and finds users by email or name', async () => {
    const { t, call, get } = await arrange();
    const acme = await createCustomer(t, 'Acme');
    const grace = await createUser(t, 'customer', {
      email: 'grace@acme.test',
      customerId: acme.id,
    });
    await createUser(t, 'agent', { email: 'sam@provider.test' });
    await call('PATCH', `/staff/users/${grace.id}`, { name: 'Grace Hopper' });

    const byName =
      await get<Page<{ email: string; customerName: string | null }>>('/staff/users?q=HOPPER');
    expect(byName.items).toEqual([
      expect.objectContaining({ email: 'grace@acme.test', customerName: 'Acme' }),
    ]);
    const byEmail = await get<Page<{ email: string; customerName: string | null }>>(
      '/staff/users?q=provider.test&sort=email',
    );
    expect(byEmail.items.map((user) => [user.email, user.customerName])).toEqual([
      ['admin@provider.test', null],
      ['sam@provider.test', null],
    ]);
    const one = await get<{ customerName: string | null }>(`/staff/users/${grace.id}`);
    expect(one.customerName).toBe('Acme');
  });

  it('sorts by role, then by id', async () => {
    const { t, get } = await arrange();
    const acme = await createCustomer(t, 'Acme');
    await createUser(t, 'customer', { email: 'c1@acme.test', customerId: acme.id });
    await createUser(t, 'agent', { email: 'a1@provider.test' });
    await createUser(t, 'customer', { email: 'c2@acme.test', customerId: acme.id });
    const all = await walk(get<Page<{ email: string; role: string }>>, '/staff/users?sort=role');
    expect(all.items.map((user) => user.email)).toEqual([
      'admin@provider.test',
      'a1@provider.test',
      'c1@acme.test',
      'c2@acme.test',
    ]);
  });
});

describe('GET /staff/services', () => {
  it('finds services by slug or name and sorts by the display order', async () => {
    const { call, get } = await arrange();
    await call('POST', '/staff/services', { slug: 'api', name: 'Public API', sortOrder: 3 });
    await call('POST', '/staff/services', { slug: 'web', name: 'Website', sortOrder: 1 });
    await call('POST', '/staff/services', { slug: 'queue', name: 'Message queue', sortOrder: 2 });
    const found = await get<Page<{ slug: string }>>('/staff/services?q=api');
    expect(found.items.map((service) => service.slug)).toEqual(['api']);
    const byName = await get<Page<{ slug: string }>>('/staff/services?q=WEB');
    expect(byName.items.map((service) => service.slug)).toEqual(['web']);
    const ordered = await walk(get<Page<{ slug: string }>>, '/staff/services?sort=order');
    expect(ordered.items.map((service) => service.slug)).toEqual(['web', 'queue', 'api']);
    const bySlug = await get<Page<{ slug: string }>>('/staff/services?sort=-slug');
    expect(bySlug.items.map((service) => service.slug)).toEqual(['web', 'queue', 'api']);
  });
});

describe('GET /staff/agreements', () => {
  async function withAgreements() {
    const context = await arrange();
    const { t } = context;
    const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    const api = await createService(t, 'api');
    const made: Record<string, number> = {};
    for (const [name, start] of [
      ['Zeta Bank', '2026-03-01T00:00:00Z'],
      ['acme', '2026-01-01T00:00:00Z'],
      ['Midway', '2026-02-01T00:00:00Z'],
    ] as const) {
      const customer = await createCustomer(t, name, 'Europe/Berlin');
      const agreement = await createAgreement(t, {
        customerId: customer.id,
        policyId: policy.id,
        start,
        timeZone: 'Europe/Berlin',
        services: [{ serviceId: api.id, monthlyFeeMinor: 100_000, currency: 'EUR' }],
      });
      made[name] = agreement.id;
    }
    return { ...context, made };
  }

  it('names the customer and the policy in the list and in the detail', async () => {
    const { get, made } = await withAgreements();
    const page =
      await get<Page<{ id: number; customerName: string; policyName: string }>>(
        '/staff/agreements',
      );
    expect(page.items.map((item) => [item.customerName, item.policyName])).toEqual([
      ['Zeta Bank', 'Test policy'],
      ['acme', 'Test policy'],
      ['Midway', 'Test policy'],
    ]);
    const one = await get<{ customerName: string; policyName: string }>(
      `/staff/agreements/${made.acme}`,
    );
    expect(one).toMatchObject({ customerName: 'acme', policyName: 'Test policy' });
  });

  it('sorts by customer name and by start across pages, and finds by customer name', async () => {
    const { get } = await withAgreements();
    const byCustomer = await walk(
      get<Page<{ customerName: string }>>,
      '/staff/agreements?sort=-customer',
    );
    expect(byCustomer.items.map((item) => item.customerName)).toEqual([
      'Zeta Bank',
      'Midway',
      'acme',
    ]);
    const byStart = await walk(
      get<Page<{ customerName: string }>>,
      '/staff/agreements?sort=start',
      1,
    );
    expect(byStart.items.map((item) => item.customerName)).toEqual(['acme', 'Midway', 'Zeta Bank']);
    const found = await get<Page<{ customerName: string }>>('/staff/agreements?q=bank');
    expect(found.items.map((item) => item.customerName)).toEqual(['Zeta Bank']);
    const byPolicy = await get<Page<{ customerName: string }>>('/staff/agreements?q=test%20pol');
    expect(byPolicy.items).toHaveLength(3);
  });
});

describe('GET /staff/api-keys', () => {
  it('names each key’s customer and maker for staff, and /me keeps its own shape', async () => {
    const { t, admin, get } = await arrange();
    const acme = await createCustomer(t, 'Acme');
    const owner = await createUser(t, 'customer', { email: 'ops@acme.test', customerId: acme.id });
    await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
    await createApiKey(t, ['read'], { customerId: acme.id, createdByUserId: owner.id });
    const page =
      await get<Page<{ customerName: string | null; createdByEmail: string }>>('/staff/api-keys');
    expect(page.items.map((key) => [key.customerName, key.createdByEmail])).toEqual([
      [null, 'admin@provider.test'],
      ['Acme', 'ops@acme.test'],
    ]);

    const session = await signedIn(t, owner.id);
    const mine = await (
      await t.app.request('/api/v1/me/api-keys', { headers: session.headers })
    ).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).not.toHaveProperty('createdByEmail');
    expect(mine.items[0]).not.toHaveProperty('customerName');
  });
});

describe('pending invitations', () => {
  it('lists the links that still work, with who was invited by whom', async () => {
    const { t, call, get, signInAgain } = await arrange();
    const acme = await createCustomer(t, 'Acme');
    const invite = (email: string) =>
      call('POST', '/staff/users/invitations', { email, role: 'customer', customerId: acme.id });
    const used = await (await invite('used@acme.test')).json();
    await t.app.request(
      '/api/v1/auth/invitations/accept',
      json('POST', {
        token: new URL(used.link).hash.replace('#token=', ''),
        password: 'a long enough passphrase',
      }),
    );
    await invite('late@acme.test');
    t.clock.advance(t.config.invitationTtlMs + 1);
    await signInAgain();
    await invite('fresh@acme.test');
    await call('POST', '/staff/users/invitations', { email: 'agent@provider.test', role: 'agent' });

    const page = await get<
      Page<{
        user: { email: string; customerName: string | null };
        createdBy: { email: string };
        expiresAt: string;
      }>
    >('/staff/users/invitations');
    expect(page.items.map((item) => [item.user.email, item.user.customerName])).toEqual([
      ['fresh@acme.test', 'Acme'],
      ['agent@provider.test', null],
    ]);
    expect(page.items[0]?.createdBy.email).toBe('admin@provider.test');
    expect(Date.parse(page.items[0]?.expiresAt ?? '')).toBe(
      t.clock.now() + t.config.invitationTtlMs,
    );
    const acmeOnly = await get<Page<unknown>>(`/staff/users/invitations?customerId=${acme.id}`);
    expect(acmeOnly.items).toHaveLength(1);
  });

  it('revokes one: the link stops working, the list drops it, and twice is a 409', async () => {
    const { t, call, get } = await arrange();
    const response = await call('POST', '/staff/users/invitations', {
      email: 'sam@provider.test',
      role: 'agent',
    });
    const { link } = await response.json();
    const [pending] = (await get<Page<{ id: number }>>('/staff/users/invitations')).items;
    if (!pending) throw new Error('no pending invitation');

    const revoked = await call('POST', `/staff/users/invitations/${pending.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).expiresAt).toBe(new Date(t.clock.now()).toISOString());
    expect((await get<Page<unknown>>('/staff/users/invitations')).items).toEqual([]);

    const token = new URL(link).hash.replace('#token=', '');
    const accept = await t.app.request(
      '/api/v1/auth/invitations/accept',
      json('POST', { token, password: 'a long enough passphrase' }),
    );
    expect(accept.status).toBe(400);
    expect((await accept.json()).error.code).toBe('INVITATION_INVALID');

    const again = await call('POST', `/staff/users/invitations/${pending.id}/revoke`, {});
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('INVITATION_NOT_PENDING');
    expect((await call('POST', '/staff/users/invitations/999/revoke', {})).status).toBe(404);

    const audit = await t.db.client.execute(
      "SELECT entity_type, after FROM audit_log WHERE action = 'user.invitation.revoke'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.parse(String(audit.rows[0]?.after))).toEqual({
      invitationId: pending.id,
      revokedAt: new Date(t.clock.now()).toISOString(),
    });
  });

  it('lets the person be invited again after a revocation', async () => {
    const { call, get } = await arrange();
    await call('POST', '/staff/users/invitations', { email: 'sam@provider.test', role: 'agent' });
    const [first] = (await get<Page<{ id: number }>>('/staff/users/invitations')).items;
    await call('POST', `/staff/users/invitations/${first?.id}/revoke`, {});
    const again = await call('POST', '/staff/users/invitations', {
      email: 'sam@provider.test',
      role: 'agent',
    });
    expect(again.status).toBe(201);
    expect((await get<Page<unknown>>('/staff/users/invitations')).items).toHaveLength(1);
  });
});

describe('validation problems in words', () => {
  const problems = async (response: Response) => {
    expect(response.status).toBe(400);
    return (await response.json()).error.issues as { path: string; message: string }[];
  };

  it('names missing and empty fields of a customer without zod’s jargon', async () => {
    const { call } = await arrange();
    expect(await problems(await call('POST', '/staff/customers', {}))).toEqual([
      { path: 'name', message: 'is required' },
      { path: 'timeZone', message: 'is required' },
    ]);
    expect(
      await problems(await call('POST', '/staff/customers', { name: '  ', timeZone: 'UTC' })),
    ).toEqual([{ path: 'name', message: 'must not be empty' }]);
    expect(
      await problems(
        await call('POST', '/staff/customers', { name: 'x'.repeat(201), timeZone: 'UTC' }),
      ),
    ).toEqual([{ path: 'name', message: 'must be at most 200 characters' }]);
  });

  it('says what an agreement’s services, fees and ids must be', async () => {
    const { call } = await arrange();
    const base = { customerId: 1, policyId: 1, start: '2026-12-01T00:00:00Z' };
    expect(
      await problems(await call('POST', '/staff/agreements', { ...base, services: [] })),
    ).toEqual([{ path: 'services', message: 'must list at least one item' }]);
    expect(
      await problems(
        await call('POST', '/staff/agreements', {
          ...base,
          customerId: 1.5,
          services: [{ slug: 'api', monthlyFeeMinor: -1, currency: 'EUR' }],
        }),
      ),
    ).toEqual([
      { path: 'customerId', message: 'must be a whole number' },
      { path: 'services.0.monthlyFeeMinor', message: 'must be at least 0' },
    ]);
  });

  it('lists the roles a user may have, and asks for an email address', async () => {
    const { call } = await arrange();
    expect(
      await problems(
        await call('POST', '/staff/users/invitations', { email: 'not an address', role: 'boss' }),
      ),
    ).toEqual([
      { path: 'email', message: 'must be an email address' },
      { path: 'role', message: 'must be one of "customer", "agent" or "admin"' },
    ]);
    expect(
      await problems(await call('POST', '/staff/api-keys', { name: 'Monitor', scopes: ['read'] })),
    ).toEqual([{ path: 'scopes.0', message: 'must be "ingest"' }]);
  });
});
