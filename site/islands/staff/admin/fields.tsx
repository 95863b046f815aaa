import { useMemo, useState } from 'preact/hooks';
import { Field } from '../../shared/Field.tsx';
import { zonedDateTime } from '../../shared/format.ts';
import { canonicalZone, timeZones, wallToInstant } from './time.ts';

/**
 * Form fields of the administration screens that need more than an input: an IANA zone
 * picker, a date and time entered in a zone (docs/decisions/138).
 */

/* ---------------------------------------------------------------- zones */

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
  // The browser's list, and the zone already chosen when the browser names it otherwise
  // (`Asia/Kolkata` where the list says `Asia/Calcutta`).
  const [initial] = useState(props.value);
  const options = useMemo(
    () =>
      [...new Set([...(initial === '' ? [] : [initial]), ...timeZones()])].map((name) => (
        <option key={name} value={name} />
      )),
    [],
  );
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
