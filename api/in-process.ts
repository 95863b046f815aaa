import { createApp } from './app.ts';
import { openDatabase } from './bootstrap.ts';
import { fixedClock, systemClock } from './clock.ts';
import { readEnv, readSiteEnv } from './env.ts';

/**
 * A fetch of the API for the site build: over HTTP when PORTAL_API_URL is set (the site is
 * built elsewhere), otherwise the app called in-process on the configured database. The
 * in-process app tells the time of the portal that asked for the build (PORTAL_SITE_AS_OF_MS),
 * so a build shows the moment it was asked for by that portal's clock, not this process's.
 */
export async function createApiFetcher(): Promise<(path: string) => Promise<Response>> {
  const { apiUrl, asOfMs } = readSiteEnv();
  if (apiUrl) return (path) => fetch(new URL(`/api/v1${path}`, apiUrl));
  const env = readEnv();
  const database = await openDatabase(env);
  const clock = asOfMs === undefined ? systemClock : fixedClock(asOfMs);
  const app = createApp({ db: database, clock, config: env.config });
  return async (path) => app.request(`/api/v1${path}`);
}
