import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { defaultConfig, makeConfig } from '../../api/config.ts';
import { deliveryAttempts, outbox } from '../../db/schema/index.ts';
import { TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { createService, createUser, json, signedIn } from '../helpers/factories.ts';
import { startMailServer } from '../helpers/mail-server.ts';
import { startWebhookReceiver } from '../helpers/webhook-receiver.ts';

/**
 * The outbox across real processes: portals with their workers (tests/helpers/notify-portal.ts)
 * on one SQLite file. A portal killed with SIGKILL after the event committed and before its
 * mail was accepted loses nothing: restarted, it sends the mail, once. Two portals deliver
 * each webhook once.
 */

const SCRIPT = fileURLToPath(new URL('../helpers/notify-portal.ts', import.meta.url));
const T0 = Date.parse('2026-11-20T12:00:00Z');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Portal {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startPortal(
  db: TempDb,
  nowMs: number,
  extra: Record<string, string>,
): Promise<Portal> {
  const siteDir = mkdtempSync(join(tmpdir(), 'portal-notify-site-'));
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>placeholder</title>');
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${db.path}`,
      PORTAL_DEMO: '0',
      PORTAL_SITE_DIR: siteDir,
      PORTAL_TEST_NOW_MS: String(nowMs),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(siteDir, { recursive: true, force: true });
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
      else if (child.exitCode !== null) reject(new Error(`the portal exited:\n${output}`));
      else setTimeout(check, 50);
    };
    check();
  });
  return { child, origin, output: () => output, exited };
}

/** Waits until `condition` holds, checking every 50 ms (the test's timeout bounds it). */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function arrange() {
  const db = await tempDb();
  cleanups.push(() => db.dispose());
  const clock = manualClock(T0);
  const config = makeConfig({ passwordHashing: TEST_PASSWORD_HASHING, webhookAllowPrivate: true });
  const t: TestApp = { app: createApp({ db, clock, config }), db, clock, config };
  return t;
}

describe('the outbox across processes', () => {
  it('sends a mail once after its portal was killed between the commit and the delivery', async () => {
    const t = await arrange();
    const admin = await createUser(t, 'admin');
    const session = await signedIn(t, admin.id);
    const mail = await startMailServer();
    cleanups.push(() => mail.close());
    const held = mail.hold();

    const first = await startPortal(t.db, T0, { SMTP_URL: mail.url });
    const invited = await fetch(`${first.origin}/api/v1/staff/users/invitations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.headers.cookie,
        origin: first.origin,
      },
      body: JSON.stringify({ email: 'grace@example.test', role: 'agent' }),
    });
    expect(invited.status).toBe(201);
    // The portal's worker has the message on the wire; the server has not accepted it.
    await held;
    const [claimed] = await t.db.db.select().from(outbox);
    expect(claimed).toMatchObject({ state: 'pending', attempts: 0 });
    expect(claimed?.claimedBy).not.toBeNull();
    first.child.kill('SIGKILL');
    await first.exited;
    mail.drop();
    expect(mail.messages).toEqual([]);

    // Restarted once the dead worker's lease has run out.
    const second = await startPortal(t.db, T0 + defaultConfig.outbox.leaseMs + 1_000, {
      SMTP_URL: mail.url,
    });
    await until(async () => (await t.db.db.select().from(outbox))[0]?.state === 'delivered');
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]?.to).toBe('grace@example.test');
    expect(mail.messages[0]?.messageId).toBe(`<${claimed?.deliveryId}@localhost>`);
    const attempts = await t.db.db.select().from(deliveryAttempts);
    expect(attempts).toMatchObject([{ attempt: 1, outcome: 'delivered' }]);
    expect(attempts[0]?.worker).not.toBe(claimed?.claimedBy);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(mail.messages).toHaveLength(1);
  }, 60_000);

  it('has two running portals deliver each webhook once', async () => {
    const t = await arrange();
    await createService(t, 'api');
    const admin = await createUser(t, 'admin');
    const headers = { ...(await signedIn(t, admin.id)).headers, origin: 'http://127.0.0.1:8787' };
    const receiver = await startWebhookReceiver(t.clock);
    cleanups.push(() => receiver.close());
    // The first request waits unanswered: the portal sending it is busy, the other one has to
    // deliver the rest, so both take part.
    receiver.reply = (_request, index) => (index === 0 ? 'hold' : undefined);
    const created = await t.app.request(
      '/api/v1/staff/webhooks',
      json('POST', { url: `${receiver.url}/in`, events: ['incident.created'] }, headers),
    );
    expect(created.status).toBe(201);
    receiver.secrets.push((await created.json()).secret);

    const count = 30;
    for (let index = 0; index < count; index += 1) {
      const response = await t.app.request(
        '/api/v1/staff/incidents',
        json(
          'POST',
          {
            title: `Incident ${index}`,
            impact: 'minor',
            status: 'investigating',
            services: ['api'],
            body: 'x',
          },
          headers,
        ),
      );
      expect(response.status).toBe(201);
    }
    const environment = { PORTAL_WEBHOOK_ALLOW_PRIVATE: '1' };
    await Promise.all([startPortal(t.db, T0, environment), startPortal(t.db, T0, environment)]);
    const delivered = async () =>
      (await t.db.db.select().from(outbox)).filter((row) => row.state === 'delivered').length;
    await until(async () => (await delivered()) === count - 1);
    receiver.releaseHeld();
    await until(async () => (await delivered()) === count);

    const ids = receiver.received.map((request) => request.id);
    const rows = await t.db.db.select().from(outbox);
    expect(new Set(ids)).toEqual(new Set(rows.map((row) => row.deliveryId)));
    // Each event reached the receiver once (a request that timed out would be the only repeat).
    const repeats = ids.filter((id, index) => ids.indexOf(id) !== index);
    const attempts = await t.db.db.select().from(deliveryAttempts);
    expect(repeats).toHaveLength(attempts.filter((entry) => entry.outcome === 'failed').length);
    expect(receiver.verified()).toHaveLength(receiver.received.length);
    expect(new Set(attempts.map((entry) => entry.worker)).size).toBe(2);
  }, 90_000);
});
