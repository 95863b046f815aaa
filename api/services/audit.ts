import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Deps, Principal } from '../context.ts';

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
export async function recordAudit(
  tx: Tx,
  deps: Deps,
  actor: Principal,
  requestId: string | undefined,
  entry: AuditEntry,
): Promise<void> {
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
