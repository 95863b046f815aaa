import { and, desc, eq, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { beforeCursor, type Page, type PageQuery, toPage } from './pagination.ts';

export interface AuditEntryDto {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  actorUserId: number | null;
  actorApiKeyId: number | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
}

/** The audit log, newest first: who changed what, when, with the values before and after. */
export async function listAuditEntries(
  deps: Deps,
  query: PageQuery & AuditFilter,
): Promise<Page<AuditEntryDto>> {
  const conditions: (SQL | undefined)[] = [beforeCursor(auditLog.id, query)];
  if (query.entityType !== undefined) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId !== undefined) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorUserId !== undefined) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  const rows = await deps.db.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  return toPage(rows, query, (row) => ({
    id: row.id,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    actorUserId: row.actorUserId,
    actorApiKeyId: row.actorApiKeyId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  }));
}
