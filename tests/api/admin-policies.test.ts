import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { addWindow, createAgreement } from '../helpers/sla-fixtures.ts';

/**
 * POST /staff/policies/{id}/versions/preview: the dry run of a new version. Its figures come
 * from the same evaluation as the customer's availability, so after saving, the months the
 * new version governs show exactly what the preview said.
 */

const RULES = {
  targetPercent: 99.9,
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99, creditPercent: 25 },
  ],
};

const NOW = '2026-11-20T12:00:00Z';

interface Figures {
  status: string;
  availabilityPercent: number | null;
  met: boolean | null;
  creditMinor: number;
}
interface Row {
  service: string;
  month: string;
  toDate: boolean;
  currency: string;
  current: Figures & { version: number };
  proposed: Figures;
  differs: boolean;
}
interface Preview {
  version: number;
  effectiveFrom: string;
  changedFields: string[];
  rules: { targetPercent: number; tiers: unknown[]; claimWindowDays: number };
  follows: { version: number; effectiveFrom: string };
  asOf: string;
  agreements: {
    id: number;
    customer: { name: string };
    timeZone: string;
    rows: Row[];
    totals: { currency: string; currentCreditMinor: number; proposedCreditMinor: number }[];
  }[];
  totals: { currency: string; currentCreditMinor: number; proposedCreditMinor: number }[];
}

/**
 * A policy made through the API, two customers on it (UTC in USD, New York in EUR), one
 * outage per interesting month: 2026-03 misses 99.9 %, 2026-06 meets 99.9 % but not 99.95 %,
 * and the current month has an outage so far.
 */
async function arrange(t: TestApp) {
  const admin = await createUser(t, 'admin');
  let adminSession = await signedIn(t, admin.id);
  const asAdmin = (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: adminSession.headers }
        : json(method, body, adminSession.headers),
    );
  const created = await asAdmin('POST', '/staff/policies', { name: 'Standard', ...RULES });
  expect(created.status).toBe(201);
  const policy = (await created.json()) as { id: number };
  const api = await createService(t, 'api', { monitoredSince: '2025-01-01T00:00:00Z' });
  const web = await createService(t, 'web', { monitoredSince: '2025-01-01T00:00:00Z' });
  const acme = await createCustomer(t, 'Acme', 'UTC');
  const globex = await createCustomer(t, 'Globex', 'America/New_York');
  await createAgreement(t, {
    customerId: acme.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'UTC',
    services: [
      { serviceId: api.id, monthlyFeeMinor: 200_000 },
      { serviceId: web.id, monthlyFeeMinor: 50_000 },
    ],
  });
  await createAgreement(t, {
    customerId: globex.id,
    policyId: policy.id,
    start: '2026-05-01T04:00:00Z',
    timeZone: 'America/New_York',
    services: [{ serviceId: api.id, monthlyFeeMinor: 90_000, currency: 'EUR' }],
  });
  // 60 min in March: 99.865… %, below 99.9.
  await addWindow(t, api.id, {
    state: 'major_outage',
    start: '2026-03-10T10:00:00Z',
    end: '2026-03-10T11:00:00Z',
  });
  // 30 min in June: 99.930… %, above 99.9, below 99.95.
  await addWindow(t, api.id, {
    state: 'major_outage',
    start: '2026-06-15T10:00:00Z',
    end: '2026-06-15T10:30:00Z',
  });
  // 30 min in the current month, before now: below 99.95 % to date and over the whole month.
  await addWindow(t, api.id, {
    state: 'major_outage',
    start: '2026-11-10T08:00:00Z',
    end: '2026-11-10T08:30:00Z',
  });
  const acmeUser = await createUser(t, 'customer', { customerId: acme.id });
  const globexUser = await createUser(t, 'customer', { customerId: globex.id });
  return {
    policy,
    asAdmin,
    acme: await signedIn(t, acmeUser.id),
    globex: await signedIn(t, globexUser.id),
    /** New sessions for everyone, after the clock moved past their idle limit. */
    async signInAgain() {
      adminSession = await signedIn(t, admin.id);
      return { acme: await signedIn(t, acmeUser.id) };
    },
  };
}

const STRICTER = {
  targetPercent: 99.95,
  tiers: [
    { belowPercent: 99.95, creditPercent: 10 },
    { belowPercent: 99, creditPercent: 25 },
  ],
};

async function availability(
  t: TestApp,
  headers: Record<string, string>,
  from: string,
  to: string,
): Promise<(Figures & { agreementId: number; service: string; month: string; source: string })[]> {
  const response = await t.app.request(`/api/v1/me/availability?from=${from}&to=${to}`, {
    headers,
  });
  expect(response.status).toBe(200);
  return (await response.json()).items;
}

const key = (row: { service: string; month: string }) => `${row.service} ${row.month}`;

describe('POST /staff/policies/{id}/versions/preview', () => {
  it('shows what the version changes and its figures per agreement, service and month, saving nothing', async () => {
    const t = await testApp({ now: NOW });
    const { policy, asAdmin, acme: acmeSession } = await arrange(t);
    const response = await asAdmin('POST', `/staff/policies/${policy.id}/versions/preview`, {
      ...STRICTER,
      effectiveFrom: '2026-12',
    });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Preview;
    expect(preview).toMatchObject({
      version: 2,
      effectiveFrom: '2026-12',
      follows: { version: 1, effectiveFrom: '0000-01' },
      asOf: '2026-11-20T12:00:00.000Z',
    });
    expect(preview.changedFields.sort()).toEqual(['targetPercent', 'tiers']);
    // Inherited, not reset: the rules are complete.
    expect(preview.rules.claimWindowDays).toBe(30);

    const [acme, globex] = preview.agreements;
    expect(acme?.customer.name).toBe('Acme');
    expect(globex?.customer.name).toBe('Globex');
    // The 12 closed months of each agreement's zone; not the current one (December governs).
    const acmeMonths = [...new Set(acme?.rows.map((row) => row.month))];
    expect(acmeMonths).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(acme?.rows.filter((row) => row.month === '2026-03').map((row) => row.service)).toEqual([
      'api',
      'web',
    ]);
    // Globex began in May 2026 (New York): nothing before.
    expect(globex?.rows.map((row) => row.month)[0]).toBe('2026-05');

    const june = acme?.rows.find((row) => key(row) === 'api 2026-06');
    expect(june?.current).toMatchObject({ version: 1, met: true, creditMinor: 0 });
    expect(june?.proposed).toMatchObject({ met: false, creditMinor: 20_000 });
    expect(june?.differs).toBe(true);
    const march = acme?.rows.find((row) => key(row) === 'api 2026-03');
    expect(march?.current).toMatchObject({ met: false, creditMinor: 20_000 });
    expect(march?.differs).toBe(false);
    const quiet = acme?.rows.find((row) => key(row) === 'web 2026-06');
    expect(quiet?.differs).toBe(false);

    // Money per currency, never added across currencies.
    expect(preview.totals).toEqual([
      { currency: 'EUR', currentCreditMinor: 0, proposedCreditMinor: 9_000 },
      { currency: 'USD', currentCreditMinor: 20_000, proposedCreditMinor: 40_000 },
    ]);
    expect(acme?.totals).toEqual([
      { currency: 'USD', currentCreditMinor: 20_000, proposedCreditMinor: 40_000 },
    ]);

    // The current figures are the customer's figures, month by month.
    const items = await availability(t, acmeSession.headers, '2025-11', '2026-10');
    expect(items.length).toBe(acme?.rows.length);
    for (const item of items.filter((candidate) => candidate.agreementId === acme?.id)) {
      const row = acme?.rows.find((candidate) => key(candidate) === key(item));
      expect(row?.current, key(item)).toMatchObject({
        availabilityPercent: item.availabilityPercent,
        met: item.met,
        creditMinor: item.creditMinor,
        status: item.status,
      });
    }

    // Nothing was saved, nothing audited.
    const after = await (await asAdmin('GET', `/staff/policies/${policy.id}`)).json();
    expect(after.versions).toHaveLength(1);
    const audit = await t.db.client.execute(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'policy.version.create'",
    );
    expect(Number(audit.rows[0]?.n)).toBe(0);
  });

  it('gives exactly the figures the customer then sees for a month the saved version governs', async () => {
    const t = await testApp({ now: NOW });
    const { policy, asAdmin, acme, globex } = await arrange(t);
    const change = { ...STRICTER, effectiveFrom: '2026-11' };
    const preview = (await (
      await asAdmin('POST', `/staff/policies/${policy.id}/versions/preview`, change)
    ).json()) as Preview;
    // November is open everywhere on the 20th: the new version governs it, shown to date.
    const november = preview.agreements[0]?.rows.filter((row) => row.month === '2026-11') ?? [];
    expect(november.map((row) => [row.service, row.toDate])).toEqual([
      ['api', true],
      ['web', true],
    ]);
    expect(november[0]?.proposed.met).toBe(false);
    expect(november[0]?.proposed.creditMinor).toBeGreaterThan(0);

    const saved = await asAdmin('POST', `/staff/policies/${policy.id}/versions`, change);
    expect(saved.status).toBe(201);

    for (const [index, who] of [acme, globex].entries()) {
      const previewed = preview.agreements[index];
      const items = await availability(t, who.headers, '2025-11', '2026-11');
      expect(items.length).toBe(previewed?.rows.length);
      for (const item of items) {
        const row = previewed?.rows.find((candidate) => key(candidate) === key(item));
        // The governed month: the proposed figures; the closed ones: unchanged.
        const expected = item.month === '2026-11' ? row?.proposed : row?.current;
        expect(
          {
            status: item.status,
            availabilityPercent: item.availabilityPercent,
            met: item.met,
            creditMinor: item.creditMinor,
          },
          key(item),
        ).toEqual({
          status: expected?.status,
          availabilityPercent: expected?.availabilityPercent,
          met: expected?.met,
          creditMinor: expected?.creditMinor,
        });
      }
    }
  });

  it('once the governed month has closed, the claim for it holds the previewed figures', async () => {
    const t = await testApp({ now: NOW });
    const { policy, asAdmin, signInAgain } = await arrange(t);
    await asAdmin('POST', `/staff/policies/${policy.id}/versions`, {
      ...STRICTER,
      effectiveFrom: '2026-11',
    });
    t.clock.set(Date.parse('2026-12-02T09:00:00Z'));
    const { acme } = await signInAgain();
    // A version that changes nothing: both columns are the figures under version 2.
    const preview = (await (
      await asAdmin('POST', `/staff/policies/${policy.id}/versions/preview`, {})
    ).json()) as Preview;
    expect(preview.changedFields).toEqual([]);
    const row = preview.agreements[0]?.rows.find((candidate) => key(candidate) === 'api 2026-11');
    expect(row?.current.version).toBe(2);
    expect(row?.differs).toBe(false);

    const filed = await t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: preview.agreements[0]?.id, service: 'api', period: '2026-11' },
        acme.headers,
      ),
    );
    expect(filed.status, await filed.clone().text()).toBe(201);
    const claim = await filed.json();
    expect({
      availabilityPercent: claim.evaluation.availabilityPercent,
      met: claim.evaluation.met,
      creditMinor: claim.evaluation.creditMinor,
    }).toEqual({
      availabilityPercent: row?.current.availabilityPercent,
      met: row?.current.met,
      creditMinor: row?.current.creditMinor,
    });
  });

  it('refuses what saving would refuse, and saves nothing', async () => {
    const t = await testApp({ now: '2026-11-30T14:00:00Z' });
    const { policy, asAdmin } = await arrange(t);
    const path = `/staff/policies/${policy.id}/versions/preview`;

    // November has ended on the Line Islands.
    const closed = await asAdmin('POST', path, { effectiveFrom: '2026-11', targetPercent: 99 });
    expect(closed.status).toBe(422);
    expect((await closed.json()).error).toMatchObject({
      code: 'PERIOD_CLOSED',
      issues: [{ path: 'effectiveFrom' }],
    });

    const invalid = await asAdmin('POST', path, { weights: { degraded: 1.5 } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.issues[0].path).toBe('weights.degraded');

    await asAdmin('POST', `/staff/policies/${policy.id}/versions`, { effectiveFrom: '2027-02' });
    const early = await asAdmin('POST', path, { effectiveFrom: '2027-01', targetPercent: 99 });
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('VERSION_ORDER');

    const missing = await asAdmin('POST', '/staff/policies/999/versions/preview', {});
    expect(missing.status).toBe(404);

    const policyAfter = await (await asAdmin('GET', `/staff/policies/${policy.id}`)).json();
    expect(policyAfter.versions).toHaveLength(2);
  });
});

describe('GET /staff/policies', () => {
  it('finds policies by name, sorts by name across pages, and counts their agreements', async () => {
    const t = await testApp({ now: NOW });
    const { policy, asAdmin } = await arrange(t);
    for (const name of ['premium 100% plan', 'Basic', 'Archive_old']) {
      expect((await asAdmin('POST', '/staff/policies', { name, ...RULES })).status).toBe(201);
    }
    const names = async (query: string) =>
      (
        (await (await asAdmin('GET', `/staff/policies?${query}`)).json()).items as {
          name: string;
        }[]
      ).map((item) => item.name);

    expect(await names('q=PREM')).toEqual(['premium 100% plan']);
    // % and _ are letters in a search, not wildcards.
    expect(await names('q=100%25')).toEqual(['premium 100% plan']);
    expect(await names('q=e_o')).toEqual(['Archive_old']);
    expect(await names('q=%25')).toEqual(['premium 100% plan']);

    const first = await (await asAdmin('GET', '/staff/policies?sort=name&limit=2')).json();
    expect(first.items.map((item: { name: string }) => item.name)).toEqual([
      'Archive_old',
      'Basic',
    ]);
    const second = await (
      await asAdmin('GET', `/staff/policies?sort=name&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((item: { name: string }) => item.name)).toEqual([
      'premium 100% plan',
      'Standard',
    ]);
    expect(second.nextCursor).toBeNull();

    const standard = await (await asAdmin('GET', `/staff/policies/${policy.id}`)).json();
    expect(standard).toMatchObject({ agreementCount: 2, activeAgreementCount: 2 });
    expect((await asAdmin('GET', '/staff/policies?sort=size')).status).toBe(400);
  });
});
