import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiKeyScope } from '../../db/schema/index.ts';
import type {
  AdminPrincipal,
  AppEnv,
  AuthorizedEnv,
  ContextByAccess,
  CustomerKeyPrincipal,
  CustomerUserPrincipal,
  Deps,
  KeyPrincipal,
  OwnDataContext,
  Principal,
  PrincipalByAccess,
  RequestContext,
  StaffPrincipal,
  UserPrincipal,
} from '../context.ts';
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
export function clientAddress<E extends AppEnv>(c: Context<E>, trustedProxyHops: number): string {
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

type Allows<A extends Access> = (principal: Principal) => principal is PrincipalByAccess[A];

const isCustomerUser = (principal: Principal): principal is CustomerUserPrincipal =>
  principal.kind === 'user' &&
  principal.user.role === 'customer' &&
  // Users of role customer always have one (staff-users checks it); without it /me has no data.
  principal.user.customerId !== null;

const isKeyWith = (principal: Principal, scope: ApiKeyScope): principal is KeyPrincipal =>
  principal.kind === 'key' && principal.key.scopes.includes(scope);

/** Who each level lets through, one type guard per level: the runtime check and the type are one. */
const ALLOWS: { [A in Access]: Allows<A> } = {
  public: (_principal): _principal is Principal => true,
  session: (principal): principal is UserPrincipal => principal.kind === 'user',
  'customer-read': (principal): principal is CustomerUserPrincipal | CustomerKeyPrincipal =>
    isCustomerUser(principal) ||
    (isKeyWith(principal, 'read') && principal.key.customerId !== null),
  customer: isCustomerUser,
  staff: (principal): principal is StaffPrincipal =>
    principal.kind === 'user' && principal.user.role !== 'customer',
  admin: (principal): principal is AdminPrincipal =>
    principal.kind === 'user' && principal.user.role === 'admin',
  ingest: (principal): principal is KeyPrincipal => isKeyWith(principal, 'ingest'),
};

/**
 * Throws 401 (no credentials) or 403 (credentials without the right) unless allowed, and
 * returns the principal narrowed to what the level guarantees.
 */
export function checkAccess<A extends Access>(
  principal: Principal,
  access: A,
): PrincipalByAccess[A] {
  const allows: Allows<A> = ALLOWS[access];
  if (allows(principal)) return principal;
  if (principal.kind === 'anonymous') throw notSignedIn();
  throw notAllowed();
}

interface RequestBase {
  deps: Deps;
  requestId: string | undefined;
}

const plain = <P extends Principal>(base: RequestBase, principal: P): RequestContext<P> => ({
  deps: base.deps,
  requestId: base.requestId,
  principal,
});

const ownData = <P extends CustomerUserPrincipal | CustomerKeyPrincipal>(
  base: RequestBase,
  principal: P,
): OwnDataContext<P> => ({
  ...plain(base, principal),
  customerId: principal.kind === 'user' ? principal.user.customerId : principal.key.customerId,
});

/** How each level builds its context: /me levels fix the customer whose data it is, once. */
const CONTEXTS: {
  [A in Access]: (base: RequestBase, principal: PrincipalByAccess[A]) => ContextByAccess[A];
} = {
  public: plain,
  session: plain,
  'customer-read': ownData,
  customer: ownData,
  staff: plain,
  admin: plain,
  ingest: plain,
};

/** The caller's context for a level, or the 401/403 of `checkAccess`. */
export function contextFor<A extends Access>(
  base: RequestBase,
  principal: Principal,
  access: A,
): ContextByAccess[A] {
  const build: (base: RequestBase, principal: PrincipalByAccess[A]) => ContextByAccess[A] =
    CONTEXTS[access];
  return build(base, checkAccess(principal, access));
}

/**
 * Checks the caller against the route's level and hands the handler `c.var.caller`, the
 * request's context with the principal narrowed to that level.
 */
export function authorize<A extends Access>(
  access: A,
): MiddlewareHandler<AuthorizedEnv<ContextByAccess[A]>> {
  return async (c, next) => {
    c.set('caller', contextFor(c.var, c.var.principal, access));
    await next();
  };
}
