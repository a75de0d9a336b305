// Search snippets made from the text of each hit (the SQLite store): what FTS5's snippet() gives,
// in one pass over the text instead of re-tokenizing it through the index, which costs about a
// millisecond per hit for a common word.
import { SNIPPET_CLOSE, SNIPPET_OPEN } from './shared.js';

/** A word as FTS5's unicode61 tokenizer (remove_diacritics 2) compares it: lower case, no accents. */
function foldWord(w: string): string {
  const lower = w.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

const SNIPPET_WORDS = 16;
/** Characters a window of SNIPPET_WORDS words spans, about: to count the query words a window holds. */
const WINDOW_CHARS = 120;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Where the query words occur in the text (as the index would match them). */
function matchesIn(text: string, wanted: Set<string>): { start: number; word: string }[] {
  const out: { start: number; word: string }[] = [];
  const words = [...wanted];
  // Plain ASCII on both sides (most news): one native case-insensitive scan finds them.
  if (words.every((w) => /^[a-z0-9]+$/.test(w)) && !/[^\x00-\x7f]/.test(text)) {
    const re = new RegExp(`(?<![A-Za-z0-9])(?:${words.join('|')})(?![A-Za-z0-9])`, 'gi');
    for (const m of text.matchAll(re)) out.push({ start: m.index!, word: m[0].toLowerCase() });
    return out;
  }
  for (const m of text.matchAll(WORD_RE)) {
    const folded = foldWord(m[0]);
    if (wanted.has(folded)) out.push({ start: m.index!, word: folded });
  }
  return out;
}

/**
 * The best window of SNIPPET_WORDS words of `text` for the query words (most distinct query words,
 * then most matches, then earliest), matches between SNIPPET_OPEN and SNIPPET_CLOSE, "…" where it is
 * cut - what FTS5's snippet() gives, computed from the text instead of re-tokenizing it through
 * the index (about a millisecond per hit for a common word). Null when no word matches.
 */
export function snippetOf(text: string, query: string): { snippet: string; score: number } | null {
  const wanted = new Set((query.match(WORD_RE) ?? []).map(foldWord));
  if (wanted.size === 0) return null;
  const matches = matchesIn(text, wanted);
  if (matches.length === 0) return null;
  let best = -1;
  let bestAt = 0;
  for (let i = 0; i < matches.length; i++) {
    const distinct = new Set<string>();
    let k = i;
    for (; k < matches.length && matches[k]!.start - matches[i]!.start < WINDOW_CHARS; k++) distinct.add(matches[k]!.word);
    const score = distinct.size * 1000 + (k - i);
    if (score > best) {
      best = score;
      bestAt = matches[i]!.start;
    }
  }
  // Up to two words of context before the first match (looked for in the 60 characters before it).
  const lookFrom = Math.max(0, bestAt - 60);
  const before = [...text.slice(lookFrom, bestAt).matchAll(WORD_RE)];
  const start = before.length >= 2 ? lookFrom + before[before.length - 2]!.index! : lookFrom === 0 ? 0 : lookFrom + (before[0]?.index ?? bestAt - lookFrom);
  const window: { start: number; end: number }[] = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = start;
  for (let m = re.exec(text); m && window.length <= SNIPPET_WORDS; m = re.exec(text)) window.push({ start: m.index, end: m.index + m[0].length });
  const more = window.length > SNIPPET_WORDS;
  if (more) window.pop();
  let out = start > 0 && /[\p{L}\p{N}]/u.test(text.slice(0, start)) ? '…' : text.slice(0, window[0]?.start ?? 0);
  let at = window[0]?.start ?? 0;
  for (const t of window) {
    const word = text.slice(t.start, t.end);
    out += text.slice(at, t.start) + (wanted.has(foldWord(word)) ? `${SNIPPET_OPEN}${word}${SNIPPET_CLOSE}` : word);
    at = t.end;
  }
  out += more ? '…' : text.slice(at);
  return { snippet: out.replace(/\s+/g, ' ').trim(), score: best };
}

/** The snippet of a hit: from its title when that matches better than its text (as FTS5 picks a column). */
export function hitSnippet(title: string | null, text: string, query: string): string {
  const t = title ? snippetOf(title, query) : null;
  const b = snippetOf(text, query);
  if (t && (!b || t.score > b.score)) return t.snippet;
  return b?.snippet ?? t?.snippet ?? text.slice(0, 200);
}
