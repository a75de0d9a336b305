// Full-text search: articles ranked (with the total and paging), and the event mentions whose
// evidence sentence holds every word (the event table, paged, with downloads).
import { api, apiUrl, type SearchHit } from './api.js';
import { errorBox, h, mount } from './dom.js';
import { renderEventTable } from './eventTable.js';
import { renderSnippet } from './highlight.js';
import { displayTitle } from './titles.js';

const PAGE = 20;

interface SearchAnswer {
  items: SearchHit[];
  cut: boolean;
  ranked: number;
  total: number;
  offset: number;
  next_offset: number | null;
  events_total: number;
}

export async function showSearch(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  if (!q.trim()) return mount(app, h('p', {}, 'Type words to search for in the box above.'));
  const offset = Number(params.get('offset') ?? 0) || 0;
  const go = (changes: Record<string, number>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, String(v));
    location.hash = `#/search?${next}`;
  };
  mount(app, h('p', {}, 'Searching…'));
  try {
    const res = await api<SearchAnswer>('search', { q, limit: PAGE, offset });
    const events = h('div', { id: 'event-table' });
    mount(app,
      h('section', { class: 'search-results' },
        h('h2', {}, `Search: ${q}`),
        h('p', { class: 'meta', id: 'search-totals' }, `${res.cut ? 'More than ' : ''}${res.total} article${res.total === 1 ? '' : 's'}, ${res.events_total} event mention${res.events_total === 1 ? '' : 's'} whose sentence holds every word.`,
          ' Download the hits: ', h('a', { class: 'download', href: apiUrl('search', { q, limit: PAGE, offset, format: 'csv' }) }, 'CSV')),
        // Very common words match most of the store: the server ranks the most recent matches only.
        res.cut ? h('p', { class: 'meta' }, `More articles match than were ranked: these are the best of the ${res.ranked} most recently stored matches. Add words to narrow the search.`) : null,
        res.items.length ? null : h('p', {}, 'No articles match.'),
        h('ol', { start: offset + 1 }, res.items.map((hit) => h('li', {},
          h('a', { href: `#/article/${encodeURIComponent(hit.article)}`, class: hit.title ? null : 'untitled' }, displayTitle({ id: hit.article, title: hit.title, text: hit.lead })), ' ',
          h('span', { class: 'meta' }, hit.published ?? ''),
          h('p', { class: 'snippet' }, renderSnippet(hit.snippet)),
        ))),
        h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: offset === 0, onclick: () => go({ offset: Math.max(0, offset - PAGE) }) }, '← Previous'),
          h('span', {}, res.items.length ? `${offset + 1}–${offset + res.items.length} of ${res.total}` : ''),
          h('button', { type: 'button', disabled: res.next_offset === null, onclick: () => go({ offset: res.next_offset ?? offset }) }, 'Next →')),
      ),
      h('section', {}, h('h2', {}, 'Events whose evidence holds the words'), events),
    );
    events.dataset.state = 'loading';
    await renderEventTable(events, { text: q, offset: params.get('eoffset') ?? undefined }, (o) => go({ eoffset: o }));
    events.dataset.state = 'ready';
  } catch (e) {
    mount(app, errorBox(`Search failed: ${(e as Error).message}`));
  }
}
