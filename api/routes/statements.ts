import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { invalidInput } from '../domain-errors.ts';
import { CSV_CONTENT_TYPE } from '../infra/csv.ts';
import { type ApiApp, defineRoute, errorResponses, ID_PARAM, z } from '../openapi.ts';
import { CLAIM_KINDS } from '../services/claims.ts';
import { AGREEMENT_KINDS } from '../services/staff-agreements.ts';
import { renderStatementCsv } from '../services/statement-csv.ts';
import { renderStatementPdf } from '../services/statement-pdf.ts';
import { customerStatement, parseStatementFile, statementJson } from '../services/statements.ts';
import { SUPPORT_PRIORITIES } from '../services/support.ts';
import { ClaimStatusSchema } from './claims-shapes.ts';
import { IdParams } from './common.ts';
import { AvailabilityItemSchema, NotBegunSchema, UnavailableSchema } from './me.ts';

/**
 * A customer's statement of a month or a year, as CSV (for people: ADR 160), JSON (the machine
 * fields) or PDF (ADR 161); customers ask for their own, staff for any customer's.
 */

const FILE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]))?\.(csv|json|pdf)$/;

const fileParam = z
  .string()
  .regex(FILE_PATTERN, {
    message: 'must be YYYY-MM or YYYY, then .csv, .json or .pdf (e.g. 2026-10.pdf, 2026.csv)',
  })
  .openapi({
    param: { name: 'file', in: 'path' },
    example: '2026-10.pdf',
    description:
      '`YYYY-MM.ext` for a month, `YYYY.ext` for a calendar year; `ext` is `csv`, `json` or `pdf`.',
  });

const StatementItemSchema = AvailabilityItemSchema.extend({
  creditRuleText: z.string().openapi({
    description:
      'How the credit came about, in words: the tier, the daily rule, the cap or the minimum.',
  }),
}).openapi('StatementItem');

const StatementSupportMonthSchema = z
  .object({
    agreementId: z.number().int(),
    month: z.string(),
    policy: z.string().openapi({ description: 'The policy and version in force for the month.' }),
    status: z.enum(['evaluated', 'not-covered']),
    final: z.boolean().openapi({
      description:
        'The month has ended and no request is pending: the figures can no longer change.',
    }),
    met: z.boolean().nullable(),
    targetPercent: z.number().nullable(),
    objectives: z.array(
      z.object({
        priority: z.enum(SUPPORT_PRIORITIES),
        kind: z.enum(['firstResponse', 'resolution']),
        targetMinutes: z.number().nullable(),
        calendar: z.enum(['24x7', 'business']).nullable(),
        met: z.number().int(),
        missed: z.number().int(),
        pending: z.number().int(),
        attainmentPercent: z.number().nullable(),
        attainmentDisplay: z.string().nullable(),
        targetPercent: z.number(),
        result: z.enum(['met', 'missed']).nullable().openapi({
          description: 'Attainment against `targetPercent`, exactly; null: nothing decided yet.',
        }),
      }),
    ),
    creditPercent: z.number(),
    creditMinor: z.number().int().openapi({
      description: 'The support credit; 0 on an internal agreement (a report, ADR 199).',
    }),
    currency: z.string(),
    claimDeadline: z.string().nullable(),
    requestCount: z.number().int(),
    automatedResponseCount: z.number().int().openapi({
      description: 'Automated replies on the month’s requests: recorded, never counted.',
    }),
    pendingCount: z.number().int(),
    source: z.enum(['computed', 'decided-claim']),
    claim: z.object({ id: z.number().int(), status: ClaimStatusSchema }).nullable(),
  })
  .openapi('StatementSupportMonth');

const StatementSchema = z
  .object({
    kind: z.enum(['month', 'year']),
    period: z.string().openapi({ description: '`YYYY-MM` or `YYYY`.' }),
    months: z.array(z.string()).openapi({
      description:
        'The months covered: for a year, those that have begun in some agreement’s zone.',
    }),
    monthsNotBegun: z.array(z.string()).openapi({
      description:
        'For a year: its months that had begun in no agreement’s zone at `generatedAt` (no figures).',
    }),
    generatedAt: z.iso.datetime().openapi({
      description: 'The as-of instant: the figures as they stood then.',
    }),
    customer: z.object({ id: z.number().int(), name: z.string() }),
    items: z.array(StatementItemSchema),
    agreements: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(AGREEMENT_KINDS),
        timeZone: z.string(),
        support: z.array(StatementSupportMonthSchema).nullable().openapi({
          description:
            'The support (response-time) figures per month of the statement; null when the agreement has no support terms.',
        }),
      }),
    ),
    claims: z.array(
      z.object({
        id: z.number().int(),
        agreementId: z.number().int(),
        kind: z.enum(CLAIM_KINDS),
        service: z.string(),
        serviceName: z.string(),
        period: z.string(),
        status: ClaimStatusSchema,
        computedCreditMinor: z.number().int(),
        approvedAmountMinor: z.number().int().nullable(),
        currency: z.string(),
        invoiceReference: z.string().nullable(),
        createdAt: z.string(),
        decidedAt: z.string().nullable(),
        creditedAt: z.string().nullable(),
      }),
    ),
    totals: z.array(
      z.object({
        currency: z.string(),
        creditMinor: z.number().int().openapi({
          description: 'Credits under the rules: availability plus support.',
        }),
        availabilityCreditMinor: z.number().int().openapi({
          description: 'The services’ availability credits.',
        }),
        supportCreditMinor: z.number().int().openapi({
          description: 'The support (response-time) credits.',
        }),
        approvedMinor: z.number().int().openapi({ description: 'Approved on claims.' }),
        creditedMinor: z.number().int().openapi({ description: 'Credited on invoices.' }),
      }),
    ),
    notBegun: z.array(NotBegunSchema),
    unavailable: z.array(UnavailableSchema),
  })
  .openapi('Statement');

const DESCRIPTION =
  'The figures of `GET /me/availability` for one month (`2026-10.pdf`) or one calendar year ' +
  '(`2026.pdf`: every month of it that has begun, each per agreement and service, with totals ' +
  "per currency). Months are counted in each agreement's zone. An agreement with support terms " +
  'also has, per month, the figures of `GET /me/support` (ADR 199): per priority and objective ' +
  'the attainment against the target, met or missed, the support credit, whether the month is ' +
  'final and its support claim; `agreements[].support` is null for an agreement without support ' +
  'terms. Totals per currency give `availabilityCreditMinor` and `supportCreditMinor` apart and ' +
  '`creditMinor` as their sum; an internal agreement is a report and states no support credit. ' +
  '**JSON** keeps the exact machine fields (minor units, milliseconds, UTC instants, slugs). ' +
  '**CSV** is for people (ADR 160): one table whose `record` column says what a row is ' +
  '(`service month`, `later correction`, `counted window`, `ignored window`, `support month`, ' +
  '`support objective`, `claim`, `not begun`, `unavailable`, `total`). A `support month` row ' +
  '(`service` is `support`) fills `policy`, `status`, `figures`, `target_percent`, `target`, ' +
  '`credit_percent`, `credit`, `currency`, `claim_deadline`, `claim`, `claim_status`, `final` ' +
  '(`final` or `not final`), `requests`, `automated_responses` (recorded, never counted) and ' +
  '`pending_requests`; a `support objective` row fills `priority`, `objective` (`first ' +
  'response` or `resolution`), `objective_minutes`, `calendar` (`24x7` or `business`), ' +
  '`met_requests`, `missed_requests`, `pending_requests`, `attainment_percent`, ' +
  "`target_percent` and `target`. A `total` row's `credit` is all credits under the rules, " +
  'its `availability_credit` and `support_credit` the two parts. Amounts in major units beside their currency, times ' +
  "in the agreement's zone with their offset, durations in minutes rounded up to the " +
  'hundredth; UTF-8 with a byte order mark, CRLF, formula-like text prefixed with an ' +
  'apostrophe. **PDF** (ADR 161): the brand, the customer, per agreement the period, per ' +
  'service the target, availability, result, downtime (h:mm), the credit and its rule; the ' +
  'support section per agreement with support terms; the ' +
  'claims, the totals, and how to verify the figures. A month that has not begun in an ' +
  "agreement's zone is listed as not begun; 422 when the month (or year) has begun in none.";

const statementResponses = {
  200: {
    description: 'The statement',
    content: {
      'application/json': { schema: StatementSchema },
      'text/csv': { schema: z.string() },
      'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
} as const;

const customerRoute = defineRoute('customer-read', {
  method: 'get',
  path: '/me/statements/{file}',
  tags: ['Customer'],
  summary: 'Your statement of a month or a year: CSV, JSON or PDF',
  description: DESCRIPTION,
  request: { params: z.strictObject({ file: fileParam }) },
  responses: { ...statementResponses, ...errorResponses(400, 422) },
});

const staffRoute = defineRoute('staff', {
  method: 'get',
  path: `/staff/customers/{${ID_PARAM}}/statements/{file}`,
  tags: ['Staff: claims and credits'],
  summary: "A customer's statement of a month or a year: CSV, JSON or PDF",
  description: `What the customer gets at \`GET /me/statements/{file}\`. ${DESCRIPTION}`,
  request: { params: IdParams.extend({ file: fileParam }) },
  responses: { ...statementResponses, ...errorResponses(400, 404, 422) },
});

async function respond<E extends AppEnv>(
  c: Context<E>,
  customerId: number,
  file: string,
  options: { forStaff: boolean },
) {
  const parsed = parseStatementFile(file);
  if (parsed === null) {
    throw invalidInput('The statement file is not one.', [
      { path: 'file', message: 'must be YYYY-MM or YYYY, then .csv, .json or .pdf' },
    ]);
  }
  const document = await customerStatement(c.var.deps, customerId, parsed.scope);
  const name = `statement-${options.forStaff ? `customer-${customerId}-` : ''}${document.period}.${parsed.format}`;
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  if (parsed.format === 'json') return c.json(statementJson(document), 200);
  // Rendered whole before the status is sent: a failure is then an error response, not a
  // truncated download that looks complete. A statement is a few hundred kilobytes at most.
  if (parsed.format === 'csv') {
    return c.body(await renderStatementCsv(document), 200, { 'Content-Type': CSV_CONTENT_TYPE });
  }
  const pdf = await renderStatementPdf(document, { forStaff: options.forStaff });
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
}

export function registerStatements(api: ApiApp): void {
  api.openapi(customerRoute, async (c) => {
    const customerId = c.var.caller.customerId;
    return respond(c, customerId, c.req.valid('param').file, { forStaff: false });
  });

  api.openapi(staffRoute, async (c) => {
    const { id, file } = c.req.valid('param');
    return respond(c, id, file, { forStaff: true });
  });
}
