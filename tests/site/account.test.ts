import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityItem } from '../../api/services/availability.ts';
import type { DemoLogin } from '../../db/seed/demo.ts';
import { unmeasuredTime, zonedDate, zonedDateTime } from '../../site/islands/shared/format.ts';
import { monthLabel } from '../../site/lib/format.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * The customer portal (/account/) in Debian's Chromium on the demo data set: sign-in, a
 * missed month with its credit, the charts (Chart.js fetched only when opened), filing a
 * claim, the claim page, sign-out; no console errors under the site's CSP, no serious axe
 * violation, screenshots at 1280 and 375 px in both schemes.
 */

const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;
let logins: DemoLogin[] = [];

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({ clock, demoBuild: true }),
    launchBrowser({ clock }),
  ]);
  logins = site.logins;
}, 240_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

function login(email: string): DemoLogin {
  const found = logins.find((candidate) => candidate.email === email);
  if (!found) throw new Error(`no demo login ${email}`);
  return found;
}

async function openPage(
  path: string,
  options: { width?: number; scheme?: 'light' | 'dark'; javaScript?: boolean } = {},
) {
  const context = await session.context({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  await page.goto(`${site.origin}${path}`);
  return { page, errors, requests };
}

async function signIn(page: Page, who: DemoLogin) {
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The signed-in customer's figures for a month, read through the page's own session. */
function availability(page: Page, month: string): Promise<AvailabilityItem[]> {
  return page.evaluate(async (period) => {
    const response = await fetch(`/api/v1/me/availability?period=${period}`);
    return ((await response.json()) as { items: AvailabilityItem[] }).items;
  }, month);
}

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);

const CUSTOMER = 'ops@northwind.example';

describe('the customer portal', () => {
  it('signs in, shows a missed month with its credit and its charts, and files a claim', async () => {
    const { page, errors, requests } = await openPage('/account/');
    await expect(page.title()).resolves.toBe('Your account · Service status');
    await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    await signIn(page, login(CUSTOMER));
    await page.getByRole('heading', { name: 'Your service levels', level: 1 }).waitFor();

    // The newest closed month is shown first; find a service that missed and can be claimed.
    const month = await page.getByLabel('Month').inputValue();
    expect(month).toMatch(/^\d{4}-\d\d$/);
    const items = await availability(page, month);
    const missed = items.find(
      (item) => item.met === false && item.claimable && item.creditMinor > 0,
    );
    if (!missed) throw new Error(`the demo data has no claimable missed month in ${month}`);
    const card = page.locator('article.service-month', {
      has: page.getByRole('heading', { name: missed.serviceName }),
    });
    await expect(card.locator('.status').first().textContent()).resolves.toBe('Target missed');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(`${missed.availabilityDisplay}\u00a0% available`);
    expect(text).toContain(money(missed.creditMinor, missed.currency));
    expect(text).toMatch(/Closes \d+ \w+ \d{4}, \d\d:\d\d \(America\/New_York\)/);
    // The month's statement and its year's, each as PDF, CSV and JSON, each link named apart.
    const year = month.slice(0, 4);
    for (const [period, file] of [
      [monthLabel(month), month],
      [`Year ${year}`, year],
    ] as const) {
      for (const format of ['PDF', 'CSV', 'JSON']) {
        const link = page.getByRole('link', {
          name: `${period} statement, ${format}`,
          exact: true,
        });
        await expect(link.getAttribute('href')).resolves.toBe(
          `/api/v1/me/statements/${file}.${format.toLowerCase()}`,
        );
      }
    }
    const pdf = await page.evaluate(async (file) => {
      const response = await fetch(`/api/v1/me/statements/${file}.pdf`);
      const head = new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5));
      return { type: response.headers.get('content-type'), head };
    }, month);
    expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });

    // Chart.js is fetched only when the charts are opened.
    expect(requests.some((url) => /\/_astro\/charts\.[^/]+\.js$/.test(url))).toBe(false);
    await card.getByRole('button', { name: 'Show daily charts' }).click();
    const canvases = card.locator('canvas[role="img"]');
    await expect.poll(() => canvases.count()).toBe(2);
    await expect
      .poll(() => canvases.first().evaluate((canvas: HTMLCanvasElement) => canvas.width))
      .toBeGreaterThan(200);
    expect(requests.some((url) => /\/_astro\/charts\.[^/]+\.js$/.test(url))).toBe(true);
    await expect(canvases.first().getAttribute('aria-label')).resolves.toMatch(
      /^Daily availability\. \d+ of \d+ days below the target/,
    );

    // File a claim (with an Idempotency-Key) and find it in the history.
    const keys: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/me/claims')) {
        keys.push(request.headers()['idempotency-key']);
      }
    });
    await card.getByRole('button', { name: /^File a claim/ }).click();
    await card.getByLabel('Description (optional)').fill('Our checkout failed during the outage.');
    await card.getByRole('button', { name: 'File claim' }).click();
    const notice = page.locator('.notice[role="status"]');
    await expect.poll(() => notice.textContent()).toMatch(/^Claim #\d+ filed for /);
    const id = /#(\d+)/.exec((await notice.textContent()) ?? '')?.[1];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    const row = page.locator('.claims tbody tr', {
      has: page.getByRole('link', { name: `#${id}` }),
    });
    await expect(row.locator('.status').textContent()).resolves.toBe('Submitted');
    // The card now links the claim instead of offering another.
    await expect.poll(() => card.getByRole('link', { name: `Claim #${id}` }).count()).toBe(1);
    await expect(card.getByRole('button', { name: /^File a claim/ }).count()).resolves.toBe(0);

    // Everything above ran under the strict CSP without a console error.
    expect(errors).toEqual([]);
  });

  it('asks for a description before disputing a month that gives no credit', async () => {
    const { page, errors } = await openPage('/account/');
    await signIn(page, login(CUSTOMER));
    const picker = page.getByLabel('Month');
    await picker.waitFor();
    const shown = await picker.inputValue();
    const options = await page
      .locator('#month option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    // Look through the closed months for one whose rules give no credit and is claimable.
    for (const month of options.slice(1)) {
      const zero = (await availability(page, month)).find(
        (item) => item.claimable && item.creditMinor === 0,
      );
      if (!zero) continue;
      if (month !== shown) {
        await picker.selectOption(month);
        await expect.poll(() => page.url()).toContain(`?month=${month}`);
      }
      const card = page.locator('article.service-month', {
        has: page.getByRole('heading', { name: zero.serviceName }),
      });
      await card.getByRole('button', { name: /^Dispute the figures/ }).click();
      await card.getByRole('button', { name: 'File claim' }).click();
      await expect(card.getByRole('alert').textContent()).resolves.toContain(
        'Describe what you saw',
      );
      await expect(
        card.getByLabel('Description (required)').getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      expect(errors).toEqual([]);
      return;
    }
    throw new Error('the demo data has no claimable month without credit');
  });

  it('shows a month nobody measured as "No data", and a partly measured one with the time not measured', async () => {
    // The demo's message queue is monitored from the first of the month before last (UTC):
    // in Kolkata (+05:30) one month of Bharat's agreement has the queue not monitored at all
    // while its other services are measured from the demo's first day: both kinds at once.
    const { page, errors } = await openPage('/account/');
    await signIn(page, login('sre@bharat-logistics.example'));
    const picker = page.getByLabel('Month');
    await picker.waitFor();
    const options = await page
      .locator('#month option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    let found: { month: string; none: AvailabilityItem; part: AvailabilityItem } | undefined;
    for (const month of options) {
      const items = await availability(page, month);
      const none = items.find((item) => item.status === 'not-monitored');
      const part = items.find((item) => item.status === 'evaluated' && item.unmonitoredMs > 0);
      if (none && part) {
        found = { month, none, part };
        break;
      }
    }
    if (!found) throw new Error('the demo data has no month with both kinds for Bharat');
    const { month, none, part } = found;
    await picker.selectOption(month);
    await expect.poll(() => page.url()).toContain(`?month=${month}`);
    const cardOf = (item: AvailabilityItem) =>
      page.locator('article.service-month', {
        has: page.getByRole('heading', { name: item.serviceName, exact: true }),
      });

    const unmeasured = cardOf(none);
    await unmeasured.waitFor();
    // The previous month's card for the same service stays until the new month is read.
    await expect.poll(() => unmeasured.locator('.status').first().textContent()).toBe('No data');
    const noneText = ((await unmeasured.textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ');
    expect(noneText).toContain(
      `No data — monitoring of this service began on ${zonedDate(none.monitoredSince, none.timeZone)} (${none.timeZone})`,
    );
    expect(noneText).toContain('Not measured:');
    expect(noneText).toContain('nothing measured');
    for (const never of ['Target met', '% available', '0 counted', '100.000']) {
      expect(noneText).not.toContain(never);
    }
    // A claim on such a month can only be a dispute (sla-accounting §4).
    await expect(unmeasured.getByRole('button', { name: /^File a claim/ }).count()).resolves.toBe(
      0,
    );
    await expect(
      unmeasured.getByRole('button', { name: /^Dispute the figures/ }).count(),
    ).resolves.toBe(none.claimable ? 1 : 0);

    const partly = cardOf(part);
    const partText = ((await partly.textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ');
    expect(partText).toContain(`${part.availabilityDisplay}\u00a0% available`);
    expect(partText).toContain(
      `Measured from ${zonedDateTime(part.monitoredSince, part.timeZone)} (${part.timeZone}) · ${unmeasuredTime(part.unmonitoredMs)} not measured`,
    );

    // Both cards side by side, at 1280 and 390 px, for people to look at.
    const dir = screenshotDir();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await unmeasured.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `/account/?month=${month} at ${width} px`).toBe(0);
      await page
        .locator('.service-months')
        .first()
        .screenshot({ path: join(dir, `account-monitoring-${width}.png`) });
    }
    expect(errors).toEqual([]);
  });

  it("shows a claim's trail, takes a comment, and withdraws it", async () => {
    const { page, errors } = await openPage('/account/');
    await signIn(page, login(CUSTOMER));
    const link = page
      .locator('.claims tbody tr', { hasText: 'Submitted' })
      .getByRole('link')
      .first();
    await link.click();
    await page.getByRole('heading', { name: /^Claim #\d+: / }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Claim #\d+ · Your account · Service status$/);
    await expect(page.locator('.trail').textContent()).resolves.toContain('Filed');
    await page.getByLabel('Add a comment').fill('The outage also hit our EU customers.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect
      .poll(() => page.locator('.comments').textContent())
      .toContain('The outage also hit our EU customers.');
    await page.getByRole('button', { name: 'Withdraw this claim' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expect.poll(() => page.locator('h1 + p .status').textContent()).toBe('Withdrawn');
    await expect(page.getByRole('button', { name: 'Withdraw this claim' }).count()).resolves.toBe(
      0,
    );
    expect(errors).toEqual([]);
  });

  it('says so accessibly when the password is wrong, and signs out', async () => {
    const { page, errors } = await openPage('/account/');
    await page.getByLabel('Email').fill(CUSTOMER);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/email or password/i);
    // The alert takes focus (in an effect after it renders), so a screen reader reads it at once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('alert');
    await signIn(page, login(CUSTOMER));
    await page.getByRole('heading', { name: 'Your service levels' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    // After signing out the page never asks the API who is signed in (no 401 to log).
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    // The browser logs the refused sign-in itself; nothing else may fail.
    expect(errors.filter((error) => !error.includes('401 (Unauthorized)'))).toEqual([]);
    expect(errors.filter((error) => error.includes('401'))).toHaveLength(1);
  });

  it('changes the password: the new one signs in', async () => {
    const who = login('it@chatham-fisheries.example');
    const { page, errors } = await openPage('/account/password/');
    await expect(page.title()).resolves.toBe('Change your password · Service status');
    await signIn(page, who);
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill(who.password);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('12 to 256 characters');
    const next = 'correct horse battery staple';
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('New password again').fill(next);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, { ...who, password: next });
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('tells a visitor without JavaScript that the portal needs it', async () => {
    const { page } = await openPage('/account/', { javaScript: false });
    await expect(page.locator('main').textContent()).resolves.toContain(
      'This part of the portal needs JavaScript',
    );
    await expect(page.getByRole('link', { name: 'public status page' }).count()).resolves.toBe(1);
  });

  it('keeps Chart.js off the public pages', async () => {
    const { requests } = await openPage('/');
    expect(requests.filter((url) => url.includes('/_astro/'))).not.toHaveLength(0);
    expect(requests.some((url) => /charts|AccountApp/.test(url))).toBe(false);
  });

  it('has no serious axe violation signed in, fits 320 px, and is screenshotted', async () => {
    const dir = screenshotDir();
    const shots: [number, 'light' | 'dark'][] = [
      [320, 'light'],
      [375, 'light'],
      [375, 'dark'],
      [1280, 'dark'],
      [1280, 'light'],
    ];
    // One signed-in page, resized and recoloured: the charts redraw on a scheme change.
    const { page, errors } = await openPage('/account/');
    await signIn(page, login('sre@bharat-logistics.example'));
    const first = page.locator('article.service-month').first();
    await first.getByRole('button', { name: 'Show daily charts' }).click();
    await expect.poll(() => first.locator('canvas').count()).toBe(2);
    await first.locator('details.windows > summary').click();
    for (const [width, scheme] of shots) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      // Two frames, not a sleep: the resize and the scheme's redraw are painted by then.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `/account/ at ${width} px`).toBe(0);
      if (width === 1280) {
        // Every rule in the light scheme; in the dark one, what the colours decide.
        const rules = scheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined;
        const serious = (await axeViolations(page, { rules })).filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        expect(serious, `/account/ (${scheme})`).toEqual([]);
      }
      if (width !== 320) {
        await page.screenshot({
          path: join(dir, `account-${width}-${scheme}.png`),
          fullPage: true,
        });
      }
    }
    expect(errors).toEqual([]);
    console.info(`Screenshots of the customer portal: ${dir}/account-*.png`);
  }, 60_000);
});
