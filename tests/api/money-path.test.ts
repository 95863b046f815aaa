import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createUser, json, signedIn } from '../helpers/factories.ts';

/**
 * Issue 6's acceptance, through HTTP only: an outage is ingested, the customer sees the
 * missed month, files a claim, an agent approves it with a changed amount and a reason,
 * the ledger shows the credit, and the customer sees the decision and the trail.
 */
describe('the money path, end to end over HTTP', () => {
  it('goes from an ingested outage to an approved credit the customer can follow', async () => {
    const t = await testApp({ now: '2026-10-05T12:00:00Z' });
    const admin = await signedIn(t, (await createUser(t, 'admin')).id);
    const post = async (path: string, body: unknown, headers: Record<string, string>) => {
      const response = await t.app.request(`/api/v1${path}`, json('POST', body, headers));
      return { status: response.status, body: await response.json() };
    };

    // An admin sets up the service (watched by the monitor since before the agreement: the
    // month below is measured whole, ADR 070), the customer, the policy and the agreement.
    expect(
      (
        await post(
          '/staff/services',
          { slug: 'api', name: 'Public API', monitoredSince: '2026-01-01T00:00:00Z' },
          admin.headers,
        )
      ).status,
    ).toBe(201);
    const customer = await post(
      '/staff/customers',
      { name: 'Kiwi Co', timeZone: 'Pacific/Auckland' },
      admin.headers,
    );
    expect(customer.status).toBe(201);
    const policy = await post(
      '/staff/policies',
      {
        name: 'Standard',
        targetPercent: 99.9,
        tiers: [
          { belowPercent: 99.9, creditPercent: 10 },
          { belowPercent: 99, creditPercent: 25 },
        ],
      },
      admin.headers,
    );
    expect(policy.status).toBe(201);
    const agreement = await post(
      '/staff/agreements',
      {
        customerId: customer.body.id,
        policyId: policy.body.id,
        start: '2026-01-01T00:00:00Z',
        services: [{ slug: 'api', monthlyFeeMinor: 500_000, currency: 'NZD' }],
      },
      admin.headers,
    );
    expect(agreement.status).toBe(201);
    const user = await post(
      '/staff/users',
      {
        email: 'ops@kiwi.example',
        password: 'a long enough password',
        role: 'customer',
        customerId: customer.body.id,
      },
      admin.headers,
    );
    expect(user.status).toBe(201);
    const agent = await post(
      '/staff/users',
      { email: 'agent@provider.example', password: 'another long password', role: 'agent' },
      admin.headers,
    );
    expect(agent.status).toBe(201);
    const key = await post(
      '/staff/api-keys',
      { name: 'monitor', scopes: ['ingest'] },
      admin.headers,
    );
    expect(key.status).toBe(201);
    const monitor = { authorization: `Bearer ${key.body.key}` };

    // The monitor reports a 2-hour outage on 2026-10-10 (Auckland time, NZDT = UTC+13), as
    // it begins: a window may not start in the future (ADR 111).
    t.clock.set(Date.parse('2026-10-09T22:00:00Z'));
    const opened = await post(
      '/ingest/windows',
      {
        externalId: 'mon-1:api:42',
        service: 'api',
        state: 'major_outage',
        start: '2026-10-09T22:00:00Z',
      },
      monitor,
    );
    expect(opened.status).toBe(201);
    t.clock.set(Date.parse('2026-10-10T00:00:00Z'));
    const closed = await t.app.request(
      '/api/v1/ingest/windows/mon-1:api:42',
      json('PATCH', { end: '2026-10-10T00:00:00Z' }, monitor),
    );
    expect(closed.status).toBe(200);

    // November 2 in Auckland: October has ended there; the customer signs in and looks.
    t.clock.set(Date.parse('2026-11-02T00:00:00Z'));
    const login = await t.app.request(
      '/api/v1/auth/login',
      json(
        'POST',
        { email: 'ops@kiwi.example', password: 'a long enough password' },
        { origin: 'http://portal.test' },
      ),
    );
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const customerHeaders = { cookie, origin: 'http://portal.test' };
    const availability = await (
      await t.app.request('/api/v1/me/availability?period=2026-10', { headers: customerHeaders })
    ).json();
    // October in Auckland (NZDT all month): 2026-09-30T11:00Z → 2026-10-31T11:00Z, 744 h;
    // 120 of 44,640 minutes down → 99.7311…%, below 99.9 → 10 % of 500,000.
    expect(availability.items).toHaveLength(1);
    expect(availability.items[0]).toMatchObject({
      service: 'api',
      month: '2026-10',
      timeZone: 'Pacific/Auckland',
      period: { start: '2026-09-30T11:00:00.000Z', end: '2026-10-31T11:00:00.000Z' },
      downtimeMs: 7_200_000,
      availabilityDisplay: '99.731',
      met: false,
      creditPercent: 10,
      creditMinor: 50_000,
      claimable: true,
    });

    const filed = await t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: agreement.body.id, service: 'api', period: '2026-10' },
        {
          ...customerHeaders,
          'idempotency-key': 'claim-oct',
        },
      ),
    );
    expect(filed.status).toBe(201);
    const claim = await filed.json();

    // The agent approves a different amount, with a reason.
    const agentLogin = await t.app.request(
      '/api/v1/auth/login',
      json(
        'POST',
        { email: 'agent@provider.example', password: 'another long password' },
        { origin: 'http://portal.test' },
      ),
    );
    const agentHeaders = {
      cookie: (agentLogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      origin: 'http://portal.test',
    };
    const queue = await (
      await t.app.request('/api/v1/staff/claims?status=submitted', { headers: agentHeaders })
    ).json();
    expect(queue.items.map((item: { id: number }) => item.id)).toEqual([claim.id]);
    const detail = await (
      await t.app.request(`/api/v1/staff/claims/${claim.id}`, { headers: agentHeaders })
    ).json();
    expect(detail.freshEvaluation.creditMinor).toBe(detail.evaluation.creditMinor);
    const decided = await t.app.request(
      `/api/v1/staff/claims/${claim.id}/decision`,
      json(
        'POST',
        { decision: 'approve', amountMinor: 75_000, reason: 'No human update for 50 minutes' },
        agentHeaders,
      ),
    );
    expect(decided.status).toBe(200);

    const ledger = await (
      await t.app.request('/api/v1/staff/credits', { headers: agentHeaders })
    ).json();
    expect(ledger.items).toEqual([
      expect.objectContaining({
        claimId: claim.id,
        amountMinor: 75_000,
        currency: 'NZD',
        period: '2026-10',
      }),
    ]);

    const mine = await (
      await t.app.request(`/api/v1/me/claims/${claim.id}`, { headers: customerHeaders })
    ).json();
    expect(mine).toMatchObject({
      status: 'approved',
      approvedAmountMinor: 75_000,
      decisionReason: 'No human update for 50 minutes',
    });
    expect(
      mine.events.map((event: { type: string; toStatus: string; actor: { kind: string } }) => [
        event.type,
        event.toStatus,
        event.actor.kind,
      ]),
    ).toEqual([
      ['filed', 'submitted', 'customer'],
      ['approved', 'approved', 'staff'],
    ]);
    // The month's figures are now the decided ones.
    const after = await (
      await t.app.request('/api/v1/me/availability?period=2026-10', { headers: customerHeaders })
    ).json();
    expect(after.items[0]).toMatchObject({
      source: 'decided-claim',
      claim: { status: 'approved' },
    });
  });
});
