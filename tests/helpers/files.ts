import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A path named `name` in a fresh temporary folder, removed when the current test ends. */
export function tempPathForTest(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, name);
}
