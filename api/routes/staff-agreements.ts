import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  AGREEMENT_KINDS,
  AGREEMENT_SORTS,
  createAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
} from '../services/staff-agreements.ts';
import { businessHoursSchema, parseInstant } from '../sla/index.ts';
import { activeFilter, IdParams, idFilter, listQuery, slugSchema } from './common.ts';
import { apiInstant } from './instants.ts';
import { searchParam, sortParam } from './list-params.ts';
import { zoneSchema } from './staff-customers.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const currencySchema = z
  .string()
  .refine((code) => /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code), {
    message: 'must be an ISO 4217 currency code such as USD',
  })
  .openapi({ example: 'EUR' });

const instant = apiInstant.meta({ format: 'date-time', example: '2026-01-01T00:00:00Z' });

const BusinessHoursSchema = z
  .object({
    schedule: z.record(z.string(), z.array(z.array(z.string()))),
    holidays: z.array(z.string()),
  })
  .openapi('BusinessHours', {
    description:
      'Local weekly business intervals [from, to) per weekday (mon…sun) and holidays YYYY-MM-DD, in the agreement’s zone (sla-response.md §1).',
  });
const kindSchema = z.enum(AGREEMENT_KINDS).openapi({
  description:
    '`customer`: a customer’s SLA with fees and claims; `internal`: between our own teams, a ' +
    'report with no fee and no claims; `vendor`: we are the customer of an upstream supplier, ' +
    'whose account is `customerId`.',
});

const AgreementSchema = z
  .object({
    id: z.number().int(),
    kind: kindSchema,
    customerId: z.number().int(),
    policyId: z.number().int(),
    start: z.iso.datetime(),
    end: z.iso.datetime().nullable(),
    timeZone: z.string(),
    active: z.boolean(),
    services: z.array(
      z.object({
        serviceId: z.number().int(),
        slug: z.string(),
        name: z.string(),
        monthlyFeeMinor: z.number().int().openapi({ description: '0 for an internal agreement.' }),
        currency: z
          .string()
          .openapi({ description: '`XXX` (ISO 4217: no currency) for an internal agreement.' }),
      }),
    ),
    businessHours: BusinessHoursSchema.nullable(),
    supportFeeMinor: z.number().int().nullable().openapi({
      description:
        'The monthly fee the response credit is a share of (in the services’ currency); null: no support terms.',
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Agreement');

/** An agreement as lists and the detail show it: with its customer's and policy's names. */
const AgreementListItemSchema = AgreementSchema.extend({
  customerName: z.string(),
  policyName: z.string(),
}).openapi('AgreementListItem');

const NewAgreementSchema = z
  .strictObject({
    kind: kindSchema.optional().openapi({ description: 'Default: `customer`.' }),
    customerId: z.number().int().positive(),
    policyId: z.number().int().positive(),
    start: instant,
    end: instant.nullish(),
    timeZone: zoneSchema.nullish().openapi({ description: 'Default: the customer’s zone.' }),
    services: z
      .array(
        z.strictObject({
          slug: slugSchema,
          monthlyFeeMinor: z
            .number()
            .int()
            .min(0)
            .max(Number.MAX_SAFE_INTEGER)
            .optional()
            .openapi({ description: 'Required, except for an internal agreement (none).' }),
          currency: currencySchema
            .optional()
            .openapi({ description: 'Required, except for an internal agreement (none).' }),
        }),
      )
      .min(1)
      .max(200),
    businessHours: businessHoursSchema.nullish().openapi({
      description:
        'Business hours for objectives on the `business` calendar (sla-response.md §1): every weekday mon…sun with its local [from, to) intervals, and holidays.',
    }),
    supportFeeMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish().openapi({
      description:
        'The monthly support fee the response credit is a share of, in the services’ currency. Omitted: the agreement has no support terms.',
    }),
  })
  .superRefine((value, ctx) => {
    if (
      value.supportFeeMinor !== undefined &&
      value.supportFeeMinor !== null &&
      new Set(value.services.map((line) => line.currency)).size > 1
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['supportFeeMinor'],
        message: 'needs every service in one currency: the support fee is in that currency',
      });
    }
    const start = parseInstant(value.start);
    const end = value.end ? parseInstant(value.end) : undefined;
    if (start !== undefined && end !== undefined && end <= start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    }
    const internal = value.kind === 'internal';
    value.services.forEach((line, index) => {
      for (const field of ['monthlyFeeMinor', 'currency'] as const) {
        if (internal && line[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', index, field],
            message: 'an internal agreement has no fee: leave it out',
          });
        } else if (!internal && line[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['services', index, field], message: 'required' });
        }
      }
    });
    const seen = new Set<string>();
    value.services.forEach((line, index) => {
      if (seen.has(line.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'slug'],
          message: `${line.slug} is listed twice`,
        });
      }
      seen.add(line.slug);
    });
  });

const tags = ['Administration: agreements'];

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/agreements',
  tags,
  summary: 'Agreements with their services and fees, searched and sorted',
  request: {
    query: listQuery({
      customerId: idFilter,
      kind: kindSchema.optional(),
      active: activeFilter,
      q: searchParam.openapi({ description: 'Text in the customer’s or the policy’s name.' }),
      sort: sortParam(AGREEMENT_SORTS),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(AgreementListItemSchema), 'A page of agreements'),
    ...errorResponses(400),
  },
});

const create = defineRoute('admin', {
  method: 'post',
  path: '/staff/agreements',
  tags,
  summary: 'Add an agreement: a customer’s SLA for services, each with its monthly fee',
  description:
    'Fees are integers in minor units (cents). The terms are fixed once made: to change services or fees, end this agreement and add a new one. ' +
    'An internal agreement (`kind: internal`) has no fee: its lines name services only. A vendor agreement (`kind: vendor`) names the vendor’s account as `customerId` and the vendor’s policy; its lines carry what we pay the vendor.',
  request: { body: jsonBody(NewAgreementSchema) },
  responses: {
    201: jsonContent(AgreementSchema, 'The agreement'),
    ...errorResponses(400, 413, 415, 422),
  },
});

const get = defineRoute('admin', {
  method: 'get',
  path: '/staff/agreements/{id}',
  tags,
  summary: 'One agreement',
  request: { params: IdParams },
  responses: {
    200: jsonContent(AgreementListItemSchema, 'The agreement'),
    ...errorResponses(400, 404),
  },
});

const update = defineRoute('admin', {
  method: 'patch',
  path: '/staff/agreements/{id}',
  tags,
  summary: 'End an agreement (or clear its end), or deactivate it',
  description:
    'A new end must be now or later (422 AGREEMENT_END_IN_PAST). A change of the covered time ' +
    'that reaches into a month with an approved or credited claim is refused (409 PERIOD_FROZEN, ' +
    'naming the claims). Start, services and fees never change: add a new agreement.',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ end: instant.nullish(), active: z.boolean().optional() })),
  },
  responses: {
    200: jsonContent(AgreementSchema, 'The agreement'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export function registerStaffAgreements(api: ApiApp): void {
  api.openapi(list, async (c) =>
    c.json(await listAgreements(c.var.deps, c.req.valid('query')), 200),
  );
  api.openapi(create, async (c) =>
    c.json(await createAgreement(c.var.caller, c.req.valid('json')), 201),
  );
  api.openapi(get, async (c) =>
    c.json(await getAgreement(c.var.deps, c.req.valid('param').id), 200),
  );
  api.openapi(update, async (c) =>
    c.json(await updateAgreement(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
