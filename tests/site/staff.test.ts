import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The staff console (/staff/) in Debian's Chromium on the demo data set: the queue and its
 * filters, a claim's evidence, an approval at another amount (the cap enforced in the form),
 * an internal note, the credit and the ledger, what the customer then sees; admin lists;
 * no console errors, no serious axe violation, screenshots.
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

const byRole = (role: DemoLogin['role']) => {
  const found = logins.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
};

async function openPage(path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}) {
  const context = await session.context();
  const page = await context.newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
  });
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  await page.goto(`${site.origin}${path}`);
  return { page, errors, posts };
}

async function signIn(page: Page, who: DemoLogin) {
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A GET of the API with the page's session, as JSON. */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(`/api/v1${url}`)).json(), path) as Promise<T>;
}

const rows = (page: Page) => page.locator('main table tbody tr');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `November 2026` for `2026-11`, as the pages name a month. */
const monthName = (month: string) => `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

/** Calls the API as the demo admin from Node (a script, not the page under test). */
async function asAdmin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers = { 'content-type': 'application/json', origin: site.origin };
  const login = await fetch(`${site.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: byRole('admin').email, password: byRole('admin').password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const response = await fetch(`${site.origin}/api/v1${path}`, {
    method,
    headers: { ...headers, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The claim decided by the tests below, and its customer. */
let decided: { id: number; customer: string; amount: string } | undefined;

describe('the staff console', () => {
  it('signs in to the queue, filters it by status, amount and age', async () => {
    const { page, errors } = await openPage('/staff/');
    await expect(page.title()).resolves.toBe('Claims queue · Service status');
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await signIn(page, byRole('agent'));
    await page.getByRole('heading', { name: 'Claims queue', level: 1 }).waitFor();
    await expect(page.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0);

    // Submitted claims first, with the count per status.
    const counts = await apiGet<{ counts: Record<string, number> }>(page, '/staff/claims');
    await expect.poll(() => rows(page).count()).toBe(counts.counts.submitted);
    const statuses = page.getByRole('navigation', { name: 'Claims by status' });
    await expect(statuses.getByRole('link', { name: /^Approved \(\d+\)$/ }).count()).resolves.toBe(
      1,
    );
    const total = Object.values(counts.counts).reduce((sum, count) => sum + count, 0);
    await statuses.getByRole('link', { name: `All (${total})` }).click();
    await expect.poll(() => rows(page).count()).toBe(total);
    expect(page.url()).toContain('?status=all');

    // Amount (in the claims' currencies) and age filters, checked against the API.
    await page.getByLabel('Credit from').fill('1000');
    await page.getByLabel('Age at most (days)').fill('40');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain('minAmount=1000');
    const filtered = await apiGet<{ items: { id: number }[] }>(
      page,
      '/staff/claims?minAmountMinor=100000&maxAgeDays=40',
    );
    await expect.poll(() => rows(page).count()).toBe(filtered.items.length);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^(No claim matches|Claims 1–)/);

    // A filter that is not a number is refused in the form.
    await page.getByLabel('Age at least (days)').fill('soon');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByLabel('Age at least (days)').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    expect(errors).toEqual([]);
  });

  it('approves a claim at another amount with a reason, never above the cap', async () => {
    const { page, errors, posts } = await openPage('/staff/');
    await signIn(page, byRole('agent'));
    const first = rows(page).first();
    await first.waitFor();
    const customer = (await first.locator('td').nth(1).textContent()) ?? '';
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: /^Claim #\d+: / }).waitFor();
    const id = Number(/id=(\d+)/.exec(page.url())?.[1]);
    await expect(page.title()).resolves.toBe(`Claim #${id} · Staff console · Service status`);

    // The evidence: stored beside fresh, the trail.
    const compare = page.locator('table.compare');
    await expect(compare.locator('thead').textContent()).resolves.toContain('Fresh (today)');
    await expect(compare.locator('tbody tr').count()).resolves.toBeGreaterThan(5);
    await expect(page.locator('.trail').textContent()).resolves.toContain('Filed');

    const claim = await apiGet<{ capMinor: number; currency: string; computedCreditMinor: number }>(
      page,
      `/staff/claims/${id}`,
    );
    const format = (minor: number) =>
      new Intl.NumberFormat('en-GB', { style: 'currency', currency: claim.currency }).format(
        minor / 100,
      );

    // Above the cap: refused in the form, nothing sent.
    await page.getByLabel('Approve', { exact: true }).check();
    await page.getByLabel('Another amount (needs a reason)').check();
    const amount = page.getByLabel(`Amount in ${claim.currency}`);
    await amount.fill(((claim.capMinor + 1) / 100).toFixed(2));
    await page.getByLabel(/^Reason/).fill('Goodwill for the long outage.');
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    await expect(page.locator('#decision-amount-problem').textContent()).resolves.toBe(
      `At most ${format(claim.capMinor)}: an approval never exceeds the cap.`,
    );
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('decision-amount');

    // Another amount without a reason: refused too.
    const changed = claim.computedCreditMinor + 2_500;
    await amount.fill((changed / 100).toFixed(2));
    await page.getByLabel(/^Reason/).fill('');
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    await expect(page.locator('#decision-reason-problem').textContent()).resolves.toContain(
      'Give the reason',
    );
    expect(posts.filter((path) => path.endsWith('/decision'))).toEqual([]);

    await page.getByLabel(/^Reason/).fill('Goodwill: the first human update came late.');
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    expect(posts.filter((path) => path.endsWith('/decision'))).toEqual([]);
    await page.getByRole('button', { name: `Approve ${format(changed)} for ${customer}` }).click();
    const notice = page.locator('.notice[role="status"]');
    await expect
      .poll(() => notice.textContent())
      .toBe(`Claim #${id} approved at ${format(changed)} for ${customer}.`);
    await expect(page.locator('h1 + p .status').textContent()).resolves.toBe('Approved');
    expect(posts.filter((path) => path.endsWith('/decision'))).toHaveLength(1);

    // An internal note, marked as such.
    await page.getByLabel('Comment or internal note').fill('Checked against the incident log.');
    await page.getByLabel('Internal note (the customer never sees it)').check();
    await page.getByRole('button', { name: 'Add internal note' }).click();
    const note = page.locator('.comments li.internal', {
      hasText: 'Checked against the incident log.',
    });
    await note.waitFor();
    await expect(note.locator('.status').textContent()).resolves.toBe('Internal note');

    decided = { id, customer, amount: format(changed) };
    expect(errors).toEqual([]);
  });

  it('shows the customer the decision, a later correction beside it, never the internal note', async () => {
    if (!decided) throw new Error('the approval test did not run');
    // An admin corrects a counted window of the decided month (it was a false alarm).
    const claim = await asAdmin<{
      service: string;
      serviceName: string;
      period: string;
      evaluation: { period: { start: string; end: string } };
    }>('GET', `/staff/claims/${decided.id}`);
    const windows = await asAdmin<{ items: { id: number; state: string; end: string | null }[] }>(
      'GET',
      `/staff/windows?service=${claim.service}&from=${claim.evaluation.period.start}&to=${claim.evaluation.period.end}`,
    );
    const outage = windows.items.find(
      (window) => window.end !== null && /outage/.test(window.state),
    );
    if (!outage) throw new Error('the decided month has no outage window to correct');
    await asAdmin('POST', `/staff/windows/${outage.id}/corrections`, {
      state: 'degraded',
      reason: 'The monitor raised a false alarm.',
    });

    const owner = logins.find((candidate) => candidate.customer === decided?.customer);
    if (!owner) throw new Error(`no demo login for ${decided.customer}`);
    const { page, errors } = await openPage(`/account/claim/?id=${decided.id}`);
    await signIn(page, owner);
    await page.getByRole('heading', { name: `Claim #${decided.id}`, exact: false }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Approved');
    expect(main).toContain(decided.amount);
    expect(main).toContain('Goodwill: the first human update came late.');
    expect(main).not.toContain('Checked against the incident log.');
    // The trail names staff as "support", never by address.
    await expect(page.locator('.trail').textContent()).resolves.toContain('by support');
    await expect(page.locator('.trail').textContent()).resolves.not.toContain('@demo.example');

    // The month keeps the decided figures, with the correction beside them.
    await page.goto(`${site.origin}/account/?month=${claim.period}`);
    const card = page.locator('article.service-month', {
      has: page.getByRole('heading', { name: claim.serviceName }),
    });
    await card.locator('.correction').waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Official: decided with claim');
    expect(text).toContain(`Credit approved${decided.amount}`);
    await expect(card.locator('.correction tr.differs').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('marks the claim credited; the ledger lists it and exports it as CSV', async () => {
    if (!decided) throw new Error('the approval test did not run');
    const { page, errors } = await openPage(`/staff/claim/?id=${decided.id}`);
    await signIn(page, byRole('agent'));
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    await expect(page.locator('#invoice-reference-problem').textContent()).resolves.toContain(
      'Enter the invoice',
    );
    await page.getByLabel('Invoice reference').fill('INV-2026-0042');
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    await page
      .getByRole('button', { name: `Mark ${decided.amount} for ${decided.customer} credited` })
      .click();
    await expect.poll(() => page.locator('h1 + p .status').textContent()).toBe('Credited');
    // The correction made since the decision: listed, flagged, and the fresh figures differ.
    const corrections = page.getByRole('region', { name: 'Corrections' });
    await expect(corrections.textContent()).resolves.toContain('The monitor raised a false alarm.');
    await expect(corrections.textContent()).resolves.toContain('After a decision');
    await expect(page.locator('table.compare tr.differs').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Credits', exact: true }).click();
    await page.getByRole('heading', { name: 'Credits ledger' }).waitFor();
    const row = rows(page).filter({
      has: page.getByRole('link', { name: `Claim #${decided.id}`, exact: true }),
    });
    await expect.poll(() => row.textContent()).toContain('INV-2026-0042');
    // The totals over every entry, per currency and per customer, as the API gives them.
    const answer = (await page.evaluate(async () =>
      (await fetch('/api/v1/staff/credits/totals')).json(),
    )) as {
      byCustomer: {
        customer: { name: string };
        currency: string;
        count: number;
        creditedMinor: number;
      }[];
    };
    const mine = answer.byCustomer.find((total) => total.customer.name === decided?.customer);
    if (!mine) throw new Error(`no totals for ${decided.customer}`);
    expect(mine.creditedMinor).toBeGreaterThan(0);
    const totals = page.getByRole('region', { name: 'Totals' });
    const customerRow = totals
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: decided.customer, exact: true }) })
      .filter({ hasText: mine.currency });
    await expect
      .poll(() => customerRow.textContent())
      .toContain(money(mine.creditedMinor, mine.currency));
    const csvLink = page.getByRole('link', { name: /^Download CSV/ });
    await expect(csvLink.getAttribute('href')).resolves.toBe('/api/v1/staff/credits.csv');
    const csv = await page.evaluate(async () => (await fetch('/api/v1/staff/credits.csv')).text());
    expect(csv).toContain('INV-2026-0042');
    expect(errors).toEqual([]);
  });

  it('lists customers and users for admins, and turns customers away', async () => {
    const { page, errors } = await openPage('/staff/admin/');
    await signIn(page, byRole('admin'));
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    // The four customers, the internal team and the CDN vendor: every account.
    await expect.poll(() => rows(page).count()).toBe(6);
    await page.goto(`${site.origin}/staff/admin/`);
    await page.getByRole('link', { name: 'Users and invitations' }).click();
    await expect
      .poll(() => page.locator('main table').first().textContent())
      .toContain('agent@demo.example');
    expect(page.url()).toContain('/staff/admin/users/');

    // An invitation: the one-time link, then the invited person chooses a password.
    await page.getByRole('link', { name: 'Invite a person' }).click();
    await page.getByLabel('Email', { exact: true }).fill('new.person@northwind.example');
    await page
      .getByLabel('Customer', { exact: true })
      .selectOption({ label: 'Northwind Trading (demo) (America/New_York)' });
    await page.getByRole('button', { name: 'Create the invitation' }).click();
    const link = await page.getByLabel('One-time invitation link').inputValue();
    const token = /#token=([^&]+)$/.exec(link)?.[1];
    expect(token).toBeTruthy();
    await page.getByRole('link', { name: 'All users' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Pending invitations' }).textContent())
      .toContain('new.person@');
    const invited = await openPage(`/account/invitation#token=${token}`);
    await expect.poll(() => invited.page.url()).not.toContain('token=');
    await invited.page
      .getByLabel('Password', { exact: true })
      .fill('a long passphrase for the portal');
    await invited.page.getByLabel('Password again').fill('a long passphrase for the portal');
    await invited.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await invited.page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await invited.page.getByRole('link', { name: 'Go to your account' }).click();
    await invited.page.getByRole('heading', { name: 'Your service levels' }).waitFor();
    expect(invited.errors).toEqual([]);
    await expect(
      page.getByRole('link', { name: 'API reference' }).first().getAttribute('href'),
    ).resolves.toBe('/api/v1/docs');
    expect(errors).toEqual([]);

    const customer = await openPage('/staff/');
    await signIn(customer.page, byRole('customer'));
    await customer.page.getByText('The staff console is for support staff.').waitFor();
    await expect(
      customer.page.getByRole('link', { name: 'Go to your account' }).getAttribute('href'),
    ).resolves.toBe('/account/');
    expect(customer.errors).toEqual([]);
  });

  it('has no serious axe violation signed in, fits 320 px, and is screenshotted', async () => {
    if (!decided) throw new Error('the approval test did not run');
    const dir = screenshotDir();
    const { page, errors } = await openPage('/staff/');
    await signIn(page, byRole('agent'));
    await rows(page).first().waitFor();
    const submitted = await rows(page).first().getByRole('link').getAttribute('href');
    const pages: [name: string, path: string][] = [
      ['staff-queue', '/staff/?status=all'],
      ['staff-claim', submitted ?? '/staff/'],
      ['staff-credits', '/staff/credits/'],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${site.origin}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      for (const [width, scheme] of [
        [320, 'light'],
        [375, 'light'],
        [375, 'dark'],
        [1280, 'dark'],
        [1280, 'light'],
      ] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width} px`).toBe(0);
        if (width === 1280) {
          const rules = scheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined;
          const serious = (await axeViolations(page, { rules })).filter(
            (violation) => violation.impact === 'serious' || violation.impact === 'critical',
          );
          expect(serious, `${path} (${scheme})`).toEqual([]);
        }
        if (width !== 320) {
          await page.screenshot({
            path: join(dir, `${name}-${width}-${scheme}.png`),
            fullPage: true,
          });
        }
      }
    }
    expect(errors).toEqual([]);
    console.info(`Screenshots of the staff console: ${dir}/staff-*.png`);
  }, 60_000);

  it('shows a dispute of a month nobody measured as "No data", for the customer and for staff', async () => {
    // A service added today, in a new agreement of Northwind's that began four months ago:
    // last month was covered but nobody measured it.
    const service = await asAdmin<{ monitoredSince: string }>('POST', '/staff/services', {
      slug: 'search',
      name: 'Search',
    });
    const policy = await asAdmin<{ id: number }>('POST', '/staff/policies', {
      name: 'Long claim window',
      targetPercent: 99.9,
      tiers: [{ belowPercent: 99.9, creditPercent: 10 }],
      claimWindowDays: 90,
    });
    const customers = await asAdmin<{ items: { id: number; name: string }[] }>(
      'GET',
      '/staff/customers?limit=100',
    );
    const northwind = customers.items.find((item) => item.name === 'Northwind Trading (demo)');
    if (!northwind) throw new Error('no demo customer Northwind');
    const agreement = await asAdmin<{ id: number }>('POST', '/staff/agreements', {
      customerId: northwind.id,
      policyId: policy.id,
      start: new Date(Date.parse(service.monitoredSince) - 120 * 86_400_000).toISOString(),
      services: [{ slug: 'search', monthlyFeeMinor: 10_000, currency: 'USD' }],
    });

    // The customer sees "No data" and can only dispute.
    const customer = logins.find((login) => login.email === 'ops@northwind.example');
    if (!customer) throw new Error('no demo login for Northwind');
    const mine = await openPage('/account/');
    await signIn(mine.page, customer);
    await mine.page.getByLabel('Month').waitFor();
    const overview = await apiGet<{ items: { id: number; currentPeriod: string }[] }>(
      mine.page,
      '/me/agreements',
    );
    const current = overview.items.find((item) => item.id === agreement.id)?.currentPeriod ?? '';
    const [year, index] = current.split('-').map(Number) as [number, number];
    const month = index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`;
    await mine.page.getByLabel('Month').selectOption(month);
    const card = mine.page
      .locator(`section[aria-labelledby="agreement-${agreement.id}"]`)
      .locator('article.service-month', {
        has: mine.page.getByRole('heading', { name: 'Search', exact: true }),
      });
    await card.waitFor();
    await expect(card.locator('.status').first().textContent()).resolves.toBe('No data');
    await expect(card.getByRole('button', { name: /^File a claim/ }).count()).resolves.toBe(0);
    await card.getByRole('button', { name: /^Dispute the figures/ }).click();
    await card.getByRole('button', { name: 'File claim' }).click();
    await expect(card.getByRole('alert').textContent()).resolves.toContain(
      'nothing was measured this month',
    );
    await card.getByLabel('Description (required)').fill('Search failed for us all month.');
    await card.getByRole('button', { name: 'File claim' }).click();
    const notice = mine.page.locator('.notice[role="status"]');
    await expect.poll(() => notice.textContent()).toMatch(/^Claim #\d+ filed for Search, /);
    const id = /#(\d+)/.exec((await notice.textContent()) ?? '')?.[1];
    expect(mine.errors).toEqual([]);

    // Staff see the same: no figure, nothing counted, how long was not measured.
    const { page, errors } = await openPage('/staff/');
    await signIn(page, byRole('agent'));
    const row = rows(page).filter({ has: page.getByRole('link', { name: `Claim #${id}` }) });
    await expect(row.locator('.status-none').textContent()).resolves.toBe('No data');
    await row.getByRole('link').click();
    await page
      .getByRole('heading', { name: `Claim #${id}: Search, ${monthName(month)}` })
      .waitFor();
    const evidence = page.locator('.panel', { has: page.locator('table.compare') });
    const text = ((await evidence.textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ');
    expect(text).toContain('No data — monitoring of this service began on');
    const cell = (name: string) =>
      evidence.locator('tbody tr', { has: page.getByRole('rowheader', { name }) }).locator('td');
    await expect(cell('Target met').first().textContent()).resolves.toBe('— (no data)');
    await expect(cell('Windows counted').first().textContent()).resolves.toBe(
      '— (nothing measured)',
    );
    await expect(cell('Not measured').first().textContent()).resolves.toMatch(
      /^\d+\u00a0days \d+\u00a0h/,
    );
    expect(text).not.toContain('100.000');
    await page.screenshot({
      path: join(screenshotDir(), 'staff-claim-not-monitored-1280.png'),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  });
});
