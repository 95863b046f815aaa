import { describe, expect, it } from 'vitest';
import { evaluateResponseCase, parseResponseRequest } from '../../api/sla/index.ts';
import { testApp } from '../helpers/app.ts';
import { json } from '../helpers/factories.ts';
import { request, responseInput } from '../sla/response-fixtures.ts';

const PATH = '/api/v1/sla/evaluate-response';

// The case of sla-response.md §4.
const SPEC_CASE = {
  period: '2026-03',
  asOf: '2026-04-03T00:00:00Z',
  agreement: {
    timeZone: 'Europe/Berlin',
    start: '2026-01-01T00:00:00Z',
    end: null,
    monthlyFeeMinor: 90000,
    currency: 'EUR',
    businessHours: {
      schedule: {
        mon: [['09:00', '17:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['09:00', '17:00']],
        sat: [],
        sun: [],
      },
      holidays: ['2026-04-03'],
    },
  },
  policy: {
    objectives: {
      P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
      P2: { firstResponseMinutes: 240, calendar: 'business' },
    },
    targetPercent: 95,
    tiers: [
      { belowPercent: 95, creditPercent: 5 },
      { belowPercent: 80, creditPercent: 15 },
    ],
  },
  requests: [
    {
      id: 'T-1',
      priority: 'P1',
      openedAt: '2026-03-02T10:00:00Z',
      events: [
        { at: '2026-03-02T10:00:05Z', type: 'automated-response' },
        { at: '2026-03-02T10:41:00Z', type: 'human-response' },
        { at: '2026-03-02T12:00:00Z', type: 'resolved' },
      ],
    },
  ],
};

function engine(input: unknown) {
  const parsed = parseResponseRequest(input);
  if (!parsed.ok) throw new Error('invalid case');
  const results = parsed.cases.map(evaluateResponseCase);
  return parsed.isArray ? results : results[0];
}

describe('POST /sla/evaluate-response', () => {
  it('answers the result document of a case, as the engine (and `sla response`) gives it', async () => {
    const { app } = await testApp();
    const response = await app.request(PATH, json('POST', SPEC_CASE));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'evaluated',
      final: true,
      met: false,
      creditPercent: 15,
      creditMinor: 13500,
      claimDeadline: '2026-04-30T22:00:00.000Z',
      requests: [{ id: 'T-1', firstResponseMs: 2460000, resolutionMs: 7200000 }],
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(engine(SPEC_CASE))));
  });

  it('uses the case’s asOf, not the server’s clock (default: the period’s end)', async () => {
    // The clock says 20 November 2026; the case is evaluated as at the end of March.
    const { app } = await testApp({ now: '2026-11-20T12:00:00Z' });
    const { asOf: _asOf, ...withoutAsOf } = SPEC_CASE;
    const body = await (await app.request(PATH, json('POST', withoutAsOf))).json();
    expect(body.asOf).toBe('2026-03-31T22:00:00.000Z');
  });

  it('an array gives an array of results in the same order', async () => {
    const { app } = await testApp();
    const cases = [SPEC_CASE, responseInput({ period: '2025-12' }), responseInput()];
    const response = await app.request(PATH, json('POST', cases));
    expect(response.status).toBe(200);
    const results = (await response.json()) as { status: string; period: { start: string } }[];
    expect(results.map((r) => [r.status, r.period.start])).toEqual([
      ['evaluated', '2026-02-28T23:00:00.000Z'],
      ['not-covered', '2025-12-01T00:00:00.000Z'],
      ['evaluated', '2026-03-01T00:00:00.000Z'],
    ]);
  });

  it('takes a body larger than the ordinary 64 KiB limit (the evaluation limit applies)', async () => {
    const { app, config } = await testApp();
    const requests = Array.from({ length: 800 }, (_, i) =>
      request(`request-${i}`, 'P1', '2026-03-02T10:00:00Z', [
        ['2026-03-02T10:10:00Z', 'human-response'],
        ['2026-03-02T11:00:00Z', 'resolved'],
      ]),
    );
    const body = responseInput({ requests });
    expect(JSON.stringify(body).length).toBeGreaterThan(config.bodyLimitBytes);
    const response = await app.request(PATH, json('POST', body));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.objectives[0]).toMatchObject({ met: 800, attainmentDisplay: '100.000' });
  });

  it('answers 400 naming the case index and field of an invalid case in an array', async () => {
    const { app } = await testApp();
    const bad = {
      ...SPEC_CASE,
      requests: [
        { ...SPEC_CASE.requests[0], events: [{ at: '2026-03-01T00:00:00Z', type: 'resolved' }] },
      ],
    };
    const response = await app.request(PATH, json('POST', [SPEC_CASE, bad]));
    expect(response.status).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual([
      { path: '1.requests.0.events.0.at', message: 'must not be before openedAt' },
    ]);
  });

  it('shares the per-address budget with POST /sla/evaluate, and answers 429 with Retry-After', async () => {
    const t = await testApp({ config: { evaluateAnonymousMaxPerMinute: 3 } });
    const respond = () => t.app.request(PATH, json('POST', SPEC_CASE));
    expect((await respond()).status).toBe(200);
    // An availability evaluation spends the same budget (its case is invalid: counted anyway).
    expect((await t.app.request('/api/v1/sla/evaluate', json('POST', {}))).status).toBe(400);
    expect((await t.app.request(PATH, json('POST', {}))).status).toBe(400);
    const refused = await respond();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(60);
    t.clock.advance(60_000);
    expect((await respond()).status).toBe(200);
  });

  it('is documented in the OpenAPI document as a public route', async () => {
    const { app } = await testApp();
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    const operation = doc.paths['/sla/evaluate-response']?.post;
    expect(operation.summary).toMatch(/response times/i);
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '413', '415', '429', '503']);
  });
});
