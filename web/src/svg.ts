// Small SVG drawings built from data (attributes only: the CSP forbids inline styles).
const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** A sparkline of counts: a polyline scaled to the largest. */
export function sparkline(values: number[], width = 120, height = 24): SVGSVGElement {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
  return svg('svg', { class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `monthly counts: ${values.join(', ')}` },
    svg('polyline', { points, fill: 'none', stroke: '#1f5fa8', 'stroke-width': 1.5 }));
}

export interface Bar {
  label: string;
  /** Stacked upwards from 0 (cooperation) and downwards (conflict). */
  up: number;
  down: number;
}

/**
 * Bars above and below a zero line, with a y axis (ticks and numbers) and x labels (thinned to
 * fit): cooperation up, conflict down, per period.
 */
export function balanceChart(bars: Bar[], opts: { width?: number; height?: number; upLabel: string; downLabel: string; className?: string }): SVGSVGElement {
  const width = opts.width ?? 900;
  const height = opts.height ?? 220;
  const left = 44;
  const bottom = 34;
  const top = 12;
  const plotW = width - left - 10;
  const plotH = height - top - bottom;
  const maxUp = Math.max(1, ...bars.map((b) => b.up));
  const maxDown = Math.max(1, ...bars.map((b) => b.down));
  const scale = plotH / (maxUp + maxDown);
  const zero = top + maxUp * scale;
  const bw = plotW / Math.max(1, bars.length);
  const root = svg('svg', { class: `chart-svg ${opts.className ?? ''}`, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const yAxis = svg('g', { class: 'axis y-axis' });
  for (const [v, y] of [[maxUp, top], [0, zero], [-maxDown, top + plotH]] as const) {
    yAxis.append(svg('line', { x1: left - 4, x2: left, y1: y, y2: y, stroke: '#667085' }), svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, String(Math.abs(v))));
  }
  yAxis.append(svg('line', { x1: left, x2: left, y1: top, y2: top + plotH, stroke: '#667085' }));
  yAxis.append(svg('text', { x: 10, y: top + 10, class: 'axis-label' }, `↑ ${opts.upLabel}`), svg('text', { x: 10, y: top + plotH, class: 'axis-label' }, `↓ ${opts.downLabel}`));
  const xAxis = svg('g', { class: 'axis x-axis' }, svg('line', { x1: left, x2: left + plotW, y1: zero, y2: zero, stroke: '#667085' }));
  const every = Math.max(1, Math.ceil(bars.length / Math.floor(plotW / 56)));
  bars.forEach((b, i) => {
    const x = left + i * bw;
    if (b.up) root.append(svg('rect', { class: 'bar up', x: x + 1, y: zero - b.up * scale, width: Math.max(1, bw - 2), height: b.up * scale, fill: '#2e7d4f' }, svg('title', {}, `${b.label}: ${b.up} ${opts.upLabel}`)));
    if (b.down) root.append(svg('rect', { class: 'bar down', x: x + 1, y: zero, width: Math.max(1, bw - 2), height: b.down * scale, fill: '#c0392b' }, svg('title', {}, `${b.label}: ${b.down} ${opts.downLabel}`)));
    if (i % every === 0) {
      xAxis.append(svg('line', { x1: x + bw / 2, x2: x + bw / 2, y1: top + plotH, y2: top + plotH + 4, stroke: '#667085' }),
        svg('text', { x: x + bw / 2, y: height - bottom + 18, 'text-anchor': 'middle', class: 'tick month' }, b.label));
    }
  });
  root.append(yAxis, xAxis);
  return root;
}
