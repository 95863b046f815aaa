import { pageSchema } from '../http/page-schemas.ts';
import { CSV_CONTENT_TYPE } from '../infra/csv.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  addComment,
  creditTotals,
  decideClaim,
  listCredits,
  listStaffClaims,
  markCredited,
  staffClaim,
} from '../services/claims.ts';
import { renderLedgerCsv } from '../services/ledger-csv.ts';
import {
  ClaimCommentSchema,
  ClaimDetailSchema,
  ClaimSchema,
  ClaimStatusSchema,
  commentBody,
  EvaluationSchema,
  monthSchema,
  TerminationSchema,
} from './claims-shapes.ts';
import { IdParams, idFilter, listQuery } from './common.ts';
import { CorrectionSchema } from './staff-windows.ts';
import { SupportMonthSchema } from './support.ts';
import { displayText, longText } from './text.ts';

const tags = ['Staff: claims and credits'];

const StaffClaimSchema = ClaimSchema.extend({
  customer: z.object({ id: z.number().int(), name: z.string() }),
  ageDays: z.number().int(),
}).openapi('StaffClaim');

const StaffClaimDetailSchema = ClaimDetailSchema.extend({
  customer: z.object({ id: z.number().int(), name: z.string() }),
  freshEvaluation: EvaluationSchema.nullable(),
  freshDiffers: z.boolean(),
  corrections: z.array(CorrectionSchema),
  termination: TerminationSchema.nullable(),
  /** For a support claim: the month's response figures now, with each request. */
  support: SupportMonthSchema.nullable(),
}).openapi('StaffClaimDetail');

const amountFilter = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();
const dayFilter = z.coerce.number().int().min(0).max(36_500).optional();

const statusCount = z.number().int();
/**
 * Every status with its count, zero included. An object rather than a record: the document
 * then marks each status required, so the queue's tabs need no fallback for a missing one.
 */
const statusCounts = z.object({
  submitted: statusCount,
  approved: statusCount,
  rejected: statusCount,
  credited: statusCount,
  withdrawn: statusCount,
} satisfies Record<z.infer<typeof ClaimStatusSchema>, typeof statusCount>);

const queue = defineRoute('staff', {
  method: 'get',
  path: '/staff/claims',
  tags,
  summary: 'The claims queue: oldest first, filtered, with the count per status',
  request: {
    query: listQuery({
      status: ClaimStatusSchema.optional(),
      customerId: idFilter,
      period: monthSchema.optional(),
      minAgeDays: dayFilter,
      maxAgeDays: dayFilter,
      minAmountMinor: amountFilter,
      maxAmountMinor: amountFilter,
    }),
  },
  responses: {
    200: jsonContent(
      pageSchema(StaffClaimSchema).extend({
        counts: statusCounts,
      }),
      'A page of claims',
    ),
    ...errorResponses(400),
  },
});

const detail = defineRoute('staff', {
  method: 'get',
  path: '/staff/claims/{id}',
  tags,
  summary: 'A claim with its stored evaluation beside a fresh one, corrections and the trail',
  request: { params: IdParams },
  responses: { 200: jsonContent(StaffClaimDetailSchema, 'The claim'), ...errorResponses(400, 404) },
});

const decision = defineRoute('staff', {
  method: 'post',
  path: '/staff/claims/{id}/decision',
  tags,
  summary: 'Approve (at the computed amount, or another with a reason) or reject (with a reason)',
  description:
    'Once only: a decided claim answers 409. An approved amount never exceeds the rounded cap ' +
    '(`capMinor`); an amount other than the computed credit needs a reason.',
  request: {
    params: IdParams,
    body: jsonBody(
      z.strictObject({
        decision: z.enum(['approve', 'reject']),
        amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
        reason: longText({ max: 5000 }).optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(ClaimSchema, 'The decided claim'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

const credit = defineRoute('staff', {
  method: 'post',
  path: '/staff/claims/{id}/credit',
  tags,
  summary: 'Mark an approved claim as credited on an invoice',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ invoiceReference: displayText({ max: 200 }) })),
  },
  responses: {
    200: jsonContent(ClaimSchema, 'The credited claim'),
    ...errorResponses(400, 404, 409, 413, 415),
  },
});

const comment = defineRoute('staff', {
  method: 'post',
  path: '/staff/claims/{id}/comments',
  tags,
  summary: 'Comment on a claim, or add an internal note the customer never sees',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ body: commentBody, internal: z.boolean().default(false) })),
  },
  responses: {
    201: jsonContent(ClaimCommentSchema, 'The comment'),
    ...errorResponses(400, 404, 413, 415),
  },
});

const CreditSchema = z
  .object({
    id: z.number().int(),
    claimId: z.number().int(),
    customer: z.object({ id: z.number().int(), name: z.string() }),
    agreementId: z.number().int(),
    timeZone: z
      .string()
      .openapi({ description: "The agreement's zone: the month is counted in it." }),
    service: z.string(),
    serviceName: z.string(),
    period: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    approvedAt: z.string(),
    approvedBy: z.string(),
    invoiceReference: z.string().nullable(),
    creditedAt: z.string().nullable(),
  })
  .openapi('Credit');

const ledger = defineRoute('staff', {
  method: 'get',
  path: '/staff/credits',
  tags,
  summary: 'The credits ledger',
  request: { query: listQuery({ customerId: idFilter, period: monthSchema.optional() }) },
  responses: {
    200: jsonContent(pageSchema(CreditSchema), 'A page of credits'),
    ...errorResponses(400),
  },
});

const ledgerFilter = z.strictObject({ customerId: idFilter, period: monthSchema.optional() });

const ledgerCsv = defineRoute('staff', {
  method: 'get',
  path: '/staff/credits.csv',
  tags,
  summary: 'The credits ledger as CSV (every matching entry, then the totals)',
  description:
    'In the statements’ conventions (ADR 160, 163): one table whose `record` column says what a ' +
    'row is: `credit` (one per entry), `customer total` (per customer and currency), `total` ' +
    '(per currency). Amounts in major units beside their currency, times in the agreement’s ' +
    'zone with their offset, services by name beside their slug; UTF-8 with a byte order mark, ' +
    'CRLF, formula-like text prefixed with an apostrophe. The totals are those of the rows listed.',
  request: { query: ledgerFilter },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400),
  },
});

const CreditTotalSchema = z.object({
  currency: z.string(),
  count: z.number().int().openapi({ description: 'Entries.' }),
  amountMinor: z.number().int().openapi({ description: 'Approved, in minor units.' }),
  creditedMinor: z
    .number()
    .int()
    .openapi({ description: 'The part of it already credited on an invoice.' }),
});

const CreditTotalsSchema = z
  .object({
    byCurrency: z.array(CreditTotalSchema).openapi({
      description:
        'Every matching entry per currency: amounts of different currencies are never added.',
    }),
    byCustomer: z
      .array(
        CreditTotalSchema.extend({
          customer: z.object({ id: z.number().int(), name: z.string() }),
        }),
      )
      .openapi({ description: 'Per customer and currency, customers by name.' }),
  })
  .openapi('CreditTotals');

const ledgerTotals = defineRoute('staff', {
  method: 'get',
  path: '/staff/credits/totals',
  tags,
  summary: 'The credits ledger’s totals per currency and per customer (every matching entry)',
  request: { query: ledgerFilter },
  responses: {
    200: jsonContent(CreditTotalsSchema, 'The totals'),
    ...errorResponses(400),
  },
});

export function registerStaffClaims(api: ApiApp): void {
  api.openapi(queue, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(await listStaffClaims(c.var.deps, filter, { limit, cursor }), 200);
  });

  api.openapi(detail, async (c) => {
    return c.json(await staffClaim(c.var.deps, c.req.valid('param').id), 200);
  });

  api.openapi(decision, async (c) => {
    const claim = await decideClaim(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(claim, 200);
  });

  api.openapi(credit, async (c) => {
    const claim = await markCredited(
      c.var.caller,
      c.req.valid('param').id,
      c.req.valid('json').invoiceReference,
    );
    return c.json(claim, 200);
  });

  api.openapi(comment, async (c) => {
    const created = await addComment(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(created, 201);
  });

  api.openapi(ledger, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(await listCredits(c.var.deps, filter, { limit, cursor }), 200);
  });

  api.openapi(ledgerTotals, async (c) => {
    return c.json(await creditTotals(c.var.deps, c.req.valid('query')), 200);
  });

  api.openapi(ledgerCsv, async (c) => {
    const { items } = await listCredits(c.var.deps, c.req.valid('query'), null);
    c.header('Content-Disposition', 'attachment; filename="credits.csv"');
    return c.body(await renderLedgerCsv(items), 200, { 'Content-Type': CSV_CONTENT_TYPE });
  });
}
