// Sentences and tokens with exact character offsets into the text.
//
// wink-nlp gives token values, preceding whitespace and sentence membership, but no character
// offsets, so we recover them by walking the text once with a cursor. Whitespace tokens (wink
// emits "\n\n" as a token) are dropped from the output but still end sentences: a paragraph break
// always ends a sentence, even when the paragraph has no final punctuation (headlines, datelines).
import type { Sentence, Token } from '../model.js';
import { wink } from './wink.js';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const NON_LATIN1 = /[^\x00-\xff]/;
/** How far past the cursor a token may be found; wink never skips more than whitespace. */
const MAX_GAP = 64;

export interface Tokenized {
  sentences: Sentence[];
  tokens: Token[];
}

export function tokenize(text: string): Tokenized {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  // wink's typings reject its.lemma as an argument to out() although it is supported at run time.
  const column = (f: unknown): string[] => all.out(f as never) as string[];
  const values = column(its.value);
  const pos = column(its.pos);
  const lemmas = column(its.lemma);
  // Sentence ends as token indexes (inclusive), from wink's sentence spans.
  const sentenceEnd = new Uint8Array(values.length);
  for (const span of doc.sentences().out(its.span) as unknown as number[][]) sentenceEnd[span[1]] = 1;

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  let sentStart = -1; // char offset of the open sentence's first token, -1 when none is open
  let sentEnd = 0;
  const closeSentence = (): void => {
    if (sentStart < 0) return;
    sentences.push({ start: sentStart, end: sentEnd, text: text.slice(sentStart, sentEnd) });
    sentStart = -1;
  };

  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const start = locate(text, value, cursor);
    if (start < 0) continue; // wink altered the token (never seen in practice): skip, keep cursor
    const end = start + value.length;
    // Only a gap holding a newline can hold a paragraph break.
    const gapBreaks = start > cursor + 1 && text.indexOf('\n', cursor) < start && PARAGRAPH_BREAK.test(text.slice(cursor, start));
    cursor = end;
    if (pos[i] === 'SPACE' || value.trim() === '') {
      if (PARAGRAPH_BREAK.test(value)) closeSentence();
      if (sentenceEnd[i]) closeSentence();
      continue;
    }
    if (gapBreaks) closeSentence();
    // wink splits words at some non-Latin-1 letters ("Erdoğan" -> Erdo / ğ / an): glue them back.
    const prev = tokens[tokens.length - 1];
    if (prev && prev.end === start && sentStart >= 0 && LETTERS.test(value) && LETTERS.test(prev.text) && (NON_LATIN1.test(value) || NON_LATIN1.test(prev.text))) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
      prev.lemma = prev.text.toLowerCase();
      sentEnd = end;
      if (sentenceEnd[i]) closeSentence();
      continue;
    }
    if (sentStart < 0) sentStart = start;
    sentEnd = end;
    // wink has no lemma for a "cannot" it did not split (before punctuation): the word is its own lemma.
    tokens.push({ start, end, text: value, pos: pos[i], lemma: lemmas[i] ?? value.toLowerCase(), sentence: sentences.length });
    if (sentenceEnd[i]) closeSentence();
  }
  closeSentence();
  return { sentences, tokens };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** Offset of `value` at or shortly after `cursor`, or -1. Bounded so a miss never rescans the text. */
function locate(text: string, value: string, cursor: number): number {
  if (text.startsWith(value, cursor)) return cursor;
  let k = cursor;
  while (k < text.length && k - cursor < MAX_GAP && isSpace(text.charCodeAt(k))) k++;
  if (text.startsWith(value, k)) return k;
  const window = text.slice(cursor, cursor + MAX_GAP + value.length);
  const found = window.indexOf(value);
  return found < 0 ? -1 : cursor + found;
}
