import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  attributeToVendor,
  currentQuarter,
  decideVendorClaim,
  fileVendorClaim,
  getVendorClaim,
  isQuarter,
  listAttributions,
  VENDOR_CLAIM_STATUSES,
  vendorQuarter,
  WINDOW_STATES,
} from '../services/vendor-credits.ts';
import { EvaluationSchema, monthSchema } from './claims-shapes.ts';
import { IdParams, listQuery, slugSchema, wordedText } from './common.ts';
import { apiInstant, optionalInstantMs } from './instants.ts';
import { longText } from './text.ts';

const tags = ['Staff: vendor credits'];

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const AttributionSchema = z
  .object({
    id: z.number().int(),
    agreementId: z.number().int(),
    windowId: z.number().int(),
    service: z.string(),
    state: z.enum(WINDOW_STATES),
    start: z.iso.datetime(),
    end: z.iso.datetime().nullable(),
    incidentId: z.number().int().nullable().openapi({
      description: 'Set when the attribution was made for an incident (every window of its span).',
    }),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('VendorAttribution');

const NewAttributionSchema = z
  .strictObject({
    agreementId: id,
    windowId: id.optional(),
    incidentId: id.optional(),
    reason: wordedText({ max: 2000, multiline: true }).openapi({
      description: 'Why the vendor caused it, e.g. the vendor’s own incident reference.',
    }),
  })
  .superRefine((value, ctx) => {
    if ((value.windowId === undefined) === (value.incidentId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.windowId === undefined ? 'windowId' : 'incidentId'],
        message: 'give exactly one of windowId and incidentId',
      });
    }
  });

const VendorClaimSchema = z
  .object({
    id: z.number().int(),
    agreementId: z.number().int(),
    vendor: z.object({ id: z.number().int(), name: z.string() }),
    service: z.string(),
    serviceName: z.string(),
    period: z.string(),
    status: z.enum(VENDOR_CLAIM_STATUSES),
    evaluation: EvaluationSchema,
    computedCreditMinor: z.number().int(),
    currency: z.string(),
    claimDeadline: z.iso.datetime(),
    filedAt: z.iso.datetime(),
    vendorReference: z.string().nullable(),
    note: z.string().nullable(),
    filedBy: z.string(),
    amountReceivedMinor: z.number().int().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    decidedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('VendorClaim');

const NewVendorClaimSchema = z.strictObject({
  agreementId: id,
  service: slugSchema,
  period: monthSchema,
  filedAt: apiInstant.optional().openapi({
    description: 'When it was filed with the vendor: after the month ended, not after now.',
  }),
  vendorReference: longText({ max: 200 }).optional(),
  note: longText({ max: 5000 }).optional(),
});

const DecisionSchema = z.strictObject({
  decision: z.enum(['granted', 'refused']),
  amountReceivedMinor: z
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ description: 'Required when granted: what the vendor credited, minor units.' }),
  decidedAt: apiInstant
    .optional()
    .openapi({ description: 'When the vendor answered; default now.' }),
  note: longText({ max: 5000 }).optional().openapi({ description: 'Required when refused.' }),
});

const quarterSchema = z
  .string()
  .refine(isQuarter, { message: 'must be a quarter, YYYY-Qn (n from 1 to 4)' })
  .openapi({ example: '2026-Q4' });

const VendorQuarterSchema = z
  .object({
    quarter: z.string(),
    previous: z.string(),
    next: z.string(),
    months: z.array(z.string()),
    generatedAt: z.iso.datetime(),
    vendors: z.array(
      z.object({
        vendor: z.object({ id: z.number().int(), name: z.string() }),
        totals: z.array(
          z.object({
            currency: z.string(),
            owedMinor: z.number().int().openapi({
              description: 'Credit of the ended months under the vendor’s policy.',
            }),
            receivedMinor: z.number().int(),
            openMinor: z.number().int().openapi({
              description:
                'Owed for months filed and not yet answered, or not yet filed and still in time.',
            }),
            soFarMinor: z
              .number()
              .int()
              .openapi({ description: 'Credit so far in a month still going on.' }),
          }),
        ),
        items: z.array(
          z.object({
            agreementId: z.number().int(),
            policy: z.object({
              id: z.number().int(),
              name: z.string(),
              version: z.number().int(),
              targetPercent: z.number(),
            }),
            service: z.string(),
            serviceName: z.string(),
            month: z.string(),
            timeZone: z.string(),
            final: z.boolean(),
            availabilityDisplay: z.string().nullable(),
            met: z.boolean().nullable(),
            downtimeMs: z.number(),
            creditMinor: z.number().int(),
            currency: z.string(),
            claimDeadline: z.iso.datetime(),
            // A union, not .nullable(): that would make the VendorClaim component itself nullable.
            claim: z.union([VendorClaimSchema, z.null()]),
          }),
        ),
      }),
    ),
    unavailable: z.array(z.object({ agreementId: z.number().int(), reason: z.string() })),
  })
  .openapi('VendorQuarter');

const attribute = defineRoute('staff', {
  method: 'post',
  path: '/staff/vendor-attributions',
  tags,
  summary: 'Attribute a window, or an incident’s windows, to a vendor agreement',
  description:
    'The vendor’s service caused the outage: the window then counts in the vendor agreement’s ' +
    'figures. Our window, and what our customers are owed for it, do not change. Maintenance ' +
    'windows are never attributed.',
  request: { body: jsonBody(NewAttributionSchema) },
  responses: {
    201: jsonContent(z.object({ items: z.array(AttributionSchema) }), 'The new attributions'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

const attributions = defineRoute('staff', {
  method: 'get',
  path: '/staff/vendor-attributions',
  tags,
  summary: 'The windows attributed to a vendor agreement',
  request: { query: listQuery({ agreementId: z.coerce.number().int().positive() }) },
  responses: {
    200: jsonContent(pageSchema(AttributionSchema), 'A page of attributions, oldest first'),
    ...errorResponses(400, 422),
  },
});

const quarter = defineRoute('staff', {
  method: 'get',
  path: '/staff/vendor-credits',
  tags,
  summary: 'What our vendors owe us in a quarter, per vendor and currency',
  request: {
    query: z.strictObject({
      quarter: quarterSchema.optional().openapi({ description: 'Default: the current quarter.' }),
    }),
  },
  responses: {
    200: jsonContent(VendorQuarterSchema, 'The quarter'),
    ...errorResponses(400),
  },
});

const file = defineRoute('staff', {
  method: 'post',
  path: '/staff/vendor-claims',
  tags,
  summary: 'Record a credit claim filed with a vendor',
  request: { body: jsonBody(NewVendorClaimSchema) },
  responses: {
    201: jsonContent(VendorClaimSchema, 'The vendor claim'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

const detail = defineRoute('staff', {
  method: 'get',
  path: '/staff/vendor-claims/{id}',
  tags,
  summary: 'One vendor claim',
  request: { params: IdParams },
  responses: {
    200: jsonContent(VendorClaimSchema, 'The vendor claim'),
    ...errorResponses(404),
  },
});

const decide = defineRoute('staff', {
  method: 'post',
  path: '/staff/vendor-claims/{id}/decision',
  tags,
  summary: 'Record the vendor’s answer: granted with the amount received, or refused',
  request: { params: IdParams, body: jsonBody(DecisionSchema) },
  responses: {
    200: jsonContent(VendorClaimSchema, 'The vendor claim'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export function registerStaffVendors(api: ApiApp): void {
  api.openapi(attribute, async (c) => {
    const items = await attributeToVendor(c.var.caller, c.req.valid('json'));
    return c.json({ items }, 201);
  });
  api.openapi(attributions, async (c) => {
    const { agreementId, ...page } = c.req.valid('query');
    return c.json(await listAttributions(c.var.deps, agreementId, page), 200);
  });
  api.openapi(quarter, async (c) => {
    const chosen = c.req.valid('query').quarter ?? currentQuarter(c.var.deps.clock.now());
    return c.json(await vendorQuarter(c.var.deps, chosen), 200);
  });
  api.openapi(file, async (c) => {
    const { filedAt, ...input } = c.req.valid('json');
    const claim = await fileVendorClaim(c.var.caller, {
      ...input,
      filedAt: optionalInstantMs(filedAt),
    });
    return c.json(claim, 201);
  });
  api.openapi(detail, async (c) =>
    c.json(await getVendorClaim(c.var.deps, c.req.valid('param').id), 200),
  );
  api.openapi(decide, async (c) => {
    const { decidedAt, ...input } = c.req.valid('json');
    const claim = await decideVendorClaim(c.var.caller, c.req.valid('param').id, {
      ...input,
      decidedAt: optionalInstantMs(decidedAt),
    });
    return c.json(claim, 200);
  });
}
