// Reading events: mentions, merged events and contested ones, with one event filter (src/filter.ts)
// for every face. The store finds the matching mentions; the merge (pure) groups them here.
import { dateBounds } from '../date-values.js';
import { checkEventFilter } from '../filter/check.js';
import type { EventFilter } from '../filter/index.js';
import { DENIAL_WINDOW_DAYS, mergeEvents } from '../merge/index.js';
import type { Event, MergedEvent } from '../model.js';
import type { MentionFilter, Store } from '../store/types.js';
import { geoOf } from './places.js';

/** Applies limit/offset to a list built in memory (after the merge). */
function page<T>(items: T[], { limit, offset }: EventFilter): T[] {
  const start = offset ?? 0;
  return items.slice(start, limit === undefined ? undefined : start + limit);
}

/** Every mention matching the filter (no paging), merged with the articles' syndication links. */
async function merge(store: Store, filter: MentionFilter): Promise<{ events: Event[]; merged: MergedEvent[] }> {
  const { limit: _limit, offset: _offset, ...unpaged } = filter;
  const [events, duplicates] = await Promise.all([store.events(unpaged), store.duplicateLinks()]);
  const rootOf = (id: string): string => {
    // Syndication chains are short; the bound guards against a cycle in bad data.
    let at = id;
    for (let i = 0; i < 32 && duplicates.has(at); i++) at = duplicates.get(at)!;
    return at;
  };
  const merged = mergeEvents(events, (id) => duplicates.get(id) ?? null);
  await countOutlets(store, merged, events, rootOf);
  return { events, merged };
}

/**
 * As GDELT counts them: NumArticles the distinct articles (syndicated copies once), NumSources the
 * distinct outlets among them. An article whose outlet is unknown counts as a source of its own,
 * so NumSources never exceeds NumArticles.
 */
async function countOutlets(store: Store, merged: MergedEvent[], events: Event[], rootOf: (id: string) => string): Promise<void> {
  const articleOf = new Map(events.map((e) => [e.id, e.article]));
  const byId = new Map(events.map((e) => [e.id, e]));
  const roots = new Set(events.map((e) => rootOf(e.article)));
  const outlets = store.outlets ? await store.outlets([...roots]) : new Map<string, string | null>();
  for (const m of merged) {
    const articles = new Set(m.mentions.map((id) => rootOf(articleOf.get(id) ?? id)));
    m.article_count = articles.size;
    m.source_count = new Set([...articles].map((a) => outlets.get(a) ?? `article:${a}`)).size;
    m.geo = null;
    for (const id of m.mentions) {
      const e = byId.get(id);
      const place = e ? geoOf(e) : null;
      if (place) {
        m.geo = place;
        break;
      }
    }
  }
}

/** Event mentions; with `contested`, only the mentions of merged events whose sources disagree. */
export async function listEvents(store: Store, filter: EventFilter = {}): Promise<Event[]> {
  const { contested, ...mentions } = filter;
  if (!contested) return store.events(mentions);
  checkEventFilter(filter);
  const { events, merged } = await merge(store, mentions);
  const ids = new Set(merged.filter((m) => m.contested).flatMap((m) => m.mentions));
  return page(
    events.filter((e) => ids.has(e.id)),
    filter,
  );
}

/** Mentions merged into events (see src/merge); with `contested`, only those whose sources disagree. */
export async function listMerged(store: Store, filter: EventFilter = {}): Promise<MergedEvent[]> {
  checkEventFilter(filter);
  const { contested, ...mentions } = filter;
  const { merged } = await merge(store, mentions);
  return page(contested ? merged.filter((m) => m.contested) : merged, filter);
}

/** How many mentions match (paging ignored); with `contested`, how many belong to contested events. */
export async function countEvents(store: Store, filter: EventFilter = {}): Promise<number> {
  const { limit: _l, offset: _o, ...unpaged } = filter;
  if (unpaged.contested) return (await listEvents(store, unpaged)).length;
  const { contested: _c, ...mentions } = unpaged;
  if (store.countEvents) return store.countEvents(mentions);
  return (await scanEvents(store, mentions)).events.length;
}

/** For `demarche events --contested` and the API: merged events where sources disagree. */
export function listContested(store: Store, filter: EventFilter = {}): Promise<MergedEvent[]> {
  return listMerged(store, { ...filter, contested: true });
}

/** Large pages: each page is one query, and OFFSET paging re-skips earlier rows. */
const SCAN_PAGE = 20_000;
/** Hard cap on events one request may aggregate (a timeline of a busy dyad stays bounded). */
export const MAX_SCAN = 100_000;

/**
 * More than one page of mentions: the store pages with limit/offset and may cap the page size
 * itself, so pages are asked for until one comes back empty, up to `cap`.
 */
export async function scanEvents(store: Store, filter: MentionFilter, cap = MAX_SCAN): Promise<{ events: Event[]; truncated: boolean }> {
  const events: Event[] = [];
  for (let offset = 0; events.length < cap; ) {
    const batch = await store.events({ ...filter, limit: Math.min(SCAN_PAGE, cap - events.length), offset });
    if (batch.length === 0) return { events, truncated: false };
    events.push(...batch);
    offset += batch.length;
  }
  return { events, truncated: true };
}

/** The event mentions coded from one article. */
export async function eventsOfArticle(store: Store, articleId: string): Promise<Event[]> {
  return (await scanEvents(store, { article: articleId }, 10_000)).events;
}

const DAY_MS = 86_400_000;
const shiftDays = (ymd: string, days: number): string => new Date(Date.parse(ymd) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The merged event this mention belongs to. Merging only the same dyad and type around the date
 * (wide enough for a denial weeks after the claim) gives the same cluster as merging everything,
 * without reading the whole store.
 */
export async function mergedEventOf(store: Store, e: Event): Promise<MergedEvent | null> {
  const bounds = dateBounds(e.date);
  const margin = DENIAL_WINDOW_DAYS + 2;
  const candidates = await listMerged(store, {
    dyad: [e.source, e.target],
    type: e.type,
    ...(bounds ? { since: shiftDays(bounds.lo, -margin), until: shiftDays(bounds.hi, margin) } : {}),
  });
  return candidates.find((m) => m.mentions.includes(e.id)) ?? null;
}

/** One mention with its article's citation fields and its merged event (null if it cannot be merged). */
export async function eventDetail(store: Store, id: string) {
  const event = await store.getEvent(id);
  if (!event) return null;
  const article = await store.getArticle(event.article);
  const merged = await mergedEventOf(store, event).catch(() => null);
  return {
    event,
    article: article && {
      id: article.id, title: article.title, url: article.url, published: article.published,
      source: article.source, duplicate_of: article.duplicate_of,
    },
    merged,
  };
}
