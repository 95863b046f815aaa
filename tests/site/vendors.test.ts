import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INTERNAL, DEMO_VENDOR, type DemoLogin } from '../../db/seed/demo.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * The vendor credits screen (/staff/vendors/) in Chromium on the demo data set, on the site
 * tests' pinned clock (2027-03-01 00:30 UTC): the CDN vendor's outage of February earns its
 * credit under the vendor's terms; staff record the claim they filed and the vendor's answer
 * from the keyboard; axe; no overflow at 390 px; screenshots.
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

function agent(): DemoLogin {
  const found = logins.find((candidate) => candidate.role === 'agent');
  if (!found) throw new Error('no demo agent');
  return found;
}

async function openSignedIn(path: string) {
  const context = await session.context();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.origin}${path}`);
  await page.getByLabel('Email', { exact: true }).fill(agent().email);
  await page.getByLabel('Password', { exact: true }).fill(agent().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return { page, errors };
}

const section = (page: Page) => page.getByRole('region', { name: DEMO_VENDOR.name, exact: true });

/** The cells of the month row that starts with `rowHeader`. */
async function rowCells(page: Page, rowHeader: string): Promise<string[]> {
  const row = section(page).locator('tbody tr', {
    has: page.getByRole('rowheader', { name: rowHeader }),
  });
  return (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function totals(page: Page): Promise<string[]> {
  const row = section(page).locator('table').first().locator('tbody tr').first();
  return (await row.locator('td').allInnerTexts()).map((text) => text.trim());
}

describe('what our vendors owe us', () => {
  it('shows the CDN vendor’s credit for February, and tracks the claim filed with it', async () => {
    const { page, errors } = await openSignedIn('/staff/vendors/');
    await page
      .getByRole('heading', { level: 1, name: 'What our vendors owe us: Q1 2027' })
      .waitFor();
    await section(page).waitFor();
    // 90 minutes of February's 40,320: 99.776 %, below the vendor's 99.9 %: 10 % of $12,000.
    const february = 'CDN, February 2027';
    await expect
      .poll(() => rowCells(page, february))
      .toEqual([
        '99.776 % (target 99.9 %, missed)',
        '1 h 30 min',
        'US$1,200.00',
        expect.stringContaining('Not filed yet: the vendor’s deadline is'),
      ]);
    expect(await totals(page)).toEqual(['US$1,200.00', 'US$0.00', 'US$1,200.00', 'US$0.00']);

    // Record the filing from the keyboard.
    const fileButton = section(page).getByRole('button', {
      name: `Record the filing for ${february}`,
    });
    await fileButton.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('The vendor’s case number (optional)').focus();
    await page.keyboard.type('CE-CASE-7731');
    await page.screenshot({
      path: join(screenshotDir(), 'staff-vendors-filing-1280.png'),
      fullPage: true,
    });
    await page.keyboard.press('Enter');
    await page.getByText(`The claim for ${february} is recorded as filed.`).waitFor();
    await expect
      .poll(async () => (await rowCells(page, february))[3])
      .toContain('Filed, awaiting the vendor (CE-CASE-7731), filed');

    // The vendor grants less than asked; the amount is recorded as received.
    const answerButton = section(page).getByRole('button', {
      name: `Record the vendor’s answer for ${february}`,
    });
    await answerButton.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Amount received (USD)').fill('1,100.00');
    await page.getByRole('button', { name: 'Record the answer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`The vendor’s answer for ${february} is recorded.`).waitFor();
    await expect
      .poll(async () => (await rowCells(page, february))[3])
      .toContain('Granted (CE-CASE-7731)');
    expect((await rowCells(page, february))[3]).toContain('$1,100.00 received');
    expect(await totals(page)).toEqual(['US$1,200.00', 'US$1,100.00', 'US$0.00', 'US$0.00']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('has no serious axe violation, fits 390 px, and is screenshotted', async () => {
    const dir = screenshotDir();
    const { page, errors } = await openSignedIn('/staff/vendors/?quarter=2027-Q1');
    await section(page).waitFor();
    await page.waitForLoadState('networkidle');
    for (const [width, scheme] of [
      [390, 'light'],
      [1280, 'dark'],
      [1280, 'light'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBe(0);
      const serious = (await axeViolations(page)).filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(serious, `${width} px, ${scheme}`).toEqual([]);
      await page.screenshot({
        path: join(dir, `staff-vendors-${width}-${scheme}.png`),
        fullPage: true,
      });
    }
    // The quarter before has the vendor's months too, without a credit.
    await page.getByRole('link', { name: '← Q4 2026' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'What our vendors owe us: Q4 2026' })
      .waitFor();
    await expect.poll(() => totals(page)).toEqual(['US$0.00', 'US$0.00', 'US$0.00', 'US$0.00']);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the agreement form’s kinds', () => {
  it('makes an internal agreement for a team from the keyboard, without any fee field', async () => {
    const context = await session.context();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = collectPageErrors(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.origin}/staff/admin/agreements/new/`);
    const admin = logins.find((candidate) => candidate.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'New agreement' }).waitFor();

    await page.getByLabel('Internal, between our own teams').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Find the team').focus();
    await page.keyboard.type('Platform');
    const team = page.getByLabel('Team', { exact: true });
    await expect.poll(() => team.locator('option').count()).toBe(2);
    await team.selectOption({ label: 'Platform Engineering, internal (demo) (Europe/London)' });
    await page.getByLabel('Policy').selectOption({ index: 1 });
    await expect(page.getByLabel('Currency').count()).resolves.toBe(0);
    await page.getByLabel('CDN (cdn)').focus();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Monthly fee for CDN', { exact: false }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshotDir(), 'admin-agreement-internal-1280.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Check the terms' }).focus();
    await page.keyboard.press('Enter');
    const review = page.getByRole('region', { name: 'Check the terms' });
    await review.waitFor();
    await expect(review.textContent()).resolves.toContain('Services, without a fee: CDN.');
    await page.getByRole('button', { name: 'Create the agreement' }).focus();
    await page.keyboard.press('Enter');

    // The created agreement's own page (the review's summary is a dl.facts too).
    await expect.poll(() => new URL(page.url()).pathname).toBe('/staff/admin/agreement/');
    await expect
      .poll(() => page.locator('dl.facts').first().textContent())
      .toContain('KindInternal (between our teams)');
    const id = Number(new URL(page.url()).searchParams.get('id'));
    const stored = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/v1/staff/agreements/${id}`,
    );
    expect(stored).toMatchObject({
      kind: 'internal',
      services: [{ slug: 'cdn', monthlyFeeMinor: 0, currency: 'XXX' }],
    });
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('an internal team’s own view', () => {
  it('is a report of the figures: no credit, no claim deadline, nothing to file', async () => {
    const context = await session.context();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = collectPageErrors(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.origin}/account/`);
    const team = logins.find((candidate) => candidate.email === DEMO_INTERNAL.login);
    if (!team) throw new Error('no demo team login');
    await page.getByLabel('Email', { exact: true }).fill(team.email);
    await page.getByLabel('Password', { exact: true }).fill(team.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByText('An internal agreement between our teams: a report of the figures')
      .first()
      .waitFor();
    await page.locator('article.service-month').first().waitFor();
    await page.waitForLoadState('networkidle');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Downtime counted');
    expect(text).not.toContain('Credit under the rules');
    expect(text).not.toContain('Claim deadline');
    await expect(page.getByRole('button', { name: 'File a claim' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Dispute the figures' }).count()).resolves.toBe(
      0,
    );
    const serious = (await axeViolations(page)).filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(serious).toEqual([]);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(screenshotDir(), `account-internal-report-${width}.png`),
        fullPage: false,
      });
    }
    expect(errors).toEqual([]);
  }, 60_000);
});
