import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { customers, users } from '../../db/schema/index.ts';
import { distrustDevice, findTrustedDevice, trustDevice } from '../auth/devices.ts';
import { checkNewPassword, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createSession, endSession, endUserSessions } from '../auth/sessions.ts';
import { sha256 } from '../auth/tokens.ts';
import type { Deps, SessionUser, UserContext } from '../context.ts';
import { InvalidInput, Unauthenticated } from '../domain-errors.ts';
import {
  hitLimit,
  type Limit,
  peekLimit,
  pruneLimits,
  tooManyRequests,
  unhitLimit,
} from '../infra/rate-limit.ts';
import { recordAudit } from './audit.ts';

/** Emails are compared lower-cased and trimmed; stored the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface ClientMeta {
  ip: string;
  userAgent: string | undefined;
  /** The session cookie the request carried, if any: ended when a new session starts. */
  previousToken: string | undefined;
  /** The tokens of the request's device cookie (decision 124), not yet checked. */
  deviceTokens: string[];
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

// One message for an unknown account, a wrong password, an invitation not yet accepted
// and a deactivated user: the answer never tells which accounts exist.
const wrongCredentials = () =>
  new Unauthenticated('Wrong email or password.', { code: 'INVALID_CREDENTIALS' });

/**
 * A password check under way and what it was counted against (decision 124): a browser with
 * a device cookie of the account on its own bucket, any other client on the account's and
 * the address's buckets.
 */
type Attempt =
  | { kind: 'device'; deviceId: number; limit: Limit }
  | { kind: 'untrusted'; limits: Limit[] };

function deviceLimit(deps: Deps, deviceId: number): Limit {
  return {
    bucket: `login:device:${deviceId}`,
    max: deps.config.loginMaxPerDevice,
    windowMs: deps.config.loginWindowMs,
  };
}

/** Buckets are keyed by the email as typed (normalised), so unknown accounts count alike. */
function untrustedLimits(deps: Deps, email: string, ip: string): Limit[] {
  const windowMs = deps.config.loginWindowMs;
  return [
    { bucket: `login:account:${email}`, max: deps.config.loginMaxPerAccount, windowMs },
    { bucket: `login:address:${ip}`, max: deps.config.loginMaxPerAddress, windowMs },
  ];
}

/**
 * Counts a password check before it is made, so parallel guesses cannot outrun a limit; a
 * full bucket answers 429 without checking. A trusted browser is never turned away here:
 * once its own bucket is full it is distrusted and counts as any other client.
 */
async function startAttempt(
  deps: Deps,
  email: string,
  ip: string,
  device: { id: number } | undefined,
): Promise<Attempt> {
  const nowMs = deps.clock.now();
  const outcome = await deps.db.write(async (tx): Promise<Attempt | { retryAfterMs: number }> => {
    await pruneLimits(tx, nowMs - PRUNE_AFTER_MS);
    if (device) {
      const limit = deviceLimit(deps, device.id);
      if ((await hitLimit(tx, limit, nowMs)).allowed) {
        return { kind: 'device', deviceId: device.id, limit };
      }
      await distrustDevice(tx, device.id);
    }
    const limits = untrustedLimits(deps, email, ip);
    for (const limit of limits) {
      const state = await peekLimit(tx, limit, nowMs);
      if (!state.allowed) return { retryAfterMs: state.retryAfterMs };
    }
    for (const limit of limits) await hitLimit(tx, limit, nowMs);
    return { kind: 'untrusted', limits };
  });
  if ('retryAfterMs' in outcome) {
    throw tooManyRequests(outcome.retryAfterMs, 'Too many sign-in attempts. Try again later.');
  }
  return outcome;
}

/** A failed check stays counted; a device that has used up its failures is distrusted. */
async function failAttempt(deps: Deps, attempt: Attempt): Promise<void> {
  if (attempt.kind !== 'device') return;
  const nowMs = deps.clock.now();
  await deps.db.write(async (tx) => {
    if (!(await peekLimit(tx, attempt.limit, nowMs)).allowed) {
      await distrustDevice(tx, attempt.deviceId);
    }
  });
}

/** A check that succeeded is not held against anyone: its hits are taken back. */
async function succeedAttempt(tx: Tx, deps: Deps, attempt: Attempt): Promise<void> {
  const nowMs = deps.clock.now();
  const limits = attempt.kind === 'device' ? [attempt.limit] : attempt.limits;
  for (const limit of limits) await unhitLimit(tx, limit, nowMs);
}

/**
 * Signs in: a new session (the old one, if the request carried one, ends), and this
 * browser is trusted for the account from now on (a new device token: rotation).
 */
export async function login(
  deps: Deps,
  input: { email: string; password: string },
  meta: ClientMeta,
): Promise<{ token: string; deviceTokens: string[]; user: SessionUser }> {
  const email = normalizeEmail(input.email);
  const row = await accountByEmail(deps, email);
  const device = row ? await findTrustedDevice(deps, row.id, meta.deviceTokens) : undefined;
  const attempt = await startAttempt(deps, email, meta.ip, device);
  const matches = await verifyPassword(
    row?.passwordHash ?? null,
    input.password,
    deps.config.passwordHashing,
  );
  if (!row || !matches || !row.mayUse) {
    await failAttempt(deps, attempt);
    throw wrongCredentials();
  }
  const { token, deviceTokens } = await deps.db.write(async (tx) => {
    await succeedAttempt(tx, deps, attempt);
    if (meta.previousToken) await endSession(tx, sha256(meta.previousToken));
    return {
      token: await createSession(tx, deps, row.id, meta),
      deviceTokens: await trustDevice(tx, deps, row.id, meta.deviceTokens),
    };
  });
  return {
    token,
    deviceTokens,
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
  ctx: UserContext,
  input: { currentPassword: string; newPassword: string },
  meta: ClientMeta,
): Promise<{ token: string; user: SessionUser }> {
  const { deps, principal } = ctx;
  const user = principal.user;
  // Guessing the current password is sign-in guessing: the same limits apply.
  const device = await findTrustedDevice(deps, user.id, meta.deviceTokens);
  const attempt = await startAttempt(deps, user.email, meta.ip, device);
  const row = await deps.db.db.select().from(users).where(eq(users.id, user.id)).get();
  const matches = await verifyPassword(
    row?.passwordHash ?? null,
    input.currentPassword,
    deps.config.passwordHashing,
  );
  if (!row || !matches) {
    await failAttempt(deps, attempt);
    throw new InvalidInput('The current password is not right.', {
      code: 'WRONG_PASSWORD',
      issues: [{ path: 'currentPassword', message: 'is not your current password' }],
    });
  }
  try {
    if (input.newPassword === input.currentPassword) {
      throw new InvalidInput('Choose a new password.', {
        issues: [{ path: 'newPassword', message: 'must differ from the current password' }],
      });
    }
    checkNewPassword(input.newPassword, user.email, 'newPassword');
  } catch (error) {
    // The current password was right: a refused new one is no failed guess.
    await deps.db.write((tx) => succeedAttempt(tx, deps, attempt));
    throw error;
  }
  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHashing);
  const now = deps.clock.now();
  const token = await deps.db.write(async (tx) => {
    await succeedAttempt(tx, deps, attempt);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(now) })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id);
    await recordAudit(tx, ctx, {
      action: 'user.password.change',
      entityType: 'user',
      entityId: user.id,
    });
    return createSession(tx, deps, user.id, meta);
  });
  return { token, user };
}
