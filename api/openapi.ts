import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Access, authorize } from './auth/middleware.ts';
import type { AppEnv } from './context.ts';
import { zodIssues } from './domain-errors.ts';
import { ApiError } from './errors.ts';
// Validation messages in words for every schema the API reads (docs/decisions/136).
import './validation-messages.ts';

export { z };

/** The API's router type: every routes module registers on one of these. */
export type ApiApp = OpenAPIHono<AppEnv>;

/** The name of every record id in a path (`/staff/claims/{id}`). */
export const ID_PARAM = 'id';

/** A record id as a URL carries it: canonical decimal, so one record has one address. */
export const CANONICAL_ID = /^[1-9][0-9]*$/;

/** True when there is no path id, or it is one a record could have. */
function isCanonicalId(id: string | undefined): boolean {
  return id === undefined || (CANONICAL_ID.test(id) && Number(id) <= Number.MAX_SAFE_INTEGER);
}

/**
 * Every validation failure (body, query, path, headers) becomes the shared error shape with
 * the fields named. Left to itself, the validator would answer zod's raw result; a route
 * with its own hook must fall back to this one for whatever it does not handle.
 *
 * A path id that is not a canonical id names no record, so it is a 404 like an unknown id.
 */
export function rejectInvalid(
  result:
    | { success: true; target?: string }
    | { success: false; target?: string; error: { issues: Parameters<typeof zodIssues>[0] } },
  c?: Context,
): void {
  if (!result.success) {
    if (
      (result.target === 'param' &&
        result.error.issues.some((issue) => issue.path[0] === ID_PARAM)) ||
      // The query is checked before the path: a bad query must not hide that the id names nothing.
      !isCanonicalId(c?.req.param(ID_PARAM))
    ) {
      throw new ApiError('NOT_FOUND', 'No such resource.');
    }
    throw new ApiError('INVALID_INPUT', 'The request is not valid.', {
      issues: zodIssues(result.error.issues),
    });
  }
}

/** The query as the route validator reads it: a repeated parameter is a list. */
export function queryValues(c: Context): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(c.req.queries()).map(([name, values]) => [
      name,
      values.length === 1 ? (values[0] as string) : values,
    ]),
  );
}

export function createRouter(): ApiApp {
  return new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalid });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string(),
      requestId: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in, or the API key is invalid',
  403: 'Signed in but not allowed',
  404: 'Not found, or not yours',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Request body is not JSON',
  422: 'Valid, but impossible',
  429: 'Too many requests',
  503: 'Busy: try again after Retry-After seconds',
};

/** OpenAPI response entries in the shared error shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}

/** A required JSON request body (without `required`, a non-JSON body would skip validation). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const;
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  session: [{ session: [] }],
  'customer-read': [{ session: [] }, { apiKey: [] }],
  customer: [{ session: [] }],
  staff: [{ session: [] }],
  admin: [{ session: [] }],
  ingest: [{ apiKey: [] }],
};

// Every operation reads the database, and any of them can find it locked by another process
// past the retry budget: the answer is then 503 with Retry-After (api/app.ts), so every
// operation documents it.
const STANDARD_ERRORS: Record<Access, number[]> = {
  public: [503],
  session: [401, 403, 503],
  'customer-read': [401, 403, 503],
  customer: [401, 403, 503],
  staff: [401, 403, 503],
  admin: [401, 403, 503],
  ingest: [401, 403, 503],
};

/**
 * An operation's id from its method and path, in camel case: `GET /staff/claims/{id}` is
 * `getStaffClaimsById`. Without one, Swagger UI makes `get_staff_claims__id_`, and opening a
 * link to an operation whose id has an underscore logs a deprecation error there; generated
 * clients name their functions after it too.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '')
    .flatMap((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
      return parameter === undefined ? segment.split(/[-_.]/) : ['by', ...parameter.split(/[-_.]/)];
    })
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return [method.toLowerCase(), ...words].join('');
}

/**
 * A route with its access level. Deny by default: the level is required, enforced by
 * middleware before validation, and written into the OpenAPI document as `x-access`
 * (the authorisation tests read it from there).
 */
export function defineRoute<
  const A extends Access,
  const R extends Omit<RouteConfig, 'middleware' | 'security'>,
>(access: A, config: R) {
  const responses = { ...errorResponses(...STANDARD_ERRORS[access]), ...config.responses };
  return createRoute({
    ...config,
    operationId: config.operationId ?? operationIdOf(config.method, config.path),
    responses,
    security: SECURITY[access],
    middleware: [authorize(access)] as const,
    'x-access': access,
  });
}
