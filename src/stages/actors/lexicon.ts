// "Is this an ordinary English word?" guards surname, typo and weak-alias matching so that
// "Grant", "Rice" or a misspelt common word never becomes a person.
import { inLexicon } from '../../lang/wink.js';
import { WordTable } from './word-table.js';

/** Lower-cased word -> COMMON or NOT_COMMON, for every word asked about so far (most are asked again). */
const cache = new WordTable();
const COMMON = 2;
const NOT_COMMON = 1;

export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  let known = cache.get(0, w);
  if (known === 0) cache.add(0, w, (known = inLexicon(w) ? COMMON : NOT_COMMON));
  return known === COMMON;
}

// Two rows of the distance table, reused across calls (grown when a longer word comes).
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** Levenshtein distance (over UTF-16 units), stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= prevRow.length) {
    prevRow = new Int32Array(2 * (b.length + 1));
    curRow = new Int32Array(2 * (b.length + 1));
  }
  let prev = prevRow;
  let cur = curRow;
  for (let k = 0; k <= b.length; k++) prev[k] = k;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let k = 1; k <= b.length; k++) {
      const v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (ai === b.charCodeAt(k - 1) ? 0 : 1));
      cur[k] = v;
      if (v < rowMin) rowMin = v;
    }
    // Each row's minimum bounds the final distance from below.
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length];
}

/**
 * editDistance(a, b, 1) <= 1 in one pass: equal, one substitution, or one insertion. The typo
 * checks run it against every surname of an article for every unknown capitalised word.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (i === short.length) return true;
  // First difference at i: the rest must match after skipping one unit of `long` (and of
  // `short` too when the lengths are equal, a substitution).
  const skipShort = short.length === long.length ? 1 : 0;
  for (let k = i + skipShort, m = i + 1; k < short.length; k++, m++) if (short.charCodeAt(k) !== long.charCodeAt(m)) return false;
  return true;
}
