import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const HOUR = 3_600_000;

async function setup() {
  const t = await testApp({ now: '2026-05-10T12:00:00Z' });
  const api = await createService(t, 'api');
  const web = await createService(t, 'web');
  const actors = await statusActors(t);
  const window = await expectStatus(
    await actors.monitor('POST', '/ingest/windows', {
      externalId: 'w1',
      service: 'api',
      state: 'major_outage',
      start: '2026-04-01T02:00:00Z',
      end: '2026-04-01T03:00:00Z',
    }),
    201,
  );
  return { t, api, web, window, ...actors };
}

/** A claim in `status` for `period` on one service, under an agreement in `timeZone`. */
async function insertClaim(
  t: TestApp,
  options: { serviceId: number; period: string; status: string; timeZone: string },
) {
  const { rows } = await t.db.client.execute(
    "INSERT INTO customers (name, time_zone, created_at) VALUES ('C', 'UTC', 0) RETURNING id",
  );
  const customerId = Number(rows[0]?.id);
  await t.db.client.execute(
    "INSERT INTO policies (id, name, created_at) VALUES (1, 'P', 0) ON CONFLICT DO NOTHING",
  );
  const agreement = await t.db.client.execute({
    sql: 'INSERT INTO agreements (customer_id, policy_id, start, time_zone, created_at) VALUES (?, 1, 0, ?, 0) RETURNING id',
    args: [customerId, options.timeZone],
  });
  await t.db.client.execute({
    sql: `INSERT INTO claims (customer_id, agreement_id, service_id, period, status, evaluation,
            policy_version_id, computed_credit_minor, cap_minor, currency, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, '{}', 1, 100, 1000, 'USD', 0, 0)`,
    args: [
      customerId,
      Number(agreement.rows[0]?.id),
      options.serviceId,
      options.period,
      options.status,
    ],
  });
}

describe('POST /staff/windows/{id}/corrections', () => {
  it('changes the window and records who, when, why, before and after', async () => {
    const { t, admin, window, asAdmin } = await setup();
    const response = await asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
      end: '2026-04-01T02:20:00Z',
      state: 'partial_outage',
      reason: 'The monitor lost its network; the outage ended at 02:20.',
    });
    const correction = await expectStatus(response, 201);
    expect(correction).toEqual({
      id: expect.any(Number),
      windowId: window.id,
      externalId: 'w1',
      service: 'api',
      actor: { id: admin.id, email: admin.email },
      reason: 'The monitor lost its network; the outage ended at 02:20.',
      before: {
        state: 'major_outage',
        start: '2026-04-01T02:00:00.000Z',
        end: '2026-04-01T03:00:00.000Z',
      },
      after: {
        state: 'partial_outage',
        start: '2026-04-01T02:00:00.000Z',
        end: '2026-04-01T02:20:00.000Z',
      },
      affectsDecidedClaim: false,
      createdAt: '2026-05-10T12:00:00.000Z',
    });
    const listed = await expectStatus(
      await asAdmin('GET', `/staff/windows/${window.id}/corrections`),
      200,
    );
    expect(listed.items).toEqual([correction]);
    const byService = await expectStatus(
      await asAdmin('GET', '/staff/corrections?service=api'),
      200,
    );
    expect(byService.items).toEqual([correction]);
    // The window holds the corrected values; the roll-ups follow.
    const windows = await expectStatus(await asAdmin('GET', '/staff/windows?service=api'), 200);
    expect(windows.items[0]).toMatchObject({
      state: 'partial_outage',
      end: '2026-04-01T02:20:00.000Z',
    });
    const rollup = await t.db.client.execute('SELECT major_ms, partial_ms FROM daily_rollups');
    expect(rollup.rows.map((row) => [row.major_ms, row.partial_ms])).toEqual([[0, 20 * 60_000]]);
    const audit = await t.db.client.execute(
      "SELECT actor_user_id FROM audit_log WHERE action = 'window.correct'",
    );
    expect(audit.rows.map((row) => row.actor_user_id)).toEqual([admin.id]);
  });

  it("is flagged when an approved or credited claim's period covers the changed time, in the agreement's zone", async () => {
    const { t, api, window, asAdmin } = await setup();
    // April 1st 02:00 UTC is still March in New York.
    await insertClaim(t, {
      serviceId: api.id,
      period: '2026-03',
      status: 'approved',
      timeZone: 'America/New_York',
    });
    const flagged = await expectStatus(
      await asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
        state: 'degraded',
        reason: 'It was slow, not down.',
      }),
      201,
    );
    expect(flagged.affectsDecidedClaim).toBe(true);
  });

  it('is not flagged for claims that are not decided, on another service, or for another period', async () => {
    const { t, api, web, window, asAdmin } = await setup();
    await insertClaim(t, {
      serviceId: api.id,
      period: '2026-03',
      status: 'submitted',
      timeZone: 'America/New_York',
    });
    await insertClaim(t, {
      serviceId: api.id,
      period: '2026-03',
      status: 'rejected',
      timeZone: 'America/New_York',
    });
    await insertClaim(t, {
      serviceId: web.id,
      period: '2026-03',
      status: 'credited',
      timeZone: 'America/New_York',
    });
    // In UTC the window is in April, not March.
    await insertClaim(t, {
      serviceId: api.id,
      period: '2026-03',
      status: 'credited',
      timeZone: 'UTC',
    });
    const correction = await expectStatus(
      await asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
        state: 'degraded',
        reason: 'It was slow, not down.',
      }),
      201,
    );
    expect(correction.affectsDecidedClaim).toBe(false);
  });

  it('is flagged when the window moves into a decided period', async () => {
    const { t, api, window, asAdmin } = await setup();
    await insertClaim(t, {
      serviceId: api.id,
      period: '2026-02',
      status: 'credited',
      timeZone: 'UTC',
    });
    const correction = await expectStatus(
      await asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
        start: '2026-02-28T23:00:00Z',
        reason: 'It started the night before.',
      }),
      201,
    );
    expect(correction.affectsDecidedClaim).toBe(true);
    const rollups = await t.db.client.execute(
      'SELECT day, major_ms FROM daily_rollups ORDER BY day',
    );
    expect(rollups.rows.at(0)).toMatchObject({ day: '2026-02-28', major_ms: HOUR });
    expect(rollups.rows.at(-1)).toMatchObject({ day: '2026-04-01', major_ms: 3 * HOUR });
  });

  it('closes an open window', async () => {
    const { window: _, monitor, asAdmin } = await setup();
    const open = await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'open',
        service: 'api',
        state: 'partial_outage',
        start: '2026-05-10T10:00:00Z',
      }),
      201,
    );
    const correction = await expectStatus(
      await asAdmin('POST', `/staff/windows/${open.id}/corrections`, {
        end: '2026-05-10T11:00:00Z',
        reason: 'The monitor never sent the end.',
      }),
      201,
    );
    expect(correction.before.end).toBeNull();
    expect(correction.after.end).toBe('2026-05-10T11:00:00.000Z');
  });

  it('needs an admin, a reason, a change, and an end after the start', async () => {
    const { window, asAdmin, asAgent, monitor } = await setup();
    const path = `/staff/windows/${window.id}/corrections`;
    await expectStatus(await asAgent('POST', path, { state: 'degraded', reason: 'x' }), 403);
    await expectStatus(await monitor('POST', path, { state: 'degraded', reason: 'x' }), 403);
    const noReason = await expectStatus(await asAdmin('POST', path, { state: 'degraded' }), 400);
    expect(noReason.error.issues[0].path).toBe('reason');
    await expectStatus(await asAdmin('POST', path, { reason: 'nothing' }), 400);
    const same = await asAdmin('POST', path, { state: 'major_outage', reason: 'same' });
    expect((await expectStatus(same, 422)).error.code).toBe('NOTHING_TO_CORRECT');
    const backwards = await asAdmin('POST', path, { end: '2026-04-01T01:00:00Z', reason: 'x' });
    expect((await expectStatus(backwards, 400)).error.issues[0].path).toBe('end');
    await expectStatus(
      await asAdmin('POST', '/staff/windows/999/corrections', { state: 'degraded', reason: 'x' }),
      404,
    );
  });

  it('refuses windows of scheduled maintenance: staff change the maintenance instead', async () => {
    const { asAdmin } = await setup();
    const maintenance = await expectStatus(
      await asAdmin('POST', '/staff/maintenance', {
        title: 'Database upgrade',
        services: ['api'],
        startsAt: '2026-05-20T01:00:00Z',
        endsAt: '2026-05-20T02:00:00Z',
        publish: true,
      }),
      201,
    );
    const windows = await expectStatus(await asAdmin('GET', '/staff/windows?service=api'), 200);
    const owned = windows.items.find(
      (window: { maintenanceId: number | null }) => window.maintenanceId === maintenance.id,
    );
    const response = await asAdmin('POST', `/staff/windows/${owned.id}/corrections`, {
      state: 'major_outage',
      reason: 'x',
    });
    expect((await expectStatus(response, 409)).error.code).toBe('MAINTENANCE_WINDOW');
  });
});

describe('GET /staff/windows', () => {
  it("pages a service's windows newest first, to agents too", async () => {
    const { monitor, asAgent } = await setup();
    for (const day of ['02', '03', '04']) {
      await expectStatus(
        await monitor('POST', '/ingest/windows', {
          externalId: `d${day}`,
          service: 'api',
          state: 'degraded',
          start: `2026-04-${day}T00:00:00Z`,
          end: `2026-04-${day}T01:00:00Z`,
        }),
        201,
      );
    }
    const first = await expectStatus(
      await asAgent('GET', '/staff/windows?service=api&limit=2'),
      200,
    );
    expect(first.items.map((window: { externalId: string }) => window.externalId)).toEqual([
      'd04',
      'd03',
    ]);
    const second = await expectStatus(
      await asAgent('GET', `/staff/windows?service=api&limit=2&cursor=${first.nextCursor}`),
      200,
    );
    expect(second.items.map((window: { externalId: string }) => window.externalId)).toEqual([
      'd02',
      'w1',
    ]);
    expect(second.nextCursor).toBeNull();
    const ranged = await expectStatus(
      await asAgent(
        'GET',
        '/staff/windows?service=api&from=2026-04-02T00:30:00Z&to=2026-04-03T00:30:00Z',
      ),
      200,
    );
    expect(ranged.items.map((window: { externalId: string }) => window.externalId)).toEqual([
      'd03',
      'd02',
    ]);
    await expectStatus(await asAgent('GET', '/staff/windows?service=api&cursor=bogus'), 400);
  });
});
