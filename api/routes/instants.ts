import { parseInstant } from '../sla/instant.ts';

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
