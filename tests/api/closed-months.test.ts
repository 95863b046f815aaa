// The customer's reads at scale (issue 17): the windows query bounded on both sides, closed
// months served from a cache checked through the status version. The figures must be the
// engine's on all of the service's windows, however they are served.
import { describe, expect, it } from 'vitest';
import { bumpStatusVersion } from '../../api/infra/status-cache.ts';
import {
  type EvaluationResult,
  evaluateCase,
  formatInstant,
  periodBounds,
  policySchema,
  shiftPeriod,
} from '../../api/sla/index.ts';
import { createDb } from '../../db/client.ts';
import { type WindowState, windows } from '../../db/schema/index.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { json } from '../helpers/factories.ts';
import { addWindow, claimWorld } from '../helpers/sla-fixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = '2026-11-20T12:00:00Z';

const RULES = {
  targetPercent: 99.9,
  minimumOutageMinutes: 10,
  maintenanceNoticeMinutes: 2880,
  weights: { degraded: 0.25 },
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.0, creditPercent: 25 },
  ],
  dailyRule: { thresholdMinutes: 30, creditDays: 1 },
  termination: { missedPeriods: 2, withinPeriods: 6 },
};

interface Row {
  state: WindowState;
  startMs: number;
  endMs: number | null;
  announcedAtMs?: number;
}

/** mulberry32: the same windows on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A year of history with what makes the bound matter: short blips, a 20-day window crossing
 * two month boundaries, chains of short windows (each under the minimum, together over it)
 * across each month boundary, maintenance announced and not, and one window open for 40 days.
 */
function history(nowMs: number): Row[] {
  const next = random(17);
  const states: WindowState[] = ['major_outage', 'partial_outage', 'degraded', 'maintenance'];
  const rows: Row[] = [];
  for (let dayMs = nowMs - 365 * DAY; dayMs < nowMs - DAY; dayMs += 3 * DAY) {
    const startMs = dayMs + Math.floor(next() * 1440) * MINUTE;
    const state = states[Math.floor(next() * 4)] as WindowState;
    rows.push({
      state,
      startMs,
      endMs: startMs + (1 + Math.floor(next() * 90)) * MINUTE,
      ...(state === 'maintenance' && next() < 0.5 ? { announcedAtMs: startMs - 3 * DAY } : {}),
    });
  }
  rows.push({
    state: 'degraded',
    startMs: Date.parse('2026-03-20T00:00:00Z'),
    endMs: Date.parse('2026-04-09T00:00:00Z'),
  });
  for (let month = '2026-01'; month <= '2026-11'; month = shiftPeriod(month, 1)) {
    const boundaryMs = periodBounds(month, 'UTC').startMs;
    for (let k = -3; k < 3; k += 1) {
      rows.push({
        state: 'major_outage',
        startMs: boundaryMs + k * 4 * MINUTE,
        endMs: boundaryMs + (k * 4 + 4) * MINUTE,
      });
    }
  }
  rows.push({ state: 'partial_outage', startMs: nowMs - 40 * DAY, endMs: null });
  return rows;
}

async function writeHistory(t: TestApp, serviceId: number, rows: Row[]): Promise<void> {
  const now = new Date(t.clock.now());
  await t.db.write(async (tx) => {
    await bumpStatusVersion(tx, now.getTime());
    await tx.insert(windows).values(
      rows.map((row, n) => ({
        serviceId,
        externalId: `history:${n}`,
        state: row.state,
        start: new Date(row.startMs),
        end: row.endMs === null ? null : new Date(row.endMs),
        announcedAt: row.announcedAtMs === undefined ? null : new Date(row.announcedAtMs),
        source: 'seed' as const,
        requestFingerprint: '',
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
}

/** The engine on every window of the service, as stored now: no bound, no cache. */
async function engineFigures(t: TestApp, serviceId: number, month: string) {
  const rows = await t.db.client.execute({
    sql: 'SELECT external_id, state, start, "end", announced_at FROM windows WHERE service_id = ? ORDER BY start',
    args: [serviceId],
  });
  const bounds = periodBounds(month, 'UTC');
  return evaluateCase(
    {
      period: month,
      asOf: formatInstant(Math.min(t.clock.now(), bounds.endMs)),
      agreement: {
        timeZone: 'UTC',
        start: '2025-01-01T00:00:00.000Z',
        end: null,
        monthlyFeeMinor: 200_000,
        currency: 'USD',
      },
      policy: policySchema.parse(RULES),
      monitoredSince: '2024-01-01T00:00:00.000Z',
      windows: rows.rows.map((row) => ({
        id: String(row.external_id),
        state: row.state as WindowState,
        start: formatInstant(Number(row.start)),
        end: row.end === null ? null : formatInstant(Number(row.end)),
        announcedAt: row.announced_at === null ? null : formatInstant(Number(row.announced_at)),
      })),
    },
    { includeDays: true, ignoredScope: 'period' },
  );
}

/**
 * The engine's fields of an item, and of the engine's own result. Explanations name each
 * window by its position in the list handed in (`index`): the engine was handed every
 * window, the portal only those the month needs, so positions are left out.
 */
function figuresOf(item: Record<string, unknown>, engine: EvaluationResult) {
  const withoutIndex = (value: unknown) =>
    Array.isArray(value)
      ? value.map(({ index: _, ...rest }: Record<string, unknown>) => rest)
      : value;
  return Object.fromEntries(
    Object.keys(engine).map((key) => [
      key,
      key === 'counted' || key === 'ignored' ? withoutIndex(item[key]) : item[key],
    ]),
  );
}

function engineOnly(engine: EvaluationResult) {
  return figuresOf(engine as unknown as Record<string, unknown>, engine);
}

async function world() {
  const t = await testApp({ now: NOW });
  const w = await claimWorld(t, { rules: RULES });
  await writeHistory(t, w.service.id, history(t.clock.now()));
  const availability = async (query: string) => {
    const response = await t.app.request(`/api/v1/me/availability?${query}`, {
      headers: w.a.headers,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { items: Record<string, unknown>[] };
  };
  return { t, w, availability };
}

describe('a customer month, read at scale', () => {
  it('gives the engine’s figures on all of the service’s windows, month by month, then cached', async () => {
    const { t, w, availability } = await world();
    const months = Array.from({ length: 12 }, (_, n) => shiftPeriod('2025-12', n));
    // Each month first on its own: the narrowest fetch, where a bound too tight shows.
    const singles: Record<string, unknown>[] = [];
    for (const month of months) {
      const { items } = await availability(
        `period=${month}&days=true&agreementId=${w.agreementA.id}`,
      );
      expect(items).toHaveLength(1);
      const item = items[0] as Record<string, unknown>;
      const engine = await engineFigures(t, w.service.id, month);
      expect(figuresOf(item, engine)).toEqual(engineOnly(engine));
      singles.push(item);
    }
    // The history is not trivial: months miss their target, some through boundary runs.
    expect(singles.filter((item) => item.met === false).length).toBeGreaterThan(3);
    // The year at once, twice (closed months from the cache): the same figures.
    const query = `from=2025-12&to=2026-11&days=true&agreementId=${w.agreementA.id}`;
    for (let round = 0; round < 2; round += 1) {
      const { items } = await availability(query);
      expect(items.map((item) => item.month)).toEqual(months);
      expect(items.map((item, n) => figuresOf(item, singles[n] as never))).toEqual(
        singles.map((item) => figuresOf(item, item as never)),
      );
    }
  });

  it('shows a correction of a closed month at once', async () => {
    const { t, w, availability } = await world();
    const month = '2026-06';
    const before = (await availability(`period=${month}`)).items[0] as Record<string, unknown>;
    // A 6-hour major outage in June, written by staff as a correction of a blip in it.
    const [blip] = (
      await t.db.client.execute({
        sql: `SELECT id FROM windows WHERE service_id = ? AND "end" IS NOT NULL AND start >= ? AND "end" < ? ORDER BY start LIMIT 1`,
        args: [
          w.service.id,
          Date.parse('2026-06-10T00:00:00Z'),
          Date.parse('2026-06-25T00:00:00Z'),
        ],
      })
    ).rows;
    const response = await t.app.request(
      `/api/v1/staff/windows/${Number(blip?.id)}/corrections`,
      json(
        'POST',
        {
          state: 'major_outage',
          end: new Date(Date.parse('2026-06-25T00:00:00Z')).toISOString(),
          reason: 'The monitor lost its connection; the outage lasted until the 25th.',
        },
        w.admin.headers,
      ),
    );
    expect(response.status).toBe(201);
    const after = (await availability(`period=${month}`)).items[0] as Record<string, unknown>;
    expect(after.downtimeMs).toBeGreaterThan(before.downtimeMs as number);
    const { days: _, ...engine } = await engineFigures(t, w.service.id, month);
    expect(figuresOf(after, engine as EvaluationResult)).toEqual(
      engineOnly(engine as EvaluationResult),
    );
  });

  it('sees another process’s write through the status version, and only then', async () => {
    const { t, w, availability } = await world();
    const month = '2026-05';
    const before = (await availability(`period=${month}`)).items[0] as Record<string, unknown>;
    // Another process on the same database file: a window changed around this process.
    const other = await createDb({ url: `file:${t.db.path}` });
    try {
      const moved = {
        sql: 'UPDATE windows SET "end" = start + ? WHERE service_id = ? AND start >= ? AND start < ? AND "end" IS NOT NULL',
        args: [
          3 * HOUR,
          w.service.id,
          Date.parse('2026-05-01T12:00:00Z'),
          Date.parse('2026-05-31T00:00:00Z'),
        ],
      };
      await other.client.execute(moved);
      // Written without the version: this process keeps the figures it had (what a write
      // around the API's writers costs), which shows they came from the cache.
      expect((await availability(`period=${month}`)).items[0]).toEqual(before);
      await other.client.execute('UPDATE status_version SET version = version + 1 WHERE id = 1');
    } finally {
      other.close();
    }
    const after = (await availability(`period=${month}`)).items[0] as Record<string, unknown>;
    expect(after.downtimeMs).toBeGreaterThan(before.downtimeMs as number);
    const { days: _, ...engine } = await engineFigures(t, w.service.id, month);
    expect(figuresOf(after, engine as EvaluationResult)).toEqual(
      engineOnly(engine as EvaluationResult),
    );
  });

  it('answers /me/agreements from closed months that follow a correction', async () => {
    const t = await testApp({ now: NOW });
    const w = await claimWorld(t, { rules: RULES });
    await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-09-10T00:00:00Z',
      end: '2026-09-10T03:00:00Z',
    });
    // A blip under the 10-minute minimum: August meets its target.
    const blip = await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-08-10T00:00:00Z',
      end: '2026-08-10T00:05:00Z',
    });
    const termination = async () => {
      const response = await t.app.request('/api/v1/me/agreements', { headers: w.a.headers });
      expect(response.status).toBe(200);
      return (await response.json()).items[0].termination;
    };
    const expected = (missed: string[]) => ({
      rule: { missedPeriods: 2, withinPeriods: 6 },
      earned: missed.length >= 2,
      consideredPeriods: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
      missedPeriods: missed.map((period) => ({ period, services: ['api'] })),
    });
    expect(await termination()).toEqual(expected(['2026-09']));
    expect(await termination()).toEqual(expected(['2026-09']));
    const response = await t.app.request(
      `/api/v1/staff/windows/${blip.id}/corrections`,
      json(
        'POST',
        { end: '2026-08-10T02:00:00Z', reason: 'The outage lasted two hours.' },
        w.admin.headers,
      ),
    );
    expect(response.status).toBe(201);
    expect(await termination()).toEqual(expected(['2026-08', '2026-09']));
  });
});
