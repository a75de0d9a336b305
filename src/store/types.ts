// The storage contract. SQLite (embedded default) and PostgreSQL (server mode) both implement it,
// and one test suite runs against both. Every method is async so the two are interchangeable.
// A store only persists and finds rows: merging mentions into events is app/'s work (src/merge).
import type { EventFilter } from '../filter/index.js';
import type { Article, Event, Place, PloverType } from '../model.js';
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
  /** The text's opening characters when the article has no title (to be named by); else null. */
  lead?: string | null;
}

/** A stored article as near-duplicate marking sees it; signature null: not checked yet (the queue's marker will). */
export interface StoredSignature {
  /** Insertion counter: later articles have larger values. */
  seq: number;
  id: string;
  signature: Uint32Array | null;
  duplicate_of: string | null;
}

/**
 * Near-duplicate marking of one article, run by the store inside the transaction that saves it
 * (saveMarked), with the store's write lock held: so with several writers on one store each
 * article is compared with every article committed before it, exactly as one writer would.
 * The store calls: learn(articles stored after cursor()), giveText(id, text) for each of
 * textsNeeded(), decide(), and stored(seq) once the article is saved.
 */
export interface DuplicateMarking {
  cursor(): number;
  learn(rows: StoredSignature[]): void;
  textsNeeded(): string[];
  giveText(id: string, text: string): void;
  decide(): { duplicate_of: string | null; signature: Uint32Array };
  stored(seq: number): void;
}

/** Full-text hits and whether ranking was limited to a bounded set of candidates. */
export interface SearchResult {
  hits: SearchHit[];
  /**
   * True when more articles matched than were ranked: the hits are the best of the
   * `candidates` most recently stored matches (a query of very common words stays fast).
   */
  cut: boolean;
  /** How many matching articles were ranked. */
  ranked: number;
}

export interface SearchOptions {
  limit?: number;
  /** Hits to skip (paging through the ranked hits). */
  offset?: number;
  /** Most matching articles ranked (the most recently stored ones); default DEFAULT_SEARCH_CANDIDATES. */
  candidates?: number;
  /** Give untitled hits this many opening characters of their text as `lead`. */
  lead?: number;
}

/** Matching articles ranked per search by default: enough for any specific query, bounded for "the". */
export const DEFAULT_SEARCH_CANDIDATES = 2000;

/** What aggregates (overview, map, network) need of one mention, without its evidence text. */
export interface EventFact {
  id: string;
  article: string;
  source: string;
  target: string;
  type: PloverType;
  date: string | null;
  confidence: number;
  goldstein: number;
  negated: boolean;
  hypothetical: boolean;
  location: string | null;
  /** As stored: undefined for events stored before places existed. */
  geo: Place | null | undefined;
  /** The article's outlet, null when unknown. */
  outlet: string | null;
}

export interface Store {
  /** True when an article with this content-hash id is already stored (re-ingest is a no-op). */
  hasArticle(id: string): Promise<boolean>;
  /**
   * Store one processed article with its event mentions, atomically: either all of it is stored or
   * nothing is. Returns false (and writes nothing) when the id was already there.
   */
  saveArticle(article: Article, events: Event[], minhash?: Uint32Array): Promise<boolean>;
  /**
   * saveArticle with near-duplicate marking in the same write transaction: the article's
   * duplicate_of and signature are those the marking decides. Returns false when the id was
   * already stored. (Optional so test doubles can leave it out; both backends have it.)
   */
  saveMarked?(article: Article, events: Event[], marking: DuplicateMarking): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(opts?: ListOptions): Promise<ArticleRow[]>;
  /** MinHash signatures of stored articles, for incremental near-duplicate detection. */
  minhashes(): Promise<StoredSignature[]>;
  /** Matching mentions, by date (undated last) then id, paged with limit/offset. */
  events(filter?: MentionFilter): Promise<Event[]>;
  getEvent(id: string): Promise<Event | null>;
  /** Article id -> the article it is a syndicated copy of, for every stored copy (the merge counts sources with it). */
  duplicateLinks(): Promise<Map<string, string>>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** search() saying whether ranking was cut to the most recent matches (SearchResult). */
  searchRanked(query: string, opts?: SearchOptions): Promise<SearchResult>;
  counts(): Promise<{ articles: number; events: number }>;
  /**
   * The facts of every mention matching the filter (no paging), for aggregates: one light row each,
   * read without the evidence. Optional so test doubles can leave it out (app/ then reads events).
   */
  eventFacts?(filter: MentionFilter): Promise<EventFact[]>;
  /** How many mentions match the filter (paging ignored). Optional as eventFacts. */
  countEvents?(filter: MentionFilter): Promise<number>;
  /** Article id -> its outlet (null when unknown), for the given ids. Optional as eventFacts. */
  outlets?(ids: string[]): Promise<Map<string, string | null>>;
  /** Feed state, pages and rounds of `demarche watch` (watch-types.ts). */
  readonly watch: WatchRepo;
  /** Saved alerts and their hits (watch-types.ts). */
  readonly alerts: AlertRepo;
  close(): Promise<void>;
}
