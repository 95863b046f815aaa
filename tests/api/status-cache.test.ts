import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app.ts';
import { type Clock, manualClock } from '../../api/clock.ts';
import { createDb, type Database } from '../../db/client.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;

const others: Database[] = [];
afterEach(() => {
  for (const database of others.splice(0)) database.close();
});

/** Another API process on the same database file: its own connection and its own cache. */
async function secondApp(t: TestApp, clock: Clock = t.clock) {
  const db = await createDb({ url: `file:${t.db.path}` });
  others.push(db);
  return { app: createApp({ db, clock, config: t.config }), db };
}

async function serviceState(app: { request: TestApp['app']['request'] }) {
  const body = await expectStatus(await app.request('/api/v1/status'), 200);
  return body.services.find((service: { slug: string }) => service.slug === 'api').state;
}

const outage = {
  externalId: 'w1',
  service: 'api',
  state: 'major_outage',
  start: '2026-03-14T11:00:00Z',
};

async function setup() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  await createService(t, 'api');
  return { t, ...(await statusActors(t)) };
}

describe('GET /status from the cache', () => {
  it('changes at once after a write in the same process', async () => {
    const { t, monitor } = await setup();
    expect(await serviceState(t.app)).toBe('operational');
    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    expect(await serviceState(t.app)).toBe('major_outage');
    await expectStatus(
      await monitor('PATCH', '/ingest/windows/w1', { end: '2026-03-14T11:30:00Z' }),
      200,
    );
    expect(await serviceState(t.app)).toBe('operational');
  });

  it('sends a weak ETag, answers If-None-Match with 304, and public cache headers', async () => {
    const { t, monitor } = await setup();
    const first = await t.app.request('/api/v1/status');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=10, stale-while-revalidate=60',
    );
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);

    const revalidated = await t.app.request('/api/v1/status', {
      headers: { 'if-none-match': `"other", ${etag}` },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toBe(
      'public, max-age=10, stale-while-revalidate=60',
    );
    expect(await revalidated.text()).toBe('');

    // Rebuilt after its maximum age with nothing changed: the same validator.
    t.clock.advance(6_000);
    const rebuilt = await t.app.request('/api/v1/status');
    expect(rebuilt.headers.get('etag')).toBe(etag);
    expect((await rebuilt.json()).generatedAt).toBe('2026-03-14T12:00:06.000Z');

    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    const changed = await t.app.request('/api/v1/status', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('serves GET /services from the same cache, with its own ETag', async () => {
    const { t } = await setup();
    const response = await t.app.request('/api/v1/services');
    expect(await expectStatus(response, 200)).toEqual({
      items: [expect.objectContaining({ slug: 'api', state: 'operational' })],
    });
    const etag = response.headers.get('etag') ?? '';
    const again = await t.app.request('/api/v1/services', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(etag).not.toBe((await t.app.request('/api/v1/status')).headers.get('etag'));
  });

  it('reaches another process on the same database within a second, without a query per request', async () => {
    const { t, monitor } = await setup();
    const other = await secondApp(t);
    expect(await serviceState(other.app)).toBe('operational');
    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);

    const queries = vi.spyOn(other.db.client, 'execute');
    t.clock.advance(999);
    for (let i = 0; i < 20; i += 1) expect(await serviceState(other.app)).toBe('operational');
    expect(queries).not.toHaveBeenCalled();

    t.clock.advance(1);
    expect(await serviceState(other.app)).toBe('major_outage');
    expect(queries).toHaveBeenCalled();
  });

  it("reaches another process a second after that process's own last check, whatever the writer's clock says", async () => {
    const { t, monitor } = await setup();
    // The other process's clock is five minutes ahead of the writer's: the bound is counted
    // on the reader's clock alone.
    const otherClock = manualClock(t.clock.now() + 5 * MINUTE);
    const other = await secondApp(t, otherClock);
    await createService(t, 'web');
    // The other process has cached that nothing is wrong with web.
    const before = await expectStatus(await other.app.request('/api/v1/status'), 200);
    expect(before.services.map((service: { slug: string }) => service.slug)).toEqual([
      'api',
      'web',
    ]);
    await expectStatus(
      await monitor('POST', '/ingest/windows', { ...outage, service: 'web' }),
      201,
    );
    otherClock.advance(999);
    const cached = await expectStatus(await other.app.request('/api/v1/status'), 200);
    expect(cached.services[1].state).toBe('operational');
    otherClock.advance(1);
    const seen = await expectStatus(await other.app.request('/api/v1/status'), 200);
    expect(seen.services[1].state).toBe('major_outage');
  });
});

describe('the status changes with time alone', () => {
  it('when a published maintenance starts and ends', async () => {
    const { t, asAgent } = await setup();
    await expectStatus(
      await asAgent('POST', '/staff/maintenance', {
        title: 'Upgrade',
        services: ['api'],
        startsAt: '2026-03-14T12:10:00Z',
        endsAt: '2026-03-14T12:40:00Z',
        publish: true,
      }),
      201,
    );
    const before = await expectStatus(await t.app.request('/api/v1/status'), 200);
    expect(before.maintenance.upcoming).toHaveLength(1);
    expect(before.services[0].state).toBe('operational');

    t.clock.advance(10 * MINUTE);
    const during = await expectStatus(await t.app.request('/api/v1/status'), 200);
    expect(during.overall.state).toBe('maintenance');
    expect(during.services[0]).toMatchObject({
      state: 'maintenance',
      since: '2026-03-14T12:10:00.000Z',
    });
    expect(during.maintenance.active).toHaveLength(1);

    t.clock.advance(30 * MINUTE);
    const after = await expectStatus(await t.app.request('/api/v1/status'), 200);
    expect(after.services[0].state).toBe('operational');
    expect(after.maintenance).toEqual({ active: [], upcoming: [] });
  });

  it("at a window's end, not only after the cache's maximum age", async () => {
    const { t, monitor } = await setup();
    await expectStatus(
      await monitor('POST', '/ingest/windows', { ...outage, end: '2026-03-14T12:00:02Z' }),
      201,
    );
    expect(await serviceState(t.app)).toBe('major_outage');
    t.clock.advance(1_999);
    expect(await serviceState(t.app)).toBe('major_outage');
    t.clock.advance(1);
    expect(await serviceState(t.app)).toBe('operational');
  });
});

describe('the status version moves only on real changes', () => {
  /** The version every process and the site rebuild watch. */
  async function statusVersion(t: TestApp): Promise<number> {
    const result = await t.db.client.execute('SELECT version FROM status_version WHERE id = 1');
    return Number(result.rows[0]?.version);
  }

  async function auditCount(t: TestApp): Promise<number> {
    const result = await t.db.client.execute('SELECT count(*) AS n FROM audit_log');
    return Number(result.rows[0]?.n);
  }

  it('stays put when a monitor replays a window or its close', async () => {
    const { t, monitor } = await setup();
    const start = await statusVersion(t);
    const created = await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    expect(await statusVersion(t)).toBe(start + 1);
    for (let minute = 1; minute <= 3; minute++) {
      t.clock.advance(MINUTE);
      const replayed = await expectStatus(await monitor('POST', '/ingest/windows', outage), 200);
      expect(replayed).toEqual(created);
    }
    expect(await statusVersion(t)).toBe(start + 1);
    const close = { end: '2026-03-14T11:30:00Z' };
    await expectStatus(await monitor('PATCH', '/ingest/windows/w1', close), 200);
    expect(await statusVersion(t)).toBe(start + 2);
    await expectStatus(await monitor('PATCH', '/ingest/windows/w1', close), 200);
    expect(await statusVersion(t)).toBe(start + 2);
    // A conflicting replay is refused and changes nothing either.
    await expectStatus(
      await monitor('POST', '/ingest/windows', { ...outage, state: 'degraded' }),
      409,
    );
    expect(await statusVersion(t)).toBe(start + 2);
  });

  it('stays put when a monitor replays an incident', async () => {
    const { t, monitor } = await setup();
    const incident = { externalId: 'i1', title: 'API down', impact: 'major', services: ['api'] };
    await expectStatus(await monitor('POST', '/ingest/incidents', incident), 201);
    const after = await statusVersion(t);
    t.clock.advance(MINUTE);
    await expectStatus(await monitor('POST', '/ingest/incidents', incident), 200);
    expect(await statusVersion(t)).toBe(after);
  });

  it('stays put on a PATCH of an incident with its own values, and moves on a real edit', async () => {
    const { t, asAgent } = await setup();
    await createService(t, 'web');
    const created = await expectStatus(
      await asAgent('POST', '/staff/incidents', {
        title: 'Slow',
        impact: 'minor',
        services: ['web', 'api'],
        body: 'Looking into it.',
      }),
      201,
    );
    const version = await statusVersion(t);
    const audits = await auditCount(t);
    t.clock.advance(MINUTE);
    const same = await expectStatus(
      await asAgent('PATCH', `/staff/incidents/${created.id}`, {
        title: 'Slow',
        impact: 'minor',
        services: ['api', 'web', 'api'],
        startedAt: created.startedAt,
      }),
      200,
    );
    expect(same).toEqual(created);
    expect(await statusVersion(t)).toBe(version);
    expect(await auditCount(t)).toBe(audits);
    const edited = await expectStatus(
      await asAgent('PATCH', `/staff/incidents/${created.id}`, { title: 'Slow responses' }),
      200,
    );
    expect(edited.title).toBe('Slow responses');
    expect(edited.updatedAt).not.toBe(created.updatedAt);
    expect(await statusVersion(t)).toBe(version + 1);
    expect(await auditCount(t)).toBe(audits + 1);
  });

  it('stays put on a PATCH of a service or group with its own values, and moves on a real edit', async () => {
    const { t, asAdmin } = await setup();
    const group = await expectStatus(
      await asAdmin('POST', '/staff/service-groups', { slug: 'core', name: 'Core' }),
      201,
    );
    const service = await expectStatus(
      await asAdmin('POST', '/staff/services', { slug: 'db', name: 'Database', group: 'core' }),
      201,
    );
    const version = await statusVersion(t);
    const sameService = await expectStatus(
      await asAdmin('PATCH', `/staff/services/${service.id}`, {
        name: 'Database',
        group: 'core',
        sortOrder: service.sortOrder,
        active: true,
      }),
      200,
    );
    expect(sameService).toEqual(service);
    await expectStatus(
      await asAdmin('PATCH', `/staff/service-groups/${group.id}`, { name: 'Core', active: true }),
      200,
    );
    expect(await statusVersion(t)).toBe(version);
    await expectStatus(
      await asAdmin('PATCH', `/staff/services/${service.id}`, { name: 'Primary database' }),
      200,
    );
    expect(await statusVersion(t)).toBe(version + 1);
    await expectStatus(
      await asAdmin('PATCH', `/staff/service-groups/${group.id}`, { name: 'Core services' }),
      200,
    );
    expect(await statusVersion(t)).toBe(version + 2);
  });

  it('stays put on a PATCH of maintenance with its own values, also once it has started', async () => {
    const { t, asAgent } = await setup();
    await createService(t, 'web');
    const planned = {
      title: 'Database upgrade',
      description: 'Short read-only period.',
      services: ['web', 'api'],
      startsAt: '2026-03-14T12:30:00.000Z',
      endsAt: '2026-03-14T14:00:00.000Z',
    };
    const created = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...planned, publish: true }),
      201,
    );
    const version = await statusVersion(t);
    t.clock.advance(MINUTE);
    const same = await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${created.id}`, planned),
      200,
    );
    expect(same).toEqual(created);
    expect(await statusVersion(t)).toBe(version);
    // Running: the same schedule and services sent again (a whole form) are not a reschedule.
    t.clock.set(Date.parse('2026-03-14T12:45:00Z'));
    await expectStatus(await asAgent('PATCH', `/staff/maintenance/${created.id}`, planned), 200);
    expect(await statusVersion(t)).toBe(version);
    await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${created.id}`, { ...planned, services: ['api'] }),
      409,
    );
    const retitled = await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${created.id}`, {
        ...planned,
        title: 'Database upgrade (running)',
      }),
      200,
    );
    expect(retitled.title).toBe('Database upgrade (running)');
    expect(await statusVersion(t)).toBe(version + 1);
  });
});
