import { and, eq, gt, isNull } from 'drizzle-orm';
import { customers, passwordResets, type Role, users } from '../../db/schema/index.ts';
import { distrustUserDevices, trustDevice } from '../auth/devices.ts';
import { checkNewPassword, hashPassword } from '../auth/passwords.ts';
import { endUserSessions } from '../auth/sessions.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import { type AdminContext, type Deps, selfContext } from '../context.ts';
import { conflict, InvalidInput, notFound, unprocessable } from '../domain-errors.ts';
import { hitLimit, pruneLimits, tooManyRequests } from '../infra/rate-limit.ts';
import { emit } from '../notify/outbox.ts';
import { type ClientMeta, normalizeEmail } from './accounts.ts';
import { recordAudit } from './audit.ts';

/** Where the site's reset page lives; the token rides in the fragment (never sent to servers). */
export const PASSWORD_RESET_PAGE = '/account/reset';

export interface PasswordResetDto {
  /** The one-time link, shown once: only its hash is stored. */
  url: string;
  expiresAt: string;
}

/**
 * An admin lets a user who forgot their password choose a new one (decision 123): a
 * one-time link, which replaces any earlier one. Nothing else changes until it is used.
 */
export async function issuePasswordReset(
  ctx: AdminContext,
  userId: number,
): Promise<PasswordResetDto> {
  const { deps, principal } = ctx;
  const token = randomToken();
  return deps.db.write(async (tx) => {
    const found = await tx
      .select({ user: users, customerActive: customers.active })
      .from(users)
      .leftJoin(customers, eq(customers.id, users.customerId))
      .where(eq(users.id, userId))
      .get();
    if (!found) throw notFound('No such user.');
    const { user } = found;
    if (!user.active || found.customerActive === false) {
      throw unprocessable(
        `${user.email} is deactivated${user.active ? ' with their customer' : ''}: reactivate before resetting the password.`,
        'USER_INACTIVE',
      );
    }
    if (user.passwordHash === null) {
      throw conflict(
        `${user.email} has not accepted their invitation yet: invite them again instead.`,
        'INVITATION_PENDING',
      );
    }
    const now = new Date(deps.clock.now());
    const expiresAt = new Date(now.getTime() + deps.config.passwordResetTtlMs);
    // One live admin link per person: an earlier one stops working now.
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(
        and(
          eq(passwordResets.userId, user.id),
          eq(passwordResets.kind, 'admin'),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      );
    const reset = await tx
      .insert(passwordResets)
      .values({
        tokenHash: sha256(token),
        userId: user.id,
        createdByUserId: principal.user.id,
        expiresAt,
        createdAt: now,
      })
      .returning()
      .get();
    await recordAudit(tx, ctx, {
      action: 'user.password.reset.issue',
      entityType: 'user',
      entityId: user.id,
      after: { passwordResetId: reset.id, expiresAt: expiresAt.toISOString() },
    });
    const origin = deps.config.origins[0] ?? '';
    return {
      url: `${origin}${PASSWORD_RESET_PAGE}#token=${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

/** Rate-limit buckets of "Forgot password" are dropped a day after their window started. */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * "Forgot password" (decision 152): when `email` belongs to an account that can sign in, a
 * one-time link (30 minutes) is mailed to it; an earlier such link stops working. The
 * caller learns nothing either way: the route answers 202 alike, the work is the same
 * write, and the mail leaves later from the outbox. Limits: per client address (429), and
 * per email address (beyond it nothing more is mailed, still 202).
 */
export async function requestPasswordReset(
  deps: Deps,
  requestId: string,
  input: { email: string },
  meta: Pick<ClientMeta, 'ip'>,
): Promise<void> {
  const email = normalizeEmail(input.email);
  const token = randomToken();
  const refused = await deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const windowMs = deps.config.notifyRequestWindowMs;
    await pruneLimits(tx, nowMs - PRUNE_AFTER_MS);
    const byAddress = await hitLimit(
      tx,
      {
        bucket: `recovery:address:${meta.ip}`,
        max: deps.config.notifyRequestsPerAddress,
        windowMs,
      },
      nowMs,
    );
    if (!byAddress.allowed) return byAddress.retryAfterMs;
    const byEmail = await hitLimit(
      tx,
      { bucket: `recovery:email:${email}`, max: deps.config.notifyRequestsPerEmail, windowMs },
      nowMs,
    );
    if (!byEmail.allowed) return null;
    const found = await tx
      .select({ user: users, customerActive: customers.active })
      .from(users)
      .leftJoin(customers, eq(customers.id, users.customerId))
      .where(eq(users.email, email))
      .get();
    // Only an account that can sign in: a pending invitation is accepted through its own link.
    if (!found?.user.active || found.customerActive === false || found.user.passwordHash === null) {
      return null;
    }
    const { user } = found;
    const now = new Date(nowMs);
    const expiresAt = new Date(nowMs + deps.config.passwordRecoveryTtlMs);
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(
        and(
          eq(passwordResets.userId, user.id),
          eq(passwordResets.kind, 'self'),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      );
    const reset = await tx
      .insert(passwordResets)
      .values({
        tokenHash: sha256(token),
        userId: user.id,
        createdByUserId: user.id,
        kind: 'self',
        expiresAt,
        createdAt: now,
      })
      .returning()
      .get();
    await recordAudit(
      tx,
      { deps, principal: { kind: 'anonymous' }, requestId },
      {
        action: 'user.password.reset.request',
        entityType: 'user',
        entityId: user.id,
        after: { passwordResetId: reset.id, expiresAt: expiresAt.toISOString() },
      },
    );
    const origin = deps.config.origins[0] ?? '';
    await emit(tx, deps, {
      type: 'password.reset',
      userId: user.id,
      email: user.email,
      link: `${origin}${PASSWORD_RESET_PAGE}#token=${token}`,
      expiresAt: expiresAt.toISOString(),
    });
    return null;
  });
  if (refused !== null) {
    throw tooManyRequests(refused, 'Too many password reset requests. Try again later.');
  }
}

const invalidReset = () =>
  new InvalidInput(
    'This password reset link is not valid: it was used, replaced or has expired. Ask for a new one with "Forgot password" on the sign-in page, or ask an administrator.',
    { code: 'PASSWORD_RESET_INVALID' },
  );

/** The person behind a finished reset: who to tell to sign in, and where. */
export interface ResetUser {
  id: number;
  email: string;
  role: Role;
}

/**
 * Sets the new password with the one-time token. Every session of the user ends and every
 * browser of theirs is distrusted (whoever knew the old password is out); the browser that
 * used the link is trusted instead, so the person can sign in even while someone is
 * hammering the account (decision 124). They then sign in as usual.
 */
export async function completePasswordReset(
  deps: Deps,
  requestId: string,
  input: { token: string; password: string },
  meta: Pick<ClientMeta, 'deviceTokens'>,
): Promise<{ user: ResetUser; deviceTokens: string[] }> {
  const tokenHash = sha256(input.token);
  const usable = (nowMs: number) =>
    and(
      eq(passwordResets.tokenHash, tokenHash),
      isNull(passwordResets.usedAt),
      gt(passwordResets.expiresAt, new Date(nowMs)),
    );
  // Checked before the password rules and the (slow) hashing, and again in the write.
  const found = await deps.db.db
    .select({ user: users, customerActive: customers.active })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .leftJoin(customers, eq(customers.id, users.customerId))
    .where(usable(deps.clock.now()))
    .get();
  if (!found?.user.active || found.customerActive === false) throw invalidReset();
  checkNewPassword(input.password, found.user.email, 'password');
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashing);
  return deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: new Date(nowMs) })
      .where(usable(nowMs))
      .returning()
      .get();
    if (!used) throw invalidReset();
    const user = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(nowMs) })
      .where(and(eq(users.id, used.userId), eq(users.active, true)))
      .returning()
      .get();
    if (!user) throw invalidReset();
    // Every other link to this account stops working too: the password was just chosen.
    await tx
      .update(passwordResets)
      .set({ expiresAt: new Date(nowMs) })
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date(nowMs)),
        ),
      );
    await endUserSessions(tx, user.id);
    await distrustUserDevices(tx, user.id);
    const deviceTokens = await trustDevice(tx, deps, user.id, meta.deviceTokens);
    await recordAudit(tx, selfContext(deps, user, requestId), {
      action: 'user.password.reset.complete',
      entityType: 'user',
      entityId: user.id,
      after: { passwordResetId: used.id },
    });
    return { user: { id: user.id, email: user.email, role: user.role }, deviceTokens };
  });
}
