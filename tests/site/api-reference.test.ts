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
 * The browsable API reference (/api/v1/docs, Swagger UI) in Debian's Chromium: every tag and
 * operation of the OpenAPI document is in the page, not only those near the
 * viewport (docs/decisions/146), reachable and usable by keyboard, each operation at its own
 * address; axe on the page as it opens and on an operation being tried (docs/decisions/147);
 * screenshots.
 */

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface OpenApiDocument {
  paths: Record<string, Record<string, { tags?: string[] }>>;
  components: { schemas: Record<string, unknown> };
}

let site: SitePortal;
let session: BrowserSession;
let document: OpenApiDocument;

beforeAll(async () => {
  const clock = siteClock();
  [site, session] = await Promise.all([
    startSitePortal({ demoBuild: true, clock }),
    launchBrowser({ clock }),
  ]);
  document = (await (await fetch(`${site.origin}/api/v1/openapi.json`)).json()) as OpenApiDocument;
}, 120_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

/** "post /auth/login" for every operation of the document, sorted. */
function documentOperations(): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => HTTP_METHODS.includes(key))
        .map((method) => `${method} ${path}`),
    )
    .sort();
}

function documentTags(): string[] {
  const tags = new Set(
    Object.values(document.paths).flatMap((item) =>
      Object.entries(item)
        .filter(([key]) => HTTP_METHODS.includes(key))
        .flatMap(([, operation]) => operation.tags ?? []),
    ),
  );
  return [...tags].sort();
}

async function openReference(width: number) {
  const context = await session.context({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  // The bundle is large: on a machine busy with the whole suite, give each step a minute.
  page.setDefaultTimeout(60_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}/api/v1/docs`);
  await page.locator('.opblock').first().waitFor();
  return { page, errors };
}

const activeText = (page: Page) =>
  page.evaluate(() => window.document.activeElement?.textContent?.trim() ?? '');

/** The operations in the page as Swagger UI draws them: "method path", sorted. */
function renderedOperations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...window.document.querySelectorAll('.opblock')]
      .map((block) => {
        const method = block.querySelector('.opblock-summary-method')?.textContent ?? '';
        const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path');
        return `${method.toLowerCase()} ${path ?? ''}`;
      })
      .sort(),
  );
}

describe('the API reference', () => {
  it('has every operation and tag of the document in the page, whatever the viewport', async () => {
    const expected = documentOperations();
    // More than Swagger UI virtualizes (150 tags and operations): the case that failed.
    expect(expected.length + documentTags().length).toBeGreaterThanOrEqual(150);
    const { page, errors } = await openReference(1280);

    expect(await renderedOperations(page)).toEqual(expected);
    const tags = await page
      .locator('.opblock-tag[data-tag]')
      .evaluateAll((headings) => headings.map((heading) => heading.getAttribute('data-tag')));
    expect(tags.sort()).toEqual(documentTags());
    // No separate schema list (past 100 it would be virtualized too, ADR 148): an operation
    // shows its schemas where they are used. The document has more than that.
    expect(Object.keys(document.components.schemas).length).toBeGreaterThanOrEqual(100);
    expect(await page.locator('section.models').count()).toBe(0);
    // The operations at the end of the document are laid out like the first ones.
    const last = page.locator('.opblock', { has: page.locator('[data-path="/docs/{file}"]') });
    expect(await last.isVisible()).toBe(true);

    await page.screenshot({ path: join(screenshotDir(), 'api-reference-1280.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('on a phone too, every operation is in the page', async () => {
    const { page, errors } = await openReference(390);
    expect(await renderedOperations(page)).toEqual(documentOperations());
    await page.screenshot({ path: join(screenshotDir(), 'api-reference-390.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('reaches the last operation by keyboard, opens it and shows its "Try it out"', async () => {
    const { page, errors } = await openReference(1280);
    const summaries = page.locator('.opblock-summary-control');
    const total = await summaries.count();
    expect(total).toBe(documentOperations().length);

    // Tab from the top of the page, noting each operation whose summary takes the focus.
    const reached = new Set<string>();
    const lastOperation = 'get /docs/{file}';
    let focused = '';
    for (let press = 0; press < total * 6 && focused !== lastOperation; press += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const summary = window.document.activeElement?.closest('.opblock-summary-control');
        if (!summary) return '';
        const method = summary.querySelector('.opblock-summary-method')?.textContent ?? '';
        const path = summary.querySelector('.opblock-summary-path')?.getAttribute('data-path');
        return `${method.toLowerCase()} ${path ?? ''}`;
      });
      if (focused) reached.add(focused);
    }
    expect(focused).toBe(lastOperation);
    expect([...reached].sort()).toEqual(documentOperations());

    await page.keyboard.press('Enter');
    const block = page.locator('.opblock-get', { has: page.locator('[data-path="/docs/{file}"]') });
    await expect
      .poll(() => block.locator('.opblock-summary-control').getAttribute('aria-expanded'), {
        timeout: 10_000,
      })
      .toBe('true');
    // The open operation has an address of its own (deep linking).
    expect(new URL(page.url()).hash).toBe('#/Reference/getDocsByFile');

    // On by keyboard to "Try it out"; the file to fetch is then a choice named by its parameter.
    for (let press = 0; press < 10 && (await activeText(page)) !== 'Try it out'; press += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await activeText(page)).toBe('Try it out');
    await page.keyboard.press('Enter');
    const file = block.getByRole('combobox', { name: 'file' });
    await file.focus();
    await file.selectOption('reference.css');
    await block.getByRole('button', { name: 'Execute' }).click();
    await expect
      .poll(() => block.locator('.response .response-col_status').first().textContent(), {
        timeout: 30_000,
      })
      .toContain('200');
    await page.screenshot({ path: join(screenshotDir(), 'api-reference-try-1280.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('opens the operation a link names, at the end of the list, without an error', async () => {
    // Operation ids are camel case (api/openapi.ts): Swagger UI logs a deprecation error on
    // opening a link whose id has an underscore, as its generated ones did.
    const context = await session.context();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors = collectPageErrors(page);
    await page.goto(`${site.origin}/api/v1/docs#/Brand/putStaffBrandLogo`);
    const heading = page.locator('.opblock-tag[data-tag="Brand"]');
    await heading.waitFor();
    const operation = page.locator('#operations-Brand-putStaffBrandLogo');
    await expect
      .poll(() => operation.locator('.opblock-summary-control').getAttribute('aria-expanded'), {
        timeout: 30_000,
      })
      .toBe('true');
    await expect
      .poll(() => operation.evaluate((element) => element.getBoundingClientRect().top), {
        timeout: 30_000,
      })
      .toBeLessThan(900);
    expect(
      await operation.evaluate((element) => element.getBoundingClientRect().bottom),
    ).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
