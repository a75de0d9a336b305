// Reading articles: listings, one article with the spans a reader marks, full-text search, counts.
import type { ArticleRow, ListOptions, SearchHit, Store } from '../store/types.js';
import { eventsOfArticle } from './events.js';

/** A listing names untitled articles by their opening words; the whole text is one click away. */
export const LIST_LEAD_CHARS = 300;

/** Characters of opening text sent with an untitled search hit: enough for a one-line name. */
const HIT_LEAD_CHARS = 200;

/** Stored articles in the order they were stored (`lead`: only the opening characters of each text). */
export function listArticles(store: Store, opts: ListOptions = {}): Promise<ArticleRow[]> {
  return store.listArticles(opts);
}

/** The clean text with its entity spans and the evidence spans of its events; null when not stored. */
export async function articleDetail(store: Store, id: string) {
  const a = await store.getArticle(id);
  if (!a) return null;
  const events = await eventsOfArticle(store, id);
  // Tokens and sentences stay server-side: the reader needs only the text and the spans to mark.
  return {
    id: a.id, source: a.source, url: a.url, title: a.title, published: a.published,
    language: a.language, day_first: a.day_first, duplicate_of: a.duplicate_of, text: a.text,
    entities: a.entities.map(({ start, end, text, kind, name, code, country }) => ({ start, end, text, kind, name, code, country })),
    events: events
      .sort((x, y) => x.evidence.start - y.evidence.start)
      .map(({ evidence, ...e }) => ({ ...e, evidence: { start: evidence.start, end: evidence.end } })),
  };
}

/**
 * Full-text hits, ranked among the most recently stored matches (store.searchRanked: a query of
 * very common words answers fast and says it was cut). Plain-text and JSON Lines sources have no
 * title, and a list of "untitled" hits tells the reader nothing, so those hits carry the article's
 * opening words (only those: titled hits cost nothing).
 */
export async function searchArticles(
  store: Store,
  query: string,
  limit?: number,
  offset = 0,
): Promise<{ items: (SearchHit & { lead: string | null })[]; cut: boolean; ranked: number; total: number; offset: number; next_offset: number | null }> {
  const { hits, cut, ranked } = await store.searchRanked(query, { limit, offset, lead: HIT_LEAD_CHARS });
  // Every ranked article is a hit: the total is known (at least that many when the ranking was cut).
  const next = offset + hits.length;
  return { items: hits.map((h) => ({ ...h, lead: h.lead ?? null })), cut, ranked, total: ranked, offset, next_offset: next < ranked && hits.length > 0 ? next : null };
}

/** How many articles and event mentions are stored. */
export function counts(store: Store): Promise<{ articles: number; events: number }> {
  return store.counts();
}
