import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  updateTemplate,
} from '../services/incident-templates.ts';
import { INCIDENT_STATUSES } from '../services/incidents.ts';
import { IdParams, wordedText } from './common.ts';

const TemplateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(INCIDENT_STATUSES).nullable().openapi({
      description: 'The update status the template suits; null for any.',
    }),
    body: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('IncidentTemplate');

const nameField = wordedText({ max: 100, multiline: false });
const statusField = z.enum(INCIDENT_STATUSES).nullable();
const bodyField = wordedText({ max: 10_000, multiline: true });

const NewTemplateSchema = z
  .strictObject({ name: nameField, status: statusField.default(null), body: bodyField })
  .openapi('NewIncidentTemplate');

const TemplateChangesSchema = z
  .strictObject({
    name: nameField.optional(),
    status: statusField.optional(),
    body: bodyField.optional(),
  })
  .openapi('IncidentTemplateChanges');

const tags = ['Staff: incidents'];

const listRoute = defineRoute('staff', {
  method: 'get',
  path: '/staff/incident-templates',
  tags,
  summary: 'Saved update texts, by name',
  responses: {
    200: jsonContent(z.object({ items: z.array(TemplateSchema) }), 'The templates'),
  },
});

const createRoute = defineRoute('staff', {
  method: 'post',
  path: '/staff/incident-templates',
  tags,
  summary: 'Save an update text',
  request: { body: jsonBody(NewTemplateSchema) },
  responses: {
    201: jsonContent(TemplateSchema, 'Created'),
    ...errorResponses(400, 409),
  },
});

const updateRoute = defineRoute('staff', {
  method: 'patch',
  path: '/staff/incident-templates/{id}',
  tags,
  summary: "Change a template's name, status or text (updates written with it keep theirs)",
  request: { params: IdParams, body: jsonBody(TemplateChangesSchema) },
  responses: {
    200: jsonContent(TemplateSchema, 'The template'),
    ...errorResponses(400, 404, 409),
  },
});

const deleteRoute = defineRoute('staff', {
  method: 'delete',
  path: '/staff/incident-templates/{id}',
  tags,
  summary: 'Delete a template (updates written with it keep their text)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(404) },
});

export function registerStaffIncidentTemplates(api: ApiApp): void {
  api.openapi(listRoute, async (c) => c.json({ items: await listTemplates(c.var.deps) }, 200));

  api.openapi(createRoute, async (c) => {
    const template = await createTemplate(c.var.caller, c.req.valid('json'));
    return c.json(template, 201);
  });

  api.openapi(updateRoute, async (c) => {
    const template = await updateTemplate(
      c.var.caller,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(template, 200);
  });

  api.openapi(deleteRoute, async (c) => {
    await deleteTemplate(c.var.caller, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
