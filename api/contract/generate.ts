// The API's contract as files the site builds against: the OpenAPI 3.1 document the app
// serves, and TypeScript types generated from it (openapi-typescript) for the browser's
// typed client (site/lib/api-client.ts). Nothing here is written by hand a second time.
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { createDb } from '../../db/client.ts';
import { createApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { makeConfig } from '../config.ts';

/** Where the generated types live (committed; a test fails when they are stale). */
export const API_TYPES_PATH = 'site/lib/api-schema.d.ts';

const HEADER = [
  "// Generated from the API's OpenAPI document by `npm run gen:api` — do not edit.",
  '// tests/api/contract.test.ts fails when this file no longer matches the document.',
  '',
].join('\n');

/**
 * The OpenAPI document exactly as `GET /api/v1/openapi.json` serves it. Building it touches
 * no table, so a throwaway in-memory database is enough.
 */
export async function openApiDocument(): Promise<OpenAPI3> {
  const db = await createDb({ url: 'file::memory:' });
  try {
    const app = createApp({ db, clock: fixedClock(0), config: makeConfig({}) });
    const response = await app.request('/api/v1/openapi.json');
    if (!response.ok) throw new Error(`openapi.json answered ${response.status}`);
    return (await response.json()) as OpenAPI3;
  } finally {
    db.close();
  }
}

/** The TypeScript types of the document, as the text of `site/lib/api-schema.d.ts`. */
export async function apiTypesSource(document?: OpenAPI3): Promise<string> {
  // The document is built here, never fetched: silence the tool's progress output.
  const ast = await openapiTS(document ?? (await openApiDocument()), { silent: true });
  return `${HEADER}${astToString(ast)}`;
}
