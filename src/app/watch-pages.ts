// One pending article page in a watch round: fetched, turned into a document with the feed item's
// title and date, handed to the sink (pipeline or queue), marked done. A crash between storing and
// marking leaves it pending: the next round fetches it again and finds its article stored (content
// hash), so nothing is lost and nothing is stored twice.
import type { RawDocument } from '../model.js';
import type { Store } from '../store/types.js';
import type { PageRow } from '../store/watch-types.js';
import type { Fetcher } from '../watch/fetcher.js';
import { FetchAborted, FetchError } from '../watch/http.js';
import { feedContentDocument, pageDocument, type PageMeta } from '../watch/page.js';
import { isHttpUrl } from '../watch/url.js';
import type { DocumentSink, SinkOutcome } from './watch-sink.js';

export type PageOutcome =
  | { page: string; kind: 'done'; outcome: SinkOutcome & { state: 'stored' | 'queued' }; note: string | null }
  | { page: string; kind: 'retry'; error: string }
  | { page: string; kind: 'failed'; error: string };

export interface PageOptions {
  /** Attempts (over rounds) before a page that keeps failing transiently is given up. */
  maxAttempts: number;
  /** Wait before the next attempt at a page that failed transiently. */
  retryDelayMs: number;
}

export async function processPage(
  store: Store,
  page: PageRow,
  fetcher: Fetcher,
  sink: DocumentSink,
  opts: PageOptions,
  now: () => string,
): Promise<PageOutcome> {
  const meta: PageMeta = { url: page.url, title: page.title, published: page.published };
  let doc: RawDocument;
  let note: string | null = null;
  if (!isHttpUrl(page.url) || page.url.startsWith(`${page.feed}#`)) {
    // An item without a link: the feed's own text is the article.
    if (!page.content) return fail(store, page, 'the feed item has no link and no text', now);
    doc = feedContentDocument(page.content, meta);
  } else {
    try {
      const got = await fetcher.get(page.url);
      if (got.status === 'not-modified') throw new FetchError('HTTP 304 without a conditional request', false, 304);
      const made = pageDocument(got.body, got.contentType, got.url, meta);
      if ('error' in made) throw new FetchError(made.error, false);
      doc = made.doc;
      note = made.warning;
    } catch (err) {
      if (err instanceof FetchAborted) throw err;
      if (!(err instanceof FetchError)) throw err;
      // The page is out of reach for good (robots.txt, 404, too large, not text) but the feed carries
      // the whole text: that text is the article.
      if (!err.transient && page.content) {
        doc = feedContentDocument(page.content, meta);
        note = `page not used (${err.message}); stored the text the feed carries`;
      } else if (err.transient) {
        const retryAt = new Date(Date.now() + Math.max(opts.retryDelayMs, err.retryAfterMs ?? 0)).toISOString();
        const state = await store.watch.pageRetry(page.url, err.message, retryAt, opts.maxAttempts);
        if (state === 'failed') return { page: page.url, kind: 'failed', error: `${err.message}; gave up after ${page.attempts + 1} rounds` };
        return { page: page.url, kind: 'retry', error: err.message };
      } else {
        return fail(store, page, err.message, now);
      }
    }
  }
  const outcome = await sink.put(doc);
  if (outcome.state === 'failed') return fail(store, page, outcome.error, now);
  await store.watch.pageDone(page.url, { state: outcome.state, article: outcome.article, error: null }, now());
  return { page: page.url, kind: 'done', outcome, note };
}

async function fail(store: Store, page: PageRow, error: string, now: () => string): Promise<PageOutcome> {
  await store.watch.pageDone(page.url, { state: 'failed', article: null, error }, now());
  return { page: page.url, kind: 'failed', error };
}
