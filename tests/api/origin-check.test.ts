import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { manualClock } from '../../api/clock.ts';
import { startPortal } from '../../api/portal.ts';
import { TEST_ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import { createApiKey, createCustomer, createUser, json, signedIn } from '../helpers/factories.ts';
import { prebuiltSitePortalEnv } from '../helpers/prebuilt-site.ts';

/** A signed-in admin's cookie write (POST /staff/customers) with the given extra headers. */
async function arrange() {
  const t = await testApp();
  const admin = await createUser(t, 'admin');
  const { token } = await signedIn(t, admin.id);
  const cookie = `${SESSION_COOKIE}=${token}`;
  const write = (headers: Record<string, string>, url = '/api/v1/staff/customers') =>
    t.app.request(url, json('POST', { name: 'Acme', timeZone: 'UTC' }, { cookie, ...headers }));
  const customers = async () =>
    Number((await t.db.client.execute('SELECT count(*) AS n FROM customers')).rows[0]?.n);
  return { t, admin, cookie, write, customers };
}

describe('an Authorization header that is not a key', () => {
  it('when empty, leaves the write cookie-authenticated and Origin-checked', async () => {
    const { write, customers } = await arrange();
    const foreign = await write({ authorization: '', origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('CSRF_REJECTED');
    expect((await write({ authorization: '' })).status).toBe(403);
    expect((await write({ authorization: '   ' })).status).toBe(403);
    expect(await customers()).toBe(0);
    // From the portal itself the cookie still signs the write in.
    expect((await write({ authorization: '', origin: TEST_ORIGIN })).status).toBe(201);
    expect(await customers()).toBe(1);
  });

  it('when malformed, is refused and writes nothing, whatever the Origin', async () => {
    const { write, customers } = await arrange();
    for (const authorization of ['Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer ', 'Bearer a b']) {
      const foreign = await write({ authorization, origin: 'https://evil.example' });
      expect(foreign.status, authorization).toBe(403);
      const own = await write({ authorization, origin: TEST_ORIGIN });
      expect(own.status, authorization).toBe(401);
    }
    expect(await customers()).toBe(0);
  });
});

describe('a bearer key', () => {
  it('is the only credential of its request: a cookie beside it does not count', async () => {
    const { t, write, customers } = await arrange();
    const customer = await createCustomer(t, 'Reader');
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const key = await createApiKey(t, ['read'], {
      customerId: customer.id,
      createdByUserId: user.id,
    });
    // The admin's cookie would allow this write; the read key does not.
    const response = await write(key.headers);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
    expect(await customers()).toBe(1);
  });

  it('that is invalid is a 401, not a fall-back to the cookie', async () => {
    const { write, customers } = await arrange();
    const response = await write({ authorization: 'Bearer sp_nope_nope' });
    expect(response.status).toBe(401);
    expect(await customers()).toBe(0);
  });
});

describe('the Origin check', () => {
  it('accepts only the configured origins, not one built from the request’s own Host', async () => {
    const { write, customers } = await arrange();
    const forged = await write(
      { origin: 'http://evil.example', host: 'evil.example' },
      'http://evil.example/api/v1/staff/customers',
    );
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe('CSRF_REJECTED');
    expect(await customers()).toBe(0);
  });
});

describe('a portal started on PORT=0 without PORTAL_ORIGIN', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('takes its origin from the port it got: writes from it pass, links name it', async () => {
    const db = await tempDb();
    cleanups.push(() => db.dispose());
    // A build from before: the portal serves it instead of building the site.
    const { env, remove } = prebuiltSitePortalEnv(db.path, 'portal-origin-');
    cleanups.push(remove);
    const clock = manualClock(Date.parse('2026-11-20T12:00:00Z'));
    const portal = await startPortal({
      env,
      database: db,
      clock,
      log: () => undefined,
      siteRebuilds: false,
    });
    cleanups.push(() => portal.close());
    const port = new URL(portal.origin).port;
    expect(port).not.toBe('0');
    expect(portal.origins).toEqual([portal.origin, `http://localhost:${port}`]);

    const t: TestApp = {
      app: createApp({ db, clock, config: env.config }),
      db,
      clock,
      config: env.config,
    };
    const admin = await createUser(t, 'admin');
    const { token } = await signedIn(t, admin.id);
    const invite = (origin: string) =>
      fetch(`${portal.origin}/api/v1/staff/users/invitations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `${SESSION_COOKIE}=${token}`,
          origin,
        },
        body: JSON.stringify({ email: `${origin.length}@example.test`, role: 'agent' }),
      });
    expect((await invite('http://127.0.0.1:0')).status).toBe(403);
    const response = await invite(portal.origin);
    expect(response.status).toBe(201);
    const { link } = await response.json();
    expect(new URL(link).origin).toBe(portal.origin);
  });
});
