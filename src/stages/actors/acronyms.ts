// Acronyms an article defines: "the Organisation for the Prohibition of Chemical Weapons (OPCW)"
// or "the OPCW (Organisation for the Prohibition of Chemical Weapons)" makes every later "OPCW",
// "Opcw" or "opcw" the organisation the long form resolved to, whether or not the dictionary
// knows the acronym ("the National Investigation Agency (NIA)" -> the agency's code).
import type { Article, Entity } from '../../model.js';
import { entity } from './entity.js';
import type { Word } from './words.js';
import { isCommonWord } from './lexicon.js';

const IN_BRACKETS = /\(\s*([\p{L}][\p{L}.&-]{1,11})\s*\)/gu;
const SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'de', 'du', 'des', 'la', 'le', 'al', 'el', '&']);

interface Definition {
  key: string;
  /** The entity the long form resolved to. */
  long: Entity;
  /** Where the definition ends: only later mentions (and the one in brackets) take the code. */
  from: number;
}

/** Entities for the mentions of acronyms defined in the article, over `known` (sorted entities). */
export function definedAcronyms(article: Article, words: Word[], known: Entity[]): Entity[] {
  const defs = definitions(article.text, known);
  if (defs.length === 0) return [];
  const byKey = new Map<string, Definition>();
  for (const d of defs) if (!byKey.has(d.key)) byKey.set(d.key, d);
  const out: Entity[] = [];
  const caseless = !/\p{Lu}/u.test(article.text);
  for (const w of words) {
    const key = w.key.replace(/[^\p{L}]/gu, '');
    const d = byKey.get(key);
    if (!d || w.start < d.from - key.length - 2) continue;
    if (w.start >= d.long.start && w.end <= d.long.end) continue;
    // An acronym is written in capitals, or as a name ("Nato", "Opcw"); in text with no capitals at
    // all, as any word that is not an ordinary English one.
    if (!(w.cap || (caseless && key.length >= 3 && !isCommonWord(w.text)))) continue;
    out.push(entity(w.start, w.end, w.text, d.long.kind === 'PLACE' ? 'ORG' : d.long.kind, d.long.name, d.long.code, d.long.country, 'acronym'));
  }
  return out;
}

function definitions(text: string, known: Entity[]): Definition[] {
  const out: Definition[] = [];
  IN_BRACKETS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IN_BRACKETS.exec(text))) {
    const inner = m[1]!;
    const open = m.index;
    const close = m.index + m[0].length;
    const key = inner.replace(/[^\p{L}]/gu, '').toUpperCase();
    // "Long Name (ACR)": the entity ending right before the bracket.
    const before = known.find((e) => e.code && e.end <= open && /^\s*$/.test(text.slice(e.end, open)));
    if (before && key.length >= 2 && abbreviates(key, before.text)) {
      out.push({ key, long: before, from: close });
      continue;
    }
    // "ACR (Long Name)": the entity filling the bracket, after a word spelling the acronym.
    const inside = known.find((e) => e.code && e.start >= open && e.end <= close);
    const word = /([\p{L}][\p{L}.&-]{1,11})\s*$/u.exec(text.slice(Math.max(0, open - 14), open))?.[1];
    if (inside && word) {
      const k = word.replace(/[^\p{L}]/gu, '').toUpperCase();
      if (k.length >= 2 && abbreviates(k, inside.text)) out.push({ key: k, long: inside, from: open });
    }
  }
  return out;
}

/** The acronym's letters appear, in order, as initials of the long form's words (small words optional). */
export function abbreviates(acronym: string, long: string): boolean {
  const words = long.split(/[\s\-–/]+/).filter((w) => w !== '' && !/^(the|a|an)$/i.test(w));
  if (words.length < 2) return false;
  const initials = words.map((w) => w.replace(/^[^\p{L}]+/u, '').charAt(0).toUpperCase());
  const small = words.map((w) => SMALL_WORDS.has(w.toLowerCase()));
  // Match the letters against initials in order; a significant word may not be skipped.
  const match = (a: number, w: number): boolean => {
    if (a === acronym.length) return small.slice(w).every(Boolean) || w >= words.length;
    if (w >= words.length) return false;
    if (initials[w] === acronym[a] && match(a + 1, w + 1)) return true;
    return small[w]! && match(a, w + 1);
  };
  return match(0, 0);
}
