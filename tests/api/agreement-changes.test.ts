import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import {
  createApiKey,
  createCustomer,
  createService,
  createUser,
  json,
  signedIn,
} from '../helpers/factories.ts';

/**
 * An agreement's covered time changes only from now on, and never in a month whose claim
 * was decided (sla-accounting.md §4): ending it in the past used to erase closed months,
 * one of them with an approved credit still in the ledger.
 */

const DAY = 86_400_000;

async function arrange(options: { end?: string } = {}) {
  const t = await testApp({ now: '2026-10-05T12:00:00Z' });
  const admin = await createUser(t, 'admin');
  const agent = await createUser(t, 'agent');
  await createService(t, 'api', { monitoredSince: '2026-01-01T00:00:00Z' });
  const customer = await createCustomer(t, 'Acme', 'UTC');
  const user = await createUser(t, 'customer', { customerId: customer.id });
  const monitor = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
  // A fresh session per call: the clock jumps over months here.
  const as =
    (who: { id: number } | Record<string, string>) =>
    async (method: string, path: string, body?: unknown) => {
      const headers = 'id' in who ? (await signedIn(t, Number(who.id))).headers : who;
      const response = await t.app.request(
        `/api/v1${path}`,
        body === undefined ? { method, headers } : json(method, body, headers),
      );
      return { status: response.status, body: await response.json() };
    };
  const asAdmin = as(admin);
  const asAgent = as(agent);
  const asMonitor = as(monitor.headers);
  const policy = await asAdmin('POST', '/staff/policies', {
    name: 'Standard',
    targetPercent: 99.9,
    tiers: [{ belowPercent: 99.9, creditPercent: 10 }],
  });
  const agreement = await asAdmin('POST', '/staff/agreements', {
    customerId: customer.id,
    policyId: policy.body.id,
    start: '2026-01-01T00:00:00Z',
    ...(options.end ? { end: options.end } : {}),
    services: [{ slug: 'api', monthlyFeeMinor: 100_000, currency: 'USD' }],
  });
  expect(agreement.status).toBe(201);
  // A two-hour outage on 10 October, reported once it is over (a window may not lie in the
  // future, ADR 111); October ends and the customer files; approved.
  t.clock.set(Date.parse('2026-10-10T02:00:00Z'));
  await asMonitor('POST', '/ingest/windows', {
    externalId: 'mon:api:1',
    service: 'api',
    state: 'major_outage',
    start: '2026-10-10T00:00:00Z',
    end: '2026-10-10T02:00:00Z',
  });
  t.clock.set(Date.parse('2026-11-20T12:00:00Z'));
  const asCustomer = as(user);
  const claim = await asCustomer('POST', '/me/claims', {
    agreementId: agreement.body.id,
    service: 'api',
    period: '2026-10',
  });
  expect(claim.status).toBe(201);
  return { t, asAdmin, asAgent, asCustomer, agreement: agreement.body, claim: claim.body };
}

describe('PATCH /staff/agreements/{id} end', () => {
  it('answers 422 naming now to an end before now, and October stays with its credit', async () => {
    const { t, asAdmin, asAgent, asCustomer, agreement, claim } = await arrange();
    await asAgent('POST', `/staff/claims/${claim.id}/decision`, { decision: 'approve' });
    const ended = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, {
      end: '2026-09-01T00:00:00Z',
    });
    expect(ended.status).toBe(422);
    expect(ended.body.error.code).toBe('AGREEMENT_END_IN_PAST');
    expect(ended.body.error.message).toContain('2026-11-20T12:00:00.000Z');
    expect(ended.body.error.issues).toEqual([
      { path: 'end', message: 'must be 2026-11-20T12:00:00.000Z or later' },
    ]);
    // Even a moment before now: closed time keeps its coverage.
    const justBefore = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, {
      end: new Date(t.clock.now() - 1).toISOString(),
    });
    expect(justBefore.status).toBe(422);
    const october = await asCustomer('GET', '/me/availability?period=2026-10');
    expect(october.body.items).toMatchObject([{ month: '2026-10', met: false }]);
    expect((await asAdmin('GET', `/staff/agreements/${agreement.id}`)).body.end).toBeNull();
  });

  it('ends it from now on, leaving closed months as they were', async () => {
    const { t, asAdmin, asCustomer, agreement } = await arrange();
    const end = new Date(t.clock.now() + DAY).toISOString();
    const ended = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, { end });
    expect(ended.status).toBe(200);
    expect(ended.body.end).toBe(end);
    const october = await asCustomer('GET', '/me/availability?period=2026-10');
    expect(october.body.items).toHaveLength(1);
  });

  it('refuses to reopen an agreement that ended inside a decided month, naming the claim and the month', async () => {
    const { asAdmin, asAgent, agreement, claim } = await arrange({ end: '2026-10-20T00:00:00Z' });
    const approved = await asAgent('POST', `/staff/claims/${claim.id}/decision`, {
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    for (const end of [null, '2027-01-01T00:00:00Z']) {
      const reopened = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, { end });
      expect(reopened.status).toBe(409);
      expect(reopened.body.error.code).toBe('PERIOD_FROZEN');
      expect(reopened.body.error.message).toContain(`Claim #${claim.id} (api, 2026-10)`);
      expect(reopened.body.error.issues).toEqual([
        {
          path: 'end',
          message: `would change 2026-10, decided in claim #${claim.id} (api, approved)`,
        },
      ]);
    }
    expect((await asAdmin('GET', `/staff/agreements/${agreement.id}`)).body.end).toBe(
      '2026-10-20T00:00:00.000Z',
    );
  });

  it('reopens an agreement that ended in a month whose claim is still undecided or was rejected', async () => {
    const { asAdmin, asAgent, agreement, claim } = await arrange({ end: '2026-10-20T00:00:00Z' });
    const rejected = await asAgent('POST', `/staff/claims/${claim.id}/decision`, {
      decision: 'reject',
      reason: 'Not covered by this agreement.',
    });
    expect(rejected.status).toBe(200);
    const reopened = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, { end: null });
    expect(reopened.status).toBe(200);
    expect(reopened.body.end).toBeNull();
  });

  it('still lets an agreement whose end has passed be deactivated', async () => {
    const { asAdmin, agreement } = await arrange({ end: '2026-10-20T00:00:00Z' });
    const deactivated = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, {
      active: false,
      end: '2026-10-20T00:00:00Z',
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, end: '2026-10-20T00:00:00.000Z' });
  });

  it('offers no way to change the start, services or fees of an agreement', async () => {
    const { asAdmin, agreement } = await arrange();
    for (const change of [
      { start: '2026-06-01T00:00:00Z' },
      { services: [{ slug: 'api', monthlyFeeMinor: 1, currency: 'USD' }] },
      { timeZone: 'Asia/Tokyo' },
    ]) {
      const response = await asAdmin('PATCH', `/staff/agreements/${agreement.id}`, change);
      expect(response.status).toBe(400);
    }
  });
});
