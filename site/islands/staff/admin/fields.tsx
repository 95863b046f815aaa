import { useMemo } from 'preact/hooks';
import { Temporal } from 'temporal-polyfill';
import { zonedDateTime } from '../../account/format.ts';
import { Field } from '../../shared/Field.tsx';

/**
 * Form fields of the administration screens that need more than an input: an IANA zone
 * picker, a date and time entered in a zone (docs/decisions/138), an amount of money.
 */

/* ---------------------------------------------------------------- zones */

let zones: string[] | undefined;

/** Every IANA zone the browser knows, UTC first (Intl leaves UTC out of its list). */
export function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

/**
 * The zone's canonical spelling for what was typed (any case; an alias the browser knows
 * becomes the name it resolves to), or null when it is not an IANA zone. Offsets such as
 * `+01:00` are not zones: a contract's months follow the place's daylight saving.
 */
export function canonicalZone(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  const lower = typed.toLowerCase();
  const listed = timeZones().find((zone) => zone.toLowerCase() === lower);
  if (listed) return listed;
  try {
    const resolved = new Intl.DateTimeFormat('en-GB', { timeZone: typed }).resolvedOptions()
      .timeZone;
    return timeZones().includes(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** `GMT+1` for the zone at the instant. */
function offsetName(atMs: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(atMs)
    .find((piece) => piece.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A searchable IANA zone picker: a text field whose suggestions narrow as one types (the
 * browser's own list, keyboard and screen-reader friendly), with the zone's current time.
 */
export function ZoneField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problem?: string | undefined;
  nowMs: number;
  hint?: string;
}) {
  const zone = canonicalZone(props.value);
  const listId = `${props.id}-zones`;
  const options = useMemo(() => timeZones().map((name) => <option key={name} value={name} />), []);
  const now =
    zone === null
      ? 'Type a place such as Europe/Berlin or America/New_York and pick it from the list.'
      : `Now ${zonedDateTime(props.nowMs, zone)} there (${offsetName(props.nowMs, zone)}).`;
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint ? `${props.hint} ${now}` : now}
      problem={props.problem}
    >
      {(aria) => (
        <>
          <input
            {...aria}
            type="text"
            list={listId}
            autocomplete="off"
            spellcheck={false}
            value={props.value}
            onInput={(event) => props.onInput(event.currentTarget.value)}
          />
          <datalist id={listId}>{options}</datalist>
        </>
      )}
    </Field>
  );
}

/* ---------------------------------------------------------------- wall-clock times */

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

/**
 * A date and time entered in a zone, with the same instant in UTC beside it as one types
 * (said in the field's description, so a screen reader hears it too).
 */
export function WallTimeField(props: {
  id: string;
  label: string;
  value: string;
  timeZone: string | null;
  onInput: (value: string) => void;
  problem?: string | undefined;
  hint?: string;
}) {
  const reading =
    props.value === '' || props.timeZone === null
      ? null
      : wallToInstant(props.value, props.timeZone);
  // The reading in words (the field itself shows the browser's date format) and in UTC.
  const zoneText =
    props.timeZone === null
      ? 'Choose the time zone first.'
      : reading?.ok
        ? `In ${props.timeZone}: ${zonedDateTime(reading.ms, props.timeZone)}.${
            props.timeZone === 'UTC' ? '' : ` That is ${zonedDateTime(reading.ms, 'UTC')} UTC.`
          }`
        : `In ${props.timeZone}.`;
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={`${props.hint ? `${props.hint} ` : ''}${zoneText}`}
      problem={props.problem}
    >
      {(aria) => (
        <input
          {...aria}
          type="datetime-local"
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
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
