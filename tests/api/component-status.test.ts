import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import { createService } from '../helpers/factories.ts';
import { claimWorld } from '../helpers/sla-fixtures.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

/**
 * Issue 10: staff set each affected component's status on an incident; while a component
 * is held in an outage the incident has a window on it, which the status page shows and
 * the SLA figures count (docs/decisions/090-component-status-from-incidents.md).
 */

const MINUTE = 60_000;

async function setup() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  // Customer A has an agreement on `api` (UTC, default weights: major 1, partial 0.3).
  const world = await claimWorld(t);
  await createService(t, 'web');
  const actors = await statusActors(t);
  const call = (headers: Record<string, string>) => (path: string) =>
    t.app.request(`/api/v1${path}`, { headers });
  return { t, world, ...actors, asCustomerA: call(world.a.headers) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

interface WindowBody {
  id: number;
  externalId: string;
  state: string;
  start: string;
  end: string | null;
  source: string;
  incidentId: number | null;
  author: { id: number; email: string } | null;
}

/** The service's windows, oldest first, as staff see them. */
async function windowsOf(s: Setup, service: string): Promise<WindowBody[]> {
  const page = await expectStatus(await s.asAgent('GET', `/staff/windows?service=${service}`), 200);
  return [...(page.items as WindowBody[])].reverse();
}

async function stateOf(
  s: Setup,
  service: string,
): Promise<{ state: string; since: string | null }> {
  const status = await expectStatus(await s.anonymous('GET', '/status'), 200);
  const found = status.services.find((entry: { slug: string }) => entry.slug === service);
  return { state: found.state, since: found.since };
}

async function downtimeMs(s: Setup, period: string): Promise<number> {
  const response = await s.asCustomerA(`/me/availability?period=${period}`);
  const body = await expectStatus(response, 200);
  expect(body.items).toHaveLength(1);
  return body.items[0].downtimeMs;
}

const opening = {
  title: 'Public API unavailable',
  impact: 'major',
  body: 'The API answers 503 to every request; we are on it.',
};

describe('a component held in an outage by staff', () => {
  it('shows on the status page, has a window with its author, and moves with each update', async () => {
    const s = await setup();
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        services: ['web'],
        components: [{ service: 'api', status: 'major_outage' }],
      }),
      201,
    );
    expect(created.components).toEqual([
      { service: 'api', status: 'major_outage' },
      { service: 'web', status: 'operational' },
    ]);
    expect(created.services).toEqual(['api', 'web']);
    expect(created.updates[0].components).toEqual([{ service: 'api', status: 'major_outage' }]);
    await expect(stateOf(s, 'api')).resolves.toEqual({
      state: 'major_outage',
      since: '2026-03-14T12:00:00.000Z',
    });
    await expect(stateOf(s, 'web')).resolves.toEqual({ state: 'operational', since: null });
    const status = await expectStatus(await s.anonymous('GET', '/status'), 200);
    expect(status.overall.state).toBe('outage');
    expect(status.activeIncidents[0].components).toEqual(created.components);
    expect(await windowsOf(s, 'api')).toEqual([
      expect.objectContaining({
        externalId: `incident:${created.id}:api:1`,
        state: 'major_outage',
        start: '2026-03-14T12:00:00.000Z',
        end: null,
        source: 'incident',
        incidentId: created.id,
        author: { id: s.agent.id, email: s.agent.email },
      }),
    ]);
    expect(await windowsOf(s, 'web')).toEqual([]);

    // Half an hour later, an admin eases it to degraded: one window closes, the next opens.
    s.t.clock.set(Date.parse('2026-03-14T12:30:00Z'));
    const eased = await expectStatus(
      await s.asAdmin('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'identified',
        body: 'Traffic is served again, slowly.',
        components: [{ service: 'api', status: 'degraded' }],
      }),
      201,
    );
    expect(eased.updates[1].components).toEqual([{ service: 'api', status: 'degraded' }]);
    const afterEase = await windowsOf(s, 'api');
    expect(afterEase.map((w) => [w.externalId, w.state, w.start, w.end, w.author?.id])).toEqual([
      [
        `incident:${created.id}:api:1`,
        'major_outage',
        '2026-03-14T12:00:00.000Z',
        '2026-03-14T12:30:00.000Z',
        s.agent.id,
      ],
      [`incident:${created.id}:api:2`, 'degraded', '2026-03-14T12:30:00.000Z', null, s.admin.id],
    ]);
    await expect(stateOf(s, 'api')).resolves.toEqual({
      state: 'degraded',
      since: '2026-03-14T12:30:00.000Z',
    });

    // Restating the status it has writes no window (the update itself is recorded).
    s.t.clock.set(Date.parse('2026-03-14T12:45:00Z'));
    const restated = await expectStatus(
      await s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'monitoring',
        body: 'A fix is rolling out.',
        components: [{ service: 'api', status: 'degraded' }],
      }),
      201,
    );
    expect(restated.updates[2].components).toEqual([]);
    expect(await windowsOf(s, 'api')).toEqual(afterEase);

    // Resolving returns every component to operational and closes its window.
    s.t.clock.set(Date.parse('2026-03-14T13:00:00Z'));
    const resolved = await expectStatus(
      await s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'resolved',
        body: 'Fixed.',
      }),
      201,
    );
    expect(resolved.components).toEqual([
      { service: 'api', status: 'operational' },
      { service: 'web', status: 'operational' },
    ]);
    expect(resolved.updates[3].components).toEqual([{ service: 'api', status: 'operational' }]);
    expect((await windowsOf(s, 'api')).map((w) => w.end)).toEqual([
      '2026-03-14T12:30:00.000Z',
      '2026-03-14T13:00:00.000Z',
    ]);
    await expect(stateOf(s, 'api')).resolves.toEqual({ state: 'operational', since: null });

    // The day's roll-up holds the closed windows; the customer's figure counts the held
    // major outage (30 min) and not the degraded half hour (weight 0).
    const rollup = await s.t.db.client.execute(
      "SELECT major_ms, degraded_ms FROM daily_rollups WHERE day = '2026-03-14'",
    );
    expect(rollup.rows.map((row) => [row.major_ms, row.degraded_ms])).toEqual([
      [30 * MINUTE, 30 * MINUTE],
    ]);
    await expect(downtimeMs(s, '2026-03')).resolves.toBe(30 * MINUTE);

    // The public incident and the feed say what was set.
    const publicView = await expectStatus(
      await s.anonymous('GET', `/incidents/${created.id}`),
      200,
    );
    expect(publicView.updates.map((u: { components: unknown[] }) => u.components.length)).toEqual([
      1, 1, 0, 1,
    ]);
    expect(JSON.stringify(publicView)).not.toContain(s.agent.email);
    const feed = await (await s.anonymous('GET', '/feed.atom')).text();
    expect(feed).toContain('Affected: api, web.');
    expect(feed).toContain('[api: Major outage]');
    expect(feed).toContain('[api: Degraded performance]');
  });

  it('shows the worse of the held status and a monitor window, and counts their overlap once', async () => {
    const s = await setup();
    s.t.clock.set(Date.parse('2026-03-14T11:40:00Z'));
    await expectStatus(
      await s.monitor('POST', '/ingest/windows', {
        externalId: 'mon:api:1',
        service: 'api',
        state: 'partial_outage',
        start: '2026-03-14T11:40:00Z',
      }),
      201,
    );
    s.t.clock.set(Date.parse('2026-03-14T12:10:00Z'));
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        components: [{ service: 'api', status: 'major_outage' }],
      }),
      201,
    );
    await expect(stateOf(s, 'api')).resolves.toMatchObject({ state: 'major_outage' });
    // Resolved while the monitor still sees a partial outage: the page shows the monitor's.
    s.t.clock.set(Date.parse('2026-03-14T12:20:00Z'));
    await expectStatus(
      await s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'resolved',
        body: 'Our side is fixed.',
      }),
      201,
    );
    await expect(stateOf(s, 'api')).resolves.toEqual({
      state: 'partial_outage',
      since: '2026-03-14T11:40:00.000Z',
    });
    s.t.clock.set(Date.parse('2026-03-14T12:30:00Z'));
    await expectStatus(
      await s.monitor('PATCH', '/ingest/windows/mon:api:1', { end: '2026-03-14T12:30:00Z' }),
      200,
    );
    await expect(stateOf(s, 'api')).resolves.toEqual({ state: 'operational', since: null });
    // 12:10–12:20 major (10 min × 1) on top of 11:40–12:30 partial, of which 40 min are
    // not under the major outage (× 0.3 = 12 min): 22 min, not 10 + 50 × 0.3 = 25.
    await expect(downtimeMs(s, '2026-03')).resolves.toBe(22 * MINUTE);
  });

  it('lets the monitor that opened an incident resolve it, releasing what staff held', async () => {
    const s = await setup();
    const opened = await expectStatus(
      await s.monitor('POST', '/ingest/incidents', {
        externalId: 'mon:incident:1',
        title: 'API errors',
        services: ['api'],
        body: 'Checks failing.',
      }),
      201,
    );
    expect(opened.components).toEqual([{ service: 'api', status: 'operational' }]);
    expect(await windowsOf(s, 'api')).toEqual([]);
    s.t.clock.advance(5 * MINUTE);
    await expectStatus(
      await s.asAgent('POST', `/staff/incidents/${opened.id}/updates`, {
        status: 'identified',
        body: 'Partial outage in one region.',
        components: [{ service: 'api', status: 'partial_outage' }],
      }),
      201,
    );
    s.t.clock.advance(10 * MINUTE);
    const resolved = await expectStatus(
      await s.monitor('POST', '/ingest/incidents/mon:incident:1/updates', {
        status: 'resolved',
        body: 'Checks pass.',
      }),
      201,
    );
    expect(resolved.updates.at(-1)).toMatchObject({
      kind: 'automated',
      components: [{ service: 'api', status: 'operational' }],
    });
    expect((await windowsOf(s, 'api')).map((w) => [w.state, w.start, w.end])).toEqual([
      ['partial_outage', '2026-03-14T12:05:00.000Z', '2026-03-14T12:15:00.000Z'],
    ]);
  });

  it('drops a window set and changed at the same instant instead of leaving it empty', async () => {
    const s = await setup();
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        components: [{ service: 'api', status: 'major_outage' }],
      }),
      201,
    );
    const update = (status: string) =>
      s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'investigating',
        body: `Correction: ${status}.`,
        components: [{ service: 'api', status }],
      });
    await expectStatus(await update('partial_outage'), 201);
    expect((await windowsOf(s, 'api')).map((w) => [w.externalId, w.state, w.end])).toEqual([
      // The empty major-outage window went; its number is free again.
      [`incident:${created.id}:api:1`, 'partial_outage', null],
    ]);
    await expectStatus(await update('operational'), 201);
    expect(await windowsOf(s, 'api')).toEqual([]);
    await expect(stateOf(s, 'api')).resolves.toEqual({ state: 'operational', since: null });
  });
});

describe('during scheduled maintenance', () => {
  it('shows maintenance over a held degradation, and a held outage over maintenance', async () => {
    const s = await setup();
    await expectStatus(
      await s.asAgent('POST', '/staff/maintenance', {
        title: 'Database upgrade',
        services: ['api'],
        startsAt: '2026-03-14T12:30:00Z',
        endsAt: '2026-03-14T14:00:00Z',
        publish: true,
      }),
      201,
    );
    s.t.clock.set(Date.parse('2026-03-14T13:00:00Z'));
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        components: [{ service: 'api', status: 'degraded' }],
      }),
      201,
    );
    // Decision 006: degraded is expected during maintenance; an outage is news.
    await expect(stateOf(s, 'api')).resolves.toEqual({
      state: 'maintenance',
      since: '2026-03-14T12:30:00.000Z',
    });
    s.t.clock.advance(MINUTE);
    await expectStatus(
      await s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'identified',
        body: 'The upgrade failed; the API is down.',
        components: [{ service: 'api', status: 'major_outage' }],
      }),
      201,
    );
    await expect(stateOf(s, 'api')).resolves.toEqual({
      state: 'major_outage',
      since: '2026-03-14T13:01:00.000Z',
    });
  });
});

describe('who may change an incident window', () => {
  it('keeps monitors away from it; an admin corrects it with a reason', async () => {
    const s = await setup();
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        components: [{ service: 'api', status: 'major_outage' }],
      }),
      201,
    );
    const externalId = `incident:${created.id}:api:1`;
    s.t.clock.advance(20 * MINUTE);
    const closing = await s.monitor('PATCH', `/ingest/windows/${externalId}`, {
      end: '2026-03-14T12:10:00Z',
    });
    expect((await expectStatus(closing, 404)).error.code).toBe('NOT_FOUND');
    const squatting = await s.monitor('POST', '/ingest/windows', {
      externalId: `incident:${created.id + 1}:api:1`,
      service: 'api',
      state: 'degraded',
      start: '2026-03-14T12:00:00Z',
    });
    expect((await expectStatus(squatting, 422)).error.code).toBe('RESERVED_EXTERNAL_ID');
    const [window] = await windowsOf(s, 'api');
    expect(window).toMatchObject({ externalId, end: null });
    await expect(stateOf(s, 'api')).resolves.toMatchObject({ state: 'major_outage' });

    // The normal corrections path: admin only, with a reason.
    const body = {
      end: '2026-03-14T12:10:00Z',
      reason: 'Declared too long; the API was back at 12:10.',
    };
    await expectStatus(
      await s.asAgent('POST', `/staff/windows/${window?.id}/corrections`, body),
      403,
    );
    await expectStatus(
      await s.asAdmin('POST', `/staff/windows/${window?.id}/corrections`, body),
      201,
    );
    await expect(downtimeMs(s, '2026-03')).resolves.toBe(10 * MINUTE);
  });

  it('refuses to remove a held component by editing the incident; kept ones keep their status', async () => {
    const s = await setup();
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        services: ['web'],
        components: [{ service: 'api', status: 'partial_outage' }],
      }),
      201,
    );
    const removing = await s.asAgent('PATCH', `/staff/incidents/${created.id}`, {
      services: ['web'],
    });
    expect((await expectStatus(removing, 409)).error.code).toBe('COMPONENT_HELD');
    const edited = await expectStatus(
      await s.asAgent('PATCH', `/staff/incidents/${created.id}`, { services: ['api'] }),
      200,
    );
    expect(edited.components).toEqual([{ service: 'api', status: 'partial_outage' }]);
    await expect(stateOf(s, 'api')).resolves.toMatchObject({ state: 'partial_outage' });
  });
});

describe('bad component input', () => {
  async function countRows(s: Setup) {
    const result = await s.t.db.client.execute(
      'SELECT (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM windows) AS windows, (SELECT count(*) FROM incident_updates) AS updates',
    );
    const row = result.rows[0];
    return [Number(row?.incidents), Number(row?.windows), Number(row?.updates)];
  }

  it.each([
    [
      'an unknown service',
      [{ service: 'nope', status: 'major_outage' }],
      422,
      'UNKNOWN_SERVICE',
      'components.0.service',
    ],
    [
      'an unknown status',
      [{ service: 'api', status: 'down' }],
      400,
      'INVALID_INPUT',
      'components.0.status',
    ],
    [
      'a component twice',
      [
        { service: 'api', status: 'major_outage' },
        { service: 'api', status: 'degraded' },
      ],
      400,
      'INVALID_INPUT',
      'components.1.service',
    ],
    [
      'an unknown field',
      [{ service: 'api', status: 'degraded', since: '2026-03-14T11:00:00Z' }],
      400,
      'INVALID_INPUT',
      'components.0.since',
    ],
  ])(
    'answers %s in the shared error shape and writes nothing',
    async (_name, components, status, code, path) => {
      const s = await setup();
      const opened = await s.asAgent('POST', '/staff/incidents', { ...opening, components });
      const body = await expectStatus(opened, status);
      expect(body.error).toMatchObject({ code, requestId: expect.any(String) });
      expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect(await countRows(s)).toEqual([0, 0, 0]);

      const created = await expectStatus(await s.asAgent('POST', '/staff/incidents', opening), 201);
      const updated = await s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
        status: 'identified',
        body: 'More news.',
        components,
      });
      expect((await expectStatus(updated, status)).error.code).toBe(code);
      expect(await countRows(s)).toEqual([1, 0, 1]);
    },
  );

  it('refuses a component both in services and in components', async () => {
    const s = await setup();
    const response = await s.asAgent('POST', '/staff/incidents', {
      ...opening,
      services: ['api'],
      components: [{ service: 'api', status: 'major_outage' }],
    });
    const body = await expectStatus(response, 400);
    expect(body.error.issues).toEqual([
      { path: 'components.0.service', message: 'names api, which the request already names' },
    ]);
  });

  it('refuses to resolve while naming a component in an outage (422), and writes nothing', async () => {
    const s = await setup();
    const created = await expectStatus(
      await s.asAgent('POST', '/staff/incidents', {
        ...opening,
        components: [{ service: 'api', status: 'major_outage' }],
      }),
      201,
    );
    s.t.clock.advance(MINUTE);
    const resolving = await s.asAgent('POST', `/staff/incidents/${created.id}/updates`, {
      status: 'resolved',
      body: 'Done.',
      components: [{ service: 'api', status: 'partial_outage' }],
    });
    const body = await expectStatus(resolving, 422);
    expect(body.error.code).toBe('RESOLVED_COMPONENT_NOT_OPERATIONAL');
    expect(body.error.issues).toEqual([
      { path: 'components.0.status', message: 'must be operational' },
    ]);
    expect(await countRows(s)).toEqual([1, 1, 1]);
    await expect(stateOf(s, 'api')).resolves.toMatchObject({ state: 'major_outage' });
    const opened = await s.asAgent('POST', '/staff/incidents', {
      ...opening,
      status: 'resolved',
      components: [{ service: 'api', status: 'degraded' }],
    });
    expect((await expectStatus(opened, 422)).error.code).toBe('RESOLVED_COMPONENT_NOT_OPERATIONAL');
  });

  it('does not let a monitor set component statuses', async () => {
    const s = await setup();
    const response = await s.monitor('POST', '/ingest/incidents', {
      externalId: 'mon:incident:2',
      title: 'API errors',
      components: [{ service: 'api', status: 'major_outage' }],
    });
    const body = await expectStatus(response, 400);
    expect(body.error.issues).toEqual([
      { path: 'components', message: 'Unknown field "components".' },
    ]);
  });
});

describe('the migration of existing incidents', () => {
  it('gives existing affected components the status operational and their updates no changes', async () => {
    // Migrate a database up to the migration before this feature, write an incident as
    // the portal did then, and apply the rest.
    const folder = mkdtempSync(join(tmpdir(), 'portal-migrations-'));
    const source = new URL('../../db/migrations', import.meta.url).pathname;
    const db = await tempDb({ migrate: false });
    try {
      cpSync(source, folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      const index = journal.entries.findIndex(
        (entry: { tag: string }) => entry.tag === '0003_component_status',
      );
      expect(index).toBeGreaterThan(0);
      writeFileSync(
        journalPath,
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }),
      );
      await migrate(db.db, { migrationsFolder: folder });
      await db.client.executeMultiple(`
        INSERT INTO services (slug, name, monitored_since, created_at) VALUES ('api', 'API', 0, 0);
        INSERT INTO incidents (title, impact, status, started_at, created_at, updated_at)
          VALUES ('Old outage', 'major', 'identified', 0, 0, 0);
        INSERT INTO incident_services (incident_id, service_id) VALUES (1, 1);
        INSERT INTO incident_updates (incident_id, status, body, kind, created_at)
          VALUES (1, 'identified', 'Looking.', 'human', 0);
      `);
      await migrate(db.db, { migrationsFolder: source });
      const services = await db.client.execute('SELECT status FROM incident_services');
      expect(services.rows.map((row) => row.status)).toEqual(['operational']);
      const updates = await db.client.execute('SELECT component_statuses FROM incident_updates');
      expect(updates.rows.map((row) => row.component_statuses)).toEqual(['[]']);
      const windows = await db.client.execute('SELECT count(*) AS n FROM windows');
      expect(Number(windows.rows[0]?.n)).toBe(0);
    } finally {
      db.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
