// Grammatical roles of noun phrases around a predicate, read off the shallow parse without a tree.
// The argument rankers weigh them as evidence: the subject of an active verb is usually its
// source, the subject of a passive one its target and the by-phrase its source; a noun a participle
// modifies ("men accused of ...") is what the participle's action is done to.
//
// The subject is found by walking back from the verb over auxiliaries and adverbs, then over
// what sits between a subject and its verb: a relative clause ("The force that fought Islamic State
// condemned", "The rebels, who had seized the town, attacked"), an apposition ("Mr Putin, the
// Russian president, met"), and a coordinated predicate ("condemned the raid and called for")
// whose subject is that of the first predicate.
import type { Tok } from '../sentence.js';
import type { SentenceContext } from './context.js';

const NP_START = new Set(['DET', 'NUM', 'PROPN', 'NOUN', 'PRON', 'ADJ']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);
/** Commas further apart than this do not enclose one apposition or relative clause. */
const EMBEDDING_REACH = 25;

function skippable(t: Tok): boolean {
  return t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && !/['’]s?$/.test(t.lower)) || t.lower === 'not' || t.lower === "n't" || t.lower === 'never';
}

/** The phrase ending at token j (the widest one), or -1. */
function phraseEndingAt(ctx: SentenceContext, j: number): number {
  const p = j >= 0 ? ctx.phraseAt[j]! : -1;
  return p >= 0 && ctx.phrases[p]!.last === j ? p : -1;
}

/** The phrase a relative pronoun at w stands for: the one ending just before it, or before the
 *  comma before it ("the rebels, who ..."); -1 when none ends there. */
function hostBefore(ctx: SentenceContext, w: number): number {
  return ctx.view.toks[w - 1]?.text === ',' ? phraseEndingAt(ctx, w - 2) : phraseEndingAt(ctx, w - 1);
}

/** "the force that fought [Islamic State]": a phrase that is the object of a relative clause's verb;
 *  returns the phrase the clause belongs to, or -1. */
function relativeHost(ctx: SentenceContext, p: number): number {
  const toks = ctx.view.toks;
  let v = ctx.phrases[p]!.first - 1;
  if (toks[v]?.pos === 'ADP') v--;
  if (toks[v]?.pos !== 'VERB') return -1;
  let w = v - 1;
  while (w >= 0 && skippable(toks[w]!)) w--;
  if (w < 1 || !RELATIVE_PRONOUNS.has(toks[w]!.lower)) return -1;
  return hostBefore(ctx, w);
}

/**
 * The phrase that is the grammatical subject of the verb at k (index into ctx.phrases), or -1 when
 * none is found before it.
 */
export function subjectOf(ctx: SentenceContext, k: number, depth = 0): number {
  const toks = ctx.view.toks;
  let j = k - 1;
  while (j >= 0 && skippable(toks[j]!)) j--;
  if (j < 0) return -1;
  const t = toks[j]!;
  if (t.text === ',') {
    // ", the Russian president," or ", who had seized the town last year,": the subject is before
    // the opening comma.
    for (let c = j - 1; c >= 0 && c >= j - EMBEDDING_REACH; c--) {
      if (toks[c]!.text !== ',') continue;
      const first = toks[c + 1]!;
      const inner = toks.slice(c + 1, j);
      const apposition = (first.pos === 'DET' || first.pos === 'PROPN' || first.pos === 'ADJ' || first.pos === 'NOUN') && !inner.some((x) => x.pos === 'VERB' || x.pos === 'AUX');
      const relative = RELATIVE_PRONOUNS.has(first.lower) && first.lower !== 'that';
      const participial = first.pos === 'VERB' && /(ed|en|wn)$/.test(first.lower);
      if (!apposition && !relative && !participial) return -1;
      return phraseEndingAt(ctx, c - 1);
    }
    return -1;
  }
  if ((t.lower === 'and' || t.lower === 'but') && depth === 0) {
    // "condemned the raid and called for talks": the subject of the first predicate.
    for (let v = j - 1; v >= 0 && v >= j - EMBEDDING_REACH; v--) {
      if (toks[v]!.pos === 'VERB') return subjectOf(ctx, v, depth + 1);
      if (toks[v]!.text === ';' || toks[v]!.text === ':') break;
    }
    return -1;
  }
  // "the force that fought": the relative pronoun stands for its host.
  if (RELATIVE_PRONOUNS.has(t.lower) && ctx.phraseAt[j]! < 0) return t.lower === 'that' ? phraseEndingAt(ctx, j - 1) : hostBefore(ctx, j);
  const p = phraseEndingAt(ctx, j);
  if (p < 0) return -1;
  // "the force that fought ...", "rebels who attacked ...": the relative pronoun stands for its host.
  if (RELATIVE_PRONOUNS.has(toks[j]!.lower) && ctx.phrases[p]!.first === j) return hostBefore(ctx, j);
  const host = relativeHost(ctx, p);
  return host >= 0 ? host : p;
}

/** "carried out by the Syrian air force": the phrase after "by" following the verb at k, or -1. */
export function byAgentOf(ctx: SentenceContext, k: number): number {
  const toks = ctx.view.toks;
  for (let j = k + 1; j < toks.length && j <= k + 3; j++) {
    const t = toks[j]!;
    if (t.lower === 'by') {
      for (let q = j + 1; q < toks.length && q <= j + 4; q++) {
        const p = ctx.phraseAt[q]!;
        if (p >= 0) return p;
      }
      return -1;
    }
    if (!(t.pos === 'ADV' || t.pos === 'ADP' || t.pos === 'PART')) return -1;
  }
  return -1;
}

/** "three British men accused of being members of Isis", "a convoy hit by a roadside bomb": the
 *  phrase that a participle at k (with no auxiliary) modifies, or -1. */
export function modifiedBy(ctx: SentenceContext, k: number): number {
  const toks = ctx.view.toks;
  const t = toks[k]!;
  if (t.pos !== 'VERB' || !/(ed|en|wn|ught)$/.test(t.lower)) return -1;
  const p = phraseEndingAt(ctx, k - 1);
  if (p < 0) return -1;
  const next = toks[k + 1];
  const before = toks[ctx.phrases[p]!.first - 1];
  // A participle that takes a direct object is a finite verb ("fought Islamic State condemned the
  // attack"); one followed by a preposition, or after a phrase that is itself an object or a
  // prepositional complement, modifies that phrase.
  if (next && NP_START.has(next.pos)) return -1;
  if (next && next.pos === 'ADP') return p;
  if (before && (before.pos === 'VERB' || before.pos === 'ADP')) return p;
  return -1;
}

/**
 * A reduced passive relative: the participle at k says what was done to the phrase before it
 * ("three British men accused of being members of Isis", "a convoy hit by a roadside bomb",
 * "arrested two men wanted for murder"). Stricter than modifiedBy: the participle has a by-phrase,
 * or the phrase is an object or a prepositional complement, so the participle cannot be its verb.
 * Returns that phrase, or -1.
 */
export function reducedRelativeOf(ctx: SentenceContext, k: number): number {
  const p = modifiedBy(ctx, k);
  if (p < 0) return -1;
  const toks = ctx.view.toks;
  const before = toks[ctx.phrases[p]!.first - 1];
  if (toks[k + 1]?.lower === 'by') return p;
  if (before && (before.pos === 'VERB' || before.pos === 'ADP')) return p;
  return -1;
}
