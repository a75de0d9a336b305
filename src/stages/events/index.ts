// The event coder stage: who did what to whom, when, where, according to whom (PLOVER + CAMEO).
// See coder.ts for the method and the dyad convention.
import type { Article, Event, Processed } from '../../model.js';
import { defineStage } from '../stage.js';
import { codeArticle, type CodeOptions } from './coder.js';
import { codeArticleLearned } from './learned/code.js';
import { loadCoderModels, type CoderModels } from './learned/model.js';

export type { CodeOptions, CodedEvent } from './coder.js';
export { codeArticle } from './coder.js';
export { loadPetrarchVerbs, type VerbDictionary } from './petrarch.js';
export { cameoInfo, ploverOf } from './cameo.js';

/** PLOVER events of an article (CAMEO statements, which PLOVER does not code, are left out). */
export function codeEvents(article: Article, opts?: CodeOptions): Event[] {
  const out: Event[] = [];
  for (const { origin: _origin, ...e } of codeArticle(article, opts)) {
    if (e.type !== null) out.push({ ...e, type: e.type });
  }
  return out;
}

/** What the events stage holds: the coder's options and the trained models (null: rules only). */
export interface EventsState {
  options: CodeOptions;
  models: CoderModels | null;
}

/** The events of an article: by the trained models when they are there, else by the rule coder.
 *  A caller's own PETRARCH verb dictionary is a closed world the rule coder codes with as it says. */
export function codeArticleEvents(article: Article, state: EventsState): Event[] {
  if (state.models && !state.options.verbs) return codeArticleLearned(article, state.models, state.options);
  return codeEvents(article, state.options);
}

/** Article -> Processed. State: the coder's options and data/coder-model.json, read once. */
export const eventsStage = defineStage({
  name: 'events',
  input: 'Article',
  output: 'Processed',
  load: (): EventsState => ({ options: {}, models: loadCoderModels() }),
  run: (article, state): Processed => ({ article, events: codeArticleEvents(article, state) }),
});
