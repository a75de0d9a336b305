// How an event's status reads everywhere: "NOT AGREE" for a denied one, "AGREE?" for one only
// planned or possible, and no Goldstein score for either (they did not happen: the score is shown
// greyed, as "—", and left out of every sum and mean).
import type { Event } from './api.js';
import { h } from './dom.js';

type Status = Pick<Event, 'type' | 'negated' | 'hypothetical'>;

export const happened = (e: Pick<Event, 'negated' | 'hypothetical'>): boolean => !e.negated && !e.hypothetical;

/** "NOT AGREE", "AGREE?" or "AGREE". */
export function statusLabel(e: Status): string {
  return `${e.negated ? 'NOT ' : ''}${e.type}${e.hypothetical && !e.negated ? '?' : ''}`;
}

/** Why the score is missing, for its tooltip. */
export function statusReason(e: Status): string | null {
  if (e.negated) return 'Reported as NOT having happened: no Goldstein score';
  if (e.hypothetical) return 'Only planned or possible, not reported as done: no Goldstein score';
  return null;
}

/** The Goldstein cell: the score, or a greyed "—" saying why there is none. */
export function goldsteinCell(e: Status & { goldstein: number }): HTMLElement {
  const why = statusReason(e);
  return why
    ? h('span', { class: 'goldstein none', title: `${why} (coded ${e.goldstein.toFixed(1)})`, 'data-goldstein': '' }, '—')
    : h('span', { class: 'goldstein', 'data-goldstein': String(e.goldstein) }, e.goldstein.toFixed(1));
}

/** Confidence as a percentage, dimmed below the coder's own threshold. */
export function confidenceCell(c: number): HTMLElement {
  return h('span', { class: c < 0.5 ? 'confidence low' : 'confidence', title: "The coder's estimate that the text reports this event as coded" }, `${Math.round(c * 100)}%`);
}
