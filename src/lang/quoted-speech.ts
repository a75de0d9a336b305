// A quotation that ends in "?" or "!" is not the end of its sentence when the attribution follows:
// in "“Why are you still there?” Erdoğan demanded, according to the account." the speaker and the
// speech act are in the words after the closing quote, and an event coded from "Erdoğan demanded,
// according to the account." alone shows evidence that does not hold what was demanded.
// wink ends a sentence at every "?"/"!"; this undoes that where an attribution clearly follows.

/** Verbs that introduce or attribute speech, as lemmas (and the past forms wink may leave unlemmatised). */
const SPEECH = new Set([
  'say', 'said', 'tell', 'told', 'ask', 'demand', 'add', 'shout', 'write', 'wrote', 'reply', 'insist',
  'declare', 'exclaim', 'cry', 'respond', 'answer', 'warn', 'explain', 'argue', 'claim', 'note', 'recall',
  'wonder', 'yell', 'scream', 'tweet', 'retort', 'state', 'protest', 'plead', 'snap',
]);
const CLOSING_QUOTE = new Set(['”', '"', '’', "'", '»']);
const QUESTION_OR_BANG = new Set(['?', '!']);
const WORD = /^[\p{L}\p{M}.'’-]+$/u;
const LOWER_START = /^\p{Ll}/u;
/** How many words a speaker's name may take before the speech verb ("Recep Tayyip Erdoğan said"). */
const NAME_WORDS = 5;

/**
 * Clears sentence ends after a quoted question or exclamation that its attribution follows.
 * `isBreak(k)` says whether token k is whitespace holding a paragraph break (never joined across).
 */
export function joinQuoteAttributions(
  values: string[],
  lemmas: (string | undefined)[],
  sentenceEnd: Uint8Array,
  isSpaceToken: (k: number) => boolean,
  isBreak: (k: number) => boolean,
): void {
  for (let i = 1; i < values.length; i++) {
    if (sentenceEnd[i] !== 1) continue;
    const quoteEnd = endOfQuotedQuestion(values, i);
    if (quoteEnd < 0) continue;
    let j = quoteEnd + 1;
    let broken = false;
    while (j < values.length && isSpaceToken(j)) {
      if (isBreak(j)) broken = true;
      j++;
    }
    if (broken || j >= values.length || !attributionAt(values, lemmas, isSpaceToken, j)) continue;
    for (let k = i; k <= quoteEnd; k++) sentenceEnd[k] = 0;
    // wink may have closed the sentence on the whitespace after the quote
    for (let k = quoteEnd + 1; k < j; k++) sentenceEnd[k] = 0;
  }
}

/** The index of the closing quote of a quoted "...?" / "...!" ending at token i, or -1. */
function endOfQuotedQuestion(values: string[], i: number): number {
  if (CLOSING_QUOTE.has(values[i]) && QUESTION_OR_BANG.has(values[i - 1])) return i;
  if (QUESTION_OR_BANG.has(values[i]) && i + 1 < values.length && CLOSING_QUOTE.has(values[i + 1])) return i + 1;
  return -1;
}

function isSpeech(values: string[], lemmas: (string | undefined)[], k: number): boolean {
  return SPEECH.has(lemmas[k] ?? values[k].toLowerCase()) || SPEECH.has(values[k].toLowerCase());
}

/**
 * "he shouted", "said the minister", "Erdoğan demanded", "The foreign minister asked": a speech verb
 * first, or after a few words with no punctuation between, or a lower-case pronoun before one.
 */
function attributionAt(values: string[], lemmas: (string | undefined)[], isSpaceToken: (k: number) => boolean, j: number): boolean {
  let words = 0;
  for (let k = j; k < values.length && words <= NAME_WORDS; k++) {
    if (isSpaceToken(k)) continue;
    if (!WORD.test(values[k])) return false;
    if (isSpeech(values, lemmas, k)) return true;
    // a lower-case word other than a speech verb opens a new sentence's clause only after a name
    if (words === 0 && LOWER_START.test(values[k]) && !/^(he|she|they|i|we|you|it)$/.test(values[k])) return false;
    words++;
  }
  return false;
}
