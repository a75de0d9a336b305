// annotate: the NLP stage. Sentences and tokens (wink-nlp, exact offsets) and dates; entities are
// left empty here and filled by the actors stage (src/stages/actors), which reads the tokens.
import type { Article } from '../../model.js';
import { resolveDates } from '../../lang/dates.js';
import { tokenize } from '../../lang/tokenize.js';

export type ArticleBase = Omit<Article, 'sentences' | 'tokens' | 'entities' | 'dates'>;

/** Sentences, tokens and dates; entities are left empty for the actors stage. */
export function annotate(base: ArticleBase): Article {
  const { sentences, tokens } = tokenize(base.text);
  return { ...base, sentences, tokens, entities: [], dates: resolveDates(base.text, base.published, base.day_first) };
}

export { tokenize } from '../../lang/tokenize.js';
