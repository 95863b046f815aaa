import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  addPolicyVersion,
  createPolicy,
  getPolicy,
  listPolicies,
  updatePolicy,
} from '../services/admin-policies.ts';
import { pageSchema } from '../services/pagination.ts';
import { periodSchema, policySchema } from '../sla/index.ts';
import { activeFilter, IdParams, listQuery, nameSchema, userPrincipal } from './common.ts';

const RulesSchema = z.record(z.string(), z.unknown()).openapi('PolicyRules', {
  description: 'The policy fields of sla-accounting.md §1, every default applied.',
});

const VersionSchema = z
  .object({
    version: z.number().int(),
    effectiveFrom: z.string().openapi({
      description: 'YYYY-MM; the first version is in force from the beginning (0000-01).',
    }),
    rules: RulesSchema,
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
    versions: z.array(VersionSchema),
    createdAt: z.iso.datetime(),
  })
  .openapi('Policy');

const tags = ['Administration: policies'];

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/policies',
  tags,
  summary: 'Policies with all their versions',
  request: { query: listQuery({ active: activeFilter }) },
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
  request: { body: jsonBody(policySchema.extend({ name: nameSchema })) },
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
    const { name, ...rules } = c.req.valid('json');
    const policy = await createPolicy(c.var.deps, userPrincipal(c.var.principal), c.var.requestId, {
      name,
      rules,
    });
    return c.json(policy, 201);
  });
  api.openapi(get, async (c) => c.json(await getPolicy(c.var.deps, c.req.valid('param').id), 200));
  api.openapi(addVersion, async (c) => {
    const { effectiveFrom, ...change } = c.req.valid('json');
    const policy = await addPolicyVersion(
      c.var.deps,
      userPrincipal(c.var.principal),
      c.var.requestId,
      c.req.valid('param').id,
      { effectiveFrom, change },
    );
    return c.json(policy, 201);
  });
  api.openapi(update, async (c) =>
    c.json(
      await updatePolicy(
        c.var.deps,
        c.var.principal,
        c.var.requestId,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
}
