import type { TestApp } from './app.ts';
import { createCustomer, createService, createUser, json, signedIn } from './factories.ts';

/** The response block of sla-response.md §4's example case. */
export const RESPONSE_POLICY = {
  objectives: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
    P2: { firstResponseMinutes: 240, calendar: 'business' },
  },
  targetPercent: 95,
  tiers: [
    { belowPercent: 95, creditPercent: 5 },
    { belowPercent: 80, creditPercent: 15 },
  ],
} as const;

const WEEKDAY = [['09:00', '17:00']];

export const BUSINESS_HOURS = {
  schedule: {
    mon: WEEKDAY,
    tue: WEEKDAY,
    wed: WEEKDAY,
    thu: WEEKDAY,
    fri: WEEKDAY,
    sat: [],
    sun: [],
  },
  holidays: ['2026-04-03'],
};

type Call = (method: string, path: string, body?: unknown) => Promise<Response>;

function caller(t: TestApp, headers: Record<string, string>): Call {
  return async (method, path, body) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : json(method, body, headers),
    );
}

/**
 * A customer in Berlin with an agreement whose policy has the response block and whose
 * support fee is EUR 900.00, made through the admin API; an automation key and a key for
 * people, made the same way; the customer's user, an agent and the admin, signed in.
 */
export async function supportWorld(t: TestApp) {
  await createService(t, 'api');
  const customer = await createCustomer(t, 'Customer A', 'Europe/Berlin');
  const other = await createCustomer(t, 'Customer B', 'Europe/Berlin');
  const admin = await createUser(t, 'admin');
  const agent = await createUser(t, 'agent');
  const user = await createUser(t, 'customer', { customerId: customer.id });
  const otherUser = await createUser(t, 'customer', { customerId: other.id });
  const asAdmin = caller(t, (await signedIn(t, admin.id)).headers);
  const created = async (response: Response) => {
    const body = await response.json();
    if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const policy = await created(
    await asAdmin('POST', '/staff/policies', {
      name: 'Support policy',
      targetPercent: 99.9,
      tiers: [],
      response: RESPONSE_POLICY,
    }),
  );
  const agreement = await created(
    await asAdmin('POST', '/staff/agreements', {
      customerId: customer.id,
      policyId: policy.id,
      start: '2026-01-01T00:00:00Z',
      services: [{ slug: 'api', monthlyFeeMinor: 200_000, currency: 'EUR' }],
      businessHours: BUSINESS_HOURS,
      supportFeeMinor: 90_000,
    }),
  );
  const automationKey = await created(
    await asAdmin('POST', '/staff/api-keys', {
      name: 'Help desk bot',
      scopes: ['ingest'],
      author: 'automation',
    }),
  );
  const peopleKey = await created(
    await asAdmin('POST', '/staff/api-keys', {
      name: 'Help desk agents',
      scopes: ['ingest'],
      author: 'people',
    }),
  );
  return {
    customer,
    other,
    policy,
    agreement,
    asAdmin,
    bot: caller(t, { authorization: `Bearer ${automationKey.key}` }),
    people: caller(t, { authorization: `Bearer ${peopleKey.key}` }),
    asAgent: caller(t, (await signedIn(t, agent.id)).headers),
    asCustomer: caller(t, (await signedIn(t, user.id)).headers),
    asOther: caller(t, (await signedIn(t, otherUser.id)).headers),
  };
}

export type SupportWorld = Awaited<ReturnType<typeof supportWorld>>;
