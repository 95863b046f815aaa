/** Time comes in as an argument: the app never calls Date.now() itself. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export function manualClock(
  startMs: number,
): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/**
 * A clock that starts at `startMs` and then runs with real elapsed time (the monotonic
 * clock, never the calendar): for a running portal whose timers, polls and rebuilds need
 * time to pass, on a date of the caller's choosing whatever the machine's date is.
 */
export function pinnedClock(startMs: number): Clock {
  const startedAt = performance.now();
  return { now: () => startMs + Math.floor(performance.now() - startedAt) };
}

/** A clock that always says `atMs`: one instant for a whole task (a site build). */
export function fixedClock(atMs: number): Clock {
  return { now: () => atMs };
}
