// GET /api/dyads (the busiest country pairs, for the picker) and GET /api/dyads/:a/:b/timeline.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.js';
import { codeParam, parse, timelineQuerySchema } from '../params.js';
import { scanEvents } from '../scan.js';
import { buildTimeline } from '../timeline.js';

export interface DyadCount {
  a: string;
  b: string;
  count: number;
}

/** Events scanned to rank dyads; enough to find the busy pairs without reading a huge store. */
const DYAD_SCAN = 50_000;
const DYAD_REFRESH_MS = 10_000;
const TIMELINE_CACHE = 64;

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

export function dyadRoutes(app: FastifyInstance, store: Store): void {
  // Ranking scans events, so it is cached until the number of stored events changes, and during
  // a running ingest recomputed at most every DYAD_REFRESH_MS.
  let cache: { events: number; at: number; dyads: DyadCount[] } | null = null;

  app.get('/api/dyads', async () => {
    const { events: n } = await store.counts();
    if (!cache || (cache.events !== n && Date.now() - cache.at > DYAD_REFRESH_MS)) {
      const { events } = await scanEvents(store, {}, DYAD_SCAN);
      cache = { events: n, at: Date.now(), dyads: rankDyads(events) };
    }
    return { items: cache.dyads };
  });

  // Timelines are cached per query until the number of stored events changes (the chart reloads
  // the same one whenever the user goes back to it).
  const timelines = new Map<string, { events: number; body: object }>();

  app.get('/api/dyads/:a/:b/timeline', async (req) => {
    const params = req.params as { a: string; b: string };
    const a = parse(codeParam, params.a, 'a');
    const b = parse(codeParam, params.b, 'b');
    const q = parse(timelineQuerySchema, req.query);
    const key = JSON.stringify([a, b, q]);
    const { events: n } = await store.counts();
    const hit = timelines.get(key);
    if (hit && hit.events === n) return hit.body;
    const { events, truncated } = await scanEvents(store, {
      dyad: [a, b],
      ...(q.type ? { type: q.type } : {}),
      ...(q.since ? { since: q.since } : {}),
      ...(q.until ? { until: q.until } : {}),
    });
    const body = { a, b, ...buildTimeline(events, [a, b], q.bucket), truncated };
    if (timelines.size >= TIMELINE_CACHE) timelines.delete(timelines.keys().next().value!);
    timelines.set(key, { events: n, body });
    return body;
  });
}
