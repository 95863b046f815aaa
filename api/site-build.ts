import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { precompressSite } from './site-server.ts';

function withoutSemiSpaceCap(options: string | undefined): string {
  return (options ?? '')
    .split(/\s+/)
    .filter((option) => option !== '' && !option.startsWith('--max-semi-space-size'))
    .join(' ');
}

/**
 * Builds the static site into `outDir` in a child process: Astro renders every page through
 * the API's routes (in-process on `databaseUrl`, see site/lib/api.ts). A child keeps the
 * build's memory and module graph out of the serving process. Text files then get brotli
 * and gzip copies, served as they are.
 */
export async function buildSite(options: {
  databaseUrl: string;
  outDir: string;
  /** Aborting kills the build (the server is stopping). */
  signal?: AbortSignal;
  /** The instant the pages show (the asking portal's clock); the machine's time if absent. */
  asOfMs?: number;
}): Promise<void> {
  const astro = resolve(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
  const cacheDir = `${resolve(options.outDir)}.build-cache`;
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--silent'], {
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
      ...(options.signal ? { signal: options.signal } : {}),
      env: {
        ...process.env,
        // `npm start` keeps the server's young generation small (docs/decisions/177); the
        // build is a short batch job that allocates much more, and is faster without the cap.
        NODE_OPTIONS: withoutSemiSpaceCap(process.env.NODE_OPTIONS),
        ASTRO_TELEMETRY_DISABLED: '1',
        DATABASE_URL: options.databaseUrl,
        PORTAL_SITE_OUT_DIR: resolve(options.outDir),
        PORTAL_SITE_CACHE_DIR: cacheDir,
        ...(options.asOfMs === undefined ? {} : { PORTAL_SITE_AS_OF_MS: String(options.asOfMs) }),
      },
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`the site build exited with code ${code}`)),
    );
  }).finally(() => rm(cacheDir, { recursive: true, force: true }));
  // Compressed copies beside each file: the server sends them as they are.
  await precompressSite(options.outDir);
}
