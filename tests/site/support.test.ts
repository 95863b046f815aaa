import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportMonth } from '../../api/services/support.ts';
import type { DemoLogin } from '../../db/seed/demo.ts';
import { money } from '../../site/islands/shared/format.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * Response times in Chromium on the demo data set: a customer sees last month missed on P1
 * response with its auto-replies marked "not counted", files a support claim, and an agent
 * approves it after reading the support figures; the staff support queue shows the time
 * left on the business clock. Keyboard only where a person would type; axe; screenshots at
 * 1280 and 390 px.
 */

const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;
let logins: DemoLogin[] = [];

beforeAll(async () => {
  // The run's one demo database and build (ADR 182), copied for this file.
  [site, session] = await Promise.all([
    startSitePortal({ clock, demoBuild: true }),
    launchBrowser({ clock }),
  ]);
  logins = site.logins;
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

function login(match: (candidate: DemoLogin) => boolean): DemoLogin {
  const found = logins.find(match);
  if (!found) throw new Error('no such demo login');
  return found;
}

async function openPage(path: string) {
  const context = await session.context();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

/** Signs in with the keyboard only: typing, Tab, Enter. */
async function signIn(page: Page, who: DemoLogin) {
  await page.getByLabel('Email', { exact: true }).focus();
  await page.keyboard.type(who.email);
  await page.getByLabel('Password', { exact: true }).focus();
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
}

async function checkAndShoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const serious = (await axeViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious, name).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px`).toBe(0);
    await page.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const CUSTOMER = 'ops@northwind.example';

describe('support: response times', () => {
  let claimId = 0;

  it('a customer sees a missed P1 month with the auto-reply not counted, and files a support claim', async () => {
    const { page, errors } = await openPage('/account/');
    await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    await signIn(
      page,
      login((candidate) => candidate.email === CUSTOMER),
    );
    await page.getByRole('heading', { name: 'Your service levels', level: 1 }).waitFor();
    const month = await page.getByLabel('Month').inputValue();
    const card = page.locator('article.service-month', {
      has: page.getByRole('heading', { name: 'Support: response times' }),
    });
    await card.waitFor();
    const figures = (await page.evaluate(
      async (period) =>
        (
          await (await fetch(`/api/v1/me/support?period=${period}`)).json()
        ).agreements,
      month,
    )) as SupportMonth[];
    const [support] = figures;
    if (!support) throw new Error('no support figures');
    expect(support).toMatchObject({ final: true, met: false });
    await expect(card.locator('.status').first().textContent()).resolves.toBe('Target missed');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('This month is final');
    expect(text).toContain('50.000\u00a0% — below the 95\u00a0% target');
    // The late P1: an auto-reply within seconds, shown and not counted, with why.
    const late = card.locator('tr', { hasText: 'Logins fail for all users' });
    await expect(late.locator('td').nth(1).textContent()).resolves.toContain('Missed after 52 min');
    const reply = late.locator('li', { hasText: 'Automated reply' });
    await expect(reply.textContent()).resolves.toContain('Not counted');
    await expect(reply.textContent()).resolves.toContain(
      'an automated reply does not stop the response clock',
    );
    await checkAndShoot(page, 'support-customer-month');

    // File the claim with the keyboard.
    const open = card.getByRole('button', { name: /^File a support claim for / });
    await open.focus();
    await page.keyboard.press('Enter');
    await card.getByLabel(/^What happened/).focus();
    await page.keyboard.type('Our P1 login outage waited 52 minutes for a person.');
    const file = card.getByRole('button', { name: /^File the support claim for / });
    await expect(file.textContent()).resolves.toContain(money(support.creditMinor, 'USD'));
    await file.focus();
    await page.keyboard.press('Enter');
    const notice = page.locator('.notice[role="status"]');
    await expect.poll(() => notice.textContent()).toMatch(/^Claim #\d+ filed for Support/);
    claimId = Number(/#(\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
    await expect.poll(() => card.getByRole('link', { name: `#${claimId}` }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('an agent reviews the support figures and approves the claim', async () => {
    if (!claimId) throw new Error('the filing test did not run');
    const { page, errors } = await openPage(`/staff/claim/?id=${claimId}`);
    await signIn(
      page,
      login((candidate) => candidate.role === 'agent'),
    );
    await page
      .getByRole('heading', { name: `Claim #${claimId}: Support (response times)`, exact: false })
      .waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Response figures stored at filing');
    expect(main).toContain('Logins fail for all users');
    expect(main).toContain('Not counted');
    await checkAndShoot(page, 'support-staff-claim');
    // Nothing is chosen in advance: the agent picks Approve, then confirms the named amount.
    await page.getByLabel('Approve', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel(/^The computed credit, /).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Continue to confirm' }).focus();
    await page.keyboard.press('Enter');
    // Clicked: the confirm step moves the focus to itself as it opens, which can take a
    // keyboard press meant for the button on a busy machine.
    await page.getByRole('button', { name: /^Approve .+ for .+$/ }).click();
    // The notice comes once the decision is stored and the claim read again.
    await expect
      .poll(() => page.locator('.notice[role="status"]').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Claim #${claimId} approved at `));
    await expect.poll(() => page.locator('h1 + p .status').textContent()).toBe('Approved');
    // The customer's claim page says so too.
    const customer = await openPage(`/account/claim/?id=${claimId}`);
    await signIn(
      customer.page,
      login((candidate) => candidate.email === CUSTOMER),
    );
    await customer.page.getByRole('heading', { name: `Claim #${claimId}`, exact: false }).waitFor();
    await expect.poll(() => customer.page.locator('main').textContent()).toContain('Approved');
    expect(errors).toEqual([]);
    expect(customer.errors).toEqual([]);
  }, 60_000);

  it('the staff support queue shows time left on the business clock and records a response', async () => {
    const { page, errors } = await openPage('/staff/support/');
    await signIn(
      page,
      login((candidate) => candidate.role === 'agent'),
    );
    await page.getByRole('heading', { name: 'Support queue', level: 1 }).waitFor();
    // A day's window: the demo's waiting requests are all in it.
    await page.getByLabel('Time left at most').selectOption('24');
    const rows = page.locator('main table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const first = (await rows.first().textContent()) ?? '';
    // The least time left first: a P1, 30 minutes round the clock, answered by nobody yet.
    expect(first).toContain('of 30 min');
    expect(first).toContain('automated reply');
    await checkAndShoot(page, 'support-staff-queue');
    const before = await rows.count();
    const button = rows.first().getByRole('button', { name: /^Record my response to / });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(before - 1);
    await expect(page.locator('.notice[role="status"]').textContent()).resolves.toContain(
      'is recorded',
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
