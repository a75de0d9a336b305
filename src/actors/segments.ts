// Dictionary matching: the article's words cut into segments, each either a dictionary match
// (actor, country form, agent/title) or a plain word. Longest match wins; a match must pass case
// guards so that "us", "is" or "will" never become the US, Islamic State or a person.
import type { ActorDictionary, Target, TrieNode } from './dictionary.js';
import type { Word } from './words.js';

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

function nameShaped(words: Word[], i: number, j: number): boolean {
  const w = words[i]!;
  if (j - i === 1 && w.allCaps && w.text.replace(/[^\p{L}]/gu, '').length >= 3) return true;
  // "Al-Qaeda" may be one word or "Al", "-", "Qaeda".
  const last = words[j - 1]!;
  return /^al(-|$)/i.test(w.text) && (j - i > 1 ? last.cap : /-\p{Lu}/u.test(w.text));
}

/** Case guards: names start with a capital; short names (US, UN, IS) must be all capitals. */
function acceptable(t: Target, words: Word[], i: number, j: number): boolean {
  if (t.t === 'agent') return true;
  // Common-word aliases need context (see references), unless written as a name cannot be a
  // common word: an organisation's acronym in capitals ("NATO", "IAEA", "FARC") or an Arabic
  // article compound ("Al-Qaeda", "al-Shabaab").
  if (t.t === 'actor' && t.weak) return t.actor.kind === 'ORG' && nameShaped(words, i, j);
  const first = words[i];
  if (!first.cap) return false;
  if (j - i === 1 && first.key.replace(/[^\p{L}]/gu, '').length <= 3 && !first.allCaps) return false;
  return true;
}

export function segment(words: Word[], dict: ActorDictionary): Segment[] {
  const out: Segment[] = [];
  const ends: [number, Target[]][] = [];
  let i = 0;
  while (i < words.length) {
    ends.length = 0;
    let node: TrieNode | undefined = dict.root;
    for (let j = i; j < words.length && node; j++) {
      if (j > i && words[j].boundary) break;
      const key = words[j].key;
      let child: TrieNode | undefined = node.next.get(key);
      if (!child && node.stems) for (const [stem, n] of node.stems) if (key.startsWith(stem)) { child = n; break; }
      node = child;
      if (node?.targets) ends.push([j + 1, node.targets]);
    }
    let chosen: Segment | null = null;
    const prev = out[out.length - 1];
    const afterCountry = prev?.target?.t === 'country' && !words[i].boundary;
    for (let e = ends.length - 1; e >= 0 && !chosen; e--) {
      const [j, targets] = ends[e];
      let best: Target | null = null;
      for (const t of targets) if (acceptable(t, words, i, j) && (!best || rank(t, afterCountry) < rank(best, afterCountry))) best = t;
      if (best) chosen = { i, j, target: best };
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
