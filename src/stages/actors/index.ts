// The actors stage: people, organisations and places in an article, resolved to actor codes as of
// the article's date (see resolve.ts for the rules, types.ts for the dictionary format).
//
//   resolveEntities(article, dict?)            entities over article.tokens (annotate first)
//   loadPetrarchActors(actorsText, agentsText?) an ActorDictionary from PETRARCH/Phoenix text files
//   loadDefaultDictionary()                    data/actors.json, compiled once
//   resolveActorPhrase(text, date?, dict?)     one code for a short noun phrase ("Armenian Prime Minister")
import type { Article, Entity } from '../../model.js';
import { defineStage } from '../stage.js';
import { loadDefaultDictionary, type ActorDictionary } from './dictionary.js';
import { recognise } from './resolve.js';

export type { ActorDictionary } from './dictionary.js';
export { loadDefaultDictionary, loadPetrarchActors, compileDictionary } from './dictionary.js';
export { codeAt, officeHolder, referenceDate } from './roles.js';
export { resolveActorPhrase, type PhraseActor } from './phrase.js';
export type { ActorData, ActorRecord, AgentRecord, CountryRecord, OfficeRecord, Role } from './types.js';

/** People, organisations and places in the article, resolved to actor codes as of its date. */
export function resolveEntities(article: Article, dict?: ActorDictionary): Entity[] {
  return recognise(article, dict ?? loadDefaultDictionary());
}

/** Article -> Article with its entities. State: the actor dictionary (data/actors.json unless given another). */
export const actorsStage = defineStage({
  name: 'actors',
  input: 'Article',
  output: 'Article',
  load: (): ActorDictionary => loadDefaultDictionary(),
  run: (article, dict): Article => ({ ...article, entities: recognise(article, dict) }),
});

const partyNames = new WeakMap<ActorDictionary, Map<string, string>>();

/**
 * The display name of a dyad party: a country's ("RUS" -> "Russia") or an organisation's
 * ("IGOWSTNAT" -> "NATO"), null when the dictionary has none. Many entries share an organisation's
 * code (its officials, missions, organs: "UNSC", "Lena Sundh" are IGOUNO): the body itself is the
 * entry with the most names ("United Nations", "UN", "U.N."...), the shorter name on a tie. Entries
 * with undated codes come first; one known only by dated roles (the curated tables: "African
 * Union" from 2002) names a code that nothing undated does, or beats the undated ones by names.
 */
export function actorName(party: string, dict: ActorDictionary = loadDefaultDictionary()): string | null {
  const country = dict.countryByIso.get(party);
  if (country) return country.name;
  let names = partyNames.get(dict);
  if (!names) {
    const best = new Map<string, { name: string; weight: number }>();
    const consider = (code: string, name: string, weight: number): void => {
      const old = best.get(code);
      if (!old || weight > old.weight || (weight === old.weight && name.length < old.name.length)) best.set(code, { name, weight });
    };
    for (const a of dict.data.actors) {
      if (a.kind === 'PERSON') continue;
      const weight = a.aliases.length + 1;
      const codes = new Set([a.code, ...(a.roles ?? []).map((r) => r[0])].filter((c): c is string => !!c && /^(IGO|NGO|IMG)/.test(c)));
      for (const c of codes) consider(c, a.name, weight);
    }
    names = new Map([...best].map(([c, b]) => [c, b.name]));
    partyNames.set(dict, names);
  }
  return names.get(party) ?? null;
}
