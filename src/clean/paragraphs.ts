// Paragraph-level text utilities shared by the HTML and plain-text paths: white-space
// normalisation, re-joining hard-wrapped lines, and keeping repeated paragraphs once.

const SPACES = /[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
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
const UPPER = /\p{Lu}/gu;
const LOWER = /\p{Ll}/gu;


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
function isAllCaps(lines: string[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const line of lines) {
    upper += line.match(UPPER)?.length ?? 0;
    lower += line.match(LOWER)?.length ?? 0;
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

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

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
  const byAnchor = new Map<string, Set<string>[]>();
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const key = paragraphKey(paragraph);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const words = key.split(' ');
    if (words.length >= NEAR_MIN_WORDS) {
      const anchors = [words.slice(0, ANCHOR_WORDS).join(' '), '$' + words.slice(-ANCHOR_WORDS).join(' ')];
      const wordSet = new Set(words);
      if (anchors.some((a) => (byAnchor.get(a) ?? []).some((earlier) => jaccard(earlier, wordSet) >= NEAR_JACCARD))) {
        continue;
      }
      for (const a of anchors) {
        const list = byAnchor.get(a);
        if (list) list.push(wordSet);
        else byAnchor.set(a, [wordSet]);
      }
    }
    kept.push(paragraph);
  }
  return kept;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of b) if (a.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}
