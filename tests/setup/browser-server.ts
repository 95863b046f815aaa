import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's Chromium (launchServer), which launchBrowser connects to; absent: launch one. */
    chromiumWsEndpoint: string | undefined;
  }
}

/**
 * Vitest global setup of the site project: one Chromium for the whole run. Launching and
 * closing one per test file took 3–5 s of each file at load 16; connecting takes a fraction
 * of that, and every test still gets fresh contexts (cookies, storage, clock) of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let executablePath: string;
  try {
    executablePath = chromiumPath();
  } catch {
    // launchBrowser then launches, and says clearly that there is no Chromium.
    project.provide('chromiumWsEndpoint', undefined);
    return async () => undefined;
  }
  // Chromium writes crash dumps and caches under TMPDIR: give it a folder of its own.
  const scratch = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
  const server = await chromium.launchServer({
    executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: scratch },
  });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  };
}
