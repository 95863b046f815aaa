import { eq, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { rateLimits } from '../../db/schema/index.ts';
import { RateLimited } from '../domain-errors.ts';

/**
 * Fixed-window counters in the database (rate_limits), so every API process shares them.
 * A bucket names what is counted: 'login:account:<email>', 'login:address:<ip>',
 * 'evaluate:address:<ip>'.
 */
export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

export type LimitState = { allowed: true } | { allowed: false; retryAfterMs: number };

async function current(tx: Tx, bucket: string, windowMs: number, nowMs: number) {
  const row = await tx.select().from(rateLimits).where(eq(rateLimits.bucket, bucket)).get();
  if (!row || nowMs >= row.windowStart.getTime() + windowMs) return null;
  return row;
}

/** Whether another hit is allowed, without counting one. */
export async function peekLimit(tx: Tx, limit: Limit, nowMs: number): Promise<LimitState> {
  const row = await current(tx, limit.bucket, limit.windowMs, nowMs);
  if (!row || row.count < limit.max) return { allowed: true };
  return { allowed: false, retryAfterMs: row.windowStart.getTime() + limit.windowMs - nowMs };
}

/** Counts one hit, unless the bucket is already full (a refused hit does not count). */
export async function hitLimit(tx: Tx, limit: Limit, nowMs: number): Promise<LimitState> {
  const row = await current(tx, limit.bucket, limit.windowMs, nowMs);
  if (!row) {
    await tx
      .insert(rateLimits)
      .values({ bucket: limit.bucket, windowStart: new Date(nowMs), count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.bucket,
        set: { windowStart: new Date(nowMs), count: 1 },
      });
    return { allowed: true };
  }
  if (row.count >= limit.max) {
    return { allowed: false, retryAfterMs: row.windowStart.getTime() + limit.windowMs - nowMs };
  }
  await tx
    .update(rateLimits)
    .set({ count: row.count + 1 })
    .where(eq(rateLimits.bucket, limit.bucket));
  return { allowed: true };
}

/** Takes back one counted hit (a sign-in that succeeded is not held against the address). */
export async function unhitLimit(tx: Tx, limit: Limit, nowMs: number): Promise<void> {
  const row = await current(tx, limit.bucket, limit.windowMs, nowMs);
  if (row && row.count > 0) {
    await tx
      .update(rateLimits)
      .set({ count: row.count - 1 })
      .where(eq(rateLimits.bucket, limit.bucket));
  }
}

export async function clearLimit(tx: Tx, bucket: string): Promise<void> {
  await tx.delete(rateLimits).where(eq(rateLimits.bucket, bucket));
}

/** Drops buckets whose window ended long ago, so the table stays small. */
export async function pruneLimits(tx: Tx, olderThanMs: number): Promise<void> {
  await tx.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(olderThanMs)));
}

/** The refusal of a full bucket: another try succeeds once its window ends. */
export function tooManyRequests(retryAfterMs: number, message: string): RateLimited {
  return new RateLimited(message, retryAfterMs);
}
