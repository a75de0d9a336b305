// A dated, chronological brief of one relationship (dyad): events with cited evidence,
// contradictions, and a monthly cooperation-conflict (Goldstein) line. Pure: app/brief.ts reads
// the merged events and their sources from the store.
import type { MergedEvent } from '../model.js';
import { describeContradiction, syndicationRoots } from '../merge/index.js';
import { monthOf } from '../date-values.js';

export type BriefFormat = 'md' | 'html';
export const BRIEF_FORMATS: readonly BriefFormat[] = ['md', 'html'];

export interface BriefOptions {
  dyad: [string, string];
  since?: string;
  until?: string;
}

/** What a citation needs from an article. */
export interface SourceRef {
  title: string | null;
  source: string;
  url: string | null;
  published: string | null;
  /** The article this one is a syndicated copy of, if any. */
  duplicate_of: string | null;
}

export interface BriefData {
  options: BriefOptions;
  /** YYYY-MM-DD the brief was generated. */
  generated: string;
  events: MergedEvent[];
  sources: Map<string, SourceRef>;
}

export interface MonthPoint {
  month: string;
  events: number;
  sum: number;
  mean: number;
}

/** An event some source says happened and nobody denies: the ones that count on the line. */
function undisputed(m: MergedEvent): boolean {
  return !m.contested && m.claims.some((c) => !c.negated);
}

/**
 * Goldstein per month over undisputed events, every month from the first to the last event month
 * (empty months are 0 so the line's spacing is true to time).
 */
export function monthlyGoldstein(events: MergedEvent[]): MonthPoint[] {
  const byMonth = new Map<string, { events: number; sum: number }>();
  for (const m of events) {
    const month = monthOf(m.date);
    if (month === null || !undisputed(m)) continue;
    const acc = byMonth.get(month) ?? { events: 0, sum: 0 };
    acc.events++;
    acc.sum += m.goldstein;
    byMonth.set(month, acc);
  }
  if (byMonth.size === 0) return [];
  const months = [...byMonth.keys()].sort();
  const points: MonthPoint[] = [];
  let [y, mo] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const month = `${y}-${String(mo).padStart(2, '0')}`;
    const acc = byMonth.get(month) ?? { events: 0, sum: 0 };
    points.push({ month, events: acc.events, sum: round1(acc.sum), mean: acc.events ? round1(acc.sum / acc.events) : 0 });
    if (month >= last) break;
    if (++mo > 12) [y, mo] = [y + 1, 1];
  }
  return points;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

const SPARK = '▁▂▃▄▅▆▇█';

/** Unicode sparkline of monthly sums, scaled between the lowest and highest month. */
export function sparkline(values: number[]): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => SPARK[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (SPARK.length - 1))]).join('');
}

type Claim = MergedEvent['claims'][number];

/**
 * Claims worth citing: a syndicated copy repeating the same sentence as its original is folded
 * into it (counted in `copies`) instead of being cited twice.
 */
export function citedClaims(m: MergedEvent, sources: Map<string, SourceRef>): { claim: Claim; copies: number }[] {
  const rootOf = syndicationRoots((id) => sources.get(id)?.duplicate_of ?? null);
  const cited = new Map<string, { claim: Claim; copies: number }>();
  for (const claim of m.claims) {
    const key = `${rootOf(claim.article)}\u0000${claim.negated}\u0000${claim.evidence.text}`;
    const seen = cited.get(key);
    if (seen) seen.copies++;
    else cited.set(key, { claim, copies: 0 });
  }
  return [...cited.values()];
}

function copiesNote(copies: number): string {
  if (copies === 0) return '';
  return ` (+${copies} syndicated ${copies === 1 ? 'copy' : 'copies'})`;
}

function headline(m: MergedEvent): string {
  const parts = [`${m.type} (${m.cameo})`, `${m.source} → ${m.target}`];
  if (m.mode) parts.push(m.mode);
  if (m.location) parts.push(m.location);
  return parts.join(' · ');
}

function status(m: MergedEvent): string | null {
  if (m.contested) return `CONTESTED: ${describeContradiction(m)}`;
  if (m.claims.every((c) => c.negated)) return 'DENIED';
  return null;
}

function claimVerb(c: MergedEvent['claims'][number]): string {
  if (c.claimed_by === null) return c.negated ? 'Reported as not happening' : 'Reported';
  return `${c.claimed_by} ${c.negated ? 'denies' : 'says'}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function tally(m: MergedEvent): string {
  return `${plural(m.mention_count, 'mention')}, ${plural(m.source_count, 'source')}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function counts(data: BriefData): string {
  const mentions = data.events.reduce((n, m) => n + m.mention_count, 0);
  const contested = data.events.filter((m) => m.contested).length;
  return `${plural(data.events.length, 'event')} (${contested} contested) from ${plural(data.sources.size, 'article')}, ${plural(mentions, 'mention')}`;
}

function period(o: BriefOptions): string {
  return `${o.since ?? 'the beginning'} to ${o.until ?? 'now'}`;
}

// ---------------------------------------------------------------- Markdown

/** Escapes Markdown syntax (and raw HTML) in article text. */
export function mdEscape(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

function mdSource(ref: SourceRef | undefined, article: string): string {
  if (!ref) return mdEscape(article);
  const where = [ref.url ? mdEscape(ref.url) : mdEscape(ref.source), ref.published].filter(Boolean).join(', ');
  // An untitled article is cited by where it came from alone, not by its path twice.
  return ref.title ? `*${mdEscape(ref.title)}* (${where})` : where;
}

export function renderMarkdown(data: BriefData): string {
  const [a, b] = data.options.dyad;
  const out: string[] = [
    `# Brief: ${mdEscape(a)} – ${mdEscape(b)}`,
    '',
    `Period: ${period(data.options)} · Generated ${data.generated} · ${counts(data)}`,
    '',
    '## Cooperation–conflict (Goldstein per month)',
    '',
  ];
  const points = monthlyGoldstein(data.events);
  if (points.length === 0) out.push('No dated, undisputed events in the period.', '');
  else {
    out.push(`\`${sparkline(points.map((p) => p.sum))}\` ${points[0].month} … ${points[points.length - 1].month} (sum per month; contested and denied events excluded)`, '');
    out.push('| Month | Events | Goldstein sum | Goldstein mean |', '|---|---:|---:|---:|');
    for (const p of points) if (p.events > 0) out.push(`| ${p.month} | ${p.events} | ${p.sum} | ${p.mean} |`);
    out.push('');
  }
  out.push('## Events', '');
  if (data.events.length === 0) out.push('No events found for this dyad and period.');
  for (const m of data.events) {
    const flag = status(m);
    out.push(
      `- **${m.date ?? 'undated'}** ${mdEscape(headline(m))} · ${tally(m)}` +
        (flag ? ` — **${mdEscape(flag)}**` : ''),
    );
    for (const { claim: c, copies } of citedClaims(m, data.sources)) {
      out.push(`  - ${mdEscape(claimVerb(c))}: “${mdEscape(c.evidence.text)}” — ${mdSource(data.sources.get(c.article), c.article)}${copiesNote(copies)}`);
    }
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- HTML

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Inline SVG: monthly Goldstein sums as a polyline around a zero line, with a y axis (its top,
 * zero and bottom values) and the months along the x axis (thinned to fit).
 */
export function svgLine(points: MonthPoint[], width = 640, height = 150): string {
  if (points.length === 0) return '';
  const [left, right, top, bottom] = [44, 12, 10, 28];
  const sums = points.map((p) => p.sum);
  const lo = Math.min(0, ...sums);
  const hi = Math.max(0, ...sums);
  const span = hi - lo || 1;
  const plotW = width - left - right;
  const x = (i: number) => left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => top + ((hi - v) * (height - top - bottom)) / span;
  const coords = points.map((p, i) => `${x(i).toFixed(1)},${y(p.sum).toFixed(1)}`).join(' ');
  const zero = y(0).toFixed(1);
  const tick = (v: number) => `<line x1="${left - 4}" y1="${y(v).toFixed(1)}" x2="${left}" y2="${y(v).toFixed(1)}" stroke="#667085"/>` +
    `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#667085">${round1(v)}</text>`;
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotW / 60))));
  const months = points
    .map((p, i) => (i % every === 0 ? `<text class="month" x="${x(i).toFixed(1)}" y="${height - 8}" text-anchor="middle" font-size="10" fill="#667085">${htmlEscape(p.month)}</text>` : ''))
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-label="Goldstein sum per month, ${htmlEscape(points[0].month)} to ${htmlEscape(points[points.length - 1].month)}">` +
    `<g class="axis y-axis"><line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#667085"/>${[...new Set([hi, 0, lo])].map(tick).join('')}` +
    `<text x="4" y="${top + 2}" font-size="10" fill="#667085" transform="rotate(90 4 ${top + 2})">Goldstein sum</text></g>` +
    `<g class="axis x-axis"><line x1="${left}" y1="${zero}" x2="${width - right}" y2="${zero}" stroke="#999" stroke-dasharray="4 3"/>${months}</g>` +
    `<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="${coords}"/>` +
    points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.sum).toFixed(1)}" r="2.5" fill="#1f5fa8"><title>${htmlEscape(p.month)}: ${p.sum} (${plural(p.events, 'event')})</title></circle>`).join('') +
    `</svg>`
  );
}

function htmlSource(ref: SourceRef | undefined, article: string): string {
  if (!ref) return htmlEscape(article);
  const name = `<cite>${htmlEscape(ref.title ?? ref.source)}</cite>`;
  const linked = ref.url && /^https?:\/\//i.test(ref.url) ? `<a href="${htmlEscape(ref.url)}">${name}</a>` : name;
  return `${linked}${ref.published ? ` (${htmlEscape(ref.published)})` : ''}`;
}

export function renderHtml(data: BriefData): string {
  const [a, b] = data.options.dyad;
  const title = `Brief: ${a} – ${b}`;
  const points = monthlyGoldstein(data.events);
  const items = data.events.map((m) => {
    const flag = status(m);
    const claims = citedClaims(m, data.sources)
      .map(({ claim: c, copies }) => `<li class="${c.negated ? 'denial' : 'claim'}">${htmlEscape(claimVerb(c))}: <q>${htmlEscape(oneLine(c.evidence.text))}</q> — ${htmlSource(data.sources.get(c.article), c.article)}${htmlEscape(copiesNote(copies))}</li>`)
      .join('');
    return (
      `<li><time>${htmlEscape(m.date ?? 'undated')}</time> <b>${htmlEscape(headline(m))}</b> · ${tally(m)}` +
      (flag ? ` <strong class="flag">${htmlEscape(flag)}</strong>` : '') +
      `<ul>${claims}</ul></li>`
    );
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${htmlEscape(title)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}time{font-variant-numeric:tabular-nums;color:#555}.flag{color:#a11}.denial{color:#a60}q{font-style:italic}li{margin:.4rem 0}</style>
</head><body>
<h1>${htmlEscape(title)}</h1>
<p>Period: ${htmlEscape(period(data.options))} · Generated ${htmlEscape(data.generated)} · ${htmlEscape(counts(data))}</p>
<h2>Cooperation–conflict (Goldstein sum per month)</h2>
${points.length ? `${svgLine(points)}<p>${htmlEscape(points[0].month)} … ${htmlEscape(points[points.length - 1].month)}; contested and denied events excluded.</p>` : '<p>No dated, undisputed events in the period.</p>'}
<h2>Events</h2>
${items.length ? `<ol>${items.join('\n')}</ol>` : '<p>No events found for this dyad and period.</p>'}
</body></html>
`;
}

export function renderBrief(data: BriefData, format: BriefFormat): string {
  return format === 'html' ? renderHtml(data) : renderMarkdown(data);
}
