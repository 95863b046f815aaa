import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;

async function setup() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  await createService(t, 'api');
  await createService(t, 'web');
  return { t, ...(await statusActors(t)) };
}

const staffIncident = {
  title: 'Elevated error rates',
  impact: 'minor',
  services: ['api'],
  body: 'We are looking into elevated error rates.',
};

describe('automated or human: decided by the credentials only', () => {
  it('makes every staff update human and every monitor update automated', async () => {
    const { t, monitor, asAgent, asAdmin } = await setup();
    const opened = await expectStatus(
      await monitor('POST', '/ingest/incidents', {
        externalId: 'mon:1',
        title: 'API down',
        impact: 'major',
        services: ['api'],
        startedAt: '2026-03-14T11:58:00Z',
        body: 'Checks failing.',
      }),
      201,
    );
    t.clock.advance(MINUTE);
    await expectStatus(
      await monitor('POST', '/ingest/incidents/mon:1/updates', {
        status: 'investigating',
        body: 'Still failing (auto-acknowledged).',
      }),
      201,
    );
    t.clock.advance(4 * MINUTE);
    const byAgent = await expectStatus(
      await asAgent('POST', `/staff/incidents/${opened.id}/updates`, {
        status: 'identified',
        body: 'A bad deploy; rolling back.',
      }),
      201,
    );
    t.clock.advance(10 * MINUTE);
    const byAdmin = await expectStatus(
      await asAdmin('POST', `/staff/incidents/${opened.id}/updates`, {
        status: 'resolved',
        body: 'Rolled back; all good.',
      }),
      201,
    );
    expect(byAgent.updates.map((update: { kind: string }) => update.kind)).toEqual([
      'automated',
      'automated',
      'human',
    ]);
    expect(byAdmin).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-03-14T12:15:00.000Z',
      firstHumanUpdateAt: '2026-03-14T12:05:00.000Z',
      // From startedAt (11:58) to the first human update (12:05); the automated ones never count.
      timeToFirstHumanUpdateMs: 7 * MINUTE,
    });
    const rows = await t.db.client.execute(
      'SELECT kind, author_user_id IS NOT NULL AS by_user, api_key_id IS NOT NULL AS by_key FROM incident_updates ORDER BY id',
    );
    expect(rows.rows.map((row) => [row.kind, row.by_user, row.by_key])).toEqual([
      ['automated', 0, 1],
      ['automated', 0, 1],
      ['human', 1, 0],
      ['human', 1, 0],
    ]);
  });

  it('refuses a kind field from staff as well as from monitors', async () => {
    const { asAgent } = await setup();
    const response = await asAgent('POST', '/staff/incidents', {
      ...staffIncident,
      kind: 'automated',
    });
    const body = await expectStatus(response, 400);
    expect(body.error.issues).toEqual([{ path: 'kind', message: 'Unknown field "kind".' }]);
  });

  it('lets only agents and admins write staff incidents', async () => {
    const { t, monitor, anonymous } = await setup();
    const customer = await createCustomer(t);
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const session = await signedIn(t, user.id);
    const asCustomer = await t.app.request(
      '/api/v1/staff/incidents',
      json('POST', staffIncident, session.headers),
    );
    expect(asCustomer.status).toBe(403);
    expect((await monitor('POST', '/staff/incidents', staffIncident)).status).toBe(403);
    expect((await anonymous('POST', '/staff/incidents', staffIncident)).status).toBe(401);
  });
});

describe('POST /staff/incidents', () => {
  it('opens an incident with its services, impact, status and first human update', async () => {
    const { t, agent, asAgent } = await setup();
    const created = await expectStatus(
      await asAgent('POST', '/staff/incidents', {
        ...staffIncident,
        services: ['web', 'api'],
        startedAt: '2026-03-14T11:50:00Z',
        status: 'identified',
      }),
      201,
    );
    expect(created).toMatchObject({
      title: 'Elevated error rates',
      impact: 'minor',
      status: 'identified',
      source: 'staff',
      services: ['api', 'web'],
      startedAt: '2026-03-14T11:50:00.000Z',
      resolvedAt: null,
      timeToFirstHumanUpdateMs: 10 * MINUTE,
      updates: [{ status: 'identified', kind: 'human', createdAt: '2026-03-14T12:00:00.000Z' }],
    });
    const audit = await t.db.client.execute(
      "SELECT actor_user_id FROM audit_log WHERE action = 'incident.create'",
    );
    expect(audit.rows.map((row) => row.actor_user_id)).toEqual([agent.id]);
  });

  it('refuses unknown services (422) and a start in the future', async () => {
    const { asAgent } = await setup();
    const unknown = await asAgent('POST', '/staff/incidents', {
      ...staffIncident,
      services: ['x'],
    });
    expect((await expectStatus(unknown, 422)).error.code).toBe('UNKNOWN_SERVICE');
    const future = await asAgent('POST', '/staff/incidents', {
      ...staffIncident,
      startedAt: '2026-03-14T13:00:00Z',
    });
    expect((await expectStatus(future, 422)).error.code).toBe('INCIDENT_IN_FUTURE');
  });

  it('resolves, reopens and edits', async () => {
    const { t, asAgent } = await setup();
    const { id } = await expectStatus(
      await asAgent('POST', '/staff/incidents', staffIncident),
      201,
    );
    t.clock.advance(MINUTE);
    const resolved = await expectStatus(
      await asAgent('POST', `/staff/incidents/${id}/updates`, {
        status: 'resolved',
        body: 'Fixed.',
      }),
      201,
    );
    expect(resolved.resolvedAt).toBe('2026-03-14T12:01:00.000Z');
    t.clock.advance(MINUTE);
    const postscript = await expectStatus(
      await asAgent('POST', `/staff/incidents/${id}/updates`, {
        status: 'resolved',
        body: 'Post-incident review published.',
      }),
      201,
    );
    expect(postscript.resolvedAt).toBe('2026-03-14T12:01:00.000Z');
    const reopened = await expectStatus(
      await asAgent('POST', `/staff/incidents/${id}/updates`, {
        status: 'investigating',
        body: 'Errors are back.',
        impact: 'major',
      }),
      201,
    );
    expect(reopened).toMatchObject({ status: 'investigating', resolvedAt: null, impact: 'major' });
    const edited = await expectStatus(
      await asAgent('PATCH', `/staff/incidents/${id}`, { title: 'API errors', services: ['web'] }),
      200,
    );
    expect(edited).toMatchObject({ title: 'API errors', services: ['web'] });
    await expectStatus(await asAgent('PATCH', '/staff/incidents/999', { title: 'x' }), 404);
  });
});

describe('GET /incidents', () => {
  it('pages newest first with a capped page size, and filters by service', async () => {
    const { t, asAgent, anonymous } = await setup();
    for (const [index, service] of ['api', 'web', 'api'].entries()) {
      await expectStatus(
        await asAgent('POST', '/staff/incidents', {
          ...staffIncident,
          title: `incident ${index}`,
          services: [service],
        }),
        201,
      );
      t.clock.advance(MINUTE);
    }
    const first = await anonymous('GET', '/incidents?limit=2');
    expect(first.headers.get('cache-control')).toMatch(
      /^public, max-age=\d+, stale-while-revalidate=\d+$/,
    );
    const page = await expectStatus(first, 200);
    expect(page.items.map((item: { title: string }) => item.title)).toEqual([
      'incident 2',
      'incident 1',
    ]);
    expect(page.items[0]).not.toHaveProperty('updates');
    expect(page.items[0].latestUpdate).toMatchObject({ kind: 'human' });
    const rest = await expectStatus(
      await anonymous('GET', `/incidents?limit=2&cursor=${page.nextCursor}`),
      200,
    );
    expect(rest.items.map((item: { title: string }) => item.title)).toEqual(['incident 0']);
    expect(rest.nextCursor).toBeNull();
    const api = await expectStatus(await anonymous('GET', '/incidents?service=api'), 200);
    expect(api.items.map((item: { title: string }) => item.title)).toEqual([
      'incident 2',
      'incident 0',
    ]);
    await expectStatus(await anonymous('GET', '/incidents?limit=101'), 400);
    await expectStatus(await anonymous('GET', '/incidents?cursor=x'), 400);
    await expectStatus(await anonymous('GET', '/incidents?page=2'), 400);
  });

  it('shows one incident with its timeline, or 404', async () => {
    const { t, asAgent, anonymous } = await setup();
    const { id } = await expectStatus(
      await asAgent('POST', '/staff/incidents', staffIncident),
      201,
    );
    const incident = await expectStatus(await anonymous('GET', `/incidents/${id}`), 200);
    expect(incident.updates).toEqual([
      {
        id: expect.any(Number),
        status: 'investigating',
        body: staffIncident.body,
        kind: 'human',
        // The first update names no component status: `services` lists them operational.
        components: [],
        createdAt: '2026-03-14T12:00:00.000Z',
      },
    ]);
    await expectStatus(await anonymous('GET', '/incidents/999'), 404);
    // A revalidation with the incident's ETag answers 304.
    const etag = (await anonymous('GET', `/incidents/${id}`)).headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await t.app.request(`/api/v1/incidents/${id}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toMatch(/^public/);
  });
});
