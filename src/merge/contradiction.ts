// Matching denials ("there was no agreement") to the claims they deny. Pure.
import type { Event, MergedEvent } from '../model.js';
import { byDateThenId, locationCompatible, type Cluster, type ClusterSet } from './cluster.js';
import { dateBounds, dayNumber } from '../date-values.js';

/**
 * A denial is usually dated when it is said (Lavrov on 2014-10-25), not when the denied event was
 * supposed to happen (the Paris meeting, 2014-10-14). So a denial answers the latest asserted
 * event of the same merge key dated up to this many days before it (or one day after, for
 * same-day reporting skew).
 */
export const DENIAL_WINDOW_DAYS = 30;

/**
 * Who speaks in a mention: the claimant, else the narrator of its (original) article. A voice
 * that asserts one thing and denies another of the same type ("Russia accuses Turkey of X ... does
 * not accuse it of Y") is describing two events, not contradicting itself.
 */
function voice(e: Event, rootOf: (article: string) => string): string {
  return e.claimed_by !== null ? `person:${e.claimed_by.toLowerCase()}` : `narrator:${rootOf(e.article)}`;
}

/**
 * Attaches each denial to the asserted cluster it contradicts and returns the denials that match
 * none. A cluster qualifies when someone other than the denier asserts it and its location is
 * compatible. Preference: a cluster holding a mention from the same original article (the article
 * itself sets claim against denial; the latest such), then the latest cluster within the window
 * (for a month/year-dated denial: the earliest inside its period).
 */
export function attachDenials(asserted: ClusterSet, denials: Event[], rootOf: (article: string) => string): Event[] {
  const unmatched: Event[] = [];
  for (const denial of [...denials].sort(byDateThenId)) {
    const root = rootOf(denial.article);
    const denier = voice(denial, rootOf);
    const qualifies = (c: Cluster) =>
      locationCompatible(c, denial.location) && c.mentions.some((m) => !m.negated && voice(m, rootOf) !== denier);
    const target = sameArticleClaim(asserted, root, qualifies) ?? claimInWindow(asserted, denial, qualifies);
    if (target) asserted.join(target, denial, root);
    else unmatched.push(denial);
  }
  return unmatched;
}

function sameArticleClaim(asserted: ClusterSet, root: string, qualifies: (c: Cluster) => boolean): Cluster | undefined {
  let best: Cluster | undefined;
  for (const c of asserted.byRoot.get(root) ?? []) {
    if (qualifies(c) && (!best || (c.day ?? -Infinity) > (best.day ?? -Infinity))) best = c;
  }
  return best;
}

function claimInWindow(asserted: ClusterSet, denial: Event, qualifies: (c: Cluster) => boolean): Cluster | undefined {
  const day = dayNumber(denial.date);
  if (day === null) {
    const bounds = dateBounds(denial.date);
    return bounds ? asserted.firstInPeriod(bounds, qualifies) : undefined;
  }
  const days = asserted.byDay;
  for (let i = asserted.firstFrom(day + 2) - 1; i >= 0 && days[i].day! >= day - DENIAL_WINDOW_DAYS; i--) {
    if (qualifies(days[i])) return days[i];
  }
  return undefined;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "John Kerry says it happened; Sergey Lavrov denies it" for a contested merged event, else null. */
export function describeContradiction(m: MergedEvent): string | null {
  if (!m.contested) return null;
  const who = (negated: boolean) => [
    ...new Set(m.claims.filter((c) => c.negated === negated).map((c) => c.claimed_by ?? 'the report')),
  ];
  const asserters = who(false);
  const deniers = who(true);
  return (
    `${joinNames(asserters)} ${asserters.length > 1 ? 'say' : 'says'} it happened; ` +
    `${joinNames(deniers)} ${deniers.length > 1 ? 'deny' : 'denies'} it`
  );
}

/** One human-readable line for `demarche events --contested`: date, type, dyad, who says what. */
export function contestedLine(m: MergedEvent): string {
  const what = `${m.date ?? 'undated'}  ${m.type} ${m.source} → ${m.target}`;
  return `${what}  (${m.mention_count} mentions, ${m.source_count} sources)  ${describeContradiction(m) ?? 'not contested'}`;
}
