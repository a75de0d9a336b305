// A watch round: every feed asked for what is new (concurrently, politely), every pending page
// fetched and handed to the sink (pipeline or queue), then the alerts look at what was stored.
// Feeds and pages fail one at a time, reported and never stopping the others; only the store
// failing ends a round. State lives in the store (store/watch-types.ts), so a round cut short
// (Ctrl-C, kill -9, a reboot) is finished by the next one.
import type { Store } from '../store/types.js';
import type { Fetcher } from '../watch/fetcher.js';
import { FetchAborted } from '../watch/http.js';
import { scanAlerts } from './alerts.js';
import { checkFeed, type FeedOutcome } from './watch-feeds.js';
import { processPage, type PageOptions, type PageOutcome } from './watch-pages.js';
import type { DocumentSink } from './watch-sink.js';

export { pipelineSink, type DocumentSink, type SinkOutcome } from './watch-sink.js';
export type { FeedOutcome } from './watch-feeds.js';
export type { PageOutcome } from './watch-pages.js';

export interface RoundSummary {
  round: number;
  started_at: string;
  feeds: number;
  /** Feeds that answered with content, said nothing changed, failed, or asked us to wait. */
  changed: number;
  unchanged: number;
  feeds_failed: number;
  waiting: number;
  /** Pages listed for the first time. */
  new_pages: number;
  /** Articles stored now (queued: handed to the workers), already stored, near-duplicates among them. */
  stored: number;
  queued: number;
  already: number;
  duplicates: number;
  events: number;
  pages_failed: number;
  /** Pages that failed for now and are tried again in a later round. */
  retrying: number;
  hits: number;
  interrupted: boolean;
  seconds: number;
}

export interface RoundOptions extends Partial<PageOptions> {
  fetcher: Fetcher;
  sink: DocumentSink;
  /** Called after each feed and page, for a status line. */
  onProgress?: (s: RoundSummary) => void;
  onFeed?: (o: FeedOutcome) => void;
  onPage?: (o: PageOutcome) => void;
  signal?: AbortSignal;
}

/** Pages read from the store per pass (a first round on a large feed list has many). */
const PAGE_PASS = 500;

export const DEFAULT_PAGE_OPTIONS: PageOptions = { maxAttempts: 5, retryDelayMs: 10 * 60_000 };

const now = (): string => new Date().toISOString();

export async function watchRound(store: Store, feeds: string[], opts: RoundOptions): Promise<RoundSummary> {
  const started = performance.now();
  const startedAt = now();
  const round = await store.watch.startRound(startedAt);
  const s: RoundSummary = {
    round, started_at: startedAt, feeds: feeds.length, changed: 0, unchanged: 0, feeds_failed: 0, waiting: 0, new_pages: 0,
    stored: 0, queued: 0, already: 0, duplicates: 0, events: 0, pages_failed: 0, retrying: 0, hits: 0, interrupted: false, seconds: 0,
  };
  const progress = (): void => opts.onProgress?.(s);
  const pageOptions: PageOptions = { ...DEFAULT_PAGE_OPTIONS, ...definedOf(opts) };
  try {
    await Promise.all(
      feeds.map(async (feed) => {
        const o = await checkFeed(store, feed, opts.fetcher, now);
        if (o.kind === 'changed') {
          s.changed++;
          s.new_pages += o.newPages;
        } else if (o.kind === 'unchanged') s.unchanged++;
        else if (o.kind === 'waiting') s.waiting++;
        else s.feeds_failed++;
        opts.onFeed?.(o);
        progress();
      }),
    );
    // Pending pages of this round and of any earlier one that was cut short or must retry.
    const tried = new Set<string>();
    for (;;) {
      const pages = (await store.watch.duePages(now(), PAGE_PASS)).filter((p) => !tried.has(p.url));
      if (pages.length === 0) break;
      await Promise.all(
        pages.map(async (page) => {
          tried.add(page.url);
          const o = await processPage(store, page, opts.fetcher, opts.sink, pageOptions, now);
          count(s, o);
          opts.onPage?.(o);
          progress();
        }),
      );
    }
    await opts.sink.close();
    s.hits = await scanAlerts(store);
  } catch (err) {
    if (!(err instanceof FetchAborted)) throw err;
    s.interrupted = true;
    await opts.sink.close();
  }
  s.seconds = Math.round((performance.now() - started) / 100) / 10;
  await store.watch.finishRound(round, { ...s }, now());
  progress();
  return s;
}

function count(s: RoundSummary, o: PageOutcome): void {
  if (o.kind === 'retry') s.retrying++;
  else if (o.kind === 'failed') s.pages_failed++;
  else if (o.outcome.state === 'queued') s.queued++;
  else if (o.outcome.already) s.already++;
  else {
    s.stored++;
    s.events += o.outcome.events;
    if (o.outcome.duplicate) s.duplicates++;
  }
}

function definedOf(opts: Partial<PageOptions>): Partial<PageOptions> {
  const out: Partial<PageOptions> = {};
  if (opts.maxAttempts !== undefined) out.maxAttempts = opts.maxAttempts;
  if (opts.retryDelayMs !== undefined) out.retryDelayMs = opts.retryDelayMs;
  return out;
}
