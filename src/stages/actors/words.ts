// The article as a list of words for dictionary matching: tokens split at hyphens ("al-Qaida-linked"
// -> al / Qaida / linked), possessive "'s" folded into the previous word, punctuation turned into
// boundaries that no name crosses.
import type { Article } from '../../model.js';
import { wordKey } from './dictionary.js';

export interface Word {
  key: string;
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** First letter is upper case (or the word is a number). */
  cap: boolean;
  /** Every letter is upper case ("US", "IS", "U.S."). */
  allCaps: boolean;
  /** Punctuation (or a sentence start) separates this word from the previous one. */
  boundary: boolean;
  /** Followed by 's / ’s / ’. */
  possessive: boolean;
  /** First word of its sentence (capitalisation there says nothing). */
  sentenceStart: boolean;
  /** Universal POS of the token the word comes from. */
  pos: string;
}

const POSSESSIVE = /^['’]s?$/i;
const HYPHEN = /^[-‐‑]$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const PART = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’]*/gu;
const SIMPLE = /^[\p{L}\p{M}\p{N}]+$/u;
const UPPER_START = /^[\p{Lu}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/** Case of a word as bit flags: what `cap` and `allCaps` are made of. */
const UPPER_FIRST = 1;
const HAS_LETTER = 2;
const HAS_LOWER = 4;

/** The case flags of any word. */
export function wordShape(raw: string): number {
  return (UPPER_START.test(raw) ? UPPER_FIRST : 0) | (LETTER.test(raw) ? HAS_LETTER : 0) | (LOWER.test(raw) ? HAS_LOWER : 0);
}

/**
 * The case flags of a token made only of ASCII letters and digits, -1 for any other token. Most
 * tokens are such words or numbers, and for them one pass over the characters says all that the
 * general path's regular expressions would: a plain word (not a possessive, nothing to split or
 * strip) whose key is its upper case.
 */
export function asciiWordShape(text: string): number {
  if (text.length === 0) return -1;
  let flags = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) flags |= HAS_LETTER | HAS_LOWER;
    else if (c >= 65 && c <= 90) flags |= HAS_LETTER;
    else if (c < 48 || c > 57) return -1;
  }
  // A digit or a capital (the characters are all letters and digits here).
  return text.charCodeAt(0) <= 90 ? flags | UPPER_FIRST : flags;
}

function newWord(key: string, raw: string, start: number, sentence: number, shape: number, boundary: boolean, possessive: boolean, sentenceStart: boolean, pos: string): Word {
  return {
    key,
    text: raw,
    start,
    end: start + raw.length,
    sentence,
    cap: (shape & UPPER_FIRST) !== 0,
    allCaps: (shape & HAS_LETTER) !== 0 && (shape & HAS_LOWER) === 0,
    boundary,
    possessive,
    sentenceStart,
    pos,
  };
}

function makeWord(raw: string, start: number, sentence: number, boundary: boolean, possessive: boolean, sentenceStart: boolean, pos: string): Word {
  return newWord(wordKey(raw), raw, start, sentence, wordShape(raw), boundary, possessive, sentenceStart, pos);
}

export function articleWords(article: Article): Word[] {
  const words: Word[] = [];
  let boundary = true;
  let lastSentence = -1;
  let wordsInSentence = 0;
  let lastEnd = -1;
  const text = article.text;
  for (const tok of article.tokens) {
    const newSentence = tok.sentence !== lastSentence;
    if (newSentence) {
      boundary = true;
      lastSentence = tok.sentence;
      wordsInSentence = 0;
    }
    const ascii = asciiWordShape(tok.text);
    if (ascii >= 0) {
      lastEnd = tok.end;
      words.push(newWord(tok.text.toUpperCase(), tok.text, tok.start, tok.sentence, ascii, boundary, false, wordsInSentence === 0, tok.pos));
      wordsInSentence++;
      boundary = false;
      continue;
    }
    if (POSSESSIVE.test(tok.text) && words.length && !newSentence) {
      // Not a boundary: names may contain one ("People's Republic of China"); composition rules
      // read the flag instead ("Russia's Foreign Ministry").
      words[words.length - 1].possessive = true;
      lastEnd = tok.end;
      continue;
    }
    if (!HAS_WORD_CHAR.test(tok.text)) {
      // A hyphen glued to the previous word ("al-Assad" tokenised as al / - / Assad) joins, not separates.
      if (!(HYPHEN.test(tok.text) && tok.start === lastEnd)) boundary = true;
      lastEnd = tok.end;
      continue;
    }
    lastEnd = tok.end;
    if (SIMPLE.test(tok.text)) {
      // The common case, one plain word: no splitting, no punctuation to strip.
      words.push(makeWord(tok.text, tok.start, tok.sentence, boundary, false, wordsInSentence === 0, tok.pos));
      wordsInSentence++;
    } else {
      // Hyphen/slash-joined parts are separate words; the parts are adjacent, so no boundary between.
      PART.lastIndex = 0;
      let m: RegExpExecArray | null;
      let first = true;
      while ((m = PART.exec(tok.text))) {
        let raw = m[0];
        // A trailing period belongs to the word only in abbreviations like "U.S." / "Oct.".
        if (raw.endsWith('.') && !/\.\p{L}\.$/u.test(raw) && !/^\p{L}\.$/u.test(raw)) raw = raw.replace(/\.+$/, '');
        const possessive = /['’]s$/i.test(raw);
        if (possessive) raw = raw.slice(0, -2);
        if (!raw) continue;
        const start = tok.start + m.index;
        words.push(makeWord(text.slice(start, start + raw.length), start, tok.sentence, first && boundary, possessive, wordsInSentence === 0, tok.pos));
        wordsInSentence++;
        first = false;
      }
    }
    boundary = false;
  }
  if (isShouting(text)) for (const w of words) w.allCaps = false;
  return words;
}

/**
 * Wire copy written all in capitals ("THE FMLN PROPOSAL IS ...") says nothing by its case: there
 * "IS" is the verb and "US" the pronoun as often as not, so capitals must not mark acronyms.
 */
export function isShouting(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length && upper + lower < 4000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper + lower >= 40 && upper > 4 * lower;
}

/**
 * Text written without capitals (some wire archives are all lower case): case cannot tell names
 * from words there, so the dictionary is matched without the case guards and its matches are
 * read as names.
 */
export function isCaseless(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length && letters < 4000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return false;
    if (c >= 97 && c <= 122) letters++;
  }
  return letters >= 40;
}
