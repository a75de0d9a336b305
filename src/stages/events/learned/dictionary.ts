// The whole Phoenix verb dictionary (data/verbs.json) as evidence for the learned coder: which
// CAMEO codes a verb, its phrasal form or one of its patterns would give at a token. The coder does
// not obey a match (a trained model weighs it); a match is a feature, and so is the dictionary's
// "do not code" ([---]).
import { readFileSync } from 'node:fs';
import { dataFile } from './data.js';

export interface Tok {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

/** A pattern row of data/verbs.json: before slots, after slots, code or null, negative flag. */
type PatternRow = [string[], string[], string | null, 0 | 1];

interface VerbsTable {
  blocks: PatternRow[][];
  verbs: Record<string, [string | null, number, string[]][]>;
}

interface Pattern {
  before: string[][];
  after: string[][];
  code: string | null;
  negative: boolean;
}

/** A block's patterns, indexed by the words of their first slot after the verb (or before it, for
 *  a pattern with nothing after): a pattern can only match where one of those words is near the
 *  verb, so only those few are tried. */
interface Block {
  patterns: Pattern[];
  byWord: Map<string, Pattern[]>;
}

interface Entry {
  code: string | null;
  particles: string[];
  block: Block;
}

export interface DictionaryMatch {
  /** CAMEO code, or null for a "do not code" pattern. */
  code: string | null;
  /** What matched: the verb's own code, a phrasal verb, or a pattern around the verb. */
  via: 'verb' | 'phrasal' | 'pattern';
  /** The pattern itself contains a negation ("NOT * AID"). */
  negative: boolean;
}

export interface VerbLexicon {
  entries: Map<string, Entry[]>;
}

let cached: VerbLexicon | null = null;

/** data/verbs.json, read once. */
export function verbLexicon(): VerbLexicon {
  if (cached) return cached;
  const table = JSON.parse(readFileSync(dataFile('verbs.json'), 'utf8')) as VerbsTable;
  const blocks = table.blocks.map((rows): Block => {
    const patterns = rows.map(([b, a, code, neg]): Pattern => ({ before: b.map((s) => s.split('|')), after: a.map((s) => s.split('|')), code, negative: neg === 1 }));
    const byWord = new Map<string, Pattern[]>();
    for (const p of patterns) {
      const first = p.after[0] ?? p.before[0];
      if (!first) continue;
      for (const w of first) {
        const list = byWord.get(w);
        if (list) list.push(p);
        else byWord.set(w, [p]);
      }
    }
    return { patterns, byWord };
  });
  const entries = new Map<string, Entry[]>();
  for (const [word, list] of Object.entries(table.verbs)) {
    entries.set(word, list.map(([code, block, particles]) => ({ code, particles, block: blocks[block]! })));
  }
  cached = { entries };
  return cached;
}

/** A pattern word of this length or more also matches words it begins ("violat" -> "violated"). */
const MIN_STEM = 5;

/** A pattern word matches a token: the word, its lemma, or a stem of five letters or more. */
function slotMatches(slot: string[], t: Tok): boolean {
  for (const w of slot) {
    if (w === t.lower || w === t.lemma) return true;
    if (w.length >= MIN_STEM && t.lower.startsWith(w)) return true;
  }
  return false;
}

/** Slots found in order in toks[from, to) with gaps allowed. */
function inOrder(slots: string[][], toks: Tok[], from: number, to: number): boolean {
  let k = from;
  for (const s of slots) {
    while (k < to && !slotMatches(s, toks[k]!)) k++;
    if (k >= to) return false;
    k++;
  }
  return true;
}

const AFTER_WINDOW = 10;
const BEFORE_WINDOW = 6;
const PARTICLE_WINDOW = 3;

/** The patterns of a block whose first slot has a word of the window: its words, lemmas and stems. */
function candidatePatterns(block: Block, toks: Tok[], from: number, k: number, to: number): Set<Pattern> {
  const out = new Set<Pattern>();
  const add = (key: string): void => {
    const list = block.byWord.get(key);
    if (list) for (const p of list) out.add(p);
  };
  for (let j = from; j < to; j++) {
    if (j === k) continue;
    const t = toks[j]!;
    add(t.lower);
    if (t.lemma !== t.lower) add(t.lemma);
    for (let n = MIN_STEM; n < t.lower.length; n++) add(t.lower.slice(0, n));
  }
  return out;
}

/**
 * The dictionary verb a participle or gerund comes from when the tagger took it for a noun or an
 * adjective and left it unlemmatised ("abducted", "tortured", "alleged", "pelting", "burnt"), or
 * undefined. Only inflected forms are stemmed; a word listed as it is needs no stem.
 */
export function verbStem(lex: VerbLexicon, word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 5) return undefined;
  const tries: string[] = [];
  if (w.endsWith('ied')) tries.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) tries.push(w.slice(0, -2), w.slice(0, -1));
  if (/([bdgklmnprt])\1ed$/.test(w)) tries.push(w.slice(0, -3));
  if (w.endsWith('ing')) tries.push(w.slice(0, -3), w.slice(0, -3) + 'e');
  if (/([bdgklmnprt])\1ing$/.test(w)) tries.push(w.slice(0, -4));
  if (/[^e]t$/.test(w) && w.length > 5) tries.push(w.slice(0, -1));
  return tries.find((x) => x.length >= 3 && lex.entries.has(x));
}

function entriesOfStem(lex: VerbLexicon, t: Tok): Entry[] | undefined {
  if (t.pos === 'VERB' && t.lemma !== t.lower) return undefined;
  const stem = verbStem(lex, t.lower);
  return stem ? lex.entries.get(stem) : undefined;
}

/** Every dictionary reading of the token at k (a verb, or a noun whose lemma is a dictionary verb). */
export function dictionaryMatches(lex: VerbLexicon, toks: Tok[], k: number, clauseStart: number, clauseEnd: number): DictionaryMatch[] {
  const t = toks[k]!;
  // Both the word as written and its lemma: "arrested" is listed only in "arrested and ...", the
  // verb's own code is under "arrest".
  const surface = lex.entries.get(t.lower);
  const lemma = t.lemma !== t.lower ? lex.entries.get(t.lemma) : undefined;
  const list = surface && lemma ? [...surface, ...lemma.filter((e) => !surface.includes(e))] : surface ?? lemma ?? entriesOfStem(lex, t);
  if (!list) return [];
  const out: DictionaryMatch[] = [];
  const afterEnd = Math.min(clauseEnd, k + 1 + AFTER_WINDOW);
  const beforeStart = Math.max(clauseStart, k - BEFORE_WINDOW);
  for (const e of list) {
    if (e.particles.length) {
      if (!inOrder(e.particles.map((p) => [p]), toks, k + 1, Math.min(clauseEnd, k + 1 + PARTICLE_WINDOW))) continue;
      if (e.code !== null) out.push({ code: e.code, via: 'phrasal', negative: false });
    } else if (e.code !== null) out.push({ code: e.code, via: 'verb', negative: false });
    for (const p of candidatePatterns(e.block, toks, beforeStart, k, afterEnd)) {
      if (p.after.length && !inOrder(p.after, toks, k + 1, afterEnd)) continue;
      if (p.before.length && !inOrder(p.before, toks, beforeStart, k)) continue;
      if (!p.after.length && !p.before.length) continue;
      out.push({ code: p.code, via: 'pattern', negative: p.negative });
    }
  }
  return out;
}
