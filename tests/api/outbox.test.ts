import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppConfig, defaultConfig } from '../../api/config.ts';
import { createDb } from '../../db/client.ts';
import { deliveryAttempts, notificationEvents, outbox } from '../../db/schema/index.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { linkIn, startMailServer, tokenOf } from '../helpers/mail-server.ts';
import { outboxRows, workerFor } from '../helpers/notify.ts';
import { startWebhookReceiver } from '../helpers/webhook-receiver.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function withAdmin(t: TestApp) {
  const admin = await createUser(t, 'admin', { email: 'admin@example.test' });
  const session = await signedIn(t, admin.id);
  const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: session.headers }
        : json(method, body, session.headers),
    );
  return { admin, session, call };
}

/** A receiver on loopback and an endpoint of the provider's that sends it incident events. */
async function webhookWorld(options: { config?: Partial<AppConfig> } = {}) {
  const t = await testApp({ config: { webhookAllowPrivate: true, ...options.config } });
  const { call } = await withAdmin(t);
  await createService(t, 'api');
  const receiver = await startWebhookReceiver(t.clock);
  cleanups.push(() => receiver.close());
  const created = await call('POST', '/staff/webhooks', {
    url: `${receiver.url}/hooks`,
    events: ['incident.*'],
  });
  expect(created.status).toBe(201);
  const { secret } = await created.json();
  receiver.secrets.push(secret);
  return { t, call, receiver };
}

async function openIncident(
  call: (method: string, path: string, body?: unknown) => Promise<Response>,
  title = 'API errors',
) {
  const response = await call('POST', '/staff/incidents', {
    title,
    impact: 'major',
    status: 'investigating',
    services: ['api'],
    body: 'We see errors on the API.',
  });
  expect(response.status).toBe(201);
  return response.json();
}

describe('the outbox', () => {
  it('is written in the transaction of the event: a refused change leaves nothing behind', async () => {
    const t = await testApp();
    const { call } = await withAdmin(t);
    const invited = await call('POST', '/staff/users/invitations', {
      email: 'grace@example.test',
      role: 'agent',
    });
    expect(invited.status).toBe(201);
    expect(await outboxRows(t)).toMatchObject([
      {
        channel: 'email',
        kind: 'user.invited',
        recipient: 'grace@example.test',
        state: 'pending',
        sensitive: true,
        attempts: 0,
      },
    ]);
    // The same change refused (the person has a password now): no second message.
    await createUser(t, 'agent', { email: 'taken@example.test' });
    const refused = await call('POST', '/staff/users/invitations', {
      email: 'taken@example.test',
      role: 'agent',
    });
    expect(refused.status).toBe(409);
    expect(await outboxRows(t)).toHaveLength(1);

    // An incident edit that changes nothing is rolled back, its event with it.
    await createService(t, 'api');
    const incident = await openIncident(call);
    const eventsBefore = await t.db.db.select().from(notificationEvents);
    const same = await call('PATCH', `/staff/incidents/${incident.id}`, { title: 'API errors' });
    expect(same.status).toBe(200);
    expect(await t.db.db.select().from(notificationEvents)).toEqual(eventsBefore);
  });

  it('sends mail over SMTP under a stable Message-ID, and logs who and what but never the link', async () => {
    const mail = await startMailServer();
    cleanups.push(() => mail.close());
    const t = await testApp({ config: { smtpUrl: mail.url } });
    const { call } = await withAdmin(t);
    const { worker, log } = workerFor(t, { smtpUrl: mail.url });
    const invited = await call('POST', '/staff/users/invitations', {
      email: 'grace@example.test',
      role: 'agent',
    });
    const body = await invited.json();
    expect(body.emailed).toBe(true);

    expect(await worker.runOnce(t.clock.now())).toMatchObject({ claimed: 1, delivered: 1 });
    const [row] = await outboxRows(t);
    expect(mail.messages).toHaveLength(1);
    const message = mail.messages[0];
    expect(message?.to).toBe('grace@example.test');
    expect(message?.subject).toBe('You are invited to Service status');
    expect(message?.messageId).toBe(`<${row?.deliveryId}@localhost>`);
    expect(message?.header('auto-submitted')).toBe('auto-generated');
    // Plain text and HTML carry the same link, the one the admin was shown.
    const link = message ? linkIn(message, `${TEST_ORIGIN}/account/invitation#token=`) : '';
    expect(link).toBe(body.link);
    expect(message?.html).toContain(body.link);

    // Delivered: the one-time link is gone from the database.
    expect(row).toMatchObject({ state: 'delivered', attempts: 1, claimedBy: null });
    expect(row?.bodyText).not.toContain(tokenOf(link));
    expect(row?.bodyHtml).toBeNull();
    // Nothing more to send.
    expect(await worker.runOnce(t.clock.now())).toMatchObject({ claimed: 0 });
    expect(mail.messages).toHaveLength(1);

    const sent = log.lines().find((line) => line.msg === 'mail sent');
    expect(sent).toMatchObject({
      to: 'grace@example.test',
      subject: 'You are invited to Service status',
    });
    expect(log.raw.join('\n')).not.toContain(tokenOf(link));
  });

  it('keeps mail in the development mailbox without SMTP_URL: admins read it in the console', async () => {
    const t = await testApp();
    const { call } = await withAdmin(t);
    const agent = await createUser(t, 'agent');
    const agentSession = await signedIn(t, agent.id);
    const { worker, log } = workerFor(t);
    const invited = await (
      await call('POST', '/staff/users/invitations', { email: 'ada@example.test', role: 'agent' })
    ).json();
    expect(invited.emailed).toBe(false);
    expect(await worker.runOnce(t.clock.now())).toMatchObject({ claimed: 1, delivered: 1 });
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ state: 'mailbox', attempts: 1 });
    expect(log.lines().some((line) => line.msg === 'mail kept in the development mailbox')).toBe(
      true,
    );

    const list = await (await call('GET', '/staff/notifications/outbox?state=mailbox')).json();
    expect(list.items).toMatchObject([{ id: row?.id, kind: 'user.invited', state: 'mailbox' }]);
    const item = await (await call('GET', `/staff/notifications/outbox/${row?.id}`)).json();
    expect(item.bodyText).toContain(invited.link);
    expect(item.bodyHtml).toContain('Accept the invitation');
    expect(item.attemptLog).toMatchObject([{ outcome: 'mailbox', attempt: 1 }]);
    // An agent sees that it exists, not the link that would make them this person.
    const asAgent = await t.app.request(`/api/v1/staff/notifications/outbox/${row?.id}`, {
      headers: agentSession.headers,
    });
    const hidden = await asAgent.json();
    expect(hidden.bodyText).toBeNull();
    expect(hidden.bodyHtml).toBeNull();
    expect(hidden.bodyWithheld).toMatch(/only admins/);
    const summary = await (await call('GET', '/staff/notifications/summary')).json();
    expect(summary.mail).toBe('mailbox');
    // Its HTML opens as a page that runs nothing; for an agent it does not exist.
    const page = await call('GET', `/staff/notifications/outbox/${row?.id}/html`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain(invited.link);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|; )sandbox( |;|$)/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const agentPage = await t.app.request(`/api/v1/staff/notifications/outbox/${row?.id}/html`, {
      headers: agentSession.headers,
    });
    expect(agentPage.status).toBe(404);
  });

  it('retries a failing endpoint with backoff: two failures, then the third attempt delivers', async () => {
    const { t, call, receiver } = await webhookWorld();
    receiver.reply = (_request, index) => (index < 2 ? { status: 503, body: 'busy' } : undefined);
    const { worker } = workerFor(t);
    await openIncident(call);
    const startMs = t.clock.now();

    expect(await worker.runOnce(startMs)).toMatchObject({ claimed: 1, failed: 1 });
    const [first] = await outboxRows(t);
    // 30 s, half of it jitter (fixed at the middle here): 22.5 s.
    expect(first).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'The endpoint answered 503.',
    });
    expect(first?.nextAttemptAt.getTime()).toBe(startMs + 22_500);
    // Not due yet: nothing happens.
    expect(await worker.runOnce(startMs + 22_499)).toMatchObject({ claimed: 0 });

    expect(await worker.runOnce(startMs + 22_500)).toMatchObject({ claimed: 1, failed: 1 });
    const [second] = await outboxRows(t);
    // Four times longer: 2 min, 90 s with the jitter.
    expect(second?.nextAttemptAt.getTime()).toBe(startMs + 22_500 + 90_000);

    expect(await worker.runOnce(startMs + 112_500)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(3);
    // One event: the same webhook-id on each attempt, each signed for its own time.
    expect(new Set(receiver.received.map((request) => request.id)).size).toBe(1);
    expect(receiver.received.map((request) => request.verifiedWith.length)).toEqual([1, 1, 1]);
    expect(receiver.received.map((request) => request.timestamp)).toEqual([
      String(Math.floor(startMs / 1000)),
      String(Math.floor((startMs + 22_500) / 1000)),
      String(Math.floor((startMs + 112_500) / 1000)),
    ]);
    expect(receiver.received[2]?.payload).toMatchObject({
      type: 'incident.created',
      data: { incident: { title: 'API errors', services: ['api'] } },
    });
    const [done] = await outboxRows(t);
    expect(done).toMatchObject({ state: 'delivered', attempts: 3, lastError: null });
    const log = await (
      await call('GET', `/staff/notifications/attempts?endpointId=${done?.endpointId}`)
    ).json();
    expect(
      log.items.map((entry: { outcome: string; responseStatus: number }) => [
        entry.outcome,
        entry.responseStatus,
      ]),
    ).toEqual([
      ['delivered', 200],
      ['failed', 503],
      ['failed', 503],
    ]);
    expect(log.items[1].response).toBe('busy');
  });

  it('gives up after the last attempt; staff retry the dead item and it is delivered', async () => {
    const { t, call, receiver } = await webhookWorld({
      config: { outbox: { ...defaultConfig.outbox, maxAttempts: 2 } },
    });
    let failing = true;
    receiver.reply = () => (failing ? { status: 500 } : undefined);
    const { worker } = workerFor(t);
    await openIncident(call);
    await worker.runOnce(t.clock.now());
    t.clock.advance(60_000);
    await worker.runOnce(t.clock.now());
    const [dead] = await outboxRows(t);
    expect(dead).toMatchObject({ state: 'dead', attempts: 2 });
    t.clock.advance(3_600_000);
    expect(await worker.runOnce(t.clock.now())).toMatchObject({ claimed: 0 });

    failing = false;
    const retried = await call('POST', `/staff/notifications/outbox/${dead?.id}/retry`);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await worker.runOnce(t.clock.now())).toMatchObject({ delivered: 1 });
    const [done] = await outboxRows(t);
    expect(done).toMatchObject({ state: 'delivered', deliveryId: dead?.deliveryId });
    // The same id all along, so the receiver can tell it is the same event.
    expect(new Set(receiver.received.map((request) => request.id))).toEqual(
      new Set([dead?.deliveryId]),
    );
    // A pending item is not retried twice.
    const again = await call('POST', `/staff/notifications/outbox/${dead?.id}/retry`);
    expect(again.status).toBe(200);
    expect((await call('POST', `/staff/notifications/outbox/${dead?.id}/retry`)).status).toBe(409);
  });

  it('lets two workers on separate connections deliver each item once', async () => {
    const { t, call, receiver } = await webhookWorld();
    const other = await createDb({ url: `file:${t.db.path}` });
    cleanups.push(() => other.close());
    const a = workerFor(t, { id: 'worker-a' }).worker;
    const b = workerFor(t, { db: other, id: 'worker-b' }).worker;
    for (let index = 0; index < 25; index += 1) await openIncident(call, `Incident ${index}`);
    let rounds = 0;
    for (;;) {
      const results = await Promise.all([a.runOnce(t.clock.now()), b.runOnce(t.clock.now())]);
      rounds += 1;
      if (results.every((result) => result.claimed === 0)) break;
    }
    expect(rounds).toBeGreaterThan(1);
    const ids = receiver.received.map((request) => request.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    const rows = await outboxRows(t);
    expect(rows.every((row) => row.state === 'delivered' && row.attempts === 1)).toBe(true);
    const workers = await t.db.db
      .selectDistinct({ worker: deliveryAttempts.worker })
      .from(deliveryAttempts);
    expect(workers.map((row) => row.worker).sort()).toEqual(['worker-a', 'worker-b']);
  });

  it("takes over a stalled worker's item once its lease ran out; the late worker cannot undo it", async () => {
    const { t, call, receiver } = await webhookWorld({
      config: { webhookTimeoutMs: 60_000 },
    });
    receiver.reply = (_request, index) => (index === 0 ? 'hold' : undefined);
    const stalled = workerFor(t, { id: 'stalled' }).worker;
    const rescuer = workerFor(t, { id: 'rescuer' }).worker;
    await openIncident(call);
    const startMs = t.clock.now();
    const stuck = stalled.runOnce(startMs);
    await receiver.waitForCount(1);
    const [held] = await outboxRows(t);
    expect(held).toMatchObject({ claimedBy: 'stalled', state: 'pending' });

    // Another worker leaves it alone while the lease holds…
    expect(await rescuer.runOnce(startMs + t.config.outbox.leaseMs - 1)).toMatchObject({
      claimed: 0,
    });
    // …and takes it once the lease ran out.
    expect(await rescuer.runOnce(startMs + t.config.outbox.leaseMs)).toMatchObject({
      delivered: 1,
    });
    // The stalled worker's request fails late; its result does not change the item.
    await receiver.close();
    await stuck;
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ state: 'delivered', claimedBy: null, lastError: null });
    const attempts = await t.db.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.outboxId, row?.id ?? 0))
      .orderBy(deliveryAttempts.id);
    expect(attempts.map((entry) => [entry.worker, entry.outcome])).toEqual([
      ['rescuer', 'delivered'],
      ['stalled', 'failed'],
    ]);
    expect((await t.db.db.select().from(outbox)).length).toBe(1);
  });
});
