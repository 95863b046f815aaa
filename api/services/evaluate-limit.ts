import type { Deps, Principal } from '../context.ts';
import { hitLimit, tooManyRequests } from '../infra/rate-limit.ts';

const MINUTE_MS = 60_000;

/**
 * Counts one evaluation for its caller; 429 once the minute's budget is spent. A signed-in
 * person or an API key has its own budget; anonymous calls share one per client address, a
 * smaller one: anyone can make them, and an address is all that tells them apart.
 */
export async function countEvaluation(
  deps: Deps,
  principal: Principal,
  address: string,
): Promise<void> {
  const now = deps.clock.now();
  const { bucket, max } =
    principal.kind === 'user'
      ? { bucket: `evaluate:user:${principal.user.id}`, max: deps.config.evaluateMaxPerMinute }
      : principal.kind === 'key'
        ? { bucket: `evaluate:key:${principal.key.id}`, max: deps.config.evaluateMaxPerMinute }
        : {
            bucket: `evaluate:address:${address}`,
            max: deps.config.evaluateAnonymousMaxPerMinute,
          };
  const state = await deps.db.write((tx) =>
    hitLimit(tx, { bucket, max, windowMs: MINUTE_MS }, now),
  );
  if (!state.allowed) {
    throw tooManyRequests(state.retryAfterMs, 'Too many evaluations. Try again in a minute.');
  }
}
