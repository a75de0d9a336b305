// #/network: countries and organisations as nodes (the busiest, on a circle, sized by events),
// their pairs' events as edges coloured by cooperation (green) or conflict (red) among those that
// happened, for the current filter. A click on a node lists its events.
import { api, apiUrl } from './api.js';
import { errorBox, h, mount } from './dom.js';
import { renderEventTable } from './eventTable.js';
import { filterBar, filterOf } from './facets.js';
import { svg } from './svg.js';

interface Network {
  nodes: { id: string; name?: string; count: number }[];
  edges: { a: string; b: string; count: number; happened: number; cooperation: number; conflict: number; goldstein_mean: number | null }[];
  linked: number;
  total: number;
}

const SIZE = 640;

export async function showNetwork(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const filter = filterOf(params);
  mount(app, filterBar(filter), h('p', {}, 'Loading…'));
  let n: Network;
  try {
    n = await api<Network>('network', filter);
  } catch (e) {
    return mount(app, filterBar(filter), errorBox(`Could not load the network: ${(e as Error).message}`));
  }
  const c = SIZE / 2;
  const radius = SIZE / 2 - 70;
  const at = new Map(n.nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n.nodes.length) - Math.PI / 2;
    return [node.id, { x: c + radius * Math.cos(angle), y: c + radius * Math.sin(angle), angle }];
  }));
  const maxEdge = Math.max(1, ...n.edges.map((e) => e.count));
  const maxNode = Math.max(1, ...n.nodes.map((x) => x.count));
  const graph = svg('svg', { id: 'network', class: 'network', viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', 'aria-label': 'Actor network' });
  for (const e of n.edges) {
    const a = at.get(e.a);
    const b = at.get(e.b);
    if (!a || !b) continue;
    const colour = e.happened === 0 ? '#8a94a6' : e.cooperation >= e.conflict ? '#2e7d4f' : '#c0392b';
    graph.append(svg('line', { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1), class: 'edge', stroke: colour, 'stroke-opacity': 0.55, 'stroke-width': (1 + 7 * (e.count / maxEdge)).toFixed(1), 'data-edge': `${e.a},${e.b}` },
      svg('title', {}, `${e.a} – ${e.b}: ${e.count} events; of those that happened ${e.cooperation} cooperation, ${e.conflict} conflict`)));
  }
  const table = h('div', { id: 'event-table' }, h('p', { class: 'hint' }, 'Click a node to list its events.'));
  for (const node of n.nodes) {
    const p = at.get(node.id)!;
    const r = 5 + 14 * Math.sqrt(node.count / maxNode);
    const anchor = Math.cos(p.angle) > 0.2 ? 'start' : Math.cos(p.angle) < -0.2 ? 'end' : 'middle';
    const lx = p.x + (r + 4) * Math.cos(p.angle);
    const ly = p.y + (r + 4) * Math.sin(p.angle) + 4;
    const g = svg('g', { class: 'node', 'data-node': node.id, tabindex: 0, role: 'button', 'aria-label': `${node.name ?? node.id}: ${node.count} events` },
      svg('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1), fill: '#1f5fa8', 'fill-opacity': 0.8 }),
      svg('text', { x: lx.toFixed(1), y: ly.toFixed(1), 'text-anchor': anchor, class: 'node-label' }, node.id),
      svg('title', {}, `${node.name ?? node.id}: ${node.count} events`));
    const open = (): void => {
      table.dataset.state = 'loading';
      void renderEventTable(table, { ...filter, actor: node.id }, () => undefined).finally(() => (table.dataset.state = 'ready'));
    };
    g.addEventListener('click', open);
    g.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') open();
    });
    graph.append(g);
  }
  mount(app,
    filterBar(filter),
    h('section', { class: 'network-view' },
      h('h2', {}, 'Who acts on whom'),
      h('p', { class: 'meta', id: 'network-summary' }, `${n.nodes.length} busiest countries and organisations; ${n.linked} of ${n.total} event mentions between two of them. Edge width: events; colour: cooperation (green) or conflict (red) among those that happened, grey when none did.`,
        ' Download: ', h('a', { class: 'download', href: apiUrl('network', { ...filter, format: 'csv' }) }, 'CSV'), ' · ', h('a', { class: 'download', href: apiUrl('network', { ...filter, format: 'json' }) }, 'JSON')),
      n.nodes.length ? graph : h('p', { class: 'meta' }, 'No events between known parties.')),
    h('section', {}, h('h2', {}, 'Events of the node'), table),
  );
}
