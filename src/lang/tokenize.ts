// Sentences and tokens with exact character offsets into the text.
//
// wink-nlp gives token values, preceding whitespace and sentence membership, but no character
// offsets, so we recover them by walking the text once with a cursor. Whitespace tokens (wink
// emits "\n\n" as a token) are dropped from the output but still end sentences: a paragraph break
// always ends a sentence, even when the paragraph has no final punctuation (headlines, datelines).
//
// The walk runs once per token of every document, so it is kept to small functions over local
// variables (no closure over the loop state), with the rare cases (a glued letter, a token found
// only by searching) outside the loop body.
import type { Sentence, Token } from '../model.js';
import { lemmasOf } from './lemmas.js';
import { wink } from './wink.js';
import { joinQuoteAttributions } from './quoted-speech.js';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const NON_LATIN1 = /[^\x00-\xff]/;
/** How far past the cursor a token may be found; wink never skips more than whitespace. */
const MAX_GAP = 64;

export interface Tokenized {
  sentences: Sentence[];
  tokens: Token[];
}

/** What we read from wink, one entry per wink token. */
interface WinkColumns {
  values: string[];
  pos: string[];
  /** undefined where wink has no lemma. */
  lemmas: (string | undefined)[];
  /** 1 where a sentence ends (inclusive). */
  sentenceEnd: Uint8Array;
}

export function tokenize(text: string): Tokenized {
  return placeTokens(text, readWink(text));
}

function readWink(text: string): WinkColumns {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = lemmasOf(all, pos);
  const sentenceEnd = new Uint8Array(values.length);
  for (const span of doc.sentences().out(its.span) as unknown as number[][]) sentenceEnd[span[1]] = 1;
  const isSpaceToken = (k: number): boolean => pos[k] === 'SPACE' || isBlank(values[k]);
  joinQuoteAttributions(values, lemmas, sentenceEnd, isSpaceToken, (k) => PARAGRAPH_BREAK.test(values[k]));
  return { values, pos, lemmas, sentenceEnd };
}

function placeTokens(text: string, { values, pos, lemmas, sentenceEnd }: WinkColumns): Tokenized {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  let sentStart = -1; // char offset of the open sentence's first token, -1 when none is open
  let sentEnd = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const start = locate(text, value, cursor);
    if (start < 0) continue; // wink altered the token (never seen in practice): skip, keep cursor
    const end = start + value.length;
    const gapBreaks = start > cursor + 1 && hasParagraphBreak(text, cursor, start);
    cursor = end;
    if (pos[i] === 'SPACE' || isBlank(value)) {
      if (PARAGRAPH_BREAK.test(value) || sentenceEnd[i] === 1) sentStart = closeSentence(text, sentences, sentStart, sentEnd);
      continue;
    }
    if (gapBreaks) sentStart = closeSentence(text, sentences, sentStart, sentEnd);
    const prev = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
    if (prev !== undefined && prev.end === start && sentStart >= 0 && gluesTo(prev.text, value)) {
      extend(text, prev, end);
      sentEnd = end;
    } else {
      if (sentStart < 0) sentStart = start;
      sentEnd = end;
      // wink has no lemma for a "cannot" it did not split (before punctuation): the word is its own lemma.
      tokens.push({ start, end, text: value, pos: pos[i], lemma: lemmas[i] ?? value.toLowerCase(), sentence: sentences.length });
    }
    if (sentenceEnd[i] === 1) sentStart = closeSentence(text, sentences, sentStart, sentEnd);
  }
  closeSentence(text, sentences, sentStart, sentEnd);
  return { sentences, tokens };
}

/** Appends the open sentence [start, end), if one is open; returns -1 (none open). */
function closeSentence(text: string, sentences: Sentence[], start: number, end: number): number {
  if (start >= 0) sentences.push({ start, end, text: text.slice(start, end) });
  return -1;
}

/** A paragraph break in text[from, to)? Only a gap holding a newline can hold one. */
function hasParagraphBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return PARAGRAPH_BREAK.test(text.slice(k, to));
  return false;
}

/**
 * wink splits words at some non-Latin-1 letters ("Erdoğan" -> Erdo / ğ / an): two adjacent
 * letter-only tokens, one of them holding such a letter, are one word.
 */
function gluesTo(prev: string, value: string): boolean {
  return LETTERS.test(value) && LETTERS.test(prev) && (NON_LATIN1.test(value) || NON_LATIN1.test(prev));
}

function extend(text: string, token: Token, end: number): void {
  token.end = end;
  token.text = text.slice(token.start, end);
  token.lemma = token.text.toLowerCase();
}

/** value.trim() === '', without trimming the (almost always) printable ASCII tokens. */
function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  const c = value.charCodeAt(0);
  return (c <= 32 || c >= 128) && value.trim() === '';
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** Offset of `value` at or shortly after `cursor`, or -1. Bounded so a miss never rescans the text. */
function locate(text: string, value: string, cursor: number): number {
  if (occursAt(text, value, cursor)) return cursor;
  let k = cursor;
  while (k < text.length && k - cursor < MAX_GAP && isSpace(text.charCodeAt(k))) k++;
  if (occursAt(text, value, k)) return k;
  return search(text, value, cursor);
}

/** text.startsWith(value, at) for the short strings tokens are, without a builtin call. */
function occursAt(text: string, value: string, at: number): boolean {
  if (at + value.length > text.length) return false;
  for (let j = 0; j < value.length; j++) if (text.charCodeAt(at + j) !== value.charCodeAt(j)) return false;
  return true;
}

function search(text: string, value: string, cursor: number): number {
  const found = text.slice(cursor, cursor + MAX_GAP + value.length).indexOf(value);
  return found < 0 ? -1 : cursor + found;
}
