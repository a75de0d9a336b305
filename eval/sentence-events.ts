// Scoring of coded events against sentences labelled with events and actor spans (plv_dev, the
// test part of corpus/events): per sentence, the set of PLOVER types; and each event as
// (type, source span, target span), where a predicted span matches a gold one when they overlap
// and an absent span matches an absent one.
import { createHash } from 'node:crypto';
import { prf } from './common.js';

export interface Span {
  start: number;
  end: number;
}

export interface ScoredEvent {
  type: string;
  source: Span | null;
  target: Span | null;
  /** Actor codes, when the gold has them (the corpus does; plv_dev does not). */
  sourceCode?: string | null;
  targetCode?: string | null;
}

export interface ScoredSentence {
  id: string;
  gold: ScoredEvent[];
  predicted: ScoredEvent[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export function tally(): Tally {
  return { tp: 0, fp: 0, fn: 0 };
}

export function scores(t: Tally): { precision: number; recall: number; f1: number } {
  return prf(t.tp, t.fp, t.fn);
}

function overlaps(a: Span | null, b: Span | null): boolean {
  if (a === null || b === null) return a === b;
  return a.start < b.end && b.start < a.end;
}

/** A one-to-one matching, greedy in order. */
function match<T>(pred: T[], gold: T[], same: (p: T, g: T) => boolean): [T, T][] {
  const used = new Set<number>();
  const out: [T, T][] = [];
  for (const p of pred) {
    const j = gold.findIndex((g, i) => !used.has(i) && same(p, g));
    if (j >= 0) {
      used.add(j);
      out.push([p, gold[j]!]);
    }
  }
  return out;
}

/** Adds one sentence to the type-set tally and the event tally. `normalise` maps types (YIELD). */
export function scoreSentence(s: ScoredSentence, types: Tally, events: Tally, normalise: (t: string) => string = (t) => t): void {
  const pt = new Set(s.predicted.map((e) => normalise(e.type)));
  const gt = new Set(s.gold.map((e) => normalise(e.type)));
  for (const t of pt) {
    if (gt.has(t)) types.tp++;
    else types.fp++;
  }
  for (const t of gt) if (!pt.has(t)) types.fn++;
  const pairs = match(s.predicted, s.gold, (p, g) => normalise(p.type) === normalise(g.type) && overlaps(p.source, g.source) && overlaps(p.target, g.target));
  events.tp += pairs.length;
  events.fp += s.predicted.length - pairs.length;
  events.fn += s.gold.length - pairs.length;
}

/** Actor spans and codes of the gold events: for each gold event with a labelled source (target),
 *  a predicted event of the same type whose source (target) span overlaps it and whose code agrees
 *  on the country and the first sector. */
export function scoreActors(s: ScoredSentence, role: 'source' | 'target', t: Tally): void {
  const codeKey = (c: string | null | undefined): string => (c ? c.slice(0, 6) : '');
  const gold = s.gold.filter((g) => g[role] !== null);
  const pred = s.predicted.filter((p) => p[role] !== null);
  const codeOf = (e: ScoredEvent): string | null | undefined => (role === 'source' ? e.sourceCode : e.targetCode);
  const pairs = match(pred, gold, (p, g) => p.type === g.type && overlaps(p[role], g[role]) && codeKey(codeOf(p)) === codeKey(codeOf(g)));
  t.tp += pairs.length;
  t.fp += pred.length - pairs.length;
  t.fn += gold.length - pairs.length;
}

/** Which half of a set a sentence is in, by a hash of its id: "tune" or "check". */
export function half(id: string): 'tune' | 'check' {
  return createHash('sha1').update('half:' + id).digest()[0]! < 128 ? 'tune' : 'check';
}
