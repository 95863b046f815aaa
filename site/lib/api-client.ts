/**
 * The browser's typed client of the API, generated from the one contract: paths, parameters,
 * bodies and answers come from the OpenAPI document (site/lib/api-schema.d.ts, written by
 * `npm run gen:api`), so no island declares an API type by hand. Same rules as client.ts:
 * same origin with the session cookie, one ApiError carrying the error shape, a 401 on
 * anything but a sign-in tells the page the session is gone.
 *
 *   const services = await call(apiClient.GET('/staff/services', { params: { query: { limit: 50 } } }));
 */
import createClient from 'openapi-fetch';
import type { paths } from './api-schema.d.ts';
import { API_BASE, errorFromBody, networkError, noteUnauthorized } from './client.ts';

export type { components, paths } from './api-schema.d.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * What an operation answers on success (its 200, else its 201), read from the document:
 * `Answered<'/staff/credits'>` is a page of credits, `Answered<'/auth/login', 'post'>` the
 * signed-in user. An operation without a JSON success gives `never`, so using it fails to compile.
 */
export type Answered<
  P extends keyof paths,
  M extends Method & keyof paths[P] = 'get',
> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export const apiClient = createClient<paths>({
  baseUrl: API_BASE,
  credentials: 'same-origin',
  cache: 'no-store',
  headers: { Accept: 'application/json' },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Waits for a call of `apiClient` and gives its data, or throws an ApiError (the API's error,
 * or NETWORK when nothing answered). An aborted call rethrows the AbortError.
 */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    throw networkError(error);
  }
  const { response } = answer;
  if (!response.ok) {
    noteUnauthorized(
      response.status,
      new URL(response.url, 'http://x').pathname.slice(API_BASE.length),
    );
    throw errorFromBody(response, answer.error ?? null);
  }
  return answer.data as T;
}

/**
 * A query without its undefined entries: a parameter the page leaves out is absent, never
 * present as undefined (the generated types say so under exactOptionalPropertyTypes).
 */
export function definedOnly<T extends Record<string, unknown>>(
  query: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
