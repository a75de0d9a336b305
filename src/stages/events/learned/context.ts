// The sentence as the learned coder's featurisers and grammatical roles read it, computed once.
// Its own file so that roles.ts and features.ts can both read it without importing each other.
import type { CodedEvent } from '../coder.js';
import type { SentenceView } from '../sentence.js';
import type { DictionaryMatch, VerbLexicon } from './dictionary.js';
import type { NounPhrase } from './phrases.js';

/** Everything the featurisers read for one sentence, computed once. */
export interface SentenceContext {
  view: SentenceView;
  phrases: NounPhrase[];
  clusters: Map<string, number>;
  lexicon: VerbLexicon;
  /** Dictionary readings per token, filled lazily. */
  matches: (DictionaryMatch[] | undefined)[];
  /** Index of the phrase covering each token, or -1. */
  phraseAt: Int32Array;
  /** What the rule coder coded at each token (its reading is one more piece of evidence). */
  rules: Map<number, RuleReading[]>;
}

/** An event of the rule coder at a token: its type (null for a plain statement), its flags, and
 *  the event itself (its actors, date and claimant, read with the rule coder's discourse state). */
export interface RuleReading {
  type: string | null;
  negated: boolean;
  hypothetical: boolean;
  event: CodedEvent;
}

export function sentenceContext(view: SentenceView, phrases: NounPhrase[], clusters: Map<string, number>, lexicon: VerbLexicon, rules: Map<number, RuleReading[]> = new Map()): SentenceContext {
  const phraseAt = new Int32Array(view.toks.length).fill(-1);
  phrases.forEach((p, i) => {
    for (let k = p.first; k <= p.last; k++) phraseAt[k] = i;
  });
  return { view, phrases, clusters, lexicon, matches: new Array(view.toks.length), phraseAt, rules };
}
