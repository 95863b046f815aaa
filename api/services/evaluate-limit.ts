import type { Deps } from '../context.ts';
import { hitLimit, tooManyRequests } from './rate-limit.ts';

const MINUTE_MS = 60_000;

/** Counts one public evaluation for the client address; 429 once the minute's budget is spent. */
export async function countEvaluation(deps: Deps, address: string): Promise<void> {
  const now = deps.clock.now();
  const state = await deps.db.write((tx) =>
    hitLimit(
      tx,
      {
        bucket: `evaluate:address:${address}`,
        max: deps.config.evaluateMaxPerMinute,
        windowMs: MINUTE_MS,
      },
      now,
    ),
  );
  if (!state.allowed) {
    throw tooManyRequests(state.retryAfterMs, 'Too many evaluations. Try again in a minute.');
  }
}
