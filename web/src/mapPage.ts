// #/map: the matching events' places on a world map (Natural Earth countries from the world-atlas
// package, drawn with d3-geo; nothing is fetched but the API), points sized by event count; a
// click lists the events there.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { api, apiUrl, type Event } from './api.js';
import { errorBox, h, mount } from './dom.js';
import { evidenceWithParties } from './eventTable.js';
import { filterBar, filterOf, type Filter } from './facets.js';
import { goldsteinCell, statusLabel } from './status.js';
import { svg } from './svg.js';

interface MapPoint {
  key: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  count: number;
  happened: number;
  goldstein_mean: number | null;
}

const WIDTH = 960;
const HEIGHT = 500;

function countries(): GeoJSON.FeatureCollection {
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  return feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection;
}

async function listAt(box: HTMLElement, filter: Filter, p: MapPoint): Promise<void> {
  mount(box, h('p', {}, `Loading the events in ${p.name}…`));
  try {
    const r = await api<{ items: Event[]; total: number }>('map/events', { ...filter, place: p.key, limit: 100 });
    mount(box,
      h('h3', {}, `${p.name} (${p.country}): ${r.total} event mention${r.total === 1 ? '' : 's'}`, r.total > r.items.length ? `, the first ${r.items.length}` : ''),
      h('table', { class: 'events', id: 'place-events', 'data-place': p.key },
        h('thead', {}, h('tr', {}, ...['Date', 'Who', 'Event', 'Goldstein', 'Evidence'].map((t) => h('th', {}, t)))),
        h('tbody', {}, r.items.map((e) => h('tr', { 'data-event': e.id },
          h('td', { class: 'date' }, e.date ?? '—'),
          h('td', { class: 'who' }, h('span', { class: 'code' }, e.source), ' → ', h('span', { class: 'code' }, e.target)),
          h('td', {}, h('a', { href: `#/event/${encodeURIComponent(e.id)}`, class: 'type status' }, statusLabel(e))),
          h('td', { class: 'num' }, goldsteinCell(e)),
          h('td', { class: 'evidence' }, evidenceWithParties(e, 220)),
        )))),
    );
  } catch (e) {
    mount(box, errorBox(`Could not list the events: ${(e as Error).message}`));
  }
}

export async function showMap(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const filter = filterOf(params);
  mount(app, filterBar(filter), h('p', {}, 'Loading…'));
  let m: { points: MapPoint[]; total: number; located: number };
  try {
    m = await api('map', filter);
  } catch (e) {
    return mount(app, filterBar(filter), errorBox(`Could not load the map: ${(e as Error).message}`));
  }
  const land = countries();
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' } as unknown as GeoJSON.GeoJsonObject);
  const path = geoPath(projection);
  const map = svg('svg', { id: 'world-map', class: 'world-map', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'World map of event places' },
    svg('path', { d: path({ type: 'Sphere' } as unknown as GeoJSON.GeoJsonObject) ?? '', class: 'sphere', fill: '#eef3f8' }),
    ...land.features.map((f) => svg('path', { d: path(f) ?? '', class: 'land', fill: '#d8dee6', stroke: '#fff', 'stroke-width': 0.5 })),
  );
  const listBox = h('div', { id: 'place-list' }, h('p', { class: 'hint' }, 'Click a point to list its events.'));
  const max = Math.max(1, ...m.points.map((p) => p.count));
  // Largest first, so small points stay on top and clickable.
  for (const p of [...m.points].sort((a, b) => b.count - a.count)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const r = 3 + 17 * Math.sqrt(p.count / max);
    const colour = p.goldstein_mean === null ? '#8a94a6' : p.goldstein_mean >= 0 ? '#2e7d4f' : '#c0392b';
    const dot = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), class: 'map-point', fill: colour, 'fill-opacity': 0.6, stroke: colour, 'data-key': p.key, 'data-count': p.count, tabindex: 0, role: 'button', 'aria-label': `${p.name}: ${p.count} events` },
      svg('title', {}, `${p.name} (${p.country}): ${p.count} event${p.count === 1 ? '' : 's'}`));
    dot.addEventListener('click', () => void listAt(listBox, filter, p));
    dot.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') void listAt(listBox, filter, p);
    });
    map.append(dot);
  }
  mount(app,
    filterBar(filter),
    h('section', { class: 'map' },
      h('h2', {}, 'Where'),
      h('p', { class: 'meta', id: 'map-summary' }, `${m.located} of ${m.total} event mentions have a place the gazetteer knows, at ${m.points.length} places. Size: events; colour: mean Goldstein of those that happened (green cooperation, red conflict, grey none).`,
        ' Download: ', h('a', { class: 'download', href: apiUrl('map', { ...filter, format: 'csv' }) }, 'CSV'), ' · ', h('a', { class: 'download', href: apiUrl('map', { ...filter, format: 'json' }) }, 'JSON')),
      map),
    h('section', {}, listBox),
  );
}
