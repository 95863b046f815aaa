import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Answered, components } from './api-client.ts';

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

/**
 * One answer per path for the whole build: every page sees the same moment, and a page
 * list (getStaticPaths) and its pages never disagree.
 */
const memo = new Map<string, Promise<unknown>>();
function once<T>(path: string): Promise<T> {
  let answer = memo.get(path) as Promise<T> | undefined;
  if (answer === undefined) {
    answer = apiGet<T>(path);
    memo.set(path, answer);
  }
  return answer;
}

/** The answers the pages read, as the OpenAPI document declares them (docs/decisions/071). */
type Schemas = components['schemas'];
export type BrandDto = Schemas['Brand'];
export type IncidentDto = Schemas['Incident'];
export type IncidentSummaryDto = Schemas['IncidentSummary'];
export type MaintenanceDto = Schemas['Maintenance'];
export type StatusDocument = Schemas['Status'];
export type Uptime = Schemas['Uptime'];
export type UptimeDay = Schemas['UptimeDay'];
export type UptimeSummary = Schemas['UptimeSummary'];
export type MaintenanceLists = Answered<'/maintenance'>;

export const getStatus = () => once<StatusDocument>('/status');

/** The brand every page shows (product name, logo, accent, support, footer). */
export const getBrand = () => once<BrandDto>('/brand');

export const getUptime = (slug: string) =>
  once<Uptime>(`/services/${encodeURIComponent(slug)}/uptime?days=90`);

export const getMaintenance = () => once<MaintenanceLists>('/maintenance');

export const getIncident = (id: number) => once<IncidentDto>(`/incidents/${id}`);

/** The largest page the API gives; the history needs every incident, newest first. */
const PAGE = 100;

let allIncidents: Promise<IncidentSummaryDto[]> | undefined;

/** Every incident, newest first (walks the API's pages). */
export function getAllIncidents(): Promise<IncidentSummaryDto[]> {
  allIncidents ??= (async () => {
    const items: IncidentSummaryDto[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await apiGet<Answered<'/incidents'>>(`/incidents?limit=${PAGE}${query}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  })();
  return allIncidents;
}

export const getMaintenanceItem = (id: number) => once<MaintenanceDto>(`/maintenance/${id}`);

let allMaintenance: Promise<MaintenanceDto[]> | undefined;

/** Every published maintenance, newest start first (each gets its own page). */
export function getAllMaintenance(): Promise<MaintenanceDto[]> {
  allMaintenance ??= (async () => {
    const items: MaintenanceDto[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await apiGet<Answered<'/maintenance/all'>>(
        `/maintenance/all?limit=${PAGE}${query}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  })();
  return allMaintenance;
}
