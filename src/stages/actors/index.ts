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
 * ("IGOWSTNAT" -> "NATO", the shortest name of the actors the dictionary codes so), null when the
 * dictionary has none.
 */
export function actorName(party: string, dict: ActorDictionary = loadDefaultDictionary()): string | null {
  const country = dict.countryByIso.get(party);
  if (country) return country.name;
  let names = partyNames.get(dict);
  if (!names) {
    names = new Map();
    for (const a of dict.data.actors) {
      if (a.kind === 'PERSON') continue;
      const code = a.code ?? a.roles?.find((r) => r[1] === null && r[2] === null)?.[0];
      if (!code || !/^(IGO|NGO|IMG)/.test(code)) continue;
      const old = names.get(code);
      if (!old || a.name.length < old.length) names.set(code, a.name);
    }
    partyNames.set(dict, names);
  }
  return names.get(party) ?? null;
}
