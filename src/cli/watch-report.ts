// What `demarche watch` says on stderr: the live status line, one line per problem, a summary per round.
import type { FeedOutcome, PageOutcome, RoundSummary } from '../app/watch.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The status line while a round runs (short: a terminal row is often 80 columns). */
export function roundStatus(s: RoundSummary): string {
  const checked = s.changed + s.unchanged + s.feeds_failed + s.waiting;
  const errors = s.feeds_failed + s.pages_failed;
  const articles = [s.queued ? `${s.queued} queued` : `${s.stored} stored`, ...(s.already ? [`${s.already} known`] : [])].join(', ');
  return `watch round ${s.round}: feeds ${checked}/${s.feeds} | ${s.new_pages} new pages | ${articles} | ${s.events} events | ${plural(errors, 'error')}`;
}

/** Between rounds. */
export function waitingStatus(next: Date, feeds: number): string {
  return `watch: next round at ${next.toLocaleTimeString()} (${plural(feeds, 'feed')}; Ctrl-C to stop)`;
}

/** One line per round. */
export function roundSummaryLine(s: RoundSummary): string {
  const feeds = [`${s.changed} changed`, `${s.unchanged} unchanged`];
  if (s.feeds_failed) feeds.push(`${s.feeds_failed} failed`);
  if (s.waiting) feeds.push(`${s.waiting} waiting`);
  const pages = [s.queued ? `${plural(s.queued, 'article')} queued for the workers` : `${plural(s.stored, 'article')} stored`];
  if (s.duplicates) pages.push(`${plural(s.duplicates, 'near-duplicate')} marked`);
  if (s.already) pages.push(`${s.already} already stored`);
  if (s.pages_failed) pages.push(`${s.pages_failed} failed`);
  if (s.retrying) pages.push(`${s.retrying} to retry`);
  const parts = [
    `${plural(s.feeds, 'feed')} (${feeds.join(', ')})`,
    `${plural(s.new_pages, 'new page')}`,
    pages.join(', '),
    ...(s.queued ? [] : [plural(s.events, 'event')]),
    plural(s.hits, 'alert hit'),
    `${s.seconds} s`,
  ];
  return `${s.interrupted ? 'interrupted ' : ''}round ${s.round}: ${parts.join('; ')}`;
}

/** The stderr line for a feed, or null when there is nothing to say. */
export function feedLine(o: FeedOutcome): string | null {
  if (o.kind === 'failed') return `error: ${o.feed}: ${o.error}`;
  if (o.kind === 'waiting') return `warning: ${o.feed}: not asked before ${o.until}, as the server requested`;
  return null;
}

/** The stderr line for a page, or null. */
export function pageLine(o: PageOutcome): string | null {
  if (o.kind === 'failed') return `error: ${o.page}: ${o.error}`;
  if (o.kind === 'retry') return `warning: ${o.page}: ${o.error}; trying again in a later round`;
  return o.note ? `warning: ${o.page}: ${o.note}` : null;
}
