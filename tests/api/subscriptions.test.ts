import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ORIGIN, testApp } from '../helpers/app.ts';
import { createService, json } from '../helpers/factories.ts';
import { linkIn, type MailServer, startMailServer, tokenOf } from '../helpers/mail-server.ts';
import { outboxRows, workerFor } from '../helpers/notify.ts';
import { statusActors } from '../helpers/status-data.ts';

/**
 * Public subscriptions: double opt-in, updates for the chosen components, one-click
 * unsubscribe (RFC 8058) and management through the link in every message.
 */

let mail: MailServer;
afterEach(async () => {
  await mail?.close();
});

async function arrange() {
  mail = await startMailServer();
  const t = await testApp({ config: { smtpUrl: mail.url } });
  await createService(t, 'api');
  await createService(t, 'web');
  const actors = await statusActors(t);
  const { worker } = workerFor(t, { smtpUrl: mail.url });
  const deliver = () => worker.runOnce(t.clock.now());
  const subscribe = (body: unknown) =>
    t.app.request('/api/v1/subscriptions', json('POST', body, { origin: TEST_ORIGIN }));
  const post = (path: string, body: unknown) =>
    t.app.request(`/api/v1${path}`, json('POST', body, { origin: TEST_ORIGIN }));
  const openIncident = async (service: string, title: string) => {
    const response = await actors.asAdmin('POST', '/staff/incidents', {
      title,
      impact: 'major',
      status: 'investigating',
      services: [service],
      body: `Errors on ${service}.`,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: number };
  };
  return { t, actors, deliver, subscribe, post, openIncident };
}

/** The token of the confirmation link mailed to `address`. */
function confirmationToken(address: string): string {
  const message = mail.to(address).find((entry) => entry.subject.startsWith('Confirm'));
  if (!message) throw new Error(`no confirmation for ${address}`);
  return tokenOf(linkIn(message, `${TEST_ORIGIN}/subscribe/confirm/#token=`));
}

describe('POST /subscriptions', () => {
  it('mails a confirmation link and nothing else until it is confirmed; then updates arrive', async () => {
    const { deliver, subscribe, post, openIncident } = await arrange();
    const response = await subscribe({ email: 'Watcher@Example.test' });
    expect(response.status).toBe(202);
    await openIncident('api', 'Before confirming');
    await deliver();
    expect(mail.messages.map((message) => message.subject)).toEqual([
      'Confirm your subscription to Service status',
    ]);
    // The confirmation is no list mail: it has no unsubscribe header.
    expect(mail.messages[0]?.header('list-unsubscribe')).toBeUndefined();

    const confirmed = await post('/subscriptions/confirm', {
      token: confirmationToken('watcher@example.test'),
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({
      email: 'watcher@example.test',
      confirmed: true,
      unsubscribed: false,
      services: [],
    });
    const incident = await openIncident('api', 'API errors');
    await deliver();
    const update = mail.messages.at(-1);
    expect(update?.subject).toBe('[Service status] Investigating: API errors');
    expect(update?.text).toContain('Errors on api.');
    expect(update?.text).toContain(`${TEST_ORIGIN}/incidents/${incident.id}/`);
    expect(mail.messages).toHaveLength(2);
  });

  it('tells a subscriber of their components only; none chosen means all', async () => {
    const { deliver, subscribe, post, openIncident } = await arrange();
    await subscribe({ email: 'web@example.test', services: ['web'] });
    await subscribe({ email: 'all@example.test' });
    await deliver();
    await post('/subscriptions/confirm', { token: confirmationToken('web@example.test') });
    await post('/subscriptions/confirm', { token: confirmationToken('all@example.test') });
    await openIncident('api', 'API down');
    await openIncident('web', 'Web slow');
    await deliver();
    const subjects = (address: string) =>
      mail
        .to(address)
        .map((message) => message.subject)
        .filter((subject) => !subject.startsWith('Confirm'));
    expect(subjects('web@example.test')).toEqual(['[Service status] Investigating: Web slow']);
    expect(subjects('all@example.test').sort()).toEqual([
      '[Service status] Investigating: API down',
      '[Service status] Investigating: Web slow',
    ]);
  });

  it('unsubscribes with one POST to the List-Unsubscribe address (RFC 8058)', async () => {
    const { t, deliver, subscribe, post, openIncident, actors } = await arrange();
    await subscribe({ email: 'watcher@example.test' });
    await deliver();
    await post('/subscriptions/confirm', { token: confirmationToken('watcher@example.test') });
    const incident = await openIncident('api', 'API errors');
    await deliver();
    const update = mail.messages.at(-1);
    expect(update?.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const header = update?.header('list-unsubscribe') ?? '';
    const target = /^<([^>]+)>$/.exec(header)?.[1] ?? '';
    expect(target.startsWith(`${TEST_ORIGIN}/api/v1/subscriptions/one-click?code=`)).toBe(true);

    // A GET (a link scanner, a browser) changes nothing: it leads to a page with a button.
    const path = target.slice(TEST_ORIGIN.length);
    const opened = await t.app.request(path);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(
      new RegExp(`^${TEST_ORIGIN}/subscribe/unsubscribe/#token=`),
    );
    // The mail provider's POST: a form body, no Origin, no cookie.
    const oneClick = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const sent = mail.messages.length;
    await actors.asAdmin('POST', `/staff/incidents/${incident.id}/updates`, {
      status: 'resolved',
      body: 'Fixed.',
    });
    await deliver();
    expect(mail.messages).toHaveLength(sent);
    const code = new URL(target).searchParams.get('code') ?? '';
    const view = await post('/subscriptions/view', { token: code });
    expect(await view.json()).toMatchObject({ unsubscribed: true });
  });

  it('skips mail queued before the unsubscribe', async () => {
    const { t, deliver, subscribe, post, openIncident } = await arrange();
    await subscribe({ email: 'watcher@example.test' });
    await deliver();
    const token = confirmationToken('watcher@example.test');
    await post('/subscriptions/confirm', { token });
    await openIncident('api', 'API errors');
    await post('/subscriptions/unsubscribe', { token });
    await deliver();
    expect(mail.messages).toHaveLength(1);
    const rows = await outboxRows(t);
    expect(rows.at(-1)).toMatchObject({ kind: 'incident.created', state: 'skipped' });
  });

  it('manages the components through the link, and a second request for a confirmed address changes nothing', async () => {
    const { deliver, subscribe, post } = await arrange();
    await subscribe({ email: 'watcher@example.test', services: ['api'] });
    await deliver();
    const token = confirmationToken('watcher@example.test');
    await post('/subscriptions/confirm', { token });
    const changed = await post('/subscriptions/update', { token, services: ['web', 'api'] });
    expect(await changed.json()).toMatchObject({ services: ['api', 'web'] });
    // Someone else enters the address again: it hears so, and the choice stays.
    await subscribe({ email: 'watcher@example.test', services: [] });
    await deliver();
    const note = mail.messages.at(-1);
    expect(note?.subject).toBe('Your subscription to Service status');
    expect(note?.text).toContain(`${TEST_ORIGIN}/subscribe/manage/#token=${token}`);
    expect(await (await post('/subscriptions/view', { token })).json()).toMatchObject({
      confirmed: true,
      services: ['api', 'web'],
    });
    const unknown = await post('/subscriptions/update', { token, services: ['nope'] });
    expect(unknown.status).toBe(422);
    const bad = await post('/subscriptions/view', { token: 'not-a-token' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('SUBSCRIPTION_LINK_INVALID');
  });

  it('takes the status page form without JavaScript: 303 to what happens next', async () => {
    const { t, deliver } = await arrange();
    const form = (body: string) =>
      t.app.request('/api/v1/subscriptions/form', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN },
        body,
      });
    const sent = await form('email=reader%40example.test&services=api&services=web');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${TEST_ORIGIN}/subscribe/sent/`);
    await deliver();
    expect(mail.to('reader@example.test')).toHaveLength(1);
    expect(mail.messages[0]?.text).toContain('Components: API, WEB');
    for (const body of ['email=not-an-address', 'email=x%40example.test&services=nope']) {
      const problem = await form(body);
      expect(problem.status, body).toBe(303);
      expect(problem.headers.get('location')).toBe(`${TEST_ORIGIN}/subscribe/problem/`);
    }
    // Another site's form is refused.
    const foreign = await t.app.request('/api/v1/subscriptions/form', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://elsewhere.example',
      },
      body: 'email=victim%40example.test',
    });
    expect(foreign.status).toBe(403);
  });

  it('limits requests per address (no more mail, same answer) and per client (429)', async () => {
    const { t, deliver, subscribe } = await arrange();
    for (let index = 0; index < 5; index += 1) {
      expect((await subscribe({ email: 'target@example.test' })).status).toBe(202);
    }
    await deliver();
    expect(mail.to('target@example.test')).toHaveLength(t.config.notifyRequestsPerEmail);
    for (let index = 5; index < t.config.notifyRequestsPerAddress; index += 1) {
      expect((await subscribe({ email: `reader${index}@example.test` })).status).toBe(202);
    }
    const refused = await subscribe({ email: 'one-more@example.test' });
    expect(refused.status).toBe(429);
  });

  it('tells subscribers of scheduled maintenance, and of its start and end as time passes', async () => {
    const { t, actors, deliver, subscribe, post } = await arrange();
    await subscribe({ email: 'watcher@example.test', services: ['web'] });
    await deliver();
    await post('/subscriptions/confirm', { token: confirmationToken('watcher@example.test') });
    const startsAt = t.clock.now() + 2 * 3_600_000;
    const created = await actors.asAdmin('POST', '/staff/maintenance', {
      title: 'Database upgrade',
      description: 'A short read-only period.',
      services: ['web'],
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
      publish: true,
    });
    expect(created.status).toBe(201);
    await deliver();
    t.clock.set(startsAt + 60_000);
    await deliver();
    await deliver();
    t.clock.set(startsAt + 3_600_000 + 60_000);
    await deliver();
    expect(mail.messages.slice(1).map((message) => message.subject)).toEqual([
      '[Service status] Scheduled maintenance: Database upgrade',
      '[Service status] Maintenance started: Database upgrade',
      '[Service status] Maintenance completed: Database upgrade',
    ]);
  });
});
