import { type TimeFormat, timeText, zoneLabel } from '../lib/format.ts';
import {
  choose,
  onZoneChange,
  shownZone,
  storedChoice,
  visitorZone,
} from '../lib/time-zone-choice.ts';

/**
 * The public pages' times in the visitor's own zone, added by JavaScript: the static HTML is
 * complete in UTC, and each `<time datetime data-format>` (site/components/Time.astro) is
 * written again in the chosen zone. The switch in the header goes back to UTC and forth;
 * the choice is remembered (site/lib/time-zone-choice.ts). The 90-day bars and the uptime
 * figures stay in UTC days, and the page says so.
 */

const FORMATS: readonly string[] = ['date', 'time', 'datetime', 'range'];

/** Writes every marked time under `root` again in `timeZone`. */
export function showTimesIn(root: ParentNode, timeZone: string): void {
  for (const element of root.querySelectorAll<HTMLTimeElement>('time[data-format]')) {
    const format = element.dataset.format ?? '';
    if (!FORMATS.includes(format) || Number.isNaN(Date.parse(element.dateTime))) continue;
    element.textContent = timeText(
      format as TimeFormat,
      element.dateTime,
      element.dataset.end ?? null,
      timeZone,
    );
  }
}

/**
 * Writes `long` and `short` into `element` as two spans, one displayed by width (global.css,
 * `.zone-long`, `.zone-short`): a hidden one is neither read out nor part of a button's name.
 */
function writeWordings(element: HTMLElement, long: string, short: string): void {
  const span = (className: string, text: string) => {
    const made = element.ownerDocument.createElement('span');
    made.className = className;
    made.textContent = text;
    return made;
  };
  element.replaceChildren(span('zone-long', long), span('zone-short', short));
}

export function enhanceTimeZoneSwitch(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('[data-zone-bar]');
  const statement = bar?.querySelector<HTMLElement>('[data-zone-shown]');
  const button = bar?.querySelector<HTMLButtonElement>('button');
  if (!bar || !statement || !button) return;
  const own = visitorZone();
  const hasBars = doc.querySelector('.bar') !== null;
  const render = (timeZone: string) => {
    showTimesIn(doc, timeZone);
    const days = hasBars ? ' The 90-day bars and uptime figures count UTC days.' : '';
    const offset = timeZone === 'UTC' ? 'UTC' : zoneLabel(Date.now(), timeZone);
    const note =
      timeZone === 'UTC'
        ? `All times are UTC${own === 'UTC' ? ', your time zone' : ''}.`
        : `Times are in your time zone, ${timeZone} (${offset}).`;
    // On a phone the bar stays one line: the offset without the zone's name (the footer
    // still names it).
    writeWordings(statement, note, timeZone === 'UTC' ? note : `Your zone, ${offset}`);
    for (const footnote of doc.querySelectorAll<HTMLElement>('[data-zone-note]')) {
      footnote.textContent = `${note}${days}`;
    }
    if (timeZone === 'UTC') {
      writeWordings(button, `Show times in your time zone (${own})`, 'Show your zone');
    } else {
      writeWordings(button, 'Show times in UTC', 'Show UTC');
    }
    // A visitor in UTC has nothing to switch to.
    button.hidden = own === 'UTC';
  };
  button.addEventListener('click', () => choose(storedChoice() === 'utc' ? 'local' : 'utc'));
  onZoneChange(render);
  render(shownZone());
}
