// `npm run build`: builds the static site from the database at DATABASE_URL (or the API at
// PORTAL_API_URL) into PORTAL_SITE_DIR, as `npm start` does on its first start.
import { resolve } from 'node:path';
import { openDatabase } from '../bootstrap.ts';
import { EnvError, readEnv, readSiteEnv, type ServerEnv } from '../env.ts';
import { buildSite } from '../site-build.ts';

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      'usage: npm run build (builds the site from DATABASE_URL, or PORTAL_API_URL, into PORTAL_SITE_DIR)\n',
    );
    return 2;
  }
  let env: ServerEnv;
  let apiUrl: string | undefined;
  try {
    env = readEnv();
    apiUrl = readSiteEnv().apiUrl;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (apiUrl === undefined) {
    // The build reads through the API in-process: a new database needs its tables first.
    (await openDatabase(env)).close();
  }
  const outDir = resolve(env.siteDir);
  const startedMs = performance.now();
  await buildSite({ databaseUrl: env.databaseUrl, outDir });
  process.stdout.write(
    `Built the site into ${outDir} in ${((performance.now() - startedMs) / 1000).toFixed(1)} s.\n`,
  );
  return 0;
}
