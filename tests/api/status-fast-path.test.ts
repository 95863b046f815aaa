import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { VERSION_CHECK_INTERVAL_MS } from '../../api/infra/status-cache.ts';
import { startPortal } from '../../api/portal.ts';
import { createDb } from '../../db/client.ts';
import type { TestApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import { createService, json } from '../helpers/factories.ts';
import { captureLog } from '../helpers/log.ts';
import { prebuiltSitePortalEnv } from '../helpers/prebuilt-site.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The portal as `npm start` runs it (its listener in front of the API), over a database
 * that `t` (an app in the same process, sharing the connection) writes, with its request log.
 * `services` are made before it starts (the portal reads the status as it starts, and a
 * factory's direct insert does not tell its cache).
 */
async function portalWithLog(services: string[] = ['api']) {
  const db = await tempDb();
  cleanups.push(() => db.dispose());
  const { env, remove } = prebuiltSitePortalEnv(db.path, 'portal-status-fast-');
  cleanups.push(remove);
  const clock = manualClock(Date.parse('2026-03-14T12:00:00Z'));
  const t: TestApp = {
    app: createApp({ db, clock, config: env.config }),
    db,
    clock,
    config: env.config,
  };
  for (const slug of services) await createService(t, slug);
  const log = captureLog();
  const portal = await startPortal({
    env,
    database: db,
    clock,
    log: () => undefined,
    logger: log.logger,
    siteRebuilds: false,
    outboxWorker: false,
  });
  cleanups.push(() => portal.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${portal.origin}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });
  return { t, log, get, env };
}

/** A response's headers but the ones that differ per request. */
function stableHeaders(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  delete headers['x-request-id'];
  delete headers.date;
  delete headers.connection;
  delete headers['keep-alive'];
  return headers;
}

const serviceState = async (response: Response) =>
  (await expectStatus(response, 200)).services.find(
    (service: { slug: string }) => service.slug === 'api',
  ).state;

describe('GET /api/v1/status at the portal, answered before the app while the cache is current', () => {
  it('sends the same bytes, headers and request log line as the app, and the same 304', async () => {
    const { t, log, get } = await portalWithLog();
    // The first fills the cache (through the app); the next ones are served from it.
    const answers = [await get('/api/v1/status'), await get('/api/v1/status')];
    const fromApp = await t.app.request('/api/v1/status', {
      headers: { 'accept-encoding': 'identity' },
    });
    const body = await fromApp.text();
    const appHeaders = stableHeaders(fromApp);
    expect(appHeaders['content-security-policy']).toBeDefined();
    expect(appHeaders['cache-control']).toMatch(/^public, max-age=/);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe(body);
      // The portal's listener adds the length the app leaves to it.
      expect(stableHeaders(answer)).toEqual({
        ...appHeaders,
        'content-length': String(Buffer.byteLength(body)),
      });
    }
    const etag = fromApp.headers.get('etag') ?? '';
    const revalidated = await get('/api/v1/status', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const app304 = await t.app.request('/api/v1/status', { headers: { 'if-none-match': etag } });
    expect(stableHeaders(revalidated)).toEqual(stableHeaders(app304));

    const portalAnswers = [...answers, revalidated];
    const lines = log.lines();
    expect(lines).toHaveLength(portalAnswers.length);
    lines.forEach((line, index) => {
      expect(line).toEqual({
        level: 30,
        time: expect.any(Number),
        msg: 'request',
        requestId: portalAnswers[index]?.headers.get('x-request-id'),
        method: 'GET',
        route: '/api/v1/status',
        status: index < answers.length ? 200 : 304,
        durationMs: expect.any(Number),
        principal: 'anonymous',
      });
    });
  });

  it('keeps a caller’s sane X-Request-Id and compresses for a client that takes it', async () => {
    const { t, get } = await portalWithLog(Array.from({ length: 20 }, (_, n) => `service-${n}`));
    await get('/api/v1/status');
    const response = await get('/api/v1/status', {
      'accept-encoding': 'gzip',
      'x-request-id': 'poll-42',
    });
    expect(response.headers.get('x-request-id')).toBe('poll-42');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    // fetch decodes it: the same document as the app's.
    expect(await response.text()).toBe(await (await t.app.request('/api/v1/status')).text());
  });

  it('shows a write in this process at once, and another process’s within the check interval', async () => {
    const { t, get, env } = await portalWithLog();
    const { monitor, key } = await statusActors(t);
    expect(await serviceState(await get('/api/v1/status'))).toBe('operational');
    expect(await serviceState(await get('/api/v1/status'))).toBe('operational');
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'w1',
        service: 'api',
        state: 'major_outage',
        start: '2026-03-14T11:00:00Z',
      }),
      201,
    );
    expect(await serviceState(await get('/api/v1/status'))).toBe('major_outage');

    // Another process: its own connection, its own cache.
    const otherDb = await createDb({ url: env.databaseUrl });
    cleanups.push(() => otherDb.close());
    const otherApp = createApp({ db: otherDb, clock: t.clock, config: t.config });
    await expectStatus(
      await otherApp.request(
        '/api/v1/ingest/windows/w1',
        json('PATCH', { end: '2026-03-14T11:30:00Z' }, key.headers),
      ),
      200,
    );
    t.clock.advance(VERSION_CHECK_INTERVAL_MS);
    expect(await serviceState(await get('/api/v1/status'))).toBe('operational');
  });

  it('sends a caller with credentials or a query the whole way, even with the cache current', async () => {
    const { get } = await portalWithLog();
    await get('/api/v1/status');
    const unknownKey = await get('/api/v1/status', { authorization: 'Bearer not-a-key' });
    expect(unknownKey.status).toBe(401);
    const keyInUrl = await get('/api/v1/status?api_key=not-a-key');
    expect(keyInUrl.status).toBe(400);
  });
});
