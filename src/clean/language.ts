// Language identification of the clean text with eld (n-gram detector, loaded once at import).
import { eld } from 'eld/small';

/** Below this many letters a language guess is noise, so we say "unknown" instead. */
const MIN_LETTERS = 40;
/** eld is linear in its input; a few kilobytes decide the language as well as the whole article. */
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
