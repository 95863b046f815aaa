// Benchmark of the public status site: `node bench/site.ts` (also run by `npm run bench`).
// Builds the site from the demo data set, measures what `/` sends (JavaScript and total,
// raw, gzip and brotli), runs Lighthouse against Debian's Chromium, and writes its figures
// into docs/benchmarks.md between <!-- bench:site:start --> and <!-- bench:site:end -->
// (other sections are kept). Then it adds services up to 100 (issue 17: a provider's page),
// rebuilds, and runs Lighthouse mobile on `/` again, with its own `/maintenance/` baseline.
// `node bench/site.ts --mobile` skips the desktop preset and the second build (a quicker loop).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { openDatabase, seedDemoData } from '../api/bootstrap.ts';
import { systemClock } from '../api/clock.ts';
import { readEnv } from '../api/env.ts';
import { startPortal } from '../api/portal.ts';
import { buildSite } from '../api/site-build.ts';
import { MS_PER_DAY } from '../api/sla/instant.ts';
import { services } from '../db/schema/index.ts';
import { writeSection } from './lib/report.ts';

/** The budget of portal.md: JavaScript on `/`, compressed. */
const JS_BUDGET_BYTES = 30 * 1024;
const LIGHTHOUSE_RUNS = 3;
/** Issue 17: the page must keep Lighthouse mobile ≥ 95 with this many services. */
const MANY_SERVICES = 100;
const mobileOnly = process.argv.includes('--mobile');
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizesOf(content: Buffer | string): Sizes {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Every resource `/` loads, found as a browser finds them: the HTML, its stylesheets, module
 * scripts and their static imports, the island's component and renderer and the favicon.
 */
async function pageResources(origin: string): Promise<{
  html: string;
  files: { url: string; kind: 'js' | 'css' | 'other'; body: Buffer }[];
  inlineJs: string[];
}> {
  const html = await (await fetch(`${origin}/`)).text();
  const urls = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
    const url = match[1] ?? '';
    if (url.startsWith('/') && !url.startsWith('/api/')) urls.add(url);
  }
  for (const match of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) {
    urls.add(match[1] ?? '');
  }
  const inlineJs = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1] ?? '',
  );
  // Static imports of the modules (the island's chunks), found in the modules themselves.
  for (const script of inlineJs) {
    for (const match of script.matchAll(/["'](\/_astro\/[^"']+\.js)["']/g))
      urls.add(match[1] ?? '');
  }
  const files: { url: string; kind: 'js' | 'css' | 'other'; body: Buffer }[] = [];
  const queue = [...urls];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const body = Buffer.from(await (await fetch(`${origin}${url}`)).arrayBuffer());
    const kind = url.endsWith('.js') ? 'js' : url.endsWith('.css') ? 'css' : 'other';
    files.push({ url, kind, body });
    if (kind === 'js') {
      // Static imports only (`from"./x.js"`, `import"./x.js"`): dynamic ones load on demand.
      const imports = /(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g;
      for (const match of body.toString().matchAll(imports)) {
        const next = `/_astro/${match[1]}`;
        if (!urls.has(next)) {
          urls.add(next);
          queue.push(next);
        }
      }
    }
  }
  return { html, files, inlineJs };
}

/** Debian's Chromium with a DevTools port, for Lighthouse. */
async function launchChromium(): Promise<{ port: number; child: ChildProcess; dir: string }> {
  const executable = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `no Chromium at ${executable}: apt-get install -y chromium, or set CHROME_PATH`,
    );
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-lighthouse-'));
  const child = spawn(
    executable,
    [...CHROME_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${dir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: dir } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  });
  return { port, child, dir };
}

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop') {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const runs: LighthouseFigures[] = [];
  const failedRuns: string[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
    const chrome = await launchChromium();
    try {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        },
        formFactor === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error('Lighthouse returned no result');
      if (result.lhr.runtimeError) {
        // e.g. NO_FCP when the loaded machine starves the page: a failed run, not a 0.
        failedRuns.push(result.lhr.runtimeError.code);
        log(`  ${formFactor} run ${run + 1} failed: ${result.lhr.runtimeError.code}`);
        continue;
      }
      const { categories, audits } = result.lhr;
      runs.push({
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        bestPractices: Math.round((categories['best-practices']?.score ?? 0) * 100),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? 0,
        tbtMs: audits['total-blocking-time']?.numericValue ?? 0,
        cls: audits['cumulative-layout-shift']?.numericValue ?? 0,
      });
      const failing = Object.values(result.lhr.audits)
        .filter(
          (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
        )
        .map((audit) => audit.id);
      if (failing.length > 0)
        log(`  ${formFactor} run ${run + 1}: failing audits ${failing.join(', ')}`);
    } finally {
      const exited = new Promise((resolve) => chrome.child.once('exit', resolve));
      chrome.child.kill('SIGKILL');
      await exited;
      rmSync(chrome.dir, { recursive: true, force: true, maxRetries: 5 });
    }
  }
  if (runs.length === 0) throw new Error(`every Lighthouse run failed: ${failedRuns.join(', ')}`);
  const pick = (key: keyof LighthouseFigures) => median(runs.map((figures) => figures[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    performanceRuns: [...runs.map((figures) => String(figures.performance)), ...failedRuns],
  };
}

// ——— Run ———

const loadBefore = os.loadavg()[0] ?? 0;
const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-site-'));
const databaseUrl = `file:${join(dir, 'portal.db')}`;
const env = readEnv({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: databaseUrl,
  PORTAL_SITE_DIR: join(dir, 'site'),
  PORTAL_DEMO: '1',
});
log('site bench: seeding the demo data set');
const database = await openDatabase(env);
await seedDemoData(database, env, systemClock, () => undefined);

log('site bench: building the site twice (the second build is what a rebuild costs)');
const buildTimes: number[] = [];
for (const name of mobileOnly ? ['site'] : ['site', 'site-2']) {
  const startMs = performance.now();
  await buildSite({ databaseUrl, outDir: join(dir, name) });
  buildTimes.push(performance.now() - startMs);
}
const pageCount = readdirSync(join(dir, 'site'), { recursive: true }).filter((name) =>
  String(name).endsWith('.html'),
).length;

const servePortal = () =>
  startPortal({ env, database, clock: systemClock, log: () => undefined, siteRebuilds: false });
let portal = await servePortal();
log(`site bench: serving at ${portal.origin}`);

const { html, files, inlineJs } = await pageResources(portal.origin);
const htmlSizes = sizesOf(html);
const inlineJsSizes = sizesOf(inlineJs.join('\n'));
const externalJs = files.filter((file) => file.kind === 'js');
const externalJsSizes = externalJs.map((file) => sizesOf(file.body)).reduce(add, ZERO);
const css = files.filter((file) => file.kind === 'css').map((file) => sizesOf(file.body));
const other = files.filter((file) => file.kind === 'other').map((file) => sizesOf(file.body));
const totalJs = add(externalJsSizes, inlineJsSizes);
const total = [htmlSizes, externalJsSizes, ...css, ...other].reduce(add, ZERO);
const served = await fetch(`${portal.origin}/`, {
  headers: { 'accept-encoding': 'br, gzip' },
});
const servedEncoding = served.headers.get('content-encoding');
const servedBytes = Number(served.headers.get('content-length'));
log(
  `site bench: / sends ${externalJs.length} JS files; JavaScript ${kB(totalJs.gzip)} gzip, ${kB(totalJs.brotli)} brotli`,
);

let lighthouseRows: string[];
let manySizes: Sizes | null = null;
let lighthouseNote = '';
try {
  log('site bench: Lighthouse, mobile (default settings, simulated throttling)');
  const mobile = await runLighthouse(`${portal.origin}/`, 'mobile');
  log('site bench: Lighthouse, desktop preset');
  const desktop = mobileOnly ? null : await runLighthouse(`${portal.origin}/`, 'desktop');
  // The same conditions on a page with ~40 elements and no JavaScript: what this machine
  // and headless Chromium cost by themselves, to read the figures above against.
  log('site bench: Lighthouse, mobile, on /maintenance/ as a baseline');
  const baseline = await runLighthouse(`${portal.origin}/maintenance/`, 'mobile');

  log(`site bench: adding services up to ${MANY_SERVICES}, rebuilding`);
  await portal.close();
  const existing = await database.db.select({ id: services.id }).from(services);
  const nowMs = systemClock.now();
  await database.write(async (tx) => {
    await tx.insert(services).values(
      Array.from({ length: MANY_SERVICES - existing.length }, (_, n) => ({
        slug: `bench-service-${n}`,
        name: `Bench service ${n}`,
        description: 'Added by the bench: monitored for the whole 90 days, no incidents.',
        monitoredSince: new Date(nowMs - 200 * MS_PER_DAY),
        sortOrder: 1_000 + n,
        createdAt: new Date(nowMs),
      })),
    );
  });
  await buildSite({ databaseUrl, outDir: env.siteDir, asOfMs: nowMs });
  portal = await servePortal();
  const manyHtml = await (await fetch(`${portal.origin}/`)).text();
  manySizes = sizesOf(manyHtml);
  log(`site bench: Lighthouse, mobile, / with ${MANY_SERVICES} services`);
  const many = await runLighthouse(`${portal.origin}/`, 'mobile');
  log(`site bench: Lighthouse, mobile, on /maintenance/ as the baseline of the ${MANY_SERVICES}`);
  const manyBaseline = await runLighthouse(`${portal.origin}/maintenance/`, 'mobile');
  const row = (name: string, figures: Awaited<ReturnType<typeof runLighthouse>>) =>
    `| ${name} | **${figures.performance}** (runs: ${figures.performanceRuns.join(', ')}) | **${figures.accessibility}** | ${figures.bestPractices} | ${Math.round(figures.lcpMs)} ms | ${Math.round(figures.tbtMs)} ms | ${figures.cls.toFixed(3)} |`;
  lighthouseRows = [
    '| form factor | performance (aim ≥ 95) | accessibility (aim 100) | best practices | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|',
    row('mobile (Moto G Power emulation, simulated slow 4G)', mobile),
    ...(desktop ? [row('desktop preset', desktop)] : []),
    row('baseline: `/maintenance/` (≈ 40 elements, no JavaScript), mobile', baseline),
    row(`**${MANY_SERVICES} services**, mobile`, many),
    row(`baseline of the ${MANY_SERVICES}: \`/maintenance/\`, mobile (just after)`, manyBaseline),
  ];
} catch (error) {
  lighthouseRows = [];
  lighthouseNote = `Lighthouse could not run here: ${String(error).split('\n')[0]}`;
  log(`site bench: ${lighthouseNote}`);
}

await portal.close();
database.close();
rmSync(dir, { recursive: true, force: true });

const loadAfter = os.loadavg()[0] ?? 0;
const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
const row = (name: string, sizes: Sizes, aim = '') =>
  `| ${name} | ${kB(sizes.raw)} | ${kB(sizes.gzip)} | ${kB(sizes.brotli)} |${aim ? ` ${aim} |` : ' |'}`;
const section = `
## Public status site (\`node bench/site.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.type().toLowerCase()} ${os.release()}; Debian Chromium for Lighthouse ${LIGHTHOUSE_RUNS} runs per form factor (medians). The site is built from the demo data set (8 services, 150 days, ${pageCount} pages); the machine is shared (1-minute load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end, on ${os.cpus().length} cores), so timings carry noise: read Lighthouse's performance score against the baseline row, measured in the same conditions.

What \`/\` sends (each file compressed on its own, as the server sends it: brotli and gzip copies are written at build time):

| part of \`/\` | raw | gzip | brotli | budget |
|---|---|---|---|---|
${row(`JavaScript: ${externalJs.length} module files (island, Preact, renderer, …)`, externalJsSizes)}
${row(`JavaScript: ${inlineJs.length} inline scripts (island loader, bar keys)`, inlineJsSizes)}
${row('**JavaScript, all**', totalJs, `${kB(JS_BUDGET_BYTES)} compressed: ${totalJs.gzip <= JS_BUDGET_BYTES ? 'within' : 'OVER'}`)}
${row('HTML (with the inline scripts)', htmlSizes)}
${row(`CSS (${css.length} file)`, css.reduce(add, ZERO))}
${row('**everything** (HTML, CSS, JS, favicon)', total)}

${manySizes ? `With ${MANY_SERVICES} services (the demo's 8 and ${MANY_SERVICES - 8} more, each monitored for the whole 90 days, no incidents), the HTML of \`/\` is ${kB(manySizes.raw)} raw, ${kB(manySizes.brotli)} brotli.\n\n` : ''}As served: \`/\` answers ${servedBytes.toLocaleString('en')} bytes with \`Content-Encoding: ${servedEncoding}\`.

${lighthouseRows.length > 0 ? `Lighthouse 12.2.3 against \`/\` (JavaScript on, served by \`startPortal\` over loopback):\n\n${lighthouseRows.join('\n')}` : lighthouseNote}

Build (\`astro build\` in a child process, all pages through the API in-process, then brotli and gzip copies): first ${(buildTimes[0] ?? 0).toFixed(0)} ms, second ${buildTimes[1] === undefined ? 'not run (--mobile)' : `${buildTimes[1].toFixed(0)} ms`}. Most of it is loading the API's modules into the build process (see the note in docs/decisions/050-site-freshness.md).
`;

const doc = writeSection('site', section);
log(`site bench: wrote ${doc}`);
process.exit(0);
