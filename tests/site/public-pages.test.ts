// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText() is what a visitor reads (hidden parts left out, blocks apart), the point of these tests
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserSession,
  type ContextOptions,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * What a visitor reads on the public pages, in Debian's Chromium on the demo data: the days
 * of the bars on a phone (true labels, targets big enough to tap), times in the visitor's
 * own zone with a switch back to UTC that works from the keyboard, the history filtered by
 * component and searched, component descriptions, and the copy fixed.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;

interface Incident {
  id: number;
  title: string;
  startedAt: string;
  services: string[];
  latestUpdate: { body: string } | null;
}
const incidents: Incident[] = [];

beforeAll(async () => {
  const [portal, browser] = await Promise.allSettled([
    // Only reads: the run's demo build (tests/site/demo-site.ts) is the demo data set as it
    // would seed and build here, so one build serves this file and the others.
    startSitePortal({ clock, demoBuild: true }),
    launchBrowser({ clock }),
  ]);
  if (portal.status === 'fulfilled') site = portal.value;
  if (browser.status === 'fulfilled') session = browser.value;
  for (const result of [portal, browser]) if (result.status === 'rejected') throw result.reason;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = (await (
      await fetch(`${site.origin}/api/v1/incidents?limit=100${query}`)
    ).json()) as {
      items: Incident[];
      nextCursor: string | null;
    };
    incidents.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

async function openPage(path: string, options: ContextOptions = {}) {
  const context = await session.context(options);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

const PHONE: ContextOptions = { viewport: { width: 390, height: 844 }, mobile: true };

/** `Fri 26 Feb` for a UTC calendar date, worked out here rather than by the site's code. */
function shortDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** The UTC date (YYYY-MM-DD) a day's accessible name starts with (`Fri 26 Feb 2027: …`). */
function isoOfDayLabel(label: string | null): string {
  const [, day = '', month = '', year = ''] =
    /^\w{3} (\d+) (\w{3}) (\d{4})/.exec(label ?? '') ?? [];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(MONTHS.indexOf(month) + 1)}-${pad(Number(day))}`;
}

/** `28 Feb 2027, 19:30`: an instant moved by a fixed offset, written out by hand. */
function shifted(at: string, offsetHours: number): string {
  const date = new Date(Date.parse(at) + offsetHours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}`;
}

describe('the day bars on a 390 px phone', () => {
  it('show the last 30 days in rows of 10, each row headed by its true dates', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const todayIso = new Date(clock.now()).toISOString().slice(0, 10);
    const bars = await page.locator('.bar').evaluateAll((items) =>
      items.map((bar) => {
        const shown = (element: Element) => element.getClientRects().length > 0;
        const rows: { head: string[]; dates: string[] }[] = [];
        for (const item of bar.children) {
          if (!shown(item)) continue;
          if (item.classList.contains('row-head')) {
            rows.push({
              head: [...item.children].map((span) => span.textContent ?? ''),
              dates: [],
            });
          } else {
            rows.at(-1)?.dates.push(item.getAttribute('aria-label') ?? '');
          }
        }
        return rows;
      }),
    );
    expect(bars).toHaveLength(8);
    for (const labelled of bars) {
      const rows = labelled.map((row) => ({ ...row, dates: row.dates.map(isoOfDayLabel) }));
      expect(rows).toHaveLength(3);
      const dates = rows.flatMap((row) => row.dates);
      expect(dates).toHaveLength(30);
      // The last 30 UTC days, oldest first, ending today.
      expect(dates.at(-1)).toBe(todayIso);
      expect(dates[0]).toBe(
        new Date(Date.parse(todayIso) - 29 * DAY_MS).toISOString().slice(0, 10),
      );
      for (const [index, row] of rows.entries()) {
        expect(row.dates).toHaveLength(10);
        const first = row.dates[0] ?? '';
        const last = row.dates.at(-1) ?? '';
        expect(row.head).toEqual([
          shortDay(first),
          index === rows.length - 1 ? 'today' : shortDay(last),
        ]);
      }
    }
    // What the legend says is what is shown (as displayed: the words for wide screens are not).
    await expect(page.locator('.legend p').first().innerText()).resolves.toMatch(
      /^Each bar shows the last 30 days, in rows of 10/,
    );
    expect(errors).toEqual([]);
  });

  it('make every day a target of at least 24 × 24 px, and the arrow keys walk only those', async () => {
    // A New York browser: the zone switch is shown (a UTC one has nothing to switch).
    const { page } = await openPage('/', { ...PHONE, timezoneId: 'America/New_York' });
    const sizes = await page.locator('.day').evaluateAll((days) =>
      days
        .filter((day) => day.getClientRects().length > 0)
        .map((day) => day.getBoundingClientRect())
        .map((box) => ({ width: box.width, height: box.height })),
    );
    expect(sizes).toHaveLength(8 * 30);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThanOrEqual(24);
      expect(size.height).toBeGreaterThanOrEqual(24);
    }
    const button = await page.locator('.zone-switch').boundingBox();
    expect(button?.height ?? 0).toBeGreaterThanOrEqual(24);

    await page.waitForFunction(() => document.querySelectorAll('.bar[data-enhanced]').length === 8);
    await page.locator('.bar').first().locator('.day').last().focus();
    await page.keyboard.press('Home');
    const first = isoOfDayLabel(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    );
    const todayMs = Math.floor(clock.now() / DAY_MS) * DAY_MS;
    expect(first).toBe(new Date(todayMs - 29 * DAY_MS).toISOString().slice(0, 10));
    await page.keyboard.press('ArrowLeft');
    const still = isoOfDayLabel(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    );
    expect(still).toBe(first);
  });

  it('has no axe violation at all, at 390 px, light and dark, the zone switch shown', async () => {
    const paths = ['/', '/history/all/', '/history/components/database/', '/maintenance/'];
    for (const path of paths) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await session.context({ ...PHONE, timezoneId: 'America/New_York' });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${site.origin}${path}`);
        await page.locator('.zone-switch').waitFor();
        expect(await axeViolations(page), `${path} (${scheme})`).toEqual([]);
        await context.close();
      }
    }
  }, 120_000);
});

describe("times in the visitor's zone", () => {
  // Demo incidents between the changes of New York's clocks: UTC−5 throughout.
  const inWinter = () => {
    const found = incidents.find(
      (incident) =>
        incident.startedAt > '2026-11-02T00:00:00Z' && incident.startedAt < '2027-03-14T00:00:00Z',
    );
    if (!found) throw new Error('the demo has no incident in the northern winter');
    return found;
  };

  it('are UTC in the static HTML; a New York browser without JavaScript still reads UTC', async () => {
    const incident = inWinter();
    const { page } = await openPage(`/incidents/${incident.id}/`, {
      javaScriptEnabled: false,
      timezoneId: 'America/New_York',
    });
    const started = page.locator('.facts dd').nth(1);
    await expect(started.innerText()).resolves.toBe(`${shifted(incident.startedAt, 0)} UTC`);
    await expect(page.locator('.site-footer .zone-note').innerText()).resolves.toBe(
      'All times are UTC.',
    );
    // The bar says so too (tests/site/zone-bar.test.ts: showing the switch moves nothing); the
    // switch is neither shown nor reachable: not a button, not focusable.
    await expect(page.locator('[data-zone-bar]').innerText()).resolves.toBe('All times are UTC.');
    await expect(page.getByRole('button', { name: /^Show times/ }).count()).resolves.toBe(0);
    const focused = await page
      .locator('[data-zone-bar] button')
      .evaluate((button: HTMLButtonElement) => {
        button.focus();
        return document.activeElement === button;
      });
    expect(focused).toBe(false);
    const withScript = await openPage(`/incidents/${incident.id}/`, {
      timezoneId: 'America/New_York',
    });
    await withScript.page.getByRole('button', { name: 'Show times in UTC' }).waitFor();
    const mainTop = (target: Page) =>
      target.locator('#main').evaluate((main) => main.getBoundingClientRect().top);
    await expect(mainTop(page)).resolves.toBe(await mainTop(withScript.page));
  });

  it("show New York's time, labelled with its offset, with a switch to UTC worked by keyboard", async () => {
    const incident = inWinter();
    const { page, errors } = await openPage(`/incidents/${incident.id}/`, {
      timezoneId: 'America/New_York',
    });
    const started = page.locator('.facts dd').nth(1);
    const local = `${shifted(incident.startedAt, -5)} UTC\u22125`;
    const utc = `${shifted(incident.startedAt, 0)} UTC`;
    await expect.poll(() => started.innerText()).toBe(local);
    await expect(page.locator('[data-zone-shown]').innerText()).resolves.toBe(
      'Times are in your time zone, America/New_York (UTC\u22125).',
    );
    await expect(page.locator('.site-footer .zone-note').innerText()).resolves.toBe(
      'Times are in your time zone, America/New_York (UTC\u22125).',
    );

    // Keyboard only: from the top of the page, Tab reaches the switch; Enter, then Space.
    const button = page.getByRole('button', { name: 'Show times in UTC' });
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press('Tab');
      if (await button.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(button.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.press('Enter');
    await expect(started.innerText()).resolves.toBe(utc);
    await expect(page.locator('[data-zone-shown]').innerText()).resolves.toBe('All times are UTC.');
    const back = page.getByRole('button', {
      name: 'Show times in your time zone (America/New_York)',
    });
    // The same button, still focused, now offers the way back.
    await expect(back.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );

    // The choice holds on the next page.
    await page.goto(`${site.origin}/history/all/`);
    const card = page.locator('.card', { hasText: incident.title }).first().locator('time').first();
    await expect(card.innerText()).resolves.toBe(utc);
    await page.locator('.zone-switch').focus();
    await page.keyboard.press('Space');
    await expect(card.innerText()).resolves.toBe(local);
    expect(errors).toEqual([]);
  });

  it("show the live status page's times in the zone too, and say the bars count UTC days", async () => {
    const { page, errors } = await openPage('/', { timezoneId: 'America/New_York' });
    await page.locator('.live[data-live="ok"]').waitFor();
    // 2027-03-01 00:30 UTC is 19:30 on 28 Feb in New York.
    const asOf = await page.locator('.as-of').innerText();
    expect(asOf).toMatch(/^Status as of 19:3\d UTC\u22125$/);
    const since = await page.locator('.state .since').first().innerText();
    expect(since).toMatch(/UTC\u22125$/);
    await expect(page.locator('.site-footer .zone-note').innerText()).resolves.toBe(
      'Times are in your time zone, America/New_York (UTC\u22125). The 90-day bars and uptime figures count UTC days.',
    );
    await page.locator('.zone-switch').click();
    await expect
      .poll(() => page.locator('.as-of').innerText())
      .toMatch(/^Status as of 00:3\d UTC$/);
    expect(errors).toEqual([]);
  });

  it('offer no switch to a visitor whose zone is UTC', async () => {
    const { page } = await openPage('/maintenance/');
    await page.locator('[data-zone-bar]').waitFor();
    await expect(page.locator('[data-zone-shown]').innerText()).resolves.toBe(
      'All times are UTC, your time zone.',
    );
    await expect(page.locator('.zone-switch').isVisible()).resolves.toBe(false);
  });
});

describe('the incident history', () => {
  const visibleTitles = (page: Page) =>
    page
      .locator('.history-list .card')
      .evaluateAll((cards) =>
        cards
          .filter((card) => card.getClientRects().length > 0)
          .map((card) => card.querySelector('a')?.textContent?.trim() ?? ''),
      );

  it('lists every incident without JavaScript, the filter hidden', async () => {
    const { page } = await openPage('/history/all/', { javaScriptEnabled: false });
    await expect(visibleTitles(page)).resolves.toEqual(incidents.map((incident) => incident.title));
    await expect(page.locator('[data-history-filter]').isVisible()).resolves.toBe(false);
  });

  it('filters by component and searches the words, keeping the choice in the address', async () => {
    const { page, errors } = await openPage('/history/all/');
    await page.locator('[data-history-filter]').waitFor();
    await page.getByLabel('Component').selectOption('database');
    const ofDatabase = incidents.filter((incident) => incident.services.includes('database'));
    expect(ofDatabase.length).toBeGreaterThan(1);
    expect(ofDatabase.length).toBeLessThan(incidents.length);
    await expect(visibleTitles(page)).resolves.toEqual(
      ofDatabase.map((incident) => incident.title),
    );
    await expect(page.locator('.filter-count').innerText()).resolves.toBe(
      `${ofDatabase.length} of ${incidents.length} incidents shown.`,
    );

    // A word of one title (any case) that names no component (a card names those), typed:
    // only the incidents of the component with it in their title or latest update.
    const status = (await (await fetch(`${site.origin}/api/v1/status`)).json()) as {
      services: { name: string }[];
    };
    const names = status.services.map((service) => service.name.toLowerCase()).join(' ');
    const word = ofDatabase
      .flatMap((incident) => incident.title.split(' '))
      .find((part) => part.length > 4 && !names.includes(part.toLowerCase()));
    if (word === undefined) throw new Error('no title word of the database incidents to search');
    const expected = ofDatabase.filter((incident) =>
      `${incident.title} ${incident.latestUpdate?.body ?? ''}`
        .toLowerCase()
        .includes(word.toLowerCase()),
    );
    await page.getByLabel('Search the incidents').pressSequentially(word.toUpperCase());
    await expect(visibleTitles(page)).resolves.toEqual(expected.map((incident) => incident.title));
    expect(new URL(page.url()).searchParams.get('component')).toBe('database');
    expect(new URL(page.url()).searchParams.get('q')).toBe(word.toUpperCase());

    // A shared address opens filtered.
    await page.reload();
    await expect(page.getByLabel('Component').inputValue()).resolves.toBe('database');
    await expect(visibleTitles(page)).resolves.toEqual(expected.map((incident) => incident.title));

    await page.getByLabel('Search the incidents').fill('no incident says zyxwv');
    await expect(page.locator('.filter-count').innerText()).resolves.toBe('No incident matches.');
    await expect(page.locator('.history-group:visible').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it("has a page per component listing exactly that component's incidents", async () => {
    const { page } = await openPage('/history/', { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Managed PostgreSQL' }).click();
    expect(new URL(page.url()).pathname).toBe('/history/components/database/');
    await expect(page.locator('h1').innerText()).resolves.toBe('Incidents: Managed PostgreSQL');
    await expect(visibleTitles(page)).resolves.toEqual(
      incidents
        .filter((incident) => incident.services.includes('database'))
        .map((incident) => incident.title),
    );
  });
});

describe('the words of the public pages', () => {
  it('describe each component under its name', async () => {
    const { page } = await openPage('/', { javaScriptEnabled: false });
    const postgres = page.locator('.service', { hasText: 'Managed PostgreSQL' });
    await expect(postgres.locator('.service-description').innerText()).resolves.toBe(
      'Primary clusters',
    );
  });

  it('keep the footer sentences and the no-JavaScript notice apart', async () => {
    const { page } = await openPage('/', { javaScriptEnabled: false });
    const footer = (await page.locator('.site-footer').innerText()).replace(/\s+/g, ' ');
    expect(footer).toMatch(/^All times are UTC\. Subscribe to updates \(email or Atom feed\)/);
    const account = await openPage('/account/', { javaScriptEnabled: false });
    const notice = (await account.page.locator('.noscript').innerText()).replace(/\s+/g, ' ');
    expect(notice).toContain('The public status page and its history work without it.');
  });
});

describe('screenshots', () => {
  it('at 1280 and 390 px, in New York time', async () => {
    const dir = screenshotDir();
    const incident = incidents[0] as Incident;
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      const options: ContextOptions = {
        viewport: { width, height },
        mobile: width < 500,
        timezoneId: 'America/New_York',
      };
      for (const path of ['/', '/history/all/', `/incidents/${incident.id}/`]) {
        const { page } = await openPage(path, options);
        await page.locator('[data-zone-bar]').waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width} px`).toBe(0);
        const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'status';
        await page.screenshot({ path: join(dir, `public-${slug}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
  }, 120_000);
});
