// Tone: how positive or negative a text reads, from wink-nlp's sentiment lexicon (with negation:
// "did not welcome" counts against). GDELT's AvgTone runs from -100 (wholly negative) to +100
// (wholly positive); wink scores a document from -1 to +1, so the tone is that score times 100.
// An article's tone is its text's; an event's is the mean over the articles that report it.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
// Only negation and sentiment: sentence boundaries and POS change nothing in the score (checked)
// and would triple the time.
let nlp: Wink | null = null;

/** The text's tone, -100..+100, rounded to 0.01; 0 for a text without sentiment words. */
export function toneOf(text: string): number {
  nlp ??= winkNLP(model, ['negation', 'sentiment']);
  const score = nlp.readDoc(text).out(nlp.its.sentiment) as unknown as number;
  return Number.isFinite(score) ? Math.round(score * 10_000) / 100 : 0;
}

/** The mean of the known tones (GDELT: the average over every document that mentions the event); null when none is known. */
export function meanTone(tones: (number | null | undefined)[]): number | null {
  const known = tones.filter((t): t is number => typeof t === 'number');
  return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null;
}
