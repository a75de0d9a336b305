// The dyad timeline: events per period (left axis) and mean Goldstein score (right axis), drawn by
// uPlot. Every point also gets a real button laid over it, so points can be reached by keyboard
// and clicked reliably (uPlot draws on a canvas, which has no per-point elements).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from './dom.js';
import type { TimelinePoint } from './api.js';
import { withEmptyPeriods, type Bucket } from './periods.js';

export interface ChartHandle {
  destroy(): void;
}

export function drawTimeline(
  container: HTMLElement,
  points: TimelinePoint[],
  bucket: Bucket,
  onPick: (p: TimelinePoint) => void,
  newIds: Set<string> = new Set(),
): ChartHandle {
  container.replaceChildren();
  if (!points.length) {
    container.append(h('p', { class: 'empty' }, 'No dated events for this pair.'));
    return { destroy() {} };
  }
  const dense = withEmptyPeriods(points, bucket);
  const xs = dense.xs;
  const data: uPlot.AlignedData = [xs, dense.counts, dense.goldstein];
  // Buttons only for periods that have events; inserted empty periods are not clickable.
  const pickable = dense.source.flatMap((p, i) => (p ? [{ p, x: xs[i] }] : []));
  const markers = h('div', { class: 'markers' });
  const placeMarkers = (u: uPlot): void => {
    markers.replaceChildren(
      ...pickable.map(({ p, x }) => {
        // A period holding mentions stored since the last visit is ringed: where the news landed.
        const fresh = p.events.filter((id) => newIds.has(id)).length;
        const button = h('button', {
          type: 'button',
          class: fresh ? 'point new' : 'point',
          'data-period': p.period,
          'data-new': fresh || undefined,
          title: `${p.period}: ${p.count} event${p.count === 1 ? '' : 's'}${fresh ? `, ${fresh} new` : ''}`,
          'aria-label': `${p.period}: ${p.count} events, open them`,
          onclick: (ev: Event) => {
            ev.stopPropagation(); // the plot's own click handler would pick it a second time
            onPick(p);
          },
        });
        // CSSOM, not a style attribute: the CSP forbids inline style attributes.
        button.style.left = `${u.valToPos(x, 'x')}px`;
        button.style.top = `${u.valToPos(p.count, 'n')}px`;
        return button;
      }),
    );
  };
  const width = Math.max(320, container.clientWidth || 800);
  // Pad the x range so the first and last points (and their buttons) sit inside the plot, not on
  // the axes; a single point gets a month each side.
  const pad = Math.max((xs[xs.length - 1] - xs[0]) * 0.04, 2.6e6);
  const range: uPlot.Scale['range'] = () => [xs[0] - pad, xs[xs.length - 1] + pad];
  const chart = new uPlot(
    {
      width,
      height: 260,
      scales: { x: { time: true, range }, n: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] }, g: { range: [-10, 10] } },
      axes: [
        {},
        { scale: 'n', label: 'events' },
        { scale: 'g', side: 1, label: 'mean Goldstein', grid: { show: false } },
      ],
      series: [
        { label: 'period', value: (_u, v) => (v == null ? '—' : new Date(v * 1000).toISOString().slice(0, 10)) },
        { label: 'events', scale: 'n', stroke: '#1f5fa8', width: 2, points: { size: 9, fill: '#1f5fa8' } },
        { label: 'mean Goldstein', scale: 'g', stroke: '#c2571a', width: 1.5, dash: [5, 4], points: { size: 6 } },
      ],
      cursor: { drag: { x: false, y: false } },
      hooks: { draw: [placeMarkers] },
    },
    data,
    container,
  );
  // A click anywhere on the plot picks the period nearest the cursor.
  chart.over.addEventListener('click', () => {
    const i = chart.cursor.idx;
    const p = i === null || i === undefined ? null : dense.source[i];
    if (p) onPick(p);
  });
  chart.over.append(markers);
  const resize = (): void => chart.setSize({ width: Math.max(320, container.clientWidth), height: 260 });
  window.addEventListener('resize', resize);
  return {
    destroy: () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    },
  };
}
