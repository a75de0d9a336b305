// Dyads: the busiest country pairs (the web UI's picker) and one pair's events per period (its chart).
import type { PloverType } from '../model.js';
import { buildTimeline, type Bucket, type Timeline } from '../report/timeline.js';
import type { Store } from '../store/types.js';
import { scanEvents } from './events.js';
import { actorName } from '../stages/actors/index.js';

export interface DyadCount {
  a: string;
  b: string;
  count: number;
  /** Display names of the two parties ("Russia", "NATO"), when known. */
  a_name?: string;
  b_name?: string;
}

/** Events scanned to rank dyads; enough to find the busy pairs without reading a huge store. */
const DYAD_SCAN = 50_000;

/** Organisations coded by a prefix (IGOUNO, NGOMSF, IMGMUSISI): the whole code is the party. */
const ORGANISATION_PREFIX = /^(IGO|NGO|IMG)/;

/**
 * The party a code belongs to in a dyad: its country (USAGOV -> USA), or the organisation itself
 * (IGOWSTNAT, IMGMUSISI), never a bare sector fragment ("IMG", "IGO"); null when the country is
 * unknown ("---COP").
 */
export function dyadParty(code: string): string | null {
  const c = code.toUpperCase();
  if (c.startsWith('---') || c.length < 3) return null;
  return ORGANISATION_PREFIX.test(c) ? c : c.slice(0, 3);
}

/** Parties' pairs (countries, organisations), unordered, busiest first; no pair of a party with itself. */
export function rankDyads(pairs: Iterable<{ source: string; target: string }>, top = 50, nameOf?: (party: string) => string | null): DyadCount[] {
  const counts = new Map<string, number>();
  for (const { source, target } of pairs) {
    const a = dyadParty(source);
    const b = dyadParty(target);
    if (!a || !b || a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => {
      const [a, b] = key.split(',') as [string, string];
      const names = nameOf ? { a_name: nameOf(a) ?? undefined, b_name: nameOf(b) ?? undefined } : {};
      return { a, b, count, ...names };
    })
    .sort((x, y) => y.count - x.count || (x.a + x.b < y.a + y.b ? -1 : 1))
    .slice(0, top);
}

/** The busiest pairs among the first DYAD_SCAN stored mentions. */
export async function busiestDyads(store: Store): Promise<DyadCount[]> {
  return rankDyads((await scanEvents(store, {}, DYAD_SCAN)).events, 50, actorName);
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
