import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Tx } from '../../db/client.ts';
import { trustedDevices } from '../../db/schema/index.ts';
import type { AppEnv, Deps } from '../context.ts';
import { isSecureRequest } from './sessions.ts';
import { randomToken, sha256 } from './tokens.ts';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"; decision
 * 124). A browser that signed in as a user carries a random token bound to that user; failed
 * sign-ins with it are counted for that browser alone, not against the account.
 *
 * One cookie holds the tokens of up to DEVICE_TOKENS_PER_BROWSER accounts (a shared
 * computer), separated by dots, so signing in as one person does not distrust the browser
 * for another. Only the cookie holds the tokens; the database holds their SHA-256.
 */
export const DEVICE_COOKIE = 'portal_device';

/** The cookie is sent only to the sign-in routes: the rest of the API never needs it. */
const DEVICE_COOKIE_PATH = '/api/v1/auth';

const DEVICE_TOKENS_PER_BROWSER = 5;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The well-formed tokens of the request's device cookie (at most a few; never trusted yet). */
export function readDeviceTokens<E extends AppEnv>(c: Context<E>): string[] {
  const value = getCookie(c, DEVICE_COOKIE) ?? '';
  return value
    .split('.')
    .filter((token) => TOKEN_PATTERN.test(token))
    .slice(-DEVICE_TOKENS_PER_BROWSER);
}

export function setDeviceCookie<E extends AppEnv>(c: Context<E>, tokens: string[]): void {
  setCookie(c, DEVICE_COOKIE, tokens.join('.'), {
    httpOnly: true,
    secure: isSecureRequest(c),
    // Only the portal's own pages sign in: no other site's request needs to carry it.
    sameSite: 'Strict',
    path: DEVICE_COOKIE_PATH,
    maxAge: Math.floor(c.var.deps.config.deviceTrustMs / 1000),
  });
}

/** The trusted device among `tokens` that belongs to `userId`, if any. */
export async function findTrustedDevice(
  deps: Deps,
  userId: number,
  tokens: string[],
): Promise<{ id: number } | undefined> {
  if (tokens.length === 0) return undefined;
  return deps.db.db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(
      and(
        inArray(trustedDevices.tokenHash, tokens.map(sha256)),
        eq(trustedDevices.userId, userId),
        gt(trustedDevices.expiresAt, new Date(deps.clock.now())),
      ),
    )
    .get();
}

/** The device is no longer trusted (too many failures with it). */
export async function distrustDevice(tx: Tx, deviceId: number): Promise<void> {
  await tx.delete(trustedDevices).where(eq(trustedDevices.id, deviceId));
}

/** Every browser of the user is distrusted (their password was reset). */
export async function distrustUserDevices(tx: Tx, userId: number): Promise<void> {
  await tx.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}

/**
 * Trusts this browser for `userId` after a sign-in it proved: a new token (the user's old
 * tokens in this cookie are retired: rotation), kept beside the still-valid tokens of other
 * accounts. Returns the cookie's new list of tokens.
 */
export async function trustDevice(
  tx: Tx,
  deps: Deps,
  userId: number,
  presented: string[],
): Promise<string[]> {
  const nowMs = deps.clock.now();
  await tx.delete(trustedDevices).where(lt(trustedDevices.expiresAt, new Date(nowMs)));
  const hashes = presented.map(sha256);
  const known =
    hashes.length === 0
      ? []
      : await tx
          .select({ tokenHash: trustedDevices.tokenHash, userId: trustedDevices.userId })
          .from(trustedDevices)
          .where(inArray(trustedDevices.tokenHash, hashes));
  const owner = new Map(known.map((row) => [row.tokenHash, row.userId]));
  const own = hashes.filter((hash) => owner.get(hash) === userId);
  if (own.length > 0) {
    await tx
      .delete(trustedDevices)
      .where(and(inArray(trustedDevices.tokenHash, own), eq(trustedDevices.userId, userId)));
  }
  const token = randomToken();
  await tx.insert(trustedDevices).values({
    tokenHash: sha256(token),
    userId,
    createdAt: new Date(nowMs),
    expiresAt: new Date(nowMs + deps.config.deviceTrustMs),
  });
  const others = presented.filter((presentedToken) => {
    const user = owner.get(sha256(presentedToken));
    return user !== undefined && user !== userId;
  });
  return [...others, token].slice(-DEVICE_TOKENS_PER_BROWSER);
}
