import { ApiError } from '../errors.ts';
import {
  type ApiApp,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonContent,
  rejectInvalid,
  z,
} from '../openapi.ts';
import { addIngestUpdate, ingestIncident } from '../services/incidents.ts';
import {
  closeWindow,
  type IngestWindowInput,
  ingestWindow,
  WINDOW_STATES,
} from '../services/windows.ts';
import { INGEST_BATCH_MAX_WINDOWS, ingestWindows } from '../services/windows-batch.ts';
import { IncidentBaseShape, IncidentSchema, NewUpdateSchema } from './incidents.ts';
import { apiInstant, endsAfterStart, instantMs, optionalInstantMs } from './instants.ts';
import { WindowSchema } from './staff-windows.ts';
import { longText } from './text.ts';

/** A monitor's own id: visible ASCII without `/`, so it can sit in a URL path as is. */
const ExternalIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~@+=-]{0,199}$/, {
    message: 'must be 1–200 characters of letters, digits and . _ : ~ @ + = -',
  })
  .openapi({ example: 'pingdom:api:8841' });

const IngestWindowSchema = z
  .strictObject({
    externalId: ExternalIdSchema,
    service: z.string().min(1).max(100).openapi({ example: 'api' }),
    state: z.enum(WINDOW_STATES),
    start: apiInstant,
    end: apiInstant.nullish().openapi({ description: 'Omitted or null while still going on.' }),
    announcedAt: apiInstant.nullish().openapi({
      description: 'For maintenance: when customers were told.',
    }),
  })
  .refine((body) => endsAfterStart(body.start, body.end), {
    message: 'end must be after start',
    path: ['end'],
  })
  .openapi('IngestWindow');

const postWindow = defineRoute('ingest', {
  method: 'post',
  path: '/ingest/windows',
  tags: ['Ingestion'],
  summary: 'Report an uptime window (idempotent on externalId)',
  description:
    'The same externalId with the same body answers 200 with the window as it is now; ' +
    'with another body, 409 (close a window with PATCH).',
  request: { body: jsonBody(IngestWindowSchema) },
  responses: {
    201: jsonContent(WindowSchema, 'Created'),
    200: jsonContent(WindowSchema, 'The same request again: the window as it is now'),
    ...errorResponses(400, 409, 422),
  },
});

/** Where batches of windows come in: its body limit is its own (api/app.ts). */
export const INGEST_BATCH_PATH = '/ingest/windows/batch';

const ConflictSchema = z.object({
  code: z.enum(['WINDOW_CONFLICT', 'EXTERNAL_ID_TAKEN']),
  message: z.string(),
});

const BatchItemSchema = z
  .discriminatedUnion('result', [
    z.object({
      index: z.number().int(),
      externalId: z.string(),
      result: z.enum(['created', 'replayed']),
      window: WindowSchema,
    }),
    z.object({
      index: z.number().int(),
      externalId: z.string(),
      result: z.literal('conflict'),
      error: ConflictSchema,
    }),
  ])
  .openapi('IngestBatchItem');

const BatchResultSchema = z
  .object({
    created: z.number().int(),
    replayed: z.number().int(),
    conflicts: z.number().int(),
    results: z.array(BatchItemSchema).openapi({ description: 'One per window sent, in order.' }),
  })
  .openapi('IngestBatchResult');

const postWindowBatch = defineRoute('ingest', {
  method: 'post',
  path: INGEST_BATCH_PATH,
  tags: ['Ingestion'],
  summary: `Report up to ${INGEST_BATCH_MAX_WINDOWS.toLocaleString('en')} uptime windows in one transaction`,
  description:
    'Each window is answered as `POST /ingest/windows` would answer it alone, in order: ' +
    '`created`, `replayed` (the same request again: the window as it is now) or `conflict` ' +
    "(another request under that externalId, or an id that is not this key's). A later " +
    'window with the externalId of an earlier one in the batch meets it as recorded. A window ' +
    'the single endpoint would refuse (a reserved id, an unknown service, an instant out of ' +
    'bounds) refuses the whole batch with 422 naming each such window, and nothing is ' +
    `recorded. More than ${INGEST_BATCH_MAX_WINDOWS.toLocaleString('en')} windows, or a body over ` +
    'its limit, is 413.',
  request: {
    body: jsonBody(
      z
        .strictObject({
          windows: z.array(IngestWindowSchema).min(1).max(INGEST_BATCH_MAX_WINDOWS),
        })
        .openapi('IngestWindowBatch'),
    ),
  },
  responses: {
    200: jsonContent(BatchResultSchema, 'One result per window, in the order sent'),
    ...errorResponses(400, 413, 422),
  },
});

function windowInput(body: z.infer<typeof IngestWindowSchema>): IngestWindowInput {
  return {
    externalId: body.externalId,
    service: body.service,
    state: body.state,
    startMs: instantMs(body.start),
    endMs: optionalInstantMs(body.end) ?? null,
    announcedAtMs: optionalInstantMs(body.announcedAt) ?? null,
  };
}

/**
 * Too many windows is the batch's size limit, as a body over its byte limit is: 413, with
 * the limit named. Every other validation failure is the shared 400.
 */
function batchHook(result: Parameters<typeof rejectInvalid>[0]): undefined {
  if (!result.success) {
    const tooMany = result.error.issues.find(
      (issue) =>
        issue.path.length === 1 &&
        issue.path[0] === 'windows' &&
        (issue as { code?: string }).code === 'too_big',
    );
    if (tooMany !== undefined) {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `A batch holds at most ${INGEST_BATCH_MAX_WINDOWS.toLocaleString('en')} windows; send the rest in another.`,
        {
          issues: [
            {
              path: 'windows',
              message: `must hold at most ${INGEST_BATCH_MAX_WINDOWS.toLocaleString('en')} windows`,
            },
          ],
        },
      );
    }
  }
  rejectInvalid(result);
  return undefined;
}

const patchWindow = defineRoute('ingest', {
  method: 'patch',
  path: '/ingest/windows/{externalId}',
  tags: ['Ingestion'],
  summary: 'Close an open window',
  description:
    'Sets the end of an open window. Closing it again with the same end answers 200; ' +
    'with another end, 409: a closed window changes only by a staff correction.',
  request: {
    params: z.object({ externalId: ExternalIdSchema }),
    body: jsonBody(z.strictObject({ end: apiInstant }).openapi('CloseWindow')),
  },
  responses: {
    200: jsonContent(WindowSchema, 'The closed window'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const IngestIncidentSchema = z
  .strictObject({
    externalId: ExternalIdSchema,
    ...IncidentBaseShape,
    body: longText({ min: 1, max: 10_000, trim: false }).optional().openapi({
      description: 'The first (automated) update.',
    }),
  })
  .openapi('IngestIncident');

const postIncident = defineRoute('ingest', {
  method: 'post',
  path: '/ingest/incidents',
  tags: ['Ingestion'],
  summary: 'Open an incident from a monitor (idempotent on externalId; updates are automated)',
  request: { body: jsonBody(IngestIncidentSchema) },
  responses: {
    201: jsonContent(IncidentSchema, 'Created'),
    200: jsonContent(IncidentSchema, 'The same request again: the incident as it is now'),
    ...errorResponses(400, 409, 422),
  },
});

const postIncidentUpdate = defineRoute('ingest', {
  method: 'post',
  path: '/ingest/incidents/{externalId}/updates',
  tags: ['Ingestion'],
  summary: "Add an automated update to a monitor's incident",
  request: {
    params: z.object({ externalId: ExternalIdSchema }),
    body: jsonBody(NewUpdateSchema),
  },
  responses: {
    201: jsonContent(IncidentSchema, 'The incident with the new update'),
    ...errorResponses(400, 404),
  },
});

export function registerIngest(api: ApiApp): void {
  api.openapi(postWindow, async (c) => {
    const result = await ingestWindow(
      c.var.deps,
      c.var.caller.principal.key.id,
      windowInput(c.req.valid('json')),
    );
    return result.created ? c.json(result.window, 201) : c.json(result.window, 200);
  });

  api.openapi(
    postWindowBatch,
    async (c) => {
      const { windows } = c.req.valid('json');
      return c.json(
        await ingestWindows(c.var.deps, c.var.caller.principal.key.id, windows.map(windowInput)),
        200,
      );
    },
    batchHook,
  );

  api.openapi(patchWindow, async (c) => {
    const { externalId } = c.req.valid('param');
    const { end } = c.req.valid('json');
    return c.json(
      await closeWindow(c.var.deps, c.var.caller.principal.key.id, externalId, instantMs(end)),
      200,
    );
  });

  api.openapi(postIncident, async (c) => {
    const body = c.req.valid('json');
    const result = await ingestIncident(c.var.deps, c.var.caller.principal.key.id, {
      externalId: body.externalId,
      title: body.title,
      impact: body.impact,
      status: body.status,
      services: body.services,
      startedAtMs: optionalInstantMs(body.startedAt),
      body: body.body,
    });
    return result.created ? c.json(result.incident, 201) : c.json(result.incident, 200);
  });

  api.openapi(postIncidentUpdate, async (c) => {
    const { externalId } = c.req.valid('param');
    const update = c.req.valid('json');
    return c.json(
      await addIngestUpdate(c.var.deps, c.var.caller.principal.key.id, externalId, update),
      201,
    );
  });
}
