import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';

function withoutSemiSpaceCap(options: string | undefined): string {
  return (options ?? '')
    .split(/\s+/)
    .filter((option) => option !== '' && !option.startsWith('--max-semi-space-size'))
    .join(' ');
}

/** Runs `node <args>` from the project's folder; rejects unless it exits with code 0. */
function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  what: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
      ...(signal ? { signal } : {}),
      env,
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${what} exited with code ${code}`)),
    );
  });
}

/**
 * Builds the static site into `outDir` in child processes: Astro renders every page through
 * the API's routes (in-process on `databaseUrl`, see site/lib/api.ts), then a second child
 * writes brotli and gzip copies of the text files, served as they are. Children keep the
 * build's memory and module graph, and the compressors' native memory, out of the serving
 * process (docs/decisions/209).
 */
export async function buildSite(options: {
  databaseUrl: string;
  outDir: string;
  /** Aborting kills the build (the server is stopping). */
  signal?: AbortSignal;
  /** The instant the pages show (the asking portal's clock); the machine's time if absent. */
  asOfMs?: number;
  /** The build this one replaces: its compressed copies of unchanged files are taken. */
  earlierDir?: string;
}): Promise<void> {
  const astro = resolve(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
  const outDir = resolve(options.outDir);
  const cacheDir = `${outDir}.build-cache`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // A deployment may cap the server's young generation through NODE_OPTIONS (177, 212); the
    // build is a short batch job that allocates much more, and is faster without the cap.
    NODE_OPTIONS: withoutSemiSpaceCap(process.env.NODE_OPTIONS),
    ASTRO_TELEMETRY_DISABLED: '1',
    DATABASE_URL: options.databaseUrl,
    PORTAL_SITE_OUT_DIR: outDir,
    PORTAL_SITE_CACHE_DIR: cacheDir,
    ...(options.asOfMs === undefined ? {} : { PORTAL_SITE_AS_OF_MS: String(options.asOfMs) }),
  };
  await runNode([astro, 'build', '--silent'], env, 'the site build', options.signal).finally(() =>
    rm(cacheDir, { recursive: true, force: true }),
  );
  await runNode(
    [
      resolve(import.meta.dirname, 'site-precompress.ts'),
      outDir,
      ...(options.earlierDir === undefined ? [] : [resolve(options.earlierDir)]),
    ],
    env,
    'compressing the site',
    options.signal,
  );
}
