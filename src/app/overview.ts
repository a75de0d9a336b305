// The analyst's overview, map and network: aggregates over the mentions matching one filter (the
// facets the UI clicks: type, country, outlet, dates, confidence). The store hands over one light
// row per mention (Store.eventFacts, no evidence text), and everything is counted here.
import { dateBounds } from '../date-values.js';
import { checkEventFilter } from '../filter/check.js';
import { actorName } from '../stages/actors/index.js';
import { isActorCode } from '../store/shared.js';
import type { EventFact, MentionFilter, Store } from '../store/types.js';
import type { Place } from '../model.js';
import { dyadParty } from './dyads.js';
import { scanEvents } from './events.js';
import { geoOf, placeKey } from './places.js';

/**
 * Every stored mention's facts, per store, kept until the store's counts change: reading them
 * costs a scan of the events table (a few hundred milliseconds for 30,000 mentions), filtering and
 * counting them in memory a few milliseconds. Each reader thread keeps its own.
 */
const cached = new WeakMap<Store, { key: string; facts: Promise<EventFact[]> }>();

async function allFacts(store: Store & Required<Pick<Store, 'eventFacts'>>): Promise<EventFact[]> {
  const c = await store.counts();
  const key = `${c.articles}:${c.events}`;
  let entry = cached.get(store);
  if (!entry || entry.key !== key) {
    entry = { key, facts: store.eventFacts({}) };
    cached.set(store, entry);
    entry.facts.catch(() => cached.delete(store));
  }
  return entry.facts;
}

/** The filter fields the cached facts can answer; the others (names, words, one article) go to the store. */
function inMemory(filter: MentionFilter): boolean {
  return !filter.text && !filter.article && (!filter.actor || isActorCode(filter.actor.trim()));
}

/** The store's filter (store/shared.ts eventWhere) over facts: codes as prefixes, dates as periods that overlap. */
export function factMatches(filter: MentionFilter): (f: EventFact) => boolean {
  const actor = filter.actor?.trim().toUpperCase();
  const dyad = filter.dyad?.map((c) => c.trim().toUpperCase());
  const type = filter.type?.trim().toUpperCase();
  const since = filter.since ? dateBounds(filter.since)!.lo : null;
  const until = filter.until ? dateBounds(filter.until)!.hi : null;
  const outlet = filter.outlet?.trim();
  return (f) => {
    if (actor && !(f.source.startsWith(actor) || f.target.startsWith(actor))) return false;
    if (dyad && !((f.source.startsWith(dyad[0]!) && f.target.startsWith(dyad[1]!)) || (f.source.startsWith(dyad[1]!) && f.target.startsWith(dyad[0]!)))) return false;
    if (type && f.type !== type) return false;
    if (since !== null || until !== null) {
      const b = dateBounds(f.date);
      if (!b || (since !== null && b.hi < since) || (until !== null && b.lo > until)) return false;
    }
    if (filter.min_confidence !== undefined && f.confidence < filter.min_confidence) return false;
    if (outlet && f.outlet !== outlet) return false;
    return true;
  };
}

/** The mentions' facts: from the store's light query, else (a store without one) from the events. */
export async function eventFacts(store: Store, filter: MentionFilter): Promise<EventFact[]> {
  const { limit: _l, offset: _o, contested: _c, ...unpaged } = filter as MentionFilter & { contested?: boolean };
  checkEventFilter(unpaged);
  if (store.eventFacts && inMemory(unpaged)) {
    const all = await allFacts(store as Store & Required<Pick<Store, 'eventFacts'>>);
    return Object.keys(unpaged).length ? all.filter(factMatches(unpaged)) : all;
  }
  if (store.eventFacts) return store.eventFacts(unpaged);
  const { events } = await scanEvents(store, unpaged);
  return events.map((e) => ({
    id: e.id, article: e.article, source: e.source, target: e.target, type: e.type, date: e.date, confidence: e.confidence,
    goldstein: e.goldstein, negated: e.negated, hypothetical: e.hypothetical, location: e.location, geo: e.geo, outlet: null,
  }));
}

/** Denied and only possible events did not happen: they have no Goldstein score in any aggregate. */
export const happened = (f: Pick<EventFact, 'negated' | 'hypothetical'>): boolean => !f.negated && !f.hypothetical;

const monthOf = (date: string | null): string | null => (date && date.length >= 7 ? date.slice(0, 7) : null);

/** Every month from the first to the last, YYYY-MM. */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let month = first; month <= last; ) {
    out.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
    month = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

export interface Count {
  value: string;
  count: number;
  /** A display name (a country's, an organisation's), when known. */
  name?: string;
}

export interface BalancePoint {
  period: string;
  /** Every mention of the month, denied and hypothetical ones included. */
  events: number;
  /** Those reported as having happened: the only ones with a Goldstein score. */
  happened: number;
  cooperation: number;
  conflict: number;
  /** Mean Goldstein of the events that happened; null when none did. */
  goldstein_mean: number | null;
}

export interface Overview {
  totals: { articles: number; events: number; happened: number; located: number; outlets: number };
  dyads: { a: string; b: string; a_name?: string; b_name?: string; count: number; spark: number[] }[];
  /** The months the dyads' sparklines cover (the last SPARK_MONTHS of the data). */
  spark_months: string[];
  facets: { type: Count[]; country: Count[]; outlet: Count[] };
  balance: BalancePoint[];
}

const TOP_DYADS = 12;
const TOP_FACETS = 30;
const SPARK_MONTHS = 24;
/** What an unknown outlet is listed as (a facet value cannot be null). */
export const UNKNOWN_OUTLET = '(unknown)';

function ranked(counts: Map<string, number>, top: number, nameOf?: (v: string) => string | null): Count[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([value, count]) => {
      const name = nameOf?.(value);
      return name ? { value, count, name } : { value, count };
    });
}

const bump = (m: Map<string, number>, k: string, by = 1): void => void m.set(k, (m.get(k) ?? 0) + by);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The parties of a mention: its source's and target's countries or organisations (unknown ones left out). */
function parties(f: EventFact): string[] {
  const a = dyadParty(f.source);
  const b = dyadParty(f.target);
  return [...new Set([a, b].filter((p): p is string => p !== null))];
}

export function buildOverview(facts: EventFact[]): Overview {
  const types = new Map<string, number>();
  const countries = new Map<string, number>();
  const outlets = new Map<string, number>();
  const dyads = new Map<string, { count: number; months: Map<string, number> }>();
  const months = new Map<string, { events: number; happened: number; cooperation: number; conflict: number; sum: number }>();
  const articles = new Set<string>();
  let happenedCount = 0;
  let located = 0;
  for (const f of facts) {
    articles.add(f.article);
    bump(types, f.type);
    bump(outlets, f.outlet ?? UNKNOWN_OUTLET);
    const ps = parties(f);
    for (const p of ps) bump(countries, p);
    const month = monthOf(f.date);
    if (ps.length === 2) {
      const key = ps[0]! < ps[1]! ? `${ps[0]},${ps[1]}` : `${ps[1]},${ps[0]}`;
      let d = dyads.get(key);
      if (!d) dyads.set(key, (d = { count: 0, months: new Map() }));
      d.count++;
      if (month) bump(d.months, month);
    }
    if (geoOf(f)) located++;
    const did = happened(f);
    if (did) happenedCount++;
    if (month) {
      let p = months.get(month);
      if (!p) months.set(month, (p = { events: 0, happened: 0, cooperation: 0, conflict: 0, sum: 0 }));
      p.events++;
      if (did) {
        p.happened++;
        p.sum += f.goldstein;
        if (f.goldstein > 0) p.cooperation++;
        else if (f.goldstein < 0) p.conflict++;
      }
    }
  }
  const allMonths = [...months.keys()].sort();
  const span = allMonths.length ? monthRange(allMonths[0]!, allMonths[allMonths.length - 1]!) : [];
  const sparkMonths = span.slice(-SPARK_MONTHS);
  const balance = span.map((period) => {
    const p = months.get(period) ?? { events: 0, happened: 0, cooperation: 0, conflict: 0, sum: 0 };
    return { period, events: p.events, happened: p.happened, cooperation: p.cooperation, conflict: p.conflict, goldstein_mean: p.happened ? round2(p.sum / p.happened) : null };
  });
  const topDyads = [...dyads]
    .sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1))
    .slice(0, TOP_DYADS)
    .map(([key, d]) => {
      const [a, b] = key.split(',') as [string, string];
      const names = { a_name: actorName(a) ?? undefined, b_name: actorName(b) ?? undefined };
      return { a, b, ...names, count: d.count, spark: sparkMonths.map((m) => d.months.get(m) ?? 0) };
    });
  return {
    totals: { articles: articles.size, events: facts.length, happened: happenedCount, located, outlets: [...outlets.keys()].filter((o) => o !== UNKNOWN_OUTLET).length },
    dyads: topDyads,
    spark_months: sparkMonths,
    facets: {
      type: ranked(types, TOP_FACETS),
      country: ranked(countries, TOP_FACETS, actorName),
      outlet: ranked(outlets, TOP_FACETS),
    },
    balance,
  };
}

export interface MapPoint extends Place {
  /** placeKey of name + country: what /api/map/events?place= takes. */
  key: string;
  count: number;
  /** Mentions there that happened, and their mean Goldstein (null when none did). */
  happened: number;
  goldstein_mean: number | null;
}

export interface MapAnswer {
  points: MapPoint[];
  total: number;
  located: number;
}

/** The key of a place on the map: its name and country (two "San Miguel"s are two points). */
export const mapKey = (p: Place): string => `${p.country}:${placeKey(p.name)}`;

export function buildMap(facts: EventFact[]): MapAnswer {
  const points = new Map<string, MapPoint & { sum: number }>();
  let located = 0;
  for (const f of facts) {
    const place = geoOf(f);
    if (!place) continue;
    located++;
    const key = mapKey(place);
    let p = points.get(key);
    if (!p) points.set(key, (p = { ...place, key, count: 0, happened: 0, goldstein_mean: null, sum: 0 }));
    p.count++;
    if (happened(f)) {
      p.happened++;
      p.sum += f.goldstein;
    }
  }
  return {
    points: [...points.values()]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
      .map(({ sum, ...p }) => ({ ...p, goldstein_mean: p.happened ? round2(sum / p.happened) : null })),
    total: facts.length,
    located,
  };
}

/** The ids of the mentions placed at `key` (a MapPoint's), in the store's order. */
export function idsAtPlace(facts: EventFact[], key: string): string[] {
  return facts.filter((f) => {
    const p = geoOf(f);
    return p !== null && mapKey(p) === key;
  }).map((f) => f.id);
}

export interface NetworkAnswer {
  nodes: { id: string; name?: string; count: number }[];
  edges: { a: string; b: string; count: number; happened: number; cooperation: number; conflict: number; goldstein_mean: number | null }[];
  /** Mentions between two known parties (the edges' total) and all matching mentions. */
  linked: number;
  total: number;
}

const TOP_NODES = 40;

/** Parties as nodes (the TOP_NODES busiest), their pairs' mentions as edges. */
export function buildNetwork(facts: EventFact[], top = TOP_NODES): NetworkAnswer {
  const nodeCounts = new Map<string, number>();
  for (const f of facts) for (const p of parties(f)) bump(nodeCounts, p);
  const kept = new Set(ranked(nodeCounts, top).map((c) => c.value));
  const edges = new Map<string, { count: number; happened: number; cooperation: number; conflict: number; sum: number }>();
  let linked = 0;
  for (const f of facts) {
    const ps = parties(f);
    if (ps.length !== 2 || !ps.every((p) => kept.has(p))) continue;
    linked++;
    const key = ps[0]! < ps[1]! ? `${ps[0]},${ps[1]}` : `${ps[1]},${ps[0]}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { count: 0, happened: 0, cooperation: 0, conflict: 0, sum: 0 }));
    e.count++;
    if (happened(f)) {
      e.happened++;
      e.sum += f.goldstein;
      if (f.goldstein > 0) e.cooperation++;
      else if (f.goldstein < 0) e.conflict++;
    }
  }
  return {
    nodes: ranked(nodeCounts, top, actorName).map((c) => ({ id: c.value, ...(c.name ? { name: c.name } : {}), count: c.count })),
    edges: [...edges]
      .sort((x, y) => y[1].count - x[1].count)
      .map(([key, e]) => {
        const [a, b] = key.split(',') as [string, string];
        return { a, b, count: e.count, happened: e.happened, cooperation: e.cooperation, conflict: e.conflict, goldstein_mean: e.happened ? round2(e.sum / e.happened) : null };
      }),
    linked,
    total: facts.length,
  };
}
