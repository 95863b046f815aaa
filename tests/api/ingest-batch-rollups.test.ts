// A batch refreshes the roll-ups of every (service, run of days) it touched in a few
// statements for all of them (docs/decisions/179). They must be what a rebuild from the
// windows gives, including days that already had roll-ups and windows across midnight.
import { describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../api/services/rollups.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STATES = ['major_outage', 'partial_outage', 'degraded', 'maintenance'] as const;

async function rollups(t: TestApp) {
  const result = await t.db.client.execute(
    'SELECT service_id, day, major_ms, partial_ms, degraded_ms, maintenance_ms FROM daily_rollups ORDER BY service_id, day',
  );
  return result.rows.map((row) => ({ ...row }));
}

describe('batch roll-ups', () => {
  it('equal a rebuild from the windows, batch after batch, over services and days', async () => {
    const t = await testApp({ now: '2026-03-20T12:00:00Z' });
    const slugs = ['api', 'web', 'db', 'queue'];
    const services = [];
    for (const slug of slugs) services.push(await createService(t, slug));
    const { monitor } = await statusActors(t);
    const baseMs = Date.parse('2026-03-10T20:00:00Z');
    // Three batches whose windows overlap each other's days (and each other), some crossing
    // midnight, some open: later batches must replace the days earlier ones wrote.
    for (let batch = 0; batch < 3; batch += 1) {
      const windows = Array.from({ length: 120 }, (_, n) => {
        const startMs = baseMs + (n * 37 + batch * 53) * MINUTE;
        const lengthMs = (n % 7 === 0 ? 9 * HOUR : 20 * MINUTE) + batch * MINUTE;
        return {
          externalId: `batch:${batch}:${n}`,
          service: slugs[(n + batch) % slugs.length],
          state: STATES[(n + batch) % STATES.length],
          start: new Date(startMs).toISOString(),
          end: n % 11 === 5 ? null : new Date(startMs + lengthMs).toISOString(),
        };
      });
      const body = await expectStatus(
        await monitor('POST', '/ingest/windows/batch', { windows }),
        200,
      );
      expect(body.created).toBe(120);
    }
    const written = await rollups(t);
    // Every service has several days, each with something counted.
    expect(new Set(written.map((row) => row.service_id)).size).toBe(4);
    expect(written.length).toBeGreaterThan(4 * 2);
    for (const service of services) {
      await t.db.write((tx) => rebuildRollups(tx, service.id));
    }
    expect(written).toEqual(await rollups(t));
  });
});
