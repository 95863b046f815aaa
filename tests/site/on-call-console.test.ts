import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { policies, services } from '../../db/schema/index.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import {
  addWindow,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';
import { appOn, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * Issue 12's on-call console in Debian's Chromium, keyboard only (Tab, typing, Enter, Space):
 * an agent opens an incident holding a component in a major outage, posts an update,
 * resolves it and writes the postmortem; the live status page, the rebuilt static pages and
 * the Atom feed show each step, and the preview's card is the public card. The agent
 * schedules maintenance with too little notice for one customer's policy and is warned; its
 * public page exists. An admin previews and saves a window correction and sees the customer
 * and month it touches, with the decided claim flagged. axe-core finds nothing serious;
 * screenshots at 1280 and 390 px.
 *
 * Every "now" is the portal's pinned clock (the browser runs on it too).
 */

const AGENT = { email: 'oncall@provider.example', password: 'on-call rota pager 7' };
const ADMIN = { email: 'admin@provider.example', password: 'admin console pass 8' };
const INCIDENT_TITLE = 'Public API returns errors';

const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;
/** The monitor's window of February (the one the admin corrects) and the decided claim. */
let februaryWindowStart = '';
let decidedClaimId = 0;

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        const api = await createService(t, 'api', { monitoredSince: '2025-01-01T00:00:00Z' });
        const web = await createService(t, 'web', { monitoredSince: '2025-01-01T00:00:00Z' });
        const standard = await createPolicy(t, [
          { effectiveFrom: '0000-01', rules: STANDARD_RULES },
        ]);
        // Enterprise customers are promised a week's notice of maintenance.
        const enterprise = await createPolicy(t, [
          {
            effectiveFrom: '0000-01',
            rules: { ...STANDARD_RULES, maintenanceNoticeMinutes: 7 * 24 * 60 },
          },
        ]);
        await db.write(async (tx) => {
          const { eq } = await import('drizzle-orm');
          await tx.update(services).set({ name: 'Public API' }).where(eq(services.id, api.id));
          await tx.update(services).set({ name: 'Website' }).where(eq(services.id, web.id));
          await tx.update(policies).set({ name: 'Standard' }).where(eq(policies.id, standard.id));
          await tx
            .update(policies)
            .set({ name: 'Enterprise' })
            .where(eq(policies.id, enterprise.id));
        });
        const acme = await createCustomer(t, 'Acme Corp', 'UTC');
        const birch = await createCustomer(t, 'Birch Bank', 'Europe/Berlin');
        const acmeAgreement = await createAgreement(t, {
          customerId: acme.id,
          policyId: standard.id,
          start: '2025-01-01T00:00:00Z',
          timeZone: 'UTC',
          services: [
            { serviceId: api.id, monthlyFeeMinor: 200_000 },
            { serviceId: web.id, monthlyFeeMinor: 50_000 },
          ],
        });
        await createAgreement(t, {
          customerId: birch.id,
          policyId: enterprise.id,
          start: '2025-01-01T00:00:00Z',
          timeZone: 'Europe/Berlin',
          services: [{ serviceId: api.id, monthlyFeeMinor: 400_000 }],
        });
        const window = await addWindow(t, api.id, {
          state: 'major_outage',
          start: '2027-02-20T10:00:00Z',
          end: '2027-02-20T11:00:00Z',
        });
        februaryWindowStart = window.start.toISOString();
        await createUser(t, 'agent', AGENT);
        const admin = await createUser(t, 'admin', ADMIN);
        // Acme files for February and the admin approves: a decided claim the correction touches.
        const customer = await createUser(t, 'customer', { customerId: acme.id });
        // An app of its own for arranging, whose configured origin the requests name.
        const origin = 'http://arrange.test';
        const arrange = createApp({ db, clock, config: { ...env.config, origins: [origin] } });
        const asCustomer = { ...(await signedIn(t, customer.id)).headers, origin };
        const asAdmin = { ...(await signedIn(t, admin.id)).headers, origin };
        const filed = await arrange.request(
          '/api/v1/me/claims',
          json(
            'POST',
            { agreementId: acmeAgreement.id, service: 'api', period: '2027-02' },
            asCustomer,
          ),
        );
        if (filed.status !== 201) throw new Error(`filing answered ${filed.status}`);
        decidedClaimId = ((await filed.json()) as { id: number }).id;
        const approved = await arrange.request(
          `/api/v1/staff/claims/${decidedClaimId}/decision`,
          json('POST', { decision: 'approve' }, asAdmin),
        );
        if (approved.status !== 200) throw new Error(`approval answered ${approved.status}`);
      },
      siteRebuilds: { pollMs: 200, quietMs: 300, maxDelayMs: 2_000, removeAfterMs: 200 },
    }),
    launchBrowser({ clock }),
  ]);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

async function openPage(
  path: string,
  options: { width?: number; javaScript?: boolean; timezoneId?: string } = {},
) {
  const context = await session.context({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

const isFocused = (locator: Locator) => locator.evaluate((node) => node === document.activeElement);

/** Presses Tab until `target` has the focus: it is reachable by keyboard, in page order. */
async function tabTo(page: Page, target: Locator, most = 150) {
  await target.waitFor({ state: 'attached' });
  for (let presses = 0; presses < most; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Types into a field reached by Tab (replacing what is there). */
async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Chooses an option of a select by typing its first letters, as a keyboard user does. */
async function choose(page: Page, select: Locator, text: string) {
  await tabTo(page, select);
  await page.keyboard.type(text);
  await expect
    .poll(() => select.evaluate((node: HTMLSelectElement) => node.selectedOptions[0]?.text ?? ''))
    .toMatch(new RegExp(`^${text}`, 'i'));
}

/** Activates a button reached by Tab. */
async function press(page: Page, button: Locator) {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await typeInto(page, page.getByLabel('Email', { exact: true }), who.email);
  await typeInto(page, page.getByLabel('Password', { exact: true }), who.password);
  await page.keyboard.press('Enter');
}

const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/**
 * The card's HTML, the latest update's time set aside: the preview shows the moment it was
 * made, the published card the moment it was written (the same minute, or the next).
 */
function cardHtml(html: string): string {
  return html
    .replace(/\s+/g, ' ')
    .replace(
      /(<p class="latest"><span class="kind">[^<]*?, )<time datetime="[^"]*"[^>]*>[^<]*<\/time>/,
      '$1<time>(update time)</time>',
    );
}

const outerHtml = (locator: Locator) => locator.evaluate((node) => node.outerHTML);

async function feed(): Promise<string> {
  return (await fetch(`${site.origin}/api/v1/feed.atom`)).text();
}

/** Waits for the static site (rebuilt on every status change) to say `text` at `path`. */
async function staticPageSays(path: string, text: string) {
  await expect
    .poll(async () => (await fetch(`${site.origin}${path}`)).text(), {
      timeout: 90_000,
      interval: 500,
    })
    .toContain(text);
}

async function axeClean(page: Page, where: string) {
  const serious = (await axeViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious, where).toEqual([]);
}

/** Screenshots the page at 1280 and 390 px; nothing may overflow sideways at 390. */
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

let incidentId = 0;

describe('on call, keyboard only', () => {
  it('opens an incident holding a component in a major outage; the public page and the feed show it', async () => {
    const { page, errors } = await openPage('/staff/incidents/');
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await signIn(page, AGENT);
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();

    // Validation in words, the first problem focused.
    await press(page, page.getByRole('button', { name: 'Preview', exact: true }));
    await expect.poll(() => isFocused(page.getByLabel('Title'))).toBe(true);
    await expect(page.locator('#open-title-problem').textContent()).resolves.toBe(
      'Give the incident a title customers will understand.',
    );

    await typeInto(page, page.getByLabel('Title'), INCIDENT_TITLE);
    await choose(page, page.getByLabel('Public API'), 'Major');
    await choose(page, page.getByLabel('Saved template'), 'Investigating');
    await press(page, page.getByRole('button', { name: 'Insert into the message' }));
    // The template's "…" is selected: typing replaces it.
    await expect.poll(() => isFocused(page.getByLabel('First message'))).toBe(true);
    await page.keyboard.type('failing requests on the public API');
    await expect(page.getByLabel('First message').inputValue()).resolves.toBe(
      'We are looking into reports of failing requests on the public API and will post an update within 30 minutes.',
    );
    await press(page, page.getByRole('button', { name: 'Preview', exact: true }));
    await expect.poll(() => focusedText(page)).toBe('Preview: what the public pages will show');
    const previewCard = page.locator('[data-preview="card"] li.card');
    await expect(previewCard.textContent()).resolves.toContain('Affects Public API (Major outage)');
    await screenshots(page, 'on-call-incident-open-preview');
    await axeClean(page, 'opening an incident, preview');

    await press(page, page.getByRole('button', { name: 'Publish the incident' }));
    await page.waitForURL(/\/staff\/incident\/\?id=\d+/);
    incidentId = Number(new URL(page.url()).searchParams.get('id'));
    await expect.poll(() => focusedText(page)).toMatch(/^Incident published\./);
    expect(errors).toEqual([]);

    // The live status page shows it at once (its first poll), the feed too.
    const live = await openPage('/');
    await live.page.locator('.live[data-live="ok"]').waitFor();
    await expect
      .poll(() =>
        live.page.locator('li.service', { hasText: 'Public API' }).locator('.state').textContent(),
      )
      .toMatch(/^Major outage since /);
    await expect(feed()).resolves.toContain(`[Investigating] ${INCIDENT_TITLE}`);
    await staticPageSays(`/incidents/${incidentId}/`, 'Public API (Major outage)');
  }, 180_000);

  it('posts an update whose preview is the public card, on the live and the static pages', async () => {
    const { page, errors } = await openPage(`/staff/incident/?id=${incidentId}`);
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await signIn(page, AGENT);
    await page
      .getByRole('heading', { name: `Incident #${incidentId}: ${INCIDENT_TITLE}` })
      .waitFor();
    // The next status is offered first: Identified.
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('identified');
    await choose(page, page.getByLabel('Saved template'), 'Identified');
    await press(page, page.getByRole('button', { name: 'Insert into the message' }));
    await page.keyboard.type('a faulty load balancer rule');
    await choose(page, page.getByLabel('Public API'), 'Partial');
    await press(page, page.getByRole('button', { name: 'Preview', exact: true }));
    await expect.poll(() => focusedText(page)).toBe('Preview: what the public pages will show');
    const preview = cardHtml(await outerHtml(page.locator('[data-preview="card"] li.card')));
    expect(preview).toContain('Affects Public API (Partial outage)');
    expect(preview).toContain(
      'We have found the cause, a faulty load balancer rule, and are putting a fix in place.',
    );
    await press(page, page.getByRole('button', { name: 'Publish the update' }));
    await expect.poll(() => focusedText(page)).toMatch(/^Update posted \(Identified\)/);
    expect(errors).toEqual([]);

    // The live island renders the same card.
    const live = await openPage('/');
    const liveCard = live.page.locator('section[aria-labelledby="active-incidents"] li.card');
    await expect
      .poll(async () => cardHtml(await outerHtml(liveCard)), { timeout: 30_000 })
      .toBe(preview);
    // So does the static history, once rebuilt, without JavaScript.
    await staticPageSays('/history/2027-03/', 'a faulty load balancer rule');
    const history = await openPage('/history/2027-03/', { javaScript: false });
    expect(
      cardHtml(await outerHtml(history.page.locator('li.card', { hasText: INCIDENT_TITLE }))),
    ).toBe(preview);
    await expect(feed()).resolves.toContain(`[Identified] ${INCIDENT_TITLE}`);
  }, 180_000);

  it('resolves after a confirming step, then publishes the postmortem', async () => {
    const { page, errors } = await openPage(`/staff/incident/?id=${incidentId}`);
    await signIn(page, AGENT);
    await page.getByRole('heading', { name: 'Post an update' }).waitFor();
    await choose(page, page.getByLabel('Status'), 'Resolved');
    await choose(page, page.getByLabel('Saved template'), 'Resolved');
    await press(page, page.getByRole('button', { name: 'Insert into the message' }));
    await press(page, page.getByRole('button', { name: 'Preview the resolution' }));
    await expect.poll(() => focusedText(page)).toBe('Confirm: resolve the incident');
    await expect(page.locator('p.confirm').textContent()).resolves.toContain(
      'every component it holds returns to operational now',
    );
    await press(page, page.getByRole('button', { name: 'Resolve the incident' }));
    await expect.poll(() => focusedText(page)).toMatch(/^Incident resolved/);

    const live = await openPage('/');
    await live.page.locator('.live[data-live="ok"]').waitFor();
    await expect
      .poll(() =>
        live.page.locator('li.service', { hasText: 'Public API' }).locator('.state').textContent(),
      )
      .toBe('Operational');
    await expect(live.page.locator('#active-incidents').count()).resolves.toBe(0);
    await expect(feed()).resolves.toContain(`[Resolved] ${INCIDENT_TITLE}`);

    await typeInto(
      page,
      page.getByRole('textbox', { name: 'Postmortem', exact: true }),
      'A load balancer rule sent API traffic to a retired pool.',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Rules are now checked against the live pools before they apply.');
    await press(page, page.getByRole('button', { name: 'Preview the postmortem' }));
    await expect
      .poll(() => focusedText(page))
      .toBe('Preview: the postmortem on the incident’s page');
    await expect(page.locator('.preview .postmortem-text').count()).resolves.toBe(2);
    await press(page, page.getByRole('button', { name: 'Publish the postmortem' }));
    await expect.poll(() => focusedText(page)).toMatch(/^Postmortem published/);
    await screenshots(page, 'on-call-incident-resolved');
    await axeClean(page, 'the incident after the postmortem');
    expect(errors).toEqual([]);

    await staticPageSays(
      `/incidents/${incidentId}/`,
      'Rules are now checked against the live pools',
    );
    const published = await openPage(`/incidents/${incidentId}/`, { javaScript: false });
    await expect(
      published.page.locator('.postmortem p.postmortem-text').allTextContents(),
    ).resolves.toEqual([
      'A load balancer rule sent API traffic to a retired pool.',
      'Rules are now checked against the live pools before they apply.',
    ]);
    await expect(
      published.page.locator('dl.facts dt:text-is("Resolved") + dd').textContent(),
    ).resolves.toMatch(/UTC, after /);
    await screenshots(published.page, 'on-call-public-incident');
    await expect(feed()).resolves.toContain('Postmortem: A load balancer rule sent API traffic');
  }, 180_000);
});

describe('maintenance', () => {
  it('warns before publishing with less notice than a policy wants; the maintenance gets its public page', async () => {
    // A browser in Berlin: times are typed and shown in UTC, with the local time as a hint.
    const { page, errors } = await openPage('/staff/maintenance/', { timezoneId: 'Europe/Berlin' });
    await signIn(page, AGENT);
    await page.getByRole('heading', { name: 'Schedule maintenance' }).waitFor();
    // Three days from now at 02:00 UTC: more than Standard's 48 h, less than Enterprise's week.
    const day = new Date(clock.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await typeInto(page, page.getByLabel('Title'), 'Database engine upgrade');
    await typeInto(page, page.getByLabel('Starts (UTC)'), `${day} 02:00`);
    await expect(page.locator('#plan-startsAt-echo').textContent()).resolves.toMatch(
      /^Reads as \d+ Mar 2027, 02:00 UTC \(03:00 on \d+ Mar in Europe\/Berlin\)\.$/,
    );
    await typeInto(page, page.getByLabel('Ends (UTC)'), `${day} 01:00`);
    await tabTo(page, page.getByLabel('Public API'));
    await page.keyboard.press('Space');
    await typeInto(page, page.getByLabel('Message'), 'Writes pause for up to a minute.');
    await press(page, page.getByRole('button', { name: 'Check the notice and preview' }));
    // An end before the start is said in words, on the field, which has the focus.
    await expect.poll(() => isFocused(page.getByLabel('Ends (UTC)'))).toBe(true);
    await expect(page.locator('#plan-endsAt-problem').textContent()).resolves.toBe(
      'The end must be after the start.',
    );
    await typeInto(page, page.getByLabel('Ends (UTC)'), `${day} 04:00`);
    await press(page, page.getByRole('button', { name: 'Check the notice and preview' }));
    await expect.poll(() => focusedText(page)).toBe('Before publishing: notice and preview');
    const warning = page.locator('[data-notice="short"]');
    await expect(warning.textContent()).resolves.toMatch(
      /Not enough notice for 1 of 2 policies: for Birch Bank this maintenance counts as downtime/,
    );
    const rows = page.locator('.notice-check tbody tr');
    await expect(rows.allTextContents()).resolves.toEqual([
      expect.stringMatching(
        /^Enterprise, version 1.*7\sdays.*Not met counts as downtime.*Birch Bank/,
      ),
      expect.stringMatching(/^Standard, version 1.*2\sdays.*Met.*Acme Corp/),
    ]);
    await screenshots(page, 'on-call-maintenance-warning');
    await axeClean(page, 'maintenance notice warning');

    // Publishing needs the warning acknowledged.
    await press(page, page.getByRole('button', { name: 'Publish now' }));
    await expect.poll(() => focusedText(page)).toMatch(/Tick “I understand” first/);
    await tabTo(page, page.getByLabel(/^I understand/));
    await page.keyboard.press('Space');
    await press(page, page.getByRole('button', { name: 'Publish now' }));
    await expect.poll(() => focusedText(page)).toMatch(/^“Database engine upgrade” published\./);
    const id = Number(new URL(page.url()).searchParams.get('id'));
    expect(id).toBeGreaterThan(0);
    // Managing it shows the same warning, from the stored announcement.
    await expect.poll(() => page.locator('[data-notice="short"]').count()).toBe(1);
    await screenshots(page, 'on-call-maintenance-manage');
    await axeClean(page, 'managing a maintenance');
    expect(errors).toEqual([]);

    await staticPageSays(`/maintenance/${id}/`, 'Database engine upgrade');
    // The page is complete without JavaScript (staticPageSays read its HTML); axe runs in it.
    const publicPage = await openPage(`/maintenance/${id}/`);
    await expect(publicPage.page.locator('h1').textContent()).resolves.toBe(
      'Database engine upgrade',
    );
    await expect(
      publicPage.page.locator('dl.facts dt:text-is("Affected") + dd').textContent(),
    ).resolves.toBe('Public API');
    await axeClean(publicPage.page, 'the public maintenance page');
    await screenshots(publicPage.page, 'on-call-public-maintenance');
    // The feed links to that page (on the configured public origin).
    await expect(feed()).resolves.toMatch(new RegExp(`<link [^>]*href="[^"]*/maintenance/${id}"`));
  }, 180_000);
});

describe('windows', () => {
  it('lets an admin preview a correction, see the customer and month it touches, and save it', async () => {
    const { page, errors } = await openPage('/staff/windows/');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: 'Windows', level: 1 }).waitFor();
    await choose(page, page.getByLabel('Service'), 'Public');
    await choose(page, page.getByLabel('Source'), 'Demo');
    await press(page, page.getByRole('button', { name: 'Show' }));
    await expect.poll(() => page.locator('main table tbody tr').count()).toBe(1);
    await press(page, page.getByRole('button', { name: /^Correct the Major outage window/ }));
    await expect
      .poll(() => focusedText(page))
      .toBe('Correct the Major outage window of Public API');
    await expect(page.getByLabel('From (UTC)', { exact: true }).inputValue()).resolves.toBe(
      februaryWindowStart.slice(0, 16).replace('T', ' '),
    );
    await typeInto(page, page.getByLabel('To (UTC)', { exact: true }), '2027-02-20 10:20');
    await typeInto(page, page.getByLabel('Reason'), 'The monitor lost its network at 10:20.');
    await press(page, page.getByRole('button', { name: 'Preview the correction' }));
    await expect.poll(() => focusedText(page)).toBe('What the correction touches');
    const touched = page.locator('.preview tbody tr');
    await expect(touched.allTextContents()).resolves.toEqual([
      expect.stringMatching(
        new RegExp(
          `^Acme Corp \\(agreement #\\d+\\)February 2027 \\(UTC\\).*1 h down.*20 min down.*Claim #${decidedClaimId} \\(approved\\): figures frozen$`,
        ),
      ),
      expect.stringMatching(
        /^Birch Bank \(agreement #\d+\)February 2027 \(Europe\/Berlin\).*No decided claim$/,
      ),
    ]);
    await expect(page.locator('.preview [role="alert"]').textContent()).resolves.toContain(
      'A decided claim covers this time.',
    );
    await screenshots(page, 'on-call-windows-correction');
    await axeClean(page, 'a correction preview');
    await press(page, page.getByRole('button', { name: 'Save the correction' }));
    await expect
      .poll(() => focusedText(page))
      .toMatch(/^Correction saved\. 2 months’ figures changed/);
    // The list is read again after the notice: wait for the row to show the corrected window.
    await expect.poll(() => page.locator('main table tbody tr').textContent()).toContain('20 min');
    expect(errors).toEqual([]);
  }, 120_000);

  it('offers agents no correction, and every on-call page passes axe at 1280 and 390 px', async () => {
    const { page, errors } = await openPage('/staff/windows/');
    await signIn(page, AGENT);
    await page.getByRole('heading', { name: 'Windows', level: 1 }).waitFor();
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: /^Correct/ }).count()).resolves.toBe(0);
    await screenshots(page, 'on-call-windows');
    await axeClean(page, 'windows');
    for (const [path, heading, name] of [
      ['/staff/incidents/', 'Incidents', 'on-call-incidents'],
      ['/staff/incidents/templates/', 'Update templates', 'on-call-templates'],
      ['/staff/maintenance/', 'Maintenance', 'on-call-maintenance'],
    ] as const) {
      await page.goto(`${site.origin}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      await axeClean(page, path);
      await screenshots(page, name);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
