/**
 * The history's filter, added by JavaScript: the list is complete in the HTML; this hides
 * the incidents that do not match the chosen component and every word typed (in the title,
 * the latest update, the components, the times as shown), and the months left empty. The
 * choice is kept in the address (`?component=…&q=…`), so a filtered list can be shared.
 */

/** Lower case without accents, so `resume` finds `Résumé`. */
function folded(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

export function enhanceHistoryFilter(doc: Document): void {
  const region = doc.querySelector<HTMLElement>('[data-history-filter]');
  const form = region?.querySelector('form');
  const words = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const count = form?.querySelector<HTMLElement>('.filter-count');
  if (!region || !form || !words || !count) return;
  const component = form.querySelector<HTMLSelectElement>('select[name="component"]');
  const cards = [...doc.querySelectorAll<HTMLElement>('.history-list .card')];
  const groups = [...doc.querySelectorAll<HTMLElement>('.history-list .history-group')];

  const query = new URLSearchParams(window.location.search);
  const asked = query.get('component') ?? '';
  if (component && [...component.options].some((option) => option.value === asked)) {
    component.value = asked;
  }
  words.value = query.get('q') ?? '';

  const apply = () => {
    const slug = component?.value ?? '';
    const wanted = folded(words.value)
      .split(/\s+/)
      .filter((word) => word !== '');
    let shown = 0;
    for (const card of cards) {
      const services = (card.dataset.services ?? '').split(' ');
      const text = folded(card.textContent ?? '');
      const match =
        (slug === '' || services.includes(slug)) && wanted.every((word) => text.includes(word));
      card.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of groups) {
      group.hidden = group.querySelector('.card:not([hidden])') === null;
    }
    count.textContent =
      shown === cards.length
        ? `All ${cards.length} ${cards.length === 1 ? 'incident' : 'incidents'} shown.`
        : shown === 0
          ? 'No incident matches.'
          : `${shown} of ${cards.length} incidents shown.`;
    const next = new URLSearchParams();
    if (slug !== '') next.set('component', slug);
    if (words.value.trim() !== '') next.set('q', words.value.trim());
    const search = next.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
    );
  };

  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  region.hidden = false;
  apply();
}
