import { eq } from 'drizzle-orm';
import { apiKeys, customers } from '../../db/schema/index.ts';
import type { Deps, Principal } from '../context.ts';
import { randomToken, sameHash, sha256 } from './tokens.ts';

/**
 * Keys look like `sp_<prefix>_<secret>`: the prefix (visible in lists, unique) finds the row,
 * the SHA-256 of the whole key proves it.
 */
const KEY_PATTERN = /^sp_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** lastUsedAt is refreshed at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomToken(12)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 12)
    .padEnd(12, '0');
  const key = `sp_${prefix}_${randomToken(32)}`;
  return { key, prefix, keyHash: sha256(key) };
}

/**
 * The key's principal, or null when the key is malformed, unknown or revoked, or its
 * customer is deactivated (deactivation also revokes the customer's keys: this is the
 * belt to those braces).
 */
export async function verifyApiKey(
  deps: Deps,
  key: string,
): Promise<Extract<Principal, { kind: 'key' }> | null> {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1]) return null;
  const found = await deps.db.db
    .select({ key: apiKeys, customerActive: customers.active })
    .from(apiKeys)
    .leftJoin(customers, eq(customers.id, apiKeys.customerId))
    .where(eq(apiKeys.prefix, match[1]))
    .get();
  const row = found?.key;
  if (!row || row.revokedAt !== null || !sameHash(row.keyHash, sha256(key))) return null;
  if (found.customerActive === false) return null;
  const now = deps.clock.now();
  if (row.lastUsedAt === null || now - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await deps.db.write((tx) =>
      tx
        .update(apiKeys)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(apiKeys.id, row.id)),
    );
  }
  return { kind: 'key', key: { id: row.id, scopes: row.scopes, customerId: row.customerId } };
}
