import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ORIGIN, testApp } from '../helpers/app.ts';
import { createUser, json, signedIn } from '../helpers/factories.ts';
import { type MailServer, startMailServer } from '../helpers/mail-server.ts';
import { workerFor } from '../helpers/notify.ts';
import { addWindow, claimWorld } from '../helpers/sla-fixtures.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

/**
 * A claim's life, told to those it concerns: staff who asked hear of new claims, the
 * customer's people of decisions, staff messages and credits (never of internal notes), and
 * webhooks of filed, decided and credited claims — a customer's own endpoint only of its own.
 */

let mail: MailServer;
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await mail?.close();
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function arrange() {
  mail = await startMailServer();
  const t = await testApp({
    now: '2026-11-20T12:00:00Z',
    config: { smtpUrl: mail.url, webhookAllowPrivate: true },
  });
  const world = await claimWorld(t);
  await addWindow(t, world.service.id, {
    state: 'major_outage',
    start: '2026-10-10T00:00:00Z',
    end: '2026-10-10T03:00:00Z',
  });
  const { worker } = workerFor(t, { smtpUrl: mail.url });
  const deliver = () => worker.runOnce(t.clock.now());
  const as = (headers: Record<string, string>) => (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : json(method, body, headers),
    );
  return { t, world, deliver, as };
}

describe('claim notifications', () => {
  it('mails a new claim to staff who asked for it, and a decision to the customer', async () => {
    const { t, world, deliver, as } = await arrange();
    const watcher = await createUser(t, 'agent', { email: 'watcher@provider.test' });
    const asWatcher = as((await signedIn(t, watcher.id)).headers);
    expect(await (await asWatcher('GET', '/staff/notification-preferences')).json()).toEqual({
      claimFiled: false,
    });
    const set = await asWatcher('PUT', '/staff/notification-preferences', { claimFiled: true });
    expect(await set.json()).toEqual({ claimFiled: true });
    // A second person of customer A, and one of customer B who must hear nothing.
    const colleague = await createUser(t, 'customer', {
      email: 'colleague@customer-a.test',
      customerId: world.customerA.id,
    });

    const filed = await as(world.a.headers)('POST', '/me/claims', {
      agreementId: world.agreementA.id,
      service: 'api',
      period: '2026-10',
    });
    expect(filed.status).toBe(201);
    const claim = await filed.json();
    await deliver();
    expect(mail.messages.map((message) => [message.to, message.subject])).toEqual([
      ['watcher@provider.test', `New claim #${claim.id} from Customer A (API, 2026-10)`],
    ]);
    expect(mail.messages[0]?.text).toContain(`${TEST_ORIGIN}/staff/claim/?id=${claim.id}`);

    const decided = await as(world.admin.headers)('POST', `/staff/claims/${claim.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
    await deliver();
    const toCustomer = mail.messages.slice(1);
    expect(toCustomer.map((message) => message.to).sort()).toEqual(
      [colleague.email, world.users.a.email].sort(),
    );
    expect(toCustomer[0]?.subject).toBe(`Your claim #${claim.id} was approved (API, 2026-10)`);
    expect(toCustomer[0]?.text).toContain('Credit approved: USD 200.00');
    expect(toCustomer[0]?.text).toContain(`${TEST_ORIGIN}/account/claim/?id=${claim.id}`);
    expect(mail.to(world.users.b.email)).toEqual([]);
  });

  it('tells the customer of staff messages and credits, never of internal notes', async () => {
    const { world, deliver, as } = await arrange();
    const claim = await (
      await as(world.a.headers)('POST', '/me/claims', {
        agreementId: world.agreementA.id,
        service: 'api',
        period: '2026-10',
      })
    ).json();
    const staff = as(world.agent.headers);
    // Delivered step by step: items of one round leave side by side, in no fixed order.
    await staff('POST', `/staff/claims/${claim.id}/comments`, {
      body: 'Checking the logs.',
      internal: true,
    });
    await deliver();
    await staff('POST', `/staff/claims/${claim.id}/comments`, { body: 'We are looking at it.' });
    await deliver();
    await as(world.a.headers)('POST', `/me/claims/${claim.id}/comments`, { body: 'Thanks!' });
    await deliver();
    await staff('POST', `/staff/claims/${claim.id}/decision`, { decision: 'approve' });
    await deliver();
    await staff('POST', `/staff/claims/${claim.id}/credit`, { invoiceReference: 'INV-2026-11' });
    await deliver();
    const subjects = mail.to(world.users.a.email).map((message) => message.subject);
    expect(subjects).toEqual([
      `New message on your claim #${claim.id} (API, 2026-10)`,
      `Your claim #${claim.id} was approved (API, 2026-10)`,
      `Credit of USD 200.00 applied for claim #${claim.id}`,
    ]);
    expect(mail.messages.some((message) => message.text.includes('Checking the logs.'))).toBe(
      false,
    );
    expect(mail.to(world.users.a.email)[2]?.text).toContain('invoice INV-2026-11');
  });

  it("sends claim events to the provider's endpoint, and to a customer's only its own", async () => {
    const { t, world, deliver, as } = await arrange();
    const provider = await startWebhookReceiver(t.clock);
    const customerA = await startWebhookReceiver(t.clock);
    receivers.push(provider, customerA);
    const made = await as(world.admin.headers)('POST', '/staff/webhooks', {
      url: provider.url,
      events: ['claim.*', 'credit.applied'],
    });
    provider.secrets.push((await made.json()).secret);
    const own = await as(world.a.headers)('POST', '/me/webhooks', {
      url: customerA.url,
      events: ['claim.decided'],
    });
    expect(own.status).toBe(201);
    const ownBody = await own.json();
    customerA.secrets.push(ownBody.secret);

    for (const who of [world.a, world.b]) {
      const claim = await (
        await as(who.headers)('POST', '/me/claims', {
          agreementId: who === world.a ? world.agreementA.id : world.agreementB.id,
          service: 'api',
          period: '2026-10',
        })
      ).json();
      await as(world.admin.headers)('POST', `/staff/claims/${claim.id}/decision`, {
        decision: 'reject',
        reason: 'Planned maintenance',
      });
    }
    await deliver();
    // Items of one round go out side by side: compare without their order.
    expect(
      provider
        .verified()
        .map((request) => request.payload.type)
        .sort(),
    ).toEqual(['claim.decided', 'claim.decided', 'claim.filed', 'claim.filed']);
    expect(customerA.verified().map((request) => request.payload.type)).toEqual(['claim.decided']);
    expect(customerA.received[0]?.payload.data).toMatchObject({
      claim: {
        customer: { id: world.customerA.id, name: 'Customer A' },
        status: 'rejected',
        decisionReason: 'Planned maintenance',
      },
    });
    // The customer's own log shows its delivery, not the provider's.
    const log = await (
      await as(world.a.headers)('GET', `/me/webhooks/${ownBody.endpoint.id}/deliveries`)
    ).json();
    expect(log.items).toMatchObject([{ kind: 'claim.decided', state: 'delivered' }]);
    const others = await as(world.b.headers)('GET', `/me/webhook-deliveries/${log.items[0].id}`);
    expect(others.status).toBe(404);
  });
});
