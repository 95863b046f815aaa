import { eq } from 'drizzle-orm';
import { customers, users } from '../../db/schema/index.ts';
import { checkNewPassword, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createSession, endSession, endUserSessions } from '../auth/sessions.ts';
import { sha256 } from '../auth/tokens.ts';
import type { Deps, Principal, SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import {
  clearLimit,
  hitLimit,
  type Limit,
  peekLimit,
  pruneLimits,
  tooManyRequests,
  unhitLimit,
} from './rate-limit.ts';

/** Emails are compared lower-cased and trimmed; stored the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface ClientMeta {
  ip: string;
  userAgent: string | undefined;
  /** The session cookie the request carried, if any: ended when a new session starts. */
  previousToken: string | undefined;
}

/**
 * The account behind an email with whether it may sign in: active, and (for a customer's
 * user) its customer active too.
 */
export async function accountByEmail(deps: Deps, email: string) {
  const found = await deps.db.db
    .select({ user: users, customerActive: customers.active })
    .from(users)
    .leftJoin(customers, eq(customers.id, users.customerId))
    .where(eq(users.email, email))
    .get();
  if (!found) return undefined;
  return { ...found.user, mayUse: found.user.active && found.customerActive !== false };
}

/** Rate-limit buckets are dropped a day after their window started. */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

function loginLimits(deps: Deps, email: string, ip: string): { account: Limit; address: Limit } {
  const windowMs = deps.config.loginWindowMs;
  return {
    account: { bucket: `login:account:${email}`, max: deps.config.loginMaxPerAccount, windowMs },
    address: { bucket: `login:address:${ip}`, max: deps.config.loginMaxPerAddress, windowMs },
  };
}

// One message for an unknown account, a wrong password, an invitation not yet accepted
// and a deactivated user: the answer never tells which accounts exist.
const wrongCredentials = () =>
  new ApiError('INVALID_CREDENTIALS', 'Wrong email or password.', { status: 401 });

/**
 * Counts a sign-in attempt against the account and the client address before the
 * password is checked, so parallel guesses cannot outrun the limit.
 */
async function countAttempt(deps: Deps, limits: { account: Limit; address: Limit }) {
  const now = deps.clock.now();
  await deps.db.write(async (tx) => {
    await pruneLimits(tx, now - PRUNE_AFTER_MS);
    for (const limit of [limits.account, limits.address]) {
      const state = await peekLimit(tx, limit, now);
      if (!state.allowed) {
        throw tooManyRequests(state.retryAfterMs, 'Too many sign-in attempts. Try again later.');
      }
    }
    await hitLimit(tx, limits.account, now);
    await hitLimit(tx, limits.address, now);
  });
}

/** Signs in: a new session (the old one, if the request carried one, ends). */
export async function login(
  deps: Deps,
  input: { email: string; password: string },
  meta: ClientMeta,
): Promise<{ token: string; user: SessionUser }> {
  const email = normalizeEmail(input.email);
  const limits = loginLimits(deps, email, meta.ip);
  await countAttempt(deps, limits);
  const row = await accountByEmail(deps, email);
  const matches = await verifyPassword(
    row?.passwordHash ?? null,
    input.password,
    deps.config.passwordHashing,
  );
  if (!row || !matches || !row.mayUse) throw wrongCredentials();
  const now = deps.clock.now();
  const token = await deps.db.write(async (tx) => {
    await clearLimit(tx, limits.account.bucket);
    await unhitLimit(tx, limits.address, now);
    if (meta.previousToken) await endSession(tx, sha256(meta.previousToken));
    return createSession(tx, deps, row.id, meta);
  });
  return {
    token,
    user: { id: row.id, email: row.email, role: row.role, customerId: row.customerId },
  };
}

export async function logout(deps: Deps, token: string | undefined): Promise<void> {
  if (!token) return;
  await deps.db.write((tx) => endSession(tx, sha256(token)));
}

/**
 * Changes the signed-in user's own password: the current one must be given. Every other
 * session of the user ends and the current one is replaced by a new token.
 */
export async function changePassword(
  deps: Deps,
  principal: Extract<Principal, { kind: 'user' }>,
  requestId: string,
  input: { currentPassword: string; newPassword: string },
  meta: ClientMeta,
): Promise<{ token: string; user: SessionUser }> {
  const user = principal.user;
  const limits = loginLimits(deps, user.email, meta.ip);
  await countAttempt(deps, limits);
  const row = await deps.db.db.select().from(users).where(eq(users.id, user.id)).get();
  const matches = await verifyPassword(
    row?.passwordHash ?? null,
    input.currentPassword,
    deps.config.passwordHashing,
  );
  if (!row || !matches) {
    throw new ApiError('WRONG_PASSWORD', 'The current password is not right.', {
      status: 400,
      issues: [{ path: 'currentPassword', message: 'is not your current password' }],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new ApiError('INVALID_INPUT', 'Choose a new password.', {
      issues: [{ path: 'newPassword', message: 'must differ from the current password' }],
    });
  }
  checkNewPassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHashing);
  const now = deps.clock.now();
  const token = await deps.db.write(async (tx) => {
    await clearLimit(tx, limits.account.bucket);
    await unhitLimit(tx, limits.address, now);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(now) })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id);
    await recordAudit(tx, deps, principal, requestId, {
      action: 'user.password.change',
      entityType: 'user',
      entityId: user.id,
    });
    return createSession(tx, deps, user.id, meta);
  });
  return { token, user };
}
