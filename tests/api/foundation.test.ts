import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { testApp } from '../helpers/app.ts';
import { captureLog } from '../helpers/log.ts';

describe('GET /healthz', () => {
  it('answers ok with the database reachable', async () => {
    const { app } = await testApp();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database is gone, and logs it at error level', async () => {
    const { db, clock, config } = await testApp();
    const log = captureLog();
    const app = createApp({ db, clock, config, logger: log.logger });
    db.close();
    const response = await app.request('/healthz');
    expect(response.status).toBe(503);
    expect(log.errors().map((line) => [line.route, line.status])).toEqual([['/healthz', 503]]);
  });
});

describe('unknown routes', () => {
  it('answer 404 in the error shape with a request id', async () => {
    const { app } = await testApp();
    const response = await app.request('/api/v1/nope');
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.requestId).toMatch(/.+/);
    expect(response.headers.get('x-request-id')).toBe(body.error.requestId);
  });
});

describe('GET /api/v1/status', () => {
  it('reports all operational when no window is open', async () => {
    const { app, db } = await testApp();
    await db.client.execute(
      "INSERT INTO services (slug, name, monitored_since, created_at) VALUES ('api', 'API', 0, 0)",
    );
    const response = await app.request('/api/v1/status');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.overall.state).toBe('operational');
    expect(body.services).toMatchObject([{ slug: 'api', state: 'operational', since: null }]);
  });

  it('reports the most severe window covering now', async () => {
    const { app, db, clock } = await testApp();
    const now = clock.now();
    await db.client.executeMultiple(`
      INSERT INTO services (slug, name, monitored_since, created_at) VALUES ('api', 'API', 0, 0);
      INSERT INTO windows (service_id, external_id, state, start, "end", source, request_fingerprint, created_at, updated_at)
        VALUES (1, 'a', 'partial_outage', ${now - 60_000}, NULL, 'seed', '', 0, 0),
               (1, 'b', 'major_outage', ${now - 30_000}, NULL, 'seed', '', 0, 0),
               (1, 'c', 'major_outage', ${now - 90_000}, ${now - 80_000}, 'seed', '', 0, 0),
               (1, 'd', 'major_outage', ${now + 60_000}, NULL, 'seed', '', 0, 0);
    `);
    const body = await (await app.request('/api/v1/status')).json();
    expect(body.overall.state).toBe('outage');
    expect(body.services[0]).toMatchObject({
      state: 'major_outage',
      since: new Date(now - 30_000).toISOString(),
    });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const { app } = await testApp();
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });

  it('is an OpenAPI 3.1 document listing the public routes with their access', async () => {
    const { app } = await testApp();
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/status'].get['x-access']).toBe('public');
  });

  it('names every operation once, in camel case, after its method and path', async () => {
    const { app } = await testApp();
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    const ids = Object.values(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      (methods) =>
        Object.values(methods)
          .filter(
            (operation): operation is { operationId?: string } => typeof operation === 'object',
          )
          .map((operation) => operation.operationId),
    );
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => id === undefined || !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/staff/claims/{id}'].get.operationId).toBe('getStaffClaimsById');
    expect(doc.paths['/ingest/windows/batch'].post.operationId).toBe('postIngestWindowsBatch');
  });
});
