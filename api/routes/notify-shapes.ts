import { WEBHOOK_EVENT_CHOICES } from '../notify/events.ts';
import { z } from '../openapi.ts';
import { OUTBOX_CHANNELS, OUTBOX_STATES } from '../services/notifications.ts';
import { displayText } from './text.ts';

/** Shapes shared by the notification routes: staff console, webhooks, customers' webhooks. */

export const OutboxStateSchema = z.enum(OUTBOX_STATES).openapi('OutboxState', {
  description:
    'pending: waits for its next attempt; delivered: the SMTP server or endpoint took it; ' +
    'mailbox: kept in the development mailbox (no SMTP_URL); dead: every attempt failed or ' +
    'the target was refused (retry it); skipped: no longer wanted (unsubscribed, endpoint ' +
    'disabled or deleted).',
});

export const OutboxChannelSchema = z.enum(OUTBOX_CHANNELS).openapi('OutboxChannel');

export const OutboxItemSchema = z
  .object({
    id: z.number().int(),
    deliveryId: z.string().openapi({
      description: "Stable for every attempt: the mail's Message-ID, the webhook's webhook-id.",
    }),
    channel: OutboxChannelSchema,
    kind: z.string(),
    recipient: z.string(),
    subject: z.string().nullable(),
    endpointId: z.number().int().nullable(),
    state: OutboxStateSchema,
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime(),
    lastError: z.string().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    sensitive: z.boolean(),
  })
  .openapi('OutboxItem');

export const DeliveryAttemptSchema = z
  .object({
    id: z.number().int(),
    outboxId: z.number().int(),
    deliveryId: z.string(),
    channel: OutboxChannelSchema,
    kind: z.string(),
    attempt: z.number().int(),
    worker: z.string(),
    startedAt: z.iso.datetime(),
    durationMs: z.number().int(),
    outcome: z.enum(['delivered', 'mailbox', 'failed', 'refused', 'skipped']),
    request: z.string(),
    responseStatus: z.number().int().nullable(),
    response: z.string().nullable().openapi({ description: 'The first bytes of the answer.' }),
    error: z.string().nullable(),
  })
  .openapi('DeliveryAttempt');

export const OutboxItemDetailSchema = OutboxItemSchema.extend({
  bodyText: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  headers: z.record(z.string(), z.string()).nullable(),
  payload: z.string().nullable(),
  bodyWithheld: z.string().nullable(),
  attemptLog: z.array(DeliveryAttemptSchema),
}).openapi('OutboxItemDetail');

export const WebhookEventSchema = z.enum(WEBHOOK_EVENT_CHOICES).openapi('WebhookEvent', {
  description: 'An event type, or a group of them (`incident.*`).',
});

export const WebhookEndpointSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    customerId: z.number().int().nullable(),
    active: z.boolean(),
    previousSecretExpiresAt: z.iso.datetime().nullable().openapi({
      description: 'After a rotation: when the previous secret stops signing beside the new one.',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('WebhookEndpoint');

export const WebhookSecretSchema = z
  .object({
    endpoint: WebhookEndpointSchema,
    secret: z.string().openapi({
      description: 'The signing secret (`whsec_…`, Standard Webhooks), shown this once.',
    }),
  })
  .openapi('WebhookEndpointWithSecret');

export const NewWebhookSchema = z.strictObject({
  url: z.string().min(1).max(2000).openapi({ example: 'https://billing.example.com/hooks' }),
  events: z.array(WebhookEventSchema).min(1).max(20),
  description: displayText({ max: 200 }).nullish(),
});

export const WebhookChangesSchema = z.strictObject({
  url: z.string().min(1).max(2000).optional(),
  events: z.array(WebhookEventSchema).min(1).max(20).optional(),
  description: displayText({ max: 200 }).nullish(),
  active: z.boolean().optional(),
});
