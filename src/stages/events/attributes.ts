// Per-event attributes read off the clause around a trigger: negation, modality, date, location.
import type { DateMention } from '../../model.js';
import { MODALS, NEGATORS } from './lexicon.js';
import type { SentenceView } from './sentence.js';

/** Token range an event's attributes are read from: its clause, extended over a relative clause
 *  that describes a nominal event ("the meeting ..., which took place in Belgrade on October 7"). */
export function scopeOf(view: SentenceView, word: number, nominal: boolean): { start: number; end: number } {
  const k = view.clauseOf[word]!;
  const clause = view.clauses[k]!;
  let end = clause.end;
  if (nominal) {
    for (let j = k + 1; j < view.clauses.length && view.clauses[j]!.relative; j++) end = view.clauses[j]!.end;
  }
  return { start: clause.start, end };
}

/** A negation cue between the clause start and the trigger ("no agreement", "failed to reach"). */
export function isNegated(view: SentenceView, trigger: number, verb: number): boolean {
  const { toks } = view;
  // "provided no evidence": a verb whose object is negated did not do it.
  if (trigger === verb && toks[verb + 1]?.lower === 'no') return true;
  const start = view.clauses[view.clauseOf[verb]!]!.start;
  const cueEnd = Math.min(trigger, verb === trigger ? trigger : trigger);
  for (let k = start; k < cueEnd; k++) {
    const t = toks[k]!;
    if (NEGATORS.has(t.lower) || NEGATORS.has(t.lemma)) {
      // "not only to fight Isis but also ...", "not just": a focus, not a negation.
      if ((t.lower === 'not' || t.lower === "n't") && (toks[k + 1]?.lower === 'only' || toks[k + 1]?.lower === 'just')) continue;
      // "no" / "without" negate a noun right after them, not a later verb ("no sooner").
      if ((t.lower === 'no' || t.lower === 'without') && trigger - k > 5) continue;
      return true;
    }
  }
  return false;
}

/** A modal/plan/condition cue before the trigger in its clause, or a conditional clause. */
export function isHypothetical(view: SentenceView, trigger: number, verb: number): boolean {
  const { toks } = view;
  const clause = view.clauses[view.clauseOf[verb]!]!;
  if (toks[clause.start]?.lower === 'if' || toks[clause.start]?.lower === 'unless') return true;
  for (let k = clause.start; k < trigger; k++) {
    if (k === verb) continue;
    const t = toks[k]!;
    if (MODALS.has(t.lower) || MODALS.has(t.lemma)) return true;
  }
  return false;
}

/** After a nominal event, its predicate may negate or doubt it: "cooperation ... is not possible". */
export function predicateAfter(view: SentenceView, from: number, end: number): { negated: boolean; hypothetical: boolean } {
  const { toks } = view;
  let k = from;
  while (k < end && k < from + 12 && toks[k]!.pos !== 'AUX' && toks[k]!.pos !== 'VERB') k++;
  if (k >= end || k >= from + 12 || toks[k]!.pos !== 'AUX') return { negated: false, hypothetical: false };
  let negated = false;
  let hypothetical = false;
  for (let j = k; j < end && j <= k + 3; j++) {
    const l = toks[j]!.lower;
    if (l === 'not' || l === "n't" || l === 'never' || l === 'impossible') negated = true;
    if (l === 'possible' || l === 'likely' || l === 'unlikely') hypothetical = true;
  }
  return { negated, hypothetical };
}

/** The date mention nearest to the trigger within its scope, ignoring dates inside a following
 *  infinitive ("agreed to continue talks later this month" is not dated "later this month"). */
export function clauseDate(view: SentenceView, trigger: number, scope: { start: number; end: number }): DateMention | null {
  let best: DateMention | null = null;
  let bestDist = Infinity;
  for (const d of view.dates) {
    if (d.first < scope.start || d.last >= scope.end) continue;
    if (d.first > trigger && infinitiveBetween(view, trigger, d.first)) continue;
    if (namesAThing(view, d.first, d.last)) continue;
    const dist = d.first > trigger ? d.first - trigger : trigger - d.last;
    if (dist < bestDist) {
      best = d.date;
      bestDist = dist;
    }
  }
  if (best) return best;
  // Else the nearest date earlier in the sentence ("after their meeting on Oct. 14 that the two
  // had agreed ...").
  for (const d of view.dates) if (d.last < scope.start) best = d.date;
  return best;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/**
 * "violating a 2013 US-Russia agreement", "the 2014 elections": a date between a determiner and a
 * noun dates the thing named, not the event the clause reports.
 */
function namesAThing(view: SentenceView, first: number, last: number): boolean {
  const before = view.toks[first - 1];
  const after = view.toks[last + 1];
  if (!before || !after) return false;
  const determined = DETERMINERS.has(before.lower) || before.pos === 'DET' || /['’]s$/.test(before.lower);
  return determined && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ');
}

function infinitiveBetween(view: SentenceView, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const t = view.toks[k]!;
    if (t.lower === 'to' && t.pos === 'PART') return true;
  }
  return false;
}

/** A PLACE introduced by in/at in the scope, nearest after the trigger (else before). */
export function clauseLocation(view: SentenceView, trigger: number, scope: { start: number; end: number }): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  for (const p of view.places) {
    if (!p.venue || p.first < scope.start || p.last >= scope.end) continue;
    // Before the trigger only as a fronted adverbial ("In Paris, Kerry met ..."): "a deal in
    // Syria being discussed" was not discussed in Syria.
    if (p.first < trigger && p.first > scope.start + 3) continue;
    const dist = p.first > trigger ? p.first - trigger : 1000 + trigger - p.first;
    if (dist < bestDist) {
      best = p.entity.text;
      bestDist = dist;
    }
  }
  return best;
}
