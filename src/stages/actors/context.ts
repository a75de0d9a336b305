// Where an article is: the countries a generic agent ("police", "the army") may belong to when its
// own words name none. In order: a place in its sentence ("in Cairo"), the article's dateline
// ("CAIRO, 3 May —"), then the article's main country (the one it names most). Never a guess
// beyond those: without them the country stays unknown ("---").
import type { Article, Entity } from '../../model.js';
import { wordKey, type ActorDictionary } from './dictionary.js';

/** One place an entity names, for the sentence rule. */
interface PlaceMention {
  sentence: number;
  /** Character offset of the place. */
  start: number;
  country: string;
  /** After "in", "at", "near"...: where things happen (preferred over a state acting). */
  locative: boolean;
}

export interface ArticleContext {
  dateline: string | null;
  main: string | null;
  places: PlaceMention[];
  /** The index of the sentence holding a character offset. */
  sentenceOf: (offset: number) => number;
}

const LOCATIVE_BEFORE = /\b(in|at|near|inside|outside|across|throughout|around|from|of)\s+(the\s+)?$/i;
/** A dateline ends at a dash, or at the agency in brackets: "CAIRO, May 3 (Reuters) -". */
const DATELINE_END = /\s(—|–|-{1,2})\s|\)\s*[—–-]|:\s/;
const COUNTRY_CODE = /^[A-Z]{3}/;
const NOT_COUNTRIES = new Set(['IGO', 'NGO', 'IMG', '---', 'MNC']);

export function articleContext(article: Article, entities: Entity[], dict: ActorDictionary): ArticleContext {
  const knownCountry = (iso3: string): boolean => dict.countryByIso.has(iso3);
  const starts = article.sentences.map((s) => s.start);
  const sentenceOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const places: PlaceMention[] = [];
  const counts = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (const e of entities) {
    const country = countryOf(e, knownCountry);
    if (!country) continue;
    counts.set(country, (counts.get(country) ?? 0) + 1);
    if (!firstSeen.has(country)) firstSeen.set(country, e.start);
    // Places where things happen: cities, and country names after "in", "at"... (not a state acting).
    if (e.kind === 'PLACE' && e.country && !isAdjective(e, dict)) {
      const before = article.text.slice(Math.max(0, e.start - 12), e.start);
      const locative = LOCATIVE_BEFORE.test(before);
      if (locative || e.code === null) places.push({ sentence: sentenceOf(e.start), start: e.start, country: e.country, locative });
    }
  }
  let main: string | null = null;
  for (const [c, n] of counts) {
    const best = main === null ? -1 : counts.get(main)!;
    if (n > best || (n === best && firstSeen.get(c)! < firstSeen.get(main!)!)) main = c;
  }
  return { dateline: datelineCountry(article, places), main, places, sentenceOf };
}

/** The country an entity stands in: a place's country, or the country part of a state-level code. */
export function countryOf(e: Entity, knownCountry: (iso3: string) => boolean): string | null {
  if (e.country) return e.country;
  if (!e.code || !COUNTRY_CODE.test(e.code)) return null;
  const c = e.code.slice(0, 3);
  return !NOT_COUNTRIES.has(c) && knownCountry(c) ? c : null;
}

/** Adjectives ("Syrian") describe, they do not place. */
function isAdjective(e: Entity, dict: ActorDictionary): boolean {
  const c = e.country ? dict.countryByIso.get(e.country) : undefined;
  if (!c || e.text.includes(' ')) return false;
  const key = wordKey(e.text);
  return c.adjectives.includes(key);
}

/** "CAIRO, May 3 (Reuters) — Police ...": a place before a dash at the very start of the text. */
function datelineCountry(article: Article, places: PlaceMention[]): string | null {
  const head = article.text.slice(0, 120);
  const m = DATELINE_END.exec(head);
  if (!m) return null;
  const first = places[0];
  return first && first.start < m.index && first.start < 40 ? first.country : null;
}

/**
 * The country of a generic agent at `offset` in sentence `sentence`, with how it was found: the
 * nearest place of its sentence (locative places first), the dateline, the main country.
 */
export function contextCountry(ctx: ArticleContext, sentence: number, offset: number): { country: string; from: 'sentence' | 'dateline' | 'main' } | null {
  let best: PlaceMention | null = null;
  for (const p of ctx.places) {
    if (p.sentence !== sentence) continue;
    if (!best || (p.locative && !best.locative) || (p.locative === best.locative && Math.abs(p.start - offset) < Math.abs(best.start - offset))) best = p;
  }
  if (best) return { country: best.country, from: 'sentence' };
  if (ctx.dateline) return { country: ctx.dateline, from: 'dateline' };
  if (ctx.main) return { country: ctx.main, from: 'main' };
  return null;
}
