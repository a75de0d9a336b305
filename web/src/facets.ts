// The filter every view shares: facets (type, country, outlet), dates, confidence and a dyad, kept
// in the URL hash (#/map?type=ASSAULT&actor=TUR), so a click on a facet in one view carries over to
// the others, links can be shared and the back button works.
import { h } from './dom.js';

/** The hash parameters that are filter fields (the API's names). */
export const FILTER_KEYS = ['type', 'actor', 'outlet', 'dyad', 'since', 'until', 'min_confidence'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filter = Partial<Record<FilterKey, string>>;

/** "confident only": the coder's own reporting threshold. */
export const CONFIDENT = '0.5';

export function filterOf(params: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** The hash of `view` with the filter (and any extra parameters). */
export function viewHash(view: string, filter: Filter, extra: Record<string, string | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) qs.set(k, v);
  const s = qs.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}

/** The current view's name ("" for the overview). */
export function currentView(): string {
  return location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/')[0] ?? '';
}

export function setFilter(change: Filter, view = currentView()): void {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const next = { ...filterOf(params), ...change };
  for (const k of Object.keys(next) as FilterKey[]) if (!next[k]) delete next[k];
  location.hash = viewHash(view, next);
}

const LABELS: Record<FilterKey, string> = {
  type: 'type', actor: 'country', outlet: 'outlet', dyad: 'pair', since: 'since', until: 'until', min_confidence: 'confidence ≥',
};

/** The active filter as removable chips, the confidence toggle, and links to the other views with it. */
export function filterBar(filter: Filter): HTMLElement {
  const chips = FILTER_KEYS.filter((k) => k !== 'min_confidence' && filter[k]).map((k) =>
    h('span', { class: 'chip', 'data-facet': k }, `${LABELS[k]}: ${filter[k]}`,
      h('button', { type: 'button', class: 'chip-x', 'aria-label': `Remove ${LABELS[k]} filter`, onclick: () => setFilter({ [k]: '' }) }, '×')),
  );
  const confident = filter.min_confidence === CONFIDENT;
  const toggle = h('label', { class: 'confidence-toggle' },
    h('input', { type: 'checkbox', id: 'confident-only', checked: confident, onchange: (ev: Event) => setFilter({ min_confidence: (ev.target as HTMLInputElement).checked ? CONFIDENT : '' }) }),
    ` confident only (≥ ${CONFIDENT})`);
  const views = [['', 'Overview'], ['map', 'Map'], ['network', 'Network'], ['timeline', 'Timeline']] as const;
  return h('div', { class: 'filter-bar', id: 'filter-bar' },
    chips.length ? chips : h('span', { class: 'meta' }, 'All events — click a type, country or outlet to narrow every view.'),
    toggle,
    h('span', { class: 'view-links' }, views.map(([v, label]) => h('a', { href: viewHash(v, filter), class: currentView() === v ? 'current' : undefined }, label))),
  );
}
