// Every entity the actors stage emits is made here: one object shape (the event coder reads
// entities in hot loops) and one place that says how sure each kind of evidence is.
import type { Entity, EntityVia } from '../../model.js';

/**
 * How sure a code is, by its evidence. A dictionary name or a country is rarely wrong; a title
 * names its country but may miss the person; an agent noun with its own country modifier is sure
 * of both; a country taken from the context, or a pronoun's antecedent, is a guess.
 */
const CONFIDENCE: Record<EntityVia, number> = {
  dictionary: 0.95,
  country: 0.9,
  acronym: 0.9,
  title: 0.85,
  agent: 0.85,
  coreference: 0.7,
  context: 0.6,
};

export function entity(
  start: number, end: number, text: string, kind: Entity['kind'], name: string, code: string | null, country: string | null,
  via: EntityVia, confidence: number = CONFIDENCE[via],
): Entity {
  return { start, end, text, kind, name, code, country, via, confidence: code === null ? 0 : confidence };
}

export function confidenceOf(via: EntityVia): number {
  return CONFIDENCE[via];
}
