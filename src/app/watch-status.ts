// What the API and the web UI show of the watch: the feeds and their health, the last rounds, and
// which event mentions are new since a moment (by default, the start of the last round).
import type { Store } from '../store/types.js';

/** The most mention ids one "new since" answer carries. */
export const MAX_NEW_IDS = 5000;

export async function watchStatus(store: Store, rounds = 10) {
  const [feeds, pages, last] = await Promise.all([store.watch.feeds(), store.watch.pageCounts(), store.watch.rounds(rounds)]);
  return {
    feeds: feeds.map(({ etag: _e, last_modified: _l, body_hash: _h, ...f }) => f),
    pages,
    rounds: last,
  };
}

/** Mentions stored after `since` (ISO time); without it, after the start of the latest round. */
export async function newSince(store: Store, since?: string): Promise<{ since: string | null; events: string[]; truncated: boolean }> {
  const from = since ?? (await store.watch.rounds(1))[0]?.started_at ?? null;
  if (from === null) return { since: null, events: [], truncated: false };
  const ids = await store.watch.eventsStoredSince(new Date(from).toISOString(), MAX_NEW_IDS + 1);
  return { since: from, events: ids.slice(0, MAX_NEW_IDS), truncated: ids.length > MAX_NEW_IDS };
}
