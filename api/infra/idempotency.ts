import { and, eq, gte, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { sha256 } from '../auth/tokens.ts';
import type { Deps, Principal } from '../context.ts';
import { InvalidInput, Unprocessable } from '../domain-errors.ts';

/** How long a stored response answers replays of its Idempotency-Key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse<T> {
  status: 201 | 200;
  body: T;
}

/** `Idempotency-Key` values: 1–200 visible ASCII characters (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function principalKey(principal: Principal): string {
  if (principal.kind === 'user') return `user:${principal.user.id}`;
  if (principal.kind === 'key') return `key:${principal.key.id}`;
  return 'anonymous';
}

/** Canonical JSON (sorted keys) so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface IdempotencyScope {
  principal: Principal;
  key: string | undefined;
  method: string;
  path: string;
}

type Reader = Deps['db']['db'] | Tx;

/**
 * The stored response for this caller's key, if it is still kept; refuses a malformed key
 * (400) and the same key used for another request (422).
 */
async function storedResponse(
  db: Reader,
  nowMs: number,
  scope: IdempotencyScope & { key: string },
  request: unknown,
) {
  if (!IDEMPOTENCY_KEY.test(scope.key)) {
    throw new InvalidInput('Idempotency-Key must be 1–200 visible ASCII characters.', {
      issues: [{ path: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' }],
    });
  }
  const requestHash = sha256(`${scope.method} ${scope.path} ${canonicalJson(request)}`);
  const stored = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.principal, principalKey(scope.principal)),
        eq(idempotencyKeys.key, scope.key),
        gte(idempotencyKeys.expiresAt, new Date(nowMs)),
      ),
    )
    .get();
  if (stored && stored.requestHash !== requestHash) {
    throw new Unprocessable(
      'This Idempotency-Key was used for a different request; use a new key.',
      {
        code: 'IDEMPOTENCY_KEY_REUSED',
      },
    );
  }
  return { stored, requestHash };
}

/**
 * A replay's answer: the first response's status with the resource as it is now
 * (`current` reloads it from the stored body), so a replay never shows a state the resource
 * has left (docs/decisions/084-idempotent-replays-show-the-current-state.md).
 */
async function replayOf<T>(
  stored: { responseStatus: number; responseBody: string },
  current: (first: T) => Promise<T>,
): Promise<StoredResponse<T> & { replayed: true }> {
  return {
    status: stored.responseStatus as 200 | 201,
    body: await current(JSON.parse(stored.responseBody) as T),
    replayed: true,
  };
}

/**
 * The answer to a replay of an earlier request with this key, or undefined when the key is
 * new (or absent). Read before anything else, so a retry is answered even when the request
 * would now be refused (a deadline passed since the first attempt).
 */
export async function findReplay<T>(
  deps: Deps,
  scope: IdempotencyScope,
  request: unknown,
  current: (first: T) => Promise<T>,
): Promise<(StoredResponse<T> & { replayed: true }) | undefined> {
  if (scope.key === undefined) return undefined;
  const { stored } = await storedResponse(
    deps.db.db,
    deps.clock.now(),
    { ...scope, key: scope.key },
    request,
  );
  return stored ? replayOf(stored, current) : undefined;
}

/**
 * Runs `perform` at most once per (caller, key), inside the caller's write transaction:
 * a replay with the same request gets the first response's status with the resource as it
 * is now (`current`); the same key with another request is refused with 422. Because the
 * lookup, the work and the stored response commit together, concurrent replays cannot
 * both perform.
 */
export async function idempotent<T>(
  tx: Tx,
  deps: Deps,
  scope: IdempotencyScope,
  request: unknown,
  perform: () => Promise<StoredResponse<T>>,
  current: (first: T) => Promise<T>,
): Promise<StoredResponse<T> & { replayed: boolean }> {
  if (scope.key === undefined) return { ...(await perform()), replayed: false };
  const nowMs = deps.clock.now();
  await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, new Date(nowMs)));
  const { stored, requestHash } = await storedResponse(
    tx,
    nowMs,
    { ...scope, key: scope.key },
    request,
  );
  if (stored) return replayOf(stored, current);
  const response = await perform();
  await tx.insert(idempotencyKeys).values({
    principal: principalKey(scope.principal),
    key: scope.key,
    method: scope.method,
    path: scope.path,
    requestHash,
    responseStatus: response.status,
    responseBody: JSON.stringify(response.body),
    createdAt: new Date(nowMs),
    expiresAt: new Date(nowMs + IDEMPOTENCY_TTL_MS),
  });
  return { ...response, replayed: false };
}
