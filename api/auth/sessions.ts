import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Tx } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { AppEnv, Deps, SessionUser } from '../context.ts';
import { randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'portal_session';

/** lastSeenAt is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/** Starts a session for `userId` and returns the token for the cookie (never stored). */
export async function createSession(
  tx: Tx,
  deps: Deps,
  userId: number,
  meta: { userAgent: string | undefined; ip: string },
): Promise<string> {
  const token = randomToken();
  const now = new Date(deps.clock.now());
  await tx.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(deps.clock.now() + deps.config.sessionAbsoluteMs),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
  });
  return token;
}

/**
 * The user behind a session token, or null when the token is unknown, idle past the limit,
 * past its absolute expiry, or the user or their customer is deactivated. Such sessions are
 * deleted, so a later reactivation does not bring them back.
 */
export async function findSession(
  deps: Deps,
  token: string,
): Promise<{ user: SessionUser; tokenHash: string } | null> {
  const tokenHash = sha256(token);
  // Raw: this runs on every signed-in request, and Drizzle's query building cost more than
  // the read itself (docs/decisions/202). Never cached, so a revoked session is refused at once.
  const [row] = await deps.db.db.all<{
    last_seen_at: number;
    expires_at: number;
    id: number;
    email: string;
    role: SessionUser['role'];
    customer_id: number | null;
    active: number;
    customer_active: number | null;
  }>(sql`
    SELECT s.last_seen_at, s.expires_at, u.id, u.email, u.role, u.customer_id, u.active,
      c.active AS customer_active
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN customers c ON c.id = u.customer_id
    WHERE s.token_hash = ${tokenHash}`);
  if (!row) return null;
  const now = deps.clock.now();
  const expired = now >= row.expires_at || now >= row.last_seen_at + deps.config.sessionIdleMs;
  const customerInactive = row.customer_active !== null && row.customer_active !== 1;
  if (expired || row.active !== 1 || customerInactive) {
    await deps.db.write((tx) => tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
    return null;
  }
  if (now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
    await deps.db.write((tx) =>
      tx
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.tokenHash, tokenHash)),
    );
  }
  return {
    tokenHash,
    user: { id: row.id, email: row.email, role: row.role, customerId: row.customer_id },
  };
}

export async function endSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, except `keepTokenHash` when given. */
export async function endUserSessions(
  tx: Tx,
  userId: number,
  keepTokenHash?: string,
): Promise<void> {
  await tx
    .delete(sessions)
    .where(
      keepTokenHash === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)),
    );
}

/** Ends every session of every user of a customer (the customer is deactivated). */
export async function endCustomerSessions(tx: Tx, customerId: number): Promise<void> {
  await tx
    .delete(sessions)
    .where(
      inArray(
        sessions.userId,
        tx.select({ id: users.id }).from(users).where(eq(users.customerId, customerId)),
      ),
    );
}

/** `Secure` is dropped only for plain HTTP on a loopback host (local development). */
export function isSecureRequest<E extends AppEnv>(c: Context<E>): boolean {
  const url = new URL(c.req.url);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return !(url.protocol === 'http:' && loopback);
}

export function readSessionCookie<E extends AppEnv>(c: Context<E>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie<E extends AppEnv>(c: Context<E>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: isSecureRequest(c),
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(c.var.deps.config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecureRequest(c) });
}
