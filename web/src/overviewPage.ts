// The landing page: totals, the busiest dyads (busiest first) with a sparkline each, counts by
// type, country and outlet as facets (a click narrows every view), the cooperation/conflict
// balance per month (Goldstein only over events that happened), and the matching events.
import { api, apiUrl } from './api.js';
import { errorBox, h, mount } from './dom.js';
import { renderEventTable } from './eventTable.js';
import { filterBar, filterOf, setFilter, viewHash, type Filter, type FilterKey } from './facets.js';
import { balanceChart, sparkline } from './svg.js';

interface Count {
  value: string;
  count: number;
  name?: string;
}

export interface Overview {
  totals: { articles: number; events: number; happened: number; located: number; outlets: number };
  dyads: { a: string; b: string; a_name?: string; b_name?: string; count: number; spark: number[] }[];
  spark_months: string[];
  facets: { type: Count[]; country: Count[]; outlet: Count[] };
  balance: { period: string; events: number; happened: number; cooperation: number; conflict: number; goldstein_mean: number | null }[];
}

function facetList(title: string, key: FilterKey, counts: Count[], filter: Filter): HTMLElement {
  return h('div', { class: 'facet', 'data-facet': key },
    h('h3', {}, title),
    counts.length ? h('ul', {}, counts.map((c) => h('li', { class: filter[key] === c.value ? 'active' : undefined },
      h('button', { type: 'button', class: 'facet-value', 'data-value': c.value, onclick: () => setFilter({ [key]: filter[key] === c.value ? '' : c.value }) },
        c.name ? `${c.name} (${c.value})` : c.value),
      h('span', { class: 'count' }, String(c.count)),
    ))) : h('p', { class: 'meta' }, 'none'),
  );
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function showOverview(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const filter = filterOf(params);
  mount(app, filterBar(filter), h('p', {}, 'Loading…'));
  let o: Overview;
  try {
    o = await api<Overview>('overview', filter);
  } catch (e) {
    return mount(app, filterBar(filter), errorBox(`Could not load the overview: ${(e as Error).message}`));
  }
  const t = o.totals;
  const dyadRows = o.dyads.map((d) => h('tr', { 'data-dyad': `${d.a},${d.b}` },
    h('td', {}, h('a', { href: viewHash('timeline', { ...filter, dyad: undefined }, { dyad: `${d.a},${d.b}` }) }, `${d.a_name ?? d.a} – ${d.b_name ?? d.b}`)),
    h('td', { class: 'num' }, String(d.count)),
    h('td', {}, sparkline(d.spark)),
    h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => setFilter({ dyad: `${d.a},${d.b}` }) }, 'filter'), ' · ',
      h('a', { href: viewHash('brief', {}, { dyad: `${d.a},${d.b}`, since: filter.since, until: filter.until }) }, 'brief')),
  ));
  const table = h('div', { id: 'event-table' });
  mount(app,
    filterBar(filter),
    h('section', { class: 'totals' },
      h('h2', {}, 'Overview'),
      h('p', { id: 'totals' }, `${plural(t.events, 'event mention')} in ${plural(t.articles, 'article')} from ${plural(t.outlets, 'known outlet')}; `,
        `${t.happened} reported as having happened (denied and hypothetical ones carry no Goldstein score); ${t.located} placed on the map.`)),
    h('div', { class: 'overview-grid' },
      h('section', { class: 'dyads' },
        h('h2', {}, 'Busiest pairs'),
        o.dyads.length
          ? h('table', { id: 'dyads' },
              h('thead', {}, h('tr', {}, h('th', {}, 'Pair'), h('th', {}, 'Events'), h('th', {}, `Per month${o.spark_months.length ? ` (${o.spark_months[0]} – ${o.spark_months[o.spark_months.length - 1]})` : ''}`), h('th', {}, ''))),
              h('tbody', {}, dyadRows))
          : h('p', { class: 'meta' }, 'No pair of known parties.'),
        h('p', { class: 'downloads' }, 'Download: ', h('a', { class: 'download', href: apiUrl('overview', { ...filter, format: 'csv' }) }, 'CSV'), ' · ', h('a', { class: 'download', href: apiUrl('overview', { ...filter, format: 'json' }) }, 'JSON')),
      ),
      h('section', { class: 'facets', id: 'facets' },
        facetList('Type', 'type', o.facets.type, filter),
        facetList('Country or organisation', 'actor', o.facets.country, filter),
        facetList('Outlet', 'outlet', o.facets.outlet, filter),
      ),
    ),
    h('section', { class: 'balance' },
      h('h2', {}, 'Cooperation and conflict per month'),
      h('p', { class: 'hint' }, 'Events that happened, by the sign of their Goldstein score: cooperation up, conflict down. Denied and hypothetical events are not counted.'),
      o.balance.length ? balanceChart(o.balance.map((b) => ({ label: b.period, up: b.cooperation, down: b.conflict })), { upLabel: 'cooperation', downLabel: 'conflict', className: 'balance-chart' }) : h('p', { class: 'meta' }, 'No dated events.'),
    ),
    h('section', {}, h('h2', {}, 'Events'), table),
  );
  table.dataset.state = 'loading';
  try {
    await renderEventTable(table, { ...filter, offset: params.get('offset') ?? undefined }, (offset) => {
      const next = new URLSearchParams(params);
      next.set('offset', String(offset));
      location.hash = `#/?${next}`;
    });
  } catch (e) {
    mount(table, errorBox(`Could not load events: ${(e as Error).message}`));
  }
  table.dataset.state = 'ready';
}
