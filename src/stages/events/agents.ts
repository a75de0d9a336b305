// Agent phrases the entity stage leaves as a bare country: "soldiers from Gondor", "lawmakers in
// Fornost", "officials of Arnor" name the country's military, legislature, government. The sector
// comes from the actor dictionary's agent list (resolveActorPhrase on the agent noun alone), looked
// up once per noun and dictionary.
import { resolveActorPhrase, type ActorDictionary } from '../actors/index.js';

const AGENT_PREPS = new Set(['in', 'from', 'of']);
const cache = new WeakMap<object, Map<string, string | null>>();
const DEFAULT_KEY = {};

/** The sector code (MIL, LEG, GOV, ...) a plural agent noun names, or null. */
export function agentSector(noun: string, dict: ActorDictionary | undefined): string | null {
  const key = dict ?? DEFAULT_KEY;
  let memo = cache.get(key);
  if (!memo) cache.set(key, (memo = new Map()));
  const hit = memo.get(noun);
  if (hit !== undefined) return hit;
  const r = resolveActorPhrase(noun, null, dict);
  const sector = r.country === null && r.code && /^[A-Z]{3}$/.test(r.code) ? r.code : null;
  memo.set(noun, sector);
  return sector;
}

export interface AgentToken {
  lower: string;
  pos: string;
}

/** "soldiers from" right before a country mention at index `first`: the agent noun, or null. */
export function agentBefore(toks: AgentToken[], first: number): string | null {
  let p = first - 1;
  if (toks[p]?.pos === 'DET') p--;
  if (!toks[p] || !AGENT_PREPS.has(toks[p]!.lower)) return null;
  const n = toks[p - 1];
  // Plural nouns only: "the capital of Gondor" is a place, "officials of Gondor" are agents.
  // (A sentence-initial "Lawmakers" may be tagged PROPN.)
  const nounLike = n !== undefined && (n.pos === 'NOUN' || (n.pos === 'PROPN' && p - 1 === 0));
  return nounLike && /s$/.test(n.lower) ? n.lower : null;
}

const MODIFIER_POS = new Set(['NOUN', 'ADJ']);

/**
 * The sector of the agent phrase right before "in/from/of <country>": the longest phrase (up to
 * three words) the dictionary knows, so "human rights activists in Arnor" is the opposition (OPP)
 * although "activists" alone may be another sector.
 */
export function agentSectorBefore(toks: AgentToken[], first: number, sectorOf: (noun: string) => string | null): string | null {
  const noun = agentBefore(toks, first);
  if (!noun) return null;
  let p = first - 1;
  if (toks[p]?.pos === 'DET') p--;
  const head = p - 1;
  let from = head;
  // (A sentence-initial modifier may be tagged PROPN: "Human rights activists in ...".)
  while (from > 0 && head - from < 2 && (MODIFIER_POS.has(toks[from - 1]!.pos) || (from - 1 === 0 && toks[0]!.pos === 'PROPN'))) from--;
  for (let k = from; k < head; k++) {
    const sector = sectorOf(toks.slice(k, head + 1).map((t) => t.lower).join(' '));
    if (sector) return sector;
  }
  return sectorOf(noun);
}
