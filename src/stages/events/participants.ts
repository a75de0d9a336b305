// Participants of an event: the subject and object of a verb (active or passive, coordinated or
// not), the explicit parties of a nominal event ("talks between A and B", "Russia's demand"), and
// the small structural tests they need (predicate, passive, intention).
import { INTENT_CUES, LOCATIVE_PREPS, OF_IS_SOURCE, TARGET_PREPS } from './lexicon.js';
import { subjectBefore } from './frames.js';
import { expand, parties } from './discourse.js';
import type { Group, Mention, SentenceView, Tok } from './sentence.js';
import type { Trigger } from './triggers.js';

export const QUOTE = /^["“”'‘’«»]$/;

/** Not a predicate: a gerund after a preposition ("accuses X of sheltering", "in 'supporting"),
 *  or a participle modifying a noun ("efforts aimed at", "the law promoted by"). */
export function isPredicate(view: SentenceView, k: number): boolean {
  const t = view.toks[k]!;
  let p = k - 1;
  while (p >= 0 && QUOTE.test(view.toks[p]!.text)) p--;
  const prev = view.toks[p];
  const next = view.toks[k + 1];
  // "USA -backed rebels", "US-led coalition": a compound adjective.
  if (prev?.text === '-' || prev?.text === '–') return false;
  // "fighters captured in Syria were ...": a reduced relative, when the clause has another
  // predicate; "The group released at least 19 hostages" has none, so "released" is the predicate.
  // ("a truce brokered by Moscow" stays a modifier: a by-agent marks the passive participle.)
  if (/ed$/.test(t.lower) && prev?.pos === 'NOUN' && next?.pos === 'ADP' && (next.lower === 'by' || otherPredicate(view, k))) return false;
  if (participleModifier(t, prev, next)) return false;
  // "have received offers of amnesty": a verb-tagged word right after a finite verb is a noun
  // (bare infinitives after help/let/make/see excepted).
  const prevPrev = view.toks[p - 1];
  const prevIsPredicate = prev?.pos === 'VERB' && prevPrev?.pos !== 'ADP' && prevPrev?.pos !== 'DET';
  if (prevIsPredicate && !/ing$/.test(prev.lower) && !BARE_INFINITIVE.has(prev.lemma) && !/ing$/.test(t.lower)) return false;
  // "Russia in turn accuses ...": a verb-tagged word right after a preposition is a noun.
  if (prev?.pos === 'ADP' && !/ing$/.test(t.lower) && prev.lower !== 'by') return false;
  if (/ing$/.test(t.lower)) {
    // A gerund is a predicate only as a progressive ("are discussing") or a participial clause
    // after a comma ("..., working out a new approach").
    if (!prev || prev.text === ',') return true;
    for (let j = p; j >= 0 && j >= p - 2; j--) {
      const q = view.toks[j]!;
      if (q.pos === 'AUX') return true;
      if (q.pos !== 'ADV' && q.lower !== 'not') break;
    }
    return false;
  }
  return true;
}

/** Another verb or auxiliary in k's clause (then k may be a reduced relative). */
function otherPredicate(view: SentenceView, k: number): boolean {
  const c = view.clauses[view.clauseOf[k]!];
  const start = c?.start ?? 0;
  const end = c?.end ?? view.toks.length;
  for (let j = start; j < end; j++) if (j !== k && (view.toks[j]!.pos === 'VERB' || view.toks[j]!.pos === 'AUX')) return true;
  return false;
}

const BARE_INFINITIVE = new Set(['help', 'let', 'make', 'see', 'hear', 'watch', 'go', 'come', 'dare']);

/** Determiners after which a participle is an adjective ("the disputed region"). Not "which",
 *  "that", "both", "all": "both agreed", "which attacked" are predicates. */
const MODIFIER_DET = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'another', 'any', 'some', 'no']);

/** A past participle used as an adjective: after a determiner or a preposition ("thousands of
 *  suspected Isis fighters"), or between an adjective and a noun ("Russian backed forces"). */
function participleModifier(t: Tok, prev: Tok | undefined, next: Tok | undefined): boolean {
  if (!prev || !/(ed|en)$/.test(t.lower)) return false;
  if (MODIFIER_DET.has(prev.lower)) return true;
  if (prev.pos === 'ADP' && prev.lower !== 'by' && prev.lower !== 'that') return true;
  // "800 captured Isis fighters"
  if (prev.pos === 'NUM' && (next?.pos === 'NOUN' || next?.pos === 'PROPN')) return true;
  // (A demonym the tagger called PROPN counts as an adjective: "Turkish backed rebels".)
  const adjective = prev.pos === 'ADJ' || (prev.pos === 'PROPN' && /(ian|ish|ese|i)$/.test(prev.lower));
  return adjective && (next?.pos === 'NOUN' || next?.pos === 'PROPN');
}

/** Verbs after which an infinitive reports something that did (or did not) happen. "be"/"have"
 *  are not among them: "is to meet", "has to withdraw" are plans and obligations. */
export const IMPLICATIVE = new Set(['fail', 'manage', 'refuse', 'decline', 'begin', 'start', 'continue', 'keep', 'stop', 'cease', 'help', 'try', 'attempt', 'accuse']);
/** "was able to meet" reports a meeting. */
const ABLE = new Set(['able', 'unable']);

/** "agreed to [continue discussions]", "the fight to degrade and [destroy] IS": an infinitive
 *  (or a verb coordinated with one) is an intention, not a reported act. */
export function inIntention(view: SentenceView, v: number): boolean {
  let to = view.toks[v - 1];
  // "to degrade and destroy": the coordinated verb inherits the infinitive of the first.
  if (to && (to.lower === 'and' || to.lower === 'or') && view.toks[v - 2]?.pos === 'VERB' && view.toks[v - 3]?.lower === 'to') {
    v -= 2;
    to = view.toks[v - 1];
  }
  if (!to || to.lower !== 'to' || to.pos !== 'PART') return false;
  if (ABLE.has(view.toks[v - 2]?.lower ?? '')) return false;
  for (let k = v - 2; k >= 0 && k >= v - 5; k--) {
    const t = view.toks[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return !IMPLICATIVE.has(t.lemma);
  }
  return true;
}

export const INTENT_OF: Record<string, string> = { '06': '031', '07': '033', '08': '035' };

export function intentCue(view: SentenceView, verb: number, code: string): string | null {
  const intent = INTENT_OF[code.slice(0, 2)];
  if (!intent || view.toks[verb - 1]?.lower !== 'to') return null;
  const clause = view.clauses[view.clauseOf[verb]!]!;
  for (let k = verb - 2; k >= clause.start && k >= verb - 4; k--) {
    if (INTENT_CUES.has(view.toks[k]!.lemma) || INTENT_CUES.has(view.toks[k]!.lower)) return intent;
  }
  return null;
}

// Not "would": in news it is as often a conditional ("disengagement would provide Iran ...")
// as a backshifted promise.
const FUTURE = new Set(['will', "'ll", 'wo', 'shall']);

/** The intent code of a material-cooperation verb under "will"/"would" ("will release"), or null. */
export function promised(view: SentenceView, verb: number, code: string): string | null {
  const intent = INTENT_OF[code.slice(0, 2)];
  if (!intent) return null;
  for (let k = verb - 1; k >= 0 && k >= verb - 3; k--) {
    const t = view.toks[k]!;
    if (FUTURE.has(t.lower)) return intent;
    if (t.pos !== 'ADV' && t.lower !== 'not' && t.lower !== "n't") return null;
  }
  return null;
}

const IRREGULAR_PARTICIPLES = new Set(['told', 'held', 'sold', 'said', 'paid', 'sent', 'left', 'hit', 'put', 'struck', 'caught', 'brought', 'fought', 'kept', 'met', 'led', 'made', 'built', 'won', 'set', 'cut', 'shot', 'bought', 'sought', 'found', 'heard', 'meant', 'spent', 'lost', 'lent']);

export function isPassive(view: SentenceView, v: number): boolean {
  const t = view.toks[v]!;
  if (!/(ed|en|wn|ne)$/.test(t.lower) && !IRREGULAR_PARTICIPLES.has(t.lower)) return false;
  // "Assad, supported by Moscow, ...": a participle with a by-agent is passive without "be".
  if (view.toks[v + 1]?.lower === 'by') return true;
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    const p = view.toks[k]!;
    if (p.pos === 'ADV' || p.lower === 'not') continue;
    return p.pos === 'AUX' && (p.lemma === 'be' || p.lemma === 'get');
  }
  return false;
}

/**
 * The object of a verb: the first actor group right after it (direct object) or introduced by a
 * target preposition ("with", "against"...), not inside a following infinitive ("agreed to continue
 * discussions of the Syrian issue" has no object) and not deep inside a long topic phrase.
 */
/** Prepositions that name the other party outright ("with Gondor"), preferred over a locative. */
const PARTNER_PREPS = new Set(['with', 'against', 'toward', 'towards']);

export function objectAfter(view: SentenceView, from: number, to: number, directOnly: boolean, passive = false, loose = false): Group | null {
  const { toks } = view;
  // Closed-world fallback: an actor the verb does not govern, kept while a later group introduced
  // by a target preposition may still come ("celebrated Eid at Osgiliath with Gondor" -> Gondor).
  let fallback: Group | null = null;
  for (const g of view.groups) {
    if (g.first < from || g.first >= to) continue;
    for (let k = from; k < g.first; k++) {
      if (toks[k]!.lower === 'to' && toks[k]!.pos === 'PART' && toks[k + 1]?.pos === 'VERB') return fallback;
      // "no agreement on sharing intelligence against IS": IS is the object of "sharing".
      if (toks[k]!.pos === 'VERB' && (toks[k - 1]?.pos === 'ADP' || toks[k - 1]?.pos === 'SCONJ')) return fallback;
      // "British men killed fighting Isis": Isis is the object of "fighting", not of "killed".
      if (!loose && toks[k]!.pos === 'VERB' && k >= from && toks[k - 1]?.lower !== 'and' && toks[k - 1]?.lower !== 'or') return null;
    }
    if (passive && precededBy(view, g.first, 'by')) continue;
    const gap = g.first - from;
    const prep = toks[g.first - 1]?.pos === 'DET' ? toks[g.first - 2] : toks[g.first - 1];
    // "condemned an attack by X": in an active clause a by-phrase inside the object names the target.
    const viaPrep =
      prep !== undefined && prep.pos === 'ADP' && (directOnly ? prep.lower === 'with' : TARGET_PREPS.has(prep.lower) || (!passive && prep.lower === 'by'));
    // "supported the Kurds' fight against Isis": the phrase belongs to the possessed noun.
    if (viaPrep && !loose && possessiveBetween(toks, from, g.first)) return null;
    if (fallback && !(viaPrep && PARTNER_PREPS.has(prep!.lower))) continue;
    // "a warning about the threat from IS": the preposition attaches to a nearer noun, not to the event.
    if (viaPrep && !loose && nestedPrep(toks, from, g.first - (toks[g.first - 1]?.pos === 'DET' ? 2 : 1))) return null;
    if ((gap <= (directOnly ? 2 : 5) && !(prep?.pos === 'ADP' && !viaPrep)) || (viaPrep && gap <= 12)) return g;
    // Closed-world dictionaries: any actor later in the clause is the target ("criticized the
    // closure of guest houses in Bree" -> Bree), as PETRARCH codes it.
    if (loose && gap <= 12) {
      // A locative group ("at Osgiliath") waits for a "with"/"against" group later on.
      if (prep && LOCATIVE_PREPS.has(prep.lower)) {
        fallback = g;
        continue;
      }
      return g;
    }
    return fallback;
  }
  return fallback;
}

/** A preposition (not "of") between from and `to` whose own noun comes before `to`: what follows
 *  belongs to that noun ("support for the dialogue on Russia-US relations"). "met on Monday with
 *  Lavrov", "spoke by phone with Lavrov" keep their object: a name or a bare noun. */
function possessiveBetween(toks: SentenceView['toks'], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.pos === 'PART' && /^['’]s?$/.test(t.lower)) return true;
    // "the Kurds’ fight": a bare apostrophe after a plural, before a noun.
    if (/^['’]$/.test(t.text) && /s$/i.test(toks[k - 1]?.text ?? '') && toks[k + 1]?.pos === 'NOUN') return true;
  }
  return false;
}

function nestedPrep(toks: SentenceView['toks'], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if ((t.pos !== 'ADP' && !(t.pos === 'SCONJ' && t.lower === 'for')) || t.lower === 'of') continue;
    // "spoke by phone with Lavrov": a bare-noun adverbial right before the object's preposition.
    if (k + 2 === to && toks[k + 1]!.pos === 'NOUN') continue;
    for (let j = k + 1; j < to; j++) if (toks[j]!.pos === 'NOUN') return true;
  }
  return false;
}

export function precededBy(view: SentenceView, first: number, word: string): boolean {
  const p = view.toks[first - 1];
  const pp = view.toks[first - 2];
  return p?.lower === word || (p?.pos === 'DET' && pp?.lower === word);
}

/** The subject of the clause containing v, following coordinated predicates back to theirs. */
const RELATIVE_SUBJECT = new Set(['who', 'which', 'that']);

export function clauseSubject(view: SentenceView, v: number): Group | null {
  let k = view.clauseOf[v]!;
  let at = v;
  for (;;) {
    const c = view.clauses[k]!;
    const s = subjectBefore(view, at, c.start);
    // "Russia, which had granted ...", "forces who have fought ...": a relative pronoun's
    // antecedent is the subject — an actor right before it, or nobody we know.
    if (!s && c.relative && RELATIVE_SUBJECT.has(view.toks[c.start]!.lower)) {
      let e = c.start - 1;
      if (view.toks[e]?.text === ',') e--;
      return view.groups.find((g) => g.last === e) ?? null;
    }
    if (s || !c.sharesSubject || k === 0) return s;
    k--;
    at = c.start;
  }
}

/** Source, target, and whether the two act jointly (a coordination: "A and B met"). */
export type Dyad = [Mention | null, Mention | null, boolean?];

/** Roots of acts a coordinated agent does together ("a meeting hosted by A and B"). */
const JOINT_ROOTS = new Set(['03', '04', '05', '06']);

export function verbDyads(view: SentenceView, trig: Trigger, loose: boolean): Dyad[] {
  const v = trig.verb;
  const clause = view.clauses[view.clauseOf[v]!]!;
  if (isPassive(view, v)) {
    const agent = view.groups.find((g) => g.first > v && g.first < clause.end && precededBy(view, g.first, 'by')) ?? null;
    const patient = clauseSubject(view, v);
    // "a meeting hosted by A and B": the agents act together; "killed by Russian and Syrian bombs" has no dyad.
    const joint = JOINT_ROOTS.has(trig.code.slice(0, 2));
    if (agent && agent.phrases.length >= 2 && !patient && joint) return [[agent.phrases[0]!.head, agent.phrases[1]!.head]];
    return [[agent?.phrases[0]!.head ?? null, patient?.phrases[0]!.head ?? null]];
  }
  const subj = clauseSubject(view, v);
  const subjects = subj ? subj.phrases.map((p) => p.head) : [];
  const root = trig.code.slice(0, 2);
  // "Gondor and Osgiliath have delayed their meeting": a reciprocal object makes the subjects the dyad.
  // Contacts take a person or organisation as object ("met Lavrov"), not a topic ("discussed Syria").
  const directOnly = root === '04';
  const obj =
    (trig.word !== v ? objectAfter(view, trig.word + 1, clause.end, directOnly, false, loose) : null) ??
    objectAfter(view, v + 1, clause.end, directOnly, false, loose);
  // ... unless an object is named: "A, B and C welcomed their resumption of ties with D".
  const named = obj !== null && RECIPROCAL_OVERRIDE.has(view.toks[obj.first - 1]?.lower ?? '');
  if (!named && subjects.length >= 2 && subjects[0]!.code !== subjects[1]!.code && reciprocalAfter(view, trig.word)) return [[subjects[0]!, subjects[1]!, true]];
  // "welcomed a resumption of ties between A and B": the act is addressed to both parties.
  const between = !obj || precededBy(view, obj.first, 'between') ? betweenParties(view, trig.word + 1, clause.end) : null;
  if (between && subjects.length && !subjects.some((s) => between.some((b) => b.code === s.code))) {
    return subjects.flatMap((s) => expand(s).flatMap((x) => between.map((b): Dyad => [x, b])));
  }
  let target = obj?.phrases[0]!.head ?? null;
  if (obj && directOnly && target!.kind === 'PLACE' && !precededBy(view, obj.first, 'with')) target = null;
  if (obj && trig.mined && obj.first - trig.word > 2) target = null;
  if (!target) {
    // "Kerry and Lavrov agreed / met / discussed ...": for acts done together the coordination is
    // the dyad; "France, Germany and Sweden are investigating" is not an event between them.
    // Diplomatic cooperation, recognition and signing are mutual too ("A and B renewed ties",
    // "A and B signed a treaty"); praise is not ("A and B praised the deal").
    const mutual = (root === '03' || root === '04' || root === '06' || MUTUAL_05.has(trig.code)) && !trig.mined;
    if (mutual && subjects.length >= 2 && subjects[0]!.code !== subjects[1]!.code) return [[subjects[0]!, subjects[1]!, true]];
    if (mutual && subjects.length === 1 && subjects[0]!.pair) return [[...parties(subjects[0]!), true]];
    return [[subjects[0] ?? null, null]];
  }
  // "accused the US and Britain": one event per coordinated object.
  const targets = obj!.phrases.map((p) => p.head).filter((h, i) => i === 0 || !(directOnly && h.kind === 'PLACE'));
  if (!subjects.length) return targets.map((t): Dyad => [null, t]);
  return subjects.flatMap((s) => expand(s).flatMap((x) => targets.map((t): Dyad => [x, t])));
}

/** The parties of a "between A and B" phrase within eight words of `from`, or null. */
function betweenParties(view: SentenceView, from: number, end: number): Mention[] | null {
  for (let k = from; k < end && k < from + 8; k++) {
    const t = view.toks[k]!;
    if (t.pos === 'VERB' || t.text === ',') return null;
    if (t.lower !== 'between') continue;
    const g = view.groups.find((x) => x.first > k && x.first <= k + 2);
    return g && g.phrases.length >= 2 ? g.phrases.map((p) => p.head) : null;
  }
  return null;
}

/** An object after these names the other party even after "their" ("their ties with D"). */
const RECIPROCAL_OVERRIDE = new Set(['with', 'to', 'against', 'toward', 'towards']);
const MUTUAL_05 = new Set(['05', '050', '054', '057']);

export function reciprocalAfter(view: SentenceView, w: number): boolean {
  for (let k = w + 1; k <= w + 2 && k < view.toks.length; k++) {
    const l = view.toks[k]!.lower;
    if (l === 'their' || l === 'each' || l === 'one') return true;
  }
  return false;
}

/** Explicit participants of a nominal event, or null when the noun names none. */
export function nounDyads(view: SentenceView, n: number): Dyad[] | null {
  const { toks } = view;
  const noun = toks[n]!;
  // "talks between A and B", "a phone call on 14 December between A and B".
  let b = n + 1;
  while (b < toks.length && b <= n + 6 && toks[b]!.lower !== 'between' && toks[b]!.lower !== 'among' && toks[b]!.pos !== 'VERB' && toks[b]!.text !== ',') b++;
  const next = toks[b];
  if (next && (next.lower === 'between' || next.lower === 'among')) {
    const g = view.groups.find((x) => x.first > b && x.first <= b + 3);
    if (g && g.phrases.length >= 2) return [[g.phrases[0]!.head, g.phrases[1]!.head, true]];
    if (g && g.phrases[0]!.head.pair) return [[...parties(g.phrases[0]!.head), true]];
    return null;
  }
  const phrase = view.phrases.find((p) => p.first <= n && p.last >= n);
  let source: Mention | null = null;
  let target: Mention | null = null;
  if (phrase) {
    const before = phrase.mentions.filter((m) => m.last < n);
    // "request for the extradition of X": X belongs to "extradition", not to the request.
    const after = phrase.mentions.filter((m) => m.first > n && !nestedPrep(toks, n + 1, toks[m.first - 1]?.pos === 'DET' ? m.first - 2 : m.first - 1));
    if (before.length) source = before[before.length - 1]!;
    if (after.length) {
      const ofSource = OF_IS_SOURCE.has(noun.lemma) && toks[n + 1]?.lower === 'of';
      if (!source && ofSource) source = after[0]!;
      else target = after[0]!;
    }
  }
  const end = phrase && phrase.last >= n ? phrase.last : n;
  const prep = toks[end + 1];
  if (prep && prep.pos === 'ADP' && (TARGET_PREPS.has(prep.lower) || prep.lower === 'by')) {
    const g = view.groups.find((x) => x.first > end + 1 && x.first <= end + 3);
    if (g) {
      if (prep.lower === 'by') source ??= g.phrases[0]!.head;
      else target ??= g.phrases[0]!.head;
    }
  }
  if (source?.pair && !target) return [parties(source)];
  if (!source) return null;
  return [[source, target]];
}

/** The verb has a noun-phrase object of its own ("asked the Western countries to ..."). */
export function hasObjectNoun(view: SentenceView, v: number): boolean {
  for (let k = v + 1; k < view.toks.length && k <= v + 3; k++) {
    const t = view.toks[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return true;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NUM') return false;
  }
  return false;
}
