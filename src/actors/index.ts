// PLACEHOLDER (being replaced by the actors owner).
import type { Article, Entity } from '../model.js';

/** People, organisations and places in the article, resolved to actor codes as of its date. */
export function resolveEntities(_article: Article): Entity[] {
  return [];
}
