/**
 * Keyboard access to the 90-day bars, added by JavaScript (without it every day is its
 * own tab stop, which works, only slowly). Each bar becomes one tab stop (a roving
 * tabindex): the arrow keys, Home and End move between the days displayed; the links in a day's details
 * are reachable only from that day; Escape hides the details until the next move (WCAG
 * 1.4.13: content shown on focus is dismissible).
 *
 * The bars are enhanced one per idle moment: the page is usable meanwhile (every day is a
 * tab stop until its bar is enhanced), and no single task blocks the main thread for long.
 */
export function enhanceDayBarsWhenIdle(root: ParentNode): void {
  const bars = [...root.querySelectorAll<HTMLElement>('.bar')];
  const idle =
    'requestIdleCallback' in window
      ? (work: () => void) => window.requestIdleCallback(work, { timeout: 2_000 })
      : (work: () => void) => window.setTimeout(work, 0);
  const next = () => {
    const bar = bars.shift();
    if (bar === undefined) return;
    enhanceBar(bar);
    idle(next);
  };
  idle(next);
}

function enhanceBar(bar: HTMLElement): void {
  if (bar.dataset.enhanced) return;
  bar.dataset.enhanced = 'true';
  const days = [...bar.querySelectorAll<HTMLElement>('.day')];
  // Only a day with incidents has links (in its .tip); a page of 100 bars has 9,000 days,
  // so moving the tab stop touches the two days concerned, not every day of the bar.
  const linksOf = (day: HTMLElement) => day.querySelectorAll<HTMLAnchorElement>('.tip a');
  const setStop = (day: HTMLElement, stop: boolean) => {
    day.tabIndex = stop ? 0 : -1;
    for (const link of linksOf(day)) link.tabIndex = stop ? 0 : -1;
  };
  for (const day of days) day.tabIndex = -1;
  for (const link of bar.querySelectorAll<HTMLAnchorElement>('.tip a')) link.tabIndex = -1;
  let current = days.at(-1);
  if (current) setStop(current, true);
  const activate = (next: HTMLElement) => {
    if (next === current) return;
    if (current) setStop(current, false);
    setStop(next, true);
    current = next;
  };
  bar.addEventListener('focusin', (event) => {
    const day = (event.target as HTMLElement).closest<HTMLElement>('.day');
    if (day) activate(day);
  });
  bar.addEventListener('focusout', () => bar.classList.remove('tips-hidden'));
  bar.addEventListener('pointermove', () => bar.classList.remove('tips-hidden'));
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      bar.classList.add('tips-hidden');
      return;
    }
    // Only the days displayed: a narrow screen leaves the earlier ones out (CSS).
    const shown = days.filter((day) => day.getClientRects().length > 0);
    const index = shown.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: shown.length - 1,
    };
    const next = shown[moves[event.key] ?? -1];
    if (next === undefined) return;
    event.preventDefault();
    bar.classList.remove('tips-hidden');
    activate(next);
    next.focus();
  });
}
