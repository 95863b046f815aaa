import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's demo database and build are made, once (tests/site/demo-site.ts). */
    demoSiteDir: string;
  }
}

/**
 * Vitest global setup of the site project: a folder shared by the run's test files, in which
 * the first file that needs the demo site seeds and builds it and the others copy it. Made
 * lazily by the tests, so a run of the site's unit tests alone builds nothing.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'portal-demo-site-'));
  project.provide('demoSiteDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
