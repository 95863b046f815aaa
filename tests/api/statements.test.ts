import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { services } from '../../db/schema/index.ts';
import { testApp } from '../helpers/app.ts';
import {
  createApiKey,
  createCustomer,
  createService,
  createUser,
  json,
  signedIn,
} from '../helpers/factories.ts';
import {
  addWindow,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';

/**
 * A New York customer with two agreements: one in New York (USD) on the API and the website,
 * the website monitored only from 6 October; one in Berlin (EUR) on the API. The API was down
 * for three hours on 10 October; its New York claim was approved and credited, the Berlin one
 * is still submitted.
 */
async function octoberWorld(later?: string) {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const api = await createService(t, 'api');
  const web = await createService(t, 'web', { monitoredSince: '2026-10-06T04:00:00Z' });
  await t.db.write(async (tx) => {
    await tx.update(services).set({ name: 'Public API' }).where(eq(services.id, api.id));
    await tx.update(services).set({ name: 'Website' }).where(eq(services.id, web.id));
  });
  const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
  const customer = await createCustomer(t, 'Acme Überseehandel GmbH', 'America/New_York');
  const newYork = await createAgreement(t, {
    customerId: customer.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'America/New_York',
    services: [
      { serviceId: api.id, monthlyFeeMinor: 200_000 },
      { serviceId: web.id, monthlyFeeMinor: 100_000 },
    ],
  });
  const berlin = await createAgreement(t, {
    customerId: customer.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'Europe/Berlin',
    services: [{ serviceId: api.id, monthlyFeeMinor: 50_000, currency: 'EUR' }],
  });
  await addWindow(t, api.id, {
    state: 'major_outage',
    start: '2026-10-10T00:00:00Z',
    end: '2026-10-10T03:00:00Z',
  });
  const user = await createUser(t, 'customer', { customerId: customer.id });
  const session = await signedIn(t, user.id);
  const agent = await signedIn(t, (await createUser(t, 'agent')).id);
  const admin = await signedIn(t, (await createUser(t, 'admin')).id);
  const request = (path: string, init: RequestInit = {}) => t.app.request(`/api/v1${path}`, init);
  const ok = async (path: string, init: RequestInit = {}) => {
    const response = await request(path, init);
    expect(response.status, path).toBe(response.status === 201 ? 201 : 200);
    return response;
  };
  await ok('/staff/brand', json('PATCH', { productName: 'Northwind Cloud status' }, admin.headers));
  const file = async (agreementId: number) =>
    (
      await ok(
        '/me/claims',
        json('POST', { agreementId, service: 'api', period: '2026-10' }, session.headers),
      )
    ).json();
  const credited = await file(newYork.id);
  await ok(
    `/staff/claims/${credited.id}/decision`,
    json('POST', { decision: 'approve' }, agent.headers),
  );
  await ok(
    `/staff/claims/${credited.id}/credit`,
    json('POST', { invoiceReference: 'INV-2026-1101' }, agent.headers),
  );
  const submitted = await file(berlin.id);
  // A read key, unlike a session, does not expire while the clock moves on.
  const key = await createApiKey(t, ['read'], {
    customerId: customer.id,
    createdByUserId: user.id,
  });
  if (later !== undefined) t.clock.set(Date.parse(later));
  const get = (path: string) => ok(path, { headers: key.headers });
  return { t, customer, newYork, berlin, credited, submitted, get, agent, admin, key: key.headers };
}

async function pdfText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  // Table cells wrap: compare words, not line breaks.
  return text.replace(/\s+/g, ' ');
}

type Row = Record<string, string>;

async function csvRows(response: Response): Promise<Row[]> {
  expect(response.headers.get('content-type')).toContain('text/csv');
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The byte order mark that tells spreadsheets the file is UTF-8 (Response.text() drops it).
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(Buffer.from(bytes), { columns: true, bom: true, skip_empty_lines: true });
}

/** Written here independently of the API's own formatting. */
const money = (minor: number, currency: string) =>
  `${currency} ${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(minor / 100)}`;
const major = (minor: number) => (minor / 100).toFixed(2);
const cents = (text: string | undefined) => Math.round(Number(text) * 100);
const hoursMinutes = (ms: number) => {
  const minutes = Math.ceil(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
};

interface Figures {
  agreementId: number;
  service: string;
  serviceName: string;
  month: string;
  status: string;
  availabilityDisplay: string | null;
  met: boolean | null;
  downtimeMs: number;
  unmonitoredMs: number;
  creditMinor: number;
  currency: string;
  policy: { targetPercent: number };
  creditRuleText: string;
}
interface Total {
  currency: string;
  creditMinor: number;
  availabilityCreditMinor: number;
  supportCreditMinor: number;
  approvedMinor: number;
  creditedMinor: number;
}
interface StatementJson {
  kind: string;
  months: string[];
  monthsNotBegun: string[];
  items: Figures[];
  totals: Total[];
  claims: { id: number; status: string }[];
}

const sumBy = <T>(items: T[], key: (item: T) => string, value: (item: T) => number) => {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return Object.fromEntries([...sums.entries()].sort());
};

describe('the PDF statement of a month', () => {
  it('shows the figures the API gives for the month, and how to verify them', async () => {
    const w = await octoberWorld();
    const availability = (await (await w.get('/me/availability?period=2026-10')).json()) as {
      items: Figures[];
    };
    const statement = (await (await w.get('/me/statements/2026-10.json')).json()) as StatementJson;
    const response = await w.get('/me/statements/2026-10.pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="statement-2026-10.pdf"',
    );
    const text = await pdfText(response);

    expect(text).toContain('Northwind Cloud status');
    expect(text).toContain('Service level statement — October 2026');
    expect(text).toContain('Customer Acme Überseehandel GmbH');
    expect(text).toContain('As of 20 Nov 2026, 07:00 (America/New_York, -05:00)');
    expect(text).toContain(`Agreement #${w.newYork.id} — America/New_York`);
    expect(text).toContain('Period: 1 Oct 2026, 00:00 (-04:00) – 1 Nov 2026, 00:00 (-04:00).');
    expect(text).toContain(`Agreement #${w.berlin.id} — Europe/Berlin`);
    expect(text).toContain('Period: 1 Oct 2026, 00:00 (+02:00) – 1 Nov 2026, 00:00 (+01:00).');
    // The Berlin month read in the customer's own zone.
    expect(text).toContain(
      'In your time zone (America/New_York): 30 Sep 2026, 18:00 (-04:00) – 31 Oct 2026, 19:00 (-04:00).',
    );

    expect(availability.items).toHaveLength(3);
    for (const item of availability.items) {
      const result = item.met ? 'Met' : 'Missed';
      const row = [
        `${item.serviceName} (${item.service})`,
        `${item.policy.targetPercent} %`,
        `${item.availabilityDisplay} %`,
        item.unmonitoredMs > 0 ? `${result} (partially measured)` : result,
        hoursMinutes(item.downtimeMs),
        money(item.creditMinor, item.currency),
      ].join(' ');
      expect(text, row).toContain(row);
    }
    const [apiNewYork, webNewYork, apiBerlin] = statement.items;
    expect([apiNewYork?.creditMinor, webNewYork?.creditMinor, apiBerlin?.creditMinor]).toEqual([
      20_000, 0, 5_000,
    ]);
    // The rule that gave each credit, as the JSON words it.
    expect(apiNewYork?.creditRuleText).toBe(
      '10 % (availability below 99.9 %) of USD 2,000.00 = USD 200.00.',
    );
    expect(text).toContain(`Credit: ${apiNewYork?.creditRuleText}`);
    expect(text).toContain(`Credit: ${apiBerlin?.creditRuleText}`);
    // The website was monitored from 6 October: five days unmeasured.
    expect(webNewYork?.unmonitoredMs).toBe(5 * 86_400_000);
    expect(text).toContain(
      'Partially measured: 120:00 (h:mm) not measured, before monitoring began on 6 Oct 2026, 00:00',
    );

    expect(text).toContain(
      `#${w.credited.id} Public API October 2026 credited USD 200.00 USD 200.00 INV-2026-1101`,
    );
    expect(text).toContain(`#${w.submitted.id} Public API October 2026 submitted EUR 50.00 — —`);
    for (const total of statement.totals) {
      const figures = [
        total.availabilityCreditMinor,
        total.supportCreditMinor,
        total.creditMinor,
        total.approvedMinor,
        total.creditedMinor,
      ];
      expect(text).toContain(
        [total.currency, ...figures.map((minor) => money(minor, total.currency))].join(' '),
      );
    }
    expect(statement.totals).toEqual([
      {
        currency: 'EUR',
        creditMinor: 5_000,
        availabilityCreditMinor: 5_000,
        supportCreditMinor: 0,
        approvedMinor: 0,
        creditedMinor: 0,
      },
      {
        currency: 'USD',
        creditMinor: 20_000,
        availabilityCreditMinor: 20_000,
        supportCreditMinor: 0,
        approvedMinor: 20_000,
        creditedMinor: 20_000,
      },
    ]);

    expect(text).toContain('How to verify these figures');
    expect(text).toContain('GET /api/v1/me/availability?period=2026-10');
    expect(text.replaceAll(' ', '')).toContain('http://portal.test/account/?month=2026-10');
  });

  it('gives the same bytes for the same figures, and staff the customer’s figures', async () => {
    const w = await octoberWorld();
    const first = new Uint8Array(await (await w.get('/me/statements/2026-10.pdf')).arrayBuffer());
    const second = new Uint8Array(await (await w.get('/me/statements/2026-10.pdf')).arrayBuffer());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const path = `/api/v1/staff/customers/${w.customer.id}/statements/2026-10`;
    const staffPdf = await w.t.app.request(`${path}.pdf`, { headers: w.agent.headers });
    expect(staffPdf.status).toBe(200);
    expect(staffPdf.headers.get('content-disposition')).toBe(
      `attachment; filename="statement-customer-${w.customer.id}-2026-10.pdf"`,
    );
    const text = await pdfText(staffPdf);
    expect(text).toContain('Prepared by staff, from the same figures the customer sees');
    expect(text).toContain('Public API (api) 99.9 % 99.596 % Missed 3:00 USD 200.00');
    const staffJson = await w.t.app.request(`${path}.json`, { headers: w.agent.headers });
    expect(await staffJson.json()).toEqual(
      await (await w.get('/me/statements/2026-10.json')).json(),
    );
  });
});

describe('names the PDF font cannot print', () => {
  it('writes them as code points with a note, and the CSV carries them exactly', async () => {
    const w = await octoberWorld();
    await w.t.db.client.execute({
      sql: 'UPDATE customers SET name = ? WHERE id = ?',
      args: ['山田 Trading', w.customer.id],
    });
    const text = await pdfText(await w.get('/me/statements/2026-10.pdf'));
    expect(text).toContain('Customer [U+5C71][U+7530] Trading');
    expect(text).toContain('written as their Unicode code point');
    const rows = await csvRows(await w.get('/me/statements/2026-10.csv'));
    expect(rows[0]?.customer).toBe('山田 Trading');
  });
});

describe('the CSV statement of a month', () => {
  it('is for people: names, major units, local times, minutes; its totals equal the JSON', async () => {
    const w = await octoberWorld();
    const statement = (await (await w.get('/me/statements/2026-10.json')).json()) as StatementJson;
    const rows = await csvRows(await w.get('/me/statements/2026-10.csv'));
    const columns = Object.keys(rows[0] ?? {});
    expect(columns.filter((column) => /_ms$|_minor$/.test(column))).toEqual([]);
    expect(rows.every((row) => row.customer === 'Acme Überseehandel GmbH')).toBe(true);

    const months = rows.filter((row) => row.record === 'service month');
    expect(
      months.map((row) => [row.agreement, row.service_name, row.credit, row.currency]),
    ).toEqual(
      statement.items.map((item) => [
        String(item.agreementId),
        item.serviceName,
        major(item.creditMinor),
        item.currency,
      ]),
    );
    expect(months[0]).toMatchObject({
      time_zone: 'America/New_York',
      service: 'api',
      availability_percent: '99.596',
      target: 'missed',
      downtime_minutes: '180.00',
      unmeasured_minutes: '0.00',
      credit_rule: '10 % (availability below 99.9 %) of USD 2,000.00 = USD 200.00.',
      claim_deadline: '2026-12-01T00:00:00-05:00',
      claim_status: 'credited',
    });
    expect(months[1]).toMatchObject({
      service_name: 'Website',
      status: 'partially measured',
      unmeasured_minutes: '7200.00',
      monitored_since: '2026-10-06T00:00:00-04:00',
    });
    expect(months[2]).toMatchObject({
      time_zone: 'Europe/Berlin',
      claim_deadline: '2026-12-01T00:00:00+01:00',
    });
    const counted = rows.filter((row) => row.record === 'counted window');
    expect(counted.map((row) => [row.start, row.end, row.downtime_minutes])).toEqual([
      ['2026-10-09T20:00:00-04:00', '2026-10-09T23:00:00-04:00', '180.00'],
      ['2026-10-10T02:00:00+02:00', '2026-10-10T05:00:00+02:00', '180.00'],
    ]);
    const claims = rows.filter((row) => row.record === 'claim');
    expect(
      claims.map((row) => [row.claim, row.claim_status, row.approved_amount, row.invoice]),
    ).toEqual([
      [String(w.credited.id), 'credited', '200.00', 'INV-2026-1101'],
      [String(w.submitted.id), 'submitted', '', ''],
    ]);
    expect(claims[0]?.credited_at).toBe('2026-11-20T07:00:00-05:00');

    // Totals: the rows add up to the JSON's, per currency, and the total rows say the same.
    const totals = statement.totals;
    expect(
      sumBy(
        months,
        (row) => row.currency ?? '',
        (row) => cents(row.credit),
      ),
    ).toEqual(Object.fromEntries(totals.map((total) => [total.currency, total.creditMinor])));
    expect(
      rows
        .filter((row) => row.record === 'total')
        .map((row) => ({
          currency: row.currency,
          creditMinor: cents(row.credit),
          availabilityCreditMinor: cents(row.availability_credit),
          supportCreditMinor: cents(row.support_credit),
          approvedMinor: cents(row.approved_amount),
          creditedMinor: cents(row.credited_amount),
        })),
    ).toEqual(totals);
  });

  it('keeps a name that looks like a formula from running in a spreadsheet', async () => {
    const w = await octoberWorld();
    await w.t.db.client.execute({
      sql: 'UPDATE customers SET name = ? WHERE id = ?',
      args: ['=HYPERLINK("http://evil.example","Acme")', w.customer.id],
    });
    const rows = await csvRows(await w.get('/me/statements/2026-10.csv'));
    expect(new Set(rows.map((row) => row.customer))).toEqual(
      new Set([`'=HYPERLINK("http://evil.example","Acme")`]),
    );
  });
});

describe('the yearly statement', () => {
  it('covers the twelve months in one document, and adds up to the monthly statements', async () => {
    const w = await octoberWorld('2027-01-15T12:00:00Z');
    const year = (await (await w.get('/me/statements/2026.json')).json()) as StatementJson;
    expect(year.kind).toBe('year');
    const months = Array.from(
      { length: 12 },
      (_, index) => `2026-${String(index + 1).padStart(2, '0')}`,
    );
    expect(year.months).toEqual(months);
    expect(year.monthsNotBegun).toEqual([]);
    // Every agreement × service, every month.
    const keys = year.items.map((item) => `${item.agreementId}/${item.service}/${item.month}`);
    for (const [agreementId, service] of [
      [w.newYork.id, 'api'],
      [w.newYork.id, 'web'],
      [w.berlin.id, 'api'],
    ] as const) {
      expect(
        months
          .map((month) => `${agreementId}/${service}/${month}`)
          .every((key) => keys.includes(key)),
      ).toBe(true);
    }
    expect(year.items).toHaveLength(36);
    // The website before monitoring began: no figure, never counted as met.
    expect(
      year.items.filter((item) => item.service === 'web' && item.status === 'not-monitored'),
    ).toHaveLength(9);

    const monthly: Figures[] = [];
    for (const month of months) {
      const statement = (await (
        await w.get(`/me/statements/${month}.json`)
      ).json()) as StatementJson;
      monthly.push(...statement.items);
    }
    const creditOf = (items: Figures[]) =>
      sumBy(
        items,
        (item) => item.currency,
        (item) => item.creditMinor,
      );
    expect(creditOf(year.items)).toEqual(creditOf(monthly));
    expect(
      Object.fromEntries(year.totals.map((total) => [total.currency, total.creditMinor])),
    ).toEqual(creditOf(monthly));

    const rows = await csvRows(await w.get('/me/statements/2026.csv'));
    const serviceMonths = rows.filter((row) => row.record === 'service month');
    expect(new Set(serviceMonths.map((row) => row.month))).toEqual(new Set(months));
    expect(serviceMonths).toHaveLength(36);
    expect(
      sumBy(
        serviceMonths,
        (row) => row.currency ?? '',
        (row) => cents(row.credit),
      ),
    ).toEqual(creditOf(monthly));

    const text = await pdfText(await w.get('/me/statements/2026.pdf'));
    expect(text).toContain('Service level statement — year 2026');
    expect(text).toContain('Period: 1 Jan 2026, 00:00 (-05:00) – 1 Jan 2027, 00:00 (-05:00).');
    for (const month of [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]) {
      expect(text).toContain(`Public API (api) ${month} 2026 99.9 %`);
    }
    expect(text).toContain('Public API (api) Oct 2026 99.9 % 99.596 % Missed 3:00 USD 200.00');
    expect(text).toContain('Public API (api) Oct 2026 99.9 % 99.597 % Missed 3:00 EUR 50.00');
    expect(text).toContain('Website (web) Jan 2026 99.9 % — No data — not monitored — USD 0.00');
    expect(text).toContain('Website, January 2026 – September 2026');
  });

  it('names the months that have not begun while the year runs', async () => {
    const w = await octoberWorld();
    const year = (await (await w.get('/me/statements/2026.json')).json()) as StatementJson;
    expect(year.months.at(-1)).toBe('2026-11');
    expect(year.monthsNotBegun).toEqual(['2026-12']);
    const text = await pdfText(await w.get('/me/statements/2026.pdf'));
    expect(text).toContain('Not begun December 2026: no figures yet.');
    expect(text).toContain('Public API (api) Nov 2026 (so far)');
    const rows = await csvRows(await w.get('/me/statements/2026.csv'));
    expect(rows.filter((row) => row.record === 'not begun').map((row) => row.month)).toEqual([
      '2026-12',
    ]);
  });
});

describe('the rule behind a credit', () => {
  it('explains a tier and the daily rule capped, in the JSON, the CSV and the PDF alike', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const service = await createService(t, 'api');
    const policy = await createPolicy(t, [
      {
        effectiveFrom: '0000-01',
        rules: {
          ...STANDARD_RULES,
          dailyRule: { thresholdMinutes: 60, creditDays: 2 },
          capPercent: 15,
        },
      },
    ]);
    const customer = await createCustomer(t, 'Daily Ltd', 'UTC');
    await createAgreement(t, {
      customerId: customer.id,
      policyId: policy.id,
      start: '2025-01-01T00:00:00Z',
      timeZone: 'UTC',
      services: [{ serviceId: service.id, monthlyFeeMinor: 310_000 }],
    });
    // 14 hours down over three days, each over an hour: 98.118 %, the 25 % tier.
    for (const [start, end] of [
      ['2026-10-05T00:00:00Z', '2026-10-05T02:00:00Z'],
      ['2026-10-06T00:00:00Z', '2026-10-06T02:00:00Z'],
      ['2026-10-07T00:00:00Z', '2026-10-07T10:00:00Z'],
    ] as const) {
      await addWindow(t, service.id, { state: 'major_outage', start, end });
    }
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const { headers } = await signedIn(t, user.id);
    const get = (file: string) => t.app.request(`/api/v1/me/statements/${file}`, { headers });
    const statement = (await (await get('2026-10.json')).json()) as StatementJson;
    const [item] = statement.items;
    // 25 % of 3,100.00 = 775.00, plus 3 days × 2 × 100.00 = 600.00: 1,375.00, capped at 465.00.
    expect(item?.creditMinor).toBe(46_500);
    const rule =
      '25 % (availability below 99 %) of USD 3,100.00 = USD 775.00 + daily rule: 3 days with ' +
      'over 60 min of downtime × 2 × the day’s fee (USD 3,100.00 / 31) = USD 600.00 = ' +
      'USD 1,375.00; capped at 15 % of the fee = USD 465.00.';
    expect(item?.creditRuleText).toBe(rule);
    const [row] = (await csvRows(await get('2026-10.csv'))).filter(
      (each) => each.record === 'service month',
    );
    expect([row?.credit, row?.credit_rule]).toEqual(['465.00', rule]);
    const text = await pdfText(await get('2026-10.pdf'));
    expect(text).toContain('API (api) 99.9 % 98.118 % Missed 14:00 USD 465.00');
    expect(text).toContain(`Credit: ${rule}`);
  });
});

describe('asking for a statement', () => {
  it('refuses what is not a statement with a 400, and a month not begun with a 422', async () => {
    const w = await octoberWorld();
    const headers = { headers: w.agent.headers };
    for (const file of ['2026-13.pdf', '2026-10.xlsx', '26-10.csv', '2026-1.json', '2026-10']) {
      const response = await w.t.app.request(`/api/v1/me/statements/${file}`, {
        headers: w.key,
      });
      expect(response.status, file).toBe(400);
      expect((await response.json()).error.code, file).toBe('INVALID_INPUT');
    }
    for (const file of ['2027-01.pdf', '2027.csv']) {
      const future = await w.t.app.request(`/api/v1/me/statements/${file}`, { headers: w.key });
      expect(future.status, file).toBe(422);
      expect((await future.json()).error.code, file).toBe('PERIOD_NOT_STARTED');
    }
    const unknown = await w.t.app.request(
      '/api/v1/staff/customers/999/statements/2026-10.pdf',
      headers,
    );
    expect(unknown.status).toBe(404);
    // A customer's key does not open the staff route.
    const customer = await w.t.app.request(
      `/api/v1/staff/customers/${w.customer.id}/statements/2026-10.pdf`,
      { headers: w.key },
    );
    expect(customer.status).toBe(403);
  });
});
