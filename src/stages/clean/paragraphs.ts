// Paragraph-level text utilities shared by the HTML and plain-text paths: white-space
// normalisation, re-joining hard-wrapped lines, and keeping repeated paragraphs once.
import { LOWER, UPPER } from './chars.js';

/**
 * Runs of spaces (including no-break and zero-width ones) that are not already a single ' ':
 * replacing only those gives what replacing every run by ' ' gives, without copying the string
 * once per word.
 */
const SPACES = /[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

/** Collapses runs of spaces (including no-break and zero-width ones) and trims. */
export function squeeze(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** Unifies line ends, strips control characters; keeps newlines (they carry paragraph structure). */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

const TERMINAL = /[.!?…:;]["'”’»)\]]*$/;
const STARTS_LOWER = /^["'“‘(\[]?\p{Ll}/u;
const ENDS_MIDSENTENCE = /[\p{Ll},]$/u;

/**
 * Re-joins lines of one block that were wrapped mid-sentence (fixed-width text, e-mail bodies).
 * A line is continued when it does not end a sentence and the next line starts in lower case, or
 * when it is a long line stopping on a lower-case word or comma (the wrap cut before a name); in
 * all-caps text, whenever it does not end a sentence.
 */
export function rejoinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  const shouting = isAllCaps(lines);
  for (const raw of lines) {
    const line = squeeze(raw);
    if (line === '') continue;
    const prev = out.length > 0 ? out[out.length - 1]! : null;
    if (prev !== null && continues(prev, line, shouting)) out[out.length - 1] = prev + ' ' + line;
    else out.push(line);
  }
  return out;
}

/** Wire copy in capitals (MUC-4, old telex) has no lower case to tell a wrapped line by. */
export function isAllCaps(lines: string[]): boolean {
  let unread = 0;
  for (const line of lines) unread += line.length;
  let upper = 0;
  let lower = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; ) {
      const c = line.codePointAt(i)!;
      if (UPPER.has(c)) upper++;
      else if (LOWER.has(c)) lower++;
      const width = c > 0xffff ? 2 : 1;
      i += width;
      unread -= width;
      // Even if every unread character were a capital, lower case would be a tenth of them: not caps.
      if ((unread & 63) === 0 && lower >= (upper + unread) * 0.1) return false;
    }
  }
  return upper > 40 && lower < upper * 0.1;
}

function continues(prev: string, next: string, shouting: boolean): boolean {
  if (TERMINAL.test(prev)) return false;
  if (shouting) return true;
  if (STARTS_LOWER.test(next)) return prev.length >= 12;
  return prev.length >= 40 && ENDS_MIDSENTENCE.test(prev) && countWords(prev) >= 5;
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Runs of non-word characters other than a lone ' ' (which would be replaced by itself; see SPACES). */
const NOT_WORD = /[^\p{L}\p{N}]{2,}|[^\p{L}\p{N} ]/gu;

/** Comparison key: case, quotes, punctuation and spacing differences do not make a new paragraph. */
export function paragraphKey(text: string): string {
  return text.toLowerCase().replace(NOT_WORD, ' ').trim();
}

/** Paragraphs of at least this many words are also compared for near-identity, not just equality. */
const NEAR_MIN_WORDS = 8;
const NEAR_JACCARD = 0.85;
const ANCHOR_WORDS = 5;

/**
 * Keeps the first occurrence of each paragraph. Exact repeats (after paragraphKey) and near-identical
 * ones (word-set Jaccard >= 0.85 with an earlier paragraph starting or ending with the same five
 * words) are dropped. Candidates are found through those anchors, so this stays linear in practice.
 */
export function dedupeParagraphs(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  const byAnchor = new Map<string, WordBag[]>();
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const key = paragraphKey(paragraph);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    // A key is its words joined by single spaces: words and anchors are counted and cut at spaces.
    if (hasSpaces(key, NEAR_MIN_WORDS - 1)) {
      const bag = new WordBag(key);
      const head = key.slice(0, nthSpace(key, ANCHOR_WORDS));
      const tail = '$' + key.slice(nthSpaceFromEnd(key, ANCHOR_WORDS) + 1);
      if (nearAny(byAnchor.get(head), bag) || nearAny(byAnchor.get(tail), bag)) continue;
      addTo(byAnchor, head, bag);
      addTo(byAnchor, tail, bag);
    }
    kept.push(paragraph);
  }
  return kept;
}

/** Whether `text` holds at least n spaces. */
function hasSpaces(text: string, n: number): boolean {
  return nthSpace(text, n) >= 0;
}

/** Index of the n-th space of `text` (n >= 1), or -1. */
function nthSpace(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(' ', at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** Index of the n-th space counted from the end of `text` (n >= 1), or -1. */
function nthSpaceFromEnd(text: string, n: number): number {
  let at = text.length;
  for (let i = 0; i < n; i++) {
    at = at > 0 ? text.lastIndexOf(' ', at - 1) : -1;
    if (at < 0) return -1;
  }
  return at;
}

/** A paragraph's words; the set is built only when it is compared (most anchors are never shared). */
class WordBag {
  private built: Set<string> | null = null;
  constructor(private readonly key: string) {}
  get set(): Set<string> {
    return (this.built ??= new Set(this.key.split(' ')));
  }
}

function nearAny(earlier: WordBag[] | undefined, bag: WordBag): boolean {
  if (earlier === undefined) return false;
  for (const e of earlier) if (jaccard(e.set, bag.set) >= NEAR_JACCARD) return true;
  return false;
}

function addTo(byAnchor: Map<string, WordBag[]>, anchor: string, bag: WordBag): void {
  const list = byAnchor.get(anchor);
  if (list) list.push(bag);
  else byAnchor.set(anchor, [bag]);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of b) if (a.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}
