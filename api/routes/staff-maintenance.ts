import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  cancelMaintenance,
  createMaintenance,
  editMaintenance,
  getMaintenance,
  listAllMaintenance,
  publishMaintenance,
} from '../services/maintenance.ts';
import { instantSchema } from '../sla/schema.ts';
import { IdParams } from './common.ts';
import { instantMs, optionalInstantMs } from './instants.ts';
import { MaintenanceSchema } from './public.ts';
import { staffPrincipal } from './staff-incidents.ts';
import { displayText, longText } from './text.ts';

/** The staff console lists this many, newest first: enough for a year of weekly windows. */
const STAFF_MAINTENANCE_LIMIT = 200;

const ServicesSchema = z.array(z.string().min(1).max(100)).min(1).max(100);

const NewMaintenanceSchema = z
  .strictObject({
    title: displayText({ max: 200 }),
    description: longText({ max: 10_000, trim: false }).default(''),
    services: ServicesSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
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
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
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

export function registerStaffMaintenance(api: ApiApp): void {
  api.openapi(listRoute, async (c) =>
    c.json({ items: await listAllMaintenance(c.var.deps, STAFF_MAINTENANCE_LIMIT) }, 200),
  );

  api.openapi(getRoute, async (c) =>
    c.json(await getMaintenance(c.var.deps, c.req.valid('param').id), 200),
  );

  api.openapi(createMaintenanceRoute, async (c) => {
    const body = c.req.valid('json');
    const item = await createMaintenance(c.var.deps, staffPrincipal(c), c.var.requestId, {
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
    const item = await editMaintenance(
      c.var.deps,
      staffPrincipal(c),
      c.var.requestId,
      c.req.valid('param').id,
      {
        title: body.title,
        description: body.description,
        services: body.services,
        startsAtMs: optionalInstantMs(body.startsAt),
        endsAtMs: optionalInstantMs(body.endsAt),
      },
    );
    return c.json(item, 200);
  });

  api.openapi(publishRoute, async (c) => {
    const item = await publishMaintenance(
      c.var.deps,
      staffPrincipal(c),
      c.var.requestId,
      c.req.valid('param').id,
    );
    return c.json(item, 200);
  });

  api.openapi(cancelRoute, async (c) => {
    const item = await cancelMaintenance(
      c.var.deps,
      staffPrincipal(c),
      c.var.requestId,
      c.req.valid('param').id,
    );
    return c.json(item, 200);
  });
}
