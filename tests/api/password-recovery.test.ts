import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';
import { linkIn, type MailServer, startMailServer, tokenOf } from '../helpers/mail-server.ts';
import { workerFor } from '../helpers/notify.ts';

/**
 * "Forgot password": the same 202 whether or not the address has an account, a link by
 * mail that works once for 30 minutes, every session ended when it is used.
 */

const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a freshly chosen passphrase';
const MINUTE = 60_000;

let mail: MailServer;
afterEach(async () => {
  await mail?.close();
});

async function arrange() {
  mail = await startMailServer();
  const t = await testApp({ config: { smtpUrl: mail.url } });
  const customer = await createCustomer(t);
  const user = await createUser(t, 'customer', {
    email: 'ada@example.test',
    customerId: customer.id,
  });
  const { worker } = workerFor(t, { smtpUrl: mail.url });
  const deliver = () => worker.runOnce(t.clock.now());
  return { t, user, deliver };
}

const ask = (t: TestApp, email: string) =>
  t.app.request('/api/v1/auth/password-reset', json('POST', { email }, { origin: TEST_ORIGIN }));

const confirm = (t: TestApp, token: string, password = NEW_PASSWORD) =>
  t.app.request('/api/v1/auth/password-reset/confirm', json('POST', { token, password }));

const login = (t: TestApp, password: string) =>
  t.app.request(
    '/api/v1/auth/login',
    json('POST', { email: 'ada@example.test', password }, { origin: TEST_ORIGIN }),
  );

const me = (t: TestApp, token: string) =>
  t.app.request('/api/v1/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

describe('POST /auth/password-reset (forgot password)', () => {
  it('answers the same 202 for an unknown address as for an account, and mails only the account', async () => {
    const { t, deliver } = await arrange();
    const known = await ask(t, 'Ada@Example.test');
    const unknown = await ask(t, 'nobody@example.test');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    await deliver();
    expect(mail.messages.map((message) => message.to)).toEqual(['ada@example.test']);
    expect(mail.messages[0]?.subject).toBe('Reset your Service status password');
    expect(mail.messages[0]?.header('auto-submitted')).toBe('auto-generated');
  });

  it('mails a link that works once and ends every session of the person', async () => {
    const { t, user, deliver } = await arrange();
    const before = await signedIn(t, user.id);
    await ask(t, 'ada@example.test');
    await deliver();
    const [message] = mail.messages;
    if (!message) throw new Error('no mail');
    const link = linkIn(message, `${TEST_ORIGIN}/account/reset#token=`);
    expect(message.html).toContain(link);
    const done = await confirm(t, tokenOf(link));
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ user: { email: 'ada@example.test', role: 'customer' } });
    expect((await me(t, before.token)).status).toBe(401);
    expect((await login(t, OLD_PASSWORD)).status).toBe(401);
    expect((await login(t, NEW_PASSWORD)).status).toBe(200);
    const again = await confirm(t, tokenOf(link), 'yet another fine passphrase');
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('PASSWORD_RESET_INVALID');
  });

  it('stops working after 30 minutes, and when a newer link was asked for', async () => {
    const { t, deliver } = await arrange();
    await ask(t, 'ada@example.test');
    t.clock.advance(MINUTE);
    await ask(t, 'ada@example.test');
    await deliver();
    const [first, second] = mail.messages.map((message) =>
      tokenOf(linkIn(message, `${TEST_ORIGIN}/account/reset#token=`)),
    );
    expect((await confirm(t, first ?? '')).status).toBe(400);
    t.clock.advance(30 * MINUTE);
    expect((await confirm(t, second ?? '')).status).toBe(400);
    expect((await login(t, OLD_PASSWORD)).status).toBe(200);
  });

  it('mails at most three links an hour to one address, still answering 202', async () => {
    const { t, deliver } = await arrange();
    for (let index = 0; index < 5; index += 1) {
      expect((await ask(t, 'ada@example.test')).status, `request ${index}`).toBe(202);
    }
    await deliver();
    expect(mail.messages).toHaveLength(3);
    t.clock.advance(60 * MINUTE);
    expect((await ask(t, 'ada@example.test')).status).toBe(202);
    await deliver();
    expect(mail.messages).toHaveLength(4);
  });

  it('answers 429 to a client asking for too many addresses', async () => {
    const { t } = await arrange();
    for (let index = 0; index < t.config.notifyRequestsPerAddress; index += 1) {
      expect((await ask(t, `someone${index}@example.test`)).status).toBe(202);
    }
    const refused = await ask(t, 'one-more@example.test');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
  });

  it('sends nothing to a deactivated person or an invitation not yet accepted', async () => {
    const { t, deliver } = await arrange();
    await createUser(t, 'agent', { email: 'gone@example.test' });
    await t.db.client.execute("UPDATE users SET active = 0 WHERE email = 'gone@example.test'");
    await t.db.client.execute(
      "INSERT INTO users (email, role, password_hash, created_at) VALUES ('new@example.test', 'agent', NULL, 0)",
    );
    expect((await ask(t, 'gone@example.test')).status).toBe(202);
    expect((await ask(t, 'new@example.test')).status).toBe(202);
    await deliver();
    expect(mail.messages).toEqual([]);
  });

  it("leaves an admin's link working, and using either one ends the other", async () => {
    const { t, user, deliver } = await arrange();
    const admin = await createUser(t, 'admin');
    const issued = await t.app.request(
      `/api/v1/staff/users/${user.id}/password-reset`,
      json('POST', {}, (await signedIn(t, admin.id)).headers),
    );
    const adminToken = tokenOf((await issued.json()).url);
    await ask(t, 'ada@example.test');
    await deliver();
    const [message] = mail.messages;
    const mailed = message ? tokenOf(linkIn(message, `${TEST_ORIGIN}/account/reset#token=`)) : '';
    expect((await confirm(t, mailed)).status).toBe(200);
    expect((await confirm(t, adminToken, 'an entirely different passphrase')).status).toBe(400);
  });
});
