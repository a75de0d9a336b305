// Full-text search results.
import { api, type SearchHit } from './api.js';
import { errorBox, h, mount } from './dom.js';
import { renderSnippet } from './highlight.js';
import { displayTitle } from './titles.js';

export async function showSearch(app: HTMLElement, q: string): Promise<void> {
  if (!q.trim()) return mount(app, h('p', {}, 'Type words to search for in the box above.'));
  mount(app, h('p', {}, 'Searching…'));
  try {
    const res = await api<{ items: SearchHit[]; cut?: boolean; ranked?: number }>('search', { q, limit: 50 });
    mount(app, h('section', { class: 'search-results' },
      h('h2', {}, `Search: ${q}`),
      res.items.length ? null : h('p', {}, 'No articles match.'),
      // Very common words match most of the store: the server ranks the most recent matches only.
      res.cut ? h('p', { class: 'meta' }, `More articles match than were ranked: these are the best of the ${res.ranked ?? ''} most recently stored matches. Add words to narrow the search.`) : null,
      h('ol', {}, res.items.map((hit) => h('li', {},
        h('a', { href: `#/article/${encodeURIComponent(hit.article)}`, class: hit.title ? null : 'untitled' }, displayTitle({ id: hit.article, title: hit.title, text: hit.lead })), ' ',
        h('span', { class: 'meta' }, hit.published ?? ''),
        h('p', { class: 'snippet' }, renderSnippet(hit.snippet)),
      ))),
    ));
  } catch (e) {
    mount(app, errorBox(`Search failed: ${(e as Error).message}`));
  }
}
