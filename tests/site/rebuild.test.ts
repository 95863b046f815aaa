import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildsDirOf,
  nextUtcMidnightMs,
  type RebuildTimings,
  startSiteRebuilds,
} from '../../api/site-rebuild.ts';
import { createService, createUser } from '../helpers/factories.ts';
import { appOn, ingestIncident, startSitePortal } from './fixture.ts';

/** The time of vi's fake timers (set below): never the machine's. */
function fakeTimersNow(): number {
  const mocked = vi.getMockedSystemTime();
  if (mocked === null) throw new Error('fake timers are not installed');
  return mocked.getTime();
}

const TIMINGS: RebuildTimings = {
  pollMs: 1_000,
  quietMs: 3_000,
  maxDelayMs: 20_000,
  retryMs: 60_000,
  midnightDelayMs: 5_000,
  removeAfterMs: 60_000,
};

describe('nextUtcMidnightMs', () => {
  it.each([
    ['2026-11-27T13:45:00Z', '2026-11-28T00:00:00Z'],
    ['2026-11-27T00:00:00Z', '2026-11-28T00:00:00Z'],
    ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00Z'],
  ])('after %s is %s', (now, next) => {
    expect(new Date(nextUtcMidnightMs(Date.parse(now))).toISOString()).toBe(
      new Date(next).toISOString(),
    );
  });
});

/** The rebuild schedule on fake timers, with a build that only records and writes a page. */
describe('site rebuilds', () => {
  let dir: string;
  let fingerprint: string;
  let builds: { outDir: string; atMs: number }[];
  let buildMs: number;
  let failNext: number;
  let logs: string[];
  let site: { root: string; setRoot(next: string): void };

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:00Z') });
    dir = mkdtempSync(join(tmpdir(), 'portal-rebuild-'));
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'index.html'), 'first build');
    fingerprint = 'v1';
    builds = [];
    buildMs = 0;
    failNext = 0;
    logs = [];
    site = {
      root: join(dir, 'site'),
      setRoot(next) {
        this.root = next;
      },
    };
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(options: { rebuildAtStart?: boolean; timings?: Partial<RebuildTimings> } = {}) {
    return startSiteRebuilds({
      site,
      siteDir: join(dir, 'site'),
      build: async (outDir) => {
        if (buildMs > 0) await new Promise((done) => setTimeout(done, buildMs));
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('astro build failed');
        }
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'index.html'), `build ${builds.length + 2}`);
        builds.push({ outDir, atMs: fakeTimersNow() });
      },
      fingerprint: async () => fingerprint,
      clock: { now: fakeTimersNow },
      log: (line) => logs.push(line),
      rebuildAtStart: options.rebuildAtStart ?? false,
      timings: { ...TIMINGS, ...options.timings },
    });
  }

  it('does nothing while the status stays the same', async () => {
    const rebuilds = start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(builds).toEqual([]);
    expect(site.root).toBe(join(dir, 'site'));
    await rebuilds.stop();
  });

  it('builds a burst of changes once, after it goes quiet, and swaps the new folder in', async () => {
    const rebuilds = start();
    const startMs = fakeTimersNow();
    await vi.advanceTimersByTimeAsync(1_000);
    for (const version of ['v2', 'v3', 'v4']) {
      fingerprint = version;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(builds).toHaveLength(1);
    // Last change seen at +4 s; quiet for 3 s; the tick after that builds.
    expect((builds[0]?.atMs ?? 0) - startMs).toBeLessThanOrEqual(8_000);
    expect(site.root).toBe(builds[0]?.outDir);
    expect(builds[0]?.outDir.startsWith(buildsDirOf(join(dir, 'site')))).toBe(true);
    expect(logs.some((line) => line.startsWith('Site rebuilt (status changed)'))).toBe(true);
    await rebuilds.stop();
  });

  it('builds within the longest delay while changes keep coming', async () => {
    const rebuilds = start();
    const startMs = fakeTimersNow();
    for (let second = 1; second <= 40; second += 1) {
      fingerprint = `v${second}`;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect((builds[0]?.atMs ?? 0) - startMs).toBeLessThanOrEqual(TIMINGS.maxDelayMs + 2_000);
    await rebuilds.stop();
  });

  it('builds a change that arrives during a build after it', async () => {
    buildMs = 10_000;
    const rebuilds = start();
    await vi.advanceTimersByTimeAsync(1_000);
    fingerprint = 'v2';
    await vi.advanceTimersByTimeAsync(6_000); // the first build is under way
    fingerprint = 'v3';
    await vi.advanceTimersByTimeAsync(40_000);
    expect(builds).toHaveLength(2);
    expect(site.root).toBe(builds[1]?.outDir);
    await rebuilds.stop();
  });

  it('keeps serving the previous build when a build fails, and tries again later', async () => {
    failNext = 1;
    const rebuilds = start();
    await vi.advanceTimersByTimeAsync(1_000);
    fingerprint = 'v2';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(builds).toEqual([]);
    expect(site.root).toBe(join(dir, 'site'));
    expect(logs.some((line) => line.includes('Site rebuild failed'))).toBe(true);
    await vi.advanceTimersByTimeAsync(TIMINGS.retryMs);
    expect(builds).toHaveLength(1);
    expect(site.root).toBe(builds[0]?.outDir);
    await rebuilds.stop();
  });

  it('rebuilds after each UTC midnight', async () => {
    vi.setSystemTime(Date.parse('2026-11-27T23:59:00Z'));
    const rebuilds = start();
    await vi.advanceTimersByTimeAsync(60_000 + TIMINGS.midnightDelayMs + TIMINGS.quietMs + 2_000);
    expect(builds).toHaveLength(1);
    expect(builds[0]?.atMs).toBeGreaterThan(Date.parse('2026-11-28T00:00:00Z'));
    expect(logs.some((line) => line.startsWith('Site rebuilt (a new UTC day)'))).toBe(true);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(builds).toHaveLength(2);
    await rebuilds.stop();
  });

  it('rebuilds at start a site built before it, and removes replaced builds, never the first', async () => {
    const rebuilds = start({ rebuildAtStart: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(builds).toHaveLength(1);
    fingerprint = 'v2';
    await vi.advanceTimersByTimeAsync(6_000);
    expect(builds).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(TIMINGS.removeAfterMs + 1_000);
    expect(existsSync(builds[0]?.outDir ?? '')).toBe(false);
    expect(existsSync(builds[1]?.outDir ?? '')).toBe(true);
    expect(existsSync(join(dir, 'site', 'index.html'))).toBe(true);
    expect(readdirSync(buildsDirOf(join(dir, 'site')))).toHaveLength(1);
    await rebuilds.stop();
  });
});

/** The real thing: Astro builds the site again after an incident is ingested. */
describe('under startPortal', () => {
  it('rebuilds the page without JavaScript after a status change', async () => {
    const site = await startSitePortal({
      arrange: async (db, env, clock) => {
        const t = appOn(db, env, clock);
        await createUser(t, 'admin');
        await createService(t, 'api', { group: 'core', monitoredSince: '2026-01-01T00:00:00Z' });
        await createService(t, 'web', { group: 'core', monitoredSince: '2026-01-01T00:00:00Z' });
      },
      // A build from before this start: the portal serves it, then rebuilds at once.
      beforeStart: (siteDir) => {
        mkdirSync(siteDir, { recursive: true });
        writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>old</title>old build');
      },
      siteRebuilds: { pollMs: 200, quietMs: 300, maxDelayMs: 2_000, removeAfterMs: 200 },
    });
    try {
      const page = () => fetch(`${site.origin}/`).then((response) => response.text());
      expect(await page()).toContain('old build');
      // Deadlines only so that a failure ends the test: builds are slow on a busy machine.
      await expect.poll(page, { timeout: 120_000, interval: 500 }).toContain('API');

      const incident = await ingestIncident(site, {
        externalId: 'rebuild-test:1',
        title: 'Checkout latency above target',
        services: ['api'],
      });
      await expect
        .poll(page, { timeout: 120_000, interval: 500 })
        .toContain('Checkout latency above target');
      const incidentPage = await fetch(`${site.origin}/incidents/${incident.id}/`);
      expect(incidentPage.status).toBe(200);
      expect(site.log.filter((line) => line.startsWith('Site rebuilt'))).toHaveLength(2);
    } finally {
      await site.close();
    }
  }, 300_000);
});
