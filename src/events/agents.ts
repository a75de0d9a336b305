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
