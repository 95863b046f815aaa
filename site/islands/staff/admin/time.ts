import { Temporal } from 'temporal-polyfill';
import { zonedDateTime } from '../../shared/format.ts';

/**
 * Zones, wall-clock times and currencies of the administration forms, without the DOM: the
 * forms' fields (fields.tsx) and the tests use them alike.
 */

let zones: string[] | undefined;

/** Every IANA zone the browser knows, UTC first (Intl leaves UTC out of its list). */
export function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

/**
 * The zone's canonical spelling for what was typed (`europe/berlin` → `Europe/Berlin`), or null
 * when it is not an IANA zone — read as the API reads it (api/sla/period.ts), so what the form
 * accepts the API stores unchanged. Offsets such as `+01:00` are not zones: a contract's months
 * follow the place's daylight saving.
 */
export function canonicalZone(text: string): string | null {
  const typed = text.trim();
  if (!/^[A-Za-z]/.test(typed)) return null;
  try {
    return Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: typed })
      .timeZoneId;
  } catch {
    return null;
  }
}

const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export type WallReading = { ok: true; iso: string; ms: number } | { ok: false; problem: string };

/**
 * The instant of a wall-clock time (`YYYY-MM-DDTHH:MM`, as a datetime-local field gives it)
 * in a zone. A time the zone skips (clocks go forward) or passes twice (clocks go back) is
 * refused in words rather than guessed (docs/decisions/138).
 */
export function wallToInstant(wall: string, timeZone: string): WallReading {
  if (!WALL.test(wall)) return { ok: false, problem: 'must be a date and a time' };
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(wall, { overflow: 'reject' });
  } catch {
    return { ok: false, problem: 'must be a date and a time that exist' };
  }
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.epochMilliseconds !== later.epochMilliseconds) {
    const shown = `${zonedDateTime(earlier.epochMilliseconds, timeZone).split(', ')[0]}, ${wall.slice(11)}`;
    return {
      ok: false,
      problem: earlier.toPlainDateTime().equals(local)
        ? `is ambiguous: ${shown} happens twice in ${timeZone} (the clocks go back). Choose another time`
        : `does not exist: ${shown} is skipped in ${timeZone} (the clocks go forward). Choose another time`,
    };
  }
  const ms = earlier.epochMilliseconds;
  return { ok: true, iso: new Date(ms).toISOString(), ms };
}

/** The wall-clock time (`YYYY-MM-DDTHH:MM`) of an instant in a zone, for a datetime-local field. */
export function instantToWall(at: string | number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(new Date(at).getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** Midnight starting the month after `nowMs` in the zone: the usual start of an agreement. */
export function nextMonthStart(nowMs: number, timeZone: string): string {
  const today = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(timeZone);
  const first = today.toPlainDate().toPlainYearMonth().add({ months: 1 }).toPlainDate({ day: 1 });
  return instantToWall(first.toZonedDateTime({ timeZone }).epochMilliseconds, timeZone);
}

/* ---------------------------------------------------------------- currencies */

let currencies: { code: string; name: string }[] | undefined;

/** ISO 4217 codes with their English names, most used first. */
export function currencyChoices(): { code: string; name: string }[] {
  if (currencies === undefined) {
    const names = new Intl.DisplayNames(['en-GB'], { type: 'currency' });
    const common = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'INR'];
    const rest = Intl.supportedValuesOf('currency').filter((code) => !common.includes(code));
    currencies = [...common, ...rest].map((code) => ({ code, name: names.of(code) ?? code }));
  }
  return currencies;
}
