// PLACEHOLDER (being replaced by the nlp owner).
import type { Article } from '../model.js';
import { resolveDates } from './dates.js';

export type ArticleBase = Omit<Article, 'sentences' | 'tokens' | 'entities' | 'dates'>;

/** Sentences, tokens and dates; entities are left empty for the actors stage. */
export function annotate(base: ArticleBase): Article {
  return { ...base, sentences: [], tokens: [], entities: [], dates: resolveDates(base.text, base.published, base.day_first) };
}
