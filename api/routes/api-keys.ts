import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  API_KEY_AUTHORS,
  API_KEY_SCOPES,
  createApiKey,
  getApiKey,
  type KeyOwner,
  listApiKeys,
  listStaffApiKeys,
  revokeApiKey,
} from '../services/api-keys.ts';
import { activeFilter, IdParams, idFilter, listQuery, nameSchema } from './common.ts';

/** API keys: admins make `ingest` keys; a customer's user makes `read` keys for /me data. */

const ApiKeySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The visible part: keys read sp_<prefix>_…' }),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    author: z.enum(API_KEY_AUTHORS).openapi({
      description:
        'Whose words the key writes: `automation` (monitors, auto-replies: automated, never counted as a response) or `people` (a help desk relaying its agents’ replies: human).',
    }),
    customerId: z.number().int().nullable(),
    createdByUserId: z.number().int(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiKey');

const NewApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({
    description: 'The whole key, shown this once. Send it as `Authorization: Bearer <key>`.',
  }),
}).openapi('NewApiKey');

/** A key as staff see it: with its customer's name and its maker's email. */
const StaffApiKeySchema = ApiKeySchema.extend({
  customerName: z.string().nullable().openapi({ description: 'Null for ingest keys.' }),
  createdByEmail: z.string(),
}).openapi('StaffApiKey');

const revokedFilter = activeFilter.openapi({ description: 'true: only revoked keys' });

const staffTags = ['Administration: API keys'];
const meTags = ['Customer: API keys'];

const staffList = defineRoute('admin', {
  method: 'get',
  path: '/staff/api-keys',
  tags: staffTags,
  summary: 'Every API key (ingest and customers’ read keys)',
  request: { query: listQuery({ revoked: revokedFilter, customerId: idFilter }) },
  responses: {
    200: jsonContent(pageSchema(StaffApiKeySchema), 'A page of keys'),
    ...errorResponses(400),
  },
});

const staffCreate = defineRoute('admin', {
  method: 'post',
  path: '/staff/api-keys',
  tags: staffTags,
  summary: 'Make an ingest key for a monitor or integration',
  request: {
    body: jsonBody(
      z.strictObject({
        name: nameSchema,
        scopes: z.array(z.literal('ingest')).min(1).max(1),
        author: z.enum(API_KEY_AUTHORS).optional().openapi({
          description:
            'Default `automation`. Mark a key `people` only for an integration that relays what people wrote: its responses count as human.',
        }),
      }),
    ),
  },
  responses: {
    201: jsonContent(NewApiKeySchema, 'The key, shown once'),
    ...errorResponses(400, 413, 415),
  },
});

const staffGet = defineRoute('admin', {
  method: 'get',
  path: '/staff/api-keys/{id}',
  tags: staffTags,
  summary: 'One API key',
  request: { params: IdParams },
  responses: { 200: jsonContent(StaffApiKeySchema, 'The key'), ...errorResponses(400, 404) },
});

const staffRevoke = defineRoute('admin', {
  method: 'post',
  path: '/staff/api-keys/{id}/revoke',
  tags: staffTags,
  summary: 'Revoke an API key: it stops working at once',
  request: { params: IdParams },
  responses: {
    200: jsonContent(ApiKeySchema, 'The revoked key'),
    ...errorResponses(400, 404, 409, 415),
  },
});

const meList = defineRoute('customer', {
  method: 'get',
  path: '/me/api-keys',
  tags: meTags,
  summary: 'Your organisation’s read keys',
  request: { query: listQuery({ revoked: revokedFilter }) },
  responses: {
    200: jsonContent(pageSchema(ApiKeySchema), 'A page of keys'),
    ...errorResponses(400),
  },
});

const meCreate = defineRoute('customer', {
  method: 'post',
  path: '/me/api-keys',
  tags: meTags,
  summary: 'Make a read key for your own automation (read-only access to your /me data)',
  request: { body: jsonBody(z.strictObject({ name: nameSchema })) },
  responses: {
    201: jsonContent(NewApiKeySchema, 'The key, shown once'),
    ...errorResponses(400, 413, 415),
  },
});

const meRevoke = defineRoute('customer', {
  method: 'post',
  path: '/me/api-keys/{id}/revoke',
  tags: meTags,
  summary: 'Revoke one of your read keys',
  request: { params: IdParams },
  responses: {
    200: jsonContent(ApiKeySchema, 'The revoked key'),
    ...errorResponses(400, 404, 409, 415),
  },
});

const ALL: KeyOwner = { kind: 'all' };

export function registerApiKeys(api: ApiApp): void {
  api.openapi(staffList, async (c) =>
    c.json(await listStaffApiKeys(c.var.deps, c.req.valid('query')), 200),
  );
  api.openapi(staffCreate, async (c) => {
    const body = c.req.valid('json');
    const key = await createApiKey(c.var.caller, {
      name: body.name,
      scopes: body.scopes,
      author: body.author ?? 'automation',
      customerId: null,
    });
    return c.json(key, 201);
  });
  api.openapi(staffGet, async (c) =>
    c.json(await getApiKey(c.var.deps, ALL, c.req.valid('param').id), 200),
  );
  api.openapi(staffRevoke, async (c) =>
    c.json(await revokeApiKey(c.var.caller, ALL, c.req.valid('param').id), 200),
  );

  api.openapi(meList, async (c) => {
    const owner: KeyOwner = { kind: 'customer', customerId: c.var.caller.customerId };
    return c.json(await listApiKeys(c.var.deps, owner, c.req.valid('query')), 200);
  });
  api.openapi(meCreate, async (c) => {
    const key = await createApiKey(c.var.caller, {
      name: c.req.valid('json').name,
      scopes: ['read'],
      customerId: c.var.caller.customerId,
    });
    return c.json(key, 201);
  });
  api.openapi(meRevoke, async (c) => {
    const owner: KeyOwner = { kind: 'customer', customerId: c.var.caller.customerId };
    return c.json(await revokeApiKey(c.var.caller, owner, c.req.valid('param').id), 200);
  });
}
