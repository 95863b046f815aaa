import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Deps } from './context.ts';
import { buildsDirOf, statusFingerprint } from './site-rebuild.ts';
import { BUILD_RECORD } from './site-server.ts';
import { MS_PER_DAY } from './sla/instant.ts';

/**
 * What a build of the static site depends on, so that a start can tell whether the build it
 * finds is still what a new one would produce (docs/decisions/176):
 * - the public data: the status version every public write bumps, and the cached status's
 *   ETag, which also moves when a window or maintenance starts or ends by itself;
 * - the UTC day it was built on (the bars end today);
 * - the code the pages come from (site/, and api/ and db/, through which they are rendered,
 *   the Astro config and the locked dependencies).
 */

export interface BuildRecord {
  fingerprint: string;
  /** When the build was asked for, by the portal's clock. */
  builtAtMs: number;
}

const PROJECT = resolve(import.meta.dirname, '..');
const CODE_PATHS = ['site', 'api', 'db', 'astro.config.mjs', 'package.json', 'package-lock.json'];

/** Every file under `path`, sorted, so the hash does not depend on the directory order. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let code: string | undefined;

/** The hash of the code a build renders with; the code does not change under a running process. */
export function codeFingerprint(): string {
  if (code === undefined) {
    const hash = createHash('sha256');
    for (const file of CODE_PATHS.flatMap((path) => filesUnder(join(PROJECT, path)))) {
      hash.update(file.slice(PROJECT.length)).update('\0').update(readFileSync(file)).update('\0');
    }
    code = hash.digest('base64url');
  }
  return code;
}

/** The fingerprint of a build asked for now: equal fingerprints, equal pages. */
export async function siteFingerprint(deps: Deps): Promise<string> {
  const day = Math.floor(deps.clock.now() / MS_PER_DAY);
  return createHash('sha256')
    .update(`${await statusFingerprint(deps)}\n${day}\n${codeFingerprint()}`)
    .digest('base64url');
}

export function readBuildRecord(dir: string): BuildRecord | null {
  try {
    const record = JSON.parse(
      readFileSync(join(dir, BUILD_RECORD), 'utf8'),
    ) as Partial<BuildRecord>;
    return typeof record.fingerprint === 'string' && typeof record.builtAtMs === 'number'
      ? { fingerprint: record.fingerprint, builtAtMs: record.builtAtMs }
      : null;
  } catch {
    return null;
  }
}

export function writeBuildRecord(dir: string, record: BuildRecord): void {
  writeFileSync(join(dir, BUILD_RECORD), `${JSON.stringify(record)}\n`);
}

/**
 * The newest complete build: the configured folder or a rebuild beside it (a rebuild only
 * gets its record once it is complete), by when its pages were written, so a build made by
 * hand into the configured folder (`npm run build`) is served over older rebuilds. Null when
 * there is none.
 */
export function newestBuild(siteDir: string): { dir: string; record: BuildRecord | null } | null {
  const buildsDir = buildsDirOf(siteDir);
  const rebuilt = existsSync(buildsDir)
    ? readdirSync(buildsDir).map((name) => join(buildsDir, name))
    : [];
  let newest: { dir: string; record: BuildRecord | null; writtenMs: number } | null = null;
  for (const dir of [siteDir, ...rebuilt]) {
    const page = join(dir, 'index.html');
    if (!existsSync(page)) continue;
    const record = readBuildRecord(dir);
    if (dir !== siteDir && record === null) continue;
    const writtenMs = statSync(page).mtimeMs;
    if (newest === null || writtenMs > newest.writtenMs) newest = { dir, record, writtenMs };
  }
  return newest && { dir: newest.dir, record: newest.record };
}
