import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const HOUR = 3_600_000;

async function setup() {
  const t = await testApp({ now: '2026-03-10T12:00:00Z' });
  await createService(t, 'api');
  await createService(t, 'web');
  return { t, ...(await statusActors(t)) };
}

const plan = {
  title: 'Database upgrade',
  description: 'Writes may be refused for a few minutes.',
  services: ['api', 'web'],
  startsAt: '2026-03-14T01:00:00Z',
  endsAt: '2026-03-14T03:00:00Z',
};

async function windowsOf(t: TestApp) {
  const result = await t.db.client.execute(
    `SELECT external_id, state, start, "end", announced_at, maintenance_id FROM windows ORDER BY external_id`,
  );
  return result.rows.map((row) => ({
    externalId: row.external_id,
    state: row.state,
    start: new Date(Number(row.start)).toISOString(),
    end: new Date(Number(row.end)).toISOString(),
    announcedAt: new Date(Number(row.announced_at)).toISOString(),
  }));
}

async function maintenanceMsByDay(t: TestApp) {
  const result = await t.db.client.execute(
    'SELECT day, sum(maintenance_ms) AS ms FROM daily_rollups GROUP BY day ORDER BY day',
  );
  return Object.fromEntries(result.rows.map((row) => [row.day, Number(row.ms)]));
}

describe('POST /staff/maintenance', () => {
  it('publishes at once: one maintenance window per service, announced now', async () => {
    const { t, asAgent, anonymous } = await setup();
    const created = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    expect(created).toMatchObject({
      title: 'Database upgrade',
      status: 'scheduled',
      publishedAt: '2026-03-10T12:00:00.000Z',
      cancelledAt: null,
      endedAt: null,
      services: ['api', 'web'],
    });
    const window = {
      state: 'maintenance',
      start: '2026-03-14T01:00:00.000Z',
      end: '2026-03-14T03:00:00.000Z',
      announcedAt: '2026-03-10T12:00:00.000Z',
    };
    expect(await windowsOf(t)).toEqual([
      { externalId: `maintenance:${created.id}:api`, ...window },
      { externalId: `maintenance:${created.id}:web`, ...window },
    ]);
    expect(await maintenanceMsByDay(t)).toEqual({ '2026-03-14': 4 * HOUR });
    const lists = await expectStatus(await anonymous('GET', '/maintenance'), 200);
    expect(lists.upcoming.map((item: { id: number }) => item.id)).toEqual([created.id]);
    expect(lists.active).toEqual([]);
    const status = await expectStatus(await anonymous('GET', '/status'), 200);
    expect(status.maintenance.upcoming).toMatchObject([
      { id: created.id, services: ['api', 'web'] },
    ]);
  });

  it('keeps a draft private and without windows until it is published', async () => {
    const { t, asAgent, anonymous } = await setup();
    const draft = await expectStatus(await asAgent('POST', '/staff/maintenance', plan), 201);
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null });
    expect(await windowsOf(t)).toEqual([]);
    expect((await expectStatus(await anonymous('GET', '/maintenance'), 200)).upcoming).toEqual([]);
    const staffList = await expectStatus(await asAgent('GET', '/staff/maintenance'), 200);
    expect(staffList.items.map((item: { id: number }) => item.id)).toEqual([draft.id]);

    t.clock.advance(HOUR);
    const published = await expectStatus(
      await asAgent('POST', `/staff/maintenance/${draft.id}/publish`),
      200,
    );
    expect(published).toMatchObject({
      status: 'scheduled',
      publishedAt: '2026-03-10T13:00:00.000Z',
    });
    expect((await windowsOf(t)).map((window) => window.announcedAt)).toEqual([
      '2026-03-10T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
    const again = await asAgent('POST', `/staff/maintenance/${draft.id}/publish`);
    expect((await expectStatus(again, 409)).error.code).toBe('ALREADY_PUBLISHED');
  });

  it.each([
    ['ends before it starts', { endsAt: '2026-03-14T00:00:00Z' }, 400],
    ['ends in the past', { startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-03-02T00:00:00Z' }, 422],
    ['an unknown service', { services: ['api', 'nope'] }, 422],
    ['no service', { services: [] }, 400],
    ['a bad instant', { startsAt: '2026-03-14 01:00' }, 400],
  ])('refuses a plan that %s', async (_name, change, status) => {
    const { t, asAgent } = await setup();
    await expectStatus(await asAgent('POST', '/staff/maintenance', { ...plan, ...change }), status);
    expect((await t.db.client.execute('SELECT count(*) AS n FROM maintenances')).rows[0]?.n).toBe(
      0,
    );
  });
});

describe('rescheduling and cancelling keep the windows consistent', () => {
  it('keeps the announcement when shrunk within the announced time, announces again otherwise', async () => {
    const { t, asAgent } = await setup();
    const { id } = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    t.clock.advance(HOUR);
    await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${id}`, { endsAt: '2026-03-14T02:00:00Z' }),
      200,
    );
    expect((await windowsOf(t))[0]).toMatchObject({
      end: '2026-03-14T02:00:00.000Z',
      announcedAt: '2026-03-10T12:00:00.000Z',
    });
    expect(await maintenanceMsByDay(t)).toEqual({ '2026-03-14': 2 * HOUR });

    t.clock.advance(HOUR);
    const moved = await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${id}`, {
        startsAt: '2026-03-15T23:00:00Z',
        endsAt: '2026-03-16T01:00:00Z',
        services: ['api'],
      }),
      200,
    );
    expect(moved).toMatchObject({ publishedAt: '2026-03-10T14:00:00.000Z', services: ['api'] });
    expect(await windowsOf(t)).toEqual([
      {
        externalId: `maintenance:${id}:api`,
        state: 'maintenance',
        start: '2026-03-15T23:00:00.000Z',
        end: '2026-03-16T01:00:00.000Z',
        announcedAt: '2026-03-10T14:00:00.000Z',
      },
    ]);
    expect(await maintenanceMsByDay(t)).toEqual({ '2026-03-15': HOUR, '2026-03-16': HOUR });
  });

  it('announces a service added later from the moment it was added', async () => {
    const { t, asAgent } = await setup();
    const { id } = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, services: ['api'], publish: true }),
      201,
    );
    t.clock.advance(HOUR);
    await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${id}`, { services: ['api', 'web'] }),
      200,
    );
    expect((await windowsOf(t)).map((window) => [window.externalId, window.announcedAt])).toEqual([
      [`maintenance:${id}:api`, '2026-03-10T12:00:00.000Z'],
      [`maintenance:${id}:web`, '2026-03-10T13:00:00.000Z'],
    ]);
  });

  it('removes the windows when cancelled before the start', async () => {
    const { t, asAgent, anonymous } = await setup();
    const { id } = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    const cancelled = await expectStatus(
      await asAgent('POST', `/staff/maintenance/${id}/cancel`),
      200,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2026-03-10T12:00:00.000Z',
    });
    expect(await windowsOf(t)).toEqual([]);
    expect(await maintenanceMsByDay(t)).toEqual({});
    const lists = await expectStatus(await anonymous('GET', '/maintenance'), 200);
    expect(lists.upcoming).toEqual([]);
    expect(lists.recent.map((item: { id: number }) => item.id)).toEqual([id]);
    const twice = await asAgent('POST', `/staff/maintenance/${id}/cancel`);
    expect((await expectStatus(twice, 409)).error.code).toBe('MAINTENANCE_CLOSED');
  });

  it('ends the windows now when cancelled while running, and refuses rescheduling once started', async () => {
    const { t, asAgent, anonymous } = await setup();
    const { id } = await expectStatus(
      await asAgent('POST', '/staff/maintenance', {
        ...plan,
        startsAt: '2026-03-10T12:30:00Z',
        endsAt: '2026-03-10T14:30:00Z',
        publish: true,
      }),
      201,
    );
    t.clock.set(Date.parse('2026-03-10T13:30:00Z'));
    const running = await expectStatus(await anonymous('GET', '/maintenance'), 200);
    expect(running.active.map((item: { id: number }) => item.id)).toEqual([id]);
    const late = await asAgent('PATCH', `/staff/maintenance/${id}`, {
      endsAt: '2026-03-10T15:00:00Z',
    });
    expect((await expectStatus(late, 409)).error.code).toBe('MAINTENANCE_STARTED');
    // The text may still change.
    await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${id}`, { description: 'Going well.' }),
      200,
    );
    const ended = await expectStatus(await asAgent('POST', `/staff/maintenance/${id}/cancel`), 200);
    expect(ended).toMatchObject({ status: 'completed', endedAt: '2026-03-10T13:30:00.000Z' });
    expect((await windowsOf(t)).map((window) => window.end)).toEqual([
      '2026-03-10T13:30:00.000Z',
      '2026-03-10T13:30:00.000Z',
    ]);
    expect(await maintenanceMsByDay(t)).toEqual({ '2026-03-10': 2 * HOUR });
    const after = await expectStatus(await anonymous('GET', '/maintenance'), 200);
    expect(after.active).toEqual([]);
    expect(after.recent.map((item: { id: number }) => item.id)).toEqual([id]);
  });

  it('records every change in the audit log, and lets only staff plan maintenance', async () => {
    const { t, agent, asAgent, monitor, anonymous } = await setup();
    const { id } = await expectStatus(await asAgent('POST', '/staff/maintenance', plan), 201);
    await expectStatus(await asAgent('POST', `/staff/maintenance/${id}/publish`), 200);
    await expectStatus(await asAgent('POST', `/staff/maintenance/${id}/cancel`), 200);
    const audit = await t.db.client.execute(
      "SELECT action, actor_user_id FROM audit_log WHERE entity_type = 'maintenance' ORDER BY id",
    );
    expect(audit.rows.map((row) => [row.action, row.actor_user_id])).toEqual([
      ['maintenance.create', agent.id],
      ['maintenance.publish', agent.id],
      ['maintenance.cancel', agent.id],
    ]);
    expect((await monitor('POST', '/staff/maintenance', plan)).status).toBe(403);
    expect((await anonymous('GET', '/staff/maintenance')).status).toBe(401);
    await expectStatus(await asAgent('GET', `/staff/maintenance/${id}`), 200);
    await expectStatus(await asAgent('GET', '/staff/maintenance/999'), 404);
  });
});
