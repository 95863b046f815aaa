import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDemoHistory } from '../../db/seed/demo.ts';
import { POLL_INTERVAL_MS } from '../../site/islands/LiveStatus.tsx';
import { dayLabel } from '../../site/lib/format.ts';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { ingestIncident, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * The public status site in Debian's Chromium, built from the demo data set: the same facts
 * with JavaScript on and off, live updates from the API, keyboard access to the day bars,
 * no console errors under the strict CSP, no serious accessibility violation, screenshots.
 */

const DAY_MS = 86_400_000;
const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;

beforeAll(async () => {
  // Both at once (the build takes seconds); if one fails, the other is still closed after.
  const [portal, browser] = await Promise.allSettled([
    startSitePortal({ clock, demoBuild: true }),
    launchBrowser({ clock }),
  ]);
  if (portal.status === 'fulfilled') site = portal.value;
  if (browser.status === 'fulfilled') session = browser.value;
  for (const result of [portal, browser]) if (result.status === 'rejected') throw result.reason;
}, 240_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

/** Every UTC "HH:MM" from one instant to another: what a page may show for a moment between. */
function utcMinutes(fromMs: number, toMs: number): string[] {
  const minutes: string[] = [];
  for (let ms = Math.floor(fromMs / 60_000) * 60_000; ms <= toMs; ms += 60_000) {
    minutes.push(new Date(ms).toISOString().slice(11, 16));
  }
  return minutes;
}

/** What a visitor learns from `/`, as text: everything but the "as of" time. */
async function facts(page: Page) {
  return page.evaluate(() => {
    const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
    const all = (selector: string) => [...document.querySelectorAll(selector)].map(text);
    return {
      banner: text(document.querySelector('#overall')),
      services: [...document.querySelectorAll('.service')].map((service) => ({
        name: text(service.querySelector('.service-name')),
        state: text(service.querySelector('.state')),
        uptime: text(service.querySelector('.uptime-figures')),
        days: [...service.querySelectorAll('.day')].map(
          (day) => `${day.getAttribute('aria-label')} | ${text(day)}`,
        ),
      })),
      cards: all('.card'),
      groups: all('.group h3'),
      legend: text(document.querySelector('.legend-keys')),
    };
  });
}

async function openPage(
  path: string,
  options: {
    javaScript?: boolean;
    width?: number;
    scheme?: 'light' | 'dark';
    /** Runs before the page loads (listeners; the page's clock is the portal's already). */
    before?: (page: Page) => Promise<void> | void;
  } = {},
) {
  const context = await session.context({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  await options.before?.(page);
  const response = await page.goto(`${site.origin}${path}`);
  return { page, errors, response };
}

describe('the status page', () => {
  it('shows the same facts with JavaScript on and off', async () => {
    const off = await openPage('/', { javaScript: false });
    const on = await openPage('/');
    // The island has hydrated and fetched the live status once.
    await on.page.locator('.live[data-live="ok"]').waitFor();
    const [withoutJs, withJs] = await Promise.all([facts(off.page), facts(on.page)]);
    expect(withoutJs.services.length).toBe(8);
    expect(withoutJs.banner).toBe('Some systems degraded');
    expect(withoutJs.services.find((service) => service.name === 'Object storage')?.state).toMatch(
      /^Degraded performance since \d+ \w+ \d{4}, \d\d:\d\d UTC$/,
    );
    expect(withoutJs.services[0]?.days).toHaveLength(90);
    expect(withoutJs.services[0]?.uptime).toMatch(
      /^Uptime: \d+\.\d{3} % over 30 days, \d+\.\d{3} % over 90 days$/,
    );
    expect(withoutJs.cards.some((card) => card?.includes('Slow uploads to object storage'))).toBe(
      true,
    );
    expect(withJs).toEqual(withoutJs);
    expect([...off.errors, ...on.errors]).toEqual([]);
  });

  it('says "no data" for the days before monitoring began, never up', async () => {
    const { page } = await openPage('/', { javaScript: false });
    // Built at the portal's time (after the seed), whatever the machine's date.
    const asOf = /as of (\d\d:\d\d) UTC/.exec((await page.locator('.as-of').textContent()) ?? '');
    expect(utcMinutes(site.seededAtMs, clock.now())).toContain(asOf?.[1]);
    // The demo starts monitoring the message queue inside the 90-day bar, at a UTC midnight.
    const sinceMs = planDemoHistory(site.seededAtMs).monitoredSince('queue');
    const days = page.locator('.service', { hasText: 'Message queue' }).locator('.day');
    const cells = await days.evaluateAll((items) =>
      items.map((item) => ({ class: item.className, label: item.getAttribute('aria-label') })),
    );
    expect(cells).toHaveLength(90);
    const firstDayMs = Math.floor(site.seededAtMs / DAY_MS) * DAY_MS - 89 * DAY_MS;
    const unmonitored = (sinceMs - firstDayMs) / DAY_MS;
    expect(unmonitored).toBeGreaterThanOrEqual(1);
    for (const cell of cells.slice(0, unmonitored)) {
      expect(cell.class).toContain('day-none');
      expect(cell.label).toContain('No data');
    }
    const first = cells[unmonitored];
    expect(first?.label).toContain(dayLabel(new Date(sinceMs).toISOString().slice(0, 10)));
    expect(first?.class).not.toContain('day-none');
    expect(cells.slice(unmonitored).some((cell) => cell.class.includes('day-none'))).toBe(false);
  });

  it('sends a strict CSP, and everything on the page runs under it', async () => {
    const { page, errors, response } = await openPage('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // The inline scripts ran (their hashes are allowed): hint shown, bars enhanced, hydrated.
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await expect(page.locator('.js-hint').isVisible()).resolves.toBe(true);
    // Bars are enhanced one per idle moment: all eight, soon.
    await page.waitForFunction(() => document.querySelectorAll('.bar[data-enhanced]').length === 8);
    expect(errors).toEqual([]);
  });

  it('shows an incident ingested through the API without a reload', async () => {
    const statuses: number[] = [];
    const sentTags: (string | undefined)[] = [];
    const { page, errors } = await openPage('/', {
      before: (page) => {
        page.on('request', (request) => {
          if (request.url().endsWith('/api/v1/status')) {
            sentTags.push(request.headers()['if-none-match']);
          }
        });
        page.on('response', (response) => {
          if (response.url().endsWith('/api/v1/status')) statuses.push(response.status());
        });
      },
    });
    await page.locator('.live[data-live="ok"]').waitFor();
    expect(statuses).toEqual([200]);

    // Nothing changed: the next poll is conditional and answered 304.
    await page.clock.fastForward(POLL_INTERVAL_MS);
    await expect.poll(() => statuses.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(statuses[1]).toBe(304);
    expect(sentTags[1]).toMatch(/^W\/"/);

    const incident = await ingestIncident(site, {
      externalId: 'site-test:live',
      title: 'Payments API returning errors',
      services: ['api'],
    });
    const link = page
      .locator('#active-incidents + .cards')
      .getByRole('link', { name: 'Payments API returning errors' });
    // The next poll shows it (a poll still in flight is not doubled: move time until one is).
    await expect
      .poll(
        async () => {
          await page.clock.fastForward(POLL_INTERVAL_MS);
          return link.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    await expect(link.getAttribute('href')).resolves.toBe(`/incidents/${incident.id}/`);
    expect(errors).toEqual([]);
  });

  it('pauses while the tab is hidden and catches up when it is shown', async () => {
    let requests = 0;
    const { page } = await openPage('/', {
      before: (page) => {
        page.on('request', (request) => {
          if (request.url().endsWith('/api/v1/status')) requests += 1;
        });
      },
    });
    // The first poll has been answered and handled.
    await page.locator('.live[data-live="ok"]').waitFor();
    expect(requests).toBe(1);
    await page.evaluate(() =>
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }),
    );
    await page.clock.fastForward(POLL_INTERVAL_MS * 3);
    // A round trip of the page's own, not a sleep: the browser reports its requests in the
    // order it sends them, so a poll sent before this fetch would already be counted.
    await page.evaluate(() => fetch('/healthz').then((response) => response.text()));
    expect(requests).toBe(1);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => requests, { timeout: 10_000 }).toBe(2);
  });

  it('says since when live updates are unavailable', async () => {
    const { page, errors } = await openPage('/');
    await page.locator('.live[data-live="ok"]').waitFor();
    await page.route('**/api/v1/status', (route) => route.abort('connectionrefused'));
    const fromMs = clock.now();
    await page.clock.fastForward(POLL_INTERVAL_MS);
    // The header's time-zone statement is a status too.
    const note = page.getByRole('status').filter({ hasText: 'Live updates' });
    await note.waitFor({ timeout: 10_000 });
    await expect(note.textContent()).resolves.toMatch(
      /^Live updates unavailable since \d\d:\d\d UTC; showing the status as of/,
    );
    // The page tells the portal's time (the browser is pinned to it), one poll later.
    const since = /since (\d\d:\d\d) UTC/.exec((await note.textContent()) ?? '')?.[1];
    expect(utcMinutes(fromMs, clock.now() + POLL_INTERVAL_MS)).toContain(since);
    // The browser reports the refused request itself; nothing else may fail.
    expect(errors.filter((error) => !error.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});

describe('the day bars', () => {
  async function tabToFirstDay(page: Page) {
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('day'))) return;
    }
    throw new Error('no day of a bar was reached with Tab');
  }

  /**
   * The details the focused day shows: its .tip element (a day with incidents) or the text
   * CSS draws after an empty day (`content: attr(…)`), with the width it is displayed at.
   */
  const tipOfFocusedDay = (page: Page) =>
    page.evaluate(() => {
      const day = document.activeElement;
      if (!day) return { text: undefined, width: 0 };
      const tip = day.querySelector<HTMLElement>('.tip');
      if (tip) {
        const box = tip.getBoundingClientRect();
        return { text: tip.textContent?.replace(/\s+/g, ' ').trim(), width: box.width };
      }
      const after = getComputedStyle(day, '::after');
      if (after.display === 'none' || after.content === 'none')
        return { text: undefined, width: 0 };
      const drawn = /^attr\(([\w-]+)\)$/.exec(after.content);
      const text = drawn ? day.getAttribute(drawn[1] ?? '') : JSON.parse(after.content);
      return {
        text: String(text).replace(/\s+/g, ' ').trim(),
        width: Number.parseFloat(after.width) || 0,
      };
    });

  it("show a day's date, downtime and incidents on keyboard focus, without JavaScript", async () => {
    const { page } = await openPage('/', { javaScript: false });
    await tabToFirstDay(page);
    const tip = await tipOfFocusedDay(page);
    expect(tip.width).toBeGreaterThan(150);
    expect(tip.text).toMatch(/^\w{3} \d+ \w{3} \d{4}[: ]/);
    expect(tip.text).toMatch(/downtime|No data/);
  });

  it('are one tab stop each with JavaScript; arrow keys walk the days, Escape hides', async () => {
    const { page } = await openPage('/');
    await page.waitForFunction(() => document.querySelectorAll('.bar[data-enhanced]').length === 8);
    await tabToFirstDay(page);
    const today = await tipOfFocusedDay(page);
    expect(today.text).toContain('(today so far)');
    await page.keyboard.press('ArrowLeft');
    const yesterday = await tipOfFocusedDay(page);
    expect(yesterday.width).toBeGreaterThan(150);
    expect(yesterday.text).not.toContain('today');
    await page.keyboard.press('Escape');
    await expect(tipOfFocusedDay(page)).resolves.toMatchObject({ width: 0 });
    // Tab leaves the bar for the next one: a single stop per bar.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const active = document.activeElement;
      const bars = [...document.querySelectorAll('.bar')];
      return {
        isDay: active?.classList.contains('day'),
        bar: bars.indexOf(active?.closest('.bar') as Element),
      };
    });
    expect(next).toEqual({ isDay: true, bar: 1 });
  });

  it("show a day's details whole, below its row's edge, in a row rendered only when near", async () => {
    const { page } = await openPage('/', { javaScript: false });
    // The last service with a day of incidents: its details hold links, and hang below the row.
    const day = page
      .locator('.service')
      .filter({ has: page.locator('.tip') })
      .last()
      .locator('.day:has(.tip)')
      .last();
    await day.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await day.focus();
    const tip = await day.locator('.tip').boundingBox();
    const row = await day.locator('xpath=ancestor::li[contains(@class, "service")]').boundingBox();
    if (!tip || !row) throw new Error('no details shown');
    expect(tip.y + tip.height).toBeGreaterThan(row.y + row.height);
    // What is drawn at the details' bottom edge is the details, not the next row: not clipped.
    const hit = await page.evaluate(
      ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('.tip')),
      { x: tip.x + tip.width / 2, y: tip.y + tip.height - 4 },
    );
    expect(hit).toBe(true);
  });

  it('show the details of a tapped day on a phone', async () => {
    const context = await session.context({ viewport: { width: 375, height: 800 }, mobile: true });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    // A phone shows the last 30 days (the earlier ones are `.early`, not displayed).
    const day = page
      .locator('.service', { hasText: 'Public API' })
      .locator('.day-major:not(.early)')
      .first();
    await day.tap();
    const box = await day.locator('.tip').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(250);
    await expect(day.locator('.tip').textContent()).resolves.toMatch(
      /Major disruption: .+ of downtime/,
    );
    await context.close();
  });
});

describe('every public page', () => {
  async function publicPaths(): Promise<string[]> {
    // The oldest incident of the first page: built with the site (the tests add newer ones).
    const status = await (await fetch(`${site.origin}/api/v1/incidents?limit=5`)).json();
    const month = new Date(clock.now()).toISOString().slice(0, 7);
    return [
      '/',
      '/history/',
      `/history/${month}/`,
      `/incidents/${status.items.at(-1).id}/`,
      '/maintenance/',
      '/no-such-page/',
    ];
  }

  // Every axe rule in the light scheme; in the dark one, what the colours decide (contrast).
  it('has a title, lang, the favicon, the feed link, no console error, no serious axe violation', async () => {
    for (const path of await publicPaths()) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, errors, response } = await openPage(path, { scheme });
        expect(response?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
        if (scheme === 'light') {
          await expect(page.title()).resolves.toMatch(/Service status$/);
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
          await expect(page.locator('link[rel=icon]').getAttribute('href')).resolves.toBe(
            '/favicon.svg',
          );
          await expect(
            page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href'),
          ).resolves.toBe('/api/v1/feed.atom');
          await expect(
            page.locator('a[href="/api/v1/feed.atom"]').first().isVisible(),
          ).resolves.toBe(true);
        }
        const rules = scheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined;
        const serious = (await axeViolations(page, { rules })).filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        expect(serious, `${path} (${scheme})`).toEqual([]);
        // A 404 page is reported by the browser itself as a failed resource; nothing else.
        expect(
          errors.filter((error) => !error.includes('404 (Not Found)')),
          path,
        ).toEqual([]);
        await page.context().close();
      }
    }
  }, 120_000);

  // Every page in both widths and both schemes once; `/` in all four combinations.
  it('fits from 320 px, and is screenshotted at 1280 and 375 px, light and dark', async () => {
    const dir = screenshotDir();
    const paths = await publicPaths();
    const shots: [width: number, scheme: 'light' | 'dark', paths: string[]][] = [
      [1280, 'light', paths],
      [375, 'dark', paths],
      [1280, 'dark', ['/']],
      [375, 'light', ['/']],
      [320, 'light', paths.slice(0, 4)],
    ];
    const written: string[] = [];
    for (const [width, scheme, shown] of shots) {
      const { page } = await openPage('/', { width, scheme });
      for (const path of shown) {
        await page.goto(`${site.origin}${path}`);
        // Nothing may overflow sideways, from 320 px up.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width} px`).toBe(0);
        if (width === 320) continue;
        const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'status';
        const name = `${slug}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(dir, name), fullPage: true });
        written.push(name);
      }
      await page.context().close();
    }
    writeFileSync(join(dir, 'index.txt'), `${written.join('\n')}\n`);
    console.log(`Screenshots of the status site: ${dir}`);
  }, 120_000);
});
