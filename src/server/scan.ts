// Reading more than one page from the store. The Store contract pages with limit/offset and may cap
// the page size itself, so we keep asking until a page comes back empty, up to a hard cap.
import type { Event } from '../model.js';
import type { EventFilter, Store } from '../store/types.js';

/** Large pages: each page is one query, and OFFSET paging re-skips earlier rows. */
const PAGE = 20_000;
/** Hard cap on events one request may aggregate (a timeline of a busy dyad stays bounded). */
export const MAX_SCAN = 100_000;

export async function scanEvents(store: Store, filter: EventFilter, cap = MAX_SCAN): Promise<{ events: Event[]; truncated: boolean }> {
  const events: Event[] = [];
  for (let offset = 0; events.length < cap; ) {
    const page = await store.events({ ...filter, limit: Math.min(PAGE, cap - events.length), offset });
    if (page.length === 0) return { events, truncated: false };
    events.push(...page);
    offset += page.length;
  }
  return { events, truncated: true };
}

/** The event mentions coded from one article. */
export async function eventsOfArticle(store: Store, articleId: string): Promise<Event[]> {
  return (await scanEvents(store, { article: articleId }, 10_000)).events;
}
