import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv, type ServerEnv } from '../../api/env.ts';
import { TEST_PASSWORD_HASHING } from './hashing.ts';

/**
 * What `startPortal` needs to serve at once, without building the site: a one-page "built"
 * site in a temporary folder, and the server's environment on `databasePath` (loopback, a
 * port the system picks, no demo data, test-speed password hashing). `remove` deletes the
 * folder.
 */
export function prebuiltSitePortalEnv(
  databasePath: string,
  prefix: string,
): { env: ServerEnv; dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const siteDir = join(dir, 'site');
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>site</title>');
  const parsed = readEnv({
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `file:${databasePath}`,
    PORTAL_SITE_DIR: siteDir,
    PORTAL_DEMO: '0',
  });
  return {
    env: { ...parsed, config: { ...parsed.config, passwordHashing: TEST_PASSWORD_HASHING } },
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
