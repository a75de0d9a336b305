// One feed in a watch round: asked for with its saved validators, its items recorded as pending
// pages in one transaction with the new validators. A crash before that transaction leaves the
// old validators, so the next round asks again and loses nothing; after it, the pages are saved.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { contentId } from '../ingest/decode.js';
import type { Store } from '../store/types.js';
import type { NewPage } from '../store/watch-types.js';
import { FeedError, parseFeedBytes, type FeedItem } from '../watch/feed-items.js';
import type { Fetcher } from '../watch/fetcher.js';
import { FetchAborted, FetchError } from '../watch/http.js';
import { isHttpUrl } from '../watch/url.js';
import { errorMessage } from '../errors.js';
import { describe } from '../ingest/list.js';

export type FeedOutcome =
  | { feed: string; kind: 'changed'; items: number; newPages: number }
  | { feed: string; kind: 'unchanged' }
  | { feed: string; kind: 'waiting'; until: string }
  | { feed: string; kind: 'failed'; error: string };

/** The page an item stands for: its link, or (no link) FEED#id with the text the feed carries. */
export function pageOfItem(feed: string, item: FeedItem): NewPage | null {
  const content = item.content ?? (item.url ? null : item.summary);
  if (item.url) return { url: item.url, feed, title: item.title, published: item.published, content: item.content };
  if (!content) return null; // nothing to fetch, nothing to read
  return { url: `${feed}#${item.guid ?? contentId(content)}`, feed, title: item.title, published: item.published, content };
}

/** Items listed twice (same page) count once, the first listing winning. */
function uniquePages(feed: string, items: FeedItem[]): NewPage[] {
  const pages = new Map<string, NewPage>();
  for (const item of items) {
    const page = pageOfItem(feed, item);
    if (page && !pages.has(page.url)) pages.set(page.url, page);
  }
  return [...pages.values()];
}

/** What identifies a feed's content: the same bytes again mean nothing changed, whatever the server says. */
function bodyHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

export async function checkFeed(store: Store, feed: string, fetcher: Fetcher, now: () => string): Promise<FeedOutcome> {
  const state = await store.watch.feed(feed);
  if (state?.retry_at && state.retry_at > now()) return { feed, kind: 'waiting', until: state.retry_at };
  try {
    let body: Buffer;
    let contentType: string | null = null;
    let from = feed;
    let validators = { etag: null as string | null, last_modified: null as string | null };
    if (isHttpUrl(feed)) {
      const got = await fetcher.get(feed, { etag: state?.etag ?? null, lastModified: state?.last_modified ?? null });
      if (got.status === 'not-modified') {
        await store.watch.feedNotModified(feed, now());
        return { feed, kind: 'unchanged' };
      }
      ({ body, contentType, url: from } = got);
      validators = { etag: got.validators.etag, last_modified: got.validators.lastModified };
    } else {
      body = await readFile(feed);
    }
    const hash = bodyHash(body);
    if (state?.body_hash === hash) {
      await store.watch.feedNotModified(feed, now());
      return { feed, kind: 'unchanged' };
    }
    const parsed = parseFeedBytes(body, contentType, from);
    const pages = uniquePages(feed, parsed.items);
    const newPages = await store.watch.recordFeed(feed, { title: parsed.title, ...validators, body_hash: hash }, pages, now());
    return { feed, kind: 'changed', items: parsed.items.length, newPages };
  } catch (err) {
    if (err instanceof FetchAborted) throw err;
    // Only what a feed can be blamed for is its failure; a store error ends the round.
    if (!(err instanceof FetchError || err instanceof FeedError || isFileError(err))) throw err;
    const error = isFileError(err) ? describe(err) : errorMessage(err);
    const wait = err instanceof FetchError ? err.retryAfterMs : undefined;
    const retryAt = wait !== undefined && wait > 0 ? new Date(Date.now() + wait).toISOString() : null;
    await store.watch.feedFailed(feed, error, now(), retryAt);
    return { feed, kind: 'failed', error };
  }
}

function isFileError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException)?.code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}
