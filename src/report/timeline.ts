// Events of a dyad grouped into day/week/month/year periods: the numbers behind the timeline chart.
// Pure functions over Event[]; app/dyads.ts reads the events from the store.
import type { Event } from '../model.js';

export type Bucket = 'day' | 'week' | 'month' | 'year';

export interface TimelinePoint {
  /** Period label: YYYY-MM-DD (day, and the Monday of a week), YYYY-MM, or YYYY. */
  period: string;
  /** First and last day of the period (inclusive), for since/until filters. */
  start: string;
  end: string;
  /** Every event mention in the period, negated and hypothetical ones included. */
  count: number;
  /** Mentions reported as having happened (not negated, not hypothetical): the Goldstein basis. */
  asserted: number;
  goldstein_sum: number;
  /** Mean Goldstein score of the asserted events, null when there are none. */
  goldstein_mean: number | null;
  /** How many went from the first actor of the dyad to the second, and back. */
  forward: number;
  backward: number;
  events: string[];
}

export interface Timeline {
  bucket: Bucket;
  points: TimelinePoint[];
  /** Events whose date is missing or coarser than the bucket (e.g. "2017" in a month view). */
  unplaced: { count: number; events: string[] };
  total: number;
}

/** Ids listed per period (the count is always exact). */
export const MAX_IDS_PER_POINT = 500;

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period an event date falls in, or null when the date is too coarse for the bucket. */
export function periodOf(date: string, bucket: Bucket): { period: string; start: string; end: string } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (bucket === 'year') return { period: m[1], start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  if (month === null) return null;
  if (bucket === 'month') {
    const p = `${m[1]}-${m[2]}`;
    return { period: p, start: `${p}-01`, end: `${p}-${pad(daysInMonth(year, month))}` };
  }
  if (day === null) return null;
  if (bucket === 'day') return { period: date, start: date, end: date };
  // ISO weeks start on Monday.
  const d = new Date(Date.UTC(year, month - 1, day));
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { period: ymd(monday), start: ymd(monday), end: ymd(sunday) };
}

/** True when the code is, or starts with, the prefix (RUS matches RUSGOV). */
const matches = (code: string, prefix: string): boolean => code.toUpperCase().startsWith(prefix.toUpperCase());

export function buildTimeline(events: Event[], dyad: [string, string], bucket: Bucket): Timeline {
  const byPeriod = new Map<string, TimelinePoint>();
  const unplaced: string[] = [];
  for (const e of events) {
    const p = e.date ? periodOf(e.date, bucket) : null;
    if (!p) {
      unplaced.push(e.id);
      continue;
    }
    let point = byPeriod.get(p.period);
    if (!point) {
      point = { ...p, count: 0, asserted: 0, goldstein_sum: 0, goldstein_mean: null, forward: 0, backward: 0, events: [] };
      byPeriod.set(p.period, point);
    }
    point.count++;
    if (point.events.length < MAX_IDS_PER_POINT) point.events.push(e.id);
    if (matches(e.source, dyad[0]) && matches(e.target, dyad[1])) point.forward++;
    else if (matches(e.source, dyad[1]) && matches(e.target, dyad[0])) point.backward++;
    if (!e.negated && !e.hypothetical) {
      point.asserted++;
      point.goldstein_sum += e.goldstein;
    }
  }
  const points = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  for (const p of points) {
    p.goldstein_sum = Math.round(p.goldstein_sum * 100) / 100;
    p.goldstein_mean = p.asserted ? Math.round((p.goldstein_sum / p.asserted) * 100) / 100 : null;
  }
  return { bucket, points, unplaced: { count: unplaced.length, events: unplaced.slice(0, MAX_IDS_PER_POINT) }, total: events.length };
}
