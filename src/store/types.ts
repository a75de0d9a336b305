// The storage contract. SQLite (embedded default) and PostgreSQL (server mode) both implement it,
// and one test suite runs against both. Every method is async so the two are interchangeable.
// A store only persists and finds rows: merging mentions into events is app/'s work (src/merge).
import type { EventFilter } from '../filter/index.js';
import type { Article, Event } from '../model.js';
import type { AlertRepo, WatchRepo } from './watch-types.js';

export type { EventFilter } from '../filter/index.js';

/**
 * Which stored mentions to return: the event filter (src/filter.ts) except `contested`, which needs
 * the merge. Codes match as prefixes on source or target, names as a case-insensitive substring
 * of the actors; since/until compare the period a date covers; undated events fail any bound.
 */
export type MentionFilter = Omit<EventFilter, 'contested'>;

/** What `articles` lists: the article without its annotations. */
export interface ArticleRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  /** The clean text; only its opening characters when listed with `lead`. */
  text: string;
  duplicate_of: string | null;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** Cut each text to this many characters: a listing shows a line per article, not its body. */
  lead?: number;
}

export interface SearchHit {
  article: string;
  title: string | null;
  published: string | null;
  /** Short excerpt around the match. */
  snippet: string;
}

export interface Store {
  /** True when an article with this content-hash id is already stored (re-ingest is a no-op). */
  hasArticle(id: string): Promise<boolean>;
  /**
   * Store one processed article with its event mentions, atomically: either all of it is stored or
   * nothing is. Returns false (and writes nothing) when the id was already there.
   */
  saveArticle(article: Article, events: Event[], minhash?: Uint32Array): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(opts?: ListOptions): Promise<ArticleRow[]>;
  /** MinHash signatures of stored articles, for incremental near-duplicate detection. */
  minhashes(): Promise<{ id: string; signature: Uint32Array }[]>;
  /** Matching mentions, by date (undated last) then id, paged with limit/offset. */
  events(filter?: MentionFilter): Promise<Event[]>;
  getEvent(id: string): Promise<Event | null>;
  /** Article id -> the article it is a syndicated copy of, for every stored copy (the merge counts sources with it). */
  duplicateLinks(): Promise<Map<string, string>>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  counts(): Promise<{ articles: number; events: number }>;
  /** Feed state, pages and rounds of `demarche watch` (watch-types.ts). */
  readonly watch: WatchRepo;
  /** Saved alerts and their hits (watch-types.ts). */
  readonly alerts: AlertRepo;
  close(): Promise<void>;
}
