import { bumpStatusVersion } from '../../api/infra/status-cache.ts';
import {
  agreementServices,
  agreements,
  policies,
  policyVersions,
  type WindowState,
  windows,
} from '../../db/schema/index.ts';
import type { TestApp } from './app.ts';
import { createApiKey, createCustomer, createService, createUser, signedIn } from './factories.ts';

/** A policy as stored: the fields of sla-accounting §1 (defaults are applied on read). */
export const STANDARD_RULES = {
  targetPercent: 99.9,
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.0, creditPercent: 25 },
    { belowPercent: 95.0, creditPercent: 100 },
  ],
};

export async function createPolicy(
  t: TestApp,
  versions: { effectiveFrom: string; rules: Record<string, unknown> }[],
) {
  const now = new Date(t.clock.now());
  return t.db.write(async (tx) => {
    const policy = await tx
      .insert(policies)
      .values({ name: 'Test policy', createdAt: now })
      .returning()
      .get();
    for (const [index, version] of versions.entries()) {
      await tx.insert(policyVersions).values({
        policyId: policy.id,
        version: index + 1,
        effectiveFrom: version.effectiveFrom,
        rules: version.rules,
        createdAt: now,
      });
    }
    return policy;
  });
}

export async function createAgreement(
  t: TestApp,
  options: {
    customerId: number;
    policyId: number;
    start: string;
    end?: string;
    timeZone: string;
    services: { serviceId: number; monthlyFeeMinor: number; currency?: string }[];
  },
) {
  const now = new Date(t.clock.now());
  return t.db.write(async (tx) => {
    const agreement = await tx
      .insert(agreements)
      .values({
        customerId: options.customerId,
        policyId: options.policyId,
        start: new Date(options.start),
        end: options.end ? new Date(options.end) : null,
        timeZone: options.timeZone,
        createdAt: now,
      })
      .returning()
      .get();
    await tx.insert(agreementServices).values(
      options.services.map((service) => ({
        agreementId: agreement.id,
        serviceId: service.serviceId,
        monthlyFeeMinor: service.monthlyFeeMinor,
        currency: service.currency ?? 'USD',
      })),
    );
    return agreement;
  });
}

let windowCounter = 0;

export async function addWindow(
  t: TestApp,
  serviceId: number,
  window: { state: WindowState; start: string; end: string | null; announcedAt?: string },
) {
  windowCounter += 1;
  const now = new Date(t.clock.now());
  // As every writer of windows does: each process's caches learn of it (ADR 171).
  return t.db.write(async (tx) => {
    await bumpStatusVersion(tx, now.getTime());
    return tx
      .insert(windows)
      .values({
        serviceId,
        externalId: `test:${windowCounter}`,
        state: window.state,
        start: new Date(window.start),
        end: window.end === null ? null : new Date(window.end),
        announcedAt: window.announcedAt ? new Date(window.announcedAt) : null,
        source: 'seed',
        requestFingerprint: '',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
  });
}

/**
 * Two customers, each with an agreement on the `api` service, their users signed in,
 * an agent and an admin signed in, and a `read` key for customer A.
 */
export async function claimWorld(
  t: TestApp,
  options: { timeZone?: string; rules?: Record<string, unknown>; feeMinor?: number } = {},
) {
  const timeZone = options.timeZone ?? 'UTC';
  const service = await createService(t, 'api');
  const policy = await createPolicy(t, [
    { effectiveFrom: '0000-01', rules: options.rules ?? STANDARD_RULES },
  ]);
  const customerA = await createCustomer(t, 'Customer A', timeZone);
  const customerB = await createCustomer(t, 'Customer B', timeZone);
  const make = (customerId: number) =>
    createAgreement(t, {
      customerId,
      policyId: policy.id,
      start: '2025-01-01T00:00:00Z',
      timeZone,
      services: [{ serviceId: service.id, monthlyFeeMinor: options.feeMinor ?? 200_000 }],
    });
  const agreementA = await make(customerA.id);
  const agreementB = await make(customerB.id);
  const userA = await createUser(t, 'customer', { customerId: customerA.id });
  const userB = await createUser(t, 'customer', { customerId: customerB.id });
  const agent = await createUser(t, 'agent');
  const admin = await createUser(t, 'admin');
  return {
    users: { a: userA, b: userB, agent, admin },
    service,
    policy,
    customerA,
    customerB,
    agreementA,
    agreementB,
    a: await signedIn(t, userA.id),
    b: await signedIn(t, userB.id),
    agent: { ...(await signedIn(t, agent.id)), user: agent },
    admin: await signedIn(t, admin.id),
    readKeyA: await createApiKey(t, ['read'], {
      customerId: customerA.id,
      createdByUserId: userA.id,
    }),
  };
}
