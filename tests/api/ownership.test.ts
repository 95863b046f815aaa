import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDb } from '../../db/client.ts';
import { testApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import { createApiKey, createService, json } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

/**
 * A monitor's window or incident belongs to the ingest key that reported it: another key
 * can neither see it through a replay nor close, resolve or update it, and is answered as
 * if it did not exist. Staff change anything through corrections, with a reason.
 */

async function setup() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  await createService(t, 'api');
  const actors = await statusActors(t);
  const other = await createApiKey(t, ['ingest'], { createdByUserId: actors.admin.id });
  const intruder = (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers: other.headers } : json(method, body, other.headers),
    );
  return { t, ...actors, intruder };
}

const outage = {
  externalId: 'pingdom:api:1',
  service: 'api',
  state: 'major_outage',
  start: '2026-03-14T10:00:00Z',
};

const incident = {
  externalId: 'pingdom:incident:7',
  title: 'API errors',
  impact: 'major',
  status: 'investigating',
  services: ['api'],
  body: 'Checks failing from 3 regions.',
};

async function windowRow(t: Awaited<ReturnType<typeof setup>>['t'], externalId: string) {
  const { rows } = await t.db.client.execute({
    sql: 'SELECT "end", state, start FROM windows WHERE external_id = ?',
    args: [externalId],
  });
  return rows[0];
}

describe('a window belongs to the key that reported it', () => {
  it('answers another key 404 on closing it, exactly as for a window that does not exist', async () => {
    const { t, monitor, intruder } = await setup();
    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    const foreign = await intruder('PATCH', '/ingest/windows/pingdom:api:1', {
      end: '2026-03-14T10:00:01Z',
    });
    const missing = await intruder('PATCH', '/ingest/windows/pingdom:api:2', {
      end: '2026-03-14T10:00:01Z',
    });
    const foreignBody = await expectStatus(foreign, 404);
    const missingBody = await expectStatus(missing, 404);
    expect(foreignBody.error.code).toBe(missingBody.error.code);
    expect(foreignBody.error.message.replace('api:1', 'api:2')).toBe(missingBody.error.message);
    // The outage is untouched, and its own monitor still closes it.
    expect((await windowRow(t, 'pingdom:api:1'))?.end).toBeNull();
    const closed = await monitor('PATCH', '/ingest/windows/pingdom:api:1', {
      end: '2026-03-14T11:00:00Z',
    });
    expect(await expectStatus(closed, 200)).toMatchObject({ end: '2026-03-14T11:00:00.000Z' });
  });

  it('shows another key neither the window nor its state when it posts the same externalId', async () => {
    const { t, monitor, intruder } = await setup();
    await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    for (const body of [outage, { ...outage, end: '2026-03-14T10:00:01Z' }]) {
      const response = await intruder('POST', '/ingest/windows', body);
      const answer = await expectStatus(response, 409);
      expect(answer.error.code).toBe('EXTERNAL_ID_TAKEN');
      expect(JSON.stringify(answer)).not.toContain('major_outage');
      expect(JSON.stringify(answer)).not.toContain('2026-03-14T10:00');
    }
    expect(await windowRow(t, 'pingdom:api:1')).toMatchObject({ end: null });
  });

  it('keeps demo seed windows away from every key', async () => {
    const { t, monitor } = await setup();
    await t.db.client.execute(
      `INSERT INTO windows (service_id, external_id, state, start, source, request_fingerprint, created_at, updated_at)
       VALUES ((SELECT id FROM services WHERE slug = 'api'), 'demo:api:1', 'major_outage', ?, 'seed', '{}', 0, 0)`,
      [Date.parse('2026-03-14T09:00:00Z')],
    );
    const closing = await monitor('PATCH', '/ingest/windows/demo:api:1', {
      end: '2026-03-14T09:00:01Z',
    });
    await expectStatus(closing, 404);
    const posting = await monitor('POST', '/ingest/windows', {
      ...outage,
      externalId: 'demo:api:1',
    });
    expect((await expectStatus(posting, 409)).error.code).toBe('EXTERNAL_ID_TAKEN');
    expect(await windowRow(t, 'demo:api:1')).toMatchObject({ end: null });
  });

  it('lets an admin change any window through a correction with a reason', async () => {
    const { t, monitor, asAdmin } = await setup();
    const window = await expectStatus(await monitor('POST', '/ingest/windows', outage), 201);
    const corrected = await asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
      end: '2026-03-14T10:30:00Z',
      reason: 'The monitor lost its key; the outage ended at 10:30.',
    });
    await expectStatus(corrected, 201);
    expect((await windowRow(t, 'pingdom:api:1'))?.end).toBe(Date.parse('2026-03-14T10:30:00Z'));
  });
});

describe('an incident belongs to the key that opened it', () => {
  it('answers another key 404 on updating or resolving it, and leaves it open', async () => {
    const { monitor, intruder, anonymous } = await setup();
    const opened = await expectStatus(await monitor('POST', '/ingest/incidents', incident), 201);
    const resolving = await intruder('POST', '/ingest/incidents/pingdom:incident:7/updates', {
      status: 'resolved',
      body: 'All good, nothing to see.',
    });
    const missing = await intruder('POST', '/ingest/incidents/pingdom:incident:8/updates', {
      status: 'resolved',
      body: 'All good, nothing to see.',
    });
    const foreignBody = await expectStatus(resolving, 404);
    const missingBody = await expectStatus(missing, 404);
    expect(foreignBody.error.message.replace(':7', ':8')).toBe(missingBody.error.message);
    const now = await expectStatus(await anonymous('GET', `/incidents/${opened.id}`), 200);
    expect(now).toMatchObject({ status: 'investigating', resolvedAt: null });
    expect(now.updates).toHaveLength(1);
    const own = await monitor('POST', '/ingest/incidents/pingdom:incident:7/updates', {
      status: 'resolved',
      body: 'Checks passing again.',
    });
    expect(await expectStatus(own, 201)).toMatchObject({ status: 'resolved' });
  });

  it('shows another key nothing of it when it posts the same externalId', async () => {
    const { monitor, intruder } = await setup();
    await expectStatus(await monitor('POST', '/ingest/incidents', incident), 201);
    const replay = await intruder('POST', '/ingest/incidents', incident);
    const body = await expectStatus(replay, 409);
    expect(body.error.code).toBe('EXTERNAL_ID_TAKEN');
    expect(JSON.stringify(body)).not.toContain('API errors');
  });
});

describe('the migration that records who opened an incident', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives an incident to the key of its first update written with it, and no other', async () => {
    const db = await tempDb({ migrate: false });
    try {
      // The database as it was before this migration: the journal cut after 0003.
      const folder = mkdtempSync(join(tmpdir(), 'portal-migrations-'));
      dirs.push(folder);
      cpSync(new URL('../../db/migrations', import.meta.url).pathname, folder, {
        recursive: true,
      });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      journal.entries = journal.entries.filter((entry: { idx: number }) => entry.idx <= 3);
      writeFileSync(journalPath, JSON.stringify(journal));
      await migrate(db.db, { migrationsFolder: folder });

      await db.client.executeMultiple(`
        INSERT INTO users (id, email, role, created_at) VALUES (1, 'admin@example.test', 'admin', 0);
        INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by_user_id, created_at)
          VALUES (1, 'a', 'aaaaaaaaaaaa', 'x', '["ingest"]', 1, 0),
                 (2, 'b', 'bbbbbbbbbbbb', 'y', '["ingest"]', 1, 0);
        INSERT INTO incidents (id, title, impact, status, started_at, external_id, created_at, updated_at)
          VALUES (1, 'opened with a body', 'major', 'investigating', 0, 'm:1', 1000, 1000),
                 (2, 'opened without one', 'major', 'investigating', 0, 'm:2', 1000, 1000),
                 (3, 'by staff', 'major', 'investigating', 0, NULL, 1000, 1000);
        INSERT INTO incident_updates (incident_id, status, body, kind, api_key_id, created_at)
          VALUES (1, 'investigating', 'first', 'automated', 1, 1000),
                 (1, 'identified', 'later', 'automated', 2, 5000),
                 (2, 'identified', 'later, by whoever', 'automated', 2, 5000);
      `);
      await migrateDb(db);
      const { rows } = await db.client.execute('SELECT id, api_key_id FROM incidents ORDER BY id');
      expect(rows.map((row) => [Number(row.id), row.api_key_id])).toEqual([
        [1, 1],
        [2, null],
        [3, null],
      ]);
    } finally {
      db.dispose();
    }
  });
});
