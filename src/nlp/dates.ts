// PLACEHOLDER (being replaced by the dates owner).
import type { DateMention } from '../model.js';

/** Time expressions in `text`, resolved against `published` (YYYY-MM-DD or null). */
export function resolveDates(_text: string, _published: string | null, _dayFirst: boolean): DateMention[] {
  return [];
}
