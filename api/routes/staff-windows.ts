import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { previewCorrection } from '../services/correction-preview.ts';
import {
  correctWindow,
  listCorrections,
  listWindows,
  WINDOW_SOURCES,
  WINDOW_STATES,
} from '../services/windows.ts';
import { activeFilter, IdParams } from './common.ts';
import { cursorOf, timePageShape } from './incidents.ts';
import { apiInstant, optionalInstantMs } from './instants.ts';
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

/**
 * A correction of a window, as the windows screen and a claim's review both show it (one
 * shape: the claim review's copy had drifted to untyped strings).
 */
export const CorrectionSchema = z
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
    start: apiInstant.optional(),
    end: apiInstant.optional(),
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
  summary: 'Windows, newest start first, with filters',
  description:
    'Of one service (`service`) or all; `state`, `source`, `open=true` (still going on) or ' +
    '`false` (ended), and `from`/`to` (windows overlapping that time).',
  request: {
    query: z.strictObject({
      service: z.string().min(1).max(100).optional(),
      state: z.enum(WINDOW_STATES).optional(),
      source: z.enum(WINDOW_SOURCES).optional(),
      open: activeFilter.openapi({ description: 'true: no end yet; false: ended.' }),
      from: apiInstant.optional(),
      to: apiInstant.optional(),
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

const FigureSummarySchema = z.object({
  status: z.enum(['evaluated', 'not-covered', 'not-monitored', 'no-eligible-time']),
  downtimeMs: z.number(),
  eligibleMs: z.number(),
  availabilityDisplay: z.string().nullable(),
  met: z.boolean().nullable(),
  creditMinor: z.number().int(),
  currency: z.string(),
});

const CorrectionPreviewSchema = z
  .object({
    correction: CorrectionSchema.omit({ id: true, createdAt: true }),
    items: z.array(
      z.object({
        customer: z.object({ id: z.number().int(), name: z.string() }),
        agreementId: z.number().int(),
        timeZone: z.string(),
        service: z.string(),
        period: z.string().openapi({ description: "A month in the agreement's zone." }),
        before: FigureSummarySchema,
        after: FigureSummarySchema,
        changed: z.boolean(),
        decidedClaim: z
          .object({ id: z.number().int(), status: z.enum(['approved', 'credited']) })
          .nullable()
          .openapi({
            description:
              'An approved or credited claim of this month: its figures stay as decided, and ' +
              'the correction shows beside them.',
          }),
      }),
    ),
  })
  .openapi('WindowCorrectionPreview');

const previewRoute = defineRoute('admin', {
  method: 'post',
  path: '/staff/windows/{id}/corrections/preview',
  tags,
  summary: 'What a correction would change, without saving it (admin)',
  description:
    'Applies the correction in a transaction that is rolled back: the same checks as saving, ' +
    'then every (customer, agreement, service, month) it reaches evaluated by the engine ' +
    'before and after. Months it overlaps are listed; a neighbouring month only when its ' +
    'figures change (an outage run is judged whole). Decided claims are flagged.',
  request: { params: IdParams, body: jsonBody(NewCorrectionSchema) },
  responses: {
    200: jsonContent(CorrectionPreviewSchema, 'The months touched, before and after'),
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
        state: query.state,
        source: query.source,
        open: query.open,
        fromMs: optionalInstantMs(query.from),
        toMs: optionalInstantMs(query.to),
      },
      { limit: query.limit, cursor: cursorOf(query.cursor) },
    );
    return c.json(page, 200);
  });

  api.openapi(correctRoute, async (c) => {
    const body = c.req.valid('json');
    const correction = await correctWindow(c.var.caller, c.req.valid('param').id, {
      state: body.state,
      startMs: optionalInstantMs(body.start),
      endMs: optionalInstantMs(body.end),
      reason: body.reason,
    });
    return c.json(correction, 201);
  });

  api.openapi(previewRoute, async (c) => {
    const body = c.req.valid('json');
    const preview = await previewCorrection(c.var.caller, c.req.valid('param').id, {
      state: body.state,
      startMs: optionalInstantMs(body.start),
      endMs: optionalInstantMs(body.end),
      reason: body.reason,
    });
    return c.json(preview, 200);
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
