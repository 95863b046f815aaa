import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;.*)?$/i;

/** State-changing requests carry JSON or nothing: a cross-site form cannot send JSON. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
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
 * CSRF: a write from a browser must come from one of the portal's origins (or the API's own).
 * Cookie-authenticated writes must say where they come from; key-authenticated ones
 * (Authorization header, which browsers never add cross-site) need not.
 */
export const checkOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method) && c.req.header('authorization') === undefined) {
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const own = new URL(c.req.url).origin;
    const allowed = new Set([...c.var.deps.config.origins, own]);
    if (origin !== undefined) {
      if (!allowed.has(origin)) {
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
