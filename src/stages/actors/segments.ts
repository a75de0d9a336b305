// Dictionary matching: the article's words cut into segments, each either a dictionary match
// (actor, country form, agent/title) or a plain word. Longest match wins; a match must pass case
// guards so that "us", "is" or "will" never become the US, Islamic State or a person.
import type { ActorDictionary, Target } from './dictionary.js';
import { NONE, ROOT } from './trie.js';
import type { Word } from './words.js';
import { isCommonWord } from './lexicon.js';

export interface Segment {
  /** Word range [i, j). */
  i: number;
  j: number;
  target: Target | null;
}

const COUNTRY_FORM_RANK = { name: 0, capital: 1, adj: 2, plural: 3, city: 4 } as const;

/** Lower is preferred. After a country, a group noun beats a same-named actor ("Chile's Defense Department"). */
function rank(t: Target, afterCountry: boolean): number {
  if (t.t === 'agent' && afterCountry) return -1;
  if (t.t === 'actor') return t.weak ? 20 : 0;
  if (t.t === 'country') return 10 + COUNTRY_FORM_RANK[t.form];
  return 30;
}

/** Letters in `text`, counted as `text.replace(/[^\p{L}]/gu, '').length` counts them. */
export function letterLength(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return text.replace(NON_LETTERS, '').length;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

const NON_LETTERS = /[^\p{L}]/gu;
const ARTICLE_PREFIX = /^al(-|$)/i;
const HYPHEN_CAPITAL = /-\p{Lu}/u;

function nameShaped(words: Word[], i: number, j: number): boolean {
  const w = words[i]!;
  if (j - i === 1 && w.allCaps && letterLength(w.text) >= 3) return true;
  // "Al-Qaeda" may be one word or "Al", "-", "Qaeda".
  const last = words[j - 1]!;
  return ARTICLE_PREFIX.test(w.text) && (j - i > 1 ? last.cap : HYPHEN_CAPITAL.test(w.text));
}

/** Case guards: names start with a capital; short names (US, UN, IS) must be all capitals. */
function acceptable(t: Target, words: Word[], i: number, j: number, caseless: boolean): boolean {
  if (t.t === 'agent') return true;
  // Text written without capitals says nothing by its case: a name of several words, or one word
  // of four letters or more that is no ordinary English word ("lucknow", "bjp" is too short).
  if (caseless) return (j - i > 1 || letterLength(words[i]!.key) >= (t.t === 'actor' && t.actor.kind === 'ORG' ? 3 : 4)) && (j - i > 1 || !isCommonWord(words[i]!.text));
  // Common-word aliases need context (see references), unless written as a name cannot be a
  // common word: an organisation's acronym in capitals ("NATO", "IAEA", "FARC") or written as a
  // name mid-sentence ("Nato", "Isis"), or an Arabic article compound ("Al-Qaeda", "al-Shabaab").
  if (t.t === 'actor' && t.weak) return t.actor.kind === 'ORG' && (nameShaped(words, i, j) || acronymAsName(words, i, j));
  const first = words[i];
  // ("al-Shabaab", "al-Qaeda": a name behind a lower-case Arabic article)
  if (!first.cap) return t.t === 'actor' && t.actor.kind === 'ORG' && j - i > 1 && nameShaped(words, i, j);
  if (j - i === 1 && !first.allCaps && letterLength(first.key) <= 3) return false;
  return true;
}

/**
 * "Nato", "Isis", "Opec": an acronym written as a name, one capitalised word of four or five
 * letters without "the" before it ("the Youth" is a name the dictionary cannot confirm),
 * mid-sentence, or first in its sentence and followed by a verb ("Nato said").
 */
function acronymAsName(words: Word[], i: number, j: number): boolean {
  const w = words[i]!;
  const length = letterLength(w.key);
  if (j - i !== 1 || !w.cap || w.allCaps || length < 4 || length > 5) return false;
  if (i > 0 && words[i - 1]!.key === 'THE' && !w.boundary) return false;
  return !w.sentenceStart || (i + 1 < words.length && (words[i + 1]!.pos === 'VERB' || words[i + 1]!.pos === 'AUX'));
}

/** The preferred target of those that pass the case guards for words [i, j), null when none does. */
function bestTarget(targets: Target[], words: Word[], i: number, j: number, afterCountry: boolean, caseless: boolean): Target | null {
  let best: Target | null = null;
  for (const t of targets) if (acceptable(t, words, i, j, caseless) && (!best || rank(t, afterCountry) < rank(best, afterCountry))) best = t;
  return best;
}

export function segment(words: Word[], dict: ActorDictionary, caseless = false): Segment[] {
  const trie = dict.trie;
  const out: Segment[] = [];
  // The dictionary matches starting at word i, shortest first: end (exclusive) and trie node.
  const endWord: number[] = [];
  const endNode: number[] = [];
  let i = 0;
  while (i < words.length) {
    let ends = 0;
    let node = ROOT;
    for (let j = i; j < words.length; j++) {
      if (j > i && words[j].boundary) break;
      node = trie.child(node, words[j].key);
      if (node === NONE) break;
      if (trie.targets(node)) {
        endWord[ends] = j + 1;
        endNode[ends] = node;
        ends++;
      }
    }
    let chosen: Segment | null = null;
    if (ends > 0) {
      const prev = out[out.length - 1];
      const afterCountry = prev?.target?.t === 'country' && !words[i].boundary;
      for (let e = ends - 1; e >= 0 && !chosen; e--) {
        const best = bestTarget(trie.targets(endNode[e])!, words, i, endWord[e], afterCountry, caseless);
        if (best) chosen = { i, j: endWord[e], target: best };
      }
    }
    if (chosen) {
      out.push(chosen);
      i = chosen.j;
    } else {
      out.push({ i, j: i + 1, target: null });
      i++;
    }
  }
  return out;
}
