import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { COMPONENT_STATUSES } from '../services/component-status.ts';
import {
  addStaffUpdate,
  createStaffIncident,
  editIncident,
  INCIDENT_IMPACTS,
  setPostmortem,
} from '../services/incidents.ts';
import { IdParams, wordedText } from './common.ts';
import { IncidentBaseShape, IncidentSchema, NewUpdateShape } from './incidents.ts';
import { apiInstant, optionalInstantMs } from './instants.ts';
import { displayText, longText } from './text.ts';

const ComponentsSchema = z
  .array(
    z
      .strictObject({
        service: z.string().min(1).max(100).openapi({ description: 'A service slug.' }),
        status: z.enum(COMPONENT_STATUSES).openapi({
          description:
            'operational, degraded (Degraded performance), partial_outage or major_outage.',
        }),
      })
      .openapi('ComponentStatusInput'),
  )
  .max(100)
  .optional()
  .openapi({
    description:
      'Components to add or move to a status. While a component is held in a status other ' +
      'than operational it has a window of source `incident` (counted by the SLA figures).',
  });

/** Each component once, and not also in `services`: the issue names the repeated entry. */
function refineComponents(
  body: { components?: { service: string }[] | undefined; services?: string[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set(body.services ?? []);
  for (const [index, component] of (body.components ?? []).entries()) {
    if (seen.has(component.service)) {
      ctx.addIssue({
        code: 'custom',
        path: ['components', index, 'service'],
        message: `names ${component.service}, which the request already names`,
      });
    }
    seen.add(component.service);
  }
}

const NewStaffIncidentSchema = z
  .strictObject({
    ...IncidentBaseShape,
    components: ComponentsSchema,
    body: longText({ min: 1, max: 10_000 }).openapi({ description: 'The first update.' }),
  })
  .superRefine(refineComponents)
  .openapi('NewStaffIncident');

const NewStaffUpdateSchema = z
  .strictObject({ ...NewUpdateShape, components: ComponentsSchema })
  .superRefine(refineComponents)
  .openapi('NewStaffIncidentUpdate', {
    description:
      'Resolving returns every component to operational (naming one in an outage with it is 422).',
  });

const createIncidentRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/incidents',
  tags: ['Staff: incidents'],
  summary: 'Open an incident (its updates are human)',
  description:
    "`services` lists components at operational; `components` sets each one's status. " +
    'A component held in a status other than operational shows so on the status page and ' +
    'counts in the SLA figures from now until an update changes it or the incident resolves.',
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
  description:
    'Resolving sets resolvedAt and returns every component to operational; any other status ' +
    'after resolved reopens it. `components` adds components or moves their status; one ' +
    'named at the status it has already writes no window.',
  request: { params: IdParams, body: jsonBody(NewStaffUpdateSchema) },
  responses: {
    201: jsonContent(IncidentSchema, 'The incident with the new update'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const editRoute = defineRoute('staff', {
  method: 'patch',
  path: '/staff/incidents/{id}',
  tags: ['Staff: incidents'],
  summary: "Change an incident's title, impact, start or services",
  description:
    'New services join at operational, kept ones keep their status; removing one the ' +
    'incident holds in an outage is 409 (release it with an update first).',
  request: {
    params: IdParams,
    body: jsonBody(
      z
        .strictObject({
          title: displayText({ max: 200 }).optional(),
          impact: z.enum(INCIDENT_IMPACTS).optional(),
          startedAt: apiInstant.optional(),
          services: z.array(z.string().min(1).max(100)).max(100).optional(),
        })
        .openapi('IncidentChanges'),
    ),
  },
  responses: {
    200: jsonContent(IncidentSchema, 'The incident'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const postmortemRoute = defineRoute('staff', {
  method: 'put',
  path: '/staff/incidents/{id}/postmortem',
  tags: ['Staff: incidents'],
  summary: 'Publish or replace the postmortem of a resolved incident',
  description:
    'Plain text (paragraphs separated by blank lines), shown on the public incident page and ' +
    'in the feed. Only a resolved incident has one (409 INCIDENT_NOT_RESOLVED otherwise); ' +
    'publishedAt is kept when it is replaced.',
  request: {
    params: IdParams,
    body: jsonBody(
      z
        .strictObject({
          body: wordedText({ max: 50_000, multiline: true }),
        })
        .openapi('NewPostmortem'),
    ),
  },
  responses: {
    200: jsonContent(IncidentSchema, 'The incident with its postmortem'),
    ...errorResponses(400, 404, 409),
  },
});

export function registerStaffIncidents(api: ApiApp): void {
  api.openapi(postmortemRoute, async (c) => {
    const incident = await setPostmortem(
      c.var.caller,
      c.req.valid('param').id,
      c.req.valid('json').body,
    );
    return c.json(incident, 200);
  });

  api.openapi(createIncidentRoute, async (c) => {
    const body = c.req.valid('json');
    const incident = await createStaffIncident(c.var.caller, {
      ...body,
      startedAtMs: optionalInstantMs(body.startedAt),
    });
    return c.json(incident, 201);
  });

  api.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const incident = await addStaffUpdate(c.var.caller, id, c.req.valid('json'));
    return c.json(incident, 201);
  });

  api.openapi(editRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const incident = await editIncident(c.var.caller, id, {
      title: body.title,
      impact: body.impact,
      services: body.services,
      startedAtMs: optionalInstantMs(body.startedAt),
    });
    return c.json(incident, 200);
  });
}
