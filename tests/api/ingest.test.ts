import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

async function setup() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  await createService(t, 'api');
  return { t, ...(await statusActors(t)) };
}

const outage = {
  externalId: 'pingdom:api:1',
  service: 'api',
  state: 'major_outage',
  start: '2026-03-14T10:00:00Z',
};

describe('POST /ingest/windows', () => {
  it('creates exactly one window from 20 concurrent identical posts: one 201, nineteen 200', async () => {
    const { t, monitor } = await setup();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => monitor('POST', '/ingest/windows', outage)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    const rows = await t.db.client.execute('SELECT count(*) AS n FROM windows');
    expect(Number(rows.rows[0]?.n)).toBe(1);
  });

  it('answers 201 with the window, then 200 with the same window for the same request', async () => {
    const { monitor } = await setup();
    const created = await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    expect(created).toMatchObject({
      externalId: 'pingdom:api:1',
      service: 'api',
      state: 'major_outage',
      start: '2026-03-14T10:00:00.000Z',
      end: null,
      announcedAt: null,
      source: 'ingest',
    });
    // The same instants written another way are the same request.
    const again = await expectStatus(
      await monitor('POST', '/ingest/windows', {
        ...outage,
        start: '2026-03-14T11:00:00.000+01:00',
      }),
      200,
    );
    expect(again).toEqual(created);
  });

  it('answers 409 when the same externalId comes with another body', async () => {
    const { monitor } = await setup();
    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    const changed = await monitor('POST', '/ingest/windows', { ...outage, state: 'degraded' });
    expect((await expectStatus(changed, 409)).error.code).toBe('WINDOW_CONFLICT');
    const closed = await monitor('POST', '/ingest/windows', {
      ...outage,
      end: '2026-03-14T10:30:00Z',
    });
    await expectStatus(closed, 409);
  });

  it('answers 422 for a service that does not exist', async () => {
    const { monitor } = await setup();
    const response = await monitor('POST', '/ingest/windows', { ...outage, service: 'nope' });
    const body = await expectStatus(response, 422);
    expect(body.error.code).toBe('UNKNOWN_SERVICE');
    expect(body.error.issues).toEqual([{ path: 'service', message: 'unknown service' }]);
  });

  it('keeps maintenance: ids for scheduled maintenance', async () => {
    const { monitor } = await setup();
    const response = await monitor('POST', '/ingest/windows', {
      ...outage,
      externalId: 'maintenance:1:api',
    });
    expect((await expectStatus(response, 422)).error.code).toBe('RESERVED_EXTERNAL_ID');
  });

  it.each([
    ['end before start', { end: '2026-03-14T09:00:00Z' }, 'end'],
    ['end equal to start', { end: '2026-03-14T10:00:00Z' }, 'end'],
    ['four fraction digits', { start: '2026-03-14T10:00:00.0001Z' }, 'start'],
    ['no offset', { start: '2026-03-14T10:00:00' }, 'start'],
    ['an impossible date', { start: '2026-02-30T10:00:00Z' }, 'start'],
    ['an unknown state', { state: 'down' }, 'state'],
    ['an unknown field', { kind: 'human' }, 'kind'],
    ['an externalId with a slash', { externalId: 'a/b' }, 'externalId'],
  ])('answers 400 for %s, naming the field', async (_name, change, path) => {
    const { t, monitor } = await setup();
    const body = await expectStatus(
      await monitor('POST', '/ingest/windows', { ...outage, ...change }),
      400,
    );
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    const rows = await t.db.client.execute('SELECT count(*) AS n FROM windows');
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });

  it('accepts windows only with an ingest key', async () => {
    const { anonymous, asAdmin } = await setup();
    expect((await anonymous('POST', '/ingest/windows', outage)).status).toBe(401);
    expect((await asAdmin('POST', '/ingest/windows', outage)).status).toBe(403);
  });
});

describe('PATCH /ingest/windows/{externalId}', () => {
  it('closes an open window; the same end again is a replay, another end a 409', async () => {
    const { monitor } = await setup();
    const open = await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    const closed = await expectStatus(
      await monitor('PATCH', '/ingest/windows/pingdom:api:1', { end: '2026-03-14T10:42:00Z' }),
      200,
    );
    expect(closed).toMatchObject({ id: open.id, end: '2026-03-14T10:42:00.000Z' });
    const replay = await monitor('PATCH', '/ingest/windows/pingdom:api:1', {
      end: '2026-03-14T11:42:00+01:00',
    });
    expect(await expectStatus(replay, 200)).toEqual(closed);
    const other = await monitor('PATCH', '/ingest/windows/pingdom:api:1', {
      end: '2026-03-14T10:43:00Z',
    });
    expect((await expectStatus(other, 409)).error.code).toBe('WINDOW_CLOSED');
    // The creating request is still a replay: 200 with the window as it is now.
    expect(await expectStatus(await monitor('POST', '/ingest/windows', outage), 200)).toEqual(
      closed,
    );
  });

  it('refuses an end not after the start, and unknown windows', async () => {
    const { monitor } = await setup();
    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    const early = await monitor('PATCH', '/ingest/windows/pingdom:api:1', {
      end: '2026-03-14T10:00:00Z',
    });
    expect((await expectStatus(early, 400)).error.issues[0].path).toBe('end');
    const unknown = await monitor('PATCH', '/ingest/windows/nope', { end: '2026-03-14T10:00:00Z' });
    await expectStatus(unknown, 404);
    const nullEnd = await monitor('PATCH', '/ingest/windows/pingdom:api:1', { end: null });
    await expectStatus(nullEnd, 400);
  });
});

describe('POST /ingest/incidents', () => {
  const incident = {
    externalId: 'pingdom:incident:7',
    title: 'API errors',
    impact: 'major',
    services: ['api'],
    body: 'Checks failing from 3 regions.',
  };

  it('opens an incident whose updates are automated; the same request again is a replay', async () => {
    const { monitor } = await setup();
    const created = await expectStatus(await monitor('POST', '/ingest/incidents', incident), 201);
    expect(created).toMatchObject({
      title: 'API errors',
      impact: 'major',
      status: 'investigating',
      source: 'ingest',
      startedAt: '2026-03-14T12:00:00.000Z',
      services: ['api'],
      timeToFirstHumanUpdateMs: null,
      updates: [
        { status: 'investigating', body: 'Checks failing from 3 regions.', kind: 'automated' },
      ],
    });
    const again = await expectStatus(await monitor('POST', '/ingest/incidents', incident), 200);
    expect(again.id).toBe(created.id);
    const changed = await monitor('POST', '/ingest/incidents', { ...incident, title: 'Other' });
    expect((await expectStatus(changed, 409)).error.code).toBe('INCIDENT_CONFLICT');
  });

  it('rejects a kind field: who wrote an update comes from the credentials only', async () => {
    const { monitor } = await setup();
    const opened = await monitor('POST', '/ingest/incidents', { ...incident, kind: 'human' });
    expect((await expectStatus(opened, 400)).error.issues[0].path).toBe('kind');
    await expectStatus(await monitor('POST', '/ingest/incidents', incident), 201);
    const update = await monitor('POST', '/ingest/incidents/pingdom:incident:7/updates', {
      status: 'identified',
      body: 'A human wrote this, honestly.',
      kind: 'human',
    });
    expect((await expectStatus(update, 400)).error.issues[0].path).toBe('kind');
  });

  it('adds automated updates and resolves', async () => {
    const { t, monitor } = await setup();
    await expectStatus(await monitor('POST', '/ingest/incidents', incident), 201);
    t.clock.advance(60_000);
    const resolved = await expectStatus(
      await monitor('POST', '/ingest/incidents/pingdom:incident:7/updates', {
        status: 'resolved',
        body: 'Checks passing again.',
      }),
      201,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-03-14T12:01:00.000Z',
      timeToFirstHumanUpdateMs: null,
    });
    expect(resolved.updates.map((update: { kind: string }) => update.kind)).toEqual([
      'automated',
      'automated',
    ]);
  });

  it('answers 422 for unknown services and 404 for updates to unknown incidents', async () => {
    const { monitor } = await setup();
    const unknown = await monitor('POST', '/ingest/incidents', { ...incident, services: ['x'] });
    expect((await expectStatus(unknown, 422)).error.code).toBe('UNKNOWN_SERVICE');
    const missing = await monitor('POST', '/ingest/incidents/nope/updates', {
      status: 'resolved',
      body: 'ok',
    });
    await expectStatus(missing, 404);
  });
});
