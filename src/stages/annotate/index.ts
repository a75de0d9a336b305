// annotate: the NLP stage. Sentences and tokens (wink-nlp, exact offsets) and dates; entities are
// left empty here and filled by the actors stage (src/stages/actors), which reads the tokens.
import type { Article, ArticleBase } from '../../model.js';
import { resolveDates } from '../../lang/dates.js';
import { tokenize } from '../../lang/tokenize.js';
import { defineStage } from '../stage.js';

/** Sentences, tokens and dates; entities are left empty for the actors stage. */
export function annotate(base: ArticleBase): Article {
  const { sentences, tokens } = tokenize(base.text);
  return { ...base, sentences, tokens, entities: [], dates: resolveDates(base.text, base.published, base.day_first) };
}

/** ArticleBase -> Article. The wink-nlp model it uses is loaded once per process, on first use (lang/wink.ts). */
export const annotateStage = defineStage({ name: 'annotate', input: 'ArticleBase', output: 'Article', run: annotate });
