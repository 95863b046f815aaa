import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoLogin } from '../../db/seed/demo.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { createCustomer } from '../helpers/factories.ts';
import { appOn, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * The administration record screens in Debian's Chromium on the demo data set (and 30 more
 * customers, for pages): lists with search, sort and pages kept in the address; a problem the
 * API finds shown next to its field; destructive actions behind a confirm step that Escape
 * cancels; revoking a key and an invitation; an agreement's end typed in its zone. Operated
 * from the keyboard; axe clean in both colour schemes; screenshots at 1280 and 390 px.
 */

const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;
let logins: DemoLogin[] = [];

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      demoBuild: true,
      // Customers are not on the public pages: the demo build stays true.
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        for (let index = 1; index <= 30; index += 1) {
          await createCustomer(t, `Zulu Co ${String(index).padStart(2, '0')}`, 'Europe/Paris');
        }
      },
    }),
    launchBrowser({ clock }),
  ]);
  logins = site.logins;
}, 240_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

const admin = () => {
  const found = logins.find((login) => login.role === 'admin');
  if (!found) throw new Error('no demo admin');
  return found;
};

async function openPage(path: string, scheme: 'light' | 'dark' = 'light') {
  const context = await session.context();
  const page = await context.newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${site.origin}${path}`);
  await type(page.getByLabel('Email', { exact: true }), admin().email);
  await type(page.getByLabel('Password', { exact: true }), admin().password);
  await press(page.getByRole('button', { name: 'Sign in' }));
  // The page's own heading, not the sign-in form's, which may still be there for a moment.
  await page.locator('main h1').filter({ hasNotText: 'Staff sign-in' }).first().waitFor();
  return { page, errors };
}

async function type(control: Locator, text: string) {
  await control.focus();
  await control.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

async function press(control: Locator, key: 'Enter' | 'Space' | 'Escape' = 'Enter') {
  await control.focus();
  await control.press(key);
}

const rows = (page: Page, list = 'main table.stack') => page.locator(`${list} tbody tr`);
const firstCells = (page: Page) =>
  page
    .locator('main table.stack')
    .first()
    .locator('tbody tr td:first-child')
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

async function screenshots(page: Page, name: string) {
  const dir = screenshotDir();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px`).toBe(0);
    await page.screenshot({ path: join(dir, `admin-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the administration records', () => {
  it('pages, searches and sorts customers, keeping the list in the address', async () => {
    const { page, errors } = await openPage('/staff/admin/customers/');
    const status = page.locator('.list-status');
    await expect.poll(() => status.textContent()).toBe('Customers: 1–25.');
    await expect(rows(page).count()).resolves.toBe(25);
    await press(page.getByRole('button', { name: 'Next page →' }));
    await expect.poll(() => status.textContent()).toBe('Customers: 26–36.');
    await expect(firstCells(page)).resolves.toEqual([
      'Zulu Co 20',
      'Zulu Co 21',
      'Zulu Co 22',
      'Zulu Co 23',
      'Zulu Co 24',
      'Zulu Co 25',
      'Zulu Co 26',
      'Zulu Co 27',
      'Zulu Co 28',
      'Zulu Co 29',
      'Zulu Co 30',
    ]);
    await press(page.getByRole('button', { name: '← Previous page' }));
    await expect.poll(() => status.textContent()).toBe('Customers: 1–25.');

    // Z to A: the last customer first.
    await page.getByLabel('Sort by').selectOption('-name');
    await expect.poll(async () => (await firstCells(page))[0]).toBe('Zulu Co 30');
    expect(page.url()).toContain('sort=-name');

    // A search from the keyboard (Enter in the field), kept across a reload.
    await type(page.getByLabel('Find a customer'), 'NORTH');
    await page.getByLabel('Find a customer').press('Enter');
    await expect.poll(() => firstCells(page)).toEqual(['Northwind Trading (demo)']);
    await expect(status.textContent()).resolves.toBe('Customers: 1–1, matching “NORTH”.');
    await page.reload();
    await expect.poll(() => firstCells(page)).toEqual(['Northwind Trading (demo)']);
    await expect(page.getByLabel('Find a customer').inputValue()).resolves.toBe('NORTH');
    await type(page.getByLabel('Find a customer'), 'no such name');
    await page.getByLabel('Find a customer').press('Enter');
    await expect.poll(() => status.textContent()).toBe('Nothing matches “no such name”.');
    await press(page.getByRole('button', { name: 'Clear the search' }));
    await expect.poll(() => rows(page).count()).toBe(25);

    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'customers');
    expect(errors).toEqual([]);
  });

  it('shows the API’s refusal of a slug in use next to the slug, then adds the service', async () => {
    const { page, errors } = await openPage('/staff/admin/services/new/');
    await type(page.getByLabel('Slug'), 'api');
    await type(page.getByLabel('Name'), 'Another API');
    await press(page.getByRole('button', { name: 'Add the service' }));
    await expect
      .poll(() => page.locator('#service-slug-problem').textContent())
      .toBe('A service with slug api exists.');
    await expect(page.getByLabel('Slug').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => activeId(page)).toContain('A service with slug api exists.');

    await type(page.getByLabel('Slug'), 'status-api');
    await type(page.getByLabel('Group (optional)'), 'core');
    await page.getByLabel('Monitored since (optional)').fill('2027-02-01T00:00');
    await expect(page.locator('#service-monitored-hint').textContent()).resolves.toContain(
      'In UTC: 1 Feb 2027, 00:00.',
    );
    await press(page.getByRole('button', { name: 'Add the service' }));
    await page.getByRole('heading', { name: 'Another API' }).waitFor();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe(
      'Another API is added.',
    );
    await expect(page.locator('dl.facts').textContent()).resolves.toContain(
      'Monitored since1 Feb 2027, 00:00 UTC',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${site.origin}/staff/admin/services/`);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'services');
    // The API answered the slug in use with 409: the browser logs that as a failed load.
    expect(errors.filter((error) => !error.includes('409 (Conflict)'))).toEqual([]);
  });

  it('asks before deactivating a person; Escape steps back, confirming deactivates', async () => {
    const { page, errors } = await openPage('/staff/admin/users/');
    await press(page.getByRole('link', { name: 'agent@demo.example' }));
    await page.getByRole('heading', { name: /agent@demo\.example/ }).waitFor();
    const deactivate = page.getByRole('button', { name: 'Deactivate the person' });
    await press(deactivate);
    const confirm = page.getByRole('button', { name: 'Yes, deactivate agent@demo.example' });
    await expect.poll(() => activeId(page)).toBe('Yes, deactivate agent@demo.example');
    await expect(page.locator('.confirm').textContent()).resolves.toContain(
      'They are signed out at once',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => activeId(page)).toBe('Deactivate the person');
    await expect(confirm.count()).resolves.toBe(0);

    await press(deactivate);
    await press(confirm);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('agent@demo.example is deactivated.');
    await expect.poll(() => page.locator('h1 .status').textContent()).toBe('Deactivated');
    await press(page.getByRole('button', { name: 'Reactivate the person' }));
    await press(page.getByRole('button', { name: 'Yes, reactivate agent@demo.example' }));
    await expect.poll(() => page.locator('h1 .status').textContent()).toBe('Active');
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'user');
    expect(errors).toEqual([]);
  });

  it('revokes a pending invitation and a monitor key, each after a confirm step', async () => {
    const { page, errors } = await openPage('/staff/admin/users/invite/');
    await type(page.getByLabel('Email'), 'temp@provider.example');
    await press(page.getByLabel(/^Support agent/), 'Space');
    await press(page.getByRole('button', { name: 'Create the invitation' }));
    await page.getByLabel('One-time invitation link').waitFor();
    await press(page.getByRole('link', { name: 'All users' }));
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await expect.poll(() => pending.textContent()).toContain('temp@provider.example');
    await expect(pending.textContent()).resolves.toContain('admin@demo.example');
    await expect(pending.textContent()).resolves.toContain('4 Mar 2027');
    await press(pending.getByRole('button', { name: 'Revoke' }));
    await press(pending.getByRole('button', { name: 'Yes, revoke the link' }));
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('The invitation of temp@provider.example is revoked: its link no longer works.');
    await expect.poll(() => pending.textContent()).toContain('None.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'users');

    await page.goto(`${site.origin}/staff/admin/api-keys/new/`);
    await type(page.getByLabel('Name'), 'Statuscake, staging');
    await press(page.getByRole('button', { name: 'Make the key' }));
    await page.getByLabel('The key').waitFor();
    const key = await page.getByLabel('The key').inputValue();
    await press(page.getByRole('link', { name: 'All API keys' }));
    const row = page.locator('main tbody tr', { hasText: 'Statuscake, staging' });
    await expect(row.textContent()).resolves.toContain(`sp_${key.split('_')[1]}_…`);
    await press(row.getByRole('button', { name: 'Revoke Statuscake, staging' }));
    await expect(row.locator('.confirm').textContent()).resolves.toContain(
      'the monitor using it stops reporting',
    );
    await press(row.getByRole('button', { name: 'Yes, revoke the key' }));
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('“Statuscake, staging” is revoked.');
    // Keys in use are listed by default: the revoked one is under "Revoked keys".
    await expect.poll(() => page.locator('main table').count()).toBe(0);
    await page.getByLabel('Show').selectOption('true');
    await expect.poll(() => page.locator('main tbody').textContent()).toContain('Statuscake');
    const refused = await fetch(`${site.origin}/api/v1/ingest/windows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        externalId: 'statuscake:1',
        service: 'api',
        state: 'major_outage',
        start: '2027-02-20T10:00:00Z',
        end: '2027-02-20T10:05:00Z',
      }),
    });
    expect(refused.status).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'api-keys');
    expect(errors).toEqual([]);
  });

  it('ends an agreement at a time typed in its zone, never in the past', async () => {
    const { page, errors } = await openPage('/staff/admin/agreements/?q=northwind');
    await press(page.getByRole('link', { name: /^Northwind Trading \(demo\): / }).first());
    await page.getByRole('heading', { name: 'End the agreement' }).waitFor();
    const end = page.getByLabel('Ends at');
    await end.fill('2027-01-31T00:00');
    await press(page.getByRole('button', { name: 'End the agreement…' }));
    await expect(page.locator('#agreement-new-end-problem').textContent()).resolves.toBe(
      'End must be now or later: past months keep the coverage they had.',
    );
    await end.fill('2027-07-01T00:00');
    await expect(page.locator('#agreement-new-end-hint').textContent()).resolves.toBe(
      'In America/New_York: 1 Jul 2027, 00:00. That is 1 Jul 2027, 04:00 UTC.',
    );
    await press(page.getByRole('button', { name: 'End the agreement…' }));
    await expect(page.locator('.confirm').textContent()).resolves.toContain(
      'End the agreement at 1 Jul 2027, 00:00 (America/New_York), that is 1 Jul 2027, 04:00 UTC?',
    );
    await press(page.getByRole('button', { name: 'Yes, end it then' }));
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('The agreement now ends 1 Jul 2027, 00:00 (America/New_York).');
    await expect
      .poll(() => page.locator('dl.facts').textContent())
      .toContain('End1 Jul 2027, 00:00 (America/New_York) = 1 Jul 2027, 04:00 UTC');
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'agreement');
    await page.goto(`${site.origin}/staff/admin/agreements/`);
    // The four customers' agreements, the internal team's and the CDN vendor's.
    await expect.poll(() => rows(page).count()).toBe(6);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'agreements');
    expect(errors).toEqual([]);
  });

  it('is axe clean in the dark scheme too', async () => {
    for (const path of [
      '/staff/admin/',
      '/staff/admin/customer/?id=1',
      '/staff/admin/agreements/new/?customer=1',
      '/staff/admin/users/',
    ]) {
      const { page, errors } = await openPage(path, 'dark');
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), path).toEqual([]);
      expect(errors).toEqual([]);
    }
  });
});
