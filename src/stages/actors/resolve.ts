// The actors stage's passes over one article:
//  1. words (words.ts) cut into dictionary segments (segments.ts);
//  2. named mentions (names.ts): people, organisations, countries, titles with names;
//  3. acronyms the article defines ("... Chemical Weapons (OPCW)", acronyms.ts);
//  4. generic agents and references, left to right (coreference.ts, groups.ts), with the country
//     context of the article (context.ts);
//  5. titles after "shadow" or "opposition" are the opposition's (opposition.ts).
// Returns the entities sorted by position, without overlaps (the earlier, then longer, wins).
import type { Article, Entity } from '../../model.js';
import type { ActorDictionary } from './dictionary.js';
import { articleWords, isCaseless } from './words.js';
import { segment } from './segments.js';
import { resolveNames } from './names.js';
import { articleContext } from './context.js';
import { resolveReferences } from './coreference.js';
import { definedAcronyms } from './acronyms.js';
import { markOpposition } from './opposition.js';
import { tokenize } from '../../lang/tokenize.js';

export function recognise(article: Article, dict: ActorDictionary): Entity[] {
  // Callers holding only text (e.g. the event coder's CodeInput) get it tokenised here.
  if (article.tokens.length === 0 && article.text.trim() !== '') article = { ...article, ...tokenize(article.text) };
  const words = articleWords(article);
  if (words.length === 0) return [];
  const caseless = isCaseless(article.text);
  const segs = segment(words, dict, caseless);
  if (caseless) for (const s of segs) if (s.target && s.target.t !== 'agent') for (let q = s.i; q < s.j; q++) words[q]!.cap = true;
  const names = resolveNames(article, words, segs, dict);
  const named = withoutOverlaps(names.entities);
  if (dict.closedWorld) return named;
  const ctx = articleContext(article, named, dict);
  const references = resolveReferences({ article, words, segs, named, consumed: names.consumed, ctx, dict, date: names.date });
  const all = references.length ? withoutOverlaps([...named, ...references]) : named;
  const acronyms = definedAcronyms(article, words, all);
  return markOpposition(article, acronyms.length ? withoutOverlaps([...acronyms, ...all.filter((e) => !acronyms.some((a) => a.start === e.start))]) : all);
}

/** Sorted by position; overlapping mentions keep the earlier (then longer) one. */
function withoutOverlaps(entities: Entity[]): Entity[] {
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of entities) if (!out.length || e.start >= out[out.length - 1]!.end) out.push(e);
  return out;
}
