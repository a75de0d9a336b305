// A short actor description on its own ("Armenian Prime Minister", "two Chinese warplanes",
// "soldiers") resolved to one code: what an event coder needs for a noun phrase, and what the NGEC
// actor-resolution cases test.
import type { Entity } from '../model.js';
import { tokenize } from '../nlp/tokenize.js';
import { loadDefaultDictionary, type ActorDictionary } from './dictionary.js';
import { recognise } from './resolve.js';
import { articleWords } from './words.js';
import { segment } from './segments.js';

export interface PhraseActor {
  /** Full code (RUSGOV, USAMIL, MIL for a bare "soldiers"), null when nothing is recognised. */
  code: string | null;
  /** Country ISO3 (or IGO/NGO prefix owner) part of the code, null when none. */
  country: string | null;
  /** Sector part after the country (GOV, MIL...), "" for a bare country. */
  sector: string;
  name: string | null;
}

/** Resolve a short phrase; `date` is YYYY-MM-DD (null = today). */
export function resolveActorPhrase(text: string, date: string | null = null, dict?: ActorDictionary): PhraseActor {
  const d = dict ?? loadDefaultDictionary();
  const { sentences, tokens } = tokenize(text);
  const article = {
    id: 'phrase', source: 'phrase', url: null, title: null, published: date, language: 'en', day_first: false,
    text, duplicate_of: null, sentences, tokens, entities: [], dates: [],
  };
  const entities = recognise(article, d);
  const head = pickHead(entities);
  // A country named on its own has no political context: the bare country code.
  if (head?.kind === 'PLACE' && head.country) return { code: head.country, country: head.country, sector: '', name: head.name };
  if (head?.code) return { code: head.code, country: head.code.slice(0, 3), sector: head.code.slice(3), name: head.name };
  if (head) return { code: null, country: head.country, sector: '', name: head.name };
  // No named actor: a bare agent noun ("soldiers", "Defense Minister") gives the sector alone.
  const words = articleWords(article);
  for (const s of segment(words, d)) if (s.target?.t === 'agent') return { code: s.target.agent.code, country: null, sector: s.target.agent.code, name: null };
  return { code: null, country: null, sector: '', name: null };
}

/** The widest mention; on ties the later one (English heads come last). */
function pickHead(entities: Entity[]): Entity | null {
  let best: Entity | null = null;
  for (const e of entities) if (!best || e.end - e.start >= best.end - best.start) best = e;
  return best;
}
