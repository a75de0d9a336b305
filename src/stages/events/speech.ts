// The speaker's own acts in reported speech: evaluations ("... is unacceptable") and claims of
// collusion with armed groups are accusations by the speaker.
import { isNegated } from './attributes.js';
import { NEGATIVE_EVALUATION } from './lexicon.js';
import type { CodedEvent } from './types.js';
import type { Discourse } from './discourse.js';
import type { Frame } from './frames.js';
import { isPassive, precededBy } from './participants.js';
import type { Mention, SentenceView } from './sentence.js';

const COOPERATIVE = new Set(['CONSULT', 'COOPERATE', 'AID', 'SUPPORT', 'AGREE']);

function afterPreposition(view: SentenceView, first: number): boolean {
  const p = view.toks[first - 1]?.pos === 'DET' ? view.toks[first - 2] : view.toks[first - 1];
  return p !== undefined && p.pos === 'ADP' && p.lower !== 'by';
}

export function armedNonState(code: string): boolean {
  return code.startsWith('IMG') || /^.{3}(REB|INS|TER|UAF)/.test(code);
}

export function stateLike(code: string): boolean {
  return /^[A-Z]{3}(GOV|MIL)?$/.test(code);
}

/** What the rule that codes an event states outright instead of leaving it to the clause. */
export interface EventOverrides {
  /** Which rule coded it: verb, mined, light, noun, speech, statement. */
  origin: string;
  /** Null: read off the clause (and the reported-speech frame). */
  negated: boolean | null;
  /** Undefined: the speaker of the innermost frame; null: nobody (the speaker's own act). */
  claimedBy: string | null | undefined;
  /** Null: the people among source and target. */
  actors: string[] | null;
}

/** Every EventOverrides is made here, so all have one shape. */
export function overrides(origin: string, negated: boolean | null = null, claimedBy: string | null | undefined = undefined, actors: string[] | null = null): EventOverrides {
  return { origin, negated, claimedBy, actors };
}

export type Emit = (
  code: string, src: Mention | null, tgt: Mention | null, word: number, verb: number, nominal: boolean,
  how: EventOverrides, doubted?: boolean,
) => void;

/**
 * The speaker's own act: "Lavrov stressed that [... caused by US preparations] is unacceptable" is
 * an accusation against the US; "Lavrov says [IS keeps contact with the Turkish government]" accuses
 * Turkey of collusion with an armed group.
 */
export function speechActs(view: SentenceView, frames: Frame[], d: Discourse, events: CodedEvent[], emit: Emit): void {
  for (const f of frames) {
    const cue = view.toks[f.cue]!;
    // Spoken acts: a speech verb, or a headline attribution dash ("... – Lavrov").
    if ((cue.pos !== 'VERB' && !/^[–—-]$/.test(cue.text)) || f.denial) continue;
    const speaker = f.speaker;
    if (!speaker) continue;
    let evaluative = false;
    for (let k = f.from; k < f.to; k++) {
      const t = view.toks[k]!;
      if (NEGATIVE_EVALUATION.has(t.lower) || NEGATIVE_EVALUATION.has(t.lemma)) evaluative = true;
    }
    const actors = (tgt: Mention): string[] => [...new Set([...speaker.people, ...tgt.people])];
    if (evaluative) {
      // Whom the evaluation is about: an agent ("caused by US preparations") or a bare noun phrase,
      // not the object of a preposition ("any attack against Syria would be reckless").
      const inside = view.groups.filter(
        (g) => g.first >= f.from && g.last < f.to && g.phrases[0]!.head.code !== speaker.code && !afterPreposition(view, g.first),
      );
      // Only an actor named in the claim: guessing the other party of the conversation ("the
      // sanctions, he added, undermined confidence") over-codes; a country does not accuse itself.
      const target = (inside.find((g) => precededBy(view, g.first, 'by')) ?? inside[0])?.phrases[0]!.head ?? null;
      if (target && target.code.slice(0, 3) !== speaker.code.slice(0, 3) && !isPassive(view, f.cue) && !isNegated(view, f.cue, f.cue)) emit('111', speaker, target, f.cue, f.cue, false, overrides('speech', null, null, actors(target)));
    }
    // Events of this sentence are at the end of the list: walk back only over them.
    const sentenceEvents: CodedEvent[] = [];
    for (let i = events.length - 1; i >= 0 && events[i]!.evidence.start === view.sentence.start; i--) {
      if (events[i]!.claimed_by === speaker.name) sentenceEvents.push(events[i]!);
    }
    for (const e of sentenceEvents) {
      if (!e.type || !COOPERATIVE.has(e.type) || e.negated || e.hypothetical) continue;
      const accused = armedNonState(e.source) && stateLike(e.target) ? e.target : armedNonState(e.target) && stateLike(e.source) ? e.source : null;
      if (!accused || accused.slice(0, 3) === speaker.code.slice(0, 3)) continue;
      const m = view.mentions.find((x) => x.code === accused && x.first >= f.from && x.first < f.to);
      // The claimed contact is the substance of the accusation, not an event of its own: it is
      // replaced by the accusation.
      if (m) events.splice(events.indexOf(e), 1);
      if (m) emit('111', speaker, m, f.cue, f.cue, false, overrides('speech', null, null, actors(m)));
    }
  }
}
