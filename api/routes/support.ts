import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { CLAIM_STATUSES } from '../services/claims.ts';
import {
  customerSupportMonths,
  ingestSupportEvent,
  ingestSupportRequest,
  POSTED_EVENT_TYPES,
  SUPPORT_AUTHORS,
  SUPPORT_EVENT_TYPES,
  SUPPORT_PRIORITIES,
  staffSupportEvent,
  staffSupportMonth,
  supportQueue,
} from '../services/support.ts';
import { objectiveFiguresSchema, priorities, responseResultSchema } from '../sla/index.ts';
import { monthSchema } from './claims-shapes.ts';
import { IdParams, idFilter } from './common.ts';
import { apiInstant, instantMs } from './instants.ts';
import { displayText } from './text.ts';

/** Help-desk requests, their events, and the month's response figures (sla-response.md §5). */

/** A help desk's own id: as for monitors' ids, visible ASCII without `/`. */
const ExternalIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~@+=-]{0,199}$/, {
    message: 'must be 1–200 characters of letters, digits and . _ : ~ @ + = -',
  })
  .openapi({ example: 'zendesk:48211' });

const SupportEventSchema = z
  .object({
    id: z.string().openapi({ description: "The writer's idempotency id for the event." }),
    type: z.enum(SUPPORT_EVENT_TYPES),
    at: z.iso.datetime(),
    author: z.enum(SUPPORT_AUTHORS).openapi({
      description:
        'Decided by the credential that posted it: `automation` (an automation key), `people` (a key marked for people) or `staff` (a person in the console).',
    }),
    counted: z.boolean().openapi({
      description: 'False for automated responses: recorded and shown, never counted.',
    }),
  })
  .openapi('SupportEvent');

const SupportRequestSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    agreementId: z.number().int(),
    customerId: z.number().int(),
    priority: z.enum(SUPPORT_PRIORITIES),
    subject: z.string().nullable(),
    openedAt: z.iso.datetime(),
    events: z.array(SupportEventSchema),
    createdAt: z.iso.datetime(),
  })
  .openapi('SupportRequest');

const IngestSupportRequestSchema = z
  .strictObject({
    externalId: ExternalIdSchema,
    agreementId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    priority: z.enum(SUPPORT_PRIORITIES),
    openedAt: apiInstant,
    subject: displayText({ max: 200 }).nullish(),
  })
  .openapi('IngestSupportRequest');

/**
 * The type a writer posts. A response is posted as `response`: whether it counts as human
 * is the credential's to say, so `human-response` and `automated-response` are refused.
 */
const PostedEventTypeSchema = z.string().superRefine((value, ctx) => {
  if (value === 'human-response' || value === 'automated-response') {
    ctx.addIssue({
      code: 'custom',
      message:
        'send "response": whether a response is human or automated is decided by the key that posts it, never by the body',
    });
  } else if (!(POSTED_EVENT_TYPES as readonly string[]).includes(value)) {
    ctx.addIssue({ code: 'custom', message: `must be one of ${POSTED_EVENT_TYPES.join(', ')}` });
  }
});

const postedType = PostedEventTypeSchema.transform(
  (value) => value as (typeof POSTED_EVENT_TYPES)[number],
).openapi({ type: 'string', enum: [...POSTED_EVENT_TYPES] });

const IngestSupportEventSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[\x21-\x7e]{1,200}$/, { message: 'must be 1–200 visible ASCII characters' })
      .openapi({ description: 'Your idempotency id for this event, unique within the request.' }),
    type: postedType,
    at: apiInstant,
  })
  .openapi('IngestSupportEvent');

const EventAnswerSchema = z
  .object({ event: SupportEventSchema, request: SupportRequestSchema })
  .openapi('SupportEventAnswer');

const ingestTags = ['Ingestion'];

const postRequest = defineRoute('ingest', {
  method: 'post',
  path: '/ingest/support-requests',
  tags: ingestTags,
  summary: 'Report a help-desk request (idempotent on externalId)',
  description:
    'The same externalId with the same body answers 200 with the request as it is now (with its events); with another body, 409. Its events are appended with POST …/events.',
  request: { body: jsonBody(IngestSupportRequestSchema) },
  responses: {
    201: jsonContent(SupportRequestSchema, 'Created'),
    200: jsonContent(SupportRequestSchema, 'The same request again: as it is now'),
    ...errorResponses(400, 409, 422),
  },
});

const postEvent = defineRoute('ingest', {
  method: 'post',
  path: '/ingest/support-requests/{externalId}/events',
  tags: ingestTags,
  summary: "Append an event to a help-desk request (idempotent on the event's id)",
  description:
    'A `response` is human when the key is marked for people, and automated when it is marked `automation` (automated responses are recorded and never counted). The same event id with the same body answers 200; with another body, or from another kind of key, 409.',
  request: {
    params: z.object({ externalId: ExternalIdSchema }),
    body: jsonBody(IngestSupportEventSchema),
  },
  responses: {
    201: jsonContent(EventAnswerSchema, 'Appended'),
    200: jsonContent(EventAnswerSchema, 'The same event again'),
    ...errorResponses(400, 404, 409, 422),
  },
});

// ---------------------------------------------------------------------------
// The month's figures.

const RequestLineSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    priority: z.enum(SUPPORT_PRIORITIES),
    subject: z.string().nullable(),
    openedAt: z.iso.datetime(),
    firstHumanResponseAt: z.iso.datetime().nullable(),
    firstResponseMs: z.number().int().nullable(),
    firstResponse: z.enum(['met', 'missed', 'pending']).nullable(),
    resolutionMs: z.number().int().nullable(),
    resolution: z.enum(['met', 'missed', 'pending']).nullable(),
    ignoredReason: z.string().nullable(),
    firstResponseDueAt: z.iso.datetime().nullable(),
    events: z.array(SupportEventSchema),
  })
  .openapi('SupportRequestLine');

export const SupportEvaluationSchema = responseResultSchema.meta({ id: 'SupportEvaluation' });

export const SupportMonthSchema = z
  .object({
    agreementId: z.number().int(),
    policyName: z.string(),
    period: z.string(),
    status: z.enum(['evaluated', 'not-covered', 'not-offered']),
    final: z.boolean(),
    periodEnd: z.iso.datetime(),
    finalBy: z.iso.datetime().nullable().openapi({
      description:
        'At the latest when the month becomes final unless a request reopens; null when final, or when a pending resolution has no fixed deadline.',
    }),
    met: z.boolean().nullable(),
    targetPercent: z.number().nullable(),
    creditPercent: z.number(),
    creditMinor: z.number().int(),
    capMinor: z.number().int(),
    currency: z.string().nullable(),
    claimDeadline: z.string().nullable(),
    objectives: z.array(objectiveFiguresSchema.meta({ id: 'SupportObjectiveFigures' })),
    targets: z.array(
      z.object({
        priority: z.enum(priorities),
        firstResponseMinutes: z.number(),
        resolutionMinutes: z.number().nullable(),
        calendar: z.enum(['24x7', 'business']),
      }),
    ),
    requests: z.array(RequestLineSchema),
    claim: z.object({ id: z.number().int(), status: z.enum(CLAIM_STATUSES) }).nullable(),
    evaluation: SupportEvaluationSchema.nullable(),
  })
  .openapi('SupportMonth');

const meSupport = defineRoute('customer-read', {
  method: 'get',
  path: '/me/support',
  tags: ['Customer: support'],
  summary: "A month's response figures per agreement, with each request and its times",
  description:
    'Evaluated now from the stored requests (sla-response.md; asOf is now). Automated replies are listed with `counted: false`. A month is `final` once it has ended and no request is pending; only then can a support claim be filed.',
  request: {
    query: z.strictObject({ period: monthSchema, agreementId: idFilter }),
  },
  responses: {
    200: jsonContent(
      z.object({ period: z.string(), agreements: z.array(SupportMonthSchema) }),
      'The month',
    ),
    ...errorResponses(400, 404),
  },
});

const StaffSupportMonthSchema = SupportMonthSchema.extend({
  customer: z.object({ id: z.number().int(), name: z.string() }),
}).openapi('StaffSupportMonth');

const staffMonth = defineRoute('staff', {
  method: 'get',
  path: '/staff/agreements/{id}/support',
  tags: ['Staff: support'],
  summary: "An agreement's response figures for a month, as the customer sees them",
  request: { params: IdParams, query: z.strictObject({ period: monthSchema }) },
  responses: {
    200: jsonContent(StaffSupportMonthSchema, 'The month'),
    ...errorResponses(400, 404),
  },
});

const QueueItemSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    customer: z.object({ id: z.number().int(), name: z.string() }),
    agreementId: z.number().int(),
    timeZone: z.string(),
    priority: z.enum(SUPPORT_PRIORITIES),
    subject: z.string().nullable(),
    openedAt: z.iso.datetime(),
    calendar: z.enum(['24x7', 'business']),
    targetMs: z.number().int(),
    elapsedMs: z.number().int(),
    leftMs: z.number().int().openapi({
      description: 'Time left on the objective’s own clock (business time for business hours).',
    }),
    dueAt: z.iso.datetime().nullable(),
    automatedResponses: z.number().int(),
  })
  .openapi('SupportQueueItem');

const queue = defineRoute('staff', {
  method: 'get',
  path: '/staff/support/queue',
  tags: ['Staff: support'],
  summary: 'Requests close to missing their first-response target, least time left first',
  request: {
    query: z.strictObject({
      withinHours: z.coerce.number().int().min(1).max(720).optional().openapi({
        description: 'Only requests with at most this much time left (default 8 hours).',
      }),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(QueueItemSchema) }), 'The queue'),
    ...errorResponses(400),
  },
});

const staffEvent = defineRoute('staff', {
  method: 'post',
  path: '/staff/support/requests/{id}/events',
  tags: ['Staff: support'],
  summary: 'Record a response (or a pause, resolution…) from the console, now; it is human',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ type: postedType })),
  },
  responses: {
    201: jsonContent(EventAnswerSchema, 'Appended'),
    ...errorResponses(400, 404, 415),
  },
});

export function registerSupport(api: ApiApp): void {
  api.openapi(postRequest, async (c) => {
    const body = c.req.valid('json');
    const result = await ingestSupportRequest(c.var.deps, c.var.caller.principal.key.id, {
      externalId: body.externalId,
      agreementId: body.agreementId,
      priority: body.priority,
      openedAtMs: instantMs(body.openedAt),
      subject: body.subject ?? null,
    });
    return result.created ? c.json(result.request, 201) : c.json(result.request, 200);
  });

  api.openapi(postEvent, async (c) => {
    const { externalId } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await ingestSupportEvent(c.var.deps, c.var.caller.principal.key.id, externalId, {
      eventKey: body.id,
      type: body.type,
      atMs: instantMs(body.at),
    });
    const answer = { event: result.event, request: result.request };
    return result.created ? c.json(answer, 201) : c.json(answer, 200);
  });

  api.openapi(meSupport, async (c) => {
    const customerId = c.var.caller.customerId;
    const { period, agreementId } = c.req.valid('query');
    const months = await customerSupportMonths(c.var.deps, customerId, period, agreementId);
    return c.json({ period, agreements: months }, 200);
  });

  api.openapi(staffMonth, async (c) =>
    c.json(
      await staffSupportMonth(c.var.deps, c.req.valid('param').id, c.req.valid('query').period),
      200,
    ),
  );

  api.openapi(queue, async (c) =>
    c.json(
      await supportQueue(c.var.deps, { withinHours: c.req.valid('query').withinHours ?? 8 }),
      200,
    ),
  );

  api.openapi(staffEvent, async (c) => {
    const result = await staffSupportEvent(
      c.var.caller,
      c.req.valid('param').id,
      c.req.valid('json').type,
    );
    return c.json({ event: result.event, request: result.request }, 201);
  });
}
