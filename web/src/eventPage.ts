// One event: what was coded, whether sources disagree, and every source sentence highlighted in
// its article (all mentions merged into the same real-world event, across articles).
import { api, type ArticleDetail, type EventDetail } from './api.js';
import { errorBox, externalLink, h, mount } from './dom.js';
import { renderMarked, type Mark } from './highlight.js';
import { displayTitle } from './titles.js';
import { evidenceWithParties } from './eventTable.js';
import { confidenceCell, goldsteinCell, statusLabel, statusReason } from './status.js';

function facts(d: EventDetail): HTMLElement {
  const e = d.event;
  const row = (k: string, v: Node | string) => [h('dt', {}, k), h('dd', {}, v)];
  return h('dl', { class: 'facts' },
    row('Who', `${e.source} → ${e.target}`),
    row('Event', h('span', {}, h('strong', { class: 'status' }, statusLabel(e)), ` (CAMEO ${e.cameo}), Goldstein `, goldsteinCell(e))),
    row('Sentence', h('span', { class: 'evidence-parties' }, evidenceWithParties(e))),
    row('Confidence', confidenceCell(e.confidence)),
    row('Mode', e.mode ?? '—'),
    row('Date', e.date ?? 'unknown'),
    row('Where', e.geo ? `${e.geo.name} (${e.geo.country}; ${e.geo.lat}, ${e.geo.lon})` : e.location ?? '—'),
    row('Actors', e.actors.join(', ') || '—'),
    row('Claimed by', e.claimed_by ?? 'the article itself'),
    row('Status', h('span', { class: statusReason(e) ? 'status-note not-happened' : 'status-note' }, statusReason(e) ?? 'reported as having happened')),
  );
}

/** The sentences to highlight, grouped by article: this mention plus the other mentions of its merged event. */
function evidenceByArticle(d: EventDetail): Map<string, { start: number; end: number; event?: string; negated: boolean; claimed_by: string | null }[]> {
  const map = new Map<string, { start: number; end: number; event?: string; negated: boolean; claimed_by: string | null }[]>();
  const add = (article: string, v: { start: number; end: number; event?: string; negated: boolean; claimed_by: string | null }) => {
    const list = map.get(article) ?? [];
    if (!list.some((x) => x.start === v.start && x.end === v.end)) list.push(v);
    map.set(article, list);
  };
  add(d.event.article, { ...d.event.evidence, event: d.event.id, negated: d.event.negated, claimed_by: d.event.claimed_by });
  for (const c of d.merged?.claims ?? []) add(c.article, { start: c.evidence.start, end: c.evidence.end, negated: c.negated, claimed_by: c.claimed_by });
  return map;
}

export async function showEvent(app: HTMLElement, id: string): Promise<void> {
  mount(app, h('p', {}, 'Loading…'));
  let d: EventDetail;
  try {
    d = await api<EventDetail>(`events/${encodeURIComponent(id)}`);
  } catch (e) {
    return mount(app, errorBox(`Could not load event: ${(e as Error).message}`));
  }
  const merged = d.merged;
  const header = h('header', { class: 'event-head' },
    h('h2', {}, `${d.event.source} → ${d.event.target}: `, h('span', { class: 'status' }, statusLabel(d.event)), d.event.mode ? ` by ${d.event.mode}` : ''),
    merged?.contested
      ? h('p', { class: 'badge contested big', role: 'note' }, 'Contested: sources disagree whether this happened.')
      : null,
    merged ? h('p', {}, `Reported by ${merged.source_count} source${merged.source_count === 1 ? '' : 's'} in ${merged.article_count ?? merged.source_count} article${(merged.article_count ?? merged.source_count) === 1 ? '' : 's'} (${merged.mention_count} mention${merged.mention_count === 1 ? '' : 's'}).`) : null,
  );
  const sources = h('div', { class: 'sources' });
  mount(app, h('article', { class: 'event-page', 'data-event': d.event.id }, header, facts(d), h('h3', {}, 'Evidence in the sources'), sources));

  for (const [articleId, spans] of evidenceByArticle(d)) {
    const box = h('section', { class: 'source' }, h('p', {}, 'Loading article…'));
    sources.append(box);
    try {
      const a = await api<ArticleDetail>(`articles/${encodeURIComponent(articleId)}`);
      const marks: Mark[] = spans.map((s) => ({
        start: s.start,
        end: s.end,
        className: `evidence${s.event === d.event.id ? ' current' : ''}${s.negated ? ' negated' : ''}`,
        title: s.claimed_by ? `claimed by ${s.claimed_by}${s.negated ? ' (denies)' : ''}` : undefined,
        event: s.event,
      }));
      mount(box,
        h('h4', {}, h('a', { href: `#/article/${encodeURIComponent(a.id)}`, class: a.title ? null : 'untitled' }, displayTitle(a)), ' ', h('span', { class: 'meta' }, a.published ?? 'undated'), ' ', externalLink(a.url, 'original')),
        h('div', { class: 'article-text' }, renderMarked(a.text, marks)),
      );
    } catch (e) {
      mount(box, errorBox(`Could not load article ${articleId}: ${(e as Error).message}`));
    }
  }
  app.querySelector('.evidence.current')?.scrollIntoView({ block: 'center' });
}
