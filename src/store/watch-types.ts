// What `demarche watch` keeps in the store, so that a restart (or the next cron run) resumes where
// the last one stopped: each feed's validators and failures, each article page seen in a feed and
// whether it is stored yet, the rounds, and the saved alerts with the hits they found.
import type { EventFilter } from '../filter/index.js';
import type { Event, MergedEvent } from '../model.js';

export interface FeedState {
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  /** Last time it was asked for (ISO). */
  checked_at: string | null;
  /** Last time it answered with new content (ISO). */
  changed_at: string | null;
  /** 'ok', 'not-modified' or 'error' at the last check. */
  status: string | null;
  /** Failures in a row (0 after any success). */
  failures: number;
  error: string | null;
  /** Not asked again before this time (ISO; the server's Retry-After), or null. */
  retry_at: string | null;
  /** Pages seen in it so far. */
  pages: number;
  /** Hash of the last content read: a server that ignores validators but sends the same bytes changed nothing. */
  body_hash: string | null;
}

/** An article page a feed listed: its address, and what the feed said about it. */
export interface NewPage {
  /** The page address (canonical), or FEED#id for an item without a link. */
  url: string;
  feed: string;
  title: string | null;
  published: string | null;
  /** The full text the feed carries, kept until the page is stored (a fallback, and all there is without a link). */
  content: string | null;
}

/**
 * pending: to fetch (again); stored: its article is in the store (or already was); queued: handed
 * to the job queue (PostgreSQL); failed: given up, with the reason.
 */
export type PageState = 'pending' | 'stored' | 'queued' | 'failed';

export interface PageRow extends NewPage {
  state: PageState;
  article: string | null;
  attempts: number;
  error: string | null;
}

export interface RoundRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  /** The round's counts (app/watch.ts RoundSummary), null while it runs or when it was cut short. */
  summary: Record<string, unknown> | null;
}

export interface LockHolder {
  holder: string;
  host: string;
  pid: number;
  expires_at: string;
}

export interface WatchRepo {
  feed(url: string): Promise<FeedState | null>;
  feeds(): Promise<FeedState[]>;
  /**
   * A feed answered with content: its items are recorded as pending pages (those not seen before,
   * by any feed) and its validators saved, in one transaction. Resolves with the pages new to the store.
   */
  recordFeed(
    url: string,
    update: { title: string | null; etag: string | null; last_modified: string | null; body_hash: string | null },
    pages: NewPage[],
    now: string,
  ): Promise<number>;
  feedNotModified(url: string, now: string): Promise<void>;
  feedFailed(url: string, error: string, now: string, retryAt: string | null): Promise<void>;
  /** Pending pages due now (their retry time passed), oldest first. */
  duePages(now: string, limit: number): Promise<PageRow[]>;
  pageDone(url: string, outcome: { state: 'stored' | 'queued' | 'failed'; article: string | null; error: string | null }, now: string): Promise<void>;
  /** A transient failure: tried again from `nextAt`; after `maxAttempts` attempts it is failed. */
  pageRetry(url: string, error: string, nextAt: string, maxAttempts: number): Promise<PageState>;
  pageCounts(): Promise<Record<PageState, number>>;
  startRound(now: string): Promise<number>;
  finishRound(id: number, summary: Record<string, unknown>, now: string): Promise<void>;
  rounds(limit: number): Promise<RoundRow[]>;
  /** Event mention ids of articles stored after `since` (ISO), newest first, at most `limit`. */
  eventsStoredSince(since: string, limit: number): Promise<string[]>;
  /**
   * Takes the watch lease (one watch process per database) when free, expired, or held by `me`
   * already; `takeover` also takes it from that exact holder (a process known to be dead).
   * Resolves with null when taken, else with who holds it.
   */
  lock(me: LockHolder, takeover?: string): Promise<LockHolder | null>;
  unlock(holder: string): Promise<void>;
}

/** An alert's filter: the one event filter (src/filter), without paging. */
export type AlertFilter = Omit<EventFilter, 'limit' | 'offset' | 'article'>;

export interface AlertRow {
  id: number;
  name: string;
  filter: AlertFilter;
  webhook: string | null;
  created_at: string;
  /** Articles stored up to this insertion number were there before the alert: never new to it. */
  baseline_seq: number;
  hits: number;
  last_hit_at: string | null;
}

/** What an alert found: a new merged event and the articles that report it. */
export interface HitPayload {
  alert: string;
  hit: string;
  found_at: string;
  event: MergedEvent;
  articles: { id: string; title: string | null; url: string | null; published: string | null; duplicate_of: string | null }[];
}

export interface NewHit {
  id: string;
  alert_id: number;
  payload: HitPayload;
  /** The event mentions this hit covers: a later mention of the same event is no new hit. */
  mentions: string[];
  webhook: boolean;
}

export interface HitRow {
  id: string;
  alert: string;
  webhook: string | null;
  payload: HitPayload;
  printed: boolean;
  /** none: no webhook; pending: to send (again); sent; failed: given up. */
  webhook_state: 'none' | 'pending' | 'sent' | 'failed';
  webhook_attempts: number;
  webhook_error: string | null;
}

export interface AlertRepo {
  /** Throws an Error saying so when the name is taken. */
  add(name: string, filter: AlertFilter, webhook: string | null, now: string): Promise<AlertRow>;
  list(): Promise<AlertRow[]>;
  get(name: string): Promise<AlertRow | null>;
  /** Removes the alert and its hits; false when there was none of that name. */
  remove(name: string): Promise<boolean>;
  /** Articles stored since the last scan (while at least one alert exists), oldest first. */
  unscanned(limit: number): Promise<{ id: string; seq: number }[]>;
  /** Of these articles, the ones not scanned yet, with their insertion numbers. */
  unscannedAmong(ids: string[]): Promise<Map<string, number>>;
  /** Mentions matching the filter in these articles. */
  mentionsIn(articleIds: string[], filter: Omit<EventFilter, 'contested'>): Promise<Event[]>;
  /** Of these mentions, those already covered by a hit of the alert. */
  covered(alertId: number, mentionIds: string[]): Promise<Set<string>>;
  /** One transaction: the hits recorded (a hit id already there is kept as it was), the articles marked scanned. */
  commitScan(scanned: string[], hits: NewHit[], now: string): Promise<number>;
  /** Hits not yet printed, in the order they were found. */
  unprinted(): Promise<HitRow[]>;
  markPrinted(ids: string[], now: string): Promise<void>;
  /** Hits whose webhook is due (pending, next attempt time passed). */
  webhooksDue(now: string): Promise<HitRow[]>;
  webhookResult(id: string, result: { ok: true } | { ok: false; error: string; nextAt: string; maxAttempts: number }, now: string): Promise<void>;
  /** Hits, newest first (of one alert, or all). */
  hits(opts: { alert?: string; limit: number; offset: number }): Promise<HitRow[]>;
}
