// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText() is what a visitor reads (hidden parts left out), the point of these tests
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  screenshotDir,
} from '../helpers/browser.ts';
import { type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * The public pages' time-zone bar in Debian's Chromium: showing it (the script writing the
 * visitor's zone, or UTC) moves nothing below it, at 320, 390 and 1280 px and for long zone
 * names; it stays one readable line, reachable by keyboard; without JavaScript it says the
 * pages are in UTC rather than leaving a gap (ADR 215).
 */

const clock = siteClock();
let site: SitePortal;
let session: BrowserSession;

beforeAll(async () => {
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

const WIDTHS = [320, 390, 1280] as const;

interface Visitor {
  timezoneId: string;
  /** The visitor chose UTC on an earlier page (remembered in localStorage). */
  choseUtc?: boolean;
}

async function openPage(width: number, visitor: Visitor & { javaScript?: boolean }) {
  const context = await session.context({
    javaScriptEnabled: visitor.javaScript ?? true,
    viewport: { width, height: 900 },
    mobile: width < 600,
    timezoneId: visitor.timezoneId,
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.addInitScript((choseUtc: boolean) => {
    if (choseUtc) window.localStorage.setItem('portal.times', 'utc');
    // Every element moved up or down since the first paint (a layout shift's sources, as
    // Lighthouse counts them); times rewritten in place move text sideways only.
    const moves: { what: string; fromTop: number }[] = [];
    Object.assign(window, { verticalMoves: moves });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { sources } = entry as unknown as {
          sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        };
        for (const { node, previousRect, currentRect } of sources) {
          if (previousRect.top === currentRect.top) continue;
          const element = node instanceof Element ? node : node?.parentElement;
          moves.push({
            what: `${element?.tagName}.${element?.className}`,
            fromTop: previousRect.top,
          });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, visitor.choseUtc ?? false);
  await page.goto(`${site.origin}/`);
  if (visitor.javaScript ?? true) {
    // The script has written the bar (both wordings, one displayed by width).
    await page.locator('[data-zone-shown] .zone-long').waitFor({ state: 'attached' });
  }
  return { page, errors, context };
}

/** Where the bar and what follows it are, and whether the bar's words fit on their line. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const found = document.querySelector(selector)?.getBoundingClientRect();
      return found ? { top: found.top, bottom: found.bottom, height: found.height } : null;
    };
    const bar = document.querySelector('[data-zone-bar]');
    const statement = document.querySelector<HTMLElement>('[data-zone-shown]');
    const button = document.querySelector<HTMLElement>('.zone-switch');
    const barRight = bar?.getBoundingClientRect().right ?? 0;
    return {
      bar: box('[data-zone-bar]'),
      main: box('#main'),
      banner: box('#overall'),
      statementTruncated: statement ? statement.scrollWidth > statement.clientWidth : true,
      // Within the bar, and the bar within the page's width (a phone widens its layout
      // viewport, innerWidth with it, when something overflows; clientWidth stays).
      buttonInside: button ? button.getBoundingClientRect().right <= barRight + 0.5 : true,
      barInside: barRight <= document.documentElement.clientWidth - 16,
      pageScrollsSideways:
        document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

/**
 * What moved up or down from above `bottom`: the bar, and the banner under it. (The live
 * island's cards, further down, may grow when their times are rewritten; that is theirs.)
 */
const movesAbove = async (page: Page, bottom: number) =>
  (
    await page.evaluate(
      () =>
        (window as unknown as { verticalMoves: { what: string; fromTop: number }[] }).verticalMoves,
    )
  ).filter((move) => move.fromTop < bottom);

const barText = (page: Page) => page.locator('[data-zone-bar]').innerText();

describe('the time-zone bar, shown by the script', () => {
  const visitors: (Visitor & { says: RegExp; offers: RegExp })[] = [
    {
      timezoneId: 'America/New_York',
      says: /^(Times are in your time zone, America\/New_York \(UTC−5\)\.|Your zone, UTC−5)$/,
      offers: /^Show (times in )?UTC$/,
    },
    {
      timezoneId: 'Pacific/Chatham',
      says: /^(Times are in your time zone, Pacific\/Chatham \(UTC\+13:45\)\.|Your zone, UTC\+13:45)$/,
      offers: /^Show (times in )?UTC$/,
    },
    {
      timezoneId: 'America/Argentina/ComodRivadavia',
      says: /^(Times are in your time zone, America\/[\w/]+ \(UTC−3\)\.|Your zone, UTC−3)$/,
      offers: /^Show (times in )?UTC$/,
    },
    {
      timezoneId: 'America/Argentina/ComodRivadavia',
      choseUtc: true,
      says: /^All times are UTC\.$/,
      offers: /^(Show times in your time zone \(America\/[\w/]+\)|Show your zone)$/,
    },
    { timezoneId: 'UTC', says: /^All times are UTC, your time zone\.$/, offers: /^$/ },
  ];

  for (const width of WIDTHS) {
    it(`moves nothing below it at ${width} px, in every zone and state, on one readable line`, async () => {
      const without = await openPage(width, { timezoneId: 'UTC', javaScript: false });
      const still = await layout(without.page);
      // One line, as tall as the switch (1.75rem), before the script and after.
      expect(still.bar?.height).toBe(28);
      for (const visitor of visitors) {
        const name = `${visitor.timezoneId}${visitor.choseUtc ? ', UTC chosen' : ''}`;
        const { page, errors, context } = await openPage(width, visitor);
        const shown = await layout(page);
        // The bar keeps the box it had before the script, and so does everything below it.
        expect(shown.bar, name).toEqual(still.bar);
        expect(shown.main?.top, name).toEqual(still.main?.top);
        expect(shown.banner, name).toEqual(still.banner);
        expect(await movesAbove(page, still.banner?.bottom ?? 0), name).toEqual([]);
        // Readable: the words whole on one line, the switch within the page.
        expect(shown.statementTruncated, name).toBe(false);
        expect(shown.buttonInside, name).toBe(true);
        expect(shown.barInside, name).toBe(true);
        expect(shown.pageScrollsSideways, name).toBe(false);
        await expect(page.locator('[data-zone-shown]').innerText()).resolves.toMatch(visitor.says);
        const button = page.locator('.zone-switch');
        const offered = (await button.isVisible()) ? await button.innerText() : '';
        expect(offered, name).toMatch(visitor.offers);

        // The switch's other state holds the same box.
        if (offered !== '') {
          await button.click();
          await expect(page.locator('[data-zone-shown]').innerText()).resolves.not.toMatch(
            visitor.says,
          );
          const switched = await layout(page);
          expect(switched.bar, `${name}, switched`).toEqual(still.bar);
          expect(switched.banner, `${name}, switched`).toEqual(still.banner);
          expect(switched.statementTruncated, `${name}, switched`).toBe(false);
          expect(switched.buttonInside, `${name}, switched`).toBe(true);
          expect(switched.barInside, `${name}, switched`).toBe(true);
          expect(switched.pageScrollsSideways, `${name}, switched`).toBe(false);
        }
        expect(errors, name).toEqual([]);
        await context.close();
      }
      await without.context.close();
    }, 240_000);
  }

  it('reads in full on a wide screen, and short but true on a phone, the footer in full', async () => {
    const visitor = { timezoneId: 'Pacific/Chatham' };
    const wide = await openPage(1280, visitor);
    await expect(barText(wide.page)).resolves.toBe(
      'Times are in your time zone, Pacific/Chatham (UTC+13:45).\nShow times in UTC',
    );
    const phone = await openPage(320, visitor);
    await expect(barText(phone.page)).resolves.toBe('Your zone, UTC+13:45\nShow UTC');
    // The button's name is the words on it, on a phone too.
    await expect(
      phone.page.getByRole('button', { name: 'Show UTC', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(phone.page.locator('.site-footer .zone-note').innerText()).resolves.toBe(
      'Times are in your time zone, Pacific/Chatham (UTC+13:45). The 90-day bars and uptime figures count UTC days.',
    );
    const dir = screenshotDir();
    await wide.page.screenshot({ path: join(dir, 'zone-bar-1280-chatham.png') });
    await phone.page.screenshot({ path: join(dir, 'zone-bar-320-chatham.png') });
    await phone.page.locator('.zone-switch').click();
    await expect(barText(phone.page)).resolves.toBe('All times are UTC.\nShow your zone');
    await phone.page.screenshot({ path: join(dir, 'zone-bar-320-chatham-utc.png') });
  });

  it('is worked from the keyboard on a 320 px phone, and passes axe in both states', async () => {
    const { page } = await openPage(320, { timezoneId: 'America/Argentina/ComodRivadavia' });
    const button = page.getByRole('button', { name: 'Show UTC', exact: true });
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press('Tab');
      if (await button.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(button.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    expect(await axeViolations(page), 'visitor zone').toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-zone-shown]').innerText()).resolves.toBe('All times are UTC.');
    const back = page.getByRole('button', { name: 'Show your zone', exact: true });
    await expect(back.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    expect(await axeViolations(page), 'UTC').toEqual([]);
    await page.screenshot({ path: join(screenshotDir(), 'zone-bar-320-argentina-utc.png') });
  });
});

describe('the time-zone bar without JavaScript', () => {
  it('says the pages are in UTC, with no switch and no empty band, at every width', async () => {
    for (const width of WIDTHS) {
      const { page, context } = await openPage(width, {
        timezoneId: 'America/New_York',
        javaScript: false,
      });
      await expect(page.locator('[data-zone-bar]').isVisible()).resolves.toBe(true);
      await expect(barText(page)).resolves.toBe('All times are UTC.');
      await expect(page.getByRole('button', { name: /^Show/ }).count()).resolves.toBe(0);
      const shown = await layout(page);
      expect(shown.statementTruncated).toBe(false);
      expect(shown.barInside).toBe(true);
      expect(shown.pageScrollsSideways).toBe(false);
      await page.screenshot({ path: join(screenshotDir(), `zone-bar-${width}-no-js.png`) });
      await context.close();
    }
  }, 240_000);
});
