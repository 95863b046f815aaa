import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  CUSTOMER_SORTS,
  createCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../services/staff-customers.ts';
import { timeZoneSchema } from '../sla/index.ts';
import { activeFilter, IdParams, listQuery, nameSchema } from './common.ts';
import { searchParam, sortParam } from './list-params.ts';

const CustomerSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    timeZone: z.string(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Customer');

/** An IANA name such as Europe/Berlin (never an offset); stored in its canonical spelling. */
export const zoneSchema = timeZoneSchema.meta({
  type: 'string',
  description: 'An IANA time-zone name, e.g. Europe/Berlin (not an offset).',
  example: 'Europe/Berlin',
});

const tags = ['Administration: customers'];

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/customers',
  tags,
  summary: 'Customers, searched by name and sorted',
  request: {
    query: listQuery({ active: activeFilter, q: searchParam, sort: sortParam(CUSTOMER_SORTS) }),
  },
  responses: {
    200: jsonContent(pageSchema(CustomerSchema), 'A page of customers'),
    ...errorResponses(400),
  },
});

const create = defineRoute('admin', {
  method: 'post',
  path: '/staff/customers',
  tags,
  summary: 'Add a customer',
  request: { body: jsonBody(z.strictObject({ name: nameSchema, timeZone: zoneSchema })) },
  responses: {
    201: jsonContent(CustomerSchema, 'The customer'),
    ...errorResponses(400, 413, 415),
  },
});

const get = defineRoute('admin', {
  method: 'get',
  path: '/staff/customers/{id}',
  tags,
  summary: 'One customer',
  request: { params: IdParams },
  responses: { 200: jsonContent(CustomerSchema, 'The customer'), ...errorResponses(400, 404) },
});

const update = defineRoute('admin', {
  method: 'patch',
  path: '/staff/customers/{id}',
  tags,
  summary: 'Rename a customer, change its zone (for new agreements) or deactivate it',
  request: {
    params: IdParams,
    body: jsonBody(
      z.strictObject({
        name: nameSchema.optional(),
        timeZone: zoneSchema.optional(),
        active: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(CustomerSchema, 'The customer'),
    ...errorResponses(400, 404, 413, 415),
  },
});

export function registerStaffCustomers(api: ApiApp): void {
  api.openapi(list, async (c) =>
    c.json(await listCustomers(c.var.deps, c.req.valid('query')), 200),
  );
  api.openapi(create, async (c) =>
    c.json(await createCustomer(c.var.caller, c.req.valid('json')), 201),
  );
  api.openapi(get, async (c) =>
    c.json(await getCustomer(c.var.deps, c.req.valid('param').id), 200),
  );
  api.openapi(update, async (c) =>
    c.json(await updateCustomer(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
