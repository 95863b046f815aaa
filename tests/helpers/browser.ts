import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Clock } from '../../api/clock.ts';

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The flags keep
 * it headless, offline and quiet: no sandbox (containers), no GPU, no QUIC, no first-run,
 * no background fetches, and every host name but 127.0.0.1 resolving to nothing.
 */
export const CHROMIUM_ARGS = [
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

/** CHROME_PATH, else Debian's /usr/bin/chromium; a clear error naming both when neither. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(
    (path): path is string => typeof path === 'string' && path.length > 0,
  );
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      'No Chromium found for the browser tests. Install it with `apt-get install -y chromium` ' +
        '(Debian), or set CHROME_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}

export interface ContextOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** A phone: touch events and a mobile viewport. */
  mobile?: boolean;
  /**
   * The browser's time zone (an IANA name); UTC when absent, never the machine's: the public
   * pages show times in the visitor's zone, and a test must not depend on where it runs.
   */
  timezoneId?: string;
}

export interface BrowserSession {
  browser: Browser;
  /**
   * A fresh context (cookies, cache, storage) per call, its pages on the session's clock;
   * closed with the session.
   */
  context(options?: ContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * A browser session: a connection to the run's Chromium when the project has one (see
 * sharedChromium), else a Chromium of its own.
 *
 * With a clock, every page's Date (and timers) start at that clock's time when its context
 * is made and then run in real time, as the portal's pinned clock does: the islands and the
 * portal agree on "now" whatever the machine's date. Playwright's clock runs on by itself
 * once installed (tests may still fastForward it); it is never paused here.
 */
export async function launchBrowser(options: { clock?: Clock } = {}): Promise<BrowserSession> {
  const shared = await sharedChromium();
  let browser: Browser;
  let scratch: string | undefined;
  if (shared !== undefined) {
    browser = await chromium.connect(shared);
  } else {
    // Chromium writes crash dumps and caches under TMPDIR: give it a folder of its own.
    scratch = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
    try {
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
        env: { ...process.env, TMPDIR: scratch },
      });
    } catch (error) {
      rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
  }
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async context(contextOptions = {}) {
      const context = await browser.newContext({
        javaScriptEnabled: contextOptions.javaScriptEnabled ?? true,
        viewport: contextOptions.viewport ?? { width: 1280, height: 900 },
        ...(contextOptions.mobile ? { hasTouch: true, isMobile: true } : {}),
        timezoneId: contextOptions.timezoneId ?? 'UTC',
      });
      contexts.push(context);
      if (options.clock) await context.clock.install({ time: options.clock.now() });
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      // The run's shared Chromium is only disconnected from, for the next file to use.
      await browser.close();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The run's shared Chromium (tests/setup/browser-server.ts), when this runs in a vitest project
 * that has one; vitest is imported only then, so scripts (bench/) can use this module too.
 */
async function sharedChromium(): Promise<string | undefined> {
  if (process.env.VITEST === undefined) return undefined;
  const { inject } = await import('vitest');
  return inject('chromiumWsEndpoint');
}

/** Every console error and uncaught exception of a page, to assert there are none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console.error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

const AXE_SOURCE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations on the page as it is now (all of its default rules). axe is
 * evaluated through the DevTools protocol, which the page's CSP does not govern, rather
 * than added as a script tag, which it rightly blocks.
 */
export async function axeViolations(
  page: Page,
  options: { rules?: string[] | undefined } = {},
): Promise<AxeViolation[]> {
  await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  return page.evaluate(async (rules) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, options.rules);
}

/** The folder screenshots go to (tmp/screenshots, gitignored), created on demand. */
export function screenshotDir(): string {
  const dir = resolve(import.meta.dirname, '../../tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
