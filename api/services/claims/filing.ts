import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { type ClaimKind, claims } from '../../../db/schema/index.ts';
import type { CustomerContext, Deps } from '../../context.ts';
import { conflict, notFound, unprocessable } from '../../domain-errors.ts';
import { findReplay, idempotent, type StoredResponse } from '../../infra/idempotency.ts';
import { emit } from '../../notify/outbox.ts';
import { type EvaluationResult, periodBounds, type ResponseResult } from '../../sla/index.ts';
import {
  COUNTERPARTY_VISIBLE_KINDS,
  evaluatePeriods,
  type LoadedAgreement,
  loadAgreements,
} from '../sla-figures.ts';
import { evaluateSupport } from '../support.ts';
import {
  appendEvent,
  type ClaimDto,
  claimDto,
  currentClaim,
  LIVE,
  localDateTime,
  type ServiceNames,
  summaryOf,
} from './model.ts';

/**
 * Filing a claim (sla-accounting §4.1, sla-response.md §5): the checks, then one write that
 * stores the evaluation as evidence and opens the trail.
 */

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (/UNIQUE constraint failed/.test(cause.message)) return true;
  }
  return false;
}

const alreadyLive = () =>
  conflict(
    'A claim for this agreement, service and period is already open or decided.',
    'CLAIM_EXISTS',
  );

export interface FileClaimInput {
  agreementId: number;
  /** Default `availability`. */
  kind?: ClaimKind | undefined;
  /** The service of an availability claim; absent for a support claim. */
  service?: string | undefined;
  period: string;
  description?: string | undefined;
}

/**
 * Files a claim for the customer: the period must have ended and its claim deadline not
 * passed; a zero-credit claim (a dispute) needs a description. The evaluation is stored
 * with the claim as its evidence. At most one live claim per (agreement, service, period),
 * also under concurrency: the check, the insert (under a partial unique index) and the
 * trail entry commit in one write transaction.
 *
 * A replay of an Idempotency-Key is answered first, before any check: the first answer's
 * status with the claim as it is now (withdrawn, decided…), even once the deadline passed.
 */
export async function fileClaim(
  ctx: CustomerContext,
  input: FileClaimInput,
  idempotency: { key: string | undefined; path: string },
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  const { deps, principal, customerId } = ctx;
  const scope = { principal, key: idempotency.key, method: 'POST', path: idempotency.path };
  const replay = await findReplay(deps, scope, input, (first: ClaimDto) =>
    currentClaim(deps.db.db, customerId, first),
  );
  if (replay) return replay;
  const nowMs = deps.clock.now();
  const agreement = await claimableAgreement(deps, customerId, input.agreementId);
  if (input.kind === 'support') {
    return fileSupportClaim(ctx, customerId, agreement, input, scope);
  }
  return fileAvailabilityClaim(ctx, customerId, agreement, input, scope, nowMs);
}

type IdempotencyScope = Parameters<typeof findReplay>[1];

/** The customer's agreement the claim names; an internal agreement takes no claims. */
async function claimableAgreement(
  deps: Deps,
  customerId: number,
  agreementId: number,
): Promise<LoadedAgreement> {
  const [agreement] = await loadAgreements(deps.db.db, {
    customerId,
    agreementIds: [agreementId],
    kinds: COUNTERPARTY_VISIBLE_KINDS,
  });
  if (!agreement) throw notFound('No such agreement.');
  if (agreement.kind === 'internal') {
    throw unprocessable(
      'This is an internal agreement between our own teams: a report, with no fee and no claims.',
      'AGREEMENT_TAKES_NO_CLAIMS',
      [{ path: 'agreementId', message: 'an internal agreement takes no claims' }],
    );
  }
  return agreement;
}

/** Claims for a period open when it ends, in the agreement's zone. */
function refuseUnendedPeriod(nowMs: number, period: string, agreement: { timeZone: string }) {
  const bounds = periodBounds(period, agreement.timeZone);
  if (nowMs < bounds.endMs) {
    throw unprocessable(
      `Claims for ${period} open when the period ends, on ${localDateTime(bounds.endMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'PERIOD_NOT_ENDED',
      [{ path: 'period', message: 'the period has not ended' }],
    );
  }
}

/**
 * An availability claim: for a service of the agreement, on a period that has ended and was
 * covered, before its deadline, with the service's evaluation stored as its evidence.
 */
async function fileAvailabilityClaim(
  ctx: CustomerContext,
  customerId: number,
  agreement: LoadedAgreement,
  input: FileClaimInput,
  scope: IdempotencyScope,
  nowMs: number,
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  const { deps } = ctx;
  const service = agreement.services.find((item) => item.slug === input.service);
  if (!service) {
    throw unprocessable(
      `The agreement does not cover the service "${input.service}".`,
      'UNPROCESSABLE',
      [{ path: 'service', message: 'not a service of this agreement' }],
    );
  }
  refuseUnendedPeriod(nowMs, input.period, agreement);
  const [figures] = await evaluatePeriods(deps, agreement, [input.period], nowMs, {
    serviceIds: [service.serviceId],
  });
  if (!figures) throw new Error('no evaluation for a covered service');
  const evaluation = figures.evaluation;
  checkDeadline(nowMs, input.period, agreement, evaluation.claimDeadline);
  if (evaluation.status === 'not-covered') {
    throw unprocessable(
      `The agreement did not cover ${input.service} in ${input.period}.`,
      'PERIOD_NOT_COVERED',
      [{ path: 'period', message: 'not covered by the agreement' }],
    );
  }
  const description = input.description?.trim() || null;
  if (evaluation.status === 'not-monitored' && description === null) {
    // Nothing measured gives no credit (§3.1), so such a claim is a dispute like any other.
    throw unprocessable(
      `Nothing was measured for ${input.service} in ${input.period}: monitoring of the service began on ${localDateTime(service.monitoredSinceMs, agreement.timeZone)} (${agreement.timeZone}). Describe what you dispute to file a claim.`,
      'DESCRIPTION_REQUIRED',
      [{ path: 'description', message: 'required when the period was not monitored' }],
    );
  }
  requireDisputeDescription(evaluation.creditMinor, description);
  return insertClaim(
    ctx,
    customerId,
    scope,
    input,
    eq(claims.serviceId, service.serviceId),
    {
      kind: 'availability',
      agreementId: agreement.id,
      serviceId: service.serviceId,
      period: input.period,
      description,
      evaluation,
      policyVersionId: figures.policy.id,
      computedCreditMinor: evaluation.creditMinor,
      capMinor: evaluation.capMinor,
      currency: evaluation.currency,
    },
    service,
  );
}

function checkDeadline(
  nowMs: number,
  period: string,
  agreement: { timeZone: string },
  claimDeadline: string,
): void {
  const deadlineMs = Date.parse(claimDeadline);
  if (nowMs >= deadlineMs) {
    throw unprocessable(
      `Claims for ${period} closed on ${localDateTime(deadlineMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'CLAIM_DEADLINE_PASSED',
      [{ path: 'period', message: 'the claim deadline has passed' }],
    );
  }
}

function requireDisputeDescription(creditMinor: number, description: string | null): void {
  if (creditMinor === 0 && description === null) {
    throw unprocessable(
      'The rules give no credit for this period; describe what you dispute to file a claim.',
      'DESCRIPTION_REQUIRED',
      [{ path: 'description', message: 'required when the computed credit is 0' }],
    );
  }
}

/**
 * A support claim (sla-response.md §3.6, §5): on a month that has ended and become final
 * (no request still pending), before its claim deadline, with the response evaluation
 * stored as its evidence. One live support claim per (agreement, period).
 */
async function fileSupportClaim(
  ctx: CustomerContext,
  customerId: number,
  agreement: LoadedAgreement,
  input: FileClaimInput,
  scope: IdempotencyScope,
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  const { deps } = ctx;
  const nowMs = deps.clock.now();
  refuseUnendedPeriod(nowMs, input.period, agreement);
  const support = await evaluateSupport(deps, agreement, input.period, nowMs);
  if (support === null) {
    throw unprocessable(
      `The agreement has no support terms in ${input.period}.`,
      'SUPPORT_NOT_OFFERED',
      [{ path: 'kind', message: 'no response objectives in this period' }],
    );
  }
  const evaluation = support.result;
  checkDeadline(nowMs, input.period, agreement, evaluation.claimDeadline);
  if (evaluation.status === 'not-covered') {
    throw unprocessable(`The agreement did not cover ${input.period}.`, 'PERIOD_NOT_COVERED', [
      { path: 'period', message: 'not covered by the agreement' },
    ]);
  }
  if (!evaluation.final) {
    throw unprocessable(
      `The support figures of ${input.period} are not final yet: some requests are still pending.`,
      'PERIOD_NOT_FINAL',
      [{ path: 'period', message: 'requests of this month are still pending' }],
    );
  }
  const description = input.description?.trim() || null;
  requireDisputeDescription(evaluation.creditMinor, description);
  return insertClaim(
    ctx,
    customerId,
    scope,
    input,
    eq(claims.kind, 'support'),
    {
      kind: 'support',
      agreementId: agreement.id,
      serviceId: null,
      period: input.period,
      description,
      evaluation,
      policyVersionId: support.terms.policyVersionId,
      computedCreditMinor: evaluation.creditMinor,
      capMinor: evaluation.capMinor,
      currency: evaluation.currency,
    },
    undefined,
  );
}

/**
 * The check, the insert (under a partial unique index) and the trail entry, in one write
 * transaction: at most one live claim per (agreement, service or support, period), also
 * under concurrency.
 */
async function insertClaim(
  ctx: CustomerContext,
  customerId: number,
  scope: IdempotencyScope,
  input: FileClaimInput,
  sameSlot: SQL | undefined,
  values: {
    kind: ClaimKind;
    agreementId: number;
    serviceId: number | null;
    period: string;
    description: string | null;
    evaluation: EvaluationResult | ResponseResult;
    policyVersionId: number;
    computedCreditMinor: number;
    capMinor: number;
    currency: string;
  },
  service: ServiceNames | undefined,
): Promise<StoredResponse<ClaimDto> & { replayed: boolean }> {
  const { deps, principal } = ctx;
  try {
    return await deps.db.write((tx) =>
      idempotent(
        tx,
        deps,
        scope,
        input,
        async () => {
          const live = await tx
            .select({ id: claims.id })
            .from(claims)
            .where(
              and(
                eq(claims.agreementId, values.agreementId),
                sameSlot,
                eq(claims.period, values.period),
                inArray(claims.status, LIVE),
              ),
            )
            .get();
          if (live) throw alreadyLive();
          const now = new Date(deps.clock.now());
          const row = await tx
            .insert(claims)
            .values({
              customerId,
              ...values,
              status: 'submitted',
              createdByUserId: principal.user.id,
              createdByApiKeyId: null,
              createdAt: now,
              updatedAt: now,
            })
            .returning()
            .get();
          await appendEvent(tx, ctx, {
            claimId: row.id,
            type: 'filed',
            toStatus: 'submitted',
            note: values.description,
          });
          const dto = claimDto(row, service);
          await emit(tx, deps, {
            type: 'claim.filed',
            claim: await summaryOf(tx, dto, customerId),
          });
          return { status: 201, body: dto };
        },
        (first) => currentClaim(tx, customerId, first),
      ),
    );
  } catch (error) {
    // Another process filed between our check and insert: the partial unique index decides.
    if (isUniqueViolation(error)) throw alreadyLive();
    throw error;
  }
}
