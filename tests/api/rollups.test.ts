import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateMsByUtcDay } from '../../api/services/rollups.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { runs } from '../helpers/runs.ts';
import { expectStatus, type StatusActors, statusActors } from '../helpers/status-data.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function rollupRows(t: TestApp, slug: string) {
  const result = await t.db.client.execute({
    sql: `SELECT day, major_ms, partial_ms, degraded_ms, maintenance_ms FROM daily_rollups
          JOIN services ON services.id = daily_rollups.service_id
          WHERE services.slug = ? ORDER BY day`,
    args: [slug],
  });
  return Object.fromEntries(
    result.rows.map((row) => [
      row.day,
      {
        majorMs: Number(row.major_ms),
        partialMs: Number(row.partial_ms),
        degradedMs: Number(row.degraded_ms),
        maintenanceMs: Number(row.maintenance_ms),
      },
    ]),
  );
}

const zero = { majorMs: 0, partialMs: 0, degradedMs: 0, maintenanceMs: 0 };

describe('daily roll-ups', () => {
  it('split a window across midnight between the two UTC days', async () => {
    const t = await testApp({ now: '2026-03-20T12:00:00Z' });
    await createService(t, 'api');
    const { monitor } = await statusActors(t);
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'w1',
        service: 'api',
        state: 'major_outage',
        start: '2026-03-14T23:30:00Z',
        end: '2026-03-15T00:45:00Z',
      }),
      201,
    );
    expect(await rollupRows(t, 'api')).toEqual({
      '2026-03-14': { ...zero, majorMs: 30 * 60_000 },
      '2026-03-15': { ...zero, majorMs: 45 * 60_000 },
    });
  });

  it('split a window across a month boundary, counting overlaps once, heaviest first', async () => {
    const t = await testApp({ now: '2026-04-05T00:00:00Z' });
    await createService(t, 'api');
    const { monitor } = await statusActors(t);
    const post = (externalId: string, state: string, start: string, end: string) =>
      monitor('POST', '/ingest/windows', { externalId, service: 'api', state, start, end });
    // Degraded for two days; a partial outage over the month's end; a major one inside it.
    await expectStatus(
      await post('d', 'degraded', '2026-03-31T00:00:00Z', '2026-04-02T00:00:00Z'),
      201,
    );
    await expectStatus(
      await post('p', 'partial_outage', '2026-03-31T22:00:00Z', '2026-04-01T02:00:00Z'),
      201,
    );
    await expectStatus(
      await post('m', 'major_outage', '2026-03-31T23:00:00Z', '2026-04-01T01:00:00Z'),
      201,
    );
    await expectStatus(
      await post('mt', 'maintenance', '2026-04-01T01:30:00Z', '2026-04-01T03:30:00Z'),
      201,
    );
    expect(await rollupRows(t, 'api')).toEqual({
      '2026-03-31': { majorMs: HOUR, partialMs: HOUR, degradedMs: 22 * HOUR, maintenanceMs: 0 },
      // Maintenance is counted on its own: it overlaps the partial outage's last half hour.
      '2026-04-01': {
        majorMs: HOUR,
        partialMs: HOUR,
        degradedMs: 22 * HOUR,
        maintenanceMs: 2 * HOUR,
      },
    });
    const uptime = await expectStatus(await monitor('GET', '/services/api/uptime?days=7'), 200);
    const days = Object.fromEntries(uptime.days.map((day: { date: string }) => [day.date, day]));
    // Downtime with the default weights: major 1, partial 0.3, degraded 0.
    expect(days['2026-03-31']).toMatchObject({ downtimeMs: HOUR + 0.3 * HOUR, monitoredMs: DAY });
    expect(days['2026-04-01']).toMatchObject({ downtimeMs: 1.3 * HOUR, maintenanceMs: 2 * HOUR });
    expect(days['2026-04-04']).toMatchObject({ downtimeMs: 0, monitoredMs: DAY });
  });

  it('hold closed windows only; reads add open windows up to now', async () => {
    const t = await testApp({ now: '2026-03-15T06:00:00Z' });
    await createService(t, 'api');
    const { monitor } = await statusActors(t);
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'open',
        service: 'api',
        state: 'major_outage',
        start: '2026-03-14T22:00:00Z',
      }),
      201,
    );
    expect(await rollupRows(t, 'api')).toEqual({});
    const uptime = await expectStatus(await monitor('GET', '/services/api/uptime?days=2'), 200);
    expect(uptime.days).toMatchObject([
      { date: '2026-03-14', majorMs: 2 * HOUR, downtimeMs: 2 * HOUR, monitoredMs: DAY },
      { date: '2026-03-15', majorMs: 6 * HOUR, downtimeMs: 6 * HOUR, monitoredMs: 6 * HOUR },
    ]);
    await expectStatus(
      await monitor('PATCH', '/ingest/windows/open', { end: '2026-03-15T01:00:00Z' }),
      200,
    );
    expect(await rollupRows(t, 'api')).toEqual({
      '2026-03-14': { ...zero, majorMs: 2 * HOUR },
      '2026-03-15': { ...zero, majorMs: HOUR },
    });
  });
});

describe('GET /services/{slug}/uptime', () => {
  it('shows days before monitoredSince as no data, never up, and summarises 30 and 90 days', async () => {
    const t = await testApp({ now: '2026-03-15T12:00:00Z' });
    await createService(t, 'api', { monitoredSince: '2026-03-10T18:00:00Z' });
    const { monitor, anonymous } = await statusActors(t);
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'w',
        service: 'api',
        state: 'major_outage',
        start: '2026-03-12T00:00:00Z',
        end: '2026-03-12T00:00:00.001Z',
      }),
      201,
    );
    const response = await anonymous('GET', '/services/api/uptime?days=7');
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=10, stale-while-revalidate=60',
    );
    const uptime = await expectStatus(response, 200);
    expect(uptime.days.map((day: { date: string }) => day.date)).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
    expect(uptime.days[0]).toMatchObject({ noData: true, monitoredMs: 0, downtimeMs: null });
    expect(uptime.days[1]).toMatchObject({ noData: false, monitoredMs: 6 * HOUR, downtimeMs: 0 });
    expect(uptime.days[3]).toMatchObject({ downtimeMs: 1 });
    const monitoredMs = 6 * HOUR + 4 * DAY + 12 * HOUR;
    expect(uptime.last90).toMatchObject({ monitoredMs, downtimeMs: 1, uptimeDisplay: '99.999' });
    expect(uptime.last90.uptimePercent).toBeCloseTo((100 * (monitoredMs - 1)) / monitoredMs, 12);
    expect(uptime.last30).toEqual({ ...uptime.last90, days: 30 });
    // Both windows began before monitoring did: the figure is "since monitoring began".
    expect(uptime.last90.monitoringBegan).toBe('2026-03-10T18:00:00.000Z');
  });

  it('gives no figure before a full day was monitored, then one over the monitored time only', async () => {
    const t = await testApp({ now: '2026-11-30T10:12:00Z' });
    await createService(t, 'api', { monitoredSince: '2026-11-30T10:00:00Z' });
    const { monitor, anonymous } = await statusActors(t);
    // 10 of the first 12 monitored minutes down: a figure over them would read 16.666 %.
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'early',
        service: 'api',
        state: 'major_outage',
        start: '2026-11-30T10:02:00Z',
        end: '2026-11-30T10:12:00Z',
      }),
      201,
    );
    const early = await expectStatus(await anonymous('GET', '/services/api/uptime'), 200);
    for (const summary of [early.last30, early.last90]) {
      expect(summary).toMatchObject({
        monitoredMs: 12 * 60_000,
        downtimeMs: 10 * 60_000,
        uptimePercent: null,
        uptimeDisplay: null,
        monitoringBegan: '2026-11-30T10:00:00.000Z',
      });
    }
    // A day and 12 minutes later: 1,452 minutes monitored, 10 down → 99.3112…, floored.
    t.clock.set(Date.parse('2026-12-01T10:12:00Z'));
    const later = await expectStatus(await anonymous('GET', '/services/api/uptime'), 200);
    expect(later.last90).toMatchObject({
      monitoredMs: 1452 * 60_000,
      uptimeDisplay: '99.311',
      monitoringBegan: '2026-11-30T10:00:00.000Z',
    });
    expect(later.last90.uptimePercent).toBeCloseTo((100 * 1442) / 1452, 12);
  });

  it('names the start of monitoring only for a window that began before it', async () => {
    const t = await testApp({ now: '2026-11-30T12:00:00Z' });
    await createService(t, 'api', { monitoredSince: '2026-10-16T00:00:00Z' });
    await createService(t, 'db', { monitoredSince: '2026-01-01T00:00:00Z' });
    const { anonymous } = await statusActors(t);
    const api = await expectStatus(await anonymous('GET', '/services/api/uptime'), 200);
    // 45.5 days monitored: the whole 30-day window, part of the 90-day one.
    expect(api.last30).toMatchObject({ monitoringBegan: null, uptimeDisplay: '100.000' });
    expect(api.last90).toMatchObject({
      monitoringBegan: '2026-10-16T00:00:00.000Z',
      monitoredMs: 45 * DAY + 12 * HOUR,
      uptimeDisplay: '100.000',
    });
    const db = await expectStatus(await anonymous('GET', '/services/db/uptime'), 200);
    expect(db.last90).toMatchObject({ monitoringBegan: null, monitoredMs: 89 * DAY + 12 * HOUR });
  });

  it('answers no data rather than 100 % for a service not yet monitored', async () => {
    const t = await testApp({ now: '2026-03-15T12:00:00Z' });
    await createService(t, 'api', { monitoredSince: '2026-04-01T00:00:00Z' });
    const { anonymous } = await statusActors(t);
    const uptime = await expectStatus(await anonymous('GET', '/services/api/uptime'), 200);
    expect(uptime.days).toHaveLength(90);
    expect(uptime.days.every((day: { noData: boolean }) => day.noData)).toBe(true);
    expect(uptime.last90).toMatchObject({
      uptimePercent: null,
      uptimeDisplay: null,
      monitoredMs: 0,
      monitoringBegan: '2026-04-01T00:00:00.000Z',
    });
  });

  it('answers 404 for an unknown service and 400 for a span beyond a year', async () => {
    const t = await testApp();
    await createService(t, 'api');
    const { anonymous } = await statusActors(t);
    await expectStatus(await anonymous('GET', '/services/nope/uptime'), 404);
    await expectStatus(await anonymous('GET', '/services/api/uptime?days=367'), 400);
    await expectStatus(await anonymous('GET', '/services/api/uptime?days=0'), 400);
    const year = await expectStatus(await anonymous('GET', '/services/api/uptime?days=366'), 200);
    expect(year.days).toHaveLength(366);
  });
});

// ——— The model test: roll-ups equal a recomputation from the windows ———

const SLOT = 15 * 60_000;
/** Windows live on a 15-minute grid over four days that cross a month boundary. */
const GRID_START = Date.parse('2026-03-30T00:00:00Z');
const SLOTS = 4 * 96;
const NOW = GRID_START + SLOTS * SLOT + 6 * HOUR;
const STATES = ['major_outage', 'partial_outage', 'degraded', 'maintenance'] as const;
type State = (typeof STATES)[number];

interface ModelWindow {
  service: number;
  externalId: string;
  id?: number;
  state: State;
  start: number;
  end: number | null;
}

type Op =
  | { kind: 'create'; service: number; state: State; start: number; length: number | null }
  | { kind: 'close'; pick: number; length: number }
  | { kind: 'correct'; pick: number; state: State; start: number; length: number };

const slotArb = fc.integer({ min: 0, max: SLOTS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    service: fc.integer({ min: 0, max: 1 }),
    state: fc.constantFrom(...STATES),
    start: slotArb,
    length: fc.option(fc.integer({ min: 1, max: 200 }), { freq: 3 }),
  }),
  fc.record({
    kind: fc.constant('close' as const),
    pick: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('correct' as const),
    pick: fc.nat(),
    state: fc.constantFrom(...STATES),
    start: slotArb,
    length: fc.integer({ min: 1, max: 200 }),
  }),
);

const iso = (slot: number) => new Date(GRID_START + slot * SLOT).toISOString();

/** The oracle: walks the grid slot by slot, independently of the code under test. */
function expectedByDay(model: ModelWindow[], service: number, openUntilSlot: number | null) {
  const days: Record<string, typeof zero> = {};
  const lastSlot = SLOTS + 96;
  for (let slot = 0; slot < lastSlot; slot += 1) {
    const covering = model.filter((window) => {
      const end = window.end ?? openUntilSlot;
      return window.service === service && end !== null && window.start <= slot && slot < end;
    });
    const states = new Set(covering.map((window) => window.state));
    const outage = (['major_outage', 'partial_outage', 'degraded'] as const).find((state) =>
      states.has(state),
    );
    if (!outage && !states.has('maintenance')) continue;
    const day = iso(slot).slice(0, 10);
    const figures = days[day] ?? { ...zero };
    days[day] = figures;
    if (outage === 'major_outage') figures.majorMs += SLOT;
    if (outage === 'partial_outage') figures.partialMs += SLOT;
    if (outage === 'degraded') figures.degradedMs += SLOT;
    if (states.has('maintenance')) figures.maintenanceMs += SLOT;
  }
  return days;
}

describe('roll-ups after any sequence of writes', () => {
  it('equal a recomputation from the windows (closed ones stored, open ones added on read)', async () => {
    const t = await testApp({ now: new Date(NOW).toISOString() });
    const actors: StatusActors = await statusActors(t);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 10 }), async (ops) => {
        run += 1;
        const slugs = [`r${run}a`, `r${run}b`];
        for (const slug of slugs) await createService(t, slug);
        const model: ModelWindow[] = [];
        for (const [index, op] of ops.entries()) {
          await apply(actors, model, slugs, op, `r${run}-${index}`);
        }
        const nowSlot = (NOW - GRID_START) / SLOT;
        for (const [service, slug] of slugs.entries()) {
          expect(await rollupRows(t, slug)).toEqual(expectedByDay(model, service, null));
          const uptime = await expectStatus(
            await actors.anonymous('GET', `/services/${slug}/uptime?days=5`),
            200,
          );
          const withOpen = expectedByDay(model, service, nowSlot);
          for (const day of uptime.days) {
            const { majorMs, partialMs, degradedMs, maintenanceMs } = day;
            expect({ majorMs, partialMs, degradedMs, maintenanceMs }, day.date).toEqual(
              withOpen[day.date] ?? zero,
            );
          }
        }
      }),
      runs(200),
    );
  });

  it('agree with the pure per-day function on a hand-made overlap', () => {
    const byDay = stateMsByUtcDay(
      [
        { state: 'partial_outage', startMs: 0, endMs: 2 * HOUR },
        { state: 'major_outage', startMs: HOUR, endMs: DAY + HOUR },
      ],
      0,
      2 * DAY,
    );
    expect([...byDay]).toEqual([
      [0, { ...zero, partialMs: HOUR, majorMs: DAY - HOUR }],
      [DAY, { ...zero, majorMs: HOUR }],
    ]);
  });
});

async function apply(
  actors: StatusActors,
  model: ModelWindow[],
  slugs: string[],
  op: Op,
  externalId: string,
): Promise<void> {
  if (op.kind === 'create') {
    const end = op.length === null ? null : Math.min(op.start + op.length, SLOTS);
    const body = await expectStatus(
      await actors.monitor('POST', '/ingest/windows', {
        externalId,
        service: slugs[op.service],
        state: op.state,
        start: iso(op.start),
        ...(end === null ? {} : { end: iso(end) }),
      }),
      201,
    );
    model.push({
      service: op.service,
      externalId,
      id: body.id,
      state: op.state,
      start: op.start,
      end,
    });
    return;
  }
  if (model.length === 0) return;
  const window = model[op.pick % model.length] as ModelWindow;
  if (op.kind === 'close') {
    const end = Math.min(window.start + op.length, SLOTS);
    const response = await actors.monitor('PATCH', `/ingest/windows/${window.externalId}`, {
      end: iso(end),
    });
    if (window.end === null) {
      await expectStatus(response, 200);
      window.end = end;
    } else {
      await expectStatus(response, window.end === end ? 200 : 409);
    }
    return;
  }
  const end = Math.min(op.start + op.length, SLOTS);
  const response = await actors.asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
    state: op.state,
    start: iso(op.start),
    end: iso(end),
    reason: 'model test',
  });
  const unchanged = window.state === op.state && window.start === op.start && window.end === end;
  await expectStatus(response, unchanged ? 422 : 201);
  Object.assign(window, { state: op.state, start: op.start, end });
}
