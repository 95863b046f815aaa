import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import {
  addWindow,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';

/**
 * Approved credits in three currencies for two customers: Acme (New York, USD on two services;
 * Berlin, EUR) and Zeta (Tokyo, JPY, a currency without minor digits). Two are credited on
 * invoices. Every service was down for three hours on 10 October.
 */
async function ledgerWorld() {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const api = await createService(t, 'api');
  const web = await createService(t, 'web');
  const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
  const acme = await createCustomer(t, 'Acme', 'America/New_York');
  const zeta = await createCustomer(t, 'Zeta KK', 'Asia/Tokyo');
  const agreement = (
    customerId: number,
    timeZone: string,
    services: { serviceId: number; monthlyFeeMinor: number; currency: string }[],
  ) =>
    createAgreement(t, {
      customerId,
      policyId: policy.id,
      start: '2025-01-01T00:00:00Z',
      timeZone,
      services,
    });
  const newYork = await agreement(acme.id, 'America/New_York', [
    { serviceId: api.id, monthlyFeeMinor: 200_000, currency: 'USD' },
    { serviceId: web.id, monthlyFeeMinor: 100_000, currency: 'USD' },
  ]);
  const berlin = await agreement(acme.id, 'Europe/Berlin', [
    { serviceId: api.id, monthlyFeeMinor: 50_000, currency: 'EUR' },
  ]);
  const tokyo = await agreement(zeta.id, 'Asia/Tokyo', [
    { serviceId: api.id, monthlyFeeMinor: 300_000, currency: 'JPY' },
  ]);
  for (const service of [api, web]) {
    await addWindow(t, service.id, {
      state: 'major_outage',
      start: '2026-10-10T00:00:00Z',
      end: '2026-10-10T03:00:00Z',
    });
  }
  const acmeUser = await signedIn(t, (await createUser(t, 'customer', { customerId: acme.id })).id);
  const zetaUser = await signedIn(t, (await createUser(t, 'customer', { customerId: zeta.id })).id);
  const agent = await signedIn(t, (await createUser(t, 'agent')).id);
  const request = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const response = await t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : json(method, body, headers),
    );
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response;
  };
  const approve = async (
    customer: Record<string, string>,
    agreementId: number,
    service: string,
    invoice?: string,
  ) => {
    const claim = await (
      await request('POST', '/me/claims', customer, { agreementId, service, period: '2026-10' })
    ).json();
    await request('POST', `/staff/claims/${claim.id}/decision`, agent.headers, {
      decision: 'approve',
    });
    if (invoice !== undefined) {
      await request('POST', `/staff/claims/${claim.id}/credit`, agent.headers, {
        invoiceReference: invoice,
      });
    }
    return claim.id as number;
  };
  const claims = {
    acmeApi: await approve(acmeUser.headers, newYork.id, 'api', 'INV-1'),
    acmeWeb: await approve(acmeUser.headers, newYork.id, 'web'),
    acmeEur: await approve(acmeUser.headers, berlin.id, 'api', 'INV-2'),
    zeta: await approve(zetaUser.headers, tokyo.id, 'api'),
  };
  const get = (path: string, headers = agent.headers) =>
    t.app.request(`/api/v1${path}`, { headers });
  return { t, acme, zeta, claims, get, acmeUser };
}

const EXPECTED_TOTALS = {
  byCurrency: [
    { currency: 'EUR', count: 1, amountMinor: 5_000, creditedMinor: 5_000 },
    { currency: 'JPY', count: 1, amountMinor: 30_000, creditedMinor: 0 },
    { currency: 'USD', count: 2, amountMinor: 30_000, creditedMinor: 20_000 },
  ],
  byCustomer: [
    {
      customer: { id: 1, name: 'Acme' },
      currency: 'EUR',
      count: 1,
      amountMinor: 5_000,
      creditedMinor: 5_000,
    },
    {
      customer: { id: 1, name: 'Acme' },
      currency: 'USD',
      count: 2,
      amountMinor: 30_000,
      creditedMinor: 20_000,
    },
    {
      customer: { id: 2, name: 'Zeta KK' },
      currency: 'JPY',
      count: 1,
      amountMinor: 30_000,
      creditedMinor: 0,
    },
  ],
};

describe('GET /staff/credits/totals', () => {
  it('totals every entry per currency and per customer, never adding currencies together', async () => {
    const w = await ledgerWorld();
    expect([w.acme.id, w.zeta.id]).toEqual([1, 2]);
    const response = await w.get('/staff/credits/totals');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(EXPECTED_TOTALS);
    // The filters of the ledger apply.
    const zeta = await (await w.get(`/staff/credits/totals?customerId=${w.zeta.id}`)).json();
    expect(zeta.byCurrency).toEqual([EXPECTED_TOTALS.byCurrency[1]]);
    const september = await (await w.get('/staff/credits/totals?period=2026-09')).json();
    expect(september).toEqual({ byCurrency: [], byCustomer: [] });
  });

  it('is for staff, and refuses a bad filter with a 400', async () => {
    const w = await ledgerWorld();
    expect((await w.get('/staff/credits/totals', w.acmeUser.headers)).status).toBe(403);
    expect((await w.get('/staff/credits.csv', w.acmeUser.headers)).status).toBe(403);
    for (const query of ['period=2026-13', 'customerId=abc', 'colour=red']) {
      const response = await w.get(`/staff/credits/totals?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code, query).toBe('INVALID_INPUT');
    }
  });
});

describe('GET /staff/credits.csv', () => {
  it('lists every credit in the statements’ conventions, then totals equal to the JSON', async () => {
    const w = await ledgerWorld();
    const response = await w.get('/staff/credits.csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(Buffer.from(bytes), { columns: true, bom: true });
    const credits = rows.filter((row) => row.record === 'credit');
    expect(
      credits.map((row) => [row.claim, row.customer, row.service_name, row.amount, row.currency]),
    ).toEqual([
      [String(w.claims.acmeApi), 'Acme', 'API', '200.00', 'USD'],
      [String(w.claims.acmeWeb), 'Acme', 'WEB', '100.00', 'USD'],
      [String(w.claims.acmeEur), 'Acme', 'API', '50.00', 'EUR'],
      [String(w.claims.zeta), 'Zeta KK', 'API', '30000', 'JPY'],
    ]);
    // Local times with their offset, in each agreement's zone.
    expect(credits.map((row) => [row.time_zone, row.approved_at])).toEqual([
      ['America/New_York', '2026-11-20T07:00:00-05:00'],
      ['America/New_York', '2026-11-20T07:00:00-05:00'],
      ['Europe/Berlin', '2026-11-20T13:00:00+01:00'],
      ['Asia/Tokyo', '2026-11-20T21:00:00+09:00'],
    ]);
    expect(credits.map((row) => [row.invoice, row.credited_amount])).toEqual([
      ['INV-1', '200.00'],
      ['', ''],
      ['INV-2', '50.00'],
      ['', ''],
    ]);
    expect(Object.keys(rows[0] ?? {}).filter((column) => /_ms$|_minor$/.test(column))).toEqual([]);

    // The totals rows say what the totals endpoint says, in the same units as the rows.
    const digits: Record<string, number> = { EUR: 2, JPY: 0, USD: 2 };
    const minor = (text: string | undefined, currency: string) =>
      Math.round(Number(text) * 10 ** (digits[currency] ?? 2));
    const totalsOf = (record: string) =>
      rows
        .filter((row) => row.record === record)
        .map((row) => ({
          ...(record === 'customer total'
            ? { customer: { id: Number(row.customer_id), name: row.customer } }
            : {}),
          currency: row.currency,
          count: Number(row.entries),
          amountMinor: minor(row.amount, row.currency ?? ''),
          creditedMinor: minor(row.credited_amount, row.currency ?? ''),
        }));
    const json = await (await w.get('/staff/credits/totals')).json();
    expect(totalsOf('total')).toEqual(json.byCurrency);
    expect(totalsOf('customer total')).toEqual(json.byCustomer);
    // And the credit rows add up to them.
    const sums: Record<string, number> = {};
    for (const row of credits) {
      const currency = row.currency ?? '';
      sums[currency] = (sums[currency] ?? 0) + minor(row.amount, currency);
    }
    expect(sums).toEqual(
      Object.fromEntries(
        json.byCurrency.map((total: { currency: string; amountMinor: number }) => [
          total.currency,
          total.amountMinor,
        ]),
      ),
    );

    const filtered: Record<string, string>[] = parse(
      await (await w.get(`/staff/credits.csv?customerId=${w.zeta.id}`)).text(),
      { columns: true, bom: true },
    );
    expect(filtered.map((row) => [row.record, row.amount, row.currency])).toEqual([
      ['credit', '30000', 'JPY'],
      ['customer total', '30000', 'JPY'],
      ['total', '30000', 'JPY'],
    ]);
  });
});
