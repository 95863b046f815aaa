import { EARLIEST_INSTANT_MS, INSTANT_LIMIT_MS, inInstantRange } from '../instant-range.ts';
import { z } from '../openapi.ts';
import { formatInstant, parseInstant } from '../sla/instant.ts';

const RANGE_TEXT = `between ${formatInstant(EARLIEST_INSTANT_MS)} and ${formatInstant(INSTANT_LIMIT_MS - 1)}`;

/**
 * An instant in a request: RFC 3339 text as the SLA engine reads it, within the API's range
 * (docs/decisions/110-instant-range.md).
 */
export const apiInstant = z
  .string()
  .superRefine((text, ctx) => {
    const ms = parseInstant(text);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an instant YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)',
      });
    } else if (!inInstantRange(ms)) {
      ctx.addIssue({ code: 'custom', message: `must lie ${RANGE_TEXT}` });
    }
  })
  .openapi({ format: 'date-time', example: '2026-03-14T10:00:00Z' });

/** Epoch milliseconds of an instant the route's schema has already validated. */
export function instantMs(text: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw new TypeError(`not a validated instant: ${text}`);
  return ms;
}

/** The same for an optional field: absent (undefined or null) stays undefined. */
export function optionalInstantMs(text: string | null | undefined): number | undefined {
  return text === undefined || text === null ? undefined : instantMs(text);
}

/**
 * `end` is after `start`, for a refinement of an object whose fields may themselves be
 * invalid: zod runs object refinements even then, so this never assumes a valid instant.
 */
export function endsAfterStart(start: string | undefined, end: string | null | undefined): boolean {
  if (start === undefined || end === undefined || end === null) return true;
  const startMs = parseInstant(start);
  const endMs = parseInstant(end);
  return startMs === undefined || endMs === undefined || endMs > startMs;
}
