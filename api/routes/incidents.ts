import { etag } from 'hono/etag';
import { invalidInput } from '../domain-errors.ts';
import { pageQueryShape } from '../http/page-schemas.ts';
import { decodeCursor } from '../infra/keyset.ts';
import { type ApiApp, defineRoute, errorResponses, jsonContent, z } from '../openapi.ts';
import { COMPONENT_STATUSES } from '../services/component-status.ts';
import {
  getIncident,
  INCIDENT_IMPACTS,
  INCIDENT_STATUSES,
  listIncidents,
} from '../services/incidents.ts';
import { setPublicCaching } from './caching.ts';
import { IdParams } from './common.ts';
import { apiInstant } from './instants.ts';
import { displayText, longText } from './text.ts';

const ComponentStatusSchema = z
  .object({
    service: z.string().openapi({ description: 'A service slug.' }),
    status: z.enum(COMPONENT_STATUSES),
  })
  .openapi('ComponentStatus', {
    description:
      'A component and the status staff hold it in on the incident; a status other than ' +
      'operational is a window of source `incident`, counted like any other.',
  });

const UpdateSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(INCIDENT_STATUSES),
    body: z.string(),
    kind: z.enum(['automated', 'human']).openapi({
      description: 'automated: written with an API key; human: by a signed-in person.',
    }),
    components: z.array(ComponentStatusSchema).openapi({
      description: 'The component statuses this update changed (empty when none).',
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi('IncidentUpdate');

const summaryShape = {
  id: z.number().int(),
  title: z.string(),
  impact: z.enum(INCIDENT_IMPACTS),
  status: z.enum(INCIDENT_STATUSES),
  source: z.enum(['ingest', 'staff']),
  startedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  services: z.array(z.string()),
  components: z.array(ComponentStatusSchema).openapi({
    description: 'The affected components (the slugs of `services`) with their current status.',
  }),
  // A union, not .nullable(): that would make the shared IncidentUpdate component nullable.
  latestUpdate: z.union([UpdateSchema, z.null()]),
  firstHumanUpdateAt: z.iso.datetime().nullable(),
  timeToFirstHumanUpdateMs: z.number().int().nullable().openapi({
    description: 'From startedAt to the first human update; automated updates never count.',
  }),
};

export const IncidentSummarySchema = z.object(summaryShape).openapi('IncidentSummary');

const PostmortemSchema = z
  .object({
    body: z.string().openapi({ description: 'Plain text; paragraphs separated by blank lines.' }),
    publishedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Postmortem', {
    description: 'What happened and what changes, written by staff after the resolution.',
  });

export const IncidentSchema = z
  .object({
    ...summaryShape,
    updates: z.array(UpdateSchema),
    postmortem: z.union([PostmortemSchema, z.null()]),
  })
  .openapi('Incident');

/** The fields a new incident has, from a monitor or from staff. */
export const IncidentBaseShape = {
  title: displayText({ max: 200 }),
  impact: z.enum(INCIDENT_IMPACTS).default('minor'),
  status: z.enum(INCIDENT_STATUSES).default('investigating'),
  services: z.array(z.string().min(1).max(100)).max(100).default([]),
  startedAt: apiInstant.optional().openapi({ description: 'Defaults to now.' }),
};

/** An update's fields. Who wrote it (automated or human) comes from the credentials only. */
export const NewUpdateShape = {
  status: z.enum(INCIDENT_STATUSES),
  body: longText({ min: 1, max: 10_000 }),
  impact: z.enum(INCIDENT_IMPACTS).optional(),
};

export const NewUpdateSchema = z.strictObject(NewUpdateShape).openapi('NewIncidentUpdate');

/** `limit` as every list has it; the cursor is an `(instant, id)` one (decision 025). */
export const timePageShape = {
  limit: pageQueryShape.limit,
  cursor: z.string().max(40).optional().openapi({ description: "The previous page's nextCursor." }),
};

/** The cursor of a list query, or a 400 naming it. */
export function cursorOf(text: string | undefined) {
  if (text === undefined) return undefined;
  const cursor = decodeCursor(text);
  if (cursor === undefined) {
    throw invalidInput('The cursor is not valid.', [
      { path: 'cursor', message: 'must be a nextCursor from a previous page' },
    ]);
  }
  return cursor;
}

const listRoute = defineRoute('public', {
  method: 'get',
  path: '/incidents',
  tags: ['Public status'],
  summary: 'Incidents, newest first',
  request: {
    query: z.strictObject({
      ...timePageShape,
      service: z.string().min(1).max(100).optional().openapi({ description: 'A service slug.' }),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(IncidentSummarySchema), nextCursor: z.string().nullable() }),
      'A page of incidents',
    ),
    ...errorResponses(400, 404),
  },
});

const getRoute = defineRoute('public', {
  method: 'get',
  path: '/incidents/{id}',
  tags: ['Public status'],
  summary: 'One incident with its timeline',
  request: { params: IdParams },
  responses: {
    200: jsonContent(IncidentSchema, 'The incident, its updates oldest first'),
    ...errorResponses(404),
  },
});

export function registerIncidents(api: ApiApp): void {
  api.use('/incidents', etag());
  api.use('/incidents/*', etag());
  api.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listIncidents(c.var.deps, {
      limit: query.limit,
      cursor: cursorOf(query.cursor),
      service: query.service,
    });
    setPublicCaching(c);
    return c.json(page, 200);
  });
  api.openapi(getRoute, async (c) => {
    const incident = await getIncident(c.var.deps, c.req.valid('param').id);
    setPublicCaching(c);
    return c.json(incident, 200);
  });
}
