// The event table: one row per event mention, contested ones marked, paged.
import { api, type Event, type MergedEvent, type Page } from './api.js';
import { h, shorten } from './dom.js';

export const PAGE_SIZE = 25;

export interface TableQuery {
  dyad?: string;
  type?: string;
  since?: string;
  until?: string;
  actor?: string;
  contested?: string;
  offset?: string;
}

function flags(e: Event, contested: boolean): (HTMLElement | string)[] {
  const out: (HTMLElement | string)[] = [];
  if (contested) out.push(h('span', { class: 'badge contested', title: 'Sources disagree about this event' }, 'contested'));
  if (e.negated) out.push(h('span', { class: 'badge negated', title: 'The text says this did not happen' }, 'denied / did not happen'));
  if (e.hypothetical) out.push(h('span', { class: 'badge hypo' }, 'hypothetical'));
  if (e.claimed_by) out.push(h('span', { class: 'badge claim' }, `per ${e.claimed_by}`));
  return out;
}

function row(e: Event, contested: boolean, isNew: boolean): HTMLTableRowElement {
  const link = `#/event/${encodeURIComponent(e.id)}`;
  const classes = [contested ? 'contested' : '', isNew ? 'new' : ''].filter(Boolean).join(' ');
  return h('tr', { 'data-event': e.id, class: classes || undefined },
    h('td', { class: 'date' }, e.date ?? '—'),
    h('td', { class: 'who' }, h('span', { class: 'code' }, e.source), ' → ', h('span', { class: 'code' }, e.target)),
    h('td', { class: 'who' }, h('a', { href: link, class: 'type' }, e.type), h('span', { class: 'cameo' }, ` ${e.cameo}`)),
    h('td', { class: 'mode' }, e.mode ?? ''),
    h('td', { class: 'num' }, e.goldstein.toFixed(1)),
    h('td', { class: 'evidence' }, h('a', { href: link }, shorten(e.evidence.text)), ' ', ...flags(e, contested),
      isNew ? h('span', { class: 'badge new', title: 'Stored since your last visit' }, 'new') : null),
  );
}

/** Renders the table for the query into el (rows in `newIds` marked new); returns the number of events shown. */
export async function renderEventTable(el: HTMLElement, q: TableQuery, onOffset: (offset: number) => void, newIds: Set<string> = new Set()): Promise<number> {
  const filter = { dyad: q.dyad, type: q.type, since: q.since, until: q.until, actor: q.actor, contested: q.contested };
  const offset = Number(q.offset ?? 0) || 0;
  const [page, contested] = await Promise.all([
    api<Page<Event>>('events', { ...filter, limit: PAGE_SIZE, offset }),
    // Which mentions belong to contested merged events (so the table can mark them).
    api<Page<MergedEvent>>('merged', { ...filter, contested: 'true', limit: 500 }).catch(() => ({ items: [] as MergedEvent[] })),
  ]);
  const contestedIds = new Set(contested.items.flatMap((m) => m.mentions));
  const table = h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, ...['Date', 'Who', 'Event', 'Mode', 'Goldstein', 'Evidence'].map((t) => h('th', {}, t)))),
    h('tbody', {}, page.items.map((e) => row(e, contestedIds.has(e.id), newIds.has(e.id)))),
  );
  const pager = h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, onclick: () => onOffset(Math.max(0, offset - PAGE_SIZE)) }, '← Previous'),
    h('span', {}, page.items.length ? `${offset + 1}–${offset + page.items.length}` : 'no events match'),
    h('button', { type: 'button', disabled: page.next_offset === null, onclick: () => onOffset(page.next_offset ?? offset) }, 'Next →'),
  );
  el.replaceChildren(table, pager);
  return page.items.length;
}
