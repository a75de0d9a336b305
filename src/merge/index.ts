// Merge: event mentions across articles -> one MergedEvent per real event. Pure functions: the
// mentions and the articles' duplicate_of links come from the store through app/ (app/events.ts).
//
// Rules (also in docs/EXPORT.md):
// - Same PLOVER type and same dyad. CONSULT/AGREE/COOPERATE ignore direction (each side reports
//   its own meeting as "we met them"); all other types keep it.
// - Dates: day-precise mentions within one day of the cluster's first day; month/year mentions
//   join a day cluster inside their period; undated mentions only join mentions of the same
//   original article.
// - Location: equal (case-insensitive) or one side unknown.
// - Hypothetical mentions ("could agree") are left out: they do not make an event happen.
// - Negated mentions (denials) attach to the latest asserted event of the same key in the same
//   article or up to DENIAL_WINDOW_DAYS before the denial, provided someone other than the denier
//   asserts it (claimant, else the article's narrator); the result is contested. Denials that
//   match no claim become merged events of their own whose claims are all negated.
// - source_count counts syndication roots: articles whose duplicate_of chain ends in the same
//   original count once.
import type { Event, MergedEvent } from '../model.js';
import { byDateThenId, clusterMentions, mergeKey, type Cluster } from './cluster.js';
import { attachDenials } from './contradiction.js';

export { contestedLine, describeContradiction, DENIAL_WINDOW_DAYS } from './contradiction.js';
export { mergeKey } from './cluster.js';

/** Follows duplicate_of chains to the original article (cycle-safe, memoised). */
export function syndicationRoots(duplicateOf: (articleId: string) => string | null): (articleId: string) => string {
  const memo = new Map<string, string>();
  return (articleId) => {
    const cached = memo.get(articleId);
    if (cached !== undefined) return cached;
    const seen = new Set<string>([articleId]);
    let current = articleId;
    for (let next = duplicateOf(current); next !== null && !seen.has(next); next = duplicateOf(current)) {
      seen.add(next);
      current = next;
    }
    memo.set(articleId, current);
    return current;
  };
}

export function mergeEvents(events: Event[], duplicateOf: (articleId: string) => string | null): MergedEvent[] {
  const rootOf = syndicationRoots(duplicateOf);
  const groups = new Map<string, Event[]>();
  for (const e of events) {
    if (e.hypothetical) continue;
    const key = mergeKey(e);
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const merged: MergedEvent[] = [];
  for (const group of groups.values()) {
    const asserted = clusterMentions(group.filter((e) => !e.negated), rootOf);
    const unmatched = attachDenials(asserted, group.filter((e) => e.negated), rootOf);
    for (const c of [...asserted.all(), ...clusterMentions(unmatched, rootOf).all()]) merged.push(toMergedEvent(c, rootOf));
  }
  return merged.sort(compareMerged);
}

function compareMerged(a: MergedEvent, b: MergedEvent): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The value occurring most often; ties go to the one seen first. */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function toMergedEvent(c: Cluster, rootOf: (article: string) => string): MergedEvent {
  const mentions = [...c.mentions].sort(byDateThenId);
  const assertedMentions = mentions.filter((e) => !e.negated);
  // What the event is (direction, date, code) comes from those who say it happened, if any.
  const basis = assertedMentions.length > 0 ? assertedMentions : mentions;
  const direction = mostCommon(basis.map((e) => `${e.source}|${e.target}`))!;
  const rep = basis.find((e) => `${e.source}|${e.target}` === direction)!;
  const dayDates = basis.map((e) => e.date).filter((d): d is string => d !== null && d.length === 10);
  const date = dayDates.length > 0 ? dayDates.reduce((a, b) => (b < a ? b : a)) : (basis.find((e) => e.date !== null)?.date ?? null);
  const actors = [...new Set(mentions.flatMap((e) => e.actors))];
  return {
    id: `m-${rep.id}`,
    source: rep.source,
    target: rep.target,
    type: rep.type,
    cameo: rep.cameo,
    goldstein: rep.goldstein,
    mode: mostCommon(basis.map((e) => e.mode).filter((m) => m !== null)) ?? null,
    date,
    location: basis.find((e) => e.location !== null)?.location ?? c.location,
    actors,
    mention_count: mentions.length,
    source_count: new Set(mentions.map((e) => rootOf(e.article))).size,
    contested: assertedMentions.length > 0 && assertedMentions.length < mentions.length,
    confidence: Math.max(...basis.map((e) => e.confidence ?? 1)),
    claims: mentions.map((e) => ({ claimed_by: e.claimed_by, negated: e.negated, article: e.article, evidence: e.evidence })),
    mentions: mentions.map((e) => e.id),
  };
}
