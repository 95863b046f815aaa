/**
 * Which zone the public pages show their times in, chosen by the visitor: their own zone
 * (the default once JavaScript runs) or UTC, in which the static HTML is written. The choice
 * is kept in localStorage and announced to the page (the live island listens) by an event.
 */

export type TimeChoice = 'local' | 'utc';

const STORAGE_KEY = 'portal.times';
export const TIME_ZONE_EVENT = 'portal:time-zone';

/** Names browsers give UTC itself: a visitor there sees UTC either way. */
const UTC_NAMES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'UCT',
  'Etc/GMT',
  'GMT',
  'Etc/Universal',
  'Universal',
  'Etc/Zulu',
  'Zulu',
]);

/** The visitor's own zone (an IANA name), `UTC` when the browser names none or UTC itself. */
export function visitorZone(): string {
  let zone: string | undefined;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    zone = undefined;
  }
  return zone === undefined || zone === '' || UTC_NAMES.has(zone) ? 'UTC' : zone;
}

export function storedChoice(): TimeChoice {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    // Storage refused (a private mode): the visitor's zone, as by default.
    return 'local';
  }
}

/** The zone the times are shown in now: `UTC` or the visitor's. */
export function shownZone(): string {
  return storedChoice() === 'utc' ? 'UTC' : visitorZone();
}

/** Remembers the choice and tells the page, which shows its times again in that zone. */
export function choose(choice: TimeChoice): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not remembered across pages, still applied to this one.
  }
  document.dispatchEvent(new CustomEvent(TIME_ZONE_EVENT, { detail: choice }));
}

/** Calls `listener` with the zone to show after every change of the choice. */
export function onZoneChange(listener: (timeZone: string) => void): () => void {
  // The event carries the choice: it applies even where storage refused to keep it.
  const handle = (event: Event) =>
    listener((event as CustomEvent<TimeChoice>).detail === 'utc' ? 'UTC' : visitorZone());
  document.addEventListener(TIME_ZONE_EVENT, handle);
  return () => document.removeEventListener(TIME_ZONE_EVENT, handle);
}
