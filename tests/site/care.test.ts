import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityItem } from '../../api/services/availability.ts';
import type { DemoLogin } from '../../db/seed/demo.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * Care with money and time (issue 12) and the customer's keys and times (issue 14), in
 * Debian's Chromium on the demo data set: a claim's decision and credit behind a step naming
 * the amount and the customer, nothing chosen beforehand; the evidence before the decision on
 * a phone; UTC beside the customer's time for staff, every time labelled for the customer;
 * counted windows with their state and incident, the daily rule's amount; the keys screen by
 * keyboard; the API reference's curl commands pasted into a shell; axe, screenshots.
 */

const run = promisify(execFile);
const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;
let logins: DemoLogin[] = [];
/** The demo's submitted claims, oldest first, read once before any is decided. */
let submitted: number[] = [];

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      demoBuild: true,
    }),
    launchBrowser({ clock }),
  ]);
  logins = site.logins;
  const queue = await asStaff<{ items: { id: number }[] }>('GET', '/staff/claims?status=submitted');
  submitted = queue.items.map((item) => item.id);
  if (submitted.length < 2) throw new Error('the demo data needs two submitted claims');
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

function byRole(role: DemoLogin['role']): DemoLogin {
  const found = logins.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
}

function login(email: string): DemoLogin {
  const found = logins.find((candidate) => candidate.email === email);
  if (!found) throw new Error(`no demo login ${email}`);
  return found;
}

async function openPage(path: string, options: { width?: number } = {}) {
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
  await page.goto(`${site.origin}${path}`);
  return { page, errors, posts };
}

async function signIn(page: Page, who: DemoLogin) {
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Calls the API as the demo agent from Node (arranging, not the page under test). */
async function asStaff<T>(method: 'GET' | 'POST', path: string): Promise<T> {
  const headers = { 'content-type': 'application/json', origin: site.origin };
  const agent = byRole('agent');
  const signedIn = await fetch(`${site.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: agent.email, password: agent.password }),
  });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const response = await fetch(`${site.origin}/api/v1${path}`, {
    method,
    headers: { ...headers, cookie },
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A GET of the API with the page's session, as JSON. */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(`/api/v1${url}`)).json(), path) as Promise<T>;
}

// The test's own formatting, independent of the site's: en-GB, as the pages say it.
const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
const dateTime = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

interface StaffClaim {
  id: number;
  customer: { name: string };
  serviceName: string;
  createdAt: string;
  computedCreditMinor: number;
  currency: string;
  evaluation: { timeZone: string };
}

/** No violation of any impact, on the page as it is now. */
async function expectAxeClean(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

describe('money behind a confirming step', () => {
  it('chooses nothing beforehand, states amount and customer, and sends only when confirmed', async () => {
    const id = submitted[0] as number;
    const claim = await asStaff<StaffClaim>('GET', `/staff/claims/${id}`);
    const amount = money(claim.computedCreditMinor, claim.currency);
    const customer = claim.customer.name;
    const { page, errors, posts } = await openPage(`/staff/claim/?id=${id}`);
    await signIn(page, byRole('agent'));
    const decision = page.locator('#decision');
    await decision.getByRole('heading', { name: 'Decision' }).waitFor();

    // Nothing chosen: no radio checked, no option picked for the person.
    await expect(decision.locator('input[type="radio"]').count()).resolves.toBe(2);
    await expect(decision.locator('input[type="radio"]:checked').count()).resolves.toBe(0);
    await expect(decision.locator('select').count()).resolves.toBe(0);

    // Continuing without a choice says so and puts the focus on the choice; the keyboard picks.
    await decision.getByRole('button', { name: 'Continue to confirm' }).click();
    await expect(decision.locator('#decision-decision-problem').textContent()).resolves.toBe(
      'Choose whether to approve or to reject the claim.',
    );
    await expect.poll(() => activeId(page)).toBe('decision-approve');
    await page.keyboard.press('Space');
    await expect(decision.getByLabel('Approve', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(decision.locator('input[name="amount-choice"]:checked').count()).resolves.toBe(0);
    await decision.getByRole('button', { name: 'Continue to confirm' }).click();
    await expect(decision.locator('#decision-amountChoice-problem').textContent()).resolves.toBe(
      `Choose the computed credit (${amount}) or another amount.`,
    );
    await expect.poll(() => activeId(page)).toBe('amount-computed');
    await page.keyboard.press('Space');

    // The confirm step: amount in its currency, the customer by name, the focus on the words
    // (a second Enter does nothing), Escape back to the form.
    await decision.getByRole('button', { name: 'Continue to confirm' }).press('Enter');
    const step = decision.getByRole('region', { name: 'Confirm the approval' });
    await step.waitFor();
    expect(squash(await step.textContent())).toContain(
      `Approve a credit of ${amount} to ${customer} for ${claim.serviceName}`,
    );
    const confirm = step.getByRole('button', { name: `Approve ${amount} for ${customer}` });
    await expect(confirm.count()).resolves.toBe(1);
    await expect.poll(() => activeId(page)).toBe('decision-confirm-title');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => step.count()).toBe(0);
    await expect.poll(() => activeText(page)).toBe('Continue to confirm');
    expect(posts.filter((path) => path.endsWith('/decision'))).toEqual([]);

    await page.keyboard.press('Enter');
    await page.screenshot({ path: join(screenshotDir(), 'care-claim-confirm-1280.png') });
    await expectAxeClean(page, 'the confirm step');
    await confirm.click();
    const notice = page.locator('.notice[role="status"]');
    await expect
      .poll(() => notice.textContent())
      .toBe(`Claim #${id} approved at ${amount} for ${customer}.`);
    expect(posts.filter((path) => path.endsWith('/decision'))).toHaveLength(1);

    // The credit: the invoice, then the step naming amount, customer and invoice.
    await page.getByLabel('Invoice reference').fill('INV-2027-0007');
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    const credit = page.getByRole('region', { name: 'Confirm the credit' });
    expect(squash(await credit.textContent())).toContain(
      `Record that ${amount} was credited to ${customer} on invoice INV-2027-0007`,
    );
    expect(posts.filter((path) => path.endsWith('/credit'))).toEqual([]);
    await credit.getByRole('button', { name: `Mark ${amount} for ${customer} credited` }).click();
    await expect.poll(() => page.locator('h1 + p .status').textContent()).toBe('Credited');
    expect(posts.filter((path) => path.endsWith('/credit'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('states a rejection with the customer and sends the reason only once confirmed', async () => {
    const id = submitted[1] as number;
    const claim = await asStaff<StaffClaim>('GET', `/staff/claims/${id}`);
    const { page, errors, posts } = await openPage(`/staff/claim/?id=${id}`);
    await signIn(page, byRole('agent'));
    await page.getByLabel('Reject').check();
    await page.getByLabel(/^Reason/).fill('The outage was announced maintenance.');
    await page.getByRole('button', { name: 'Continue to confirm' }).click();
    const step = page.getByRole('region', { name: 'Confirm the rejection' });
    const text = squash(await step.textContent());
    expect(text).toContain(`Reject the claim of ${claim.customer.name}`);
    expect(text).toContain(
      `where the rules give ${money(claim.computedCreditMinor, claim.currency)}`,
    );
    expect(text).toContain('The outage was announced maintenance.');
    await step.getByRole('button', { name: 'Change the decision' }).click();
    await expect(page.getByLabel(/^Reason/).inputValue()).resolves.toBe(
      'The outage was announced maintenance.',
    );
    expect(posts.filter((path) => path.endsWith('/decision'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the claim review on a phone and on a desk', () => {
  it('puts the evidence before the decision at 390 px and beside it at 1280 px, in both zones', async () => {
    const id = submitted[1] as number;
    const claim = await asStaff<StaffClaim>('GET', `/staff/claims/${id}`);
    const { page, errors } = await openPage(`/staff/claim/?id=${id}`, { width: 390 });
    await signIn(page, byRole('agent'));
    const evidence = page.getByRole('heading', { name: 'Evidence', level: 2 });
    const decision = page.locator('#decision');
    await decision.waitFor();
    await page.waitForLoadState('networkidle');
    const box = async (locator: ReturnType<Page['locator']>) => {
      const found = await locator.boundingBox();
      if (!found) throw new Error('not laid out');
      return found;
    };

    // On a phone: the figures first, the decision after them, a link to jump there.
    const compare = page.locator('table.compare');
    expect((await box(evidence)).y).toBeLessThan((await box(decision)).y);
    const table = await box(compare);
    expect(table.y + table.height).toBeLessThan((await box(decision)).y);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBe(0);
    // Wide tables scroll in their own box, even on the narrowest phone.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await overflow()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Go to the decision' }).click();
    expect(page.url()).toMatch(/#decision$/);
    await expectAxeClean(page, 'claim review at 390 px');
    await page.screenshot({ path: join(screenshotDir(), 'care-claim-390.png'), fullPage: true });

    // On a desk: the decision beside the evidence, in view from the start.
    await page.setViewportSize({ width: 1280, height: 900 });
    const [left, right] = [await box(compare), await box(decision)];
    expect(right.x).toBeGreaterThan(left.x + left.width);
    expect(right.y).toBeLessThan(left.y + left.height);
    await expect(page.getByRole('link', { name: 'Go to the decision' }).isVisible()).resolves.toBe(
      false,
    );
    await page.screenshot({ path: join(screenshotDir(), 'care-claim-1280.png'), fullPage: true });

    // Every time in the agreement's zone, named, with UTC beside it.
    const zone = claim.evaluation.timeZone;
    expect(zone).not.toBe('UTC');
    const both = `${dateTime(claim.createdAt, zone)} (${zone}) = ${dateTime(claim.createdAt, 'UTC')} UTC`;
    const filed = page
      .locator('dl.facts dt', { hasText: 'Filed' })
      .locator('xpath=following-sibling::dd[1]');
    expect(squash(await filed.textContent())).toBe(both);
    expect(squash(await page.locator('.trail li').first().textContent())).toContain(both);
    const windows = page.locator('details.windows').first();
    await windows.locator('summary').click();
    const headers = await windows.locator('th[scope="col"]').allTextContents();
    expect(headers).toContain(`When (${zone})`);
    expect(headers).toContain('When (UTC)');
    expect(errors).toEqual([]);
  });
});

describe('the customer portal’s times, windows and credits', () => {
  it('labels every time with the agreement’s zone, names each counted window’s state and incident, and prices the daily rule', async () => {
    const chatham = login('it@chatham-fisheries.example');
    const { page, errors } = await openPage('/account/');
    await signIn(page, chatham);
    await page.getByRole('heading', { name: 'Your service levels', level: 1 }).waitFor();
    const overview = await apiGet<{ items: { currentPeriod: string; timeZone: string }[] }>(
      page,
      '/me/agreements',
    );
    const agreement = overview.items[0];
    if (!agreement) throw new Error('Chatham has no agreement');
    const zone = agreement.timeZone;
    const [year, index] = agreement.currentPeriod.split('-').map(Number) as [number, number];
    const month = index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`;

    // A five-hour outage on the 10th of last month: more than the premium policy's four hours.
    const tenth = Date.parse(`${month}-10T12:00:00Z`);
    const ingest = await fetch(`${site.origin}/api/v1/ingest/windows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await site.ingestHeaders()) },
      body: JSON.stringify({
        externalId: 'care:cdn-cable-cut',
        service: 'cdn',
        state: 'major_outage',
        start: new Date(tenth - 2.5 * 3_600_000).toISOString(),
        end: new Date(tenth + 2.5 * 3_600_000).toISOString(),
      }),
    });
    expect(ingest.status).toBe(201);

    await page.goto(`${site.origin}/account/?month=${month}`);
    const items = await apiGet<{ items: AvailabilityItem[] }>(
      page,
      `/me/availability?period=${month}&causes=true`,
    );
    const cdn = items.items.find((item) => item.service === 'cdn');
    if (!cdn) throw new Error('no CDN figures');
    expect(cdn.qualifyingDays.length).toBeGreaterThan(0);
    const days = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric' }).format(
        new Date(Date.UTC(year, index - 1, 0)),
      ),
    );
    // creditDays (1) × the monthly fee / days in the month, per qualifying day, half up.
    expect(cdn.dailyCreditMinor).toBe(
      Math.round((cdn.monthlyFeeMinor * cdn.qualifyingDays.length) / days),
    );
    const card = page.locator('article.service-month', {
      has: page.getByRole('heading', { name: cdn.serviceName, exact: true }),
    });
    await card.waitFor();
    const text = squash(await card.textContent());
    expect(text).toContain(`daily rule: ${money(cdn.dailyCreditMinor, cdn.currency)} for`);
    expect(text).toContain(`days in ${zone}`);

    // Counted windows: state and incident, the incident linked to its public page.
    const linked = items.items.find((item) =>
      item.countedCauses?.some((cause) => cause.incident !== null),
    );
    if (!linked?.countedCauses) throw new Error(`no counted window with an incident in ${month}`);
    const withIncident = linked.countedCauses.findIndex((cause) => cause.incident !== null);
    const cause = linked.countedCauses[withIncident];
    const linkedCard = page.locator('article.service-month', {
      has: page.getByRole('heading', { name: linked.serviceName, exact: true }),
    });
    await linkedCard.locator('details.windows summary').click();
    const counted = linkedCard.getByRole('region', {
      name: `Windows counted, ${linked.serviceName}`,
    });
    const row = counted.locator('tbody tr').nth(withIncident);
    const headers = await counted.locator('th[scope="col"]').allTextContents();
    expect(headers).toEqual([`When (${zone})`, 'State', 'Weight', 'Downtime counted', 'Incident']);
    const stateNames: Record<string, string> = {
      major_outage: 'Major outage',
      partial_outage: 'Partial outage',
      degraded: 'Degraded performance',
      maintenance: 'Maintenance',
    };
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe(
      stateNames[cause?.state ?? ''] ?? '',
    );
    await expect(
      row.getByRole('link', { name: cause?.incident?.title ?? '' }).getAttribute('href'),
    ).resolves.toBe(`/incidents/${cause?.incident?.id}/`);

    // Times: each one names the zone.
    const facts = squash(await page.locator('section.agreement dl.facts').first().textContent());
    expect(facts).toMatch(new RegExp(`since \\d+ \\w+ \\d{4} \\(${zone.replace('/', '\\/')}\\)`));
    expect(text).toMatch(/Closes \d+ \w+ \d{4}, \d\d:\d\d \(Pacific\/Chatham\)/);
    await expectAxeClean(page, 'the customer month with its windows');
    await page.screenshot({ path: join(screenshotDir(), 'care-account-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});

describe('the keys screen', () => {
  it('makes a read-only key shown once and revokes it, by keyboard alone', async () => {
    const customer = login('ops@northwind.example');
    const { page, errors } = await openPage('/account/keys/');
    await signIn(page, customer);
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('You have no key in use.').waitFor();
    await expectAxeClean(page, 'the keys screen, empty');

    const tabTo = async (done: () => Promise<boolean>) => {
      for (let presses = 0; presses < 40; presses += 1) {
        if (await done()) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('the keyboard never reached it');
    };
    await tabTo(async () => (await activeId(page)) === 'key-name');
    await page.keyboard.type('Finance export');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeText(page)).toBe('Your new key: Finance export');
    const key = await page.getByLabel('The key').inputValue();
    expect(key).toMatch(/^sp_/);
    await expectAxeClean(page, 'the keys screen with a new key');
    await page.screenshot({ path: join(screenshotDir(), 'care-keys-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(screenshotDir(), 'care-keys-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The key reads the customer's data and nothing else.
    const bearer = { authorization: `Bearer ${key}` };
    const read = await fetch(`${site.origin}/api/v1/me/agreements`, { headers: bearer });
    expect(read.status).toBe(200);
    const write = await fetch(`${site.origin}/api/v1/me/api-keys`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'another' }),
    });
    expect(write.status).toBe(403);

    // Shown once: gone once dismissed, and after a reload only its prefix is listed.
    await tabTo(async () => (await activeText(page)) === 'Done: I have stored the key');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('key-name');
    await page.reload();
    const listed = page.getByRole('region', { name: 'Keys in use' });
    await expect.poll(() => listed.locator('tbody tr').count()).toBe(1);
    const prefix = key.split('_')[1] ?? '';
    const rowText = async () => squash(await listed.locator('tbody tr').textContent());
    // The times take the customer's zone once the agreements are read too (a second request,
    // which may answer after the list): wait for it as a person would.
    await expect.poll(rowText).toMatch(/\(America\/New_York\)/);
    const row = await rowText();
    expect(row).toContain('Finance export');
    expect(row).toContain(`sp_${prefix}_…`);
    expect(row).toMatch(/\(America\/New_York\)/);
    expect(await page.content()).not.toContain(key);

    // Revoke: the step names the key; Escape keeps it; confirming ends it at once.
    await tabTo(async () => (await activeText(page)) === 'Revoke “Finance export”');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeText(page)).toBe('Revoke “Finance export”?');
    await page.keyboard.press('Escape');
    await expect.poll(() => activeText(page)).toBe('Revoke “Finance export”');
    await page.keyboard.press('Enter');
    await tabTo(async () => (await activeText(page)) === 'Revoke “Finance export”');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.notice[role="status"]').textContent())
      .toBe('The key “Finance export” is revoked: it no longer works.');
    await page.getByText('You have no key in use.').waitFor();
    await expect(page.locator('details.windows summary').textContent()).resolves.toBe(
      'Revoked keys: 1',
    );
    const after = await fetch(`${site.origin}/api/v1/me/agreements`, { headers: bearer });
    expect(after.status).toBe(401);
    await expectAxeClean(page, 'the keys screen after revoking');
    expect(errors).toEqual([]);
  });
});

describe('the API reference', () => {
  // The curl options are set in swagger-init.js; /auth/login and /me/api-keys are far down a
  // reference of more than 150 rows, which Swagger UI would virtualize (docs/decisions/146).
  it('shows curl commands that work when pasted: the cookie jar and the Origin', async () => {
    const customer = login('sre@bharat-logistics.example');
    const { page, errors } = await openPage('/api/v1/docs');
    // The reference's bundle is large and every step goes through it: on a machine busy with
    // the whole suite, give each step a minute.
    page.setDefaultTimeout(60_000);
    await page.locator('.opblock').first().waitFor();
    const jar = mkdtempSync(join(tmpdir(), 'portal-curl-'));
    try {
      // An operation of the reference by its method and path, as Swagger UI lays it out.
      const curlOf = async (method: 'post', path: string, body?: unknown) => {
        const block = page.locator(`.opblock-${method}`, {
          has: page.locator(`[data-path="${path}"]`),
        });
        await block.locator('.opblock-summary').first().click();
        await block.getByRole('button', { name: 'Try it out' }).click();
        if (body !== undefined) {
          await block.locator('textarea.body-param__text').fill(JSON.stringify(body));
        }
        await block.getByRole('button', { name: 'Execute' }).click();
        const command = block.locator('.curl-command pre, .curl-command code').first();
        await command.waitFor();
        return (await command.textContent()) ?? '';
      };
      const shell = async (command: string) =>
        (await run('sh', ['-c', `${command} -s -o /dev/null -w '%{http_code}'`], { cwd: jar }))
          .stdout;

      const signInCommand = await curlOf('post', '/auth/login', {
        email: customer.email,
        password: customer.password,
      });
      expect(signInCommand).toContain("-c 'cookies.txt'");
      expect(signInCommand).toContain(`-H 'Origin: ${site.origin}'`);
      await expect(shell(signInCommand)).resolves.toBe('200');

      const makeKey = await curlOf('post', '/me/api-keys', {
        name: 'From a terminal',
      });
      expect(makeKey).toContain("-b 'cookies.txt'");
      await expect(shell(makeKey)).resolves.toBe('201');
      // Without the Origin the same signed-in write is refused: the header is what makes it work.
      await expect(shell(makeKey.replace(`-H 'Origin: ${site.origin}'`, ''))).resolves.toBe('403');
    } finally {
      rmSync(jar, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
