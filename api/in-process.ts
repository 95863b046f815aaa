import { createApp } from './app.ts';
import { openDatabase } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { readEnv, readSiteEnv } from './env.ts';

/**
 * A fetch of the API for the site build: over HTTP when PORTAL_API_URL is set (the site is
 * built elsewhere), otherwise the app called in-process on the configured database.
 */
export async function createApiFetcher(): Promise<(path: string) => Promise<Response>> {
  const { apiUrl } = readSiteEnv();
  if (apiUrl) return (path) => fetch(new URL(`/api/v1${path}`, apiUrl));
  const env = readEnv();
  const database = await openDatabase(env);
  const app = createApp({ db: database, clock: systemClock, config: env.config });
  return async (path) => app.request(`/api/v1${path}`);
}
