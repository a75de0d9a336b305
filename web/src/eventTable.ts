// The event table: one row per event mention, the source and target words marked inside the
// evidence sentence, status unmistakable (NOT AGREE, AGREE?), confidence shown, contested ones
// marked, paged with the total, and downloadable as CSV or JSON with the export's columns.
import { api, apiUrl, type Event, type MergedEvent, type Page } from './api.js';
import { h } from './dom.js';
import { confidenceCell, goldsteinCell, statusLabel } from './status.js';

export const PAGE_SIZE = 25;

/** Any event filter the API takes (type, actor, outlet, dyad, since, until, min_confidence, contested, text). */
export type TableQuery = Record<string, string | undefined> & { offset?: string };

function flags(e: Event, contested: boolean): (HTMLElement | string)[] {
  const out: (HTMLElement | string)[] = [];
  if (contested) out.push(h('span', { class: 'badge contested', title: 'Sources disagree about this event' }, 'contested'));
  if (e.negated) out.push(h('span', { class: 'badge negated', title: 'The text says this did not happen' }, 'denied / did not happen'));
  if (e.hypothetical) out.push(h('span', { class: 'badge hypo', title: 'Planned or possible, not reported as done' }, 'hypothetical'));
  if (e.claimed_by) out.push(h('span', { class: 'badge claim' }, `per ${e.claimed_by}`));
  return out;
}

const MAX_EVIDENCE = 260;

/** The evidence sentence with the source and target words marked (spans are offsets into the article). */
export function evidenceWithParties(e: Pick<Event, 'evidence' | 'source_span' | 'target_span'>, max = Infinity): DocumentFragment {
  const text = e.evidence.text;
  const marks = [
    e.source_span && { ...e.source_span, cls: 'party source', title: 'source (who acts)' },
    e.target_span && { ...e.target_span, cls: 'party target', title: 'target (acted upon)' },
  ]
    .filter((m): m is NonNullable<typeof m> => !!m)
    .map((m) => ({ ...m, start: m.start - e.evidence.start, end: m.end - e.evidence.start }))
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start);
  const frag = document.createDocumentFragment();
  let at = 0;
  const cut = Math.min(text.length, max);
  for (const m of marks) {
    if (m.start < at || m.start >= cut) continue;
    frag.append(text.slice(at, m.start), h('mark', { class: m.cls, title: m.title }, text.slice(m.start, m.end)));
    at = m.end;
  }
  frag.append(text.slice(at, cut) + (cut < text.length ? '…' : ''));
  return frag;
}

function row(e: Event, contested: boolean, isNew: boolean): HTMLTableRowElement {
  const link = `#/event/${encodeURIComponent(e.id)}`;
  const classes = [contested ? 'contested' : '', isNew ? 'new' : '', e.negated ? 'denied' : '', e.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(' ');
  return h('tr', { 'data-event': e.id, class: classes || undefined },
    h('td', { class: 'date' }, e.date ?? '—'),
    h('td', { class: 'who' }, h('span', { class: 'code' }, e.source), ' → ', h('span', { class: 'code' }, e.target)),
    h('td', { class: 'who' }, h('a', { href: link, class: 'type status' }, statusLabel(e)), h('span', { class: 'cameo' }, ` ${e.cameo}`)),
    h('td', { class: 'mode' }, e.mode ?? ''),
    h('td', { class: 'num' }, goldsteinCell(e)),
    h('td', { class: 'num' }, confidenceCell(e.confidence)),
    h('td', { class: 'evidence' }, h('a', { href: link }, evidenceWithParties(e, MAX_EVIDENCE)), ' ', ...flags(e, contested),
      isNew ? h('span', { class: 'badge new', title: 'Stored since your last visit' }, 'new') : null),
  );
}

/** Download links: this page exactly, or every matching row (up to the API's download limit). */
function downloads(filter: Record<string, string | undefined>, offset: number, total: number): HTMLElement {
  const link = (format: string, label: string, params: Record<string, string | number | undefined>) =>
    h('a', { class: 'download', href: apiUrl('events', { ...filter, ...params, format }), download: `events.${format}`, 'data-format': format }, label);
  const all = Math.min(total, 20_000);
  return h('span', { class: 'downloads' }, 'Download: ',
    link('csv', 'CSV (this page)', { limit: PAGE_SIZE, offset }), ' · ',
    link('csv', `CSV (all ${all})`, { limit: Math.max(1, all), offset: 0 }), ' · ',
    link('json', 'JSON (all)', { limit: Math.max(1, all), offset: 0 }));
}

/** Renders the table for the query into el (rows in `newIds` marked new); returns the number of events shown. */
export async function renderEventTable(el: HTMLElement, q: TableQuery, onOffset: (offset: number) => void, newIds: Set<string> = new Set()): Promise<number> {
  const { offset: rawOffset, ...filter } = q;
  const offset = Number(rawOffset ?? 0) || 0;
  const [page, contested] = await Promise.all([
    api<Page<Event> & { total: number }>('events', { ...filter, limit: PAGE_SIZE, offset }),
    // Which mentions belong to contested merged events (so the table can mark them).
    api<Page<MergedEvent>>('merged', { ...filter, contested: 'true', limit: 500 }).catch(() => ({ items: [] as MergedEvent[] })),
  ]);
  const contestedIds = new Set(contested.items.flatMap((m) => m.mentions));
  const table = h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, ...['Date', 'Who', 'Event', 'Mode', 'Goldstein', 'Conf.', 'Evidence (source, target marked)'].map((t) => h('th', {}, t)))),
    h('tbody', {}, page.items.map((e) => row(e, contestedIds.has(e.id), newIds.has(e.id)))),
  );
  const pager = h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, onclick: () => onOffset(Math.max(0, offset - PAGE_SIZE)) }, '← Previous'),
    h('span', { class: 'range' }, page.items.length ? `${offset + 1}–${offset + page.items.length} of ${page.total}` : 'no events match'),
    h('button', { type: 'button', disabled: page.next_offset === null, onclick: () => onOffset(page.next_offset ?? offset) }, 'Next →'),
    page.total ? downloads(filter, offset, page.total) : null,
  );
  el.replaceChildren(table, pager);
  el.dataset.total = String(page.total);
  return page.items.length;
}
