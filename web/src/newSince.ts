// "New since": the event mentions stored since the analyst's previous visit (the first visit: since
// the start of the latest watch round). The moment is fixed for the whole tab session, so paging
// and going back keep the same marks; "Mark as seen" moves it to now.
import { api } from './api.js';

const LAST_VISIT = 'demarche-last-visit';
const SINCE = 'demarche-new-since';

export interface NewSince {
  /** ISO time the marks count from, or null when nothing was ever watched. */
  since: string | null;
  ids: Set<string>;
  truncated: boolean;
}

function sinceOfThisSession(): string {
  let since = sessionStorage.getItem(SINCE);
  if (since === null) {
    since = localStorage.getItem(LAST_VISIT) ?? ''; // '' = let the server use the latest round
    sessionStorage.setItem(SINCE, since);
    localStorage.setItem(LAST_VISIT, new Date().toISOString());
  }
  return since;
}

export async function loadNewSince(): Promise<NewSince> {
  const r = await api<{ since: string | null; events: string[]; truncated: boolean }>('new', { since: sinceOfThisSession() });
  return { since: r.since, ids: new Set(r.events), truncated: r.truncated };
}

export function markAllSeen(): void {
  const now = new Date().toISOString();
  sessionStorage.setItem(SINCE, now);
  localStorage.setItem(LAST_VISIT, now);
}

/** "2 Dec, 14:30" in the reader's time zone. */
export function shortTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
