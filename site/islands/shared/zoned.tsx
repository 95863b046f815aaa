import { zonedDate, zonedDateTime } from './format.ts';

/**
 * Times on the signed-in pages, always with their zone: a customer reads the agreement's
 * zone, named (`16 Dec 2026, 00:00 (America/New_York)`); staff read the same and UTC beside
 * it, because they compare claims with windows, logs and incidents kept in UTC
 * (`… (America/New_York) = 16 Dec 2026, 05:00 UTC`). In a UTC agreement, once.
 */

export type Viewer = 'customer' | 'staff';

/** `16 Dec 2026, 00:00 (America/New_York)`; `16 Dec 2026, 00:00 UTC` in UTC. */
export function localText(at: string | number, timeZone: string): string {
  return timeZone === 'UTC'
    ? `${zonedDateTime(at, 'UTC')} UTC`
    : `${zonedDateTime(at, timeZone)} (${timeZone})`;
}

/** `16 Dec 2026, 05:00 UTC`. */
export function utcText(at: string | number): string {
  return `${zonedDateTime(at, 'UTC')} UTC`;
}

/** The text a viewer reads for an instant: local and labelled, and for staff UTC beside it. */
export function whenText(at: string | number, timeZone: string, viewer: Viewer): string {
  const local = localText(at, timeZone);
  return viewer === 'staff' && timeZone !== 'UTC' ? `${local} = ${utcText(at)}` : local;
}

/** An instant as `whenText` says it, as a `<time>` element. */
export function When(props: { at: string; timeZone: string; viewer: Viewer }) {
  if (props.viewer === 'customer' || props.timeZone === 'UTC') {
    return <time dateTime={props.at}>{localText(props.at, props.timeZone)}</time>;
  }
  return (
    <time dateTime={props.at} class="both-zones">
      <span>{localText(props.at, props.timeZone)}</span>{' '}
      <span class="utc">= {utcText(props.at)}</span>
    </time>
  );
}

/** A calendar date in the zone, labelled: `16 Dec 2026 (America/New_York)`. */
export function LocalDate(props: { at: string | number; timeZone: string }) {
  return (
    <time dateTime={new Date(props.at).toISOString()}>
      {zonedDate(props.at, props.timeZone)} ({props.timeZone})
    </time>
  );
}
