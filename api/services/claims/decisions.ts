import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { type ClaimStatus, claimComments, claims, credits } from '../../../db/schema/index.ts';
import type { CustomerContext, RequestContext, StaffContext, UserContext } from '../../context.ts';
import { conflict, unprocessable } from '../../domain-errors.ts';
import { emit } from '../../notify/outbox.ts';
import {
  appendEvent,
  type ClaimCommentDto,
  type ClaimDto,
  type ClaimRow,
  claimDtos,
  formatMinor,
  loadClaim,
  summaryOf,
} from './model.ts';

/** What happens to a filed claim: withdrawal, comments, the staff decision, crediting. */

/** The customer withdraws a submitted claim; the triple is free for a new claim. */
export async function withdrawClaim(
  ctx: CustomerContext,
  id: number,
  note: string | undefined,
): Promise<ClaimDto> {
  const { deps, customerId } = ctx;
  return deps.db.write(async (tx) => {
    const row = await loadClaim(tx, id, customerId);
    return transition(tx, ctx, row, 'withdrawn', {
      type: 'withdrawn',
      note: note?.trim() || null,
    });
  });
}

const ALLOWED: Record<ClaimStatus, ClaimStatus[]> = {
  submitted: ['approved', 'rejected', 'withdrawn'],
  approved: ['credited'],
  rejected: [],
  credited: [],
  withdrawn: [],
};

async function transition(
  tx: Tx,
  ctx: RequestContext,
  row: ClaimRow,
  to: ClaimStatus,
  event: { type: string; note: string | null },
  changes: Partial<typeof claims.$inferInsert> = {},
): Promise<ClaimDto> {
  const { deps } = ctx;
  if (!ALLOWED[row.status].includes(to)) {
    throw conflict(
      `The claim is ${row.status}; it cannot become ${to}.`,
      row.status === 'submitted' ? 'INVALID_TRANSITION' : 'CLAIM_ALREADY_DECIDED',
    );
  }
  const now = new Date(deps.clock.now());
  // The status in the WHERE makes a concurrent second transition find nothing to change.
  const updated = await tx
    .update(claims)
    .set({ ...changes, status: to, updatedAt: now })
    .where(and(eq(claims.id, row.id), eq(claims.status, row.status)))
    .returning()
    .get();
  if (!updated) throw conflict('The claim changed meanwhile; reload it.', 'CLAIM_ALREADY_DECIDED');
  await appendEvent(tx, ctx, {
    claimId: row.id,
    type: event.type,
    fromStatus: row.status,
    toStatus: to,
    note: event.note,
  });
  const [dto] = await claimDtos(tx, [updated]);
  return dto as ClaimDto;
}

/** A comment by the customer (always visible) or by staff (`internal`: a note customers never see). */
export async function addComment(
  ctx: UserContext,
  claimId: number,
  input: { body: string; internal: boolean },
  customerId?: number,
): Promise<ClaimCommentDto> {
  const { deps, principal } = ctx;
  return deps.db.write(async (tx) => {
    const claim = await loadClaim(tx, claimId, customerId);
    const now = new Date(deps.clock.now());
    const row = await tx
      .insert(claimComments)
      .values({
        claimId,
        authorUserId: principal.user.id,
        body: input.body,
        internal: input.internal,
        createdAt: now,
      })
      .returning()
      .get();
    await appendEvent(tx, ctx, {
      claimId,
      type: input.internal ? 'noted' : 'commented',
      note: input.body,
      internal: input.internal,
    });
    // Staff writing to the customer tells the customer; a customer's own words and staff's
    // internal notes tell nobody.
    if (principal.user.role !== 'customer' && !input.internal) {
      const [dto] = await claimDtos(tx, [claim]);
      if (dto) {
        await emit(tx, deps, {
          type: 'claim.commented',
          claim: await summaryOf(tx, dto, claim.customerId),
          comment: input.body,
        });
      }
    }
    return {
      id: row.id,
      body: row.body,
      internal: row.internal,
      author: {
        kind: principal.user.role === 'customer' ? 'customer' : 'staff',
        email: principal.user.email,
      },
      at: row.createdAt.toISOString(),
    };
  });
}

export interface DecisionInput {
  decision: 'approve' | 'reject';
  amountMinor?: number | undefined;
  reason?: string | undefined;
}

/**
 * Staff decide a submitted claim, once: approve at the computed amount, or at another
 * amount with a reason and never above the rounded cap; or reject with a reason. An
 * approval enters the credits ledger in the same transaction.
 */
export async function decideClaim(
  ctx: StaffContext,
  id: number,
  input: DecisionInput,
): Promise<ClaimDto> {
  const { deps, principal } = ctx;
  const reason = input.reason?.trim() || null;
  return deps.db.write(async (tx) => {
    const row = await loadClaim(tx, id);
    if (row.status !== 'submitted') {
      throw conflict(`The claim was already ${row.status}.`, 'CLAIM_ALREADY_DECIDED');
    }
    const now = new Date(deps.clock.now());
    if (input.decision === 'reject') {
      if (input.amountMinor !== undefined) {
        throw unprocessable('A rejection has no amount.', 'UNPROCESSABLE', [
          { path: 'amountMinor', message: 'not allowed when rejecting' },
        ]);
      }
      if (reason === null) {
        throw unprocessable('A rejection needs a reason.', 'REASON_REQUIRED', [
          { path: 'reason', message: 'required when rejecting' },
        ]);
      }
      const rejected = await transition(
        tx,
        ctx,
        row,
        'rejected',
        { type: 'rejected', note: reason },
        { decisionReason: reason, decidedByUserId: principal.user.id, decidedAt: now },
      );
      await emit(tx, deps, {
        type: 'claim.decided',
        claim: await summaryOf(tx, rejected, row.customerId),
      });
      return rejected;
    }
    const amount = input.amountMinor ?? row.computedCreditMinor;
    if (amount !== row.computedCreditMinor && reason === null) {
      throw unprocessable(
        `Approving ${amount} instead of the computed ${row.computedCreditMinor} needs a reason.`,
        'REASON_REQUIRED',
        [{ path: 'reason', message: 'required when the amount differs from the computed credit' }],
      );
    }
    if (amount > row.capMinor) {
      throw unprocessable(
        `The most this claim may grant is ${row.capMinor} (the policy's cap).`,
        'ABOVE_CAP',
        [{ path: 'amountMinor', message: `must not exceed the cap of ${row.capMinor}` }],
      );
    }
    const dto = await transition(
      tx,
      ctx,
      row,
      'approved',
      {
        type: 'approved',
        note:
          amount === row.computedCreditMinor
            ? reason
            : `Approved ${formatMinor(amount, row.currency)} instead of the computed ${formatMinor(row.computedCreditMinor, row.currency)}: ${reason}`,
      },
      {
        approvedAmountMinor: amount,
        decisionReason: reason,
        decidedByUserId: principal.user.id,
        decidedAt: now,
      },
    );
    await tx.insert(credits).values({
      claimId: row.id,
      customerId: row.customerId,
      agreementId: row.agreementId,
      kind: row.kind,
      serviceId: row.serviceId,
      period: row.period,
      amountMinor: amount,
      currency: row.currency,
      approvedByUserId: principal.user.id,
      approvedAt: now,
    });
    await emit(tx, deps, {
      type: 'claim.decided',
      claim: await summaryOf(tx, dto, row.customerId),
    });
    return dto;
  });
}

/** An approved claim is applied to an invoice: `credited`, with the invoice reference. */
export async function markCredited(
  ctx: StaffContext,
  id: number,
  invoiceReference: string,
): Promise<ClaimDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const row = await loadClaim(tx, id);
    const now = new Date(deps.clock.now());
    const dto = await transition(
      tx,
      ctx,
      row,
      'credited',
      { type: 'credited', note: `Invoice ${invoiceReference}` },
      { invoiceReference, creditedAt: now },
    );
    await tx
      .update(credits)
      .set({ invoiceReference, creditedAt: now })
      .where(eq(credits.claimId, row.id));
    await emit(tx, deps, {
      type: 'credit.applied',
      claim: await summaryOf(tx, dto, row.customerId),
    });
    return dto;
  });
}
