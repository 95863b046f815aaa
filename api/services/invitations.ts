import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { customers, invitations, type Role, users } from '../../db/schema/index.ts';
import { trustDevice } from '../auth/devices.ts';
import { checkNewPassword, hashPassword } from '../auth/passwords.ts';
import { createSession, endSession } from '../auth/sessions.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import { type AdminContext, type Deps, type SessionUser, selfContext } from '../context.ts';
import { conflict, InvalidInput, notFound } from '../domain-errors.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { emit } from '../notify/outbox.ts';
import { type ClientMeta, normalizeEmail } from './accounts.ts';
import { recordAudit } from './audit.ts';
import { checkRoleCustomer, type UserDto, userDto } from './staff-users.ts';

/** Where the site's invitation page lives; the token rides in the fragment (never sent to servers). */
export const INVITATION_PAGE = '/account/invitation';

export interface InvitationDto {
  user: UserDto;
  /** The one-time link, shown once: only its hash is stored. */
  link: string;
  expiresAt: string;
  /**
   * True when the link is also on its way to the invitee by mail (SMTP_URL is set); false
   * when the message waits in the development mailbox of the staff console.
   */
  emailed: boolean;
}

export interface NewInvitation {
  email: string;
  role: Role;
  customerId?: number | null | undefined;
  name?: string | null | undefined;
}

/**
 * An admin invites a person: the user is created without a password (or, if they were
 * invited before and never accepted, their earlier links stop working) and a one-time
 * link is returned.
 */
export async function inviteUser(ctx: AdminContext, input: NewInvitation): Promise<InvitationDto> {
  const { deps, principal } = ctx;
  const email = normalizeEmail(input.email);
  const token = randomToken();
  return deps.db.write(async (tx) => {
    const customerId = await checkRoleCustomer(tx, input.role, input.customerId);
    const now = new Date(deps.clock.now());
    const expiresAt = new Date(now.getTime() + deps.config.invitationTtlMs);
    const existing = await tx.select().from(users).where(eq(users.email, email)).get();
    let user: typeof users.$inferSelect;
    if (existing) {
      if (existing.passwordHash !== null) {
        throw conflict(`A user with email ${email} exists.`, 'EMAIL_TAKEN');
      }
      // A fresh invitation for someone who never accepted: earlier links stop working.
      await tx
        .update(invitations)
        .set({ expiresAt: now })
        .where(and(eq(invitations.userId, existing.id), isNull(invitations.usedAt)));
      user = await tx
        .update(users)
        .set({ role: input.role, customerId, name: input.name ?? existing.name, active: true })
        .where(eq(users.id, existing.id))
        .returning()
        .get();
    } else {
      user = await tx
        .insert(users)
        .values({
          email,
          name: input.name ?? null,
          passwordHash: null,
          role: input.role,
          customerId,
          createdAt: now,
        })
        .returning()
        .get();
    }
    const invitation = await tx
      .insert(invitations)
      .values({
        tokenHash: sha256(token),
        userId: user.id,
        createdByUserId: principal.user.id,
        expiresAt,
        createdAt: now,
      })
      .returning()
      .get();
    const dto = userDto(user);
    await recordAudit(tx, ctx, {
      action: 'user.invite',
      entityType: 'user',
      entityId: user.id,
      before: existing ? userDto(existing) : null,
      after: { ...dto, invitationId: invitation.id, invitationExpiresAt: expiresAt.toISOString() },
    });
    const origin = deps.config.origins[0] ?? '';
    const link = `${origin}${INVITATION_PAGE}#token=${token}`;
    await emit(tx, deps, {
      type: 'user.invited',
      userId: user.id,
      email: user.email,
      link,
      expiresAt: expiresAt.toISOString(),
      invitedBy: principal.user.email,
    });
    return {
      user: dto,
      link,
      expiresAt: expiresAt.toISOString(),
      emailed: deps.config.smtpUrl !== null,
    };
  });
}

const invalidInvitation = () =>
  new InvalidInput(
    'This invitation link is not valid: it was used, replaced or has expired. Ask for a new one.',
    { code: 'INVITATION_INVALID' },
  );

async function findUsableInvitation(deps: Deps, tokenHash: string, nowMs: number) {
  return deps.db.db
    .select({ invitation: invitations, user: users, customerActive: customers.active })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .leftJoin(customers, eq(customers.id, users.customerId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, new Date(nowMs)),
      ),
    )
    .get();
}

/** The invited person sets a password with the one-time token and is signed in. */
export async function acceptInvitation(
  deps: Deps,
  requestId: string,
  input: { token: string; password: string },
  meta: ClientMeta,
): Promise<{ token: string; deviceTokens: string[]; user: SessionUser }> {
  const tokenHash = sha256(input.token);
  // Checked before the (slow) hashing, and again in the transaction that uses it.
  const found = await findUsableInvitation(deps, tokenHash, deps.clock.now());
  if (!found?.user.active || found.customerActive === false) throw invalidInvitation();
  checkNewPassword(input.password, found.user.email, 'password');
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashing);
  return deps.db.write(async (tx) => {
    const now = new Date(deps.clock.now());
    const used = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(
        and(
          eq(invitations.tokenHash, tokenHash),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning()
      .get();
    if (!used) throw invalidInvitation();
    const user = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(and(eq(users.id, used.userId), eq(users.active, true)))
      .returning()
      .get();
    if (!user) throw invalidInvitation();
    if (meta.previousToken) await endSession(tx, sha256(meta.previousToken));
    await recordAudit(tx, selfContext(deps, user, requestId), {
      action: 'user.invitation.accept',
      entityType: 'user',
      entityId: user.id,
    });
    const token = await createSession(tx, deps, user.id, meta);
    // Accepting proves the account as a sign-in does: this browser is trusted (decision 124).
    const deviceTokens = await trustDevice(tx, deps, user.id, meta.deviceTokens);
    return {
      token,
      deviceTokens,
      user: { id: user.id, email: user.email, role: user.role, customerId: user.customerId },
    };
  });
}

/** An invitation not yet accepted, replaced, revoked or expired (docs/decisions/137). */
export interface PendingInvitationDto {
  id: number;
  user: {
    id: number;
    email: string;
    name: string | null;
    role: Role;
    customerId: number | null;
    customerName: string | null;
  };
  createdBy: { id: number; email: string };
  createdAt: string;
  expiresAt: string;
}

const creators = alias(users, 'creators');

const pendingColumns = {
  invitation: invitations,
  user: users,
  customerName: customers.name,
  creatorEmail: creators.email,
};

function pendingDto(row: {
  invitation: typeof invitations.$inferSelect;
  user: typeof users.$inferSelect;
  customerName: string | null;
  creatorEmail: string;
}): PendingInvitationDto {
  return {
    id: row.invitation.id,
    user: {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.user.role,
      customerId: row.user.customerId,
      customerName: row.customerName,
    },
    createdBy: { id: row.invitation.createdByUserId, email: row.creatorEmail },
    createdAt: row.invitation.createdAt.toISOString(),
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
}

/** The links that still work: not used and not expired (a replaced or revoked one has expired). */
export async function listPendingInvitations(
  deps: Deps,
  query: PageQuery & { customerId?: number | undefined },
): Promise<Page<PendingInvitationDto>> {
  const rows = await deps.db.db
    .select(pendingColumns)
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .leftJoin(customers, eq(customers.id, users.customerId))
    .innerJoin(creators, eq(creators.id, invitations.createdByUserId))
    .where(
      and(
        afterCursor(invitations.id, query),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, new Date(deps.clock.now())),
        query.customerId === undefined ? undefined : eq(users.customerId, query.customerId),
      ),
    )
    .orderBy(asc(invitations.id))
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.invitation.id })),
    query,
    pendingDto,
  );
}

/**
 * Stops a pending invitation's link at once, as a replacement does (it expires now). The
 * invited user stays, without a password, so the person can be invited again later.
 */
export async function revokeInvitation(
  ctx: AdminContext,
  id: number,
): Promise<PendingInvitationDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const now = new Date(deps.clock.now());
    const found = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(eq(invitations.id, id))
      .get();
    if (!found) throw notFound('No such invitation.');
    const revoked = await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(
        and(eq(invitations.id, id), isNull(invitations.usedAt), gt(invitations.expiresAt, now)),
      )
      .returning()
      .get();
    if (!revoked) {
      throw conflict(
        'This invitation is no longer pending: it was accepted, replaced, revoked or has expired.',
        'INVITATION_NOT_PENDING',
      );
    }
    const row = await tx
      .select(pendingColumns)
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .leftJoin(customers, eq(customers.id, users.customerId))
      .innerJoin(creators, eq(creators.id, invitations.createdByUserId))
      .where(eq(invitations.id, id))
      .get();
    if (!row) throw notFound('No such invitation.');
    await recordAudit(tx, ctx, {
      action: 'user.invitation.revoke',
      entityType: 'user',
      entityId: revoked.userId,
      after: { invitationId: id, revokedAt: now.toISOString() },
    });
    return pendingDto(row);
  });
}
