// "The shadow home secretary, Diane Abbott", "opposition candidate Viktor Yushchenko": a title or
// name right after "shadow" or "opposition" (with only title words between) is the opposition's
// (OPP), whatever office the title or the person's dictionary role names. "Opposition to the
// government" is not: a function word between ends the phrase.
import type { Article, Entity } from '../../model.js';

const BEFORE = /\b(shadow|opposition)((?:\s+[\p{L}'’-]+){0,3}?)\s*,?\s*$/iu;
const FUNCTION_WORDS = new Set(['to', 'the', 'of', 'and', 'or', 'with', 'by', 'for', 'against', 'from', 'in', 'on', 'at', 'a', 'an', 'as', 'that', 'which', 'who', 'said', 'says']);
/** A country's state-level code whose sector the opposition replaces (not IGO/NGO/IMG bodies). */
const STATE_CODE = /^(?!IGO|NGO|IMG)([A-Z]{3}|---)(GOV|LEG|ELI)/;

export function markOpposition(article: Article, entities: Entity[]): Entity[] {
  return entities.map((e) => {
    if (!e.code || !STATE_CODE.test(e.code) || e.kind === 'PLACE') return e;
    const before = article.text.slice(Math.max(0, e.start - 60), e.start);
    const m = BEFORE.exec(before);
    if (!m) return e;
    const between = m[2]!.trim().split(/\s+/).filter(Boolean);
    if (between.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))) return e;
    return { ...e, code: e.code.slice(0, 3) + 'OPP' };
  });
}
