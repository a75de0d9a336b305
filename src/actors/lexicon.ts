// "Is this an ordinary English word?" guards surname, typo and weak-alias matching so that
// "Grant", "Rice" or a misspelt common word never becomes a person.
import { inLexicon } from '../nlp/wink.js';

const cache = new Map<string, boolean>();

export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  let known = cache.get(w);
  if (known === undefined) cache.set(w, (known = inLexicon(w)));
  return known;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let k = 1; k <= b.length; k++) {
      const v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}
