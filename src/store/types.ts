// The storage contract. SQLite (embedded default) and PostgreSQL (server mode) both implement it,
// and one test suite runs against both. Every method is async so the two are interchangeable.
import type { Article, Event, MergedEvent } from '../model.js';

export interface EventFilter {
  /** Actor code or code prefix (e.g. "RUS" matches RUSGOV) on either side, or a person's name. */
  actor?: string;
  /** Two codes/prefixes; matches either direction. */
  dyad?: [string, string];
  type?: string;
  /** Only the mentions coded from this article. */
  article?: string;
  since?: string;
  until?: string;
  contested?: boolean;
  limit?: number;
  offset?: number;
}

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
  events(filter?: EventFilter): Promise<Event[]>;
  getEvent(id: string): Promise<Event | null>;
  /** Events merged across articles (see src/merge). */
  mergedEvents(filter?: EventFilter): Promise<MergedEvent[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  counts(): Promise<{ articles: number; events: number }>;
  close(): Promise<void>;
}
