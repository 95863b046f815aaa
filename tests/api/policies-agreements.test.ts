import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';

const RULES = {
  targetPercent: 99.9,
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99, creditPercent: 25 },
  ],
};

async function arrange(now = '2026-11-20T12:00:00Z') {
  const t = await testApp({ now });
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: session.headers }
        : json(method, body, session.headers),
    );
  return { t, admin, call };
}

describe('POST /staff/policies', () => {
  it('adds a policy whose version 1 is in force from the beginning, with every default applied', async () => {
    const { call } = await arrange();
    const response = await call('POST', '/staff/policies', { name: 'Standard', ...RULES });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ name: 'Standard', version: 1, effectiveFrom: '0000-01' });
    expect(body.rules).toEqual({
      targetPercent: 99.9,
      weights: { major_outage: 1, partial_outage: 0.3, degraded: 0 },
      minimumOutageMinutes: 0,
      maintenanceNoticeMinutes: 2880,
      maintenanceAccounting: 'excluded',
      tiers: RULES.tiers,
      dailyRule: null,
      capPercent: 100,
      minimumCreditMinor: 0,
      claimWindowDays: 30,
      termination: null,
    });
    expect(body.versions).toHaveLength(1);
  });

  it.each([
    [{ targetPercent: 100.5 }, 'targetPercent'],
    [{ targetPercent: 99.12345 }, 'targetPercent'],
    [{ weights: { major_outage: 2 } }, 'weights'],
    [{ tiers: [{ belowPercent: 99 }] }, 'tiers'],
    [{ termination: { missedPeriods: 3, withinPeriods: 2 } }, 'termination'],
  ])('answers 400 to %j naming %s', async (change, field) => {
    const { call } = await arrange();
    const response = await call('POST', '/staff/policies', { name: 'Bad', ...RULES, ...change });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path.split('.')[0]).toBe(field);
  });
});

describe('POST /staff/policies/{id}/versions', () => {
  it('adds a version taking effect next month (UTC) by default, keeping the earlier ones', async () => {
    const { t, admin, call } = await arrange('2026-11-20T12:00:00Z');
    const { id } = await (await call('POST', '/staff/policies', { name: 'P', ...RULES })).json();
    const response = await call('POST', `/staff/policies/${id}/versions`, {
      ...RULES,
      targetPercent: 99.95,
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ version: 2, effectiveFrom: '2026-12' });
    expect(body.versions.map((v: { version: number; effectiveFrom: string }) => v)).toMatchObject([
      { version: 1, effectiveFrom: '0000-01', rules: { targetPercent: 99.9 } },
      { version: 2, effectiveFrom: '2026-12', rules: { targetPercent: 99.95 } },
    ]);
    const audit = await t.db.client.execute(
      "SELECT * FROM audit_log WHERE action = 'policy.version.create'",
    );
    expect(audit.rows[0]).toMatchObject({ actor_user_id: admin.id, entity_id: String(id) });
    expect(JSON.parse(String(audit.rows[0]?.before))).toMatchObject({ version: 1 });
    expect(JSON.parse(String(audit.rows[0]?.after))).toMatchObject({ version: 2 });
  });

  it('may take effect in the current month while it is open everywhere', async () => {
    const { call } = await arrange('2026-11-20T12:00:00Z');
    const { id } = await (await call('POST', '/staff/policies', { name: 'P', ...RULES })).json();
    const response = await call('POST', `/staff/policies/${id}/versions`, {
      ...RULES,
      effectiveFrom: '2026-11',
    });
    expect(response.status).toBe(201);
  });

  it('answers 422 naming effectiveFrom for a month that has closed somewhere', async () => {
    // 14:00 UTC on the 30th is already December on the Line Islands (UTC+14).
    const { call } = await arrange('2026-11-30T14:00:00Z');
    const { id } = await (await call('POST', '/staff/policies', { name: 'P', ...RULES })).json();
    for (const month of ['2026-10', '2026-11']) {
      const response = await call('POST', `/staff/policies/${id}/versions`, {
        ...RULES,
        effectiveFrom: month,
      });
      expect(response.status).toBe(422);
      const error = (await response.json()).error;
      expect(error.code).toBe('PERIOD_CLOSED');
      expect(error.issues[0].path).toBe('effectiveFrom');
    }
  });

  it('answers 409 for a month not after the latest version’s, which stays as it was', async () => {
    const { call } = await arrange();
    const { id } = await (await call('POST', '/staff/policies', { name: 'P', ...RULES })).json();
    await call('POST', `/staff/policies/${id}/versions`, { ...RULES, effectiveFrom: '2027-03' });
    for (const month of ['2027-03', '2027-01']) {
      const response = await call('POST', `/staff/policies/${id}/versions`, {
        ...RULES,
        targetPercent: 90,
        effectiveFrom: month,
      });
      expect(response.status).toBe(409);
    }
    const policy = await (await call('GET', `/staff/policies/${id}`)).json();
    expect(policy.versions).toHaveLength(2);
    expect(policy.rules.targetPercent).toBe(99.9);
  });

  it('answers 400 naming effectiveFrom when it is not YYYY-MM', async () => {
    const { call } = await arrange();
    const { id } = await (await call('POST', '/staff/policies', { name: 'P', ...RULES })).json();
    const response = await call('POST', `/staff/policies/${id}/versions`, {
      ...RULES,
      effectiveFrom: '2027-13',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('effectiveFrom');
  });
});

describe('PATCH /staff/policies/{id}', () => {
  it('renames and deactivates, never touching the rules', async () => {
    const { call } = await arrange();
    const { id } = await (await call('POST', '/staff/policies', { name: 'P', ...RULES })).json();
    const body = await (
      await call('PATCH', `/staff/policies/${id}`, { name: 'Legacy', active: false })
    ).json();
    expect(body).toMatchObject({ name: 'Legacy', active: false, version: 1 });
    const rules = await call('PATCH', `/staff/policies/${id}`, { targetPercent: 90 });
    expect(rules.status).toBe(400);
  });
});

describe('POST /staff/agreements', () => {
  async function arrangeAgreement() {
    const context = await arrange();
    const customer = await createCustomer(context.t, 'Acme', 'America/New_York');
    await createService(context.t, 'api');
    await createService(context.t, 'web');
    const policy = await (
      await context.call('POST', '/staff/policies', { name: 'P', ...RULES })
    ).json();
    const agreement = {
      customerId: customer.id,
      policyId: policy.id,
      start: '2026-01-01T05:00:00Z',
      services: [
        { slug: 'api', monthlyFeeMinor: 250000, currency: 'USD' },
        { slug: 'web', monthlyFeeMinor: 0, currency: 'EUR' },
      ],
    };
    return { ...context, customer, policy, agreement };
  }

  it('adds an agreement in the customer’s zone with its services and fees', async () => {
    const { call, customer, policy, agreement } = await arrangeAgreement();
    const response = await call('POST', '/staff/agreements', agreement);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      customerId: customer.id,
      policyId: policy.id,
      start: '2026-01-01T05:00:00.000Z',
      end: null,
      timeZone: 'America/New_York',
      active: true,
      services: [
        { slug: 'api', monthlyFeeMinor: 250000, currency: 'USD' },
        { slug: 'web', monthlyFeeMinor: 0, currency: 'EUR' },
      ],
    });
  });

  it('takes its own zone and end when given', async () => {
    const { call, agreement } = await arrangeAgreement();
    const body = await (
      await call('POST', '/staff/agreements', {
        ...agreement,
        timeZone: 'Asia/Kolkata',
        end: '2027-01-01T00:00:00+05:30',
      })
    ).json();
    expect(body).toMatchObject({ timeZone: 'Asia/Kolkata', end: '2026-12-31T18:30:00.000Z' });
  });

  it.each([
    [{ end: '2025-12-31T00:00:00Z' }, 'end'],
    [{ end: '2026-01-01T05:00:00Z' }, 'end'],
    [{ start: '2026-01-01' }, 'start'],
    [{ timeZone: '-05:00' }, 'timeZone'],
    [
      { services: [{ slug: 'api', monthlyFeeMinor: -1, currency: 'USD' }] },
      'services.0.monthlyFeeMinor',
    ],
    [
      { services: [{ slug: 'api', monthlyFeeMinor: 10.5, currency: 'USD' }] },
      'services.0.monthlyFeeMinor',
    ],
    [{ services: [{ slug: 'api', monthlyFeeMinor: 1, currency: 'usd' }] }, 'services.0.currency'],
    [{ services: [{ slug: 'api', monthlyFeeMinor: 1, currency: 'XYZ' }] }, 'services.0.currency'],
    [{ services: [] }, 'services'],
    [
      {
        services: [
          { slug: 'api', monthlyFeeMinor: 1, currency: 'USD' },
          { slug: 'api', monthlyFeeMinor: 2, currency: 'USD' },
        ],
      },
      'services.1.slug',
    ],
  ])('answers 400 to %j naming %s', async (change, field) => {
    const { call, agreement } = await arrangeAgreement();
    const response = await call('POST', '/staff/agreements', { ...agreement, ...change });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues.map((i: { path: string }) => i.path)).toContain(
      field,
    );
  });

  it('answers 422 naming what does not exist', async () => {
    const { call, agreement } = await arrangeAgreement();
    const response = await call('POST', '/staff/agreements', {
      ...agreement,
      customerId: 999,
      policyId: 999,
      services: [{ slug: 'nope', monthlyFeeMinor: 1, currency: 'USD' }],
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'customerId',
      'policyId',
      'services.0.slug',
    ]);
  });

  it('can be ended later, with the change in the audit log', async () => {
    const { t, call, agreement } = await arrangeAgreement();
    const { id } = await (await call('POST', '/staff/agreements', agreement)).json();
    const ended = await call('PATCH', `/staff/agreements/${id}`, { end: '2026-12-01T05:00:00Z' });
    expect(ended.status).toBe(200);
    expect((await ended.json()).end).toBe('2026-12-01T05:00:00.000Z');
    const early = await call('PATCH', `/staff/agreements/${id}`, { end: '2025-01-01T00:00:00Z' });
    expect(early.status).toBe(400);
    const audit = await t.db.client.execute(
      "SELECT before, after FROM audit_log WHERE action = 'agreement.update'",
    );
    expect(JSON.parse(String(audit.rows[0]?.before)).end).toBeNull();
    expect(JSON.parse(String(audit.rows[0]?.after)).end).toBe('2026-12-01T05:00:00.000Z');
  });

  it('lists agreements by customer', async () => {
    const { t, call, agreement } = await arrangeAgreement();
    const other = await createCustomer(t, 'Other');
    await call('POST', '/staff/agreements', agreement);
    await call('POST', '/staff/agreements', { ...agreement, customerId: other.id });
    const list = await (await call('GET', `/staff/agreements?customerId=${other.id}`)).json();
    expect(list.items.map((a: { customerId: number }) => a.customerId)).toEqual([other.id]);
  });
});

describe('a new policy version inherits what it does not state', () => {
  const FULL = {
    targetPercent: 99.9,
    tiers: RULES.tiers,
    weights: { partial_outage: 0.5 },
    minimumOutageMinutes: 5,
    dailyRule: { thresholdMinutes: 30, creditDays: 1 },
    termination: { missedPeriods: 2, withinPeriods: 3 },
  };

  async function withPolicy() {
    const arranged = await arrange('2026-11-20T12:00:00Z');
    const created = await arranged.call('POST', '/staff/policies', { name: 'P', ...FULL });
    const { id, rules } = await created.json();
    return { ...arranged, id, v1: rules };
  }

  it('keeps the termination right and every other rule when only the target changes', async () => {
    const { call, id, v1 } = await withPolicy();
    const response = await call('POST', `/staff/policies/${id}/versions`, { targetPercent: 99.95 });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.rules).toEqual({ ...v1, targetPercent: 99.95 });
    expect(body.rules.termination).toEqual({ missedPeriods: 2, withinPeriods: 3 });
    expect(body.rules.weights).toEqual({ major_outage: 1, partial_outage: 0.5, degraded: 0 });
    // Version 1 is untouched.
    expect(body.versions[0].rules).toEqual(v1);
  });

  it('clears termination and the daily rule only when they are given as null', async () => {
    const { call, id, v1 } = await withPolicy();
    const cleared = await (
      await call('POST', `/staff/policies/${id}/versions`, { termination: null })
    ).json();
    expect(cleared.rules).toEqual({ ...v1, termination: null });
    const next = await (
      await call('POST', `/staff/policies/${id}/versions`, {
        effectiveFrom: '2027-01',
        dailyRule: null,
        minimumOutageMinutes: null,
      })
    ).json();
    // Version 3 follows version 2: termination stays cleared, null resets to the default.
    expect(next.rules).toEqual({
      ...v1,
      termination: null,
      dailyRule: null,
      minimumOutageMinutes: 0,
    });
  });

  it('inherits weights state by state from the version it follows', async () => {
    const { call, id } = await withPolicy();
    const body = await (
      await call('POST', `/staff/policies/${id}/versions`, { weights: { degraded: 0.1 } })
    ).json();
    expect(body.rules.weights).toEqual({ major_outage: 1, partial_outage: 0.5, degraded: 0.1 });
    const reset = await (
      await call('POST', `/staff/policies/${id}/versions`, {
        effectiveFrom: '2027-01',
        weights: { partial_outage: null },
      })
    ).json();
    expect(reset.rules.weights).toEqual({ major_outage: 1, partial_outage: 0.3, degraded: 0.1 });
  });

  it('answers 400 naming the field when the merged rules are invalid, and adds nothing', async () => {
    const { call, id } = await withPolicy();
    const response = await call('POST', `/staff/policies/${id}/versions`, {
      weights: { degraded: 1.5 },
    });
    expect(response.status).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0].path).toBe('weights.degraded');
    const policy = await (await call('GET', `/staff/policies/${id}`)).json();
    expect(policy.versions).toHaveLength(1);
  });

  it('records the version it followed and the fields it changed in the audit log', async () => {
    const { t, call, id, v1 } = await withPolicy();
    await call('POST', `/staff/policies/${id}/versions`, {
      targetPercent: 99.95,
      termination: null,
    });
    const audit = await t.db.client.execute(
      "SELECT before, after FROM audit_log WHERE action = 'policy.version.create'",
    );
    const before = JSON.parse(String(audit.rows[0]?.before));
    const after = JSON.parse(String(audit.rows[0]?.after));
    // The response block is versioned with the rules: this policy offers none.
    expect(before).toEqual({ version: 1, effectiveFrom: '0000-01', rules: v1, response: null });
    expect(after).toMatchObject({ version: 2, effectiveFrom: '2026-12', inheritedFrom: 1 });
    expect(after.changed).toEqual({
      targetPercent: { from: 99.9, to: 99.95 },
      termination: { from: { missedPeriods: 2, withinPeriods: 3 }, to: null },
    });
  });

  it('keeps the customer’s termination right in the month the new version takes effect', async () => {
    const { t, call, id } = await withPolicy();
    await call('POST', `/staff/policies/${id}/versions`, { targetPercent: 99.95 });
    await createService(t, 'api');
    const customer = await createCustomer(t, 'Acme');
    const created = await call('POST', '/staff/agreements', {
      customerId: customer.id,
      policyId: id,
      start: '2026-01-01T00:00:00Z',
      timeZone: 'UTC',
      services: [{ slug: 'api', monthlyFeeMinor: 100_000, currency: 'USD' }],
    });
    expect(created.status).toBe(201);
    t.clock.set(Date.parse('2026-12-02T00:00:00Z'));
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const session = await signedIn(t, user.id);
    const overview = await (
      await t.app.request('/api/v1/me/agreements', { headers: session.headers })
    ).json();
    expect(overview.items[0].currentPeriod).toBe('2026-12');
    expect(overview.items[0].termination.rule).toEqual({ missedPeriods: 2, withinPeriods: 3 });
  });
});
