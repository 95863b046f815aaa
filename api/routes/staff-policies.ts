import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { previewPolicyVersion } from '../services/policy-preview.ts';
import {
  addPolicyVersion,
  createPolicy,
  getPolicy,
  listPolicies,
  updatePolicy,
} from '../services/staff-policies.ts';
import { periodSchema, policySchema, responsePolicySchema } from '../sla/index.ts';
import { activeFilter, IdParams, listQuery, nameSchema } from './common.ts';

const Tier = z.object({ belowPercent: z.number(), creditPercent: z.number() });

const RulesSchema = z
  .object({
    targetPercent: z.number(),
    weights: z.object({
      major_outage: z.number(),
      partial_outage: z.number(),
      degraded: z.number(),
    }),
    minimumOutageMinutes: z.number(),
    maintenanceNoticeMinutes: z.number(),
    maintenanceAccounting: z.enum(['excluded', 'up']),
    tiers: z.array(Tier),
    dailyRule: z.object({ thresholdMinutes: z.number(), creditDays: z.number() }).nullable(),
    capPercent: z.number(),
    minimumCreditMinor: z.number().int(),
    claimWindowDays: z.number().int(),
    termination: z
      .object({ missedPeriods: z.number().int(), withinPeriods: z.number().int() })
      .nullable(),
  })
  .openapi('PolicyRules', {
    description: 'The policy fields of sla-accounting.md §1, every default applied.',
  });

const ObjectiveSchema = z.object({
  firstResponseMinutes: z.number(),
  resolutionMinutes: z.number().nullable(),
  calendar: z.enum(['24x7', 'business']),
});

/** The response block of sla-response.md §1, every default applied. */
const ResponseRulesSchema = z
  .object({
    objectives: z.object({
      P1: ObjectiveSchema.nullable(),
      P2: ObjectiveSchema.nullable(),
      P3: ObjectiveSchema.nullable(),
      P4: ObjectiveSchema.nullable(),
    }),
    targetPercent: z.number(),
    tiers: z.array(Tier),
    capPercent: z.number(),
    minimumCreditMinor: z.number().int(),
    claimWindowDays: z.number().int(),
  })
  .openapi('ResponseRules', {
    description: 'The response block of sla-response.md §1, every default applied.',
  });

const responseInput = responsePolicySchema.nullish().openapi({
  description:
    'The response block of sla-response.md §1 (response-time objectives and their credit). On a new version: omitted inherits it, null offers none.',
});

const VersionSchema = z
  .object({
    version: z.number().int(),
    effectiveFrom: z.string().openapi({
      description: 'YYYY-MM; the first version is in force from the beginning (0000-01).',
    }),
    rules: RulesSchema,
    response: ResponseRulesSchema.nullable(),
    createdByUserId: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('PolicyVersion');

const PolicySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    active: z.boolean(),
    version: z.number().int().openapi({ description: 'The latest version.' }),
    effectiveFrom: z.string(),
    rules: RulesSchema,
    response: ResponseRulesSchema.nullable(),
    versions: z.array(VersionSchema),
    agreementCount: z.number().int().openapi({ description: 'Agreements on this policy.' }),
    activeAgreementCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Policy');

const tags = ['Administration: policies'];

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/policies',
  tags,
  summary: 'Policies with all their versions',
  description:
    'Ordered by id (the order they were made), or by name with `sort=name`. `q` keeps the policies whose name contains it (any case).',
  request: {
    query: listQuery({
      active: activeFilter,
      q: z.string().trim().min(1).max(200).optional(),
      sort: z.enum(['id', 'name']).optional(),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(PolicySchema), 'A page of policies'),
    ...errorResponses(400),
  },
});

const create = defineRoute('admin', {
  method: 'post',
  path: '/staff/policies',
  tags,
  summary: 'Add a policy: its version 1 is in force from the beginning',
  description:
    'The fields are those of sla-accounting.md §1; omitted or null fields take their defaults.',
  request: { body: jsonBody(policySchema.extend({ name: nameSchema, response: responseInput })) },
  responses: {
    201: jsonContent(PolicySchema, 'The policy'),
    ...errorResponses(400, 413, 415),
  },
});

const get = defineRoute('admin', {
  method: 'get',
  path: '/staff/policies/{id}',
  tags,
  summary: 'One policy with all its versions',
  request: { params: IdParams },
  responses: { 200: jsonContent(PolicySchema, 'The policy'), ...errorResponses(400, 404) },
});

const WeightChange = z.number().nullish();

/**
 * A new version's rules: every field optional. Omitted: inherited from the version it
 * follows; null: the field's default (none, for termination and dailyRule).
 */
const PolicyChangeSchema = policySchema
  .partial()
  .extend({
    effectiveFrom: periodSchema.optional(),
    response: responseInput,
    weights: z
      .strictObject({
        major_outage: WeightChange,
        partial_outage: WeightChange,
        degraded: WeightChange,
      })
      .nullish()
      .openapi({ description: 'Per state: omitted inherits, null takes the default.' }),
  })
  .openapi('PolicyVersionChange');

const addVersion = defineRoute('admin', {
  method: 'post',
  path: '/staff/policies/{id}/versions',
  tags,
  summary: 'Change a policy: add a version taking effect from a month not yet closed',
  description:
    'effectiveFrom defaults to next month (UTC). It must be a month not yet closed in any time zone and later than the latest version’s; past versions are never altered. ' +
    'The new version inherits every rule it does not state from the version it follows (a partial `weights` object state by state); `null` sets a rule to its default, which clears `termination` and `dailyRule`. The response shows the full rules.',
  request: { params: IdParams, body: jsonBody(PolicyChangeSchema) },
  responses: {
    201: jsonContent(PolicySchema, 'The policy with its new version'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

const FiguresSchema = z.object({
  status: z.enum(['evaluated', 'not-covered', 'not-monitored', 'no-eligible-time']),
  availabilityPercent: z.number().nullable(),
  availabilityDisplay: z.string().nullable(),
  met: z.boolean().nullable(),
  eligibleMs: z.number(),
  downtimeMs: z.number(),
  creditPercent: z.number(),
  creditMinor: z.number().int(),
  capped: z.boolean(),
});

const CurrencyTotalSchema = z
  .object({
    currency: z.string(),
    currentCreditMinor: z.number().int(),
    proposedCreditMinor: z.number().int(),
  })
  .openapi('PreviewCurrencyTotal');

const PreviewSchema = z
  .object({
    policy: z.object({ id: z.number().int(), name: z.string() }),
    version: z.number().int().openapi({ description: 'The number saving would give it.' }),
    effectiveFrom: z.string(),
    rules: RulesSchema,
    follows: z.object({ version: z.number().int(), effectiveFrom: z.string(), rules: RulesSchema }),
    changedFields: z.array(z.string()),
    asOf: z.iso.datetime(),
    agreements: z.array(
      z.object({
        id: z.number().int(),
        customer: z.object({ id: z.number().int(), name: z.string() }),
        timeZone: z.string(),
        active: z.boolean(),
        rows: z.array(
          z.object({
            service: z.string(),
            serviceName: z.string(),
            month: z.string(),
            toDate: z.boolean(),
            currency: z.string(),
            monthlyFeeMinor: z.number().int(),
            current: FiguresSchema.extend({ version: z.number().int() }),
            proposed: FiguresSchema,
            differs: z.boolean(),
          }),
        ),
        totals: z.array(CurrencyTotalSchema),
      }),
    ),
    totals: z.array(CurrencyTotalSchema),
  })
  .openapi('PolicyVersionPreview');

const previewVersion = defineRoute('admin', {
  method: 'post',
  path: '/staff/policies/{id}/versions/preview',
  tags,
  summary: 'Preview a new version: its changes and its figures on the last 12 months, unsaved',
  description:
    'Takes the body of `POST /staff/policies/{id}/versions` and refuses what it would refuse, but saves nothing. ' +
    'For every agreement on the policy, per service and month of the last 12 closed months in the agreement’s zone (and the current month to date when the new version would govern it), ' +
    'it gives the figures as the API computes them now (`current`, under the version in force for that month) and under the proposed rules (`proposed`), with credit totals per currency. ' +
    'A new version never changes a closed month: the closed months show what the new rules would have given.',
  request: { params: IdParams, body: jsonBody(PolicyChangeSchema) },
  responses: {
    200: jsonContent(PreviewSchema, 'The new version and its figures, not saved'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

const update = defineRoute('admin', {
  method: 'patch',
  path: '/staff/policies/{id}',
  tags,
  summary: 'Rename or deactivate a policy (its rules change only through versions)',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ name: nameSchema.optional(), active: z.boolean().optional() })),
  },
  responses: {
    200: jsonContent(PolicySchema, 'The policy'),
    ...errorResponses(400, 404, 413, 415),
  },
});

export function registerStaffPolicies(api: ApiApp): void {
  api.openapi(list, async (c) => c.json(await listPolicies(c.var.deps, c.req.valid('query')), 200));
  api.openapi(create, async (c) => {
    const { name, response, ...rules } = c.req.valid('json');
    const policy = await createPolicy(c.var.caller, {
      name,
      rules,
      response,
    });
    return c.json(policy, 201);
  });
  api.openapi(get, async (c) => c.json(await getPolicy(c.var.deps, c.req.valid('param').id), 200));
  api.openapi(addVersion, async (c) => {
    const { effectiveFrom, response, ...change } = c.req.valid('json');
    const policy = await addPolicyVersion(c.var.caller, c.req.valid('param').id, {
      effectiveFrom,
      change,
      response,
    });
    return c.json(policy, 201);
  });
  api.openapi(previewVersion, async (c) => {
    const { effectiveFrom, response: _response, ...change } = c.req.valid('json');
    const preview = await previewPolicyVersion(c.var.deps, c.req.valid('param').id, {
      effectiveFrom,
      change,
    });
    return c.json(preview, 200);
  });
  api.openapi(update, async (c) =>
    c.json(await updatePolicy(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
