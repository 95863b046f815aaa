import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import type { ServerEnv } from '../../api/env.ts';
import { EARLIEST_INSTANT_MS } from '../../api/instant-range.ts';
import { type RunningPortal, startPortal } from '../../api/portal.ts';
import { windows } from '../../db/schema/index.ts';
import type { TestApp } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { createApiKey, createService, createUser, signedIn } from '../helpers/factories.ts';
import { prebuiltSitePortalEnv } from '../helpers/prebuilt-site.ts';

// Issue 11's acceptance: /healthz keeps answering while the largest ingest the bounds allow
// runs, and the largest correction after it, through a real server on loopback. How long the
// event loop stalls is measured by `node bench/bounded-work.ts` (docs/benchmarks.md), not
// asserted here: a timed bound would fail on a busy machine (docs/decisions/182).

const NOW_MS = Date.parse('2026-11-30T12:00:00Z');
const DAY_MS = 86_400_000;

let removeSite: () => void;
let db: TempDb;
let portal: RunningPortal;
let env: ServerEnv;
let t: TestApp;

beforeAll(async () => {
  db = await tempDb();
  ({ env, remove: removeSite } = prebuiltSitePortalEnv(db.path, 'portal-healthz-'));
  const clock = manualClock(NOW_MS);
  t = { app: createApp({ db, clock, config: env.config }), db, clock, config: env.config };
  portal = await startPortal({
    env,
    database: db,
    clock,
    log: () => undefined,
    siteRebuilds: false,
  });
});

afterAll(async () => {
  await portal.close();
  db.dispose();
  removeSite();
});

/**
 * Sends `work` and, until it answers, asks /healthz one request after another; how many
 * /healthz answers came while the work was still running, and the work's answer. A server
 * that held its event loop for the whole work would answer none of them before it.
 */
async function healthzWhile(work: () => Promise<Response>) {
  let done = false;
  const running = work().finally(() => {
    done = true;
  });
  let answeredMeanwhile = 0;
  while (!done) {
    const response = await fetch(`${portal.origin}/healthz`);
    expect(response.status).toBe(200);
    await response.text();
    if (!done) answeredMeanwhile += 1;
  }
  return { response: await running, answeredMeanwhile };
}

describe('/healthz during the largest allowed work', () => {
  it('keeps answering while the longest window the bounds allow is ingested, then corrected', async () => {
    // Monitoring began so that the backfill horizon reaches back to the earliest instant the
    // API takes: the longest window there can be, over every day since 2000.
    const service = await createService(t, 'api', {
      monitoredSince: new Date(
        EARLIEST_INSTANT_MS + env.config.backfillDays * DAY_MS,
      ).toISOString(),
    });
    // A monitor's year of short outages, which every refresh over them reads.
    await db.write(async (tx) => {
      const rows = Array.from({ length: 365 * 10 }, (_, i) => {
        const startMs = NOW_MS - 366 * DAY_MS + i * (DAY_MS / 10);
        return {
          serviceId: service.id,
          externalId: `history:${i}`,
          state: 'partial_outage' as const,
          start: new Date(startMs),
          end: new Date(startMs + 5 * 60_000),
          source: 'seed' as const,
          requestFingerprint: '',
          createdAt: new Date(NOW_MS),
          updatedAt: new Date(NOW_MS),
        };
      });
      for (let i = 0; i < rows.length; i += 500)
        await tx.insert(windows).values(rows.slice(i, i + 500));
    });
    const admin = await createUser(t, 'admin');
    const key = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
    const session = await signedIn(t, admin.id);
    const post = (path: string, body: unknown, headers: Record<string, string>) => () =>
      fetch(`${portal.origin}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    const ingest = await healthzWhile(
      post(
        '/ingest/windows',
        {
          externalId: 'largest',
          service: 'api',
          state: 'major_outage',
          start: new Date(EARLIEST_INSTANT_MS).toISOString(),
          end: new Date(NOW_MS + env.config.clockSkewMs).toISOString(),
        },
        key.headers,
      ),
    );
    expect(ingest.response.status, await ingest.response.clone().text()).toBe(201);
    const window = (await ingest.response.json()) as { id: number };
    const correction = await healthzWhile(
      post(
        `/staff/windows/${window.id}/corrections`,
        { state: 'partial_outage', reason: 'The largest correction: every day of the window.' },
        { ...session.headers, origin: portal.origin },
      ),
    );
    expect(correction.response.status, await correction.response.clone().text()).toBe(201);

    // Every day since 2000 got its roll-up: the work was done, not skipped.
    const rollups = await db.client.execute(
      'SELECT count(*) AS n, min(day) AS first FROM daily_rollups',
    );
    expect(rollups.rows[0]).toMatchObject({ first: '2000-01-01' });
    expect(Number(rollups.rows[0]?.n)).toBeGreaterThan(9_800);

    expect(ingest.answeredMeanwhile).toBeGreaterThan(0);
    expect(correction.answeredMeanwhile).toBeGreaterThan(0);
  }, 120_000);
});
