import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StatusDocument } from '../../api/services/status.ts';

/**
 * The site's typed client of the API, used at build time. Pages are rendered through the
 * API's own routes: in-process (the app called directly, on the configured database), or
 * over HTTP from PORTAL_API_URL when the site is built elsewhere. Never the database.
 */

type Fetcher = (path: string) => Promise<Response>;

let fetcher: Promise<Fetcher> | undefined;

/**
 * Node loads the API itself (outside Vite's bundle), exactly as the server runs it: the
 * build runs from the project root.
 */
async function createFetcher(): Promise<Fetcher> {
  const url = pathToFileURL(resolve(process.cwd(), 'api/in-process.ts')).href;
  const module: typeof import('../../api/in-process.ts') = await import(/* @vite-ignore */ url);
  return module.createApiFetcher();
}

export async function apiGet<T>(path: string): Promise<T> {
  fetcher ??= createFetcher();
  const response = await (await fetcher)(path);
  if (!response.ok) {
    throw new Error(`GET /api/v1${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export const getStatus = () => apiGet<StatusDocument>('/status');
