// The coder's options and its output before PLOVER filtering, apart from the coder itself so that
// its helpers (speech.ts) can name them without importing the coder back.
import type { ActorDictionary } from '../actors/index.js';
import type { Event, PloverType } from '../../model.js';
import type { VerbDictionary } from './petrarch.js';

export interface CodeOptions {
  /** A PETRARCH verb dictionary to code with instead of the built-in lexicon (closed world). */
  verbs?: VerbDictionary;
  /** Code a bare country ("Russia", "US military preparations") as its government (RUSGOV). Default true. */
  countryAsGovernment?: boolean;
  /** Only code events with both a source and a target actor. Default true; false codes events
   *  whose source or target (or both) is unknown, as "---". */
  requireDyad?: boolean;
  /**
   * Code joint acts in both directions ("Kerry and Lavrov met" -> USA->RUS and RUS->USA), as the
   * PETRARCH validation suites expect. Default false: one event, source = first conjunct.
   */
  bothDirections?: boolean;
  /** The actor dictionary the article's entities came from (agent nouns: "soldiers from X"). */
  actors?: ActorDictionary;
}

/** An event mention as coded, before PLOVER filtering: type is null for CAMEO codes PLOVER does
 *  not cover (01 statements). */
export interface CodedEvent extends Omit<Event, 'type'> {
  type: PloverType | null;
  /** The word the event was coded from (for evaluation and debugging; not part of Event). */
  trigger: string;
  /** Which rule coded it (evaluation and debugging): verb, mined, light, noun, speech, statement. */
  origin: string;
}
