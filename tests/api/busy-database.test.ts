import { LibsqlError } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { retryingClient } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import { TEST_ORIGIN, TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { createApiKey, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { captureLog } from '../helpers/log.ts';
import { holdWriteLock, type LockHolder } from '../helpers/other-process.ts';

/**
 * Two processes on one database file: this one serves the API, the other
 * (tests/helpers/hold-write-lock.ts) holds the write lock as a long write would.
 */

const open: { db: TempDb; holder?: LockHolder }[] = [];
afterEach(() => {
  for (const item of open.splice(0)) {
    item.holder?.kill();
    item.db.dispose();
  }
});

async function arrange(busyBudgetMs?: number) {
  const db = await tempDb({ busyBudgetMs });
  const entry: { db: TempDb; holder?: LockHolder } = { db };
  open.push(entry);
  const clock = manualClock(Date.parse('2026-03-10T12:00:00Z'));
  const config = makeConfig({ origins: [TEST_ORIGIN], passwordHashing: TEST_PASSWORD_HASHING });
  // Busy answers are 503s logged as warnings (load, not faults): this test reads its own log.
  const log = captureLog();
  const app = createApp({ db, clock, config, logger: log.logger });
  const t: TestApp = { app, db, clock, config };
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  const ingest = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
  await createService(t, 'api', { monitoredSince: '2026-01-01T00:00:00Z' });
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = session.headers,
  ): Promise<Response> =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : json(method, body, headers),
    );
  /** A mix of the writes people and monitors make. */
  const writes = (round: number) => [
    request('POST', '/staff/customers', { name: `Customer ${round}`, timeZone: 'UTC' }),
    request(
      'POST',
      '/ingest/windows',
      {
        externalId: `probe:${round}`,
        service: 'api',
        state: 'major_outage',
        start: `2026-03-0${1 + (round % 8)}T10:00:00Z`,
        end: `2026-03-0${1 + (round % 8)}T10:05:00Z`,
      },
      ingest.headers,
    ),
    request('POST', '/staff/service-groups', { slug: `group-${round}`, name: `Group ${round}` }),
  ];
  const hold = async () => {
    entry.holder = await holdWriteLock(db.path);
    return entry.holder;
  };
  const count = async (table: string) =>
    Number((await db.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
  return { t, log, request, writes, hold, count };
}

describe('while another process holds the write lock', () => {
  it('writes wait and then succeed, reads answer meanwhile: no 5xx', async () => {
    const { log, request, writes, hold, count } = await arrange();
    const holder = await hold();
    const settled: string[] = [];
    const pending = Array.from({ length: 4 }, (_, round) => writes(round))
      .flat()
      .map((response) =>
        response.then((answer) => {
          settled.push(String(answer.status));
          return answer;
        }),
      );
    // Reads are not queued behind the lock, and the event loop is not blocked by the wait.
    for (const path of ['/status', '/staff/customers', '/incidents']) {
      expect((await request('GET', path)).status, path).toBe(200);
    }
    expect(settled).toEqual([]);
    await holder.release();
    const answers = await Promise.all(pending);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status === 201)).toBe(true);
    // Every write landed once, beside the other process's.
    expect(await count('customers')).toBe(4 + 1);
    expect(await count('service_groups')).toBe(4);
    expect(log.errors()).toEqual([]);
  });

  it('past the retry budget a write is a 503 with Retry-After in the shared shape, never a 500', async () => {
    const { log, writes, hold, count } = await arrange(150);
    const holder = await hold();
    const answers = await Promise.all(writes(1));
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await answer.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/busy/),
        requestId: expect.any(String),
      });
    }
    // Each is logged as a warning with what it met; none is a fault.
    expect(log.errors()).toEqual([]);
    expect(log.warnings().map((line) => [line.status, line.err?.type])).toEqual([
      [503, 'DatabaseBusyError'],
      [503, 'DatabaseBusyError'],
      [503, 'DatabaseBusyError'],
    ]);
    await holder.release();
    // Nothing of the refused writes was kept; sent again, they go through.
    expect(await count('service_groups')).toBe(0);
    const again = await Promise.all(writes(1));
    expect(again.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(await count('customers')).toBe(2);
  });
});

describe('a read that meets a busy database', () => {
  it('answers 503 with Retry-After, not 500', async () => {
    const { t, log } = await arrange();
    // Every statement meets a lock; the reads' retries give up, and the query builder wraps
    // what they throw, as it would for a real read.
    const locked = new Proxy(t.db.client, {
      get: (target, property) =>
        property === 'execute' || property === 'batch'
          ? () => Promise.reject(new LibsqlError('database is locked', 'SQLITE_BUSY'))
          : Reflect.get(target, property, target),
    });
    const client = retryingClient(locked, 50);
    const app = createApp({
      db: { ...t.db, client, db: drizzle(client, { schema }) },
      clock: t.clock,
      config: t.config,
      logger: log.logger,
    });
    const response = await app.request('/api/v1/incidents');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect((await response.json()).error.code).toBe('UNAVAILABLE');
    expect(log.errors()).toEqual([]);
    expect(log.warnings().map((line) => line.err?.cause?.type)).toEqual(['DatabaseBusyError']);
    // A client generated from the document expects this answer: every operation lists it.
    const document = await (await app.request('/api/v1/openapi.json')).json();
    const operations = Object.entries(document.paths as Record<string, object>).flatMap(
      ([path, methods]) =>
        Object.entries(methods as Record<string, { responses?: Record<string, unknown> }>)
          .filter(([, operation]) => operation.responses !== undefined)
          .map(([method, operation]) => ({
            operation: `${method} ${path}`,
            responses: operation.responses,
          })),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter(({ responses }) => !responses || !('503' in responses))).toEqual([]);
  });
});
