import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv, type ServerEnv } from '../../api/env.ts';
import { type RunningPortal, startPortal } from '../../api/portal.ts';
import { TEST_PASSWORD_HASHING } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import { createApiKey, createService, createUser } from '../helpers/factories.ts';
import { appOn, siteClock } from './fixture.ts';

/**
 * `npm start` again on the same database and site folder: the site is rebuilt only when
 * what it shows could have changed (docs/decisions/176).
 */
describe('a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the last build without rebuilding on an unchanged database, and rebuilds after a change', async () => {
    const db = await tempDb();
    const clock = siteClock();
    const parsed = readEnv({
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${db.path}`,
      PORTAL_SITE_DIR: join(dir, 'site'),
      PORTAL_DEMO: '0',
    });
    const env: ServerEnv = {
      ...parsed,
      config: { ...parsed.config, passwordHashing: TEST_PASSWORD_HASHING },
    };
    const t = appOn(db, env, clock);
    const admin = await createUser(t, 'admin');
    await createService(t, 'api', { group: 'core', monitoredSince: '2026-01-01T00:00:00Z' });
    const log: string[] = [];
    const timings = { pollMs: 100, quietMs: 100, maxDelayMs: 500, removeAfterMs: 100 };
    const start = () =>
      startPortal({
        env,
        database: db,
        clock,
        log: (line) => log.push(line),
        siteRebuilds: timings,
      });
    const home = (portal: RunningPortal) =>
      fetch(`${portal.origin}/`).then((response) => response.text());
    let portal: RunningPortal | undefined;
    const stop = async () => {
      const running = portal;
      portal = undefined;
      await running?.close();
    };
    try {
      portal = await start();
      expect(log).toContain('Building the site (first start)…');
      const firstPage = await home(portal);
      await stop();

      log.length = 0;
      portal = await start();
      expect(log).toContain('The site is unchanged since its last build: not rebuilt.');
      // Far past the quiet time a rebuild at start would wait for.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(log.filter((line) => line.startsWith('Site rebuilt'))).toEqual([]);
      expect(await home(portal)).toBe(firstPage);
      await stop();

      // While the portal is down, a monitor's incident lands (another process, say).
      const key = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
      const ingested = await t.app.request('/api/v1/ingest/incidents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...key.headers },
        body: JSON.stringify({
          externalId: 'restart-test:1',
          title: 'Login errors for some customers',
          impact: 'major',
          status: 'investigating',
          body: 'Our monitors see errors.',
          services: ['api'],
        }),
      });
      expect(ingested.status).toBe(201);

      log.length = 0;
      const restarted = await start();
      portal = restarted;
      expect(log.some((line) => line.includes('not rebuilt'))).toBe(false);
      await expect
        .poll(() => home(restarted), { timeout: 120_000, interval: 500 })
        .toContain('Login errors for some customers');
      expect(log.filter((line) => line.startsWith('Site rebuilt (start)'))).toHaveLength(1);
      await stop();

      // Nothing changed since that rebuild: the next start serves it as it is.
      log.length = 0;
      portal = await start();
      expect(log).toContain('The site is unchanged since its last build: not rebuilt.');
      expect(await home(portal)).toContain('Login errors for some customers');
    } finally {
      await stop();
      db.dispose();
    }
  }, 300_000);
});
