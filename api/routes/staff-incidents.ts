import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  addStaffUpdate,
  createStaffIncident,
  editIncident,
  INCIDENT_IMPACTS,
} from '../services/incidents.ts';
import type { StaffPrincipal } from '../services/windows.ts';
import { instantSchema } from '../sla/schema.ts';
import { IncidentBaseShape, IncidentSchema, NewUpdateSchema } from './incidents.ts';
import { optionalInstantMs } from './instants.ts';

/** The signed-in person making a staff write (the route's access level guarantees one). */
export function staffPrincipal(c: Context<AppEnv>): StaffPrincipal {
  const principal = c.var.principal;
  if (principal.kind !== 'user') throw new ApiError('FORBIDDEN', 'Sign in as staff.');
  return principal;
}

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

const NewStaffIncidentSchema = z
  .strictObject({
    ...IncidentBaseShape,
    body: z.string().trim().min(1).max(10_000).openapi({ description: 'The first update.' }),
  })
  .openapi('NewStaffIncident');

const createIncidentRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/incidents',
  tags: ['Staff: incidents'],
  summary: 'Open an incident (its updates are human)',
  request: { body: jsonBody(NewStaffIncidentSchema) },
  responses: {
    201: jsonContent(IncidentSchema, 'Created'),
    ...errorResponses(400, 422),
  },
});

const updateRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/incidents/{id}/updates',
  tags: ['Staff: incidents'],
  summary: 'Post a human update (any incident, also one a monitor opened)',
  description: 'Resolving sets resolvedAt; any other status after resolved reopens it.',
  request: { params: IdParams, body: jsonBody(NewUpdateSchema) },
  responses: {
    201: jsonContent(IncidentSchema, 'The incident with the new update'),
    ...errorResponses(400, 404),
  },
});

const editRoute = defineRoute('staff', {
  method: 'patch',
  path: '/staff/incidents/{id}',
  tags: ['Staff: incidents'],
  summary: "Change an incident's title, impact, start or services",
  request: {
    params: IdParams,
    body: jsonBody(
      z
        .strictObject({
          title: z.string().trim().min(1).max(200).optional(),
          impact: z.enum(INCIDENT_IMPACTS).optional(),
          startedAt: instantSchema.optional(),
          services: z.array(z.string().min(1).max(100)).max(100).optional(),
        })
        .openapi('IncidentChanges'),
    ),
  },
  responses: {
    200: jsonContent(IncidentSchema, 'The incident'),
    ...errorResponses(400, 404, 422),
  },
});

export function registerStaffIncidents(api: ApiApp): void {
  api.openapi(createIncidentRoute, async (c) => {
    const body = c.req.valid('json');
    const incident = await createStaffIncident(c.var.deps, staffPrincipal(c), c.var.requestId, {
      ...body,
      startedAtMs: optionalInstantMs(body.startedAt),
    });
    return c.json(incident, 201);
  });

  api.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const incident = await addStaffUpdate(c.var.deps, staffPrincipal(c), id, c.req.valid('json'));
    return c.json(incident, 201);
  });

  api.openapi(editRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const incident = await editIncident(c.var.deps, staffPrincipal(c), c.var.requestId, id, {
      title: body.title,
      impact: body.impact,
      services: body.services,
      startedAtMs: optionalInstantMs(body.startedAt),
    });
    return c.json(incident, 200);
  });
}
