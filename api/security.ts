import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';
import { ONE_CLICK_PATH, SUBSCRIBE_FORM_PATH } from './notify/paths.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;.*)?$/i;
const FORM_TYPE = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;.*)?$/i;

/**
 * The two routes that take HTML forms (docs/decisions/153): the status page's subscribe form
 * (works without JavaScript) and RFC 8058's one-click unsubscribe, which mail clients post
 * as a form. Neither acts on a session: a cross-site form gains nothing a direct request
 * would not.
 */
const FORM_PATHS = new Set([`/api/v1${SUBSCRIBE_FORM_PATH}`, `/api/v1${ONE_CLICK_PATH}`]);
/** A mail provider posts one-click unsubscribes from its own origin; the code authorises it. */
const ORIGIN_FREE_PATHS = new Set([`/api/v1${ONE_CLICK_PATH}`]);

/** State-changing requests carry JSON or nothing: a cross-site form cannot send JSON. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (FORM_PATHS.has(c.req.path) && FORM_TYPE.test(c.req.header('content-type') ?? '')) {
    await next();
    return;
  }
  if (UNSAFE_METHODS.has(c.req.method)) {
    const type = c.req.header('content-type');
    const length = c.req.header('content-length');
    const hasBody =
      type !== undefined ||
      (length !== undefined && length !== '0') ||
      c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !JSON_TYPE.test(type ?? '')) {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the request body as JSON (Content-Type: application/json).',
      );
    }
  }
  await next();
};

/**
 * CSRF: a cookie-authenticated write must come from one of the configured portal origins
 * (PORTAL_ORIGIN), never from an origin the request names itself through `Host`.
 * A write carrying a bearer key skips the check: browsers never add Authorization
 * cross-site, and such a request is authenticated by the key alone (resolvePrincipal
 * then ignores cookies, and an invalid key is a 401). An empty or malformed Authorization
 * header is no key: the request is checked like any other.
 */
export const checkOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const keyed = authorizationOf(c.req.header('authorization')).kind === 'bearer';
  if (UNSAFE_METHODS.has(c.req.method) && !keyed && !ORIGIN_FREE_PATHS.has(c.req.path)) {
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    if (origin !== undefined) {
      if (!c.var.deps.config.origins.includes(origin)) {
        throw new ApiError('CSRF_REJECTED', `Requests from ${origin} are not accepted.`);
      }
    } else if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      throw new ApiError('CSRF_REJECTED', 'Cross-site requests are not accepted.');
    } else if (c.req.header('cookie')?.includes('portal_session=') && fetchSite !== 'same-origin') {
      throw new ApiError(
        'CSRF_REJECTED',
        'A signed-in write must send an Origin header matching the portal.',
      );
    }
  }
  await next();
};

/** What the Authorization header carries. */
export type Authorization =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'bearer'; key: string };

/**
 * `Authorization: Bearer <key>`; an absent or empty header is none; anything else (another
 * scheme, no key, two words) is malformed.
 */
export function authorizationOf(header: string | undefined): Authorization {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const key = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
  return key === undefined ? { kind: 'malformed' } : { kind: 'bearer', key };
}
