import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE } from '../../api/auth/devices.ts';
import { sha256 } from '../../api/auth/tokens.ts';
import type { AppConfig } from '../../api/config.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { createUser, json, signedIn } from '../helpers/factories.ts';

/**
 * Sign-in throttling with device cookies (OWASP): failures from browsers that never signed in
 * as the account are limited per account and per address; a browser that did sign in as it
 * is limited on its own. Whoever hammers an account cannot keep its owner out of the browser
 * the owner uses, and a known browser that keeps failing is trusted no more.
 */

const PASSWORD = 'correct horse battery staple';
const WRONG = 'not the password at all';
const ADA = 'ada@example.test';

async function arrange(config: Partial<AppConfig> = {}) {
  const t = await testApp({ config: { trustedProxyHops: 1, ...config } });
  const ada = await createUser(t, 'admin', { email: ADA });
  return { t, ada };
}

/** A browser: an address and the device cookie it keeps from the answers it gets. */
function browser(t: TestApp, address: string) {
  let device: string | undefined;
  const headers = () => ({
    origin: TEST_ORIGIN,
    'x-forwarded-for': address,
    ...(device === undefined ? {} : { cookie: `${DEVICE_COOKIE}=${device}` }),
  });
  const keep = (response: Response) => {
    const set = response.headers.get('set-cookie') ?? '';
    const match = new RegExp(`${DEVICE_COOKIE}=([^;]*)`).exec(set);
    if (match?.[1] !== undefined) device = match[1];
    return response;
  };
  return {
    get device() {
      return device;
    },
    set device(value: string | undefined) {
      device = value;
    },
    login: async (email: string, password: string) =>
      keep(await t.app.request('/api/v1/auth/login', json('POST', { email, password }, headers()))),
    post: async (path: string, body: unknown, extra: Record<string, string> = {}) =>
      keep(await t.app.request(`/api/v1${path}`, json('POST', body, { ...headers(), ...extra }))),
  };
}

/** `count` failures for `email`, each from a new address and without a device cookie. */
async function hammer(t: TestApp, email: string, count: number, subnet = '198.51.100') {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    statuses.push((await browser(t, `${subnet}.${attempt}`).login(email, WRONG)).status);
  }
  return statuses;
}

describe('the device cookie', () => {
  it('is set at sign-in: HttpOnly, SameSite=Strict, for the sign-in routes only, long-lived, stored only hashed', async () => {
    const { t, ada } = await arrange();
    const response = await t.app.request(
      'https://portal.test/api/v1/auth/login',
      json('POST', { email: ADA, password: PASSWORD }),
    );
    expect(response.status).toBe(200);
    const header = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\/api\/v1\/auth/);
    expect(header).toContain(`; Max-Age=${t.config.deviceTrustMs / 1000}`);
    const token = /=([^;]*)/.exec(header ?? '')?.[1] ?? '';
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const { rows } = await t.db.client.execute('SELECT token_hash, user_id FROM trusted_devices');
    expect(rows.map((row) => [row.token_hash, row.user_id])).toEqual([[sha256(token), ada.id]]);
  });

  it('drops Secure only for plain HTTP on localhost', async () => {
    const { t } = await arrange();
    const response = await browser(t, '192.0.2.1').login(ADA, PASSWORD);
    const header = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
    expect(header).toBeDefined();
    expect(header).not.toMatch(/Secure/);
  });

  it('is renewed at every sign-in: the earlier token is trusted no more', async () => {
    const { t } = await arrange();
    const laptop = browser(t, '192.0.2.1');
    await laptop.login(ADA, PASSWORD);
    const first = laptop.device;
    await laptop.login(ADA, PASSWORD);
    expect(laptop.device).not.toBe(first);
    const { rows } = await t.db.client.execute('SELECT token_hash FROM trusted_devices');
    expect(rows.map((row) => row.token_hash)).toEqual([sha256(laptop.device ?? '')]);
  });

  it('keeps the tokens of several people who sign in from one shared browser', async () => {
    const { t } = await arrange();
    await createUser(t, 'agent', { email: 'bob@example.test' });
    const shared = browser(t, '192.0.2.1');
    await shared.login(ADA, PASSWORD);
    await shared.login('bob@example.test', PASSWORD);
    expect(shared.device?.split('.')).toHaveLength(2);
    // Both are known here: an attack on either leaves this browser in.
    await hammer(t, ADA, 10);
    await hammer(t, 'bob@example.test', 10, '198.51.101');
    expect((await shared.login(ADA, PASSWORD)).status).toBe(200);
    expect((await shared.login('bob@example.test', PASSWORD)).status).toBe(200);
  });
});

describe('an attack on an account', () => {
  it('locks out unknown clients after 10 failures, even with the right password, but not the owner’s browser', async () => {
    const { t } = await arrange();
    const laptop = browser(t, '192.0.2.1');
    expect((await laptop.login(ADA, PASSWORD)).status).toBe(200);

    const statuses = await hammer(t, ADA, 30);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]));
    const stranger = await browser(t, '203.0.113.50').login(ADA, PASSWORD);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(stranger.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);

    // The owner, on the browser they signed in from, still gets in; again and again.
    for (let visit = 0; visit < 3; visit++) {
      expect((await laptop.login(ADA, PASSWORD)).status).toBe(200);
      await hammer(t, ADA, 5, `198.51.${110 + visit}`);
    }
    // The lockout of unknown clients ends with its window.
    t.clock.advance(t.config.loginWindowMs);
    expect((await browser(t, '203.0.113.50').login(ADA, PASSWORD)).status).toBe(200);
  });

  it('does not count a known browser’s failures against the account; ten of them distrust that browser', async () => {
    const { t } = await arrange();
    const laptop = browser(t, '192.0.2.1');
    await laptop.login(ADA, PASSWORD);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await laptop.login(ADA, WRONG)).status).toBe(401);
    }
    // Nothing was held against the account: an unknown browser signs in at once.
    expect((await browser(t, '203.0.113.9').login(ADA, PASSWORD)).status).toBe(200);
    const { rows } = await t.db.client.execute({
      sql: 'SELECT count(*) AS n FROM trusted_devices WHERE token_hash = ?',
      args: [sha256(laptop.device ?? '')],
    });
    expect(Number(rows[0]?.n)).toBe(0);
    // From now on the laptop is an unknown client: its failures count for the account.
    expect(await hammer(t, ADA, 9)).toEqual(Array(9).fill(401));
    expect((await laptop.login(ADA, WRONG)).status).toBe(401);
    expect((await laptop.login(ADA, PASSWORD)).status).toBe(429);
  });

  it('treats a forged, expired or other account’s device cookie as none', async () => {
    const { t } = await arrange();
    await createUser(t, 'agent', { email: 'bob@example.test' });
    const bobs = browser(t, '192.0.2.2');
    await bobs.login('bob@example.test', PASSWORD);
    const laptop = browser(t, '192.0.2.1');
    await laptop.login(ADA, PASSWORD);
    await hammer(t, ADA, 10);

    expect((await bobs.login(ADA, PASSWORD)).status).toBe(429);
    const forged = browser(t, '192.0.2.3');
    forged.device = 'A'.repeat(43);
    expect((await forged.login(ADA, PASSWORD)).status).toBe(429);
    t.clock.advance(t.config.deviceTrustMs);
    await hammer(t, ADA, 10, '198.51.102');
    expect((await laptop.login(ADA, PASSWORD)).status).toBe(429);
  });

  it('limits one address to 50 failures across accounts, without shutting out a known browser there', async () => {
    const { t } = await arrange();
    const office = '203.0.113.7';
    const colleague = browser(t, office);
    await colleague.login(ADA, PASSWORD);
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await browser(t, office).login(`user${attempt}@example.test`, WRONG);
      expect(response.status).toBe(401);
    }
    expect((await browser(t, office).login(ADA, PASSWORD)).status).toBe(429);
    expect((await browser(t, '203.0.113.8').login(ADA, PASSWORD)).status).toBe(200);
    expect((await colleague.login(ADA, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown email exactly as a known one: the same 401s, then the same 429', async () => {
    const { t } = await arrange();
    const answers = async (email: string, subnet: string) => {
      const seen: { status: number; body: unknown; retryAfter: string | null }[] = [];
      for (let attempt = 0; attempt < 11; attempt++) {
        const response = await browser(t, `${subnet}.${attempt}`).login(email, WRONG);
        const { error } = await response.json();
        seen.push({
          status: response.status,
          body: { ...error, requestId: undefined },
          retryAfter: response.headers.get('retry-after'),
        });
      }
      return seen;
    };
    const known = await answers(ADA, '198.51.100');
    const unknown = await answers('nobody@example.test', '198.51.101');
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.status)).toEqual([...Array(10).fill(401), 429]);
    expect(known[10]?.body).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many sign-in attempts. Try again later.',
    });
  });
});

describe('other ways in while an account is under attack', () => {
  it('trusts the browser that completes an admin’s password reset, and no other browser of the person', async () => {
    const { t, ada } = await arrange();
    const admin = await createUser(t, 'admin');
    const old = browser(t, '192.0.2.1');
    await old.login(ADA, PASSWORD);
    await hammer(t, ADA, 10);
    const issued = await t.app.request(
      `/api/v1/staff/users/${ada.id}/password-reset`,
      json('POST', {}, (await signedIn(t, admin.id)).headers),
    );
    const token = new URL((await issued.json()).url).hash.replace('#token=', '');
    const phone = browser(t, '192.0.2.9');
    const reset = await phone.post('/auth/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(reset.status).toBe(200);
    expect((await phone.login(ADA, 'a brand new passphrase')).status).toBe(200);
    // Every earlier browser of the person is distrusted with the old password's sessions.
    expect((await old.login(ADA, 'a brand new passphrase')).status).toBe(429);
  });

  it('counts wrong current passwords on a password change like failed sign-ins', async () => {
    const { t, ada } = await arrange({ loginMaxPerAccount: 3 });
    const session = await signedIn(t, ada.id);
    const change = (currentPassword: string) =>
      browser(t, '192.0.2.1').post(
        '/auth/password',
        { currentPassword, newPassword: 'a much better passphrase' },
        { cookie: session.headers.cookie },
      );
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await change(WRONG)).status).toBe(400);
    }
    expect((await change(PASSWORD)).status).toBe(429);
    expect((await browser(t, '192.0.2.2').login(ADA, PASSWORD)).status).toBe(429);
  });
});
