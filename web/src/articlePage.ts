// The article reader and the article list. Text is rendered as text nodes with marks for every
// event's evidence sentence (linking to the event) and for recognised entities.
import { api, type ArticleDetail, type ArticleRow, type Page } from './api.js';
import { errorBox, externalLink, h, mount, shorten } from './dom.js';
import { renderMarked, type Mark } from './highlight.js';
import { displayTitle } from './titles.js';

export async function showArticle(app: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  mount(app, h('p', {}, 'Loading…'));
  let a: ArticleDetail;
  try {
    a = await api<ArticleDetail>(`articles/${encodeURIComponent(id)}`);
  } catch (e) {
    return mount(app, errorBox(`Could not load article: ${(e as Error).message}`));
  }
  const focus = params.get('event');
  const marks: Mark[] = [
    ...a.events.map((e) => ({
      start: e.evidence.start,
      end: e.evidence.end,
      className: `evidence${e.id === focus ? ' current' : ''}${e.negated ? ' negated' : ''}`,
      title: `${e.source} → ${e.target} ${e.type}${e.negated ? ' (negated)' : ''}`,
      href: `#/event/${encodeURIComponent(e.id)}`,
      event: e.id,
    })),
    ...a.entities.map((en) => ({
      start: en.start,
      end: en.end,
      className: `entity ${en.kind.toLowerCase()}`,
      title: `${en.name}${en.code ? ` (${en.code})` : ''}`,
    })),
  ];
  mount(app, h('article', { class: 'reader', 'data-article': a.id },
    h('h2', { class: 'title' }, a.title ?? '(untitled)'),
    h('p', { class: 'meta' }, a.published ?? 'undated', ' · ', a.language ?? '?', ' · ', externalLink(a.url, a.url ?? a.source),
      a.duplicate_of ? [' · near-copy of ', h('a', { href: `#/article/${encodeURIComponent(a.duplicate_of)}` }, a.duplicate_of)] : null),
    h('p', { class: 'legend' }, h('mark', { class: 'evidence' }, 'event evidence'), ' ', h('mark', { class: 'evidence negated' }, 'denied / did not happen'),
      ' ', h('mark', { class: 'entity' }, 'entity'),
      ` · ${a.events.length} event${a.events.length === 1 ? '' : 's'}`),
    h('div', { class: 'article-text' }, renderMarked(a.text, marks)),
  ));
  app.querySelector('.evidence.current')?.scrollIntoView({ block: 'center' });
}

/** Opening words standing in for a missing title are set in italics and say so on hover. */
const untitled = (title: string | null) => (title ? {} : { class: 'untitled', title: 'No title in the source: its opening words' });

export async function showArticles(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const offset = Number(params.get('offset') ?? 0) || 0;
  mount(app, h('p', {}, 'Loading…'));
  try {
    const page = await api<Page<ArticleRow>>('articles', { limit: 50, offset });
    mount(app, h('section', {}, h('h2', {}, 'Articles'),
      h('table', { class: 'articles' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Published'), h('th', {}, 'Title'), h('th', {}, 'Source'))),
        h('tbody', {}, page.items.map((r) => h('tr', {},
          h('td', { class: 'date' }, r.published ?? '—'),
          h('td', {}, h('a', { href: `#/article/${encodeURIComponent(r.id)}`, ...untitled(r.title) }, shorten(displayTitle(r), 120)), r.duplicate_of ? h('span', { class: 'badge' }, 'near-copy') : null),
          h('td', { class: 'meta' }, shorten(r.source, 60)),
        ))),
      ),
      h('div', { class: 'pager' },
        offset > 0 ? h('a', { href: `#/articles?offset=${Math.max(0, offset - 50)}` }, '← Previous') : null,
        page.next_offset !== null ? h('a', { href: `#/articles?offset=${page.next_offset}` }, 'Next →') : null,
      ),
    ));
  } catch (e) {
    mount(app, errorBox(`Could not list articles: ${(e as Error).message}`));
  }
}
