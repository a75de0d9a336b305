// A short actor description on its own ("Armenian Prime Minister", "two Chinese warplanes",
// "soldiers") resolved to one code: what an event coder needs for a noun phrase, and what the NGEC
// actor-resolution cases test.
import type { Entity } from '../../model.js';
import { tokenize } from '../../lang/tokenize.js';
import { loadDefaultDictionary, type ActorDictionary } from './dictionary.js';
import { recognise } from './resolve.js';
import { articleWords, type Word } from './words.js';
import { segment, type Segment } from './segments.js';
import { compose } from './titles.js';
import type { AgentRecord } from './types.js';

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
  const words = articleWords(article);
  const segs = segment(words, d);
  if (head?.kind === 'PLACE' && head.country) {
    // "Ukrainian agricultural workers", "trade unions in Denmark": a group noun anywhere in the
    // phrase is the country's; a capital alone stands for its government; a country alone is itself.
    const agent = lastAgent(segs, words, head);
    if (agent) return withCode(compose(head.country, agent), head.name);
    const seg = segs.find((s) => words[s.i].start === head.start);
    // (not after "in": "a park in Kabul" is a place)
    const capital = seg?.target?.t === 'country' && seg.target.form === 'capital' && head.code === head.country + 'GOV';
    return capital ? withCode(head.country + 'GOV', head.name) : { code: head.country, country: head.country, sector: '', name: head.name };
  }
  if (head?.code) {
    // "a former CIA official": once out of office, an elite of the country.
    if (FORMER.test(text) && /^[A-Z]{3}(GOV|MIL|SPY)/.test(head.code) && !head.code.startsWith('IGO')) return withCode(head.code.slice(0, 3) + 'ELI', head.name);
    return withCode(head.code, head.name);
  }
  if (head) return { code: null, country: head.country, sector: '', name: head.name };
  // No named actor: a bare agent noun ("soldiers", "Defense Minister") gives the sector alone.
  for (const s of segs) if (s.target?.t === 'agent') return { code: s.target.agent.code, country: null, sector: s.target.agent.code, name: null };
  return { code: null, country: null, sector: '', name: null };
}

const FORMER = /\b(former|ex-)\s*\w/i;

function withCode(code: string, name: string | null): PhraseActor {
  // "---COP": the sector is known, the country is not; like a bare agent noun, the sector alone.
  if (code.startsWith('---')) return { code: code.slice(3), country: null, sector: code.slice(3), name };
  return { code, country: code.slice(0, 3), sector: code.slice(3), name };
}

/** The last group noun outside the head mention (English phrases end in their head noun). */
function lastAgent(segs: Segment[], words: Word[], head: Entity): AgentRecord | null {
  let found: AgentRecord | null = null;
  for (const s of segs) {
    if (s.target?.t !== 'agent' || (words[s.i].start >= head.start && words[s.j - 1].end <= head.end)) continue;
    found = s.target.agent;
  }
  return found;
}

/** The widest mention; on ties the later one (English heads come last). */
function pickHead(entities: Entity[]): Entity | null {
  let best: Entity | null = null;
  for (const e of entities) if (!best || e.end - e.start >= best.end - best.start) best = e;
  return best;
}
