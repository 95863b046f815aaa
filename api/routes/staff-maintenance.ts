import { unprocessable } from '../domain-errors.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  cancelMaintenance,
  completeMaintenanceEarly,
  createMaintenance,
  editMaintenance,
  getMaintenance,
  listAllMaintenance,
  publishMaintenance,
  startMaintenanceEarly,
} from '../services/maintenance.ts';
import { checkNotice, noticeOfMaintenance } from '../services/maintenance-notice.ts';
import { MS_PER_DAY } from '../sla/instant.ts';
import { IdParams } from './common.ts';
import { apiInstant, instantMs, optionalInstantMs } from './instants.ts';
import { MaintenanceSchema } from './public.ts';
import { displayText, longText } from './text.ts';

/** The staff console lists this many, newest first: enough for a year of weekly windows. */
const STAFF_MAINTENANCE_LIMIT = 200;

const ServicesSchema = z.array(z.string().min(1).max(100)).min(1).max(100);

const NewMaintenanceSchema = z
  .strictObject({
    title: displayText({ max: 200 }),
    description: longText({ max: 10_000, trim: false }).default(''),
    services: ServicesSchema,
    startsAt: apiInstant,
    endsAt: apiInstant,
    publish: z.boolean().default(false).openapi({
      description: 'Publish now (announcedAt of its windows); otherwise publish later.',
    }),
  })
  .openapi('NewMaintenance');

const MaintenanceChangesSchema = z
  .strictObject({
    title: displayText({ max: 200 }).optional(),
    description: longText({ max: 10_000, trim: false }).optional(),
    services: ServicesSchema.optional(),
    startsAt: apiInstant.optional(),
    endsAt: apiInstant.optional(),
  })
  .openapi('MaintenanceChanges');

const tags = ['Staff: maintenance'];

const listRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/maintenance',
  tags,
  summary: 'All maintenance, drafts included, newest start first',
  responses: { 200: jsonContent(z.object({ items: z.array(MaintenanceSchema) }), 'Maintenance') },
});

const getRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/maintenance/{id}',
  tags,
  summary: 'One maintenance, drafts included',
  request: { params: IdParams },
  responses: { 200: jsonContent(MaintenanceSchema, 'The maintenance'), ...errorResponses(404) },
});

const createMaintenanceRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/maintenance',
  tags,
  summary: 'Schedule maintenance, published now or later',
  request: { body: jsonBody(NewMaintenanceSchema) },
  responses: {
    201: jsonContent(MaintenanceSchema, 'Created'),
    ...errorResponses(400, 422),
  },
});

const editRoute = defineRoute('staff', {
  method: 'patch',
  path: '/staff/maintenance/{id}',
  tags,
  summary: 'Edit or reschedule (the schedule and services only before it starts)',
  description:
    'Moving a published schedule outside what was announced announces it again now; ' +
    'shrinking it within the announced time keeps the announcement.',
  request: { params: IdParams, body: jsonBody(MaintenanceChangesSchema) },
  responses: {
    200: jsonContent(MaintenanceSchema, 'The maintenance'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const publishRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/maintenance/{id}/publish',
  tags,
  summary: 'Publish a draft: now becomes the announcedAt of its windows',
  request: { params: IdParams },
  responses: {
    200: jsonContent(MaintenanceSchema, 'The maintenance'),
    ...errorResponses(404, 409),
  },
});

const cancelRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/maintenance/{id}/cancel',
  tags,
  summary: 'Cancel: before it starts its windows go; while it runs they end now',
  request: { params: IdParams },
  responses: {
    200: jsonContent(MaintenanceSchema, 'The maintenance'),
    ...errorResponses(404, 409),
  },
});

const startEarlyRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/maintenance/{id}/start',
  tags,
  summary: 'Start a scheduled maintenance now, before its announced start',
  description:
    'The announced window keeps its announcement; the time from now to startsAt becomes a ' +
    'window of its own, announced only now, which every policy requiring notice counts as ' +
    'downtime (sla-accounting §3.2). Refused (422 EARLY_START_NOT_ACKNOWLEDGED) unless the ' +
    'body says acknowledgeUnannounced: true. A draft is 409 MAINTENANCE_NOT_PUBLISHED.',
  request: {
    params: IdParams,
    body: jsonBody(
      z
        .strictObject({
          acknowledgeUnannounced: z.boolean().default(false).openapi({
            description: 'True: start anyway, knowing the early part counts as downtime.',
          }),
        })
        .openapi('StartMaintenanceEarly'),
    ),
  },
  responses: {
    200: jsonContent(MaintenanceSchema, 'The maintenance, in progress'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const completeEarlyRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/maintenance/{id}/complete',
  tags,
  summary: 'Complete a running maintenance now, before its planned end',
  request: { params: IdParams },
  responses: {
    200: jsonContent(MaintenanceSchema, 'The maintenance, completed'),
    ...errorResponses(404, 409),
  },
});

const NoticeAgreementSchema = z.object({
  agreementId: z.number().int(),
  customer: z.object({ id: z.number().int(), name: z.string() }),
  timeZone: z.string(),
  active: z.boolean(),
  services: z.array(z.string()),
  months: z.array(z.string()).openapi({
    description: "The agreement's months (in its zone) the maintenance touches under this version.",
  }),
});

const NoticeSchema = z
  .object({
    announcedAt: z.iso.datetime().openapi({
      description:
        'When customers were told: the stored announcement when the plan stays within it, else now.',
    }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    givenMs: z.number().int().openapi({ description: 'startsAt − announcedAt.' }),
    unannounced: z
      .object({ from: z.iso.datetime(), to: z.iso.datetime() })
      .nullable()
      .openapi({ description: 'The part of a maintenance started early that no notice preceded.' }),
    policies: z.array(
      z.object({
        policy: z.object({ id: z.number().int(), name: z.string() }),
        version: z.number().int(),
        effectiveFrom: z.string(),
        requiredMinutes: z.number().int(),
        givenMs: z.number().int(),
        met: z.boolean().openapi({ description: 'givenMs ≥ requiredMinutes, exactly.' }),
        earlyPartCounts: z.boolean().openapi({
          description: 'Started early, and this version wants notice: the early part is downtime.',
        }),
        agreements: z.array(NoticeAgreementSchema),
      }),
    ),
    allMet: z.boolean(),
  })
  .openapi('MaintenanceNotice', {
    description:
      'Per policy version in force in a month the maintenance touches, for every agreement ' +
      'including an affected service: the notice it requires, the notice given, and whether ' +
      'it is met (otherwise the maintenance counts as downtime for those customers).',
  });

/** The longest plan the check reads: a year of months per agreement is already generous. */
const NOTICE_MAX_DAYS = 400;

const NoticeQuerySchema = z
  .strictObject({
    services: ServicesSchema,
    startsAt: apiInstant,
    endsAt: apiInstant,
    maintenanceId: z.number().int().positive().optional().openapi({
      description: 'The maintenance being edited: its announcement holds within its schedule.',
    }),
  })
  .openapi('MaintenanceNoticeQuery');

const checkNoticeRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/maintenance/notice',
  tags,
  summary: 'Check a plan: does its notice meet every affected policy? (writes nothing)',
  request: { body: jsonBody(NoticeQuerySchema) },
  responses: {
    200: jsonContent(NoticeSchema, 'The notice per policy version'),
    ...errorResponses(400, 404, 422),
  },
});

const noticeRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/maintenance/{id}/notice',
  tags,
  summary: "A maintenance's notice per affected policy version",
  request: { params: IdParams },
  responses: {
    200: jsonContent(NoticeSchema, 'The notice per policy version'),
    ...errorResponses(404),
  },
});

export function registerStaffMaintenance(api: ApiApp): void {
  api.openapi(checkNoticeRoute, async (c) => {
    const body = c.req.valid('json');
    const startsAtMs = instantMs(body.startsAt);
    const endsAtMs = instantMs(body.endsAt);
    if (endsAtMs - startsAtMs > NOTICE_MAX_DAYS * MS_PER_DAY) {
      throw unprocessable(
        `A plan to check lasts at most ${NOTICE_MAX_DAYS} days.`,
        'INVALID_SCHEDULE',
        [{ path: 'endsAt', message: `must be at most ${NOTICE_MAX_DAYS} days after startsAt` }],
      );
    }
    const notice = await checkNotice(c.var.deps, {
      services: body.services,
      startsAtMs,
      endsAtMs,
      maintenanceId: body.maintenanceId,
    });
    return c.json(notice, 200);
  });

  api.openapi(noticeRoute, async (c) =>
    c.json(await noticeOfMaintenance(c.var.deps, c.req.valid('param').id), 200),
  );

  api.openapi(startEarlyRoute, async (c) => {
    const item = await startMaintenanceEarly(
      c.var.caller,
      c.req.valid('param').id,
      c.req.valid('json').acknowledgeUnannounced,
    );
    return c.json(item, 200);
  });

  api.openapi(completeEarlyRoute, async (c) => {
    const item = await completeMaintenanceEarly(c.var.caller, c.req.valid('param').id);
    return c.json(item, 200);
  });

  api.openapi(listRoute, async (c) =>
    c.json({ items: await listAllMaintenance(c.var.deps, STAFF_MAINTENANCE_LIMIT) }, 200),
  );

  api.openapi(getRoute, async (c) =>
    c.json(await getMaintenance(c.var.deps, c.req.valid('param').id), 200),
  );

  api.openapi(createMaintenanceRoute, async (c) => {
    const body = c.req.valid('json');
    const item = await createMaintenance(c.var.caller, {
      title: body.title,
      description: body.description,
      services: body.services,
      startsAtMs: instantMs(body.startsAt),
      endsAtMs: instantMs(body.endsAt),
      publish: body.publish,
    });
    return c.json(item, 201);
  });

  api.openapi(editRoute, async (c) => {
    const body = c.req.valid('json');
    const item = await editMaintenance(c.var.caller, c.req.valid('param').id, {
      title: body.title,
      description: body.description,
      services: body.services,
      startsAtMs: optionalInstantMs(body.startsAt),
      endsAtMs: optionalInstantMs(body.endsAt),
    });
    return c.json(item, 200);
  });

  api.openapi(publishRoute, async (c) => {
    const item = await publishMaintenance(c.var.caller, c.req.valid('param').id);
    return c.json(item, 200);
  });

  api.openapi(cancelRoute, async (c) => {
    const item = await cancelMaintenance(c.var.caller, c.req.valid('param').id);
    return c.json(item, 200);
  });
}
