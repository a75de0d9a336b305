// The event coder: for each sentence, find event words (triggers), their participants (subject /
// object / "between A and B" / possessor), who claims them (reported speech), and their negation,
// modality, date, location and mode. Discourse state carries pronouns, the pair of parties of the
// current conversation, the narrative date and the meeting venue across sentences.
//
// Dyad convention: a coordination ("Kerry and Lavrov agreed", "talks between Kerry and Lavrov") is
// coded once, source = first conjunct, target = second (as PLOVER dyads are); "A met B" is A -> B.
import { createHash } from 'node:crypto';
import type { Article, EventMode, PloverType } from '../model.js';
import { cameoInfo, modeOf, ploverOf } from './cameo.js';
import { clauseDate, clauseLocation, isHypothetical, isNegated, predicateAfter, scopeOf } from './attributes.js';
import { findFrames, subjectBefore, type Frame } from './frames.js';
import {
  CONTACT_NOUNS, INTENT_CUES, LETTER_WORDS, NEGATIVE_EVALUATION, OF_IS_SOURCE, PAIR_ANAPHORS, PHONE_WORDS, TARGET_PREPS, VENUE_NOUNS,
} from './lexicon.js';
import type { VerbDictionary } from './petrarch.js';
import { chunk, lowerBound, splitClauses, viewSentence, type Group, type Mention, type SentenceView, type ViewOptions } from './sentence.js';
import { nounTrigger, verbTrigger, type Trigger } from './triggers.js';

export interface CodeOptions {
  /** A PETRARCH verb dictionary to code with instead of the built-in lexicon (closed world). */
  verbs?: VerbDictionary;
  /** Code a bare country ("Russia", "US military preparations") as its government (RUSGOV). Default true. */
  countryAsGovernment?: boolean;
  /** Only code events with both a source and a target actor. Default true; false codes "---". */
  requireDyad?: boolean;
}

/** An event mention as coded, before PLOVER filtering: type is null for CAMEO codes PLOVER does
 *  not cover (01 statements). */
export interface CodedEvent {
  id: string;
  article: string;
  source_file: string;
  source: string;
  target: string;
  type: PloverType | null;
  cameo: string;
  goldstein: number;
  mode: EventMode;
  negated: boolean;
  hypothetical: boolean;
  claimed_by: string | null;
  date: string | null;
  location: string | null;
  actors: string[];
  evidence: { start: number; end: number; text: string };
  /** The word the event was coded from (for evaluation and debugging; not part of Event). */
  trigger: string;
}

interface Discourse {
  lastPerson: Mention | null;
  /** People mentioned so far, most recent last, one per actor code. */
  recent: Mention[];
  pair: [Mention, Mention] | null;
  pairMode: EventMode;
  pairDate: string | null;
  narrative: string | null;
  venues: { sentence: number; name: string }[];
}

const UNKNOWN = '---';
const PRONOUN_PERSON = new Set(['he', 'him', 'his', 'she', 'her']);
const PRONOUN_SPEAKER = new Set(['we', 'us', 'our', 'i', 'me', 'my']);
const COOPERATIVE = new Set(['CONSULT', 'COOPERATE', 'AID', 'SUPPORT', 'AGREE']);
const CONTACT_ROOT = '04';

function pronoun(like: Mention, at: number, pair?: [Mention, Mention]): Mention {
  return { ...like, first: at, last: at, kind: 'PRONOUN', locative: false, ...(pair ? { pair } : {}) };
}

/** Add pronouns and anaphors ("he", "they", "the two", "both sides") as mentions. */
function resolveAnaphora(view: SentenceView, d: Discourse): void {
  const { toks } = view;
  const added: Mention[] = [];
  const entityAt = new Map<number, Mention>();
  for (const m of view.mentions) entityAt.set(m.first, m);
  for (let k = 0; k < toks.length; k++) {
    const ent = entityAt.get(k);
    if (ent) {
      if (ent.kind === 'PERSON') {
        d.lastPerson = ent;
        d.recent = d.recent.filter((m) => m.code !== ent.code);
        d.recent.push(ent);
      }
      continue;
    }
    const t = toks[k]!;
    // Without a current pair, "their meeting" / "the two" are the two people last mentioned.
    // ... and so are they when the current pair is not two people (a headline "Russia, US ...").
    const recent: [Mention, Mention] | null = d.recent.length >= 2 ? [d.recent[d.recent.length - 1]!, d.recent[d.recent.length - 2]!] : null;
    const pair = d.pair && (d.pair[0].people.length || !recent) ? d.pair : recent;
    if (t.pos === 'PRON' && PRONOUN_PERSON.has(t.lower) && d.lastPerson) {
      added.push(pronoun(d.lastPerson, k));
    } else if (pair && PAIR_ANAPHORS.has(t.lower)) {
      const isPron = t.pos === 'PRON' && (t.lower === 'they' || t.lower === 'their' || t.lower === 'them');
      const prev = toks[k - 1]?.lower;
      const isNp = !isPron && (t.lower === 'two' ? prev === 'the' : (t.lower === 'sides' || t.lower === 'ministers' || t.lower === 'presidents') && (prev === 'the' || prev === 'both'));
      if (isPron || isNp) added.push(pronoun(pair[0], k, pair));
    }
  }
  if (added.length) {
    view.mentions.push(...added);
    view.mentions.sort((a, b) => a.first - b.first);
  }
}

/** The two parties a pair anaphor ("they", "the two men") stands for, marked as anaphoric. */
function parties(m: Mention): [Mention, Mention] {
  return [pronoun(m.pair![0], m.first), pronoun(m.pair![1], m.first)];
}

function expand(m: Mention): Mention[] {
  return m.pair ? parties(m) : [m];
}

const QUOTE = /^["“”'‘’«»]$/;

/** Not a predicate: a gerund after a preposition ("accuses X of sheltering", "in 'supporting"),
 *  or a participle modifying a noun ("efforts aimed at", "the law promoted by"). */
function isPredicate(view: SentenceView, k: number): boolean {
  const t = view.toks[k]!;
  let p = k - 1;
  while (p >= 0 && QUOTE.test(view.toks[p]!.text)) p--;
  const prev = view.toks[p];
  const next = view.toks[k + 1];
  // "USA -backed rebels", "US-led coalition": a compound adjective.
  if (prev?.text === '-' || prev?.text === '–') return false;
  if (/ed$/.test(t.lower) && prev?.pos === 'NOUN' && next?.pos === 'ADP') return false;
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

/** Verbs after which an infinitive reports something that did (or did not) happen. */
const IMPLICATIVE = new Set(['fail', 'manage', 'refuse', 'decline', 'begin', 'start', 'continue', 'keep', 'stop', 'cease', 'help', 'try', 'attempt', 'be', 'have', 'accuse']);

/** "agreed to [continue discussions]": an infinitive is an intention, not a reported act. */
function inIntention(view: SentenceView, v: number): boolean {
  const to = view.toks[v - 1];
  if (!to || to.lower !== 'to' || to.pos !== 'PART') return false;
  for (let k = v - 2; k >= 0 && k >= v - 5; k--) {
    const t = view.toks[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return !IMPLICATIVE.has(t.lemma);
  }
  return true;
}

const INTENT_OF: Record<string, string> = { '06': '031', '07': '033', '08': '035' };

function intentCue(view: SentenceView, verb: number, code: string): string | null {
  const intent = INTENT_OF[code.slice(0, 2)];
  if (!intent || view.toks[verb - 1]?.lower !== 'to') return null;
  const clause = view.clauses[view.clauseOf[verb]!]!;
  for (let k = verb - 2; k >= clause.start && k >= verb - 4; k--) {
    if (INTENT_CUES.has(view.toks[k]!.lemma) || INTENT_CUES.has(view.toks[k]!.lower)) return intent;
  }
  return null;
}

function isPassive(view: SentenceView, v: number): boolean {
  const t = view.toks[v]!;
  if (!/(ed|en|wn|ne)$/.test(t.lower)) return false;
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
function objectAfter(view: SentenceView, from: number, to: number, directOnly: boolean, passive = false): Group | null {
  const { toks } = view;
  for (const g of view.groups) {
    if (g.first < from || g.first >= to) continue;
    for (let k = from; k < g.first; k++) {
      if (toks[k]!.lower === 'to' && toks[k]!.pos === 'PART' && toks[k + 1]?.pos === 'VERB') return null;
    }
    if (passive && precededBy(view, g.first, 'by')) continue;
    const gap = g.first - from;
    const prep = toks[g.first - 1]?.pos === 'DET' ? toks[g.first - 2] : toks[g.first - 1];
    // "condemned an attack by X": in an active clause a by-phrase inside the object names the target.
    const viaPrep =
      prep !== undefined && prep.pos === 'ADP' && (directOnly ? prep.lower === 'with' : TARGET_PREPS.has(prep.lower) || (!passive && prep.lower === 'by'));
    if ((gap <= (directOnly ? 2 : 5) && !(prep?.pos === 'ADP' && !viaPrep)) || (viaPrep && gap <= 12)) return g;
    return null;
  }
  return null;
}

function precededBy(view: SentenceView, first: number, word: string): boolean {
  const p = view.toks[first - 1];
  const pp = view.toks[first - 2];
  return p?.lower === word || (p?.pos === 'DET' && pp?.lower === word);
}

/** The subject of the clause containing v, following coordinated predicates back to theirs. */
function clauseSubject(view: SentenceView, v: number): Group | null {
  let k = view.clauseOf[v]!;
  let at = v;
  for (;;) {
    const c = view.clauses[k]!;
    const s = subjectBefore(view, at, c.start);
    if (s || !c.sharesSubject || k === 0) return s;
    k--;
    at = c.start;
  }
}

type Dyad = [Mention | null, Mention | null];

function verbDyads(view: SentenceView, trig: Trigger): Dyad[] {
  const v = trig.verb;
  const clause = view.clauses[view.clauseOf[v]!]!;
  if (isPassive(view, v)) {
    const agent = view.groups.find((g) => g.first > v && g.first < clause.end && precededBy(view, g.first, 'by')) ?? null;
    const patient = clauseSubject(view, v);
    if (agent && agent.phrases.length >= 2 && !patient) return [[agent.phrases[0]!.head, agent.phrases[1]!.head]];
    return [[agent?.phrases[0]!.head ?? null, patient?.phrases[0]!.head ?? null]];
  }
  const subj = clauseSubject(view, v);
  const subjects = subj ? subj.phrases.map((p) => p.head) : [];
  const root = trig.code.slice(0, 2);
  // "Gondor and Osgiliath have delayed their meeting": a reciprocal object makes the subjects the dyad.
  if (subjects.length >= 2 && subjects[0]!.code !== subjects[1]!.code && reciprocalAfter(view, trig.word)) return [[subjects[0]!, subjects[1]!]];
  // Contacts take a person or organisation as object ("met Lavrov"), not a topic ("discussed Syria").
  const directOnly = root === '04';
  const obj =
    (trig.word !== v ? objectAfter(view, trig.word + 1, clause.end, directOnly) : null) ?? objectAfter(view, v + 1, clause.end, directOnly);
  let target = obj?.phrases[0]!.head ?? null;
  if (obj && directOnly && target!.kind === 'PLACE' && !precededBy(view, obj.first, 'with')) target = null;
  if (obj && trig.mined && obj.first - trig.word > 2) target = null;
  if (!target) {
    // "Kerry and Lavrov agreed / met / discussed ...": the coordination is the dyad.
    if (subjects.length >= 2 && subjects[0]!.code !== subjects[1]!.code) return [[subjects[0]!, subjects[1]!]];
    if (subjects.length === 1 && subjects[0]!.pair) return [parties(subjects[0]!)];
    return [[subjects[0] ?? null, null]];
  }
  if (!subjects.length) return [[null, target]];
  return subjects.flatMap((s) => expand(s).map((x): Dyad => [x, target]));
}

function reciprocalAfter(view: SentenceView, w: number): boolean {
  for (let k = w + 1; k <= w + 2 && k < view.toks.length; k++) {
    const l = view.toks[k]!.lower;
    if (l === 'their' || l === 'each' || l === 'one') return true;
  }
  return false;
}

/** Explicit participants of a nominal event, or null when the noun names none. */
function nounDyads(view: SentenceView, n: number): Dyad[] | null {
  const { toks } = view;
  const noun = toks[n]!;
  const next = toks[n + 1];
  if (next && (next.lower === 'between' || next.lower === 'among')) {
    const g = view.groups.find((x) => x.first > n + 1 && x.first <= n + 4);
    if (g && g.phrases.length >= 2) return [[g.phrases[0]!.head, g.phrases[1]!.head]];
    if (g && g.phrases[0]!.head.pair) return [parties(g.phrases[0]!.head)];
    return null;
  }
  const phrase = view.phrases.find((p) => p.first <= n && p.last >= n);
  let source: Mention | null = null;
  let target: Mention | null = null;
  if (phrase) {
    const before = phrase.mentions.filter((m) => m.last < n);
    const after = phrase.mentions.filter((m) => m.first > n);
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
function hasObjectNoun(view: SentenceView, v: number): boolean {
  for (let k = v + 1; k < view.toks.length && k <= v + 3; k++) {
    const t = view.toks[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return true;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NUM') return false;
  }
  return false;
}

/** In a conversation between two people, the party the other addresses. */
function otherParty(d: Discourse, m: Mention | null): Mention | null {
  if (!d.pair || !m || !d.pair[0].people.length || !d.pair[1].people.length) return null;
  if (d.pair[0].code === m.code) return d.pair[1];
  if (d.pair[1].code === m.code) return d.pair[0];
  return null;
}

function innermostFrame(frames: Frame[], k: number): Frame | null {
  let best: Frame | null = null;
  for (const f of frames) {
    if (k >= f.from && k < f.to && (!best || f.to - f.from < best.to - best.from)) best = f;
  }
  return best;
}

function armedNonState(code: string): boolean {
  return code.startsWith('IMG') || /^.{3}(REB|INS|TER|UAF)/.test(code);
}

function stateLike(code: string): boolean {
  return /^[A-Z]{3}(GOV|MIL)?$/.test(code);
}

function venueFor(d: Discourse, sentence: number): string | null {
  let best: string | null = null;
  for (const v of d.venues) {
    if (v.sentence <= sentence) best = v.name;
  }
  return best;
}

function near(view: SentenceView, at: number, radius: number, words: Set<string>): boolean {
  for (let k = Math.max(0, at - radius); k <= at + radius && k < view.toks.length; k++) {
    if (words.has(view.toks[k]!.lower) || words.has(view.toks[k]!.lemma)) return true;
  }
  return false;
}

function eventId(parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
}

/** The view of one sentence with anaphora resolved and reported-speech frames found. */
function prepareSentence(article: Article, s: number, d: Discourse, opts: ViewOptions): { view: SentenceView; frames: Frame[] } | null {
  const toks = article.tokens;
  const sent = article.sentences[s]!;
  const from = lowerBound(toks, sent.start);
  let to = from;
  while (to < toks.length && toks[to]!.start < sent.end) to++;
  if (to === from) return null;
  const view = viewSentence(article, s, from, to, opts);
  resolveAnaphora(view, d);
  chunk(view);
  let frames = findFrames(view);
  if (frames.length) {
    // Complements are clauses of their own: their subject is not the speaker.
    const extra = new Set<number>();
    for (const f of frames) {
      if (f.from > 0) extra.add(f.from);
      if (f.to < view.toks.length) extra.add(f.to);
    }
    splitClauses(view, extra);
    chunk(view);
    frames = findFrames(view);
    // "we"/"I" inside a complement is the speaker.
    const added: Mention[] = [];
    for (let k = 0; k < view.toks.length; k++) {
      const t = view.toks[k]!;
      if (t.pos !== 'PRON' || !PRONOUN_SPEAKER.has(t.lower)) continue;
      const f = innermostFrame(frames, k);
      if (f?.speaker) added.push(pronoun(f.speaker, k));
    }
    if (added.length) {
      view.mentions.push(...added);
      view.mentions.sort((a, b) => a.first - b.first);
      chunk(view);
    }
  }
  // "the summit in the Chinese city of Hangzhou": later meetings in the article took place there.
  for (let k = 0; k < view.toks.length; k++) {
    if (!VENUE_NOUNS.has(view.toks[k]!.lemma)) continue;
    let place: SentenceView['places'][number] | null = null;
    for (const p of view.places) {
      if (p.venue && p.first > k && p.first <= k + 8 && view.clauseOf[p.first] === view.clauseOf[k]) place = p;
    }
    if (place) d.venues.push({ sentence: s, name: place.entity.text });
  }
  return { view, frames };
}

/** Code every event mention in an article (including CAMEO codes PLOVER does not cover). */
export function codeArticle(article: Article, options: CodeOptions = {}): CodedEvent[] {
  const opts = {
    countryAsGovernment: options.countryAsGovernment ?? true,
    requireDyad: options.requireDyad ?? true,
    placesAsActors: options.verbs !== undefined,
  };
  const d: Discourse = { lastPerson: null, recent: [], pair: null, pairMode: null, pairDate: null, narrative: null, venues: [] };
  const events: CodedEvent[] = [];
  const seen = new Set<string>();

  for (let s = 0; s < article.sentences.length; s++) {
    const prepared = prepareSentence(article, s, d, opts);
    if (!prepared) continue;
    const { view, frames } = prepared;
    const sent = view.sentence;
    const evidence = { start: sent.start, end: sent.end, text: article.text.slice(sent.start, sent.end) };

    const emit = (
      code: string, src: Mention | null, tgt: Mention | null, word: number, verb: number, nominal: boolean,
      extra: { claimedBy?: string | null; negated?: boolean; actors?: string[] } = {},
      doubted = false,
    ): void => {
      if (src && tgt && src.code === tgt.code) return;
      if (opts.requireDyad ? !src || !tgt : !src && !tgt) return;
      const source = src?.code ?? UNKNOWN;
      const target = tgt?.code ?? UNKNOWN;
      const type = ploverOf(code);
      const frame = innermostFrame(frames, word);
      const negated = (extra.negated ?? isNegated(view, word, verb)) || (frame !== null && frame.cue !== word && frame.denial);
      // "willing to provide loans": the offer happened; it is an intent to cooperate (CAMEO 03x).
      const intent = intentCue(view, verb, code);
      if (intent) code = intent;
      const hypothetical = !intent && (doubted || isHypothetical(view, word, verb) || inIntention(view, verb));
      const key = `${source}|${target}|${type ?? code}|${negated}`;
      if (seen.has(`${view.index}|${key}`)) return;
      seen.add(`${view.index}|${key}`);
      const scope = scopeOf(view, word, nominal);
      const dm = clauseDate(view, word, scope);
      const date = dm ? dm.value : hypothetical ? null : d.narrative ?? article.published;
      let mode: EventMode = null;
      if (type === 'CONSULT') {
        mode = modeOf(code);
        if (!mode && near(view, word, 3, PHONE_WORDS)) mode = 'phone';
        if (!mode && near(view, word, 2, LETTER_WORDS)) mode = 'letter';
        if (!mode && (src?.kind === 'PRONOUN' || tgt?.kind === 'PRONOUN') && d.pair) mode = d.pairMode;
        mode ??= 'meet';
      }
      const root = code.slice(0, 2);
      const material = root === CONTACT_ROOT || (root >= '06' && root <= '08') || root >= '14';
      const location = material && mode !== 'phone' ? clauseLocation(view, word, scope) ?? (type === 'CONSULT' && mode === 'meet' ? venueFor(d, view.index) : null) : null;
      const actors = extra.actors ?? [...new Set([...(src?.people ?? []), ...(tgt?.people ?? [])])];
      const claimedBy = extra.claimedBy !== undefined ? extra.claimedBy : frame && frame.cue !== word ? frame.speaker?.name ?? null : null;
      events.push({
        id: eventId([article.id, sent.start, sent.end, source, target, type ?? code, negated ? 'neg' : '']),
        article: article.id,
        source_file: article.source,
        source,
        target,
        type,
        cameo: code,
        goldstein: cameoInfo(code)?.goldstein ?? 0,
        mode,
        negated,
        hypothetical,
        claimed_by: claimedBy,
        date,
        location,
        actors,
        evidence,
        trigger: view.toks[word]!.text,
      });
      // The conversation the article reports: later "they"/"both sides" are its parties. A meeting
      // reported on another day ("they exchanged views on the meeting ... on October 7") is not it.
      if (type === 'CONSULT' && src && tgt && !negated && !hypothetical && (!d.pair || !d.pairDate || date === d.pairDate)) {
        d.pair = [src, tgt];
        d.pairMode = mode;
        d.pairDate = date;
      }
    };

    // Verb and light-verb triggers first: a noun they consume is not coded again.
    const triggers: Trigger[] = [];
    const consumed = new Set<number>();
    for (let k = 0; k < view.toks.length; k++) {
      if (view.toks[k]!.pos !== 'VERB') continue;
      if (!isPredicate(view, k)) continue;
      const t = verbTrigger(view, k, options.verbs);
      if (t) {
        triggers.push(t);
        if (t.kind === 'light') consumed.add(t.word);
      }
    }
    const verbClauses = new Set(triggers.map((t) => view.clauseOf[t.verb]!));
    for (const t of triggers) {
      for (const [src, tgt0] of verbDyads(view, t)) {
        // A verbal act with no object, in a conversation, is addressed to the other party.
        const root = t.code.slice(0, 2);
        const verbal = root <= '13' && root !== CONTACT_ROOT && !t.mined && !hasObjectNoun(view, t.word);
        const tgt = tgt0 ?? (verbal ? otherParty(d, src) : null);
        emit(t.code, src, tgt, t.word, t.verb, t.kind === 'light');
      }
      const subj = clauseSubject(view, t.verb);
      if (subj && subj.phrases.length >= 2) d.pair = [subj.phrases[0]!.head, subj.phrases[1]!.head];
    }
    if (!options.verbs) {
      for (let k = 0; k < view.toks.length; k++) {
        if (consumed.has(k)) continue;
        const t = nounTrigger(view, k);
        if (!t) continue;
        let dyads = nounDyads(view, k);
        const clause = view.clauseOf[k]!;
        if (!dyads && CONTACT_NOUNS.has(view.toks[k]!.lemma) && !verbClauses.has(clause)) {
          const subj = clauseSubject(view, k);
          const head = subj?.phrases[0]!.head ?? null;
          const other = head
            ? view.groups.find((g) => view.clauseOf[g.first] === clause && g !== subj && g.phrases[0]!.head.code !== head.code)
            : undefined;
          if (head && other) dyads = [[head, other.phrases[0]!.head]];
        }
        if (!dyads) continue;
        const verbal = t.code.slice(0, 2) <= '13' && t.code.slice(0, 2) !== CONTACT_ROOT;
        const after = predicateAfter(view, k + 1, view.clauses[clause]!.end);
        for (const [src, tgt0] of dyads) {
          const extra = after.negated ? { negated: true } : {};
          emit(t.code, src, tgt0 ?? (verbal ? otherParty(d, src) : null), k, k, true, extra, after.hypothetical);
        }
      }
      speechActs(view, frames, d, events, emit);
    }
    updateNarrative(view, d, article.published);
  }
  // Meetings before the first venue is named took place there too.
  const firstVenue = d.venues[0]?.name ?? null;
  if (firstVenue) {
    for (const e of events) if (e.type === 'CONSULT' && e.mode === 'meet' && e.location === null && !e.negated) e.location = firstVenue;
  }
  return events;
}

type Emit = (
  code: string, src: Mention | null, tgt: Mention | null, word: number, verb: number, nominal: boolean,
  extra?: { claimedBy?: string | null; negated?: boolean; actors?: string[] },
  doubted?: boolean,
) => void;

/**
 * The speaker's own act: "Lavrov stressed that [... caused by US preparations] is unacceptable" is
 * an accusation against the US; "Lavrov says [IS keeps contact with the Turkish government]" accuses
 * Turkey of collusion with an armed group.
 */
function speechActs(view: SentenceView, frames: Frame[], d: Discourse, events: CodedEvent[], emit: Emit): void {
  for (const f of frames) {
    const cue = view.toks[f.cue]!;
    if (cue.pos !== 'VERB' || f.denial) continue;
    const speaker = f.speaker;
    if (!speaker) continue;
    let evaluative = false;
    for (let k = f.from; k < f.to; k++) {
      const t = view.toks[k]!;
      if (NEGATIVE_EVALUATION.has(t.lower) || NEGATIVE_EVALUATION.has(t.lemma)) evaluative = true;
    }
    const actors = (tgt: Mention): string[] => [...new Set([...speaker.people, ...tgt.people])];
    if (evaluative) {
      const inside = view.groups.filter((g) => g.first >= f.from && g.last < f.to && g.phrases[0]!.head.code !== speaker.code);
      const target = (inside.find((g) => precededBy(view, g.first, 'by')) ?? inside[0])?.phrases[0]!.head ?? otherParty(d, speaker);
      if (target) emit('111', speaker, target, f.cue, f.cue, false, { claimedBy: null, actors: actors(target) });
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
      if (m) emit('111', speaker, m, f.cue, f.cue, false, { claimedBy: null, actors: actors(m) });
    }
  }
}

/** The last day-precise date of a main clause becomes the date of undated past events after it. */
function updateNarrative(view: SentenceView, d: Discourse, published: string | null): void {
  for (const ds of view.dates) {
    const c = view.clauses[view.clauseOf[ds.first]!]!;
    if (c.relative || ds.date.granularity !== 'day') continue;
    if (published && ds.date.value > published) continue;
    d.narrative = ds.date.value;
  }
}
