// PLACEHOLDER (being replaced by the events owner).
import type { Article, Event } from '../model.js';

export function codeEvents(_article: Article): Event[] {
  return [];
}
