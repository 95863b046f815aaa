import { describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../api/services/rollups.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createApiKey, createService, json } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;

async function setup() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  const api = await createService(t, 'api');
  await createService(t, 'web');
  return { t, api, ...(await statusActors(t)) };
}

const window = (n: number, overrides: Record<string, unknown> = {}) => ({
  externalId: `pingdom:api:${n}`,
  service: 'api',
  state: 'major_outage',
  start: new Date(Date.parse('2026-03-13T00:00:00Z') + n * 10 * MINUTE).toISOString(),
  end: new Date(Date.parse('2026-03-13T00:00:00Z') + (n * 10 + 5) * MINUTE).toISOString(),
  ...overrides,
});

async function count(t: TestApp, table: string): Promise<number> {
  const result = await t.db.client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

async function statusVersion(t: TestApp): Promise<number> {
  const result = await t.db.client.execute('SELECT version FROM status_version WHERE id = 1');
  return Number(result.rows[0]?.version);
}

async function rollups(t: TestApp) {
  const result = await t.db.client.execute(
    'SELECT service_id, day, major_ms, partial_ms, degraded_ms, maintenance_ms FROM daily_rollups ORDER BY service_id, day',
  );
  return result.rows.map((row) => ({ ...row }));
}

describe('POST /ingest/windows/batch', () => {
  it('creates every new window in order, with its roll-ups, and one status change', async () => {
    const { t, monitor } = await setup();
    const before = await statusVersion(t);
    const sent = [
      window(0),
      window(1, { service: 'web', state: 'degraded' }),
      window(2, { end: null }),
      window(3, { state: 'maintenance', announcedAt: '2026-03-10T00:00:00Z' }),
    ];
    const body = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', { windows: sent }),
      200,
    );
    expect(body).toMatchObject({ created: 4, replayed: 0, conflicts: 0 });
    expect(body.results.map((item: { index: number; result: string }) => item.result)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
    expect(body.results[1]).toMatchObject({
      index: 1,
      externalId: 'pingdom:api:1',
      window: {
        service: 'web',
        state: 'degraded',
        start: '2026-03-13T00:10:00.000Z',
        end: '2026-03-13T00:15:00.000Z',
        source: 'ingest',
      },
    });
    expect(body.results[2].window.end).toBeNull();
    expect(body.results[3].window.announcedAt).toBe('2026-03-10T00:00:00.000Z');
    // Each created window reads back as the single endpoint shows it.
    const listed = await expectStatus(await monitor('POST', '/ingest/windows', sent[0]), 200);
    expect(listed).toEqual(body.results[0].window);
    expect(await count(t, 'windows')).toBe(4);
    expect(await statusVersion(t)).toBe(before + 1);
    // The roll-ups are what a rebuild from the windows gives: 5 minutes of major outage on
    // api, 5 of degraded on web, 5 of maintenance on api; the open window is not in them.
    const written = await rollups(t);
    expect(written).toEqual([
      {
        service_id: 1,
        day: '2026-03-13',
        major_ms: 5 * MINUTE,
        partial_ms: 0,
        degraded_ms: 0,
        maintenance_ms: 5 * MINUTE,
      },
      {
        service_id: 2,
        day: '2026-03-13',
        major_ms: 0,
        partial_ms: 0,
        degraded_ms: 5 * MINUTE,
        maintenance_ms: 0,
      },
    ]);
  });

  it('replays a batch sent again: the windows as they are now, and no status change', async () => {
    const { t, monitor } = await setup();
    const sent = [window(0), window(1, { end: null })];
    const first = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', { windows: sent }),
      200,
    );
    await expectStatus(
      await monitor('PATCH', '/ingest/windows/pingdom:api:1', { end: '2026-03-13T01:00:00Z' }),
      200,
    );
    const version = await statusVersion(t);
    // The same instants written another way are the same request.
    const again = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', {
        windows: [{ ...sent[0], start: '2026-03-13T01:00:00.000+01:00' }, sent[1]],
      }),
      200,
    );
    expect(again).toMatchObject({ created: 0, replayed: 2, conflicts: 0 });
    expect(again.results[0]).toEqual({ ...first.results[0], result: 'replayed' });
    expect(again.results[1]).toMatchObject({
      result: 'replayed',
      window: { id: first.results[1].window.id, end: '2026-03-13T01:00:00.000Z' },
    });
    expect(await count(t, 'windows')).toBe(2);
    expect(await statusVersion(t)).toBe(version);
  });

  it('answers a conflict per item and records the rest: another body, another key, twice in one batch', async () => {
    const { t, monitor, admin } = await setup();
    await expectStatus(await monitor('POST', '/ingest/windows', window(0)), 201);
    const other = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
    const otherWindow = await expectStatus(
      await t.app.request(
        '/api/v1/ingest/windows',
        json('POST', window(9, { externalId: 'other:9' }), other.headers),
      ),
      201,
    );
    const body = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', {
        windows: [
          window(0, { state: 'degraded' }),
          window(9, { externalId: 'other:9' }),
          window(1),
          window(1, { state: 'partial_outage' }),
          window(1),
          window(2),
        ],
      }),
      200,
    );
    expect(body).toMatchObject({ created: 2, replayed: 1, conflicts: 3 });
    expect(body.results.map((item: { result: string }) => item.result)).toEqual([
      'conflict',
      'conflict',
      'created',
      'conflict',
      'replayed',
      'created',
    ]);
    expect(body.results[0].error.code).toBe('WINDOW_CONFLICT');
    // Another key's window is not revealed: the same answer as the single endpoint's.
    expect(body.results[1]).toEqual({
      index: 1,
      externalId: 'other:9',
      result: 'conflict',
      error: {
        code: 'EXTERNAL_ID_TAKEN',
        message: 'The externalId other:9 is taken; monitors prefix their ids with their own name.',
      },
    });
    expect(body.results[3].error).toMatchObject({ code: 'WINDOW_CONFLICT' });
    expect(body.results[4].window).toEqual(body.results[2].window);
    // Nothing the conflicts named was changed.
    const stored = await t.db.client.execute(
      "SELECT state FROM windows WHERE external_id IN ('pingdom:api:0', 'other:9') ORDER BY id",
    );
    expect(stored.rows.map((row) => row.state)).toEqual(['major_outage', otherWindow.state]);
    expect(await count(t, 'windows')).toBe(4);
  });

  it('refuses the whole batch for one item with a bad field, naming it, and records nothing', async () => {
    const { t, monitor } = await setup();
    const version = await statusVersion(t);
    const response = await monitor('POST', '/ingest/windows/batch', {
      windows: [window(0), window(1, { start: 'yesterday' }), window(2)],
    });
    const body = await expectStatus(response, 400);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'windows.1.start',
    ]);
    expect(await count(t, 'windows')).toBe(0);
    expect(await statusVersion(t)).toBe(version);
  });

  it('refuses the whole batch for an item the single endpoint would refuse: 422 naming each', async () => {
    const { t, monitor } = await setup();
    const unknown = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', {
        windows: [window(0), window(1, { service: 'nope' }), window(2, { service: 'gone' })],
      }),
      422,
    );
    expect(unknown.error.code).toBe('UNKNOWN_SERVICE');
    expect(unknown.error.issues).toEqual([
      { path: 'windows.1.service', message: 'unknown service' },
      { path: 'windows.2.service', message: 'unknown service' },
    ]);
    const late = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', {
        windows: [window(0), window(1, { start: '2026-03-14T12:30:00Z', end: null })],
      }),
      422,
    );
    expect(late.error.code).toBe('WINDOW_OUT_OF_BOUNDS');
    expect(late.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'windows.1.start',
    ]);
    const reserved = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', {
        windows: [window(0), window(1, { externalId: 'maintenance:1:api' })],
      }),
      422,
    );
    expect(reserved.error.code).toBe('RESERVED_EXTERNAL_ID');
    expect(reserved.error.issues[0].path).toBe('windows.1.externalId');
    expect(await count(t, 'windows')).toBe(0);
  });

  it('takes 1,000 windows in one batch, with roll-ups equal to a rebuild, and refuses 1,001 with 413', async () => {
    const { t, api, monitor } = await setup();
    // A thousand windows of 5 minutes every 10 minutes, over seven UTC days.
    const thousand = Array.from({ length: 1000 }, (_, n) =>
      window(n, {
        start: new Date(Date.parse('2026-03-06T00:00:00Z') + n * 10 * MINUTE).toISOString(),
        end: new Date(Date.parse('2026-03-06T00:00:00Z') + (n * 10 + 5) * MINUTE).toISOString(),
        state: (['major_outage', 'partial_outage', 'degraded'] as const)[n % 3],
      }),
    );
    const tooMany = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', {
        windows: [...thousand, window(1000)],
      }),
      413,
    );
    expect(tooMany.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      issues: [{ path: 'windows', message: 'must hold at most 1,000 windows' }],
    });
    expect(await count(t, 'windows')).toBe(0);

    const body = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', { windows: thousand }),
      200,
    );
    expect(body.created).toBe(1000);
    expect(body.results.map((item: { index: number }) => item.index)).toEqual(
      thousand.map((_, n) => n),
    );
    const written = await rollups(t);
    expect(written).toHaveLength(7);
    await t.db.write((tx) => rebuildRollups(tx, api.id));
    expect(written).toEqual(await rollups(t));
  });

  it('answers 400 to an empty batch and to a body without windows', async () => {
    const { monitor } = await setup();
    const empty = await expectStatus(
      await monitor('POST', '/ingest/windows/batch', { windows: [] }),
      400,
    );
    expect(empty.error.issues[0].path).toBe('windows');
    await expectStatus(await monitor('POST', '/ingest/windows/batch', [window(0)]), 400);
  });

  it('is for ingest keys only', async () => {
    const { asAdmin, anonymous } = await setup();
    await expectStatus(
      await anonymous('POST', '/ingest/windows/batch', { windows: [window(0)] }),
      401,
    );
    await expectStatus(
      await asAdmin('POST', '/ingest/windows/batch', { windows: [window(0)] }),
      403,
    );
  });
});
