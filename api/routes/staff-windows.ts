import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  correctWindow,
  listCorrections,
  listWindows,
  WINDOW_SOURCES,
  WINDOW_STATES,
} from '../services/windows.ts';
import { instantSchema } from '../sla/schema.ts';
import { IdParams } from './common.ts';
import { cursorOf, timePageShape } from './incidents.ts';
import { optionalInstantMs } from './instants.ts';
import { staffPrincipal } from './staff-incidents.ts';
import { longText } from './text.ts';

export const WindowSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    service: z.string(),
    state: z.enum(WINDOW_STATES),
    start: z.iso.datetime(),
    end: z.iso.datetime().nullable(),
    announcedAt: z.iso.datetime().nullable(),
    source: z.enum(WINDOW_SOURCES).openapi({
      description:
        'ingest: a monitor; staff: scheduled maintenance; incident: a component status a ' +
        'person set on an incident; seed: demo data.',
    }),
    maintenanceId: z.number().int().nullable(),
    incidentId: z.number().int().nullable().openapi({
      description: 'For source incident: the incident holding the component in this state.',
    }),
    author: z
      .object({ id: z.number().int(), email: z.string() })
      .nullable()
      .openapi({ description: 'For source incident: the person who set the status.' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Window');

const WindowValuesSchema = z.object({
  state: z.enum(WINDOW_STATES),
  start: z.iso.datetime(),
  end: z.iso.datetime().nullable(),
});

const CorrectionSchema = z
  .object({
    id: z.number().int(),
    windowId: z.number().int(),
    externalId: z.string(),
    service: z.string(),
    actor: z.object({ id: z.number().int(), email: z.string() }),
    reason: z.string(),
    before: WindowValuesSchema,
    after: WindowValuesSchema,
    affectsDecidedClaim: z.boolean().openapi({
      description: 'An approved or credited claim covered the changed time when it was made.',
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi('WindowCorrection');

const NewCorrectionSchema = z
  .strictObject({
    state: z.enum(WINDOW_STATES).optional(),
    start: instantSchema.optional(),
    end: instantSchema.optional(),
    reason: longText({ min: 1, max: 2_000 }),
  })
  .refine((body) => body.state ?? body.start ?? body.end, {
    message: 'name at least one of state, start, end',
    path: ['state'],
  })
  .openapi('NewWindowCorrection');

const tags = ['Staff: windows'];

const listWindowsRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/windows',
  tags,
  summary: "A service's windows, newest start first",
  request: {
    query: z.strictObject({
      service: z.string().min(1).max(100),
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      ...timePageShape,
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(WindowSchema), nextCursor: z.string().nullable() }),
      'A page of windows',
    ),
    ...errorResponses(400, 404),
  },
});

const correctRoute = defineRoute('admin', {
  method: 'post',
  path: '/staff/windows/{id}/corrections',
  tags,
  summary: "Correct a window's state, start or end, with a reason (admin)",
  description:
    'The window takes the new values; the correction keeps who, when, why, before and after, ' +
    'flagged when an approved or credited claim covers the changed time.',
  request: { params: IdParams, body: jsonBody(NewCorrectionSchema) },
  responses: {
    201: jsonContent(CorrectionSchema, 'Recorded'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const windowCorrectionsRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/windows/{id}/corrections',
  tags,
  summary: "A window's corrections, newest first",
  request: { params: IdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(CorrectionSchema) }), 'Corrections'),
    ...errorResponses(404),
  },
});

const serviceCorrectionsRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/corrections',
  tags,
  summary: "Corrections of a service's windows, newest first",
  request: { query: z.strictObject({ service: z.string().min(1).max(100) }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(CorrectionSchema) }), 'Corrections'),
    ...errorResponses(400, 404),
  },
});

export function registerStaffWindows(api: ApiApp): void {
  api.openapi(listWindowsRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listWindows(
      c.var.deps,
      {
        service: query.service,
        fromMs: optionalInstantMs(query.from),
        toMs: optionalInstantMs(query.to),
      },
      { limit: query.limit, cursor: cursorOf(query.cursor) },
    );
    return c.json(page, 200);
  });

  api.openapi(correctRoute, async (c) => {
    const body = c.req.valid('json');
    const correction = await correctWindow(
      c.var.deps,
      staffPrincipal(c),
      c.var.requestId,
      c.req.valid('param').id,
      {
        state: body.state,
        startMs: optionalInstantMs(body.start),
        endMs: optionalInstantMs(body.end),
        reason: body.reason,
      },
    );
    return c.json(correction, 201);
  });

  api.openapi(windowCorrectionsRoute, async (c) =>
    c.json(
      { items: await listCorrections(c.var.deps, { windowId: c.req.valid('param').id }) },
      200,
    ),
  );

  api.openapi(serviceCorrectionsRoute, async (c) =>
    c.json(
      { items: await listCorrections(c.var.deps, { service: c.req.valid('query').service }) },
      200,
    ),
  );
}
