import { ApiError } from '../errors.ts';
import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  listAttempts,
  listOutbox,
  notificationPreferences,
  outboxCounts,
  outboxItem,
  retryItem,
  setNotificationPreferences,
} from '../services/notifications.ts';
import { subscriberCounts } from '../services/subscriptions.ts';
import { IdParams, idFilter, listQuery } from './common.ts';
import {
  DeliveryAttemptSchema,
  OutboxChannelSchema,
  OutboxItemDetailSchema,
  OutboxItemSchema,
  OutboxStateSchema,
} from './notify-shapes.ts';

const tags = ['Notifications'];

const summary = defineRoute('staff', {
  method: 'get',
  path: '/staff/notifications/summary',
  tags,
  summary: 'How mail leaves, the outbox by state, and the public subscribers',
  responses: {
    200: jsonContent(
      z
        .object({
          mail: z.enum(['smtp', 'mailbox']).openapi({
            description:
              'smtp: SMTP_URL is set; mailbox: messages stay in the development mailbox.',
          }),
          mailFrom: z.string(),
          outbox: z.array(
            z.object({ state: OutboxStateSchema, channel: OutboxChannelSchema, count: z.number() }),
          ),
          subscribers: z.object({
            confirmed: z.number().int(),
            pending: z.number().int(),
            unsubscribed: z.number().int(),
          }),
        })
        .openapi('NotificationSummary'),
      'The summary',
    ),
  },
});

const list = defineRoute('staff', {
  method: 'get',
  path: '/staff/notifications/outbox',
  tags,
  summary: 'The outbox, newest first: mail (the development mailbox too) and webhooks',
  request: {
    query: listQuery({
      state: OutboxStateSchema.optional(),
      channel: OutboxChannelSchema.optional(),
      endpointId: idFilter,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(OutboxItemSchema), 'A page of items'),
    ...errorResponses(400),
  },
});

const get = defineRoute('staff', {
  method: 'get',
  path: '/staff/notifications/outbox/{id}',
  tags,
  summary: 'One item: the message as sent (text, HTML, headers or JSON) and every attempt',
  description:
    'A message holding a one-time link (an invitation, a password reset) shows its body to ' +
    'admins only; once delivered over SMTP the link is removed from it.',
  request: { params: IdParams },
  responses: {
    200: jsonContent(OutboxItemDetailSchema, 'The item'),
    ...errorResponses(404),
  },
});

const html = defineRoute('staff', {
  method: 'get',
  path: '/staff/notifications/outbox/{id}/html',
  tags,
  summary: "A message's HTML version, as a page to look at",
  description:
    'Served with a sandboxing CSP: no scripts, no requests but images. 404 when the item has ' +
    'no HTML (a webhook) or it is withheld (a one-time link, for a viewer who is not an admin, ' +
    'or removed once delivered).',
  request: { params: IdParams },
  responses: {
    200: { description: 'The HTML', content: { 'text/html': { schema: { type: 'string' } } } },
    ...errorResponses(404),
  },
});

const retry = defineRoute('staff', {
  method: 'post',
  path: '/staff/notifications/outbox/{id}/retry',
  tags,
  summary: 'Send again: a dead or skipped item, or redeliver a webhook',
  description:
    'Its attempts start over under the same delivery id (receivers may drop a repeat). 409 for ' +
    'one waiting already, one in the development mailbox, or delivered mail.',
  request: { params: IdParams },
  responses: {
    200: jsonContent(OutboxItemSchema, 'Pending again'),
    ...errorResponses(404, 409),
  },
});

const attempts = defineRoute('staff', {
  method: 'get',
  path: '/staff/notifications/attempts',
  tags,
  summary: 'The delivery log: every attempt, newest first',
  request: {
    query: listQuery({
      endpointId: idFilter,
      outcome: z.enum(['delivered', 'mailbox', 'failed', 'refused', 'skipped']).optional(),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(DeliveryAttemptSchema), 'A page of attempts'),
    ...errorResponses(400),
  },
});

const PreferencesSchema = z
  .object({
    claimFiled: z.boolean().openapi({ description: 'Email me when a customer files a claim.' }),
  })
  .openapi('NotificationPreferences');

const getPreferences = defineRoute('staff', {
  method: 'get',
  path: '/staff/notification-preferences',
  tags,
  summary: 'Your own notification preferences',
  responses: { 200: jsonContent(PreferencesSchema, 'Your preferences') },
});

const putPreferences = defineRoute('staff', {
  method: 'put',
  path: '/staff/notification-preferences',
  tags,
  summary: 'Change your own notification preferences',
  request: { body: jsonBody(z.strictObject({ claimFiled: z.boolean() })) },
  responses: {
    200: jsonContent(PreferencesSchema, 'Your preferences'),
    ...errorResponses(400, 413, 415),
  },
});

export function registerStaffNotifications(api: ApiApp): void {
  api.openapi(summary, async (c) => {
    const deps = c.var.deps;
    return c.json(
      {
        mail: deps.config.smtpUrl === null ? ('mailbox' as const) : ('smtp' as const),
        mailFrom: deps.config.mailFrom,
        outbox: await outboxCounts(deps),
        subscribers: await subscriberCounts(deps),
      },
      200,
    );
  });
  api.openapi(list, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(await listOutbox(c.var.deps, filter, { limit, cursor }), 200);
  });
  api.openapi(get, async (c) =>
    c.json(
      await outboxItem(c.var.deps, c.req.valid('param').id, {
        admin: c.var.caller.principal.user.role === 'admin',
      }),
      200,
    ),
  );
  api.openapi(html, async (c) => {
    const item = await outboxItem(c.var.deps, c.req.valid('param').id, {
      admin: c.var.caller.principal.user.role === 'admin',
    });
    if (item.bodyHtml === null) throw new ApiError('NOT_FOUND', 'This item has no HTML to show.');
    return c.body(item.bodyHtml, 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });
  api.openapi(retry, async (c) =>
    c.json(await retryItem(c.var.caller, c.req.valid('param').id), 200),
  );
  api.openapi(attempts, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(await listAttempts(c.var.deps, filter, { limit, cursor }), 200);
  });
  api.openapi(getPreferences, async (c) =>
    c.json(await notificationPreferences(c.var.deps, c.var.caller.principal.user.id), 200),
  );
  api.openapi(putPreferences, async (c) =>
    c.json(await setNotificationPreferences(c.var.caller, c.req.valid('json')), 200),
  );
}
