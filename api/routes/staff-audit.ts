import { type ApiApp, defineRoute, errorResponses, jsonContent, z } from '../openapi.ts';
import { listAuditEntries } from '../services/audit-log.ts';
import { pageSchema } from '../services/pagination.ts';
import { idFilter, listQuery } from './common.ts';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string().openapi({ example: 'service.update' }),
    entityType: z.string().openapi({ example: 'service' }),
    entityId: z.string(),
    actorUserId: z.number().int().nullable(),
    actorApiKeyId: z.number().int().nullable(),
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
  request: {
    query: listQuery({
      entityType: z.string().min(1).max(100).optional(),
      entityId: z.string().min(1).max(100).optional(),
      actorUserId: idFilter,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(AuditEntrySchema), 'A page of entries'),
    ...errorResponses(400),
  },
});

export function registerStaffAudit(api: ApiApp): void {
  api.openapi(list, async (c) =>
    c.json(await listAuditEntries(c.var.deps, c.req.valid('query')), 200),
  );
}
