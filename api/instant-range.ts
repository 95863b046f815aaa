/**
 * The instants the API takes and stores (docs/decisions/110-instant-range.md): from
 * 2000-01-01T00:00:00Z up to, not including, 2200-01-01T00:00:00Z. Every date an agreement,
 * window, maintenance, incident or service can hold lies there, and every day and month
 * computed from such an instant, in any zone, stays within what the engine and JavaScript
 * dates handle. The SLA engine's own documents (POST /sla/evaluate) keep their wider range.
 */
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);
export const INSTANT_LIMIT_MS = Date.UTC(2200, 0, 1);

/** True when `ms` lies in the API's range. */
export function inInstantRange(ms: number): boolean {
  return ms >= EARLIEST_INSTANT_MS && ms < INSTANT_LIMIT_MS;
}
