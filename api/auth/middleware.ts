import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Principal } from '../context.ts';
import { ApiError } from '../errors.ts';
import { authorizationOf } from '../security.ts';
import { verifyApiKey } from './api-key-secrets.ts';
import { findSession, readSessionCookie } from './sessions.ts';

/**
 * Who may call a route. Deny by default: every route declares one of these.
 * - public: anyone.
 * - session: any signed-in person (customer, agent, admin).
 * - customer-read: a customer's signed-in user, or a `read` key of that customer.
 * - customer: a customer's signed-in user (writes on /me).
 * - staff: a signed-in agent or admin.
 * - admin: a signed-in admin.
 * - ingest: an API key with the `ingest` scope.
 */
export const ACCESS_LEVELS = [
  'public',
  'session',
  'customer-read',
  'customer',
  'staff',
  'admin',
  'ingest',
] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The client's address: the socket's, or the right-most untrusted X-Forwarded-For entry. */
export function clientAddress(c: Context<AppEnv>, trustedProxyHops: number): string {
  let direct = 'unknown';
  try {
    direct = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
  }
  if (trustedProxyHops <= 0) return direct;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  // Each trusted proxy appended the address it saw; the entry before them is the client's.
  const index = forwarded.length - trustedProxyHops;
  return index >= 0 ? (forwarded[index] ?? direct) : (forwarded[0] ?? direct);
}

/** Decides the principal once per request; invalid credentials are a 401, never anonymous. */
export const resolvePrincipal: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.var.deps;
  c.set('clientAddress', clientAddress(c, deps.config.trustedProxyHops));
  const url = new URL(c.req.url);
  for (const name of ['api_key', 'apikey', 'key', 'token', 'access_token']) {
    if (url.searchParams.has(name)) {
      throw new ApiError(
        'INVALID_INPUT',
        'API keys are accepted only in the Authorization header.',
      );
    }
  }
  let principal: Principal = { kind: 'anonymous' };
  // Bearer keys only from the Authorization header, never from a URL. An empty header is
  // no credential; a malformed one is refused rather than read as signed out.
  const authorization = authorizationOf(c.req.header('authorization'));
  if (authorization.kind === 'malformed') {
    throw new ApiError('UNAUTHENTICATED', 'Malformed Authorization header.');
  }
  if (authorization.kind === 'bearer') {
    const key = await verifyApiKey(deps, authorization.key);
    if (!key) throw new ApiError('UNAUTHENTICATED', 'The API key is invalid or revoked.');
    principal = key;
  } else {
    const token = readSessionCookie(c);
    if (token) {
      const session = await findSession(deps, token);
      // An expired cookie reads as signed out: public routes still answer.
      if (session) {
        principal = { kind: 'user', user: session.user, sessionTokenHash: session.tokenHash };
      }
    }
  }
  c.set('principal', principal);
  await next();
};

const notSignedIn = () => new ApiError('UNAUTHENTICATED', 'Sign in first.');
const notAllowed = () => new ApiError('FORBIDDEN', 'You are not allowed to do this.');

/** Throws 401 (no credentials) or 403 (credentials without the right) unless allowed. */
export function checkAccess(principal: Principal, access: Access): void {
  if (access === 'public') return;
  if (principal.kind === 'anonymous') throw notSignedIn();
  switch (access) {
    case 'session':
      if (principal.kind !== 'user') throw notAllowed();
      return;
    case 'customer-read':
      if (principal.kind === 'user' && principal.user.role === 'customer') return;
      if (principal.kind === 'key' && principal.key.scopes.includes('read')) return;
      throw notAllowed();
    case 'customer':
      if (principal.kind === 'user' && principal.user.role === 'customer') return;
      throw notAllowed();
    case 'staff':
      if (principal.kind === 'user' && principal.user.role !== 'customer') return;
      throw notAllowed();
    case 'admin':
      if (principal.kind === 'user' && principal.user.role === 'admin') return;
      throw notAllowed();
    case 'ingest':
      if (principal.kind === 'key' && principal.key.scopes.includes('ingest')) return;
      throw notAllowed();
  }
}

export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkAccess(c.var.principal, access);
    await next();
  };
}

/** The customer whose /me data this caller may see (after checkAccess 'customer-read'). */
export function customerIdOf(principal: Principal): number {
  const id =
    principal.kind === 'user'
      ? principal.user.customerId
      : principal.kind === 'key'
        ? principal.key.customerId
        : null;
  if (id === null) throw notAllowed();
  return id;
}
