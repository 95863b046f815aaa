import type { ContextByAccess } from '../context.ts';
import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { listOutbox, outboxItem, retryItem } from '../services/notifications.ts';
import {
  createEndpoint,
  deleteEndpoint,
  type EndpointOwner,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from '../services/webhooks.ts';
import { IdParams, listQuery } from './common.ts';
import {
  NewWebhookSchema,
  OutboxItemDetailSchema,
  OutboxItemSchema,
  OutboxStateSchema,
  WebhookChangesSchema,
  WebhookEndpointSchema,
  WebhookSecretSchema,
} from './notify-shapes.ts';

/**
 * Webhook endpoints (docs/decisions/154), in two places with the same shapes: the provider's
 * own under /staff/webhooks (admins), a customer's own under /me/webhooks, which receive
 * only that customer's claims and the incidents, maintenance and corrections of the
 * services in its agreements.
 */

type Access = 'admin' | 'customer';

const EndpointListSchema = z
  .object({ items: z.array(WebhookEndpointSchema) })
  .openapi('WebhookEndpointList');

function routesFor<A extends Access>(access: A, base: '/staff/webhooks' | '/me/webhooks') {
  const tags = [access === 'admin' ? 'Webhooks' : 'Customer webhooks'];
  const whose =
    access === 'admin'
      ? "the provider's own systems (billing, support desk)"
      : "your own systems, with your claims and your services' incidents and maintenance";
  return {
    list: defineRoute(access, {
      method: 'get',
      path: base,
      tags,
      summary: `Webhook endpoints of ${whose}`,
      responses: {
        200: jsonContent(EndpointListSchema, 'The endpoints, oldest first'),
      },
    }),
    create: defineRoute(access, {
      method: 'post',
      path: base,
      tags,
      summary: 'Register an endpoint: answers its signing secret, once',
      description:
        'Requests are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, ' +
        '`webhook-signature`). The URL must be https and reach only public addresses (every ' +
        'address its host resolves to is checked, now and at each delivery); redirects are ' +
        'never followed. 422 WEBHOOK_TARGET_REFUSED names the problem.',
      request: { body: jsonBody(NewWebhookSchema) },
      responses: {
        201: jsonContent(WebhookSecretSchema, 'The endpoint and its secret (shown once)'),
        ...errorResponses(400, 413, 415, 422),
      },
    }),
    get: defineRoute(access, {
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One endpoint',
      request: { params: IdParams },
      responses: {
        200: jsonContent(WebhookEndpointSchema, 'The endpoint'),
        ...errorResponses(404),
      },
    }),
    update: defineRoute(access, {
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: 'Change an endpoint: URL, events, description, or disable and enable it',
      description: 'A disabled endpoint receives nothing; events meanwhile are skipped.',
      request: { params: IdParams, body: jsonBody(WebhookChangesSchema) },
      responses: {
        200: jsonContent(WebhookEndpointSchema, 'The endpoint'),
        ...errorResponses(400, 404, 413, 415, 422),
      },
    }),
    remove: defineRoute(access, {
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: 'Delete an endpoint: nothing more is sent, its secrets stop signing',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(404) },
    }),
    rotate: defineRoute(access, {
      method: 'post',
      path: `${base}/{id}/rotate`,
      tags,
      summary: 'A new signing secret (shown once); the previous one keeps signing for a while',
      description:
        'During the overlap (24 hours) every request carries a signature by each secret, ' +
        'space-separated in `webhook-signature`, so the receiver can switch without losing ' +
        'an event.',
      request: { params: IdParams },
      responses: {
        200: jsonContent(WebhookSecretSchema, 'The endpoint and its new secret (shown once)'),
        ...errorResponses(404),
      },
    }),
    deliveries: defineRoute(access, {
      method: 'get',
      path: `${base}/{id}/deliveries`,
      tags,
      summary: "The endpoint's deliveries, newest first",
      request: {
        params: IdParams,
        query: listQuery({ state: OutboxStateSchema.optional() }),
      },
      responses: {
        200: jsonContent(pageSchema(OutboxItemSchema), 'A page of deliveries'),
        ...errorResponses(400, 404),
      },
    }),
  };
}

const staffRoutes = routesFor('admin', '/staff/webhooks');
const customerRoutes = routesFor('customer', '/me/webhooks');

const customerDelivery = defineRoute('customer', {
  method: 'get',
  path: '/me/webhook-deliveries/{id}',
  tags: ['Customer webhooks'],
  summary: 'One delivery to your endpoints: the JSON sent and every attempt',
  request: { params: IdParams },
  responses: {
    200: jsonContent(OutboxItemDetailSchema, 'The delivery'),
    ...errorResponses(404),
  },
});

const customerRedeliver = defineRoute('customer', {
  method: 'post',
  path: '/me/webhook-deliveries/{id}/redeliver',
  tags: ['Customer webhooks'],
  summary: 'Send a delivery to your endpoint again, under its same webhook-id',
  request: { params: IdParams },
  responses: {
    200: jsonContent(OutboxItemSchema, 'Pending again'),
    ...errorResponses(404, 409),
  },
});

function register<A extends Access>(
  api: ApiApp,
  routes: ReturnType<typeof routesFor<A>>,
  ownerOf: (caller: ContextByAccess[A]) => EndpointOwner,
): void {
  api.openapi(routes.list, async (c) =>
    c.json({ items: await listEndpoints(c.var.deps, ownerOf(c.var.caller)) }, 200),
  );
  api.openapi(routes.create, async (c) =>
    c.json(await createEndpoint(c.var.caller, ownerOf(c.var.caller), c.req.valid('json')), 201),
  );
  api.openapi(routes.get, async (c) =>
    c.json(await getEndpoint(c.var.deps, c.req.valid('param').id, ownerOf(c.var.caller)), 200),
  );
  api.openapi(routes.update, async (c) =>
    c.json(
      await updateEndpoint(
        c.var.caller,
        ownerOf(c.var.caller),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  api.openapi(routes.remove, async (c) => {
    await deleteEndpoint(c.var.caller, ownerOf(c.var.caller), c.req.valid('param').id);
    return c.body(null, 204);
  });
  api.openapi(routes.rotate, async (c) =>
    c.json(await rotateSecret(c.var.caller, ownerOf(c.var.caller), c.req.valid('param').id), 200),
  );
  api.openapi(routes.deliveries, async (c) => {
    const owner = ownerOf(c.var.caller);
    const id = c.req.valid('param').id;
    // Answers 404 for an endpoint that is not the caller's.
    await getEndpoint(c.var.deps, id, owner);
    const { limit, cursor, state } = c.req.valid('query');
    return c.json(
      await listOutbox(c.var.deps, { endpointId: id, state }, { limit, cursor }, owner),
      200,
    );
  });
}

export function registerWebhooks(api: ApiApp): void {
  register(api, staffRoutes, () => ({ customerId: null }));
  register(api, customerRoutes, (caller) => ({ customerId: caller.customerId }));
  api.openapi(customerDelivery, async (c) =>
    c.json(
      await outboxItem(
        c.var.deps,
        c.req.valid('param').id,
        { admin: false },
        { customerId: c.var.caller.customerId },
      ),
      200,
    ),
  );
  api.openapi(customerRedeliver, async (c) =>
    c.json(
      await retryItem(c.var.caller, c.req.valid('param').id, {
        customerId: c.var.caller.customerId,
      }),
      200,
    ),
  );
}
