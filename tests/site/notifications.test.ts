import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { createCustomer, createService, createUser } from '../helpers/factories.ts';
import { linkIn, type MailServer, startMailServer } from '../helpers/mail-server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';
import { appOn, ingestIncident, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * Notifications in Debian's Chromium, on a portal with its outbox worker and a real SMTP
 * server: "Forgot password" from the sign-in page, subscribing from the status page (with and
 * without JavaScript) through to an incident mail and unsubscribing, the feed as a page, and
 * the staff console's outbox and webhooks.
 */

const ADMIN = { email: 'admin@provider.example', password: 'admin console passphrase 4' };
const CUSTOMER = { email: 'ops@customer.example', password: 'customer portal pass 9' };
const NEW_PASSWORD = 'kettle maple orbit twenty';
const WATCHER = 'watcher@reader.example';

let site: SitePortal;
let session: BrowserSession;
let mail: MailServer;
let receiver: WebhookReceiver;
const clock = siteClock();

beforeAll(async () => {
  mail = await startMailServer();
  receiver = await startWebhookReceiver(clock);
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      env: { SMTP_URL: mail.url, PORTAL_WEBHOOK_ALLOW_PRIVATE: '1' },
      outboxWorker: true,
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        await createService(t, 'api', { group: 'platform' });
        await createService(t, 'web', { group: 'platform' });
        const customer = await createCustomer(t, 'Customer', 'UTC');
        await createUser(t, 'customer', { ...CUSTOMER, customerId: customer.id });
        await createUser(t, 'admin', ADMIN);
      },
    }),
    launchBrowser({ clock }),
  ]);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
  await mail?.close();
  await receiver?.close();
});

async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const page = await (await session.context(options)).newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

/** The site-relative part of a mailed link (the mail names the configured origin). */
function local(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The newest message to `address` once it has `count` messages. */
async function mailTo(address: string, count: number) {
  await expect.poll(() => mail.to(address).length, { timeout: 15_000 }).toBe(count);
  const message = mail.to(address).at(-1);
  if (!message) throw new Error(`no mail to ${address}`);
  return message;
}

async function shoot(page: Page, name: string) {
  const dir = screenshotDir();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px`).toBe(0);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function serious(page: Page) {
  return (await axeViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

describe('forgot password', () => {
  it('mails a link from the sign-in page; the person chooses a new password and signs in', async () => {
    const { page, errors } = await openPage('/account/');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password' }).waitFor();
    expect(await serious(page)).toEqual([]);
    await shoot(page, 'forgot-password');
    await page.getByLabel('Email').fill(CUSTOMER.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const message = await mailTo(CUSTOMER.email, 1);
    expect(message.subject).toBe('Reset your Service status password');
    const link = linkIn(message, `${site.portal.origins[0]}/account/reset#token=`);
    const reset = await openPage(local(link));
    await reset.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await reset.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await reset.page.getByLabel('New password again').fill(NEW_PASSWORD);
    await reset.page.getByRole('button', { name: 'Set the new password' }).click();
    await reset.page.getByRole('heading', { name: 'Password changed' }).waitFor();
    await reset.page.getByRole('link', { name: 'Sign in' }).click();
    await reset.page.getByLabel('Email', { exact: true }).fill(CUSTOMER.email);
    await reset.page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await reset.page.getByRole('button', { name: 'Sign in' }).click();
    await reset.page.getByText(`Signed in as ${CUSTOMER.email}`).waitFor();
    expect(errors).toEqual([]);
    expect(reset.errors).toEqual([]);
  });
});

describe('subscribing from the status page', () => {
  it('confirms by mail, receives an incident of its component, and unsubscribes', async () => {
    const { page, errors } = await openPage('/');
    const section = page.getByRole('region', { name: 'Get updates by email' });
    await section.getByLabel('Email address').fill(WATCHER);
    await section.getByText('Only some components').click();
    await section.getByRole('checkbox', { name: 'API' }).check();
    await section.getByRole('button', { name: 'Subscribe' }).click();
    await section.getByRole('status').getByText(`we sent a link to ${WATCHER}`).waitFor();
    expect(await serious(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'status-page-subscribe');

    const confirmation = await mailTo(WATCHER, 1);
    expect(confirmation.text).toContain('Components: API');
    const confirmPage = await openPage(
      local(linkIn(confirmation, `${site.portal.origins[0]}/subscribe/confirm/#token=`)),
    );
    await confirmPage.page.getByRole('button', { name: 'Confirm the subscription' }).click();
    await confirmPage.page.getByRole('status').getByText('Confirmed.').waitFor();
    expect(await serious(confirmPage.page)).toEqual([]);
    await shoot(confirmPage.page, 'subscribe-confirmed');

    await ingestIncident(site, { externalId: 'mon:web:1', title: 'Web slow', services: ['web'] });
    await ingestIncident(site, { externalId: 'mon:api:1', title: 'API errors', services: ['api'] });
    const update = await mailTo(WATCHER, 2);
    expect(update.subject).toBe('[Service status] Investigating: API errors');
    expect(update.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const leave = await openPage(
      local(linkIn(update, `${site.portal.origins[0]}/subscribe/unsubscribe/#token=`)),
    );
    await expect.poll(() => leave.page.url()).not.toContain('token=');
    await leave.page.getByRole('button', { name: 'Unsubscribe' }).click();
    await leave.page.getByRole('status').getByText('You are unsubscribed.').waitFor();
    expect(await serious(leave.page)).toEqual([]);
    await shoot(leave.page, 'subscribe-unsubscribed');
    expect(errors).toEqual([]);
    expect(confirmPage.errors).toEqual([]);
    expect(leave.errors).toEqual([]);
  });

  it('works without JavaScript: the form posts and lands on what happens next', async () => {
    const { page } = await openPage('/', { javaScriptEnabled: false });
    const section = page.getByRole('region', { name: 'Get updates by email' });
    await section.getByLabel('Email address').fill('nojs@reader.example');
    await section.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/subscribe/sent/');
    const message = await mailTo('nojs@reader.example', 1);
    expect(message.subject).toBe('Confirm your subscription to Service status');
  });

  it('can be used with the keyboard alone on /subscribe/', async () => {
    const { page, errors } = await openPage('/subscribe/');
    const email = page.getByLabel('Email address');
    for (let presses = 0; presses < 25; presses += 1) {
      if (await email.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('keys@reader.example');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('we sent a link to keys@reader.example').waitFor();
    expect(await serious(page)).toEqual([]);
    await shoot(page, 'subscribe-page');
    expect(errors).toEqual([]);
  });
});

describe('the feed in a browser', () => {
  it('shows as a page with the site look, and a component has its own', async () => {
    const { page } = await openPage('/api/v1/feed.atom?service=api');
    await page
      .getByRole('heading', { level: 1, name: /API — incidents and maintenance/ })
      .waitFor();
    await page.getByRole('heading', { name: 'This is a news feed' }).waitFor();
    await page.getByRole('link', { name: '[Investigating] API errors' }).waitFor();
    expect(await page.getByText('Web slow').count()).toBe(0);
    await expect
      .poll(() => page.getByLabel('Feed address').inputValue())
      .toBe(`${site.portal.origins[0]}/api/v1/feed.atom?service=api`);
    await shoot(page, 'feed-page');
  });
});

describe('the staff console', () => {
  it('shows the outbox with the mails sent, and a message with its attempts', async () => {
    const { page, errors } = await openPage('/staff/notifications/');
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByText('Mail leaves through the SMTP relay').waitFor();
    await page.getByLabel('State').selectOption('delivered');
    const row = page.getByRole('row', { name: /password reset/ });
    await row.getByRole('button', { name: /^Show message/ }).click();
    const detail = page.getByRole('region', { name: 'Reset your Service status password' });
    await detail.getByText('It held a one-time link and was removed once delivered.').waitFor();
    await detail.getByText('Attempt 1: delivered').waitFor();
    await page.getByRole('checkbox', { name: 'Email me when a customer files a claim' }).check();
    await page.getByText('Saved: you will get an email for each new claim.').waitFor();
    expect(await serious(page)).toEqual([]);
    await shoot(page, 'staff-notifications');
    expect(errors).toEqual([]);
  });

  it('adds a webhook endpoint, shows its secret once, and rotates it', async () => {
    const { page, errors } = await openPage('/staff/notifications/webhooks/');
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByLabel('URL').fill(`${receiver.url}/billing`);
    await page.getByLabel('Description (optional)').fill('Billing');
    await page.getByRole('checkbox', { name: 'All of them (incident.*)' }).check();
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    const secret = page.getByLabel(`Secret for ${receiver.url}/billing`);
    await expect.poll(() => secret.inputValue()).toMatch(/^whsec_/);
    const first = await secret.inputValue();
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'staff-webhooks');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByText(first).count()).toBe(0);
    await page
      .getByRole('button', { name: `Rotate the secret of ${receiver.url}/billing` })
      .click();
    await page.getByRole('heading', { name: 'The new signing secret' }).waitFor();
    await expect.poll(() => secret.inputValue()).toMatch(/^whsec_/);
    expect(await secret.inputValue()).not.toBe(first);
    await page.getByText(/The previous secret signs too until/).waitFor();

    receiver.secrets.push(first, await secret.inputValue());
    await ingestIncident(site, { externalId: 'mon:api:2', title: 'API slow', services: ['api'] });
    await receiver.waitForCount(1);
    expect(receiver.received[0]?.signature.split(' ')).toHaveLength(2);
    expect(receiver.verified()).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
