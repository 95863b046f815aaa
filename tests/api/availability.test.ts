import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type EvaluationCaseInput,
  evaluateCase,
  evaluationCaseSchema,
} from '../../api/sla/index.ts';
import type { WindowState } from '../../db/schema/index.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import {
  addWindow,
  claimWorld,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';

interface Scenario {
  name: string;
  now: string;
  timeZone: string;
  agreementStart: string;
  period: string;
  versions: { effectiveFrom: string; rules: Record<string, unknown> }[];
  /** The version the engine must be given for `period` (sla-accounting §6.10). */
  expectedRules: Record<string, unknown>;
  windows: { state: WindowState; start: string; end: string | null; announcedAt?: string }[];
}

const MINIMUM_15 = { ...STANDARD_RULES, minimumOutageMinutes: 15 };

const scenarios: Scenario[] = [
  {
    name: 'a DST month in New York (March: 743 hours)',
    now: '2026-05-10T00:00:00Z',
    timeZone: 'America/New_York',
    agreementStart: '2025-01-01T00:00:00Z',
    period: '2026-03',
    versions: [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }],
    expectedRules: STANDARD_RULES,
    windows: [
      { state: 'major_outage', start: '2026-03-08T06:30:00Z', end: '2026-03-08T07:30:00Z' },
      { state: 'partial_outage', start: '2026-03-01T04:00:00Z', end: '2026-03-01T06:00:00Z' },
    ],
  },
  {
    name: 'a DST month in Sydney (April: clocks go back)',
    now: '2026-05-10T00:00:00Z',
    timeZone: 'Australia/Sydney',
    agreementStart: '2025-01-01T00:00:00Z',
    period: '2026-04',
    versions: [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }],
    expectedRules: STANDARD_RULES,
    windows: [
      { state: 'major_outage', start: '2026-04-04T15:00:00Z', end: '2026-04-04T17:00:00Z' },
    ],
  },
  {
    name: 'an agreement starting mid-month (fee prorated)',
    now: '2026-05-10T00:00:00Z',
    timeZone: 'Asia/Kolkata',
    agreementStart: '2026-04-15T18:30:00Z',
    period: '2026-04',
    versions: [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }],
    expectedRules: STANDARD_RULES,
    windows: [
      { state: 'major_outage', start: '2026-04-02T00:00:00Z', end: '2026-04-02T05:00:00Z' },
      { state: 'major_outage', start: '2026-04-20T00:00:00Z', end: '2026-04-20T04:00:00Z' },
    ],
  },
  {
    name: 'announced, short-notice and unannounced maintenance',
    now: '2026-05-10T00:00:00Z',
    timeZone: 'Europe/Oslo',
    agreementStart: '2025-01-01T00:00:00Z',
    period: '2026-04',
    versions: [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }],
    expectedRules: STANDARD_RULES,
    windows: [
      {
        state: 'maintenance',
        start: '2026-04-05T01:00:00Z',
        end: '2026-04-05T03:00:00Z',
        announcedAt: '2026-03-28T00:00:00Z',
      },
      {
        state: 'maintenance',
        start: '2026-04-12T01:00:00Z',
        end: '2026-04-12T02:00:00Z',
        announcedAt: '2026-04-11T23:00:00Z',
      },
      { state: 'maintenance', start: '2026-04-19T01:00:00Z', end: '2026-04-19T01:30:00Z' },
      { state: 'major_outage', start: '2026-04-05T02:00:00Z', end: '2026-04-05T04:00:00Z' },
    ],
  },
  {
    name: 'a run straddling the month boundary, judged whole against the minimum',
    now: '2026-05-10T00:00:00Z',
    timeZone: 'UTC',
    agreementStart: '2025-01-01T00:00:00Z',
    period: '2026-04',
    versions: [{ effectiveFrom: '0000-01', rules: MINIMUM_15 }],
    expectedRules: MINIMUM_15,
    windows: [
      // 10 minutes in March + 10 in April: one 20-minute run, so April counts its 10.
      { state: 'major_outage', start: '2026-03-31T23:50:00Z', end: '2026-04-01T00:00:00Z' },
      { state: 'partial_outage', start: '2026-04-01T00:00:00Z', end: '2026-04-01T00:10:00Z' },
      // A lone 12-minute blip: dropped.
      { state: 'major_outage', start: '2026-04-10T00:00:00Z', end: '2026-04-10T00:12:00Z' },
    ],
  },
  {
    name: 'a policy change: the version in force at the period start governs',
    now: '2026-05-10T00:00:00Z',
    timeZone: 'UTC',
    agreementStart: '2025-01-01T00:00:00Z',
    period: '2026-04',
    versions: [
      { effectiveFrom: '0000-01', rules: STANDARD_RULES },
      { effectiveFrom: '2026-04', rules: MINIMUM_15 },
      { effectiveFrom: '2026-05', rules: { ...STANDARD_RULES, targetPercent: 95 } },
    ],
    expectedRules: MINIMUM_15,
    windows: [
      { state: 'major_outage', start: '2026-04-10T00:00:00Z', end: '2026-04-10T00:12:00Z' },
      { state: 'major_outage', start: '2026-04-11T00:00:00Z', end: '2026-04-11T01:00:00Z' },
    ],
  },
  {
    name: 'the current month, measured up to now, with an open window',
    now: '2026-04-20T12:00:00Z',
    timeZone: 'UTC',
    agreementStart: '2025-01-01T00:00:00Z',
    period: '2026-04',
    versions: [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }],
    expectedRules: STANDARD_RULES,
    windows: [{ state: 'major_outage', start: '2026-04-20T10:00:00Z', end: null }],
  },
];

async function arrange(t: TestApp, scenario: Scenario) {
  const service = await createService(t, 'api');
  const policy = await createPolicy(t, scenario.versions);
  const customer = await createCustomer(t, 'Customer', scenario.timeZone);
  const agreement = await createAgreement(t, {
    customerId: customer.id,
    policyId: policy.id,
    start: scenario.agreementStart,
    timeZone: scenario.timeZone,
    services: [{ serviceId: service.id, monthlyFeeMinor: 123_457, currency: 'EUR' }],
  });
  for (const window of scenario.windows) await addWindow(t, service.id, window);
  const user = await createUser(t, 'customer', { customerId: customer.id });
  return { agreement, session: await signedIn(t, user.id) };
}

describe('GET /me/availability equals `sla evaluate` on the same data', () => {
  it.each(scenarios)('$name', async (scenario) => {
    const t = await testApp({ now: scenario.now });
    const { agreement, session } = await arrange(t, scenario);
    const response = await t.app.request(`/api/v1/me/availability?period=${scenario.period}`, {
      headers: session.headers,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items).toHaveLength(1);
    const item = body.items[0];
    const periodEnd = Date.parse(item.period.end);
    const asOf = new Date(Math.min(Date.parse(scenario.now), periodEnd)).toISOString();
    const input: EvaluationCaseInput = {
      period: scenario.period,
      asOf,
      agreement: {
        timeZone: scenario.timeZone,
        start: scenario.agreementStart,
        end: null,
        monthlyFeeMinor: 123_457,
        currency: 'EUR',
      },
      policy: scenario.expectedRules as EvaluationCaseInput['policy'],
      windows: scenario.windows.map((window) => ({ ...window })),
    };
    const expected = evaluateCase(evaluationCaseSchema.parse(input));
    for (const key of [
      'status',
      'period',
      'coveredMs',
      'eligibleMs',
      'downtimeMs',
      'availabilityPercent',
      'availabilityDisplay',
      'met',
      'creditPercent',
      'qualifyingDays',
      'feeBaseMinor',
      'creditMinor',
      'capped',
      'claimDeadline',
      'capMinor',
    ] as const) {
      expect(item[key], key).toEqual(expected[key]);
    }
    expect(item.counted.map((piece: { downtimeMs: number }) => piece.downtimeMs)).toEqual(
      expected.counted.map((piece) => piece.downtimeMs),
    );
    expect(item).toMatchObject({
      agreementId: agreement.id,
      service: 'api',
      month: scenario.period,
      source: 'computed',
    });
  });

  it('reports the policy version per month and refuses months not yet begun', async () => {
    const scenario = scenarios.find((item) => item.name.startsWith('a policy change'));
    if (!scenario) throw new Error('scenario missing');
    const t = await testApp({ now: scenario.now });
    const { session } = await arrange(t, scenario);
    const range = await (
      await t.app.request('/api/v1/me/availability?from=2026-03&to=2026-05', {
        headers: session.headers,
      })
    ).json();
    expect(
      range.items.map((item: { month: string; policy: { version: number } }) => [
        item.month,
        item.policy.version,
      ]),
    ).toEqual([
      ['2026-03', 1],
      ['2026-04', 2],
      ['2026-05', 3],
    ]);
    const future = await t.app.request('/api/v1/me/availability?period=2026-06', {
      headers: session.headers,
    });
    expect(future.status).toBe(422);
    expect((await future.json()).error.code).toBe('PERIOD_NOT_STARTED');
    const agreements = await (
      await t.app.request('/api/v1/me/agreements', { headers: session.headers })
    ).json();
    expect(
      agreements.items[0].policyVersions.map((v: { version: number; until: string | null }) => [
        v.version,
        v.until,
      ]),
    ).toEqual([
      [1, '2026-04'],
      [2, '2026-05'],
      [3, null],
    ]);
  });

  it('gives daily figures for the charts that sum to the month', async () => {
    const scenario = scenarios[0] as Scenario;
    const t = await testApp({ now: scenario.now });
    const { session } = await arrange(t, scenario);
    const body = await (
      await t.app.request(`/api/v1/me/availability?period=${scenario.period}&days=true`, {
        headers: session.headers,
      })
    ).json();
    const item = body.items[0];
    expect(item.days).toHaveLength(31);
    const sum = (key: 'eligibleMs' | 'downtimeMs') =>
      item.days.reduce((total: number, day: Record<string, number>) => total + (day[key] ?? 0), 0);
    expect(sum('eligibleMs')).toBe(item.eligibleMs);
    expect(sum('downtimeMs')).toBeCloseTo(item.downtimeMs, 6);
  });
});

describe('customer scoping', () => {
  it("never shows or acts on another customer's data; a read key sees only its customer", async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t);
    await addWindow(t, world.service.id, {
      state: 'major_outage',
      start: '2026-10-10T00:00:00Z',
      end: '2026-10-10T03:00:00Z',
    });
    const claimB = await (
      await t.app.request(
        '/api/v1/me/claims',
        json(
          'POST',
          { agreementId: world.agreementB.id, service: 'api', period: '2026-10' },
          world.b.headers,
        ),
      )
    ).json();
    for (const headers of [world.a.headers, world.readKeyA.headers]) {
      const agreements = await (await t.app.request('/api/v1/me/agreements', { headers })).json();
      expect(agreements.items.map((item: { id: number }) => item.id)).toEqual([
        world.agreementA.id,
      ]);
      const availability = await (
        await t.app.request('/api/v1/me/availability?period=2026-10', { headers })
      ).json();
      expect(availability.items.map((item: { agreementId: number }) => item.agreementId)).toEqual([
        world.agreementA.id,
      ]);
      const claimsList = await (await t.app.request('/api/v1/me/claims', { headers })).json();
      expect(claimsList.items).toEqual([]);
      expect((await t.app.request(`/api/v1/me/claims/${claimB.id}`, { headers })).status).toBe(404);
      const statement = await (
        await t.app.request('/api/v1/me/statements/2026-10.json', { headers })
      ).json();
      expect(statement.items.map((item: { agreementId: number }) => item.agreementId)).toEqual([
        world.agreementA.id,
      ]);
      const otherAgreement = await t.app.request(
        `/api/v1/me/availability?period=2026-10&agreementId=${world.agreementB.id}`,
        { headers },
      );
      expect((await otherAgreement.json()).items).toEqual([]);
    }
    for (const [path, body] of [
      [`/api/v1/me/claims/${claimB.id}/withdraw`, {}],
      [`/api/v1/me/claims/${claimB.id}/comments`, { body: 'hello' }],
    ] as const) {
      const response = await t.app.request(path, json('POST', body, world.a.headers));
      expect(response.status, path).toBe(404);
    }
  });
});

describe('GET /me/statements/{YYYY-MM}.csv', () => {
  it('lists the month per agreement × service, then every window counted or ignored', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t);
    await addWindow(t, world.service.id, {
      state: 'major_outage',
      start: '2026-10-10T00:00:00Z',
      end: '2026-10-10T03:00:00Z',
    });
    await addWindow(t, world.service.id, {
      state: 'degraded',
      start: '2026-10-11T00:00:00Z',
      end: '2026-10-11T03:00:00Z',
    });
    const response = await t.app.request('/api/v1/me/statements/2026-10.csv', {
      headers: world.a.headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('statement-2026-10.csv');
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows.map((row) => row.record)).toEqual([
      'service month',
      'counted window',
      'ignored window',
      'total',
    ]);
    expect(rows[0]).toMatchObject({
      agreement: String(world.agreementA.id),
      service: 'api',
      availability_percent: '99.596',
      target_percent: '99.9',
      target: 'missed',
    });
    expect(rows[2]?.reason).toBe('counts zero under the policy');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('shows the decided figures, with a later correction beside them', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t);
    const window = await addWindow(t, world.service.id, {
      state: 'major_outage',
      start: '2026-10-10T00:00:00Z',
      end: '2026-10-10T03:00:00Z',
    });
    const claim = await (
      await t.app.request(
        '/api/v1/me/claims',
        json(
          'POST',
          { agreementId: world.agreementA.id, service: 'api', period: '2026-10' },
          world.a.headers,
        ),
      )
    ).json();
    await t.app.request(
      `/api/v1/staff/claims/${claim.id}/decision`,
      json('POST', { decision: 'approve' }, world.agent.headers),
    );
    // Staff later find the outage lasted one hour only (written as every writer of windows
    // writes: with the status version bumped, so cached figures are checked again).
    await t.db.client.batch([
      {
        sql: 'UPDATE windows SET "end" = ? WHERE id = ?',
        args: [Date.parse('2026-10-10T01:00:00Z'), window.id],
      },
      'UPDATE status_version SET version = version + 1 WHERE id = 1',
    ]);
    const availability = await (
      await t.app.request('/api/v1/me/availability?period=2026-10', { headers: world.a.headers })
    ).json();
    expect(availability.items[0]).toMatchObject({
      source: 'decided-claim',
      downtimeMs: 3 * 3_600_000,
      creditMinor: 20_000,
      correction: { downtimeMs: 3_600_000 },
      claim: { id: claim.id, status: 'approved' },
      claimable: false,
    });
    const csv = await (
      await t.app.request('/api/v1/me/statements/2026-10.csv', { headers: world.a.headers })
    ).text();
    const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
    expect(rows.slice(0, 2).map((row) => [row.record, row.figures, row.downtime_minutes])).toEqual([
      ['service month', 'decided with the claim', '180.00'],
      ['later correction', 'computed after a later correction', '60.00'],
    ]);
  });
});

describe('agreements in several time zones near a month boundary', () => {
  // 12:00 UTC on 30 November: 01:00 on 1 December in Auckland (UTC+13), 07:00 on
  // 30 November in New York.
  async function twoZones() {
    const t = await testApp({ now: '2026-11-30T12:00:00Z' });
    const service = await createService(t, 'api');
    const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    const customer = await createCustomer(t, 'Two zones');
    const make = (timeZone: string) =>
      createAgreement(t, {
        customerId: customer.id,
        policyId: policy.id,
        start: '2026-01-01T00:00:00Z',
        timeZone,
        services: [{ serviceId: service.id, monthlyFeeMinor: 100_000 }],
      });
    const auckland = await make('Pacific/Auckland');
    const newYork = await make('America/New_York');
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const session = await signedIn(t, user.id);
    const get = (path: string) => t.app.request(`/api/v1${path}`, { headers: session.headers });
    return { t, auckland, newYork, get };
  }

  const monthsOf = (items: { agreementId: number; month: string }[]) =>
    items.map((item) => [item.agreementId, item.month]);

  it('answers the month that has begun in one zone, listing it as not begun for the other', async () => {
    const { auckland, newYork, get } = await twoZones();
    const response = await get('/me/availability?period=2026-12');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(monthsOf(body.items)).toEqual([[auckland.id, '2026-12']]);
    expect(body.items[0].status).toBe('evaluated');
    expect(body.notBegun).toEqual([
      {
        agreementId: newYork.id,
        month: '2026-12',
        timeZone: 'America/New_York',
        currentPeriod: '2026-11',
      },
    ]);
    // November is current in New York and closed in Auckland: both answer, nothing missing.
    const november = await (await get('/me/availability?period=2026-11')).json();
    expect(monthsOf(november.items)).toEqual([
      [auckland.id, '2026-11'],
      [newYork.id, '2026-11'],
    ]);
    expect(november.notBegun).toEqual([]);
  });

  it('answers a range per agreement up to its own current month', async () => {
    const { auckland, newYork, get } = await twoZones();
    const body = await (await get('/me/availability?from=2026-10&to=2026-12')).json();
    expect(monthsOf(body.items)).toEqual([
      [auckland.id, '2026-10'],
      [auckland.id, '2026-11'],
      [auckland.id, '2026-12'],
      [newYork.id, '2026-10'],
      [newYork.id, '2026-11'],
    ]);
    expect(monthsOf(body.notBegun)).toEqual([[newYork.id, '2026-12']]);
  });

  it('refuses only a month begun in none of the agreements asked about', async () => {
    const { newYork, get } = await twoZones();
    for (const path of [
      '/me/availability?period=2027-01',
      '/me/availability?from=2026-11&to=2027-01',
      `/me/availability?period=2026-12&agreementId=${newYork.id}`,
      '/me/statements/2027-01.json',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(422);
      expect((await response.json()).error.code).toBe('PERIOD_NOT_STARTED');
    }
  });

  it('gives the statement of that month, with the agreement not begun named', async () => {
    const { auckland, newYork, get } = await twoZones();
    const json = await get('/me/statements/2026-12.json');
    expect(json.status).toBe(200);
    const statement = await json.json();
    expect(monthsOf(statement.items)).toEqual([[auckland.id, '2026-12']]);
    expect(monthsOf(statement.notBegun)).toEqual([[newYork.id, '2026-12']]);
    const csv = await (await get('/me/statements/2026-12.csv')).text();
    const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
    expect(rows.filter((row) => row.record === 'service month')).toHaveLength(1);
    // One row naming the agreement and month, the columns of figures empty.
    const notBegun = rows.filter((row) => row.record === 'not begun');
    expect(notBegun).toEqual([
      expect.objectContaining({
        agreement: String(newYork.id),
        month: '2026-12',
        time_zone: 'America/New_York',
        credit: '',
        downtime_minutes: '',
        reason: 'the month has not begun in America/New_York',
      }),
    ]);
  });
});
