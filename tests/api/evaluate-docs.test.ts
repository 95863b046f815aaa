import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCase, parseEvaluationRequest } from '../../api/sla/index.ts';
import { testApp } from '../helpers/app.ts';
import { json } from '../helpers/factories.ts';

const examples: { name: string; case: unknown; expected: Record<string, unknown> }[] = JSON.parse(
  readFileSync(new URL('../../docs/spec/sla-examples.json', import.meta.url), 'utf8'),
);

const SPEC_CASE = {
  period: '2026-03',
  asOf: '2026-04-10T00:00:00Z',
  agreement: {
    timeZone: 'America/New_York',
    start: '2026-01-01T05:00:00Z',
    end: null,
    monthlyFeeMinor: 250000,
    currency: 'USD',
  },
  policy: {
    targetPercent: 99.95,
    minimumOutageMinutes: 5,
    tiers: [
      { belowPercent: 99.95, creditPercent: 10 },
      { belowPercent: 99.0, creditPercent: 25 },
      { belowPercent: 95.0, creditPercent: 100 },
    ],
  },
  windows: [
    { start: '2026-03-14T10:00:00Z', end: '2026-03-14T10:42:00Z', state: 'major_outage' },
    {
      start: '2026-03-20T02:00:00Z',
      end: '2026-03-20T04:00:00Z',
      state: 'maintenance',
      announcedAt: '2026-03-10T09:00:00Z',
    },
  ],
};

function engine(input: unknown) {
  const parsed = parseEvaluationRequest(input);
  if (!parsed.ok) throw new Error('invalid case');
  const results = parsed.cases.map((item) => evaluateCase(item));
  return parsed.isArray ? results : results[0];
}

describe('POST /sla/evaluate', () => {
  it('answers the evaluation document of a case, as the engine (and the CLI) gives it', async () => {
    const { app } = await testApp();
    const response = await app.request('/api/v1/sla/evaluate', json('POST', SPEC_CASE));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'evaluated',
      coveredMs: 2674800000,
      downtimeMs: 2520000,
      availabilityDisplay: '99.905',
      creditMinor: 25000,
      claimDeadline: '2026-05-01T04:00:00.000Z',
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(engine(SPEC_CASE))));
  });

  it('reproduces every worked example of sla-examples.json, as an array in order', async () => {
    const { app } = await testApp();
    const response = await app.request(
      '/api/v1/sla/evaluate',
      json(
        'POST',
        examples.map((example) => example.case),
      ),
    );
    expect(response.status).toBe(200);
    const results = await response.json();
    expect(results).toHaveLength(examples.length);
    examples.forEach((example, index) => {
      expect(results[index], example.name).toMatchObject(example.expected);
    });
  });

  it('answers 400 naming the case index and field of an invalid case in an array', async () => {
    const { app } = await testApp();
    const bad = { ...SPEC_CASE, policy: { ...SPEC_CASE.policy, targetPercent: 101 } };
    const response = await app.request('/api/v1/sla/evaluate', json('POST', [SPEC_CASE, bad]));
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues).toEqual([
      { path: '1.policy.targetPercent', message: 'must be at most 100' },
    ]);
  });

  it('answers 429 with Retry-After once an address has spent its evaluations for the minute', async () => {
    const t = await testApp({ config: { evaluateAnonymousMaxPerMinute: 3 } });
    const call = () => t.app.request('/api/v1/sla/evaluate', json('POST', SPEC_CASE));
    for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(60);
    t.clock.advance(60_000);
    expect((await call()).status).toBe(200);
  });

  it('counts a call whose body is invalid: reading the body is the cost', async () => {
    const t = await testApp({ config: { evaluateAnonymousMaxPerMinute: 1 } });
    expect((await t.app.request('/api/v1/sla/evaluate', json('POST', {}))).status).toBe(400);
    expect((await t.app.request('/api/v1/sla/evaluate', json('POST', SPEC_CASE))).status).toBe(429);
  });

  it('answers an invalid query with 400 in the shared shape, without counting it', async () => {
    const t = await testApp({ config: { evaluateAnonymousMaxPerMinute: 2 } });
    for (const query of ['days=maybe', 'days=true&days=false', 'verbose=1']) {
      const response = await t.app.request(
        `/api/v1/sla/evaluate?${query}`,
        json('POST', SPEC_CASE),
      );
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(Object.keys(body), query).toEqual(['error']);
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.requestId).toEqual(expect.any(String));
      expect(body.error.issues.length).toBeGreaterThan(0);
    }
    const named = await t.app.request('/api/v1/sla/evaluate?days=maybe', json('POST', SPEC_CASE));
    expect((await named.json()).error.issues[0].path).toBe('days');
    // None of the four refused calls used the budget of two.
    expect(
      (await t.app.request('/api/v1/sla/evaluate?days=true', json('POST', SPEC_CASE))).status,
    ).toBe(200);
    expect((await t.app.request('/api/v1/sla/evaluate', json('POST', SPEC_CASE))).status).toBe(200);
    expect((await t.app.request('/api/v1/sla/evaluate', json('POST', SPEC_CASE))).status).toBe(429);
  });
});

describe('GET /docs', () => {
  it('serves the reference page under a CSP that allows no inline script or style', async () => {
    const { app } = await testApp();
    const response = await app.request('/api/v1/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    // Nothing loaded from another host, and no inline script.
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    expect(html).not.toMatch(/<script>/);
    expect(html).not.toMatch(/ style=/);
  });

  it('names the portal origin the curl commands send, escaped, and explains the cookie jar', async () => {
    const { app } = await testApp({
      config: { origins: ['https://status.example.com', 'http://127.0.0.1:8787'] },
    });
    const html = await (await app.request('/api/v1/docs')).text();
    expect(html).toContain('<meta name="portal-origin" content="https://status.example.com">');
    const init = await (await app.request('/api/v1/docs/swagger-init.js')).text();
    expect(init).toContain('curlOptions');
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      info: { description: string };
    };
    expect(doc.info.description).toContain('curl -c cookies.txt -H "Origin: ');
    expect(doc.info.description).toContain('-b cookies.txt');
  });

  it.each([
    ['swagger-ui-bundle.js', /javascript/, 'SwaggerUIBundle'],
    ['swagger-init.js', /javascript/, 'openapi.json'],
    ['swagger-ui.css', /text\/css/, '.swagger-ui'],
  ])('serves %s from the installed package or the repository', async (file, type, content) => {
    const { app } = await testApp();
    const response = await app.request(`/api/v1/docs/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(await response.text()).toContain(content);
  });

  it('serves nothing else', async () => {
    const { app } = await testApp();
    expect((await app.request('/api/v1/docs/package.json')).status).toBe(400);
    expect((await app.request('/api/v1/docs/..%2F..%2Fpackage.json')).status).toBe(400);
  });

  it('keeps the strict API policy on every other response', async () => {
    const { app } = await testApp();
    const csp = (await app.request('/api/v1/status')).headers.get('content-security-policy');
    expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
