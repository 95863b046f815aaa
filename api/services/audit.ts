import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { RequestContext } from '../context.ts';
import { notFound } from '../domain-errors.ts';

export interface AuditEntry {
  /** e.g. 'service.create', 'policy.version.create', 'user.deactivate'. */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log in the caller's transaction, so the change and its record
 * commit together or not at all. An update whose before and after are equal is skipped.
 */
export async function recordAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const { deps, principal: actor, requestId } = ctx;
  // An update that changed nothing is not a change: no entry.
  if (
    entry.before !== undefined &&
    entry.after !== undefined &&
    JSON.stringify(entry.before) === JSON.stringify(entry.after)
  ) {
    return;
  }
  await tx.insert(auditLog).values({
    actorUserId: actor.kind === 'user' ? actor.user.id : null,
    actorApiKeyId: actor.kind === 'key' ? actor.key.id : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: requestId ?? null,
    createdAt: new Date(deps.clock.now()),
  });
}

/** One administrative update, as updateAudited runs it. */
export interface AuditedUpdate<Row extends { active: boolean }, Shown> {
  /** The audit log's entity type, and its actions' prefix: 'customer' → 'customer.update'. */
  entityType: string;
  id: number;
  load: () => Promise<Row | undefined>;
  /** The 404's message when there is no such row. */
  missing: string;
  /**
   * Checks and writes the change (with whatever it ends or revokes), and shows the row before
   * and after as the audit log keeps it.
   */
  change: (row: Row) => Promise<{ updated: Row; before: Shown; after: Shown }>;
}

/**
 * Load, update, audit: the shape of every administrative update, in the caller's transaction
 * so that the change and its record commit together. Turning a row inactive is recorded as
 * `<entity>.deactivate`, anything else as `<entity>.update`; a change that changed nothing is
 * not recorded (recordAudit).
 */
export async function updateAudited<Row extends { active: boolean }, Shown>(
  tx: Tx,
  ctx: RequestContext,
  update: AuditedUpdate<Row, Shown>,
): Promise<{ row: Row; updated: Row; before: Shown; after: Shown }> {
  const row = await update.load();
  if (!row) throw notFound(update.missing);
  const { updated, before, after } = await update.change(row);
  const deactivated = row.active && !updated.active;
  await recordAudit(tx, ctx, {
    action: `${update.entityType}.${deactivated ? 'deactivate' : 'update'}`,
    entityType: update.entityType,
    entityId: update.id,
    before,
    after,
  });
  return { row, updated, before, after };
}
