import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policies, policyVersions, services } from '../../db/schema/index.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { createUser } from '../helpers/factories.ts';
import { STANDARD_RULES } from '../helpers/sla-fixtures.ts';
import { appOn, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * Issue 12 in Debian's Chromium: an admin onboards a new customer end to end in the console,
 * without calling the API — the customer, an agreement with two services and a policy (fees
 * typed in euros, start typed in the customer's zone), an invitation (accepted in a fresh
 * browser), and the monitor's key (made in the console, copied from the page). The monitor
 * then reports an outage with that key, and the new customer sees it in February's figure on
 * /account/. Every control is operated from the keyboard (focus, type, Enter or Space); axe
 * finds nothing; screenshots at 1280 and 390 px.
 *
 * "Now" is the site tests' pinned instant (1 Mar 2027, 00:30 UTC: 01:30 in Berlin), so the
 * customer's newest closed month is February 2027 whatever this machine's date.
 */

const ADMIN = { email: 'admin@provider.example', password: 'admin console pass 4' };
const DANA = { email: 'dana@kestrel.example', password: 'kestrel analytics pass 1' };
const CUSTOMER = 'Kestrel Analytics';
const POLICY = 'Standard 99.9 %';

let site: SitePortal;
let session: BrowserSession;
const clock = siteClock();

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        await createUser(t, 'admin', ADMIN);
        const now = new Date(clock.now());
        await db.write(async (tx) => {
          await tx.insert(services).values(
            [
              ['api', 'Public API', 1],
              ['web', 'Web dashboard', 2],
              ['cdn', 'CDN', 3],
            ].map(([slug, name, sortOrder]) => ({
              slug: String(slug),
              name: String(name),
              sortOrder: Number(sortOrder),
              monitoredSince: new Date('2026-06-01T00:00:00Z'),
              createdAt: now,
            })),
          );
          const policy = await tx
            .insert(policies)
            .values({ name: POLICY, createdAt: now })
            .returning()
            .get();
          await tx.insert(policyVersions).values({
            policyId: policy.id,
            version: 1,
            effectiveFrom: '0000-01',
            rules: STANDARD_RULES,
            createdAt: now,
          });
        });
      },
    }),
    launchBrowser({ clock }),
  ]);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

async function openPage(path: string, width = 1280) {
  const context = await session.context({ viewport: { width, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const page = await context.newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

/** Types into a control from the keyboard. */
async function type(control: Locator, text: string) {
  await control.focus();
  await control.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

/** Presses a button, link or checkbox from the keyboard. */
async function press(control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await control.focus();
  await control.press(key);
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await type(page.getByLabel('Email', { exact: true }), who.email);
  await type(page.getByLabel('Password', { exact: true }), who.password);
  await press(page.getByRole('button', { name: 'Sign in' }));
}

/** No axe violation at all on the page as it is now. */
async function expectAxeClean(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

async function screenshots(page: Page, name: string) {
  const dir = screenshotDir();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px`).toBe(0);
    await page.screenshot({ path: join(dir, `onboarding-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The API's answer to the admin's page session (reading what the console wrote). */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(`/api/v1${url}`)).json(), path) as Promise<T>;
}

const step = (page: Page, index: number) => page.locator('ol.steps > li').nth(index);

describe('onboarding a customer in the console', () => {
  let customerPath = '';
  let invitationLink = '';
  let monitorKey = '';

  it('adds the customer, with its zone picked from the list and problems said in words', async () => {
    const { page, errors } = await openPage('/staff/admin/');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await press(page.getByRole('link', { name: 'Onboard a customer' }));
    await page.getByRole('heading', { name: 'New customer', level: 1 }).waitFor();

    // Nothing typed: both fields are named, in words, and the summary takes the focus.
    await press(page.getByRole('button', { name: 'Add the customer' }));
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Fix 2 fields to continue');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('alert');
    await expect(page.locator('#customer-name-problem').textContent()).resolves.toBe(
      'Enter the customer’s name.',
    );
    await expect(page.getByLabel('Name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/Invalid input|expected/);

    // A zone that is not one is refused; the list offers the real ones.
    await type(page.getByLabel('Name'), CUSTOMER);
    await type(page.getByLabel('Time zone'), 'Berlin');
    await press(page.getByRole('button', { name: 'Add the customer' }));
    await expect(page.locator('#customer-zone-problem').textContent()).resolves.toContain(
      '“Berlin” is not a time zone',
    );
    const zones = await page
      .locator('#customer-zone-zones option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(zones).toContain('Europe/Berlin');
    await type(page.getByLabel('Time zone'), 'europe/berlin');
    await expect
      .poll(() => page.locator('#customer-zone-hint').textContent())
      .toMatch(
        /follow this zone unless an agreement names another\. Now 1 Mar 2027, 01:\d\d there \(GMT\+1\)\.$/,
      );
    await expectAxeClean(page, 'the new customer form');
    await screenshots(page, 'new-customer');
    await press(page.getByRole('button', { name: 'Add the customer' }));

    await page.getByRole('heading', { name: CUSTOMER, level: 1 }).waitFor();
    customerPath = `/staff/admin/customer/?id=${new URL(page.url()).searchParams.get('id')}`;
    // The "just added" flag leaves the address, so a reload does not say it again.
    await expect.poll(() => page.url()).not.toContain('added');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `${CUSTOMER} added.`,
    );
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Europe/Berlin');
    await expect(step(page, 1).textContent()).resolves.toContain('To do.');
    await expect(step(page, 2).textContent()).resolves.toContain('To do.');
    await expect(step(page, 3).textContent()).resolves.toContain('To do.');
    await expectAxeClean(page, 'the new customer’s page');
    expect(errors).toEqual([]);
  });

  it('makes its agreement: two services with fees in euros, a policy, a start in Berlin', async () => {
    const { page, errors } = await openPage(customerPath);
    await signIn(page, ADMIN);
    await press(step(page, 1).getByRole('link', { name: 'Add the agreement' }));
    await page.getByRole('heading', { name: `New agreement for ${CUSTOMER}` }).waitFor();
    await expect(page.getByText(`Customer: ${CUSTOMER} (Europe/Berlin)`).count()).resolves.toBe(1);
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Europe/Berlin');

    const policy = page.getByLabel('Policy');
    await policy.focus();
    await policy.selectOption({ label: `${POLICY} (target 99.9 %, version 1)` });
    await page.getByLabel('Currency').selectOption('EUR');
    await press(page.getByLabel('Public API (api)'), 'Space');
    await press(page.getByLabel('Web dashboard (web)'), 'Space');
    await type(page.getByLabel('Monthly fee for Public API (EUR)'), '1,500.505');
    await type(page.getByLabel('Monthly fee for Web dashboard (EUR)'), '800');
    // A datetime-local field takes its value whole (its segments are the browser's own).
    await page.getByLabel('Start').fill('2027-01-01T00:00');
    await expect(page.locator('#agreement-start-hint').textContent()).resolves.toBe(
      'In Europe/Berlin: 1 Jan 2027, 00:00. That is 31 Dec 2026, 23:00 UTC.',
    );
    // Three decimals of a euro: refused in the form, in words.
    await press(page.getByRole('button', { name: 'Check the terms' }));
    await expect(page.locator('#fee-api-problem').textContent()).resolves.toBe(
      'The monthly fee for Public API must be an amount in EUR such as 1500.50 (at most 2 decimals).',
    );
    await type(page.getByLabel('Monthly fee for Public API (EUR)'), '1,500.50');
    await press(page.getByRole('button', { name: 'Check the terms' }));

    // The terms for a last check: money in euros, the start in Berlin and in UTC.
    const review = page.getByRole('region', { name: 'Check the terms' });
    await review.waitFor();
    const terms = (await review.textContent()) ?? '';
    expect(terms).toContain('€1,500.50');
    expect(terms).toContain('€800.00');
    expect(terms).toContain('€2,300.50');
    expect(terms).toContain('1 Jan 2027, 00:00 (Europe/Berlin) = 31 Dec 2026, 23:00 UTC');
    await expectAxeClean(page, 'the agreement review');
    await screenshots(page, 'agreement-review');
    await press(page.getByRole('button', { name: 'Create the agreement' }));

    await page.getByRole('heading', { name: `${CUSTOMER}: ${POLICY}` }).waitFor();
    const id = Number(new URL(page.url()).searchParams.get('id'));
    const stored = await apiGet<{
      start: string;
      timeZone: string;
      services: { slug: string; monthlyFeeMinor: number; currency: string }[];
    }>(page, `/staff/agreements/${id}`);
    expect(stored.start).toBe('2026-12-31T23:00:00.000Z');
    expect(stored.timeZone).toBe('Europe/Berlin');
    expect(stored.services.map((line) => [line.slug, line.monthlyFeeMinor, line.currency])).toEqual(
      [
        ['api', 150_050, 'EUR'],
        ['web', 80_000, 'EUR'],
      ],
    );
    await expect(page.locator('dl.facts').textContent()).resolves.toContain(
      '1 Jan 2027, 00:00 (Europe/Berlin) = 31 Dec 2026, 23:00 UTC',
    );
    await expectAxeClean(page, 'the agreement page');
    await screenshots(page, 'agreement');
    expect(errors).toEqual([]);
  });

  it('invites a person for the customer; the link is shown once and accepted elsewhere', async () => {
    const { page, errors } = await openPage(customerPath);
    await signIn(page, ADMIN);
    await expect.poll(() => step(page, 1).textContent()).toContain('Done: 1 active agreement.');
    await press(step(page, 2).getByRole('link', { name: 'Invite a person' }));
    await page.getByRole('heading', { name: `Invite a person for ${CUSTOMER}` }).waitFor();
    await type(page.getByLabel('Email'), DANA.email);
    await type(page.getByLabel('Name (optional)'), 'Dana Scully');
    await press(page.getByRole('button', { name: 'Create the invitation' }));

    const link = page.getByLabel('One-time invitation link');
    await link.waitFor();
    invitationLink = await link.inputValue();
    expect(invitationLink).toMatch(/\/account\/invitation#token=[A-Za-z0-9_-]+$/);
    await expect(page.locator('.secret').textContent()).resolves.toContain(
      'You won’t see this again.',
    );
    await expectAxeClean(page, 'the invitation made');

    // The invited person, in a browser of their own.
    const token = /#token=(.+)$/.exec(invitationLink)?.[1] ?? '';
    const invited = await openPage(`/account/invitation#token=${token}`);
    await type(invited.page.getByLabel('Password', { exact: true }), DANA.password);
    await type(invited.page.getByLabel('Password again'), DANA.password);
    await press(invited.page.getByRole('button', { name: 'Set password and sign in' }));
    await invited.page.getByRole('heading', { name: 'Welcome' }).waitFor();
    expect(invited.errors).toEqual([]);

    // The pending invitation is gone, the person is signed up.
    await page.goto(`${site.origin}${customerPath}`);
    await expect.poll(() => step(page, 2).textContent()).toContain('Done: 1 signed up.');
    await expect(page.getByRole('region', { name: 'People' }).textContent()).resolves.toContain(
      'Dana Scully',
    );
    expect(errors).toEqual([]);
  });

  it('makes the monitor’s key, shown once and copied from the page, which then reports an outage', async () => {
    const { page, errors } = await openPage(customerPath);
    await signIn(page, ADMIN);
    await press(step(page, 3).getByRole('link', { name: 'Create the monitor’s key' }));
    await page.getByRole('heading', { name: 'New monitor key' }).waitFor();
    await type(page.getByLabel('Name'), 'Pingdom, production');
    await press(page.getByRole('button', { name: 'Make the key' }));
    await page.getByLabel('The key').waitFor();
    await expect(page.locator('.secret').textContent()).resolves.toContain(
      'You won’t see this again.',
    );
    await press(page.getByRole('button', { name: 'Copy' }));
    await expect
      .poll(() => page.getByRole('status').last().textContent())
      .toBe('Copied to the clipboard.');
    monitorKey = await page.evaluate(() => navigator.clipboard.readText());
    expect(monitorKey).toMatch(/^sp_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
    await expect(page.getByLabel('The key').inputValue()).resolves.toBe(monitorKey);
    await expectAxeClean(page, 'the key made');
    await screenshots(page, 'monitor-key');

    // The monitor reports 90 minutes of major outage of the API in February (Berlin).
    const response = await fetch(`${site.origin}/api/v1/ingest/windows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${monitorKey}` },
      body: JSON.stringify({
        externalId: 'pingdom:api:1',
        service: 'api',
        state: 'major_outage',
        start: '2027-02-10T10:00:00Z',
        end: '2027-02-10T11:30:00Z',
      }),
    });
    expect(response.status).toBe(201);

    // The customer's page: every step done, the key listed by name.
    await page.goto(`${site.origin}${customerPath}`);
    await expect.poll(() => step(page, 3).textContent()).toContain('Pingdom, production');
    for (const index of [0, 1, 2, 3]) {
      await expect(step(page, index).textContent()).resolves.toContain('Done:');
    }
    await expectAxeClean(page, 'the customer onboarded');
    await screenshots(page, 'customer');
    expect(errors).toEqual([]);
  });

  it('shows the new customer the outage in February’s figure', async () => {
    const { page, errors } = await openPage('/account/');
    await signIn(page, DANA);
    await page.getByRole('heading', { name: 'Your service levels', level: 1 }).waitFor();
    await expect(page.getByLabel('Month').inputValue()).resolves.toBe('2027-02');
    const figures = await apiGet<{
      items: { service: string; downtimeMs: number; availabilityDisplay: string }[];
    }>(page, '/me/availability?period=2027-02');
    const api = figures.items.find((item) => item.service === 'api');
    expect(api?.downtimeMs).toBe(90 * 60_000);
    const card = page.locator('article.service-month', {
      has: page.getByRole('heading', { name: 'Public API' }),
    });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Downtime counted1 h 30 min');
    expect(text).toContain(`${api?.availabilityDisplay}\u00a0% available`);
    await expect(card.locator('.status').first().textContent()).resolves.toBe('Target missed');
    expect(errors).toEqual([]);
  });
});
