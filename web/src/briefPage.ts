// #/brief?dyad=A,B&since=&until=: the brief of `demarche brief` in the page, printable: the
// monthly cooperation-conflict line with its axes and month labels, then the events in order with
// their status and the sentences that report them.
import { api, type MergedEvent } from './api.js';
import { errorBox, externalLink, h, mount } from './dom.js';
import { statusLabel } from './status.js';
import { balanceChart } from './svg.js';

interface SourceRef {
  title: string | null;
  source: string;
  url: string | null;
  published: string | null;
}

interface Brief {
  options: { dyad: [string, string]; since?: string; until?: string };
  generated: string;
  events: MergedEvent[];
  sources: Record<string, SourceRef>;
  months: { month: string; events: number; sum: number; mean: number }[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function form(params: URLSearchParams): HTMLFormElement {
  const field = (name: string, label: string, placeholder: string) =>
    h('label', {}, label, h('input', { name, value: params.get(name) ?? '', placeholder, size: 10 }));
  const f = h('form', { class: 'filters no-print', id: 'brief-form' },
    field('dyad', 'Pair ', 'RUS,USA'), field('since', ' Since ', 'YYYY[-MM[-DD]]'), field('until', ' Until ', 'YYYY[-MM[-DD]]'),
    h('button', { type: 'submit' }, 'Show'),
    h('button', { type: 'button', onclick: () => window.print() }, 'Print'),
  );
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(f)) if (typeof v === 'string' && v.trim()) next.set(k, v.trim().toUpperCase().replace(/\s+/g, ''));
    location.hash = `#/brief?${next}`;
  });
  return f;
}

export async function showBrief(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const dyad = params.get('dyad');
  if (!dyad) return mount(app, h('section', {}, h('h2', {}, 'Brief'), form(params), h('p', { class: 'hint' }, 'Name a pair (two actor codes, e.g. TUR,USA), and optionally a period; the overview lists the busiest pairs.')));
  mount(app, h('p', {}, 'Loading…'));
  let b: Brief;
  try {
    b = await api<Brief>('brief', { dyad, since: params.get('since'), until: params.get('until') });
  } catch (e) {
    return mount(app, form(params), errorBox(`Could not make the brief: ${(e as Error).message}`));
  }
  const [a, z] = b.options.dyad;
  const period = [b.options.since ? `from ${b.options.since}` : '', b.options.until ? `to ${b.options.until}` : ''].filter(Boolean).join(' ') || 'all dates';
  const contested = b.events.filter((m) => m.contested).length;
  const chart = b.months.length
    ? balanceChart(b.months.map((m) => ({ label: m.month, up: Math.max(0, m.sum), down: Math.max(0, -m.sum) })), { upLabel: 'Goldstein sum > 0', downLabel: 'Goldstein sum < 0', className: 'brief-chart' })
    : h('p', { class: 'meta' }, 'No dated events that happened in the period.');
  mount(app,
    form(params),
    h('article', { class: 'brief', id: 'brief' },
      h('h2', {}, `Brief: ${a} – ${z}, ${period}`),
      h('p', { class: 'meta' }, `${plural(b.events.length, 'event')} (${contested} contested), generated ${b.generated}. Goldstein counts only events that happened: denied, hypothetical and contested ones are left out of the line.`),
      h('h3', {}, 'Cooperation and conflict per month'),
      chart,
      h('h3', {}, 'Events'),
      b.events.length ? h('ol', { class: 'brief-events' }, b.events.map((m) => h('li', { 'data-event': m.id },
        h('p', {}, h('strong', {}, `${m.date ?? 'undated'} — ${m.source} → ${m.target}: `),
          h('a', { href: `#/event/${encodeURIComponent(m.mentions[0] ?? '')}`, class: 'type status' }, statusLabel({ type: m.type, negated: m.claims.every((c) => c.negated), hypothetical: false })),
          ` (${plural(m.mention_count, 'mention')}, ${plural(m.source_count, 'source')})`,
          m.contested ? h('span', { class: 'badge contested' }, 'contested') : null),
        h('ul', {}, m.claims.map((c) => {
          const ref = b.sources[c.article];
          return h('li', {}, h('q', { class: c.negated ? 'negated' : undefined }, c.evidence.text), ' — ',
            c.claimed_by ? `per ${c.claimed_by}, ` : '', ref ? externalLink(ref.url, ref.title ?? ref.source) : c.article, ref?.published ? ` (${ref.published})` : '');
        })),
      ))) : h('p', {}, 'No events for this pair and period.'),
    ),
  );
}
