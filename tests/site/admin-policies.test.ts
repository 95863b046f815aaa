import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * Issue 12's policy, audit and brand screens in Debian's Chromium, on the demo data and the
 * pinned site clock: an admin changes a policy's target with the keyboard alone, reads what
 * the version changes and its figures (the API's own), confirms; finds the change in the
 * audit log with its filters; renames the product and sets an accent and a logo, which the
 * public page shows after its rebuild. axe-core on each screen; screenshots at 1280 and 390 px.
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
      siteRebuilds: { pollMs: 200, quietMs: 300, maxDelayMs: 2_000, removeAfterMs: 200 },
    }),
    launchBrowser({ clock }),
  ]);
  logins = site.logins;
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

const login = (predicate: (candidate: DemoLogin) => boolean) => {
  const found = logins.find(predicate);
  if (!found) throw new Error('no such demo login');
  return found;
};
const admin = () => login((candidate) => candidate.role === 'admin');

async function openPage(path: string, options: { width?: number } = {}) {
  const context = await session.context();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

/** Signs in with the keyboard: type into each field, Enter on the button. */
async function signIn(page: Page, who: DemoLogin) {
  await page.getByLabel('Email', { exact: true }).focus();
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
}

/** Replaces a field's text by keyboard. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  const field = page.getByLabel(label, { exact: typeof label === 'string' });
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** Calls the API as someone, from Node (arranging or checking, not the screen under test). */
async function asUser<T>(who: DemoLogin, method: string, path: string, body?: unknown): Promise<T> {
  const headers = { 'content-type': 'application/json', origin: site.origin };
  const signedIn = await fetch(`${site.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const response = await fetch(`${site.origin}/api/v1${path}`, {
    method,
    headers: { ...headers, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** No axe-core violation at all, in the light and the dark scheme. */
async function checkAxe(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `${what} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function screenshots(page: Page, name: string) {
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

interface Figures {
  availabilityDisplay: string | null;
  met: boolean | null;
  creditMinor: number;
}
interface Preview {
  version: number;
  agreements: {
    id: number;
    customer: { name: string };
    rows: {
      service: string;
      serviceName: string;
      month: string;
      currency: string;
      current: Figures & { version: number };
      proposed: Figures;
      differs: boolean;
    }[];
  }[];
}

const money = (minor: number, currency: string) => {
  const digits =
    new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(
    minor / 10 ** digits,
  );
};
const availabilityText = (figures: Figures) =>
  figures.availabilityDisplay === null ? null : `${figures.availabilityDisplay}\u00a0%`;
const targetText = (met: boolean | null) => (met === null ? '—' : met ? 'Met' : 'Missed');
const cells = (page: Page, row: string) => page.locator(row).locator('td').allTextContents();

let policyId = 0;
const STANDARD = 'Standard 99.9 %';

describe('a new policy version', () => {
  it('is previewed with its changes and the API’s figures, confirmed and saved, by keyboard alone', async () => {
    const { page, errors } = await openPage('/staff/admin/policies/');
    await signIn(page, admin());
    await page.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
    await expect(page.title()).resolves.toBe('Policies · Service status');
    const link = page.getByRole('link', { name: STANDARD, exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: STANDARD, level: 1 }).waitFor();
    policyId = Number(/id=(\d+)/.exec(page.url())?.[1]);
    await page.getByRole('heading', { name: 'Change the rules: version 3' }).waitFor();

    // The site's clock is 1 March 2027: next month (UTC) is the default.
    await expect(
      page.getByLabel('In force from').locator('option:checked').textContent(),
    ).resolves.toBe('April 2027');
    await typeInto(page, 'Target (%)', '99.95');
    await typeInto(page, 'Tier 1: below (%)', '99.95');
    // A word where a number belongs: refused next to its field, nothing sent.
    await typeInto(page, 'Claim window (days)', 'forty');
    await page.getByRole('button', { name: 'Preview the change' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('version-claimWindowDays');
    await expect(page.locator('#version-claimWindowDays-problem').textContent()).resolves.toBe(
      'Enter a whole number, such as 30.',
    );
    await typeInto(page, 'Claim window (days)', '45');
    await page.getByRole('button', { name: 'Preview the change' }).focus();
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { name: 'Preview of version 3, from April 2027' });
    await heading.waitFor();
    await expect.poll(() => focusedText(page)).toBe('Preview of version 3, from April 2027');
    const changes = await page
      .locator('.preview ul.changes')
      .first()
      .locator('li')
      .allTextContents();
    expect(changes).toEqual([
      'Target 99.9\u00a0% → 99.95\u00a0%',
      'Credit tiers below 99.9\u00a0%: 10\u00a0%; below 99\u00a0%: 25\u00a0%; below 95\u00a0%: 100\u00a0% → below 99.95\u00a0%: 10\u00a0%; below 99\u00a0%: 25\u00a0%; below 95\u00a0%: 100\u00a0%',
    ]);

    // The figures on the screen are the API's preview, row by row…
    const preview = await asUser<Preview>(
      admin(),
      'POST',
      `/staff/policies/${policyId}/versions/preview`,
      {
        effectiveFrom: '2027-04',
        targetPercent: 99.95,
        tiers: [
          { belowPercent: 99.95, creditPercent: 10 },
          { belowPercent: 99, creditPercent: 25 },
          { belowPercent: 95, creditPercent: 100 },
        ],
      },
    );
    const northwind = preview.agreements.find((agreement) =>
      agreement.customer.name.startsWith('Northwind'),
    );
    if (!northwind) throw new Error('Northwind is not on the standard policy');
    const section = `section.preview-agreement[aria-label="${northwind.customer.name}, agreement #${northwind.id}"]`;
    // Everything, not only what changes.
    const onlyChanged = page.getByLabel('Show only the months whose figures change');
    await onlyChanged.focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator(`${section} tbody tr`).count())
      .toBe(northwind.rows.length);
    for (const row of northwind.rows) {
      const selector = `${section} tr[data-month="${row.month}"][data-service="${row.service}"]`;
      expect(await cells(page, selector), `${row.service} ${row.month}`).toEqual([
        row.serviceName,
        availabilityText(row.current) ?? 'No data',
        availabilityText(row.proposed) ?? 'No data',
        `${targetText(row.current.met)} (v${row.current.version})`,
        targetText(row.proposed.met),
        money(row.current.creditMinor, row.currency),
        money(row.proposed.creditMinor, row.currency),
      ]);
    }
    expect(northwind.rows.some((row) => row.differs)).toBe(true);

    // …and its "now" figures are what the customer sees for those months.
    const customer = login((candidate) => candidate.customer?.startsWith('Northwind') ?? false);
    const months = northwind.rows.map((row) => row.month).sort();
    const availability = await asUser<{
      items: (Figures & { month: string; service: string; source: string; agreementId: number })[];
    }>(customer, 'GET', `/me/availability?from=${months[0]}&to=${months.at(-1)}`);
    const mine = availability.items.filter((item) => item.agreementId === northwind.id);
    // Every previewed month is one the customer sees, and no other.
    expect(mine.map((item) => `${item.service} ${item.month}`).sort()).toEqual(
      northwind.rows.map((row) => `${row.service} ${row.month}`).sort(),
    );
    let compared = 0;
    for (const item of mine) {
      // A decided claim's stored figures are official there; the engine's are previewed.
      if (item.source !== 'computed') continue;
      const selector = `${section} tr[data-month="${item.month}"][data-service="${item.service}"]`;
      const shown = await cells(page, selector);
      expect(shown[1], `${item.service} ${item.month}`).toBe(availabilityText(item) ?? 'No data');
      expect(shown[5]).toBe(money(item.creditMinor, northwind.rows[0]?.currency ?? 'USD'));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(mine.length / 2);

    await checkAxe(page, 'policy preview');
    await screenshots(page, 'admin-policy-preview');

    // The confirming step names the version, the month and the changes; then it is saved.
    await page.getByRole('button', { name: 'Save version 3…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe(`Save version 3 of ${STANDARD}?`);
    await expect(page.locator('.confirm').textContent()).resolves.toContain(
      'From April 2027, for the 2 active agreements on this policy:',
    );
    expect(
      (await asUser<{ versions: unknown[] }>(admin(), 'GET', `/staff/policies/${policyId}`))
        .versions,
    ).toHaveLength(2);
    await page.getByRole('button', { name: 'Yes, save version 3' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByText('Version 3 was saved. It governs April 2027 and the months after.')
      .waitFor();
    await page.getByRole('heading', { name: 'Version 3: from April 2027' }).waitFor();
    const saved = await asUser<{
      versions: { version: number; effectiveFrom: string; rules: Record<string, unknown> }[];
    }>(admin(), 'GET', `/staff/policies/${policyId}`);
    expect(saved.versions.at(-1)).toMatchObject({
      version: 3,
      effectiveFrom: '2027-04',
      // Stated: the target, the tiers; inherited from version 2: the rest.
      rules: { targetPercent: 99.95, minimumOutageMinutes: 5, claimWindowDays: 45 },
    });
    await checkAxe(page, 'policy detail');
    await screenshots(page, 'admin-policy-detail');
    expect(errors).toEqual([]);
  }, 120_000);

  it('lists policies with search and sort, and creates one with the defaults shown', async () => {
    const { page, errors } = await openPage('/staff/admin/policies/');
    await signIn(page, admin());
    const rows = page.locator('main table tbody tr');
    // Standard, Premium, the internal teams' objective and the CDN vendor's terms.
    await expect.poll(() => rows.count()).toBe(4);
    await typeInto(page, 'Name contains', 'premium');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(1);
    expect(page.url()).toContain('q=premium');
    await checkAxe(page, 'policy list');
    await screenshots(page, 'admin-policies');

    await page.goto(`${site.origin}/staff/admin/policies/?new`);
    await page.getByRole('heading', { name: 'New policy' }).waitFor();
    await expect(page.getByLabel('Maintenance notice (minutes)').inputValue()).resolves.toBe(
      '2880',
    );
    await expect(page.getByLabel('Claim window (days)').inputValue()).resolves.toBe('30');
    await page.getByRole('button', { name: 'Create the policy' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('policy-name');
    await expect(page.locator('#policy-name-problem').textContent()).resolves.toBe(
      'Enter a name for the policy.',
    );
    await typeInto(page, 'Name', 'Enterprise 99.99 %');
    await typeInto(page, 'Target (%)', '99.99');
    await page.getByRole('button', { name: 'Create the policy' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Enterprise 99.99 %', level: 1 }).waitFor();
    await page.getByText('The policy was created.').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the audit log', () => {
  it('finds the new version by entity, actor and time, with its changes in words', async () => {
    if (policyId === 0) throw new Error('the version test did not run');
    const { page, errors } = await openPage(
      `/staff/admin/audit/?entityType=policy&entityId=${policyId}`,
    );
    await signIn(page, admin());
    const entries = page.locator('.audit-entry');
    await entries.first().waitFor();
    await expect(entries.first().locator('h2').textContent()).resolves.toBe(
      `Policy “${STANDARD}”: new version`,
    );
    await expect(entries.first().locator('.meta').first().textContent()).resolves.toMatch(
      /^1 Mar 2027, 00:\d\d UTC, by admin@demo\.example \(admin\)/,
    );
    await expect(entries.first().locator('ul.changes li').first().textContent()).resolves.toBe(
      'Target 99.9\u00a0% → 99.95\u00a0%',
    );
    const api = await asUser<{ items: { id: number }[] }>(
      admin(),
      'GET',
      `/staff/audit-log?entityType=policy&entityId=${policyId}`,
    );
    await expect.poll(() => entries.count()).toBe(api.items.length);

    // Only the agent's changes: none of these.
    const agent = login((candidate) => candidate.role === 'agent');
    await page.getByLabel('Who').selectOption({ label: `${agent.email} (agent)` });
    await page.getByRole('button', { name: 'Show changes' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('No change matches these filters.').waitFor();
    expect(page.url()).toMatch(/actorUserId=\d+/);

    // Back to anyone; a range that ends before the site's clock began: nothing.
    await page.getByLabel('Who').selectOption({ label: 'Anyone' });
    await page.getByLabel('Until (UTC, not included)').fill('2027-02-01 00:00');
    await page.getByLabel('From (UTC)').fill('2027-02-02 00:00');
    await page.getByRole('button', { name: 'Show changes' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#audit-to-problem').textContent()).resolves.toBe(
      'Choose a time after “From”.',
    );
    await page.getByLabel('From (UTC)').fill('2027-03-01 00:00');
    await page.getByLabel('Until (UTC, not included)').fill('2027-03-02 00:00');
    await page.getByRole('button', { name: 'Show changes' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('from=2027-03-01T00%3A00%3A00Z');
    await expect.poll(() => entries.count()).toBe(api.items.length);
    await checkAxe(page, 'audit log');
    await screenshots(page, 'admin-audit');
    expect(errors).toEqual([]);
  }, 60_000);
});

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 96 × 32 PNG: a dark bar on an orange field. */
function logoPng(): Buffer {
  const width = 96;
  const height = 32;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.concat([
      Buffer.from([0]),
      ...Array.from({ length: width }, (_, x) =>
        Buffer.from(y > 10 && y < 22 && x > 8 ? [0x1f, 0x23, 0x28] : [0xe0, 0x6c, 0x00]),
      ),
    ]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the brand', () => {
  it('refuses a light accent with a shade that passes, and the public page shows name, accent and logo after the rebuild', async () => {
    const { page, errors } = await openPage('/staff/admin/brand/');
    await signIn(page, admin());
    await page.getByRole('heading', { name: 'Brand', level: 1 }).waitFor();
    await typeInto(page, 'Product name', 'Northwind Cloud status');
    await page.getByLabel('Use the portal’s built-in colours').focus();
    await page.keyboard.press('Space');
    await typeInto(page, 'Colour (hex)', '#ff9900');
    // The live preview shows the name; the report says the colour is too light.
    await expect(page.locator('.brand-preview .sample-header').first().textContent()).resolves.toBe(
      'Northwind Cloud status',
    );
    await page.getByText(/too light: text and buttons need 4\.5:1/).waitFor();
    const use = page.getByRole('button', { name: /^Use #[0-9a-f]{6}$/ });
    const shade = ((await use.textContent()) ?? '').replace('Use ', '');
    await use.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Colour (hex)').inputValue()).resolves.toBe(shade);
    await page.getByText(/passes WCAG AA/).waitFor();
    await typeInto(page, 'Support page (web address)', 'https://help.northwind.example');
    await typeInto(page, 'Footer text', 'Northwind Cloud Ltd, 1 Harbour Street');
    // The save's answer is held until a logo has been chosen: choosing a file right after
    // pressing Save must not lose it when the answer redraws the form.
    let answerSave = () => {};
    const saveHeld = new Promise<void>((resolve) => {
      answerSave = resolve;
    });
    await page.route(
      (url) => url.pathname.endsWith('/staff/brand'),
      async (route) => {
        if (route.request().method() === 'PATCH') await saveHeld;
        await route.continue();
      },
    );
    await page.getByRole('button', { name: 'Save the brand' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Saving…' }).waitFor();
    await page.getByLabel('Upload a PNG logo').setInputFiles({
      name: 'northwind.png',
      mimeType: 'image/png',
      buffer: logoPng(),
    });
    // The file is read before it can be sent: the preview shows it is ready.
    await page.getByRole('img', { name: 'The chosen logo, northwind.png' }).waitFor();
    answerSave();
    await page.getByText(/^Saved\. /).waitFor();
    // The form shows the saved brand (the demo's brand was never saved, so this line shows
    // only then), and the chosen logo is still there to upload.
    await page.getByText(/Last saved /).waitFor();
    await page.unrouteAll();
    await page.getByRole('img', { name: 'The chosen logo, northwind.png' }).waitFor();
    await page.getByRole('button', { name: 'Upload the logo' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('The logo was uploaded.', { exact: false }).waitFor();
    await page.getByText('Now: a PNG of 96 × 32 px', { exact: false }).waitFor();
    // Sent, it is no longer shown as a choice waiting to be uploaded.
    await expect(page.getByRole('img', { name: /^The chosen logo/ }).count()).resolves.toBe(0);
    await checkAxe(page, 'brand');
    await screenshots(page, 'admin-brand');
    expect(errors).toEqual([]);

    const brand = await asUser<{
      accent: { color: string; dark: string };
      logo: { url: string };
    }>(admin(), 'GET', '/brand');
    expect(brand.accent.color).toBe(shade);

    // The static page, rebuilt: the name in the title and header, the accent, the logo.
    await expect
      .poll(async () => (await fetch(`${site.origin}/`)).text(), { timeout: 90_000, interval: 500 })
      .toContain(brand.logo.url);
    const publicPage = await openPage('/');
    await expect(publicPage.page.title()).resolves.toBe('Northwind Cloud status');
    await expect(publicPage.page.locator('.site-header .brand').textContent()).resolves.toBe(
      'Northwind Cloud status',
    );
    const accentIn = (target: Page) =>
      target.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      );
    await expect(accentIn(publicPage.page)).resolves.toBe(shade);
    const logo = publicPage.page.locator('.site-header img.logo');
    await expect(logo.getAttribute('src')).resolves.toBe(brand.logo.url);
    await expect
      .poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(96);
    await expect(publicPage.page.locator('.site-footer').textContent()).resolves.toContain(
      'Northwind Cloud Ltd, 1 Harbour Street',
    );
    await expect(
      publicPage.page.getByRole('link', { name: 'help.northwind.example' }).getAttribute('href'),
    ).resolves.toBe('https://help.northwind.example');
    await publicPage.page.emulateMedia({ colorScheme: 'dark' });
    await expect(accentIn(publicPage.page)).resolves.toBe(brand.accent.dark);
    await publicPage.page.emulateMedia({ colorScheme: 'light' });
    await checkAxe(publicPage.page, 'public page with the brand');
    await publicPage.page.screenshot({
      path: join(screenshotDir(), 'admin-brand-public-1280.png'),
      fullPage: true,
    });
    // The signed-in pages carry it too.
    const staffPage = await openPage('/staff/');
    await expect(staffPage.page.title()).resolves.toBe('Claims queue · Northwind Cloud status');
    expect(publicPage.errors).toEqual([]);
  }, 150_000);
});
