// The event coder stage: who did what to whom, when, where, according to whom (PLOVER + CAMEO).
// See coder.ts for the method and the dyad convention.
import type { Article, Event, Processed } from '../../model.js';
import { defineStage } from '../stage.js';
import { codeArticle, type CodeOptions } from './coder.js';

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

/** Article -> Processed. State: the coder's options (none: the built-in lexicon and dictionaries). */
export const eventsStage = defineStage({
  name: 'events',
  input: 'Article',
  output: 'Processed',
  load: (): CodeOptions => ({}),
  run: (article, options): Processed => ({ article, events: codeEvents(article, options) }),
});
