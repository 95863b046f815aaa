import { Piscina } from 'piscina';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../api/config.ts';
import { closeEvaluationPool } from '../../api/services/evaluate-pool.ts';
import { testApp } from '../helpers/app.ts';
import { createApiKey, createUser, json, signedIn } from '../helpers/factories.ts';

// Anonymous evaluations get a smaller body and budget than known callers, and large
// evaluations run in a worker thread behind a bounded queue (issue 11, ADR 112).

afterAll(() => closeEvaluationPool());

const MINUTE_MS = 60_000;

/** A case with `count` ten-second outages, 80 s apart, in March 2026: about 95 bytes each. */
function bigCase(count: number) {
  const base = Date.parse('2026-03-01T00:00:00Z');
  return {
    period: '2026-03',
    agreement: {
      timeZone: 'America/New_York',
      start: '2026-01-01T05:00:00Z',
      end: null,
      monthlyFeeMinor: 250_000,
      currency: 'USD',
    },
    policy: { targetPercent: 99.95, tiers: [{ belowPercent: 99.95, creditPercent: 10 }] },
    windows: Array.from({ length: count }, (_, i) => ({
      start: new Date(base + i * 80_000).toISOString(),
      end: new Date(base + i * 80_000 + 10_000).toISOString(),
      state: i % 2 === 0 ? 'major_outage' : 'partial_outage',
    })),
  };
}

async function callers(config: Partial<AppConfig> = {}) {
  const t = await testApp({ now: '2026-04-10T00:00:00Z', config });
  const user = await createUser(t, 'customer');
  const admin = await createUser(t, 'admin');
  return {
    t,
    anonymous: {},
    user: (await signedIn(t, user.id)).headers,
    key: (await createApiKey(t, ['read'], { createdByUserId: admin.id })).headers,
  };
}

const evaluate = (
  t: Awaited<ReturnType<typeof callers>>['t'],
  body: unknown,
  headers: Record<string, string>,
  path = '/api/v1/sla/evaluate',
) => t.app.request(path, json('POST', body, headers));

describe('evaluation limits depend on the caller', () => {
  it('takes a body over 256 KiB from a signed-in person or a key, never from an anonymous caller', async () => {
    const { t, anonymous, user, key } = await callers();
    const body = bigCase(4_000);
    const size = JSON.stringify(body).length;
    expect(size).toBeGreaterThan(t.config.evaluateAnonymousBodyLimitBytes);
    expect(size).toBeLessThan(t.config.evaluateBodyLimitBytes);
    for (const path of ['/api/v1/sla/evaluate', '/api/v1/sla/evaluate-response']) {
      const refused = await evaluate(t, body, anonymous, path);
      expect(refused.status, path).toBe(413);
      expect((await refused.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect((await evaluate(t, body, user)).status).toBe(200);
    expect((await evaluate(t, body, key)).status).toBe(200);
  });

  it('gives anonymous callers a smaller budget per address, and each person and key its own', async () => {
    const { t, anonymous, user, key } = await callers({
      evaluateAnonymousMaxPerMinute: 2,
      evaluateMaxPerMinute: 3,
    });
    const body = bigCase(2);
    const statuses = async (headers: Record<string, string>, times: number) => {
      const seen: number[] = [];
      for (let i = 0; i < times; i += 1) seen.push((await evaluate(t, body, headers)).status);
      return seen;
    };
    expect(await statuses(anonymous, 3)).toEqual([200, 200, 429]);
    // The address has spent its anonymous budget; a signed-in person there has not.
    expect(await statuses(user, 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses(key, 4)).toEqual([200, 200, 200, 429]);
    t.clock.advance(MINUTE_MS);
    expect(await statuses(anonymous, 1)).toEqual([200]);
  });
});

describe('large evaluations run in a worker thread', () => {
  it('answers exactly what an inline evaluation answers, errors included', async () => {
    const inline = await callers({ evaluateInlineMaxBytes: 10 * 1024 * 1024 });
    const worker = await callers({ evaluateInlineMaxBytes: 0 });
    const invalid = { ...bigCase(3), policy: { targetPercent: 101, tiers: [] } };
    const bodies: [unknown, string][] = [
      [bigCase(50), '/api/v1/sla/evaluate?days=true'],
      [[bigCase(3), bigCase(4)], '/api/v1/sla/evaluate'],
      [[bigCase(3), invalid], '/api/v1/sla/evaluate'],
      [{ period: '2026-03' }, '/api/v1/sla/evaluate-response'],
    ];
    for (const [body, path] of bodies) {
      const [a, b] = await Promise.all(
        [inline, worker].map(async ({ t, user }) => {
          const response = await t.app.request(path, json('POST', body, user));
          const text = await response.text();
          // Request ids differ by nature; everything else must not.
          return { status: response.status, text: text.replace(/"requestId":"[^"]+"/, '') };
        }),
      );
      expect(b, path).toEqual(a);
    }
    const malformed = await worker.t.app.request('/api/v1/sla/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...worker.user },
      body: '{"period": ',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('MALFORMED_JSON');
  });

  it('keeps /healthz and GET /status answering while a large evaluation runs', async () => {
    const { t, user } = await callers({ evaluateMaxPerMinute: 100 });
    const dispatched = vi.spyOn(Piscina.prototype, 'run');
    let evaluated = false;
    const running = (async () => {
      const response = await evaluate(t, bigCase(12_000), user);
      evaluated = true;
      return response.status;
    })();
    // Once the case is handed to a worker, the event loop is free while it is evaluated
    // (12,000 windows take far longer than two in-process requests); on the event loop the
    // evaluation would hold it until done, and these would come after.
    await vi.waitFor(() => expect(dispatched).toHaveBeenCalledTimes(1), {
      interval: 1,
      timeout: 10_000,
    });
    const health = await t.app.request('/healthz');
    const status = await t.app.request('/api/v1/status');
    expect([health.status, status.status, evaluated]).toEqual([200, 200, false]);
    expect(await running).toBe(200);
    dispatched.mockRestore();
  });

  it('answers 503 with Retry-After when the queue is full, and never 500', async () => {
    const { t, user } = await callers({
      evaluateMaxPerMinute: 100,
      evaluateInlineMaxBytes: 0,
      evaluateWorkers: 1,
      evaluateQueueMax: 1,
    });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => evaluate(t, bigCase(6_000), user)),
    );
    const statuses = responses.map((response) => response.status).sort();
    // One running and one waiting at most: the others, sent while they run, are refused.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(2);
    expect(statuses.filter((status) => status === 503).length).toBe(
      6 - statuses.filter((s) => s === 200).length,
    );
    const refused = responses.find((response) => response.status === 503);
    if (refused === undefined) throw new Error('no evaluation was refused');
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).error.code).toBe('UNAVAILABLE');
  });
});
