import { z } from '../openapi.ts';
import { CLAIM_STATUSES } from '../services/claims.ts';
import { evaluationResultSchema } from '../sla/index.ts';
import { longText } from './text.ts';

/** Response shapes shared by the customer and staff claim routes. */

export const EvaluationSchema = evaluationResultSchema.meta({ id: 'Evaluation' });

export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);

export const ClaimSchema = z
  .object({
    id: z.number().int(),
    agreementId: z.number().int(),
    service: z.string(),
    serviceName: z.string(),
    monitoredSince: z.iso
      .datetime()
      .nullable()
      .openapi({
        description:
          "When monitoring of the service began, as the service says now; the stored evaluation's " +
          '`unmonitoredMs` is the time before it at filing (0 for claims filed before the monitoring rule).',
      }),
    period: z.string(),
    status: ClaimStatusSchema,
    description: z.string().nullable(),
    evaluation: EvaluationSchema,
    policyVersionId: z.number().int(),
    computedCreditMinor: z.number().int(),
    capMinor: z.number().int(),
    currency: z.string(),
    approvedAmountMinor: z.number().int().nullable(),
    decisionReason: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    invoiceReference: z.string().nullable(),
    creditedAt: z.iso.datetime().nullable(),
    claimDeadline: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Claim');

export const ClaimEventSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    fromStatus: ClaimStatusSchema.nullable(),
    toStatus: ClaimStatusSchema.nullable(),
    note: z.string().nullable(),
    internal: z.boolean(),
    actor: z.object({
      kind: z.enum(['customer', 'staff', 'system']),
      email: z.string().nullable(),
    }),
    at: z.iso.datetime(),
  })
  .openapi('ClaimEvent');

export const ClaimCommentSchema = z
  .object({
    id: z.number().int(),
    body: z.string(),
    internal: z.boolean(),
    author: z.object({ kind: z.enum(['customer', 'staff']), email: z.string() }),
    at: z.iso.datetime(),
  })
  .openapi('ClaimComment');

export const ClaimDetailSchema = ClaimSchema.extend({
  events: z.array(ClaimEventSchema),
  comments: z.array(ClaimCommentSchema),
}).openapi('ClaimDetail');

export const commentBody = longText({ min: 1, max: 5000 });

/** `YYYY-MM` */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month, YYYY-MM' })
  .openapi({ example: '2026-03' });

/** The termination right of sla-accounting §4: earned, and by which missed months. */
export const TerminationSchema = z
  .object({
    rule: z.object({ missedPeriods: z.number().int(), withinPeriods: z.number().int() }),
    earned: z.boolean(),
    consideredPeriods: z.array(z.string()),
    missedPeriods: z.array(z.object({ period: z.string(), services: z.array(z.string()) })),
  })
  .openapi('TerminationRight');
