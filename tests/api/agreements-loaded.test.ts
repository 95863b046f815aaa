// Agreements are read in one statement, their services and policy versions as JSON arrays
// built in SQLite (docs/decisions/202): the order and the values must be what the queries
// gave before, whatever order the rows were written in.
import { describe, expect, it } from 'vitest';
import { loadAgreements } from '../../api/services/sla-figures.ts';
import { testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, signedIn } from '../helpers/factories.ts';
import { createAgreement, createPolicy, STANDARD_RULES } from '../helpers/sla-fixtures.ts';

describe('an agreement as loaded', () => {
  it('lists services by display order then slug, and policy versions by month, as written in any order', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const customer = await createCustomer(t, 'Order Co', 'Europe/Berlin');
    // Written in an order that is neither the display order nor the slugs'.
    const beta = await createService(t, 'beta', { monitoredSince: '2026-03-01T00:00:00Z' });
    const zeta = await createService(t, 'zeta', { monitoredSince: '2026-01-01T00:00:00Z' });
    const alpha = await createService(t, 'alpha', { monitoredSince: '2026-02-01T00:00:00Z' });
    // Display order puts zeta first; alpha and beta tie, so their slugs decide.
    await t.db.client.execute({
      sql: 'UPDATE services SET sort_order = CASE slug WHEN ? THEN 0 ELSE 5 END',
      args: ['zeta'],
    });
    const policy = await createPolicy(t, [
      { effectiveFrom: '2026-06', rules: { ...STANDARD_RULES, targetPercent: 99.5 } },
      { effectiveFrom: '0000-01', rules: STANDARD_RULES },
    ]);
    const agreement = await createAgreement(t, {
      customerId: customer.id,
      policyId: policy.id,
      start: '2025-12-31T23:00:00Z',
      timeZone: 'Europe/Berlin',
      services: [
        { serviceId: alpha.id, monthlyFeeMinor: 100, currency: 'EUR' },
        { serviceId: beta.id, monthlyFeeMinor: 300 },
        { serviceId: zeta.id, monthlyFeeMinor: 2600 },
      ],
    });

    const [loaded] = await loadAgreements(t.db.db, { customerId: customer.id });
    expect(loaded).toMatchObject({
      id: agreement.id,
      customerId: customer.id,
      policyId: policy.id,
      policyName: 'Test policy',
      startMs: Date.parse('2025-12-31T23:00:00Z'),
      endMs: null,
      timeZone: 'Europe/Berlin',
      kind: 'customer',
      active: true,
      businessHours: null,
      supportFeeMinor: null,
    });
    expect(loaded?.services).toEqual([
      {
        serviceId: zeta.id,
        slug: 'zeta',
        name: zeta.name,
        monthlyFeeMinor: 2600,
        currency: 'USD',
        monitoredSinceMs: Date.parse('2026-01-01T00:00:00Z'),
      },
      {
        serviceId: alpha.id,
        slug: 'alpha',
        name: alpha.name,
        monthlyFeeMinor: 100,
        currency: 'EUR',
        monitoredSinceMs: Date.parse('2026-02-01T00:00:00Z'),
      },
      {
        serviceId: beta.id,
        slug: 'beta',
        name: beta.name,
        monthlyFeeMinor: 300,
        currency: 'USD',
        monitoredSinceMs: Date.parse('2026-03-01T00:00:00Z'),
      },
    ]);
    expect(loaded?.versions.map((version) => [version.effectiveFrom, version.version])).toEqual([
      ['0000-01', 2],
      ['2026-06', 1],
    ]);
    expect(loaded?.versions[1]?.rules.targetPercent).toBe(99.5);
    expect(loaded?.problem).toBeUndefined();

    // What the customer sees on the account page follows the same order.
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const session = await signedIn(t, user.id);
    const response = await t.app.request('/api/v1/me/agreements', { headers: session.headers });
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.items[0].services.map((service: { slug: string }) => service.slug)).toEqual([
      'zeta',
      'alpha',
      'beta',
    ]);
    expect(page.items[0].policyVersions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('keeps a version that does not parse to its own agreement', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const customer = await createCustomer(t);
    const service = await createService(t, 'api');
    const good = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    const bad = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    await t.db.client.execute({
      sql: "UPDATE policy_versions SET rules = json_set(rules, '$.targetPercent', 'high') WHERE policy_id = ?",
      args: [bad.id],
    });
    for (const policy of [good, bad]) {
      await createAgreement(t, {
        customerId: customer.id,
        policyId: policy.id,
        start: '2026-01-01T00:00:00Z',
        timeZone: 'UTC',
        services: [{ serviceId: service.id, monthlyFeeMinor: 100 }],
      });
    }
    const loaded = await loadAgreements(t.db.db, { customerId: customer.id });
    expect(loaded.map((agreement) => agreement.versions.length)).toEqual([1, 0]);
    expect(loaded[0]?.problem).toBeUndefined();
    expect(loaded[1]?.problem).toMatch(/does not parse/);
  });
});
