// Dyads: the busiest country pairs (the web UI's picker) and one pair's events per period (its chart).
import type { PloverType } from '../model.js';
import { buildTimeline, type Bucket, type Timeline } from '../report/timeline.js';
import type { Store } from '../store/types.js';
import { scanEvents } from './events.js';

export interface DyadCount {
  a: string;
  b: string;
  count: number;
}

/** Events scanned to rank dyads; enough to find the busy pairs without reading a huge store. */
const DYAD_SCAN = 50_000;

/** Country-level pairs (first three letters of each code), unordered, busiest first. */
export function rankDyads(pairs: Iterable<{ source: string; target: string }>, top = 50): DyadCount[] {
  const counts = new Map<string, number>();
  for (const { source, target } of pairs) {
    const a = source.slice(0, 3).toUpperCase();
    const b = target.slice(0, 3).toUpperCase();
    if (a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => {
      const [a, b] = key.split(',');
      return { a, b, count };
    })
    .sort((x, y) => y.count - x.count || (x.a + x.b < y.a + y.b ? -1 : 1))
    .slice(0, top);
}

/** The busiest pairs among the first DYAD_SCAN stored mentions. */
export async function busiestDyads(store: Store): Promise<DyadCount[]> {
  return rankDyads((await scanEvents(store, {}, DYAD_SCAN)).events);
}

export interface TimelineQuery {
  bucket: Bucket;
  type?: PloverType;
  since?: string;
  until?: string;
}

/** The pair's mentions per period, and whether there were more than one request may aggregate. */
export async function dyadTimeline(store: Store, a: string, b: string, q: TimelineQuery): Promise<Timeline & { a: string; b: string; truncated: boolean }> {
  const { events, truncated } = await scanEvents(store, {
    dyad: [a, b],
    ...(q.type ? { type: q.type } : {}),
    ...(q.since ? { since: q.since } : {}),
    ...(q.until ? { until: q.until } : {}),
  });
  return { a, b, ...buildTimeline(events, [a, b], q.bucket), truncated };
}
