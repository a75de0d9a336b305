// Lemmas of a wink document's tokens, remembered across documents.
//
// wink works a token's lemma out again on every read: lexicon look-ups, and for words with several
// possible lemmas its rule-based lemmatizer (suffix rewrites, each probed against the lexicon).
// For a token that is not part of a contraction the lemma depends only on the token's lexeme
// (wink's uniqueId, one per distinct token text) and its POS: the lemmatizer consults only wink's
// built-in lexicon, never the words wink learns from earlier documents. So the lemma is remembered
// per lexeme and POS, and wink is asked only about pairs not seen before (a few percent of tokens
// once the common words are in). The parts of a contraction carry their own lemma in the
// token (the "wo" of "won't" is "will", a "wo" written apart is "wo"; the "'s" of "let's" is "us")
// and are always read from wink.
import { wink } from './wink.js';

type WinkTokens = ReturnType<ReturnType<ReturnType<typeof wink>['readDoc']>['tokens']>;

/** Lexeme ids at or past this (an endless stream of new words) are not remembered, to bound memory. */
const MAX_LEXEMES = 1 << 19;
/**
 * Two [pos, lemma] slots per lexeme id, at 4 * id: most words are seen with one or two POS ("attack"
 * as NOUN and VERB). The first slot keeps the first POS seen, the second the latest other one.
 * '' where nothing is remembered.
 */
const remembered: string[] = [];

/** wink's lemma of every token (undefined where wink has none), `pos` being wink's POS column. */
export function lemmasOf(tokens: WinkTokens, pos: string[]): (string | undefined)[] {
  const its = wink().its;
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  const contraction = tokens.out(its.contractionFlag) as unknown as boolean[];
  const lemmas = new Array<string | undefined>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const at = 4 * ids[i];
    if (contraction[i]) lemmas[i] = readLemma(tokens, i);
    else if (at < remembered.length && remembered[at] === pos[i]) lemmas[i] = remembered[at + 1];
    else if (at < remembered.length && remembered[at + 2] === pos[i]) lemmas[i] = remembered[at + 3];
    else lemmas[i] = remember(ids[i], pos[i], readLemma(tokens, i));
  }
  return lemmas;
}

/** Token i's lemma, straight from wink. */
function readLemma(tokens: WinkTokens, i: number): string | undefined {
  // wink's typings reject its.lemma as an argument to out() although it is supported at run time.
  return tokens.itemAt(i).out(wink().its.lemma as never) as string | undefined;
}

/** Stores `lemma` for lexeme `id` seen as `pos` (when there is one to store) and returns it. */
function remember(id: number, pos: string, lemma: string | undefined): string | undefined {
  if (id >= MAX_LEXEMES || lemma === undefined) return lemma;
  while (remembered.length <= 4 * id) remembered.push('', '', '', '');
  const at = remembered[4 * id] === '' ? 4 * id : 4 * id + 2;
  remembered[at] = pos;
  remembered[at + 1] = lemma;
  return lemma;
}
