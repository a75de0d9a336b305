// Language identification with eld (n-gram detector, loaded once at import): of a whole clean text,
// and of single blocks, where only reliable answers count (the boilerplate scorer).
import { eld } from 'eld/small';
import { TextCache } from './text-cache.js';

/** Below this many letters a language guess is noise, so we say "unknown" instead. */
const MIN_LETTERS = 40;
/** eld reads only this much of its input (it truncates), so texts agreeing on it get the same answer. */
const ELD_INPUT_CHARS = 1000;
/** Where letters are counted to tell a text too short to judge (eld itself reads less of it). */
const SAMPLE_CHARS = 4000;
const LETTER = /\p{L}/u;

/** ISO 639-1 code of the text's language, or null when the text is too short or eld cannot tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let letters = 0;
  for (let i = 0; i < sample.length && letters < MIN_LETTERS; i++) {
    if (sample.charCodeAt(i) > 64 && LETTER.test(sample[i]!)) letters++;
  }
  if (letters < MIN_LETTERS) return null;
  const language = eld.detect(sample).language;
  return language === '' ? null : language;
}

/** eld's reliable answers by input: each identification costs a tenth of a millisecond. */
const reliableLanguages = new TextCache<string | null>(2_000_000);

/** The language eld identifies reliably, or null when it finds none or is unsure. */
export function reliableLanguage(text: string): string | null {
  const input = text.length > ELD_INPUT_CHARS ? text.slice(0, ELD_INPUT_CHARS) : text;
  let language = reliableLanguages.get(input);
  if (language === undefined) {
    const result = eld.detect(input);
    language = result.language !== '' && result.isReliable() ? result.language : null;
    reliableLanguages.set(input, language);
  }
  return language;
}
