// Features of the learned coder's three decisions, read off the shallow parse of one sentence:
//  - trigger: is the word at k an event, and of which PLOVER type (or none)?
//  - modality: asserted, intent, threat, demand, refusal, hypothetical or denied?
//  - argument: is a noun phrase the source, the target, or neither, of the event at k?
// Each feature is a string; the model hashes it. Word clusters stand in for words the training
// data never showed, and dictionary codes for verbs it never showed in context.
import type { Features } from '../../../learn/linear.js';
import type { SentenceView, Tok } from '../sentence.js';
import { isHypothetical, isNegated, predicateAfter } from '../attributes.js';
import { findFrames, isSpeechVerb, type Frame } from '../frames.js';

import { introducedByLocative } from '../sentence.js';
import { ploverOf } from '../cameo.js';
import { dictionaryMatches, verbStem, type DictionaryMatch } from './dictionary.js';
import { GOVERNORS, LIGHT_VERBS, MODAL_WORDS, NEGATIONS, NOMINALS, SPEECH } from './lexicon.js';
import type { NounPhrase } from './phrases.js';
import { byAgentOf, modifiedBy, subjectOf } from './roles.js';

export { sentenceContext, type RuleReading, type SentenceContext } from './context.js';
import type { SentenceContext } from './context.js';

const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);

export function matchesAt(ctx: SentenceContext, k: number): DictionaryMatch[] {
  let m = ctx.matches[k];
  if (m === undefined) {
    const clause = ctx.view.clauses[ctx.view.clauseOf[k]!]!;
    m = dictionaryMatches(ctx.lexicon, ctx.view.toks, k, clause.start, clause.end);
    ctx.matches[k] = m;
  }
  return m;
}

function cluster(ctx: SentenceContext, t: Tok | undefined): string {
  if (!t) return 'none';
  const c = ctx.clusters.get(t.lemma) ?? ctx.clusters.get(t.lower);
  return c === undefined ? 'oov' : String(c);
}

export function nominalType(t: Tok): string | undefined {
  return NOMINALS.get(t.lemma) ?? NOMINALS.get(t.lower) ?? (t.lower.endsWith('s') ? NOMINALS.get(t.lower.slice(0, -1)) : undefined);
}

/** Is the token at k a trigger candidate: a verb, a word the tagger took for a noun or adjective
 *  but the verb dictionary lists ("abducted", "retook", "encircled"), or an event noun? */
export function isCandidate(ctx: SentenceContext, k: number): boolean {
  const t = ctx.view.toks[k]!;
  if (t.pos === 'VERB') return /[a-z]/i.test(t.text);
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'PROPN') return false;
  if (nominalType(t) !== undefined) return true;
  // A listed verb form ("retook", "abducted") mistagged, or a noun spelled as a dictionary verb
  // ("attack", "arrest") heading its phrase.
  if (!ctx.lexicon.entries.has(t.lower) && !ctx.lexicon.entries.has(t.lemma)) {
    // A participle or gerund left unlemmatised ("abducted", "tortured", "the pelting of"): the
    // verb it comes from is listed.
    return /(ed|en|ing|t)$/.test(t.lower) && verbStem(ctx.lexicon, t.lower) !== undefined;
  }
  if (/(ed|en)$/.test(t.lower) && t.lower.length > 4) return true;
  const next = ctx.view.toks[k + 1];
  return t.pos === 'NOUN' && (!next || next.pos !== 'NOUN');
}

/** The verb governing an infinitive at k ("threatened to [strike]", "urged Iran to [release]"). */
export function governorOf(view: SentenceView, k: number): number {
  const { toks } = view;
  let j = k - 1;
  while (j >= 0 && toks[j]!.pos === 'ADV') j--;
  if (j < 0 || toks[j]!.lower !== 'to') return -1;
  // Back over an object phrase: "urged [the Syrian government] to".
  for (let g = j - 1, steps = 0; g >= 0 && steps < 8; g--, steps++) {
    const t = toks[g]!;
    if (t.pos === 'VERB' || (t.pos === 'ADJ' && (t.lower === 'ready' || t.lower === 'willing' || t.lower === 'able' || t.lower === 'prepared' || t.lower === 'set'))) return g;
    if (t.pos === 'NOUN' && GOVERNORS.has(t.lemma) && steps === 0) return g;
    if (t.pos === 'AUX' || t.text === ',' || t.text === ';') return -1;
  }
  return -1;
}

/** Modalities whose governed action is the content of the governing event, not an event of its own. */
const CONTENT_MODALITIES = new Set(['demand', 'threat', 'refusal', 'intent']);

/**
 * The verb whose finite complement holds the action at k, when that verb demands, threatens,
 * refuses or promises it ("demanded that the president resign", "warned that it would strike",
 * "vowed the US will expel"): the action is what that event is about. -1 otherwise.
 */
export function clauseGovernorOf(view: SentenceView, k: number): number {
  const { toks } = view;
  let sawLink = false;
  for (let j = k - 1; j >= 0 && j >= k - 10; j--) {
    const t = toks[j]!;
    if (t.pos === 'VERB') {
      const m = GOVERNORS.get(t.lemma);
      return m && CONTENT_MODALITIES.has(m) && sawLink ? j : -1;
    }
    if (t.lower === 'that' || (t.pos === 'AUX' && MODAL_WORDS.has(t.lower))) sawLink = true;
    else if (!(t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'PRON' || t.pos === 'NUM' || t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV')) return -1;
  }
  return -1;
}

/** The action a governing verb at k governs ("threatened [to strike]"): the verb after "to". */
export function complementOf(view: SentenceView, k: number): number {
  const { toks } = view;
  for (let j = k + 1; j < toks.length && j <= k + 8; j++) {
    const t = toks[j]!;
    if (t.lower === 'to' && toks[j + 1]?.pos === 'VERB') return j + 1;
    if (t.lower === 'to' && toks[j + 1]?.pos === 'ADV' && toks[j + 2]?.pos === 'VERB') return j + 2;
    if (t.pos === 'VERB' || t.text === ',' || t.text === ';' || t.pos === 'SCONJ') return -1;
  }
  return -1;
}

/** Auxiliaries and negations right before k (up to 4 tokens, within the clause). */
function auxChain(view: SentenceView, k: number): Tok[] {
  const out: Tok[] = [];
  const start = view.clauses[view.clauseOf[k]!]!.start;
  for (let j = k - 1; j >= start && j >= k - 4; j--) {
    const t = view.toks[j]!;
    if (t.pos === 'AUX' || t.pos === 'PART' || NEGATIONS.has(t.lower) || t.pos === 'ADV') out.push(t);
    else break;
  }
  return out;
}

function passive(view: SentenceView, k: number): boolean {
  const t = view.toks[k]!;
  if (t.pos !== 'VERB' || !/(ed|en|wn|ught|id|t)$/.test(t.lower)) return false;
  for (const a of auxChain(view, k)) if (a.lemma === 'be' || a.lemma === 'get') return true;
  return false;
}

/** The nearest phrase before k in k's clause (a subject) and the first after k (an object). */
function neighbourPhrases(ctx: SentenceContext, k: number): { before: NounPhrase | null; after: NounPhrase | null } {
  const clause = ctx.view.clauses[ctx.view.clauseOf[k]!]!;
  let before: NounPhrase | null = null;
  let after: NounPhrase | null = null;
  for (const p of ctx.phrases) {
    if (p.last < k && p.first >= clause.start) before = p;
    if (p.first > k && p.first < clause.end && !after) after = p;
  }
  return { before, after };
}

function sectorOf(p: NounPhrase | null): string {
  if (!p) return 'none';
  if (!p.code) return p.kind;
  return p.code.length >= 6 ? p.code.slice(3, 6) : p.code.slice(0, 3) === '---' ? 'unk' : 'STATE';
}

/** Inside a reported-speech complement: a speech verb earlier in the sentence, before a clause start. */
function reported(view: SentenceView, k: number): string | null {
  for (let j = k - 1; j >= 0; j--) {
    const t = view.toks[j]!;
    if ((t.pos === 'VERB' || t.pos === 'ADP') && SPEECH.has(t.lemma)) return t.lemma;
  }
  // "..., officials said": a speech verb after a comma later in the sentence.
  for (let j = k + 1; j < view.toks.length; j++) {
    const t = view.toks[j]!;
    if (t.pos === 'VERB' && SPEECH.has(t.lemma) && view.toks[j - 1]?.text !== ',' && j > k + 2) {
      for (let c = k + 1; c < j; c++) if (view.toks[c]!.text === ',' || view.toks[c]!.text === '”' || view.toks[c]!.text === '"') return 'after:' + t.lemma;
    }
  }
  return null;
}

/** Features of the word at k as a possible event trigger. */
export function triggerFeatures(ctx: SentenceContext, k: number, f: Features): void {
  const { view } = ctx;
  const toks = view.toks;
  const t = toks[k]!;
  const prev = toks[k - 1];
  const next = toks[k + 1];
  f.add('bias');
  f.addPair('w=', t.lower);
  f.addPair('l=', t.lemma);
  f.addPair('pos=', t.pos);
  f.addPair('l+pos=', t.lemma + '|' + t.pos);
  f.addPair('c=', cluster(ctx, t));
  f.addPair('c+pos=', cluster(ctx, t) + '|' + t.pos);
  f.addPair('suffix=', t.lower.slice(-3));
  const nom = nominalType(t);
  if (nom) f.addPair('nom=', nom);
  const ms = matchesAt(ctx, k);
  if (ms.length === 0) f.add('dict=none');
  for (const m of ms) {
    const root = m.code ? m.code.slice(0, 2) : 'nocode';
    f.addPair('dict:', m.via + '=' + root);
    if (m.code) {
      f.addPair('dict:code=', m.code);
      // The dictionary's reading as a PLOVER type: one feature per type, whatever code gave it.
      f.addPair('dict:plover=', (ploverOf(m.code) ?? 'none'));
    }
    if (m.negative) f.add('dict:negative');
  }
  f.addPair('p1=', (prev?.lower ?? '<s>'));
  f.addPair('n1=', (next?.lower ?? '</s>'));
  f.addPair('p1pos=', (prev?.pos ?? '<s>'));
  f.addPair('n1pos=', (next?.pos ?? '</s>'));
  f.addPair('p2=', (toks[k - 2]?.lower ?? '<s>'));
  f.addPair('n2=', (toks[k + 2]?.lower ?? '</s>'));
  f.addPair('l+n1=', t.lemma + '|' + (next?.lower ?? '</s>'));
  if (next && (next.pos === 'ADP' || next.pos === 'PART' || next.pos === 'ADV')) f.addPair('l+part=', t.lemma + '|' + next.lower);
  for (let j = Math.max(0, k - 4); j < Math.min(toks.length, k + 5); j++) if (j !== k && (toks[j]!.pos === 'NOUN' || toks[j]!.pos === 'VERB')) f.addPair('ctx=', toks[j]!.lemma);
  for (const a of auxChain(view, k)) f.addPair('aux=', a.lower);
  if (passive(view, k)) f.add('passive');
  const gov = governorOf(view, k);
  if (gov >= 0) {
    const g = toks[gov]!;
    f.addPair('gov=', g.lemma);
    f.addPair('govc=', cluster(ctx, g));
    const gm = GOVERNORS.get(g.lemma);
    if (gm) f.addPair('govmod=', gm);
    for (const m of matchesAt(ctx, gov)) if (m.code) f.addPair('govdict=', (ploverOf(m.code) ?? m.code.slice(0, 2)));
  }
  const comp = complementOf(view, k);
  if (comp >= 0) {
    const c = toks[comp]!;
    f.addPair('comp=', c.lemma);
    f.addPair('compc=', cluster(ctx, c));
    for (const m of matchesAt(ctx, comp)) if (m.code) f.addPair('compdict=', (ploverOf(m.code) ?? m.code.slice(0, 2)));
    const gm = GOVERNORS.get(t.lemma);
    if (gm) {
      f.addPair('governs=', gm);
      // "refused to release", "threatened to strike": the governing word's modality with the
      // governed action's reading (the PLOVER rule makes the pair one type).
      f.addPair('governs+comp=', gm + '|' + (t.pos === 'VERB' ? 'v' : 'n'));
      for (const m of matchesAt(ctx, comp)) if (m.code) f.addPair('governs+compdict=', gm + '|' + (ploverOf(m.code) ?? 'none'));
      const cn = nominalType(c);
      if (cn) f.addPair('governs+compdict=', gm + '|' + cn);
    }
  }
  if (t.pos !== 'VERB') {
    // A noun: its determiner, what follows it, and a light verb that takes it as object.
    if (prev && (prev.pos === 'DET' || prev.pos === 'PRON')) f.addPair('det=', prev.lower);
    if (next?.pos === 'ADP') f.addPair('nprep=', next.lower);
    for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
      const v = toks[j]!;
      if (v.pos === 'VERB') {
        f.addPair('nverb=', v.lemma);
        if (LIGHT_VERBS.has(v.lemma)) f.addPair('light=', v.lemma);
        break;
      }
    }
    if (prev && /['’]s$/.test(prev.lower)) f.add('possessed');
  }
  const { before, after } = neighbourPhrases(ctx, k);
  f.addPair('subj=', sectorOf(before));
  f.addPair('obj=', sectorOf(after));
  if (after && toks[after.first - 1]?.pos === 'ADP') f.addPair('objprep=', toks[after.first - 1]!.lower);
  const clause = view.clauses[view.clauseOf[k]!]!;
  if (clause.relative) f.add('relative');
  const rep = reported(view, k);
  if (rep) f.addPair('reported=', rep);
  if (SPEECH.has(t.lemma)) f.add('speech');
  const coded = ctx.phrases.filter((p) => p.code !== null).length;
  f.addPair('actors=', String(Math.min(coded, 3)));
  const rules = ctx.rules.get(k);
  if (rules) for (const r of rules) f.addPair('rule=', (r.type ?? 'statement'));
  else f.add('rule=none');
  if (gov >= 0) for (const r of ctx.rules.get(gov) ?? []) f.addPair('govrule=', (r.type ?? 'statement'));
  backgroundFeatures(ctx, k, f);
  // The word with its context: what a lemma means depends on who does it to whom and how.
  const l = t.lemma + '|';
  f.addPair('l+p1=', l + (prev?.lower ?? '<s>'));
  f.addPair('l+subj=', l + sectorOf(before));
  f.addPair('l+obj=', l + sectorOf(after));
  f.addPair('l+pas=', l + passive(view, k));
  f.addPair('l+rep=', l + (rep ? 'yes' : 'no'));
  if (gov >= 0) f.addPair('l+gov=', l + toks[gov]!.lemma);
}

/** What tells a reported act from background, an attribute or an aim (docs/ANNOTATION.md, "not
 *  events"): a noun after "since"/"after"/"amid" with a year ("since the 2014 annexation"); a
 *  participle fused to a name by a hyphen ("Russian-backed", "US-led"); a gerund after a
 *  preposition ("a focus on fighting Isis"); an infinitive governed by a noun ("efforts to curb
 *  migration"); a clause dated by a year only ("in 2011") or by a day. */
export function backgroundFeatures(ctx: SentenceContext, k: number, f: Features): void {
  const { view } = ctx;
  const toks = view.toks;
  const t = toks[k]!;
  const prev = toks[k - 1];
  if (prev && prev.text === '-' && prev.end === t.start) f.add('bg:hyphen');
  // "the occupied Golan Heights", "the slain leader": a participle used as an adjective.
  const next = toks[k + 1];
  if (t.pos === 'VERB' && /(ed|en|wn|ain)$/.test(t.lower) && prev && (prev.pos === 'DET' || prev.pos === 'ADJ') && next && (next.pos === 'NOUN' || next.pos === 'PROPN')) f.add('bg:attributive');
  if (t.pos !== 'VERB') {
    let year = false;
    for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
      const w = toks[j]!;
      if (w.pos === 'NUM' && /^(1[89]|20)\d\d$/.test(w.text)) year = true;
      if (w.pos === 'DET' || w.pos === 'ADJ' || w.pos === 'NUM' || w.pos === 'PROPN' || w.pos === 'NOUN' || /['’]s?$/.test(w.lower) || w.text === '-') continue;
      if (w.pos === 'ADP' || w.pos === 'SCONJ') {
        f.addPair('bg:np-prep=', w.lower);
        if (year) f.addPair('bg:np-prep-year=', w.lower);
      }
      break;
    }
    if (year) f.add('bg:np-year');
  } else if (t.lower.endsWith('ing') && prev && prev.pos === 'ADP') {
    f.addPair('bg:ing-prep=', prev.lower);
  }
  // "efforts to curb", "a bid to oust": an infinitive governed by a noun.
  let j = k - 1;
  while (j >= 0 && toks[j]!.pos === 'ADV') j--;
  if (j >= 1 && toks[j]!.lower === 'to' && (toks[j - 1]!.pos === 'NOUN' || toks[j - 1]!.pos === 'PROPN')) {
    f.addPair('bg:noun-gov=', toks[j - 1]!.lemma);
    f.addPair('bg:noun-govc=', cluster(ctx, toks[j - 1]));
  }
  const clause = view.clauseOf[k];
  for (const d of view.dates) {
    if (view.clauseOf[d.first] !== clause) continue;
    f.addPair('bg:date=', d.date.granularity);
  }
}

/** Features of the modality of an event at k (its type is decided separately). */
export function modalityFeatures(ctx: SentenceContext, k: number, f: Features): void {
  const { view } = ctx;
  const toks = view.toks;
  const t = toks[k]!;
  f.add('bias');
  f.addPair('l=', t.lemma);
  f.addPair('pos=', t.pos);
  const gm = GOVERNORS.get(t.lemma);
  if (gm) f.addPair('self=', gm);
  for (const a of auxChain(view, k)) f.addPair('aux=', a.lower);
  const gov = governorOf(view, k);
  if (gov >= 0) {
    const g = toks[gov]!;
    f.addPair('gov=', g.lemma);
    f.addPair('govmod=', (GOVERNORS.get(g.lemma) ?? 'other'));
    for (const a of auxChain(view, gov)) f.addPair('govaux=', a.lower);
  }
  const comp = complementOf(view, k);
  if (comp >= 0) f.add('hascomp');
  const clause = view.clauses[view.clauseOf[k]!]!;
  const first = toks[clause.start]!;
  f.addPair('clausefirst=', first.lower);
  for (let j = clause.start; j < k; j++) {
    const w = toks[j]!;
    if (MODAL_WORDS.has(w.lower)) f.addPair('before=', w.lower);
    if (GOVERNORS.has(w.lemma) && w.pos === 'VERB') f.addPair('beforegov=', String(GOVERNORS.get(w.lemma)));
  }
  // The clause before a complement: "denied that", "said it would".
  if (clause.start > 0) {
    for (let j = clause.start - 1; j >= 0 && j >= clause.start - 6; j--) {
      const w = toks[j]!;
      if (w.pos === 'VERB') {
        f.addPair('outer=', w.lemma);
        const om = GOVERNORS.get(w.lemma);
        if (om) f.addPair('outermod=', om);
        break;
      }
    }
  }
  if (t.pos !== 'VERB') {
    const prev = toks[k - 1];
    if (prev?.lower === 'no') f.add('no-noun');
    for (let j = k + 1; j < clause.end && j <= k + 5; j++) if (NEGATIONS.has(toks[j]!.lower)) f.add('neg-after');
  }
  if (toks[toks.length - 1]?.text === '?') f.add('question');
  // The rule coder's readings of negation and modality around the word, as evidence.
  if (isNegated(view, k, k)) f.add('neg-rule');
  if (isHypothetical(view, k, k)) f.add('hyp-rule');
  const after = predicateAfter(view, k + 1, clause.end);
  if (after.negated) f.add('pred-negated');
  if (after.hypothetical) f.add('pred-hypothetical');
  for (const r of ctx.rules.get(k) ?? []) {
    if (r.negated) f.add('rule-negated');
    if (r.hypothetical) f.add('rule-hypothetical');
  }
  const next = toks[k + 1];
  if (next?.lower === 'no') f.add('obj-no');
}

function bucket(d: number): string {
  return d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 10 ? '7-10' : '11+';
}

/** Features of "no phrase" as the source (or target) of the event at k: the sentence may name none
 *  ("Three soldiers were killed"), or name it where the coder cannot see it. */
export function noneFeatures(ctx: SentenceContext, k: number, type: string, f: Features): void {
  const t = ctx.view.toks[k]!;
  const feats = ['none', 'pos=' + t.pos, 'passive=' + passive(ctx.view, k), 'gov=' + (governorOf(ctx.view, k) >= 0), 'phrases=' + Math.min(ctx.phrases.length, 4)];
  for (const x of feats) {
    f.add(x);
    f.add(type + '|' + x);
  }
  f.addPair('l=', t.lemma);
}

/** Features of noun phrase p as an argument of the event at k of type `type`. */
export function argumentFeatures(ctx: SentenceContext, k: number, type: string, p: NounPhrase, f: Features): void {
  const { view } = ctx;
  const toks = view.toks;
  const t = toks[k]!;
  const before = p.last < k;
  const dir = before ? 'L' : 'R';
  const dist = before ? k - p.last : p.first - k;
  const sameClause = view.clauseOf[p.head] === view.clauseOf[k];
  const prep = toks[p.first - 1]?.pos === 'ADP' || toks[p.first - 1]?.lower === 'to' ? toks[p.first - 1]!.lower : 'none';
  let verbsBetween = 0;
  let commas = 0;
  const [from, to] = before ? [p.last + 1, k] : [k + 1, p.first];
  for (let j = from; j < to; j++) {
    if (toks[j]!.pos === 'VERB') verbsBetween++;
    if (toks[j]!.text === ',') commas++;
  }
  const pas = passive(view, k);
  const kind = p.kind + ':' + sectorOf(p);
  // Which phrase it is, counting outwards from the trigger on its side (1 = the nearest).
  let order = 1;
  for (const q of ctx.phrases) {
    if (q === p) continue;
    if (before && q.last < k && q.first > p.last) order++;
    if (!before && q.first > k && q.last < p.first) order++;
  }
  const feats = [
    'bias',
    'dir=' + dir,
    'dist=' + dir + bucket(dist),
    'same=' + sameClause,
    'prep=' + dir + prep,
    'verbs=' + dir + Math.min(verbsBetween, 2),
    'commas=' + dir + Math.min(commas, 2),
    'kind=' + kind,
    'coded=' + (p.code !== null),
    'pas=' + pas + dir + prep,
    'trigpos=' + t.pos + dir,
    'order=' + dir + Math.min(order, 4),
    'order+same=' + dir + Math.min(order, 4) + sameClause,
    'order+prep=' + dir + Math.min(order, 3) + prep,
    'head=' + toks[p.head]!.lemma,
    'headc=' + cluster(ctx, toks[p.head]),
  ];
  for (const x of feats) {
    f.add(x);
    f.add(type + '|' + x);
  }
  f.addPair('l=', t.lemma + '|' + dir + prep);
  if (view.clauses[view.clauseOf[p.head]!]!.relative) f.add('np-relative');
  if (view.clauses[view.clauseOf[k]!]!.relative) f.add('trig-relative');
  // The first phrase of the trigger's clause, before it: the subject.
  const clause = view.clauses[view.clauseOf[k]!]!;
  const firstInClause = ctx.phrases.find((q) => q.first >= clause.start && q.first < clause.end);
  if (firstInClause === p && before) f.add('clause-subject');
  // The subject of a governing verb is the actor of the governed action ("Turkey threatened to strike").
  const gov = governorOf(view, k);
  if (gov >= 0) {
    const gclause = view.clauses[view.clauseOf[gov]!]!;
    const gsubj = ctx.phrases.find((q) => q.first >= gclause.start && q.last < gov);
    if (gsubj === p) f.add('gov-subject');
    if (p.first > gov && p.last < k) f.add('gov-object');
  }
  // "Russia's attack on", "the arrest of X": possessor and of-phrase of a noun trigger.
  if (t.pos !== 'VERB') {
    if (p.last === k - 1 || (p.first <= k && p.last >= k)) f.add('n-contains');
    if (toks[p.last + 1] && /['’]s$/.test(toks[p.last + 1]!.lower) && p.last + 2 === k) f.add('n-possessor');
    if (prep === 'of' && p.first === k + 2) f.add('n-of');
  }
  if (p.first <= k && p.last >= k) f.add('covers-trigger');
  // Grammatical roles (roles.ts): the subject of the trigger (of its governor for an infinitive),
  // with the voice; the by-phrase of a passive; the noun a participle modifies.
  const roles: string[] = [];
  const pi = ctx.phrases.indexOf(p);
  const r = rolesAt(ctx, k);
  if (r.subject === pi) roles.push('subj:' + (pas ? 'passive' : 'active'));
  if (r.byAgent === pi) roles.push('by-agent');
  if (r.modified === pi) roles.push('modified');
  if (r.govSubject === pi) roles.push('gov-subj:' + (r.govPassive ? 'passive' : 'active'));
  for (const r of roles) {
    f.add('role=' + r);
    f.add(type + '|role=' + r);
  }
  if (roles.length === 0) f.add('role=none');
  // Who reports the event is rarely its target ("Rami Abdurrahman said the strikes were carried out
  // by the air force"), and a place where it happens is none of its actors.
  if (r.speakers.has(pi)) {
    f.add('speaker');
    f.add(type + '|speaker');
  }
  if (locativePhrase(ctx, p)) {
    f.add('locative');
    f.add(type + '|locative');
  }
}

const framesCache = new WeakMap<SentenceContext, Frame[]>();

interface Roles {
  subject: number;
  byAgent: number;
  modified: number;
  govSubject: number;
  govPassive: boolean;
  speakers: Set<number>;
}

const rolesCache = new WeakMap<SentenceContext, Map<number, Roles>>();

/** The phrases in grammatical roles around the trigger at k (roles.ts), read once per trigger. */
function rolesAt(ctx: SentenceContext, k: number): Roles {
  let byWord = rolesCache.get(ctx);
  if (!byWord) {
    byWord = new Map();
    rolesCache.set(ctx, byWord);
  }
  let r = byWord.get(k);
  if (!r) {
    const verb = ctx.view.toks[k]!.pos === 'VERB';
    const gov = governorOf(ctx.view, k);
    r = {
      subject: verb ? subjectOf(ctx, k) : -1,
      byAgent: verb ? byAgentOf(ctx, k) : -1,
      modified: verb ? modifiedBy(ctx, k) : -1,
      govSubject: gov >= 0 ? subjectOf(ctx, gov) : -1,
      govPassive: gov >= 0 && passive(ctx.view, gov),
      speakers: speakersOf(ctx, k),
    };
    byWord.set(k, r);
  }
  return r;
}

/** The phrases that name who reports the event at k: the speaker of a reported-speech frame whose
 *  complement holds k (its mention's phrase, else the subject of its speech verb). */
export function speakersOf(ctx: SentenceContext, k: number): Set<number> {
  let frames = framesCache.get(ctx);
  if (!frames) {
    frames = findFrames(ctx.view);
    framesCache.set(ctx, frames);
  }
  const out = new Set<number>();
  for (const fr of frames) {
    if (fr.cue === k || k < fr.from || k >= fr.to || !fr.speaker) continue;
    const p = ctx.phraseAt[fr.speaker.last]!;
    if (p >= 0) out.add(p);
  }
  // Speakers the actors stage does not know: the subject of a speech verb before the event ("Rami
  // Abdurrahman said the strikes ..."), or the phrase next to one after it ("..., the official said",
  // "..., said a western diplomat").
  const toks = ctx.view.toks;
  for (let v = 0; v < toks.length; v++) {
    if (v === k || !isSpeechVerb(ctx.view, v)) continue;
    if (v < k) {
      const p = subjectOf(ctx, v);
      if (p >= 0 && ctx.phrases[p]!.last < v) out.add(p);
      continue;
    }
    let broken = false;
    for (let j = k + 1; j < v; j++) if (toks[j]!.text === ',' || QUOTE_MARKS.has(toks[j]!.text)) broken = true;
    if (!broken) continue;
    const before = ctx.phraseAt[v - 1]!;
    if (before >= 0 && ctx.phrases[before]!.last === v - 1 && ctx.phrases[before]!.first > k) out.add(before);
    else if (v + 1 < toks.length && ctx.phraseAt[v + 1]! >= 0) out.add(ctx.phraseAt[v + 1]!);
  }
  return out;
}

/** A phrase naming where something happens: after in/at/near, or holding a place mention read as a location. */
function locativePhrase(ctx: SentenceContext, p: NounPhrase): boolean {
  for (const m of ctx.view.mentions) if (m.locative && m.first >= p.first && m.last <= p.last) return true;
  return introducedByLocative(ctx.view.toks, p.first);
}
