import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { claimWorld } from '../helpers/sla-fixtures.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

// The service's monitoring began 2026-01-01: with the default 400-day horizon, windows may
// start from 2024-11-27T00:00:00Z; now is 2026-03-14T12:00:00Z, plus 5 minutes of clock skew.
const NOW = '2026-03-14T12:00:00Z';
const EARLIEST = '2024-11-27T00:00:00.000Z';
const LATEST = '2026-03-14T12:05:00.000Z';

async function setup(config: { backfillDays?: number } = {}) {
  const t = await testApp({ now: NOW, config });
  const service = await createService(t, 'api', { monitoredSince: '2026-01-01T00:00:00Z' });
  return { t, service, ...(await statusActors(t)) };
}

const window = (externalId: string, start: string, end?: string | null) => ({
  externalId,
  service: 'api',
  state: 'major_outage',
  start,
  ...(end === undefined ? {} : { end }),
});

async function count(t: Awaited<ReturnType<typeof setup>>['t'], table: string): Promise<number> {
  const result = await t.db.client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe('windows lie within the bounds (monitoredSince less the backfill horizon, now plus skew)', () => {
  it('takes a window from the earliest to the latest instant the bounds allow', async () => {
    const { t, monitor } = await setup();
    await expectStatus(
      await monitor('POST', '/ingest/windows', window('w1', EARLIEST, LATEST)),
      201,
    );
    // Its roll-ups reach from the first day to the last, one row a day.
    const rollups = await t.db.client.execute(
      'SELECT min(day) AS first, max(day) AS last, count(*) AS n FROM daily_rollups',
    );
    expect(rollups.rows[0]).toMatchObject({ first: '2024-11-27', last: '2026-03-14', n: 473 });
  });

  it.each([
    [
      'a start before the backfill horizon',
      window('w1', '2024-11-26T23:59:59Z', '2026-01-02T00:00:00Z'),
      'start',
      `must not be before ${EARLIEST}`,
    ],
    [
      'an end past now plus the clock skew',
      window('w1', '2026-03-14T10:00:00Z', '2026-03-14T12:05:01Z'),
      'end',
      `must not be after ${LATEST}`,
    ],
    [
      'an open window starting past now plus the skew',
      window('w1', '2026-03-14T12:06:00Z'),
      'start',
      `must not be after ${LATEST}`,
    ],
  ])(
    'answers 422 WINDOW_OUT_OF_BOUNDS naming the bound for %s',
    async (_name, body, path, message) => {
      const { t, monitor } = await setup();
      const refused = (await expectStatus(
        await monitor('POST', '/ingest/windows', body),
        422,
      )) as ErrorBody;
      expect(refused.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
      expect(refused.error.message).toContain(message.split(' ').at(-1));
      expect(refused.error.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
      expect(await count(t, 'windows')).toBe(0);
      expect(await count(t, 'daily_rollups')).toBe(0);
    },
  );

  it('says why the earliest start is where it is', async () => {
    const { monitor } = await setup();
    const refused = (await expectStatus(
      await monitor(
        'POST',
        '/ingest/windows',
        window('w1', '2020-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
      ),
      422,
    )) as ErrorBody;
    expect(refused.error.message).toBe(
      `The start must not be before ${EARLIEST}: the service's monitoring began 2026-01-01T00:00:00.000Z, and windows reach back at most 400 days before that.`,
    );
  });

  it('takes the horizon from the configuration (PORTAL_BACKFILL_DAYS)', async () => {
    const { monitor } = await setup({ backfillDays: 30 });
    const refused = (await expectStatus(
      await monitor(
        'POST',
        '/ingest/windows',
        window('w1', '2025-12-01T23:59:59Z', '2026-01-02T00:00:00Z'),
      ),
      422,
    )) as ErrorBody;
    expect(refused.error.issues?.[0]?.message).toContain(
      'must not be before 2025-12-02T00:00:00.000Z',
    );
    await expectStatus(
      await monitor(
        'POST',
        '/ingest/windows',
        window('w1', '2025-12-02T00:00:00Z', '2026-01-02T00:00:00Z'),
      ),
      201,
    );
  });

  it("answers the issue's 1000-to-9999 window with 400 and writes nothing", async () => {
    const { t, monitor } = await setup();
    const refused = (await expectStatus(
      await monitor(
        'POST',
        '/ingest/windows',
        window('w1', '1000-01-01T00:00:00Z', '9999-12-31T00:00:00Z'),
      ),
      400,
    )) as ErrorBody;
    expect(refused.error.issues?.map((issue) => issue.path).sort()).toEqual(['end', 'start']);
    expect(refused.error.issues?.[0]?.message).toContain(
      'must lie between 2000-01-01T00:00:00.000Z and 2199-12-31T23:59:59.999Z',
    );
    expect(await count(t, 'windows')).toBe(0);
    expect(await count(t, 'daily_rollups')).toBe(0);
  });

  it.each([
    ['an invalid start', 'yesterday', '2026-03-14T11:00:00Z', ['start']],
    ['an invalid end', '2026-03-14T10:00:00Z', '2026-03-14 11:00', ['end']],
    ['both invalid', '', 'soon', ['end', 'start']],
    ['a start of the wrong type', 1_773_480_000_000, '2026-03-14T11:00:00Z', ['start']],
  ])('answers 400 (never 500) to %s when an end is given', async (_name, start, end, paths) => {
    const { monitor } = await setup();
    const body = { ...window('w1', '2026-03-14T10:00:00Z', end), start };
    const refused = (await expectStatus(
      await monitor('POST', '/ingest/windows', body),
      400,
    )) as ErrorBody;
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect([...new Set(refused.error.issues?.map((issue) => issue.path))].sort()).toEqual(paths);
  });

  it('refuses to close a window past now plus the clock skew', async () => {
    const { monitor } = await setup();
    await expectStatus(
      await monitor('POST', '/ingest/windows', window('w1', '2026-03-14T10:00:00Z')),
      201,
    );
    const refused = (await expectStatus(
      await monitor('PATCH', '/ingest/windows/w1', { end: '2026-03-15T00:00:00Z' }),
      422,
    )) as ErrorBody;
    expect(refused.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
    await expectStatus(await monitor('PATCH', '/ingest/windows/w1', { end: LATEST }), 200);
  });
});

describe('corrections lie within the same bounds', () => {
  async function withWindow() {
    const actors = await setup();
    const created = await expectStatus(
      await actors.monitor(
        'POST',
        '/ingest/windows',
        window('w1', '2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z'),
      ),
      201,
    );
    return { ...actors, id: created.id as number };
  }

  it('answers a correction ending in 9999 with 400, and changes nothing', async () => {
    const { t, asAdmin, id } = await withWindow();
    const refused = (await expectStatus(
      await asAdmin('POST', `/staff/windows/${id}/corrections`, {
        end: '9999-12-31T00:00:00Z',
        reason: 'typo',
      }),
      400,
    )) as ErrorBody;
    expect(refused.error.issues?.[0]?.path).toBe('end');
    expect(await count(t, 'window_corrections')).toBe(0);
    expect(await count(t, 'daily_rollups')).toBe(1);
  });

  it.each([
    ['moves the start before the horizon', { start: '2024-01-01T00:00:00Z' }, 'start', EARLIEST],
    ['moves the end past now plus the skew', { end: '2026-03-20T00:00:00Z' }, 'end', LATEST],
  ])('answers 422 WINDOW_OUT_OF_BOUNDS when it %s', async (_name, change, path, bound) => {
    const { t, asAdmin, id } = await withWindow();
    const refused = (await expectStatus(
      await asAdmin('POST', `/staff/windows/${id}/corrections`, { ...change, reason: 'why not' }),
      422,
    )) as ErrorBody;
    expect(refused.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
    expect(refused.error.issues).toEqual([{ path, message: expect.stringContaining(bound) }]);
    expect(await count(t, 'window_corrections')).toBe(0);
  });

  it('keeps windows valid after monitoredSince moves later: only what a write sets is checked', async () => {
    const { service, monitor, asAdmin, id } = await withWindow();
    await expectStatus(
      await monitor('POST', '/ingest/windows', window('open', '2026-03-02T00:00:00Z')),
      201,
    );
    // Monitoring "began" later: both windows now start before the horizon (2026-03-03).
    await expectStatus(
      await asAdmin('PATCH', `/staff/services/${service.id}`, {
        monitoredSince: '2027-04-07T00:00:00Z',
      }),
      200,
    );
    // The same request again is still a replay, the open window still closes, and a
    // correction of the state alone still goes through.
    await expectStatus(
      await monitor(
        'POST',
        '/ingest/windows',
        window('w1', '2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z'),
      ),
      200,
    );
    await expectStatus(
      await monitor('PATCH', '/ingest/windows/open', { end: '2026-03-02T01:00:00Z' }),
      200,
    );
    await expectStatus(
      await asAdmin('POST', `/staff/windows/${id}/corrections`, {
        state: 'degraded',
        reason: 'it was slow, not down',
      }),
      201,
    );
    // A new window that far back is refused, though.
    const refused = (await expectStatus(
      await monitor(
        'POST',
        '/ingest/windows',
        window('w2', '2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z'),
      ),
      422,
    )) as ErrorBody;
    expect(refused.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
  });
});

describe('maintenance lies within bounds', () => {
  const plan = {
    title: 'Database upgrade',
    services: ['api'],
    startsAt: '2026-03-20T01:00:00Z',
    endsAt: '2026-03-20T03:00:00Z',
    publish: true,
  };

  it.each([
    [
      'starts before the latest horizon of its services',
      { startsAt: '2026-03-19T23:00:00Z', endsAt: '2026-03-20T01:00:00Z' },
      'startsAt',
    ],
    [
      'ends more than 400 days ahead',
      { startsAt: '2027-04-18T00:00:00Z', endsAt: '2027-04-19T00:00:00Z' },
      'endsAt',
    ],
    [
      'lasts more than 31 days',
      { startsAt: '2026-03-20T00:00:00Z', endsAt: '2026-04-20T00:00:01Z' },
      'endsAt',
    ],
  ])(
    'answers 422 WINDOW_OUT_OF_BOUNDS when it %s, and writes nothing',
    async (_name, change, path) => {
      // Without backfill, the service `new` takes windows from 2026-03-20 only.
      const { t, asAgent } = await setup({ backfillDays: 0 });
      await createService(t, 'new', { monitoredSince: '2026-03-20T00:00:00Z' });
      const refused = (await expectStatus(
        await asAgent('POST', '/staff/maintenance', {
          ...plan,
          services: ['api', 'new'],
          ...change,
        }),
        422,
      )) as ErrorBody;
      expect(refused.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
      expect(refused.error.issues?.map((issue) => issue.path)).toEqual([path]);
      expect(await count(t, 'maintenances')).toBe(0);
      expect(await count(t, 'windows')).toBe(0);
    },
  );

  it('refuses a reschedule out of bounds and keeps the plan', async () => {
    const { asAgent } = await setup();
    const created = await expectStatus(await asAgent('POST', '/staff/maintenance', plan), 201);
    const refused = (await expectStatus(
      await asAgent('PATCH', `/staff/maintenance/${created.id}`, {
        endsAt: '2030-01-01T00:00:00Z',
      }),
      422,
    )) as ErrorBody;
    expect(refused.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
    const kept = await expectStatus(await asAgent('GET', `/staff/maintenance/${created.id}`), 200);
    expect(kept.endsAt).toBe('2026-03-20T03:00:00.000Z');
  });
});

describe('every instant the API takes lies between 2000 and 2199', () => {
  it('answers an agreement starting at 0000-01-01T00:00:00+14:00 with 400, and the customer pages still answer', async () => {
    const t = await testApp({ now: NOW });
    const world = await claimWorld(t);
    const refused = await t.app.request('/api/v1/staff/agreements', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.admin.headers },
      body: JSON.stringify({
        customerId: world.customerA.id,
        policyId: world.policy.id,
        start: '0000-01-01T00:00:00+14:00',
        services: [{ slug: 'api', monthlyFeeMinor: 100, currency: 'USD' }],
      }),
    });
    const body = (await expectStatus(refused, 400)) as ErrorBody;
    expect(body.error.issues).toEqual([
      {
        path: 'start',
        message: 'must lie between 2000-01-01T00:00:00.000Z and 2199-12-31T23:59:59.999Z',
      },
    ]);
    for (const path of [
      '/me/availability?period=2026-02',
      '/me/statements/2026-02.json',
      '/me/agreements',
    ]) {
      expect(
        (await t.app.request(`/api/v1${path}`, { headers: world.a.headers })).status,
        path,
      ).toBe(200);
    }
  });

  it.each([
    ['PATCH', '/staff/agreements/{agreement}', { end: '2200-01-01T00:00:00Z' }],
    [
      'POST',
      '/staff/services',
      { slug: 'old', name: 'Old', monitoredSince: '1999-12-31T23:59:59Z' },
    ],
    ['PATCH', '/staff/services/{service}', { monitoredSince: '1970-01-01T00:00:00Z' }],
    ['POST', '/staff/incidents', { title: 'Old', startedAt: '1999-12-31T23:59:59.999Z' }],
    ['GET', '/staff/windows?service=api&from=0001-01-01T00:00:00Z', undefined],
  ])('answers %s %s with an instant out of range with 400', async (method, template, body) => {
    const t = await testApp({ now: NOW });
    const world = await claimWorld(t);
    const path = template
      .replace('{agreement}', String(world.agreementA.id))
      .replace('{service}', String(world.service.id));
    const response = await t.app.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...world.admin.headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const refused = (await expectStatus(response, 400)) as ErrorBody;
    expect(refused.error.issues?.[0]?.message).toMatch(/^must lie between 2000-01-01/);
  });
});
