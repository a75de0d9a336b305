// Timeline view: dyad picker, timeline chart, event table with filters. The state lives in the URL
// hash (#/timeline?dyad=RUS,USA&bucket=month&since=...), so views can be linked and the back button works.
import { PLOVER_TYPES } from '../../src/model.js';
import { api, type Timeline, type TimelinePoint } from './api.js';
import { drawTimeline, type ChartHandle } from './chart.js';
import type { Bucket } from './periods.js';
import { errorBox, h, mount } from './dom.js';
import { renderEventTable } from './eventTable.js';
import { loadNewSince, markAllSeen, shortTime, type NewSince } from './newSince.js';

const DEFAULT_DYAD = 'RUS,USA';
/** The table's own pair filter; absent = the chart's pair, ANY_PAIR = no pair filter. */
const ANY_PAIR = '*';
const TABLE_KEYS = ['pair', 'type', 'since', 'until', 'actor', 'contested', 'offset'] as const;

interface Mounted {
  key: string;
  root: HTMLElement;
  table: HTMLElement;
  form: HTMLFormElement;
  chart: ChartHandle;
  fresh: NewSince;
}

const NOTHING_NEW: NewSince = { since: null, ids: new Set(), truncated: false };

/** "12 new event mentions since 2 Dec, 14:30" with a button that moves the mark to now. */
function newSinceLine(fresh: NewSince): HTMLElement | string {
  if (fresh.since === null) return '';
  const n = fresh.ids.size;
  const text = `${n}${fresh.truncated ? '+' : ''} new event mention${n === 1 ? '' : 's'} since ${shortTime(fresh.since)}`;
  const seen = h('button', { type: 'button', onclick: () => {
    markAllSeen();
    mounted = null; // redraw without the marks
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } }, 'Mark as seen');
  return h('p', { class: n ? 'new-since has-new' : 'new-since', id: 'new-since' }, text, n ? [' ', seen] : null);
}
let mounted: Mounted | null = null;

function go(params: URLSearchParams): void {
  for (const [k, v] of [...params]) if (!v) params.delete(k);
  location.hash = `#/timeline?${params}`;
}

function dyadOf(params: URLSearchParams): [string, string] {
  const [a, b] = (params.get('dyad') || DEFAULT_DYAD).toUpperCase().split(',');
  return [a || 'RUS', b || 'USA'];
}

function picker(params: URLSearchParams, dyads: { a: string; b: string; count: number; a_name?: string; b_name?: string }[]): HTMLElement {
  const [a, b] = dyadOf(params);
  const current = `${a},${b}`;
  const options = dyads.map((d) => `${d.a},${d.b}`);
  if (!options.includes(current)) options.unshift(current);
  const select = h('select', { id: 'dyad-select', 'aria-label': 'Actor pair' },
    options.map((o) => {
      const d = dyads.find((x) => `${x.a},${x.b}` === o);
      // "Russia – United States (12)": names where the server knows them, else the codes.
      const label = d ? `${d.a_name ?? d.a} – ${d.b_name ?? d.b}` : o.replace(',', ' – ');
      return h('option', { value: o, selected: o === current }, `${label}${d ? ` (${d.count})` : ''}`);
    }),
  );
  const inA = h('input', { id: 'dyad-a', value: a, size: 7, 'aria-label': 'First actor code', pattern: '[A-Za-z0-9]{1,16}' });
  const inB = h('input', { id: 'dyad-b', value: b, size: 7, 'aria-label': 'Second actor code', pattern: '[A-Za-z0-9]{1,16}' });
  const bucket = h('select', { id: 'bucket', 'aria-label': 'Period' },
    ['day', 'week', 'month', 'year'].map((v) => h('option', { value: v, selected: v === (params.get('bucket') || 'month') }, v)),
  );
  select.addEventListener('change', () => {
    [inA.value, inB.value] = select.value.split(',');
  });
  const form = h('form', { class: 'picker' },
    h('label', {}, 'Pair ', select), ' or codes ', inA, ' – ', inB, h('label', {}, ' per ', bucket),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams({ dyad: `${inA.value.trim()},${inB.value.trim()}`.toUpperCase(), bucket: bucket.value });
    go(next);
  });
  return form;
}

/** The pair the table filters on: its own, the chart's, or none. */
function tablePair(params: URLSearchParams): string | undefined {
  const pair = params.get('pair');
  if (pair === ANY_PAIR) return undefined;
  return pair || dyadOf(params).join(',');
}

function filterForm(params: URLSearchParams): HTMLFormElement {
  const value = (name: string) => (name === 'pair' ? tablePair(params) ?? '' : params.get(name) ?? '');
  const field = (name: string, label: string, placeholder = '') =>
    h('label', {}, label, h('input', { name, value: value(name), placeholder, size: 11 }));
  const type = h('select', { name: 'type' },
    h('option', { value: '' }, 'any type'),
    PLOVER_TYPES.map((t) => h('option', { value: t, selected: params.get('type') === t }, t)),
  );
  const form = h('form', { class: 'filters', id: 'filters' },
    field('pair', 'Pair ', 'any pair'), h('label', {}, 'Type ', type), field('since', 'Since ', 'YYYY-MM-DD'),
    field('until', 'Until ', 'YYYY-MM-DD'), field('actor', 'Actor ', 'code or name'),
    h('label', {}, h('input', { type: 'checkbox', name: 'contested', value: 'true', checked: params.get('contested') === 'true' }), ' contested only'),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', onclick: () => go(new URLSearchParams({ dyad: params.get('dyad') ?? '', bucket: params.get('bucket') ?? '' })) }, 'Reset'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams(location.hash.split('?')[1] ?? '');
    const data = new FormData(form);
    for (const k of TABLE_KEYS) next.delete(k);
    for (const [k, v] of data) if (typeof v === 'string' && v.trim()) next.set(k, v.trim());
    // "RUS USA" and "RUS – USA" mean RUS,USA.
    const pair = next.get('pair');
    if (pair) next.set('pair', pair.toUpperCase().replace(/\s*[,–-]\s*|\s+/g, ','));
    // An emptied pair field means "all pairs", not "back to the chart's pair".
    if (!next.get('pair')) next.set('pair', ANY_PAIR);
    go(next);
  });
  return form;
}

async function refreshTable(m: Mounted, params: URLSearchParams): Promise<void> {
  const q = { ...Object.fromEntries(TABLE_KEYS.map((k) => [k, params.get(k) ?? undefined])), dyad: tablePair(params) };
  const form = filterForm(params);
  m.form.replaceWith(form);
  m.form = form;
  // data-state lets tests and scripts wait for the table that matches the current URL.
  m.table.dataset.state = 'loading';
  try {
    await renderEventTable(m.table, q, (offset) => {
      params.set('offset', String(offset));
      go(params);
    }, m.fresh.ids);
  } catch (e) {
    mount(m.table, errorBox(`Could not load events: ${(e as Error).message}`));
  }
  m.table.dataset.state = 'ready';
}

export async function showDashboard(app: HTMLElement, params: URLSearchParams): Promise<void> {
  // Without a pair asked for, the busiest one (not a fixed pair that may have few events).
  if (!params.get('dyad')) {
    const busiest = await api<{ items: { a: string; b: string }[] }>('dyads').then((d) => d.items[0], () => undefined);
    if (busiest) params.set('dyad', `${busiest.a},${busiest.b}`);
  }
  const [a, b] = dyadOf(params);
  const bucket = params.get('bucket') || 'month';
  const key = `${a},${b},${bucket}`;
  if (mounted && mounted.key === key && app.contains(mounted.root)) return refreshTable(mounted, params);
  mounted?.chart.destroy();

  const chartBox = h('div', { id: 'chart', class: 'chart' });
  const summary = h('p', { class: 'summary' }, 'Loading…');
  const table = h('div', { id: 'event-table' });
  const form = filterForm(params);
  const pickerSlot = h('div', {});
  const newSlot = h('div', {});
  const root = h('div', { class: 'dashboard' },
    pickerSlot,
    newSlot,
    h('section', {}, h('h2', {}, `${a} – ${b}: events per ${bucket}`), summary, chartBox,
      h('p', { class: 'hint' }, 'Click a point to list the events of that period.')),
    h('section', {}, h('h2', {}, 'Events'), form, table),
  );
  mount(app, root);
  const m: Mounted = { key, root, table, form, chart: { destroy() {} }, fresh: NOTHING_NEW };
  mounted = m;
  // The marks are a help, never a reason for the page to fail.
  m.fresh = await loadNewSince().catch(() => NOTHING_NEW);
  mount(newSlot, newSinceLine(m.fresh));

  api<{ items: { a: string; b: string; count: number; a_name?: string; b_name?: string }[] }>('dyads')
    .then((d) => mount(pickerSlot, picker(params, d.items)))
    .catch(() => mount(pickerSlot, picker(params, [])));
  const onPick = (p: TimelinePoint): void => {
    const next = new URLSearchParams({ dyad: `${a},${b}`, bucket, since: p.start, until: p.end });
    go(next);
    // After the table refreshes, bring it into view.
    setTimeout(() => table.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };
  try {
    const t = await api<Timeline>(`dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, { bucket });
    const undated = t.unplaced.count ? `, ${t.unplaced.count} without a ${bucket}-precise date` : '';
    const truncated = t.truncated ? ' Only the first events were counted: narrow the dates or type.' : '';
    summary.textContent = `${t.total} event mentions in ${t.points.length} period${t.points.length === 1 ? '' : 's'}${undated}.${truncated}`;
    m.chart = drawTimeline(chartBox, t.points, t.bucket as Bucket, onPick, m.fresh.ids);
  } catch (e) {
    mount(summary, errorBox(`Could not load the timeline: ${(e as Error).message}`));
  }
  await refreshTable(m, params);
}
