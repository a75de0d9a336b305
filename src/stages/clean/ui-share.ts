// How much of a block is interface vocabulary ("Share", "Comments", "Read more"): one feature of
// the boilerplate classifier (./boilerplate.js), computed for every block of every document.
import { LETTER, LETTER_OR_DIGIT } from './chars.js';
import { FUNCTION_WORDS, UI_WORDS } from './vocabulary.js';

/** "Comment(s)Print", "storiesGet": menu items run together without a space. */
const JOINED = /([\p{Ll})])(\p{Lu})/gu;
const WORD_SPLIT = /[\s/|]+/;

/** Share of a block's content words (function words aside) that are interface vocabulary. */
export function uiShare(text: string): number {
  let content = 0;
  let ui = 0;
  for (const token of text.replace(JOINED, '$1 $2').toLowerCase().split(WORD_SPLIT)) {
    const w = contentWord(token);
    if (w === null || FUNCTION_WORDS.has(w)) continue;
    content++;
    if (UI_WORDS.has(w) || (w.endsWith('s') && UI_WORDS.has(w.slice(0, -1)))) ui++;
  }
  return content === 0 ? 0 : ui / content;
}

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/**
 * The token without leading characters that are not letters or digits, and trailing ones that are
 * not letters, digits or parentheses, or null when no letter is left. This is
 * `token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}()]+$/gu, '')` followed by a /\p{L}/u test, by code
 * point, as the /u regexes read the token.
 */
function contentWord(token: string): string | null {
  let start = 0;
  while (start < token.length) {
    const c = token.codePointAt(start)!;
    if (LETTER_OR_DIGIT.has(c)) break;
    start += c > 0xffff ? 2 : 1;
  }
  let end = token.length;
  while (end > start) {
    const c = codePointBefore(token, end);
    if (LETTER_OR_DIGIT.has(c) || c === OPEN_PAREN || c === CLOSE_PAREN) break;
    end -= c > 0xffff ? 2 : 1;
  }
  for (let i = start; i < end; ) {
    const c = token.codePointAt(i)!;
    if (LETTER.has(c)) return start === 0 && end === token.length ? token : token.slice(start, end);
    i += c > 0xffff ? 2 : 1;
  }
  return null;
}

/** The code point that ends just before index `end` (a surrogate pair read as one). */
function codePointBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}
