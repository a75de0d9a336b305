// One sentence of an article made ready for the learned coder: its shallow parse (tokens, actor
// mentions, clauses, dates, places), its noun phrases, and the lexicons the features read.
import type { ActorDictionary } from '../../actors/index.js';
import type { Article } from '../../../model.js';
import { agentSector } from '../agents.js';
import { lowerBound } from '../../../lang/offsets.js';
import { viewSentence, type ViewOptions } from '../sentence.js';
import { wordClusters } from './data.js';
import { verbLexicon } from './dictionary.js';
import { sentenceContext, type RuleReading, type SentenceContext } from './features.js';
import type { CodedEvent } from '../coder.js';
import { nounPhrases } from './phrases.js';

export function viewOptions(dict?: ActorDictionary): ViewOptions {
  return { countryAsGovernment: true, placesAsActors: false, agentSector: (noun: string) => agentSector(noun, dict) };
}

/** The rule coder's events of an article by sentence start, then by trigger word. */
export type RuleIndex = Map<number, CodedEvent[]>;

export function ruleIndex(events: CodedEvent[]): RuleIndex {
  const out: RuleIndex = new Map();
  for (const e of events) {
    const list = out.get(e.evidence.start);
    if (list) list.push(e);
    else out.set(e.evidence.start, [e]);
  }
  return out;
}

/** The context of sentence s, or null when it has no token. */
export function prepareSentence(article: Article, s: number, opts: ViewOptions, dict?: ActorDictionary, rules?: RuleIndex): SentenceContext | null {
  const sent = article.sentences[s]!;
  const from = lowerBound(article.tokens, sent.start);
  const to = Math.max(from, lowerBound(article.tokens, sent.end));
  if (to === from) return null;
  const view = viewSentence(article, s, from, to, opts);
  const phrases = nounPhrases(view, (lemma) => agentSector(lemma, dict));
  const readings = new Map<number, RuleReading[]>();
  for (const e of rules?.get(sent.start) ?? []) {
    const k = view.toks.findIndex((t) => t.text === e.trigger);
    if (k < 0) continue;
    const list = readings.get(k) ?? [];
    list.push({ type: e.type, negated: e.negated, hypothetical: e.hypothetical, event: e });
    readings.set(k, list);
  }
  return sentenceContext(view, phrases, wordClusters(), verbLexicon(), readings);
}
