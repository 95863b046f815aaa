import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../api/services/rollups.ts';
import { utcDate } from '../../site/lib/format.ts';
import { type BrowserSession, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { createService, createUser } from '../helpers/factories.ts';
import { addWindow } from '../helpers/sla-fixtures.ts';
import { appOn, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * The public uptime figures of services whose monitoring began at different times
 * (docs/decisions/096), in Chromium, with JavaScript on and off: a figure only over monitored
 * time, "since monitoring began" when that is shorter than the window, "—" before a full day.
 * The data is arranged relative to the moment the site is built (the site tests run on real
 * time), so the assertions hold whatever the date.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let site: SitePortal;
let session: BrowserSession;
/** When each service's monitoring began. */
const began: Record<string, number> = {};

const clock = siteClock();

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        await createUser(t, 'admin');
        const nowMs = clock.now();
        began.steady = nowMs - 200 * DAY;
        began.older = nowMs - 45 * DAY - 12 * HOUR;
        began.recent = nowMs - 28 * DAY - 12 * HOUR;
        began.fresh = nowMs - 12 * MINUTE;
        for (const slug of ['steady', 'older', 'recent', 'fresh']) {
          const service = await createService(t, slug, {
            group: 'core',
            monitoredSince: new Date(began[slug] ?? nowMs).toISOString(),
          });
          if (slug === 'recent') {
            // An hour down three days ago: the figure since monitoring began is below 100.
            const start = nowMs - 3 * DAY;
            await addWindow(t, service.id, {
              state: 'major_outage',
              start: new Date(start).toISOString(),
              end: new Date(start + HOUR).toISOString(),
            });
            await db.write((tx) => rebuildRollups(tx, service.id));
          }
          if (slug === 'fresh') {
            // Down for 10 of its 12 monitored minutes: a figure would read 16.666 %.
            await addWindow(t, service.id, {
              state: 'major_outage',
              start: new Date(nowMs - 10 * MINUTE).toISOString(),
              end: null,
            });
          }
        }
      },
    }),
    launchBrowser({ clock }),
  ]);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

async function figures(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.service')].map((service) => [
        service.querySelector('.service-name')?.textContent?.trim() ?? '',
        service
          .querySelector('.uptime-figures')
          ?.textContent?.replace(/[ \t\r\n]+/g, ' ')
          .trim() ?? '',
      ]),
    ),
  );
}

describe('the public uptime figures', () => {
  it('cover only monitored time, say since when, and show "—" before a full day', async () => {
    const off = await (await session.context({ javaScriptEnabled: false })).newPage();
    await off.goto(`${site.origin}/`);
    const shown = await figures(off);
    const on = await (await session.context()).newPage();
    await on.goto(`${site.origin}/`);
    await on.locator('.live[data-live="ok"]').waitFor();
    expect(await figures(on)).toEqual(shown);

    const date = (slug: string) => utcDate(began[slug] ?? 0);
    expect(shown.STEADY).toMatch(
      /^Uptime: \d+\.\d{3}\u00a0% over 30 days, \d+\.\d{3}\u00a0% over 90 days$/,
    );
    expect(shown.OLDER).toMatch(
      new RegExp(
        `^Uptime: 100\\.000\u00a0% over 30 days, 100\\.000\u00a0% since monitoring began on ${date('older')} \\(45 days\\)$`,
      ),
    );
    // 28.5 days monitored, one hour down: 99.853…, floored, and named once.
    expect(shown.RECENT).toBe(
      `Uptime: 99.853\u00a0% since monitoring began on ${date('recent')} (28 days)`,
    );
    expect(shown.FRESH).toMatch(/^Uptime: — \(monitored for less than a day, since .+ UTC\)$/);
    expect(Object.values(shown).join(' ')).not.toMatch(/\b0\.000|16\.66|no data/);

    await off.setViewportSize({ width: 390, height: 900 });
    await off.screenshot({ path: join(screenshotDir(), 'uptime-labels-390.png'), fullPage: true });
  });
});
