import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  createGroup,
  createService,
  getService,
  listGroups,
  listServices,
  SERVICE_SORTS,
  updateGroup,
  updateService,
} from '../services/staff-services.ts';
import { activeFilter, IdParams, listQuery, nameSchema, slugSchema } from './common.ts';
import { apiInstant } from './instants.ts';
import { searchParam, sortParam } from './list-params.ts';
import { longText } from './text.ts';

const GroupSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi('ServiceGroup');

const ServiceSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    group: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }).nullable(),
    monitoredSince: z.iso.datetime(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Service');

const descriptionSchema = longText({ max: 2000 });
const sortOrderSchema = z.number().int().min(-1_000_000).max(1_000_000);
const monitoredSinceSchema = apiInstant.meta({
  description: 'Before this instant the public bars show "no data". Default: now.',
  format: 'date-time',
});

const tags = ['Administration: services'];

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/services',
  tags,
  summary: 'Services, active and deactivated, searched and sorted',
  request: {
    query: listQuery({
      active: activeFilter,
      q: searchParam.openapi({ description: 'Text in the slug or the name.' }),
      sort: sortParam(SERVICE_SORTS),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(ServiceSchema), 'A page of services'),
    ...errorResponses(400),
  },
});

const create = defineRoute('admin', {
  method: 'post',
  path: '/staff/services',
  tags,
  summary: 'Add a service',
  description: 'The group is named by its slug and created (named after it) if missing.',
  request: {
    body: jsonBody(
      z.strictObject({
        slug: slugSchema,
        name: nameSchema,
        group: slugSchema.nullish(),
        description: descriptionSchema.nullish(),
        monitoredSince: monitoredSinceSchema.optional(),
        sortOrder: sortOrderSchema.optional(),
      }),
    ),
  },
  responses: {
    201: jsonContent(ServiceSchema, 'The service'),
    ...errorResponses(400, 409, 413, 415),
  },
});

const get = defineRoute('admin', {
  method: 'get',
  path: '/staff/services/{id}',
  tags,
  summary: 'One service',
  request: { params: IdParams },
  responses: { 200: jsonContent(ServiceSchema, 'The service'), ...errorResponses(400, 404) },
});

const update = defineRoute('admin', {
  method: 'patch',
  path: '/staff/services/{id}',
  tags,
  summary: 'Change a service, or deactivate it (`active: false`)',
  description: 'The slug never changes: monitors and agreements name the service by it.',
  request: {
    params: IdParams,
    body: jsonBody(
      z.strictObject({
        name: nameSchema.optional(),
        group: slugSchema.nullish(),
        description: descriptionSchema.nullish(),
        monitoredSince: monitoredSinceSchema.optional(),
        sortOrder: sortOrderSchema.optional(),
        active: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(ServiceSchema, 'The service'),
    ...errorResponses(400, 404, 413, 415),
  },
});

const groupTags = ['Administration: services'];

const listGroupsRoute = defineRoute('admin', {
  method: 'get',
  path: '/staff/service-groups',
  tags: groupTags,
  summary: 'Service groups',
  request: { query: listQuery({}) },
  responses: {
    200: jsonContent(pageSchema(GroupSchema), 'A page of groups'),
    ...errorResponses(400),
  },
});

const createGroupRoute = defineRoute('admin', {
  method: 'post',
  path: '/staff/service-groups',
  tags: groupTags,
  summary: 'Add a service group',
  request: {
    body: jsonBody(
      z.strictObject({
        slug: slugSchema,
        name: nameSchema,
        sortOrder: sortOrderSchema.optional(),
      }),
    ),
  },
  responses: {
    201: jsonContent(GroupSchema, 'The group'),
    ...errorResponses(400, 409, 413, 415),
  },
});

const updateGroupRoute = defineRoute('admin', {
  method: 'patch',
  path: '/staff/service-groups/{id}',
  tags: groupTags,
  summary: 'Rename, reorder or deactivate a group (once its services are moved)',
  request: {
    params: IdParams,
    body: jsonBody(
      z.strictObject({
        name: nameSchema.optional(),
        sortOrder: sortOrderSchema.optional(),
        active: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(GroupSchema, 'The group'),
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

export function registerStaffServices(api: ApiApp): void {
  api.openapi(list, async (c) => c.json(await listServices(c.var.deps, c.req.valid('query')), 200));
  api.openapi(create, async (c) =>
    c.json(await createService(c.var.caller, c.req.valid('json')), 201),
  );
  api.openapi(get, async (c) => c.json(await getService(c.var.deps, c.req.valid('param').id), 200));
  api.openapi(update, async (c) =>
    c.json(await updateService(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(listGroupsRoute, async (c) =>
    c.json(await listGroups(c.var.deps, c.req.valid('query')), 200),
  );
  api.openapi(createGroupRoute, async (c) =>
    c.json(await createGroup(c.var.caller, c.req.valid('json')), 201),
  );
  api.openapi(updateGroupRoute, async (c) =>
    c.json(await updateGroup(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
