import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
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
 * The statement runs screen (/staff/statements/) in Chromium on the demo data set, at the
 * site tests' instant (1 March 2027, 00:30 UTC: February has not ended in New York yet):
 * keyboard only, a month refused in words, a run started, its progress, the archive.
 */

const clock = siteClock();
const runsDir = mkdtempSync(join(tmpdir(), 'portal-runs-'));
let site: SitePortal;
let session: BrowserSession;

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({ clock, demoBuild: true, env: { PORTAL_STATEMENT_RUNS_DIR: runsDir } }),
    launchBrowser({ clock }),
  ]);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
  rmSync(runsDir, { recursive: true, force: true });
});

const login = (role: DemoLogin['role']) => {
  const found = site.logins.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
};

describe('statement runs in the staff console', () => {
  it('starts a run of a closed month from the keyboard and offers its archive', async () => {
    const context = await session.context();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors = collectPageErrors(page);
    await page.goto(`${site.origin}/staff/statements/`);
    await expect(page.title()).resolves.toBe('Statement runs · Service status');
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    const agent = login('agent');
    await page.getByLabel('Email', { exact: true }).fill(agent.email);
    await page.getByLabel('Password', { exact: true }).fill(agent.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Statement runs', level: 1 }).waitFor();
    await page.getByText('No statement run yet.').waitFor();
    await expect(
      page.getByRole('link', { name: 'Statements' }).getAttribute('aria-current'),
    ).resolves.toBe('page');

    // The month before the browser's UTC month is offered: February 2027, not ended in New York.
    const month = page.getByLabel('Month');
    await expect(month.inputValue()).resolves.toBe('2027-02');
    await month.focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Start the run',
    );
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      "2027-02 has not ended in every agreement's zone yet",
    );
    await expect(alert.textContent()).resolves.toContain('America/New_York');
    // The alert takes the focus, so it is read out: Preact moves it in an effect, after the
    // alert is painted (it once lagged the paint under faketime), so wait for it as a person would.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('alert');

    // Not a month at all: said beside the field, nothing sent.
    await month.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Jan 2027');
    await page.keyboard.press('Enter');
    await page.getByText('Enter a month as YYYY-MM, e.g. 2026-10.').waitFor();
    await expect(month.getAttribute('aria-invalid')).resolves.toBe('true');

    await month.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2027-01');
    await page.keyboard.press('Enter');
    const row = page.locator('main table tbody tr').first();
    await row.getByRole('rowheader', { name: 'January 2027' }).waitFor();
    const download = row.getByRole('link', { name: /^Download January 2027 \(zip, \d+ kB\)$/ });
    await download.waitFor({ timeout: 60_000 });
    await expect(row.textContent()).resolves.toMatch(/Finished: \d+ files/);
    await expect(row.textContent()).resolves.toContain(`by ${agent.email}`);
    await expect(
      page.getByText('The statements of January 2027 are ready to download.').count(),
    ).resolves.toBe(1);

    // The link is reached from the keyboard, and gives a zip of the month's statements.
    await month.focus();
    let reached = false;
    for (let step = 0; step < 12 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await download.evaluate((link) => link === document.activeElement);
    }
    expect(reached).toBe(true);
    const href = (await download.getAttribute('href')) ?? '';
    const bytes = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return [...new Uint8Array(await response.arrayBuffer())];
    }, href);
    const files = Object.keys(unzipSync(new Uint8Array(bytes)));
    expect(files).toContain('index.csv');
    expect(files.some((name) => /_statement-2027-01\.pdf$/.test(name))).toBe(true);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshotDir(), 'statement-runs-1280.png'),
      fullPage: true,
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({
      path: join(screenshotDir(), 'statement-runs-390.png'),
      fullPage: true,
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.filter((line) => !line.includes('422'))).toEqual([]);
  }, 180_000);
});
