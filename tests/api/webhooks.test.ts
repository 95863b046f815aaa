import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { AppConfig } from '../../api/config.ts';
import type { HostResolver } from '../../api/notify/targets.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { outboxRows, workerFor } from '../helpers/notify.ts';
import {
  addWindow,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  verifiesAt,
  type WebhookReceiver,
} from '../helpers/webhook-receiver.ts';

/**
 * Webhook endpoints: registered by admins with a secret shown once, refused when they would
 * reach the portal's own network, signed per Standard Webhooks (both secrets during a
 * rotation), never following a redirect.
 */

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function arrange(config: Partial<AppConfig> = {}, resolveHost?: HostResolver) {
  const base = await testApp({ config });
  const t: TestApp = resolveHost
    ? {
        ...base,
        app: createApp({ db: base.db, clock: base.clock, config: base.config, resolveHost }),
      }
    : base;
  await createService(t, 'api');
  const admin = await createUser(t, 'admin');
  const headers = (await signedIn(t, admin.id)).headers;
  const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : json(method, body, headers),
    );
  const receiver = await startWebhookReceiver(t.clock);
  receivers.push(receiver);
  const openIncident = async () => {
    const response = await call('POST', '/staff/incidents', {
      title: 'API errors',
      impact: 'major',
      status: 'investigating',
      services: ['api'],
      body: 'Errors.',
    });
    expect(response.status).toBe(201);
    return response.json();
  };
  return { t, call, receiver, openIncident };
}

describe('registering an endpoint', () => {
  it('answers 201 with the secret once; reads never show it', async () => {
    const { call, receiver } = await arrange({ webhookAllowPrivate: true });
    const created = await call('POST', '/staff/webhooks', {
      url: `${receiver.url}/billing`,
      events: ['claim.decided', 'credit.applied'],
      description: 'Billing',
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(body.endpoint).toMatchObject({
      url: `${receiver.url}/billing`,
      events: ['claim.decided', 'credit.applied'],
      active: true,
      customerId: null,
    });
    const read = await (await call('GET', `/staff/webhooks/${body.endpoint.id}`)).text();
    const list = await (await call('GET', '/staff/webhooks')).text();
    expect(read).not.toContain(body.secret);
    expect(list).not.toContain(body.secret);
    const unknown = await call('POST', '/staff/webhooks', {
      url: receiver.url,
      events: ['claim.eaten'],
    });
    expect(unknown.status).toBe(400);
  });

  it('refuses loopback, private, link-local and unspecified targets, and plain http, without the flag', async () => {
    const { call } = await arrange();
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.1/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://0.0.0.0/hook',
      'https://[::1]/hook',
      'https://[fd12::1]/hook',
      'https://[fe80::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'http://93.184.216.34/hook',
      'https://user:pass@93.184.216.34/hook',
    ]) {
      const response = await call('POST', '/staff/webhooks', { url, events: ['incident.*'] });
      expect(response.status, url).toBe(422);
      const error = (await response.json()).error;
      expect(error.code).toBe('WEBHOOK_TARGET_REFUSED');
      expect(error.issues[0].path).toBe('url');
    }
    // A public address is fine (nothing is sent on registering).
    const fine = await call('POST', '/staff/webhooks', {
      url: 'https://93.184.216.34/hook',
      events: ['incident.*'],
    });
    expect(fine.status).toBe(201);
  });

  it('refuses at delivery a host that has come to resolve to a private address', async () => {
    let address = '93.184.216.34';
    const resolve: HostResolver = async () => [{ address, family: 4 }];
    const { t, call, openIncident } = await arrange({}, resolve);
    const created = await call('POST', '/staff/webhooks', {
      url: 'https://hooks.example.test/in',
      events: ['incident.created'],
    });
    expect(created.status).toBe(201);
    await openIncident();
    // DNS rebinding: the same name now points at the portal's own host.
    address = '127.0.0.1';
    await workerFor(t, { resolveHost: resolve }).worker.runOnce(t.clock.now());
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ state: 'dead', attempts: 1 });
    expect(row?.lastError).toContain('127.0.0.1');
  });
});

describe('delivering', () => {
  it('never follows a redirect: a 3xx is a failed attempt, and the other address gets nothing', async () => {
    const { t, call, receiver, openIncident } = await arrange({ webhookAllowPrivate: true });
    receiver.reply = (request) =>
      request.path === '/hook'
        ? { status: 307, headers: { location: `${receiver.url}/elsewhere` } }
        : undefined;
    await call('POST', '/staff/webhooks', { url: `${receiver.url}/hook`, events: ['incident.*'] });
    await openIncident();
    const { worker } = workerFor(t);
    expect(await worker.runOnce(t.clock.now())).toMatchObject({ failed: 1 });
    expect(receiver.received.map((request) => request.path)).toEqual(['/hook']);
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.lastError).toBe(
      `Redirect to ${receiver.url}/elsewhere not followed: webhooks go only to the registered URL.`,
    );
  });

  it('signs with both secrets during a rotation overlap, then with the new one alone', async () => {
    const { t, call, receiver, openIncident } = await arrange({ webhookAllowPrivate: true });
    const created = await (
      await call('POST', '/staff/webhooks', { url: receiver.url, events: ['incident.*'] })
    ).json();
    const oldSecret: string = created.secret;
    const rotated = await call('POST', `/staff/webhooks/${created.endpoint.id}/rotate`);
    expect(rotated.status).toBe(200);
    const { secret: newSecret, endpoint } = await rotated.json();
    expect(newSecret).not.toBe(oldSecret);
    expect(Date.parse(endpoint.previousSecretExpiresAt)).toBe(
      t.clock.now() + t.config.webhookSecretOverlapMs,
    );
    const { worker } = workerFor(t);

    await openIncident();
    await worker.runOnce(t.clock.now());
    const during = receiver.received[0];
    expect(during?.signature.split(' ')).toHaveLength(2);
    const withOld = receiver.received.length;
    // A receiver that knows either secret alone accepts it.
    expect(during && verifyWith(during, oldSecret)).toBe(true);
    expect(during && verifyWith(during, newSecret)).toBe(true);

    t.clock.advance(t.config.webhookSecretOverlapMs);
    const admin = await createUser(t, 'admin');
    const fresh = (await signedIn(t, admin.id)).headers;
    await t.app.request(
      '/api/v1/staff/incidents',
      json(
        'POST',
        { title: 'Later', impact: 'minor', status: 'investigating', services: ['api'], body: 'x' },
        fresh,
      ),
    );
    await worker.runOnce(t.clock.now());
    const after = receiver.received[withOld];
    expect(after?.signature.split(' ')).toHaveLength(1);
    expect(after && verifyWith(after, newSecret)).toBe(true);
    expect(after && verifyWith(after, oldSecret)).toBe(false);
  });

  it('skips events for a disabled endpoint, and a deleted one receives nothing', async () => {
    const { t, call, receiver, openIncident } = await arrange({ webhookAllowPrivate: true });
    const { endpoint } = await (
      await call('POST', '/staff/webhooks', { url: receiver.url, events: ['incident.*'] })
    ).json();
    await openIncident();
    const disabled = await call('PATCH', `/staff/webhooks/${endpoint.id}`, { active: false });
    expect(await disabled.json()).toMatchObject({ active: false });
    const { worker } = workerFor(t);
    await worker.runOnce(t.clock.now());
    expect(receiver.received).toEqual([]);
    expect((await outboxRows(t))[0]).toMatchObject({ state: 'skipped' });
    expect((await call('DELETE', `/staff/webhooks/${endpoint.id}`)).status).toBe(204);
    expect((await call('GET', `/staff/webhooks/${endpoint.id}`)).status).toBe(404);
    await openIncident();
    expect(await outboxRows(t)).toHaveLength(1);
  });

  it("sends a customer's endpoint the incidents of its agreements' services only", async () => {
    const { t, call, receiver } = await arrange({ webhookAllowPrivate: true });
    const web = await createService(t, 'web');
    const customer = await createCustomer(t, 'Acme');
    const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    await createAgreement(t, {
      customerId: customer.id,
      policyId: policy.id,
      start: '2025-01-01T00:00:00Z',
      timeZone: 'UTC',
      services: [{ serviceId: web.id, monthlyFeeMinor: 1000 }],
    });
    const person = await createUser(t, 'customer', { customerId: customer.id });
    const mine = await t.app.request(
      '/api/v1/me/webhooks',
      json(
        'POST',
        { url: receiver.url, events: ['incident.created'] },
        (await signedIn(t, person.id)).headers,
      ),
    );
    expect(mine.status).toBe(201);
    receiver.secrets.push((await mine.json()).secret);
    for (const service of ['api', 'web']) {
      await call('POST', '/staff/incidents', {
        title: `${service} errors`,
        impact: 'major',
        status: 'investigating',
        services: [service],
        body: 'x',
      });
    }
    await workerFor(t).worker.runOnce(t.clock.now());
    expect(receiver.verified().map((request) => request.payload.data)).toMatchObject([
      { incident: { title: 'web errors' } },
    ]);
  });

  it('announces a window correction to systems that asked, without who made it', async () => {
    const { t, call, receiver } = await arrange({ webhookAllowPrivate: true });
    const created = await call('POST', '/staff/webhooks', {
      url: receiver.url,
      events: ['window.corrected'],
    });
    receiver.secrets.push((await created.json()).secret);
    const [service] = (await t.db.client.execute("SELECT id FROM services WHERE slug = 'api'"))
      .rows;
    const window = await addWindow(t, Number(service?.id), {
      state: 'major_outage',
      start: '2026-11-01T00:00:00Z',
      end: '2026-11-01T02:00:00Z',
    });
    const corrected = await call('POST', `/staff/windows/${window.id}/corrections`, {
      end: '2026-11-01T01:00:00Z',
      reason: 'The monitor lagged.',
    });
    expect(corrected.status).toBe(201);
    await workerFor(t).worker.runOnce(t.clock.now());
    const [request] = receiver.verified();
    expect(request?.payload).toMatchObject({
      type: 'window.corrected',
      data: {
        correction: {
          windowId: window.id,
          service: 'api',
          reason: 'The monitor lagged.',
          after: { end: '2026-11-01T01:00:00.000Z' },
        },
      },
    });
    expect(JSON.stringify(request?.payload)).not.toContain('actor');
  });
});

describe('maintenance started and completed early', () => {
  it('announces each once: when staff act early, and not again when the planned instant passes', async () => {
    const { t, call, receiver } = await arrange({ webhookAllowPrivate: true });
    const created = await call('POST', '/staff/webhooks', {
      url: receiver.url,
      events: ['maintenance.*'],
    });
    receiver.secrets.push((await created.json()).secret);
    // The test app's clock stands at 2026-11-20 12:00 UTC.
    const scheduled = await call('POST', '/staff/maintenance', {
      services: ['api'],
      startsAt: '2026-11-20T14:00:00Z',
      endsAt: '2026-11-20T15:00:00Z',
      title: 'Database upgrade',
      description: 'Writes may be refused for a few minutes.',
      publish: true,
    });
    expect(scheduled.status).toBe(201);
    const { id } = await scheduled.json();
    const { worker } = workerFor(t);
    await worker.runOnce(t.clock.now());

    t.clock.set(Date.parse('2026-11-20T13:30:00Z'));
    const started = await call('POST', `/staff/maintenance/${id}/start`, {
      acknowledgeUnannounced: true,
    });
    expect(started.status).toBe(200);
    await worker.runOnce(t.clock.now());
    const types = () => receiver.verified().map((request) => request.payload.type);
    // Subscribers hear of the start when it happens, half an hour before the planned one.
    expect(types()).toEqual(['maintenance.scheduled', 'maintenance.started']);
    t.clock.set(Date.parse('2026-11-20T14:15:00Z'));
    const completed = await call('POST', `/staff/maintenance/${id}/complete`, {});
    expect(completed.status).toBe(200);
    await worker.runOnce(t.clock.now());
    expect(types()).toEqual([
      'maintenance.scheduled',
      'maintenance.started',
      'maintenance.completed',
    ]);
    // The planned start and end pass; the worker's own announcements find them made.
    t.clock.set(Date.parse('2026-11-20T15:30:00Z'));
    await worker.runOnce(t.clock.now());
    await worker.runOnce(t.clock.now());

    expect(types()).toEqual([
      'maintenance.scheduled',
      'maintenance.started',
      'maintenance.completed',
    ]);
  });
});

/** Whether a receiver that knows only `secret` accepts the request (at its own timestamp). */
function verifyWith(request: ReceivedWebhook, secret: string): boolean {
  return verifiesAt(
    secret,
    request.body,
    {
      'webhook-id': request.id,
      'webhook-timestamp': request.timestamp,
      'webhook-signature': request.signature,
    },
    Number(request.timestamp) * 1000,
  );
}
