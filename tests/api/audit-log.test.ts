import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createApiKey, createUser, json, signedIn } from '../helpers/factories.ts';

/**
 * GET /staff/audit-log as the audit screen reads it: filtered by actor, entity and time,
 * with names beside ids, on a clock the test moves.
 */

async function arrange() {
  const t = await testApp({ now: '2026-11-02T09:00:00Z' });
  const ada = await createUser(t, 'admin', { email: 'ada@provider.example' });
  const bob = await createUser(t, 'admin', { email: 'bob@provider.example' });
  const sessions = { ada: await signedIn(t, ada.id), bob: await signedIn(t, bob.id) };
  const as = (who: keyof typeof sessions) => (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: sessions[who].headers }
        : json(method, body, sessions[who].headers),
    );
  return { t, ada, bob, asAda: as('ada'), asBob: as('bob') };
}

interface Entry {
  action: string;
  entityType: string;
  entityId: string;
  entityName: string | null;
  actor: { kind: string; id: number | null; name: string | null; role: string | null };
  createdAt: string;
}

describe('GET /staff/audit-log filters', () => {
  it('filters by actor, entity and time range, and names actors and entities', async () => {
    const { t, ada, bob, asAda, asBob } = await arrange();
    // 09:00: Ada adds a customer; 09:40: Bob renames it; 10:20: Ada adds a service.
    const customer = await (
      await asAda('POST', '/staff/customers', { name: 'Acme', timeZone: 'UTC' })
    ).json();
    t.clock.set(Date.parse('2026-11-02T09:40:00Z'));
    expect(
      (await asBob('PATCH', `/staff/customers/${customer.id}`, { name: 'Acme Inc.' })).status,
    ).toBe(200);
    t.clock.set(Date.parse('2026-11-02T10:20:00Z'));
    const service = await (
      await asAda('POST', '/staff/services', { slug: 'api', name: 'Public API' })
    ).json();

    const list = async (query: string) => {
      const response = await asAda('GET', `/staff/audit-log?${query}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()).items as Entry[];
    };

    const byAda = await list(`actorUserId=${ada.id}`);
    expect(byAda.map((entry) => entry.action)).toEqual(['service.create', 'customer.create']);
    expect(byAda[0]).toMatchObject({
      entityName: 'Public API',
      actor: { kind: 'user', id: ada.id, name: 'ada@provider.example', role: 'admin' },
    });

    const customerHistory = await list(`entityType=customer&entityId=${customer.id}`);
    expect(customerHistory.map((entry) => [entry.action, entry.actor.name])).toEqual([
      ['customer.update', 'bob@provider.example'],
      ['customer.create', 'ada@provider.example'],
    ]);
    // Today's name, on every entry of the entity.
    expect(customerHistory.map((entry) => entry.entityName)).toEqual(['Acme Inc.', 'Acme Inc.']);

    // [from, to): an entry on a boundary belongs to the range it starts.
    const third = await list('from=2026-11-02T09:30:00Z&to=2026-11-02T10:00:00Z');
    expect(third.map((entry) => entry.action)).toEqual(['customer.update']);
    expect(await list('from=2026-11-02T09:40:00Z&to=2026-11-02T10:20:00Z')).toHaveLength(1);
    expect(await list('to=2026-11-02T09:40:00Z')).toHaveLength(1);
    expect(await list(`from=2026-11-02T09:30:00Z&actorUserId=${bob.id}`)).toHaveLength(1);
    expect(await list(`from=2026-11-02T09:40:01Z&actorUserId=${bob.id}`)).toHaveLength(0);
    // Offsets are instants too.
    expect(await list('from=2026-11-02T10:10:00%2B01:00')).toHaveLength(2);

    expect(await list(`entityType=service&entityId=${service.id}`)).toHaveLength(1);
  });

  it('pages through a filtered list without losing or repeating entries', async () => {
    const { t, asAda } = await arrange();
    for (let index = 0; index < 5; index += 1) {
      t.clock.advance(60_000);
      await asAda('POST', '/staff/customers', { name: `Customer ${index}`, timeZone: 'UTC' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = await (
        await asAda('GET', `/staff/audit-log?entityType=customer&limit=2${query}`)
      ).json();
      seen.push(...page.items.map((entry: Entry) => entry.entityName));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['Customer 4', 'Customer 3', 'Customer 2', 'Customer 1', 'Customer 0']);
  });

  it('names an API key as the actor, and a record nobody made as the system', async () => {
    const { t, ada, asAda } = await arrange();
    const key = await createApiKey(t, ['ingest'], { createdByUserId: ada.id });
    // No route audits a key's writes yet; the log holds them like any other entry.
    await t.db.client.execute({
      sql: `INSERT INTO audit_log (actor_api_key_id, action, entity_type, entity_id, created_at)
            VALUES (?, 'window.correct', 'window', '999', ?), (NULL, 'seed', 'system', '1', ?)`,
      args: [key.id, t.clock.now(), t.clock.now()],
    });
    const byKey = (await (await asAda('GET', `/staff/audit-log?actorApiKeyId=${key.id}`)).json())
      .items as Entry[];
    expect(byKey).toHaveLength(1);
    expect(byKey[0]).toMatchObject({
      actor: { kind: 'key', id: key.id, name: 'test ingest' },
      entityName: null,
    });
    const all = (await (await asAda('GET', '/staff/audit-log')).json()).items as Entry[];
    expect(all[0]?.actor).toEqual({ kind: 'system', id: null, name: null, role: null });
  });

  it.each([
    ['from=yesterday', 'from'],
    ['to=2026-11-05', 'to'],
    ['from=2026-11-05T00:00:00Z&to=2026-11-05T00:00:00Z', 'to'],
    ['from=2026-11-06T00:00:00Z&to=2026-11-05T00:00:00Z', 'to'],
    ['actorUserId=someone', 'actorUserId'],
  ])('answers 400 to %s naming %s', async (query, field) => {
    const { asAda } = await arrange();
    const response = await asAda('GET', `/staff/audit-log?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(field);
  });
});
