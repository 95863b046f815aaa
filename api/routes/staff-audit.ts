import { pageSchema } from '../http/page-schemas.ts';
import { type ApiApp, defineRoute, errorResponses, jsonContent, z } from '../openapi.ts';
import { listAuditEntries } from '../services/audit-log.ts';
import { instantSchema } from '../sla/index.ts';
import { parseInstant } from '../sla/instant.ts';
import { idFilter, listQuery } from './common.ts';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string().openapi({ example: 'service.update' }),
    entityType: z.string().openapi({ example: 'service' }),
    entityId: z.string(),
    entityName: z.string().nullable().openapi({
      description: 'What the entity is called now (a name, an email, a title); null if unknown.',
    }),
    actorUserId: z.number().int().nullable(),
    actorApiKeyId: z.number().int().nullable(),
    actor: z
      .object({
        kind: z.enum(['user', 'key', 'system']),
        id: z.number().int().nullable(),
        name: z.string().nullable().openapi({ description: "A person's email or a key's name." }),
        role: z.string().nullable(),
      })
      .openapi('AuditActor'),
    before: z.unknown().openapi({ description: 'The resource before the change (null: created).' }),
    after: z.unknown().openapi({ description: 'The resource after the change.' }),
    requestId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('AuditEntry');

const list = defineRoute('admin', {
  method: 'get',
  path: '/staff/audit-log',
  tags: ['Administration: audit log'],
  summary: 'Every administrative change, newest first, with before and after',
  description:
    'Filters combine: by entity (`entityType`, with `entityId`), by actor (a person, `actorUserId`, or an API key, `actorApiKeyId`) and by time, `from` (inclusive) to `to` (exclusive), instants in RFC 3339.',
  request: {
    query: listQuery({
      entityType: z.string().min(1).max(100).optional(),
      entityId: z.string().min(1).max(100).optional(),
      actorUserId: idFilter,
      actorApiKeyId: idFilter,
      from: instantSchema.optional().openapi({ example: '2026-11-01T00:00:00Z' }),
      to: instantSchema.optional().openapi({ example: '2026-12-01T00:00:00Z' }),
    }).refine(
      (query) =>
        query.from === undefined ||
        query.to === undefined ||
        (parseInstant(query.from) ?? 0) < (parseInstant(query.to) ?? 0),
      { message: 'must be after from', path: ['to'] },
    ),
  },
  responses: {
    200: jsonContent(pageSchema(AuditEntrySchema), 'A page of entries'),
    ...errorResponses(400),
  },
});

export function registerStaffAudit(api: ApiApp): void {
  api.openapi(list, async (c) => {
    const { from, to, ...query } = c.req.valid('query');
    const fromMs = from === undefined ? undefined : parseInstant(from);
    const toMs = to === undefined ? undefined : parseInstant(to);
    return c.json(
      await listAuditEntries(c.var.deps, {
        ...query,
        ...(fromMs === undefined ? {} : { fromMs }),
        ...(toMs === undefined ? {} : { toMs }),
      }),
      200,
    );
  });
}
