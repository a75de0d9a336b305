// Grouping event mentions that describe the same real event. Pure; see docs in src/merge/index.ts.
import type { Event, PloverType } from '../model.js';
import { dateBounds, dayNumber } from '../date-values.js';

/**
 * Types whose direction carries no meaning for "the same event": when Kerry and Lavrov meet, the
 * US side reports USA->RUS and the Russian side RUS->USA. Everything else (ACCUSE, REQUEST,
 * SANCTION...) is directed: RUS accusing USA is a different event from USA accusing RUS.
 */
const UNDIRECTED: ReadonlySet<PloverType> = new Set<PloverType>(['CONSULT', 'AGREE', 'COOPERATE']);

/** Same type + same dyad (unordered for UNDIRECTED types). */
export function mergeKey(e: Event): string {
  if (UNDIRECTED.has(e.type) && e.target < e.source) return `${e.type}|${e.target}|${e.source}`;
  return `${e.type}|${e.source}|${e.target}`;
}

/** Mentions of one real event, as they are being collected. */
export interface Cluster {
  mentions: Event[];
  /** Day number the cluster was founded on (its earliest day-precise mention), or null. */
  day: number | null;
  /** The date value the cluster was founded on (day, month, year) or null. */
  dateValue: string | null;
  location: string | null;
  /** Original articles (syndication roots) contributing mentions. */
  roots: Set<string>;
}

function newCluster(e: Event, root: string): Cluster {
  return { mentions: [e], day: dayNumber(e.date), dateValue: e.date, location: e.location, roots: new Set([root]) };
}

export function locationCompatible(c: Cluster, location: string | null): boolean {
  return location === null || c.location === null || c.location.toLowerCase() === location.toLowerCase();
}

/**
 * The clusters of one merge key with the indexes lookups need, so that clustering stays
 * O(n log n): day clusters in day order (binary search), coarse clusters by value, and every
 * cluster by the original articles it holds.
 */
export class ClusterSet {
  /** Founded on a day-precise date; created in day order, so sorted by day. */
  readonly byDay: Cluster[] = [];
  readonly coarse = new Map<string | null, Cluster[]>();
  readonly byRoot = new Map<string, Cluster[]>();

  found(e: Event, root: string): Cluster {
    const c = newCluster(e, root);
    if (c.day !== null) this.byDay.push(c);
    else pushTo(this.coarse, c.dateValue, c);
    pushTo(this.byRoot, root, c);
    return c;
  }

  join(c: Cluster, e: Event, root: string): void {
    c.mentions.push(e);
    if (!c.roots.has(root)) {
      c.roots.add(root);
      pushTo(this.byRoot, root, c);
    }
    if (c.location === null && e.location !== null) c.location = e.location;
  }

  /** Index of the first day cluster founded on or after `day`. */
  firstFrom(day: number): number {
    let lo = 0;
    let hi = this.byDay.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.byDay[mid].day as number) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Earliest day cluster inside [lo, hi] (YYYY-MM-DD) that `accept`s. */
  firstInPeriod(bounds: { lo: string; hi: string }, accept: (c: Cluster) => boolean): Cluster | undefined {
    const last = dayNumber(bounds.hi)!;
    for (let i = this.firstFrom(dayNumber(bounds.lo)!); i < this.byDay.length && this.byDay[i].day! <= last; i++) {
      if (accept(this.byDay[i])) return this.byDay[i];
    }
    return undefined;
  }

  all(): Cluster[] {
    return [...this.byDay, ...[...this.coarse.values()].flat()];
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Orders mentions by date (day-precise first by day, then coarse, then undated), then id. */
export function byDateThenId(a: Event, b: Event): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function precisionRank(e: Event): number {
  return e.date === null ? 2 : e.date.length === 10 ? 0 : 1;
}

/**
 * Clusters mentions sharing one merge key:
 * - day-precise dates join a cluster founded within one day, at a compatible location;
 * - month/year dates join the earliest day cluster inside their period, else a cluster of the
 *   same coarse value;
 * - undated mentions only join a cluster that already holds a mention from the same original
 *   article (an undated "the meeting" in the article that dated it), else the other undated
 *   mentions of that article.
 */
export function clusterMentions(mentions: Event[], rootOf: (article: string) => string): ClusterSet {
  // Day-precise mentions first, so coarse and undated ones find the day clusters already built.
  const sorted = [...mentions].sort((a, b) => precisionRank(a) - precisionRank(b) || byDateThenId(a, b));
  const set = new ClusterSet();
  for (const e of sorted) {
    const root = rootOf(e.article);
    const day = dayNumber(e.date);
    let home: Cluster | undefined;
    if (day !== null) {
      // Sorted by day, so only the most recent clusters can be within a day; scan from the end.
      const days = set.byDay;
      for (let i = days.length - 1; i >= 0 && day - (days[i].day as number) <= 1; i--) {
        if (locationCompatible(days[i], e.location)) home = days[i];
      }
    } else if (e.date !== null) {
      const bounds = dateBounds(e.date);
      home = bounds ? set.firstInPeriod(bounds, (c) => locationCompatible(c, e.location)) : undefined;
      home ??= set.coarse.get(e.date)?.find((c) => locationCompatible(c, e.location));
    } else {
      home = set.byRoot.get(root)?.find((c) => locationCompatible(c, e.location));
    }
    if (home) set.join(home, e, root);
    else set.found(e, root);
  }
  return set;
}
