// #/alerts: the saved alerts (`demarche alert add`) and what each found, newest first.
import { api, type MergedEvent, type Page } from './api.js';
import { h, mount } from './dom.js';
import { shortTime } from './newSince.js';

interface Alert {
  name: string;
  filter: Record<string, unknown>;
  webhook: string | null;
  created_at: string;
  hits: number;
  last_hit_at: string | null;
}

interface Hit {
  alert: string;
  hit: string;
  found_at: string;
  event: MergedEvent;
  articles: { id: string; title: string | null; url: string | null }[];
}

const HITS_SHOWN = 10;

function filterText(f: Record<string, unknown>): string {
  const parts = Object.entries(f).map(([k, v]) => (v === true ? k : `${k} ${Array.isArray(v) ? v.join(',') : String(v)}`));
  return parts.length ? parts.join(' · ') : 'every event';
}

function hitRow(hit: Hit): HTMLElement {
  const e = hit.event;
  const first = e.mentions[0];
  return h('tr', { 'data-hit': hit.hit },
    h('td', { class: 'date' }, e.date ?? '—'),
    h('td', { class: 'who' }, h('span', { class: 'code' }, e.source), ' → ', h('span', { class: 'code' }, e.target)),
    h('td', {}, first ? h('a', { href: `#/event/${encodeURIComponent(first)}`, class: 'type' }, e.type) : e.type,
      e.contested ? h('span', { class: 'badge contested' }, 'contested') : null),
    h('td', {}, hit.articles.flatMap((a, i) => [i ? ' · ' : '', h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id)])),
    h('td', { class: 'meta' }, shortTime(hit.found_at)),
  );
}

export async function showAlerts(app: HTMLElement): Promise<void> {
  const { items } = await api<{ items: Alert[] }>('alerts');
  if (!items.length) {
    mount(app, h('section', { class: 'alerts' }, h('h2', {}, 'Alerts'),
      h('p', { class: 'hint' }, 'No alerts yet. Save one with `demarche alert add --name NAME --dyad RUS,USA`; `demarche watch` then reports each new matching event once.')));
    return;
  }
  const sections = await Promise.all(
    items.map(async (a) => {
      const hits = await api<Page<Hit>>(`alerts/${encodeURIComponent(a.name)}/hits`, { limit: HITS_SHOWN });
      return h('section', { class: 'alert', 'data-alert': a.name },
        h('h2', {}, a.name),
        h('p', { class: 'meta' }, `${filterText(a.filter)} — ${a.hits} hit${a.hits === 1 ? '' : 's'}`,
          a.last_hit_at ? `, the latest ${shortTime(a.last_hit_at)}` : '', a.webhook ? ` — sent to ${a.webhook}` : ''),
        hits.items.length
          ? h('table', { class: 'events' },
              h('thead', {}, h('tr', {}, ...['Date', 'Who', 'Event', 'Reported in', 'Found'].map((t) => h('th', {}, t)))),
              h('tbody', {}, hits.items.map(hitRow)))
          : h('p', { class: 'hint' }, 'Nothing found yet.'),
      );
    }),
  );
  mount(app, h('div', { class: 'alerts' }, sections));
}
