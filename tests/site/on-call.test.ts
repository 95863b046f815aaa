import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../api/sla/instant.ts';
import { duration } from '../../site/lib/format.ts';
import {
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { createCustomer, createService, createUser } from '../helpers/factories.ts';
import { createAgreement, createPolicy, STANDARD_RULES } from '../helpers/sla-fixtures.ts';
import { appOn, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * Issue 10 in Debian's Chromium: an on-call agent (signed in through the API with a session
 * cookie; the console screens come later) holds a component in a major outage. The public
 * page shows it live, then in the rebuilt static page with the very same words, and the
 * customer's figure on /account/ counts exactly the held time.
 *
 * "Now" is the portal's: every instant asserted comes from what the portal recorded (the
 * incident window's start and end), never from this machine's date.
 */

const AGENT = { email: 'oncall@provider.example', password: 'on-call rota pager 7' };
const CUSTOMER = { email: 'ops@customer.example', password: 'customer portal pass 9' };
const INCIDENT_TITLE = 'Public API returns errors';

let site: SitePortal;
let session: BrowserSession;

const clock = siteClock();

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        const api = await createService(t, 'api', { monitoredSince: '2025-01-01T00:00:00Z' });
        await createService(t, 'web', { monitoredSince: '2025-01-01T00:00:00Z' });
        const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
        const customer = await createCustomer(t, 'Customer', 'UTC');
        await createAgreement(t, {
          customerId: customer.id,
          policyId: policy.id,
          start: '2025-01-01T00:00:00Z',
          timeZone: 'UTC',
          services: [{ serviceId: api.id, monthlyFeeMinor: 100_000 }],
        });
        await createUser(t, 'customer', { ...CUSTOMER, customerId: customer.id });
        await createUser(t, 'agent', AGENT);
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

/** The agent's session cookie, from POST /api/v1/auth/login. */
async function agentCookie(): Promise<string> {
  const response = await fetch(`${site.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site.origin },
    body: JSON.stringify(AGENT),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('portal_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie;
}

/** A call of the API as the agent; answers the JSON after checking the status. */
async function asAgent<T>(cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${site.origin}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: site.origin, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function openPage(path: string, javaScript = true) {
  const context = await session.context({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

const serviceState = (page: Page, name: string) =>
  page
    .locator('li.service', { has: page.getByRole('heading', { name, exact: true }) })
    .locator('.state');

const incidentCard = (page: Page) =>
  page.locator('section[aria-labelledby="active-incidents"] li.card', { hasText: INCIDENT_TITLE });

const normalised = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('an on-call person holds a component in a major outage', () => {
  it('shows on the public page, live and after the rebuild, and counts in the customer’s figure', async () => {
    const cookie = await agentCookie();
    const before = await openPage('/');
    await expect(serviceState(before.page, 'API').textContent()).resolves.toBe('Operational');

    const incident = await asAgent<{ id: number }>(cookie, 'POST', '/staff/incidents', {
      title: INCIDENT_TITLE,
      impact: 'major',
      status: 'investigating',
      components: [{ service: 'api', status: 'major_outage' }],
      body: 'Requests to the public API fail; we are investigating.',
    });

    // The live island picks it up from GET /status on its next poll (at once after a reload).
    await before.page.reload();
    await expect
      .poll(() => serviceState(before.page, 'API').textContent(), { timeout: 30_000 })
      .toMatch(/^Major outage since /);
    await expect(serviceState(before.page, 'WEB').textContent()).resolves.toBe('Operational');
    const liveCard = normalised(await incidentCard(before.page).textContent());
    expect(liveCard).toContain('Affects API (Major outage)');
    expect(before.errors).toEqual([]);

    // The rebuilt static page says the same, without JavaScript.
    await expect
      .poll(async () => (await fetch(`${site.origin}/`)).text(), { timeout: 90_000, interval: 500 })
      .toContain(INCIDENT_TITLE);
    const staticPage = await openPage('/', false);
    await expect(serviceState(staticPage.page, 'API').textContent()).resolves.toMatch(
      /^Major outage since /,
    );
    expect(normalised(await incidentCard(staticPage.page).textContent())).toBe(liveCard);
    const live = await openPage('/');
    await live.page.locator('.live[data-live="ok"]').waitFor();
    expect(normalised(await incidentCard(live.page).textContent())).toBe(liveCard);
    await live.page.screenshot({
      path: join(screenshotDir(), 'on-call-status.png'),
      fullPage: true,
    });
    const incidentPage = await openPage(`/incidents/${incident.id}/`, false);
    await expect(
      incidentPage.page.locator('dl.facts dt:text-is("Affected") + dd').textContent(),
    ).resolves.toMatch(/^\s*API \(Major outage\)\s*$/);
    await expect(
      incidentPage.page.locator('.timeline .update-components').first().textContent(),
    ).resolves.toBe('API: Major outage');
    await incidentPage.page.screenshot({
      path: join(screenshotDir(), 'on-call-incident.png'),
      fullPage: true,
    });

    // Resolving ends the hold; the portal recorded when it began and ended.
    await asAgent(cookie, 'POST', `/staff/incidents/${incident.id}/updates`, {
      status: 'resolved',
      body: 'Fixed; the API answers normally again.',
    });
    const windows = await asAgent<{
      items: {
        source: string;
        incidentId: number;
        author: { email: string } | null;
        start: string;
        end: string | null;
      }[];
    }>(cookie, 'GET', '/staff/windows?service=api');
    expect(windows.items).toHaveLength(1);
    const held = windows.items[0];
    if (!held?.end) throw new Error('the incident window is still open');
    expect(held).toMatchObject({
      source: 'incident',
      incidentId: incident.id,
      author: { email: AGENT.email },
    });
    const startMs = Date.parse(held.start);
    const endMs = Date.parse(held.end);
    const month = held.start.slice(0, 7);
    const day = held.start.slice(0, 10);
    const nextMonthMs = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1);
    // The agreement's months are UTC ones; a hold across midnight counts in each day.
    const monthHeldMs = Math.min(endMs, nextMonthMs) - startMs;
    const dayHeldMs = Math.min(endMs, Date.parse(`${day}T00:00:00Z`) + MS_PER_DAY) - startMs;

    // The customer signs in on /account/ and looks at that month.
    const account = await openPage(`/account/?month=${month}`);
    await account.page.getByLabel('Email', { exact: true }).fill(CUSTOMER.email);
    await account.page.getByLabel('Password', { exact: true }).fill(CUSTOMER.password);
    await account.page.getByRole('button', { name: 'Sign in' }).click();
    const card = account.page.locator('article.service-month', {
      has: account.page.getByRole('heading', { name: 'API', exact: true }),
    });
    await card.waitFor();
    await expect(card.locator('dt:text-is("Downtime counted") + dd').textContent()).resolves.toBe(
      duration(monthHeldMs),
    );
    const figures = await account.page.evaluate(async (period) => {
      const response = await fetch(`/api/v1/me/availability?period=${period}&days=true`);
      return (await response.json()) as {
        items: { downtimeMs: number; days?: { date: string; downtimeMs: number }[] }[];
      };
    }, month);
    expect(figures.items).toHaveLength(1);
    expect(figures.items[0]?.downtimeMs).toBe(monthHeldMs);
    expect(figures.items[0]?.days?.find((entry) => entry.date === day)?.downtimeMs).toBe(dayHeldMs);
    expect(account.errors).toEqual([]);
  }, 240_000);
});
