// What each service costs the public page: `node bench/page-weight.ts` (also run by
// `npm run bench`). Builds the site for 1 and for 100 services (no incidents: each service is
// its row, its 90 day cells and their details), loads `/` of each in Chromium and reports
// the HTML bytes (raw and brotli) and DOM nodes (elements and text) of the page, and what one
// more service adds (the difference over 99). Writes docs/benchmarks.md between
// <!-- bench:page-weight:start --> and <!-- bench:page-weight:end -->.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openDatabase } from '../api/bootstrap.ts';
import { systemClock } from '../api/clock.ts';
import { readEnv } from '../api/env.ts';
import { buildSite } from '../api/site-build.ts';
import { MS_PER_DAY } from '../api/sla/instant.ts';
import { services } from '../db/schema/index.ts';
import { chromiumPath } from '../tests/helpers/browser.ts';
import { writeSection } from './lib/report.ts';

const COUNTS = [1, 100];

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

interface Weight {
  services: number;
  htmlBytes: number;
  brotliBytes: number;
  domNodes: number;
}

async function weightWith(count: number, browser: import('playwright-core').Browser) {
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-weight-'));
  try {
    const databaseUrl = `file:${join(dir, 'portal.db')}`;
    const siteDir = join(dir, 'site');
    const env = readEnv({ ...process.env, DATABASE_URL: databaseUrl, PORTAL_SITE_DIR: siteDir });
    const database = await openDatabase(env);
    const nowMs = systemClock.now();
    await database.write(async (tx) => {
      await tx.insert(services).values(
        Array.from({ length: count }, (_, n) => ({
          slug: `service-${n}`,
          name: `Service ${n}`,
          // Monitored for the whole 90 days: every cell is a day with figures.
          monitoredSince: new Date(nowMs - 200 * MS_PER_DAY),
          sortOrder: n,
          createdAt: new Date(nowMs),
        })),
      );
    });
    database.close();
    log(`Building the site with ${count} service(s)…`);
    await buildSite({ databaseUrl, outDir: siteDir, asOfMs: nowMs });
    const html = readFileSync(join(siteDir, 'index.html'));
    const page = await browser.newPage();
    await page.setContent(html.toString(), { waitUntil: 'domcontentloaded' });
    const domNodes = await page.evaluate(() => {
      const walker = document.createTreeWalker(
        document,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      let nodes = 0;
      while (walker.nextNode()) nodes += 1;
      return nodes;
    });
    await page.close();
    return {
      services: count,
      htmlBytes: html.length,
      brotliBytes: brotliCompressSync(html, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
      domNodes,
    } satisfies Weight;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  // The page's own scripts are not run: the count is of the HTML as sent.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const weights: Weight[] = [];
  try {
    for (const count of COUNTS) weights.push(await weightWith(count, browser));
  } finally {
    await browser.close();
  }
  const [few, many] = weights;
  if (!few || !many) throw new Error('no weights');
  const per = (field: keyof Weight) => (many[field] - few[field]) / (many.services - few.services);
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  const body = [
    '## The public page per service',
    '',
    `Measured by \`npm run bench -- page-weight\` (bench/page-weight.ts); load: \`${uptime}\`. ` +
      '`/` built for 1 and for 100 services (each monitored all 90 days, no incidents); DOM ' +
      'nodes are the elements and text nodes of the HTML as sent (Chromium, scripts not run).',
    '',
    '| services | HTML | brotli | DOM nodes |',
    '|---|---|---|---|',
    ...weights.map(
      (weight) =>
        `| ${weight.services} | ${kB(weight.htmlBytes)} | ${kB(weight.brotliBytes)} | ${weight.domNodes.toLocaleString('en')} |`,
    ),
    `| **one more service** | **${kB(per('htmlBytes'))}** | **${kB(per('brotliBytes'))}** | **${Math.round(per('domNodes'))}** |`,
  ].join('\n');
  log(`\n${body}`);
  log(`\nWritten to ${writeSection('page-weight', body)}`);
}

await main();
