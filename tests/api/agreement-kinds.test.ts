import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evaluateCase, evaluationCaseSchema } from '../../api/sla/index.ts';
import { agreements, claims, incidents, vendorClaims } from '../../db/schema/index.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { addWindow, createPolicy, STANDARD_RULES } from '../helpers/sla-fixtures.ts';

/** An AWS-like vendor policy: 10 % below 99.9 %, 25 % below 99 %, 100 % below 95 %; 60 days to claim. */
const VENDOR_RULES = {
  targetPercent: 99.9,
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.0, creditPercent: 25 },
    { belowPercent: 95.0, creditPercent: 100 },
  ],
  claimWindowDays: 60,
};

type Headers = Record<string, string>;

async function body(response: Response) {
  return (await response.json()) as Record<string, unknown> & {
    error?: { code: string; issues?: { path: string; message: string }[] };
  };
}

/**
 * Our `cdn` service with a customer's agreement on it, an internal team's agreement on it,
 * and our own agreement with the upstream CDN vendor. October 2026 (UTC) had a two-hour
 * outage the vendor caused, half an hour of our own, and announced maintenance.
 */
async function world(now = '2026-11-20T12:00:00Z') {
  const t = await testApp({ now });
  const cdn = await createService(t, 'cdn');
  const dns = await createService(t, 'dns');
  const standard = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
  const vendorPolicy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: VENDOR_RULES }]);
  const customer = await createCustomer(t, 'Customer A');
  const team = await createCustomer(t, 'Platform team (internal)');
  const vendor = await createCustomer(t, 'Cumulus CDN (vendor)');
  const admin = await createUser(t, 'admin');
  const agent = await createUser(t, 'agent');
  const teamUser = await createUser(t, 'customer', { customerId: team.id });
  const vendorUser = await createUser(t, 'customer', { customerId: vendor.id });
  const customerUser = await createUser(t, 'customer', { customerId: customer.id });
  const heads = {
    admin: (await signedIn(t, admin.id)).headers,
    agent: (await signedIn(t, agent.id)).headers,
    team: (await signedIn(t, teamUser.id)).headers,
    vendor: (await signedIn(t, vendorUser.id)).headers,
    customer: (await signedIn(t, customerUser.id)).headers,
  };
  const create = async (input: Record<string, unknown>) => {
    const response = await t.app.request(
      '/api/v1/staff/agreements',
      json('POST', { start: '2026-01-01T00:00:00Z', timeZone: 'UTC', ...input }, heads.admin),
    );
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
    return (await response.json()) as { id: number; kind: string };
  };
  const customerAgreement = await create({
    customerId: customer.id,
    policyId: standard.id,
    services: [{ slug: 'cdn', monthlyFeeMinor: 200_000, currency: 'USD' }],
  });
  const internal = await create({
    kind: 'internal',
    customerId: team.id,
    policyId: standard.id,
    services: [{ slug: 'cdn' }],
  });
  const vendorAgreement = await create({
    kind: 'vendor',
    customerId: vendor.id,
    policyId: vendorPolicy.id,
    services: [{ slug: 'cdn', monthlyFeeMinor: 500_000, currency: 'USD' }],
  });
  const vendorOutage = await addWindow(t, cdn.id, {
    state: 'major_outage',
    start: '2026-10-05T10:00:00Z',
    end: '2026-10-05T12:00:00Z',
  });
  const ownOutage = await addWindow(t, cdn.id, {
    state: 'major_outage',
    start: '2026-10-20T01:00:00Z',
    end: '2026-10-20T01:30:00Z',
  });
  const maintenance = await addWindow(t, cdn.id, {
    state: 'maintenance',
    start: '2026-10-25T02:00:00Z',
    end: '2026-10-25T03:00:00Z',
    announcedAt: '2026-10-01T00:00:00Z',
  });
  const dnsOutage = await addWindow(t, dns.id, {
    state: 'major_outage',
    start: '2026-10-06T00:00:00Z',
    end: '2026-10-06T01:00:00Z',
  });
  return {
    t,
    heads,
    ids: { customer: customer.id, team: team.id, vendor: vendor.id },
    agreements: { customer: customerAgreement, internal, vendor: vendorAgreement },
    windows: { vendorOutage, ownOutage, maintenance, dnsOutage },
  };
}

type World = Awaited<ReturnType<typeof world>>;

const post = (t: TestApp, path: string, payload: unknown, headers: Headers) =>
  t.app.request(`/api/v1${path}`, json('POST', payload, headers));

const attribute = (w: World, payload: Record<string, unknown>) =>
  post(
    w.t,
    '/staff/vendor-attributions',
    { agreementId: w.agreements.vendor.id, reason: 'Cumulus incident CUM-123', ...payload },
    w.heads.agent,
  );

const fileVendorClaim = (w: World, payload: Record<string, unknown> = {}) =>
  post(
    w.t,
    '/staff/vendor-claims',
    { agreementId: w.agreements.vendor.id, service: 'cdn', period: '2026-10', ...payload },
    w.heads.agent,
  );

async function quarter(w: World, which = '') {
  const response = await w.t.app.request(
    `/api/v1/staff/vendor-credits${which ? `?quarter=${which}` : ''}`,
    { headers: w.heads.agent },
  );
  expect(response.status).toBe(200);
  return response.json();
}

/** The engine's own answer for October under the vendor's policy, on the given windows. */
function engineOctober(windowsIn: { start: Date; end: Date | null; state: string }[]) {
  return evaluateCase(
    evaluationCaseSchema.parse({
      period: '2026-10',
      agreement: {
        timeZone: 'UTC',
        start: '2026-01-01T00:00:00Z',
        end: null,
        monthlyFeeMinor: 500_000,
        currency: 'USD',
      },
      policy: VENDOR_RULES,
      monitoredSince: '2024-01-01T00:00:00Z',
      windows: windowsIn.map((window) => ({
        start: window.start.toISOString(),
        end: window.end?.toISOString() ?? null,
        state: window.state,
      })),
    }),
  );
}

describe('agreement kinds', () => {
  it('stores the kind, customer by default, and filters the list by it', async () => {
    const w = await world();
    expect(w.agreements.customer.kind).toBe('customer');
    expect(w.agreements.internal).toMatchObject({
      kind: 'internal',
      services: [{ slug: 'cdn', monthlyFeeMinor: 0, currency: 'XXX' }],
    });
    expect(w.agreements.vendor.kind).toBe('vendor');
    const response = await w.t.app.request('/api/v1/staff/agreements?kind=vendor', {
      headers: w.heads.admin,
    });
    const page = await body(response);
    expect((page.items as { id: number }[]).map((item) => item.id)).toEqual([
      w.agreements.vendor.id,
    ]);
  });

  it('refuses fee fields on an internal agreement and requires them on the others', async () => {
    const w = await world();
    const make = (input: Record<string, unknown>) =>
      post(
        w.t,
        '/staff/agreements',
        { start: '2026-01-01T00:00:00Z', customerId: w.ids.team, policyId: 1, ...input },
        w.heads.admin,
      );
    const internalWithFee = await make({
      kind: 'internal',
      services: [{ slug: 'cdn', monthlyFeeMinor: 100, currency: 'USD' }],
    });
    expect(internalWithFee.status).toBe(400);
    expect((await body(internalWithFee)).error?.issues).toEqual(
      expect.arrayContaining([
        {
          path: 'services.0.monthlyFeeMinor',
          message: 'an internal agreement has no fee: leave it out',
        },
        { path: 'services.0.currency', message: 'an internal agreement has no fee: leave it out' },
      ]),
    );
    const vendorWithoutFee = await make({ kind: 'vendor', services: [{ slug: 'cdn' }] });
    expect(vendorWithoutFee.status).toBe(400);
    expect((await body(vendorWithoutFee)).error?.issues).toEqual(
      expect.arrayContaining([{ path: 'services.0.monthlyFeeMinor', message: 'required' }]),
    );
    const unknownKind = await make({ kind: 'partner', services: [{ slug: 'cdn' }] });
    expect(unknownKind.status).toBe(400);
    const [stored] = await w.t.db.db.select({ n: count() }).from(agreements);
    expect(stored?.n).toBe(3);
  });
});

describe('an internal agreement', () => {
  it('shows the team the same figures as a report, with nothing to claim', async () => {
    const w = await world();
    const overview = await body(
      await w.t.app.request('/api/v1/me/agreements', { headers: w.heads.team }),
    );
    expect(overview.items).toMatchObject([{ id: w.agreements.internal.id, kind: 'internal' }]);
    const report = await body(
      await w.t.app.request('/api/v1/me/availability?period=2026-10', { headers: w.heads.team }),
    );
    const customerReport = await body(
      await w.t.app.request('/api/v1/me/availability?period=2026-10', {
        headers: w.heads.customer,
      }),
    );
    const [teamItem] = report.items as Record<string, unknown>[];
    const [customerItem] = customerReport.items as Record<string, unknown>[];
    // The same windows, the same policy: the same availability; no fee, so no credit.
    expect(teamItem).toMatchObject({
      downtimeMs: 150 * 60_000,
      availabilityDisplay: customerItem?.availabilityDisplay,
      met: false,
      creditMinor: 0,
      claimable: false,
    });
    expect(customerItem).toMatchObject({ downtimeMs: 150 * 60_000, claimable: true });
    expect(customerItem?.creditMinor).toBeGreaterThan(0);
  });

  it('refuses a claim with a 422 that says why, and stores none', async () => {
    const w = await world();
    const response = await post(
      w.t,
      '/me/claims',
      {
        agreementId: w.agreements.internal.id,
        service: 'cdn',
        period: '2026-10',
        description: 'We want a credit',
      },
      w.heads.team,
    );
    expect(response.status).toBe(422);
    const error = (await body(response)).error;
    expect(error?.code).toBe('AGREEMENT_TAKES_NO_CLAIMS');
    expect(error?.issues).toEqual([
      { path: 'agreementId', message: 'an internal agreement takes no claims' },
    ]);
    const [stored] = await w.t.db.db.select({ n: count() }).from(claims);
    expect(stored?.n).toBe(0);
  });
});

describe('a vendor agreement', () => {
  it('is never shown to the vendor’s own sign-in, nor claimable there', async () => {
    const w = await world();
    const overview = await body(
      await w.t.app.request('/api/v1/me/agreements', { headers: w.heads.vendor }),
    );
    expect(overview.items).toEqual([]);
    const filed = await post(
      w.t,
      '/me/claims',
      { agreementId: w.agreements.vendor.id, service: 'cdn', period: '2026-10' },
      w.heads.vendor,
    );
    expect(filed.status).toBe(404);
  });

  it('owes nothing until a window is attributed to it', async () => {
    const w = await world();
    const q = await quarter(w, '2026-Q4');
    const october = q.vendors[0].items.find((item: { month: string }) => item.month === '2026-10');
    expect(october).toMatchObject({ downtimeMs: 0, creditMinor: 0, met: true, final: true });
  });

  it('owes what the engine computes under the vendor’s policy on the attributed windows only', async () => {
    const w = await world();
    const made = await attribute(w, { windowId: w.windows.vendorOutage.id });
    expect(made.status).toBe(201);
    expect((await body(made)).items).toMatchObject([
      { windowId: w.windows.vendorOutage.id, service: 'cdn', reason: 'Cumulus incident CUM-123' },
    ]);
    const expected = engineOctober([w.windows.vendorOutage]);
    expect(expected.creditMinor).toBe(50_000);
    const q = await quarter(w, '2026-Q4');
    expect(q.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(q.vendors).toHaveLength(1);
    const [entry] = q.vendors;
    expect(entry.vendor).toEqual({ id: w.ids.vendor, name: 'Cumulus CDN (vendor)' });
    // December has not begun; November goes on (its credit so far).
    expect(entry.items.map((item: { month: string }) => item.month)).toEqual([
      '2026-10',
      '2026-11',
    ]);
    expect(entry.items[0]).toMatchObject({
      service: 'cdn',
      final: true,
      downtimeMs: expected.downtimeMs,
      availabilityDisplay: expected.availabilityDisplay,
      creditMinor: expected.creditMinor,
      currency: 'USD',
      claimDeadline: expected.claimDeadline,
      claim: null,
    });
    expect(entry.items[1]).toMatchObject({ month: '2026-11', final: false, creditMinor: 0 });
    expect(entry.totals).toEqual([
      { currency: 'USD', owedMinor: 50_000, receivedMinor: 0, openMinor: 50_000, soFarMinor: 0 },
    ]);
    // Our customer's figures still count every window of ours.
    const customerReport = await body(
      await w.t.app.request('/api/v1/me/availability?period=2026-10', {
        headers: w.heads.customer,
      }),
    );
    expect(customerReport.items).toMatchObject([{ downtimeMs: 150 * 60_000 }]);
  });

  it('takes an incident’s outage windows of its services in one attribution', async () => {
    const w = await world();
    const now = new Date(w.t.clock.now());
    // Arranged in the database: the on-call screens' own tests cover how incidents are made.
    const { id } = await w.t.db.write((tx) =>
      tx
        .insert(incidents)
        .values({
          title: 'Edge failures at the CDN provider',
          impact: 'major',
          status: 'resolved',
          startedAt: new Date('2026-10-05T09:55:00Z'),
          resolvedAt: new Date('2026-10-05T12:05:00Z'),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get(),
    );
    const made = await attribute(w, { incidentId: id });
    expect(made.status, JSON.stringify(await made.clone().json())).toBe(201);
    const items = (await body(made)).items as { windowId: number; incidentId: number }[];
    expect(items.map((item) => item.windowId)).toEqual([w.windows.vendorOutage.id]);
    expect(items[0]?.incidentId).toBe(id);
  });

  it('refuses attributions that do not fit, in the shared error shape', async () => {
    const w = await world();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ windowId: w.windows.maintenance.id }, 422, 'MAINTENANCE_NOT_ATTRIBUTABLE'],
      [{ windowId: w.windows.dnsOutage.id }, 422, 'SERVICE_NOT_COVERED'],
      [{ windowId: 999_999 }, 422, 'UNKNOWN_REFERENCE'],
      [
        { windowId: w.windows.vendorOutage.id, agreementId: w.agreements.customer.id },
        422,
        'NOT_A_VENDOR_AGREEMENT',
      ],
      [{ windowId: w.windows.vendorOutage.id, incidentId: 1 }, 400, 'INVALID_INPUT'],
      [{}, 400, 'INVALID_INPUT'],
      [{ windowId: w.windows.vendorOutage.id, reason: '   ' }, 400, 'INVALID_INPUT'],
      [{ windowId: 'one' }, 400, 'INVALID_INPUT'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await attribute(w, payload);
      expect(response.status, JSON.stringify(payload)).toBe(status);
      expect((await body(response)).error?.code, JSON.stringify(payload)).toBe(code);
    }
    expect((await attribute(w, { windowId: w.windows.vendorOutage.id })).status).toBe(201);
    const twice = await attribute(w, { windowId: w.windows.vendorOutage.id });
    expect(twice.status).toBe(409);
    expect((await body(twice)).error?.code).toBe('ALREADY_ATTRIBUTED');
    const customerTries = await post(
      w.t,
      '/staff/vendor-attributions',
      { agreementId: w.agreements.vendor.id, windowId: w.windows.ownOutage.id, reason: 'x' },
      w.heads.customer,
    );
    expect(customerTries.status).toBe(403);
  });
});

describe('claims filed with a vendor', () => {
  it('go from filed to granted with the amount received, counted in the quarter', async () => {
    const w = await world();
    await attribute(w, { windowId: w.windows.vendorOutage.id });
    const early = await fileVendorClaim(w, { period: '2026-11' });
    expect(early.status).toBe(422);
    expect((await body(early)).error?.code).toBe('PERIOD_NOT_ENDED');

    const filed = await fileVendorClaim(w, {
      filedAt: '2026-11-03T09:00:00Z',
      vendorReference: 'CASE-778',
    });
    expect(filed.status).toBe(201);
    const claim = await body(filed);
    expect(claim).toMatchObject({
      status: 'filed',
      computedCreditMinor: 50_000,
      currency: 'USD',
      filedAt: '2026-11-03T09:00:00.000Z',
      claimDeadline: '2026-12-31T00:00:00.000Z',
      vendorReference: 'CASE-778',
      vendor: { name: 'Cumulus CDN (vendor)' },
      amountReceivedMinor: null,
      evaluation: { downtimeMs: 2 * 3_600_000, creditMinor: 50_000 },
    });
    const again = await fileVendorClaim(w);
    expect(again.status).toBe(409);
    expect((await body(again)).error?.code).toBe('CLAIM_EXISTS');

    const decide = (payload: Record<string, unknown>) =>
      post(w.t, `/staff/vendor-claims/${claim.id}/decision`, payload, w.heads.agent);
    const noAmount = await decide({ decision: 'granted' });
    expect(noAmount.status).toBe(422);
    expect((await body(noAmount)).error?.code).toBe('AMOUNT_REQUIRED');
    expect((await decide({ decision: 'granted', amountReceivedMinor: 12.5 })).status).toBe(400);
    expect((await decide({ decision: 'granted', amountReceivedMinor: 0 })).status).toBe(400);
    const beforeFiling = await decide({
      decision: 'granted',
      amountReceivedMinor: 45_000,
      decidedAt: '2026-11-02T00:00:00Z',
    });
    expect(beforeFiling.status).toBe(422);

    const granted = await decide({
      decision: 'granted',
      amountReceivedMinor: 45_000,
      decidedAt: '2026-11-15T00:00:00Z',
      note: 'Credited on the November invoice.',
    });
    expect(granted.status).toBe(200);
    expect(await body(granted)).toMatchObject({
      status: 'granted',
      amountReceivedMinor: 45_000,
      decidedAt: '2026-11-15T00:00:00.000Z',
    });
    const twice = await decide({ decision: 'refused', note: 'no' });
    expect(twice.status).toBe(409);
    expect((await body(twice)).error?.code).toBe('CLAIM_ALREADY_DECIDED');

    const q = await quarter(w);
    expect(q.quarter).toBe('2026-Q4');
    expect(q.vendors[0].items[0].claim).toMatchObject({ id: claim.id, status: 'granted' });
    expect(q.vendors[0].totals).toEqual([
      { currency: 'USD', owedMinor: 50_000, receivedMinor: 45_000, openMinor: 0, soFarMinor: 0 },
    ]);
  });

  it('once refused (with the vendor’s reason) may be filed again while in time', async () => {
    const w = await world();
    await attribute(w, { windowId: w.windows.vendorOutage.id });
    const claim = await body(await fileVendorClaim(w));
    const decide = (payload: Record<string, unknown>) =>
      post(w.t, `/staff/vendor-claims/${claim.id}/decision`, payload, w.heads.agent);
    const noReason = await decide({ decision: 'refused' });
    expect(noReason.status).toBe(422);
    expect((await body(noReason)).error?.code).toBe('REASON_REQUIRED');
    const withAmount = await decide({ decision: 'refused', amountReceivedMinor: 5, note: 'no' });
    expect(withAmount.status).toBe(422);
    const refused = await decide({ decision: 'refused', note: 'Outside their measured scope.' });
    expect(refused.status).toBe(200);
    expect((await fileVendorClaim(w, { note: 'Appeal with our logs.' })).status).toBe(201);
    const rows = await w.t.db.db
      .select({ status: vendorClaims.status })
      .from(vendorClaims)
      .where(eq(vendorClaims.agreementId, w.agreements.vendor.id));
    expect(rows.map((row) => row.status)).toEqual(['refused', 'filed']);
  });

  it('are refused after the vendor’s deadline, for other kinds, and with bad input', async () => {
    // October's 60 days end on 2026-12-31.
    const w = await world('2026-12-31T00:00:00Z');
    await attribute(w, { windowId: w.windows.vendorOutage.id });
    const late = await fileVendorClaim(w);
    expect(late.status).toBe(422);
    expect((await body(late)).error?.code).toBe('CLAIM_DEADLINE_PASSED');
    const inTime = await fileVendorClaim(w, { filedAt: '2026-12-30T23:59:00Z' });
    expect(inTime.status).toBe(201);

    const other = await fileVendorClaim(w, { agreementId: w.agreements.customer.id });
    expect(other.status).toBe(422);
    expect((await body(other)).error?.code).toBe('NOT_A_VENDOR_AGREEMENT');
    const cases: Record<string, unknown>[] = [
      { period: '2026-13' },
      { service: 'Not A Slug' },
      { filedAt: 'yesterday' },
      { agreementId: -1 },
      { extra: true },
    ];
    for (const payload of cases) {
      const response = await fileVendorClaim(w, payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect((await body(response)).error?.code).toBe('INVALID_INPUT');
    }
    const future = await fileVendorClaim(w, { period: '2026-09', filedAt: '2027-01-01T00:00:00Z' });
    expect(future.status).toBe(422);
    expect((await body(future)).error?.code).toBe('FILED_AT_OUT_OF_RANGE');
    const badQuarter = await w.t.app.request('/api/v1/staff/vendor-credits?quarter=2026-Q5', {
      headers: w.heads.agent,
    });
    expect(badQuarter.status).toBe(400);
    const missing = await post(
      w.t,
      '/staff/vendor-claims/999999/decision',
      { decision: 'refused', note: 'x' },
      w.heads.agent,
    );
    expect(missing.status).toBe(404);
  });
});
