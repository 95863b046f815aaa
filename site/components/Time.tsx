import { type TimeFormat, timeText } from '../lib/format.ts';

/**
 * An instant on a public page, as a `<time>`: written in `timeZone` (UTC when built, as the
 * static pages are), and carrying the instant and its format so that
 * site/scripts/local-time.ts can write it again in the visitor's zone. Shared by the static
 * pages, the live island (which passes the zone shown) and the staff previews (UTC).
 */
/** The API's instants as given; a number (the island's own clock) as ISO 8601. */
const iso = (at: string | number) => (typeof at === 'string' ? at : new Date(at).toISOString());

export function Time(props: {
  at: string | number;
  format?: TimeFormat;
  /** The end of a `range`. */
  end?: string | number;
  timeZone?: string | undefined;
}) {
  const format = props.format ?? 'datetime';
  const end = props.end === undefined ? undefined : iso(props.end);
  return (
    <time dateTime={iso(props.at)} data-format={format} data-end={end}>
      {timeText(format, props.at, end ?? null, props.timeZone ?? 'UTC')}
    </time>
  );
}
