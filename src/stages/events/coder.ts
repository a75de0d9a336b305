// The event coder: for each sentence, find event words (triggers), their participants (subject /
// object / "between A and B" / possessor), who claims them (reported speech), and their negation,
// modality, date, location and mode. Discourse state carries pronouns, the pair of parties of the
// current conversation, the narrative date and the meeting venue across sentences.
//
// Dyad convention: a joint act of a coordination ("Kerry and Lavrov agreed", "talks between Kerry
// and Lavrov") is coded once, source = first conjunct, target = second (as PLOVER dyads are); "A met
// B" is A -> B. CodeOptions.bothDirections also codes the reverse (the PETRARCH suites expect it).
//
// Files: sentence.ts (tokens, mentions, phrases, clauses), triggers.ts (event words), frames.ts
// (reported speech), participants.ts (who did it to whom), attributes.ts (negation, modality, date,
// location), discourse.ts (state across sentences), speech.ts (the speaker's own accusations),
// agents.ts ("soldiers from X" -> XMIL), lexicon.ts (word lists; MINED_TRUSTED gates the Phoenix verbs).
import { createHash } from 'node:crypto';
import { agentSector } from './agents.js';
import { modalityOfType, type Article, type Event, type EventMode, type Evidence, type PloverType, type Sentence } from '../../model.js';
import { cameoInfo, modeOf, ploverOf } from './cameo.js';
import { clauseDate, clauseLocation, isHypothetical, isNegated, predicateAfter, scopeOf } from './attributes.js';
import { byFirst, mayResolve, newDiscourse, otherParty, pronoun, resolveAnaphora, updateNarrative, venueFor, type Discourse } from './discourse.js';
import { findFrames, type Frame } from './frames.js';
import { CONTACT_NOUNS, LETTER_WORDS, LIGHT_VERBS, PHONE_WORDS, VENUE_NOUNS } from './lexicon.js';
import {
  clauseSubject, hasObjectNoun, inIntention, intentCue, isPredicate, nounDyads, promised, verbDyads, type Dyad,
} from './participants.js';
import { lowerBound } from '../../lang/offsets.js';
import { chunk, splitClauses, viewSentence, type Mention, type Place, type SentenceView, type ViewOptions } from './sentence.js';
import { overrides, speechActs, type Emit, type EventOverrides } from './speech.js';
import { mistaggedVerb, nounTrigger, verbTrigger, type Trigger } from './triggers.js';
import type { VerbDictionary } from './petrarch.js';
import type { CodedEvent, CodeOptions } from './types.js';

export type { CodedEvent, CodeOptions } from './types.js';

const UNKNOWN = '---';
/** Sentences longer than this are not coded (the longest sentences of the news corpora have about 150). */
export const MAX_SENTENCE_TOKENS = 250;
/** The confidence of a rule-coded event: the rule coder's precision on held-out real news (about
 *  .8 for the event type on sentences with one event, lower with actors), not a per-event estimate. */
const RULE_CONFIDENCE = 0.7;

const PRONOUN_SPEAKER = new Set(['we', 'us', 'our', 'i', 'me', 'my']);
const CONTACT_ROOT = '04';

function innermostFrame(frames: Frame[], k: number): Frame | null {
  let best: Frame | null = null;
  for (const f of frames) {
    if (k >= f.from && k < f.to && (!best || f.to - f.from < best.to - best.from)) best = f;
  }
  return best;
}

function near(view: SentenceView, at: number, radius: number, words: Set<string>): boolean {
  for (let k = Math.max(0, at - radius); k <= at + radius && k < view.toks.length; k++) {
    if (words.has(view.toks[k]!.lower) || words.has(view.toks[k]!.lemma)) return true;
  }
  return false;
}

/** "expressed support for continuing the dialogue": a prepositional complement that names no
 *  actor is the topic, so the act is not addressed to the other party of the conversation. */
const TOPIC_PREPS = new Set(['for', 'to', 'on', 'about', 'over', 'against', 'of']);
function topicAfter(view: SentenceView, w: number): boolean {
  const p = view.toks[w + 1];
  // "vowed to maintain ...": a verb's infinitive is its content (a noun's "demand to return" is
  // still addressed to the other party).
  if (p?.lower === 'to' && p.pos === 'PART' && view.toks[w]!.pos === 'VERB') return true;
  // "Trump warned that missiles will be coming": a that-clause is the content, not an addressee.
  if (p?.lower === 'that' && view.toks[w]!.pos === 'VERB') return true;
  return p !== undefined && (p.pos === 'ADP' || p.pos === 'SCONJ') && TOPIC_PREPS.has(p.lower);
}

/** "told Lavrov during a telephone conversation", "held talks": the clause's participants had the
 *  contact; "sponsoring the Sochi talks", "talks brokered by Russia" say nothing of who talked. */
const CONTACT_SETTING = new Set(['during', 'in', 'at', 'after', 'by', 'over', 'on']);
function contactSetting(view: SentenceView, n: number): boolean {
  for (let k = n - 1; k >= 0 && k >= n - 4; k--) {
    const t = view.toks[k]!;
    if ((t.pos === 'ADP' || t.pos === 'SCONJ') && CONTACT_SETTING.has(t.lower)) return true;
    if (LIGHT_VERBS.has(t.lemma)) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',') return false;
  }
  return false;
}

/** A group introduced by "with"/"to" or right after a verb: someone addressed, not a topic. */
function addressed(view: SentenceView, first: number): boolean {
  const p = view.toks[first - 1]?.pos === 'DET' ? view.toks[first - 2] : view.toks[first - 1];
  return p !== undefined && (p.lower === 'with' || p.lower === 'to' || p.pos === 'VERB');
}

function eventId(parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
}

/** A sentence's view with anaphora resolved, and its reported-speech frames. */
interface PreparedSentence {
  view: SentenceView;
  frames: Frame[];
}

/** The view of sentence s (article tokens [from, to)) with anaphora resolved and reported-speech
 *  frames found; notes the meeting venues it names. */
function prepareSentence(article: Article, s: number, from: number, to: number, d: Discourse, opts: ViewOptions, verbs: VerbDictionary | undefined): PreparedSentence {
  const view = viewSentence(article, s, from, to, opts);
  // (A mistagged verb follows an actor: without mentions there is none.)
  if (view.mentions.length && retagVerbs(view, verbs)) splitClauses(view);
  resolveAnaphora(view, d);
  chunk(view);
  let frames = findFrames(view);
  if (frames.length) frames = splitAtFrames(view, frames);
  if (view.places.length) noteVenues(view, s, d);
  return { view, frames };
}

/** Re-tag nouns the tagger got wrong as verbs; true if any was. */
function retagVerbs(view: SentenceView, verbs: VerbDictionary | undefined): boolean {
  let retagged = false;
  for (let k = 1; k < view.toks.length; k++) if (mistaggedVerb(view, k, verbs)) retagged = true;
  return retagged;
}

/** Complements are clauses of their own: their subject is not the speaker. Returns the frames of
 *  the re-split sentence. */
function splitAtFrames(view: SentenceView, frames: Frame[]): Frame[] {
  const extra = new Set<number>();
  for (const f of frames) {
    if (f.from > 0) extra.add(f.from);
    if (f.to < view.toks.length) extra.add(f.to);
  }
  splitClauses(view, extra);
  chunk(view);
  const split = findFrames(view);
  // "we"/"I" inside a complement is the speaker.
  const added: Mention[] = [];
  for (let k = 0; k < view.toks.length; k++) {
    const t = view.toks[k]!;
    if (t.pos !== 'PRON' || !PRONOUN_SPEAKER.has(t.lower)) continue;
    const f = innermostFrame(split, k);
    if (f?.speaker) added.push(pronoun(f.speaker, k));
  }
  if (added.length) {
    view.mentions.push(...added);
    view.mentions.sort(byFirst);
    chunk(view);
  }
  return split;
}

/** "the summit in the Chinese city of Hangzhou": later meetings in the article took place there. */
function noteVenues(view: SentenceView, s: number, d: Discourse): void {
  for (let k = 0; k < view.toks.length; k++) {
    if (!VENUE_NOUNS.has(view.toks[k]!.lemma)) continue;
    let place: Place | null = null;
    for (const p of view.places) {
      if (p.venue && p.first > k && p.first <= k + 8 && view.clauseOf[p.first] === view.clauseOf[k]) place = p;
    }
    if (place) d.venues.push({ sentence: s, name: place.entity.text });
  }
}

/** The verb and light-verb triggers of a sentence, in text order. */
function verbTriggers(view: SentenceView, verbs: VerbDictionary | undefined): Trigger[] {
  const triggers: Trigger[] = [];
  for (let k = 0; k < view.toks.length; k++) {
    if (view.toks[k]!.pos !== 'VERB') continue;
    if (!isPredicate(view, k)) continue;
    const t = verbTrigger(view, k, verbs);
    if (t) triggers.push(t);
  }
  return triggers;
}

/** A contact noun with no explicit parties ("told Lavrov during a telephone conversation", "held
 *  talks"): the participants of its clause, when no verb of the clause coded an event. */
function contactDyads(view: SentenceView, k: number, verbClauses: Set<number>): Dyad[] | null {
  const clause = view.clauseOf[k]!;
  if (!CONTACT_NOUNS.has(view.toks[k]!.lemma) || verbClauses.has(clause) || !contactSetting(view, k)) return null;
  const subj = clauseSubject(view, k);
  const head = subj?.phrases[0]!.head ?? null;
  // "Baghdad and Washington are in talks to ...": the coordination talked. Otherwise the
  // other party is addressed ("told Lavrov during a conversation", "in talks with Kabul").
  const other = head
    ? view.groups.find((g) => view.clauseOf[g.first] === clause && g !== subj && g.phrases[0]!.head.code !== head.code && addressed(view, g.first))
    : undefined;
  if (subj && subj.phrases.length >= 2 && subj.phrases[0]!.head.code !== subj.phrases[1]!.head.code) return [[subj.phrases[0]!.head, subj.phrases[1]!.head, true]];
  if (head && other) return [[head, other.phrases[0]!.head]];
  return null;
}

/** The people an event involves: those among its source and target. */
function peopleOf(src: Mention | null, tgt: Mention | null): string[] {
  return [...new Set([...(src?.people ?? []), ...(tgt?.people ?? [])])];
}

/** How a contact took place: the code's own mode, else phone or letter words nearby, else the
 *  mode of the conversation a pronoun refers to, else a meeting. */
function consultMode(view: SentenceView, code: string, word: number, src: Mention | null, tgt: Mention | null, d: Discourse): EventMode {
  let mode = modeOf(code);
  if (!mode && near(view, word, 3, PHONE_WORDS)) mode = 'phone';
  if (!mode && near(view, word, 2, LETTER_WORDS)) mode = 'letter';
  if (!mode && (src?.kind === 'PRONOUN' || tgt?.kind === 'PRONOUN') && d.pair) mode = d.pairMode;
  return mode ?? 'meet';
}

/**
 * Whether a sentence (article tokens [from, to)) may have a mention (an entity with a code, a
 * place, a pronoun the discourse resolves) or a date. Without any, it has no actor phrase, so no
 * event with a dyad, and it changes no discourse state (no person, subject, pair, venue or date):
 * skipping it is exact, and most sentences of news are such.
 */
export function sentenceMayMatter(article: Article, sent: Sentence, from: number, to: number, d: Discourse): boolean {
  const { entities, dates, tokens } = article;
  for (let e = lowerBound(entities, sent.start); e < entities.length && entities[e]!.start < sent.end; e++) {
    if (entities[e]!.code || entities[e]!.kind === 'PLACE') return true;
  }
  const first = lowerBound(dates, sent.start);
  if (first < dates.length && dates[first]!.start < sent.end) return true;
  return mayResolve(d, tokens, from, to);
}

/** The coding of one article: the discourse state, the events so far, the sentence being coded. */
class ArticleCoder {
  readonly events: CodedEvent[] = [];
  private readonly d: Discourse = newDiscourse();
  /** Events coded so far, per sentence: "sentence|source|target|type|negated". */
  private readonly seen = new Set<string>();
  /** A sentence repeated word for word (reposts, pasted twice, a flood of copies) reports nothing new. */
  private readonly sentencesSeen = new Set<string>();
  private readonly viewOptions: ViewOptions;
  private readonly requireDyad: boolean;
  /** emit, for the speech acts. */
  private readonly emitter: Emit;
  /** The sentence being coded. */
  private view: SentenceView | null = null;
  private frames: Frame[] = [];
  private evidence: Evidence | null = null;

  constructor(
    private readonly article: Article,
    private readonly options: CodeOptions,
  ) {
    this.viewOptions = {
      countryAsGovernment: options.countryAsGovernment ?? true,
      placesAsActors: options.verbs !== undefined,
      agentSector: (noun: string) => agentSector(noun, options.actors),
    };
    this.requireDyad = options.requireDyad ?? true;
    this.emitter = (code, src, tgt, word, verb, nominal, how, doubted) => this.emit(code, src, tgt, word, verb, nominal, how, doubted);
  }

  codeSentence(s: number): void {
    const { article } = this;
    const sent = article.sentences[s]!;
    const text = article.text.slice(sent.start, sent.end);
    if (this.sentencesSeen.has(text)) return;
    this.sentencesSeen.add(text);
    // Tokens are sorted by start: the sentence's are those from its start up to its end.
    const from = lowerBound(article.tokens, sent.start);
    const to = Math.max(from, lowerBound(article.tokens, sent.end));
    // A "sentence" of hundreds of words is a table, a list or a text without full stops, not a
    // sentence anyone wrote: its work would grow with the square of its actors.
    if (to === from || to - from > MAX_SENTENCE_TOKENS) return;
    if (this.requireDyad && !sentenceMayMatter(article, sent, from, to, this.d)) return;
    const { view, frames } = prepareSentence(article, s, from, to, this.d, this.viewOptions, this.options.verbs);
    // Every participant is an actor phrase: with none, no event has a dyad.
    if (!this.requireDyad || view.groups.length) this.codeEvents(view, frames);
    updateNarrative(view, this.d, article.published);
  }

  private codeEvents(view: SentenceView, frames: Frame[]): void {
    const sent = view.sentence;
    this.view = view;
    this.frames = frames;
    this.evidence = { start: sent.start, end: sent.end, text: this.article.text.slice(sent.start, sent.end) };
    const verbs = this.options.verbs;
    // Verb and light-verb triggers first: a noun they consume is not coded again.
    const triggers = verbTriggers(view, verbs);
    for (const t of triggers) this.codeVerbTrigger(view, t);
    if (verbs) return;
    this.codeNounTriggers(view, triggers);
    speechActs(view, frames, this.d, this.events, this.emitter);
    this.codeStatement(view, frames);
  }

  private codeVerbTrigger(view: SentenceView, t: Trigger): void {
    const { options, d } = this;
    for (const [src, tgt0, joint] of verbDyads(view, t, options.verbs !== undefined)) {
      // A verbal act with no object, in a conversation, is addressed to the other party.
      const root = t.code.slice(0, 2);
      const verbal = root <= '13' && root !== CONTACT_ROOT && !t.mined && !hasObjectNoun(view, t.word) && !topicAfter(view, t.word);
      const tgt = tgt0 ?? (verbal ? otherParty(d, src) : null);
      const how = overrides(t.mined ? 'mined' : t.kind, t.negationInCode ? false : null);
      this.emit(t.code, src, tgt, t.word, t.verb, t.kind === 'light', how);
      // A dictionary says which acts are reciprocal ("MEET [031:031]", "HOST [043:042]"); the
      // built-in lexicon treats every contact as one.
      const reverse = joint ? t.code : options.verbs ? t.reverse : root === CONTACT_ROOT ? t.code : null;
      if (options.bothDirections && reverse) this.emit(reverse, tgt, src, t.word, t.verb, t.kind === 'light', how);
    }
    const subj = clauseSubject(view, t.verb);
    if (subj && subj.phrases.length >= 2) d.pair = [subj.phrases[0]!.head, subj.phrases[1]!.head];
  }

  private codeNounTriggers(view: SentenceView, triggers: Trigger[]): void {
    const consumed = new Set<number>();
    const verbClauses = new Set<number>();
    for (const t of triggers) {
      if (t.kind === 'light') consumed.add(t.word);
      verbClauses.add(view.clauseOf[t.verb]!);
    }
    for (let k = 0; k < view.toks.length; k++) {
      if (consumed.has(k)) continue;
      const t = nounTrigger(view, k);
      if (!t) continue;
      const dyads = nounDyads(view, k) ?? contactDyads(view, k, verbClauses);
      if (!dyads) continue;
      const verbal = t.code.slice(0, 2) <= '13' && t.code.slice(0, 2) !== CONTACT_ROOT && !topicAfter(view, k);
      const after = predicateAfter(view, k + 1, view.clauses[view.clauseOf[k]!]!.end);
      const how = overrides('noun', after.negated ? true : null);
      for (const [src, tgt0, joint] of dyads) {
        const tgt = tgt0 ?? (verbal ? otherParty(this.d, src) : null);
        this.emit(t.code, src, tgt, k, k, true, how, after.hypothetical);
        if (this.options.bothDirections && joint) this.emit(t.code, tgt, src, k, k, true, how, after.hypothetical);
      }
    }
  }

  /** Nothing else said here: the statement itself is the event (CAMEO 010, which PLOVER does
   *  not code, so codeEvents leaves it out; CAMEO-level users see it). */
  private codeStatement(view: SentenceView, frames: Frame[]): void {
    const events = this.events;
    const coded = events.length > 0 && events[events.length - 1]!.evidence.start === view.sentence.start;
    if (coded) return;
    const f = frames.find((x) => x.speaker && view.toks[x.cue]!.pos === 'VERB');
    if (!f) return;
    const about = view.groups.find((g) => g.first >= f.from && g.last < f.to && g.phrases[0]!.head.code !== f.speaker!.code);
    this.emit('010', f.speaker, about?.phrases[0]!.head ?? null, f.cue, f.cue, false, overrides('statement', null, null));
  }

  emit(code: string, src: Mention | null, tgt: Mention | null, word: number, verb: number, nominal: boolean, how: EventOverrides, doubted = false): void {
    if (src && tgt && src.code === tgt.code) return;
    if (this.requireDyad && (!src || !tgt)) return;
    const { view, frames, d, article } = this;
    const source = src?.code ?? UNKNOWN;
    const target = tgt?.code ?? UNKNOWN;
    const frame = innermostFrame(frames, word);
    const negated = (how.negated ?? isNegated(view!, word, verb)) || (frame !== null && frame.cue !== word && frame.denial);
    // "willing to provide loans": the offer happened; it is an intent to cooperate (CAMEO 03x).
    // "the rebels said they will release three hostages": a promise reported as said is an intent
    // (CAMEO 03x), as the codebook codes it; dictionaries given by the caller code as they say.
    // The speaker must be the one who acts: a promise, not a forecast about someone else.
    const promise = !this.options.verbs && frame?.speaker && frame.cue !== word && src !== null && frame.speaker.code === src.code;
    const intent = intentCue(view!, verb, code) ?? (promise ? promised(view!, verb, code) : null);
    if (intent) code = intent;
    const type = ploverOf(code);
    const hypothetical = !intent && (doubted || isHypothetical(view!, word, verb) || inIntention(view!, verb));
    const key = `${view!.index}|${source}|${target}|${type ?? code}|${negated}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const scope = scopeOf(view!, word, nominal);
    const dm = clauseDate(view!, word, scope);
    const date = dm ? dm.value : hypothetical ? null : d.narrative ?? article.published;
    const mode: EventMode = type === 'CONSULT' ? consultMode(view!, code, word, src, tgt, d) : null;
    const root = code.slice(0, 2);
    const material = root === CONTACT_ROOT || (root >= '06' && root <= '08') || root >= '14';
    const location = material && mode !== 'phone' ? clauseLocation(view!, word, scope) ?? (type === 'CONSULT' && mode === 'meet' ? venueFor(d, view!.index) : null) : null;
    const actors = how.actors ?? peopleOf(src, tgt);
    const claimedBy = how.claimedBy !== undefined ? how.claimedBy : frame && frame.cue !== word ? frame.speaker?.name ?? null : null;
    const sent = view!.sentence;
    this.events.push({
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
      evidence: this.evidence!,
      source_span: this.span(src),
      target_span: this.span(tgt),
      confidence: RULE_CONFIDENCE,
      modality: negated ? 'denied' : hypothetical ? 'hypothetical' : modalityOfType(type),
      trigger: view!.toks[word]!.text,
      origin: how.origin,
    });
    // The conversation the article reports: later "they"/"both sides" are its parties. A meeting
    // reported on another day ("they exchanged views on the meeting ... on October 7") is not it.
    if (type === 'CONSULT' && src && tgt && !negated && !hypothetical && (!d.pair || !d.pairDate || date === d.pairDate)) {
      d.pair = [src, tgt];
      d.pairMode = mode;
      d.pairDate = date;
    }
  }

  /** The words of a mention in the article text (a pronoun resolved to an actor is its own word);
   *  null for a party of the conversation named in an earlier sentence. */
  private span(m: Mention | null): Evidence | null {
    // A party of the conversation carried over from an earlier sentence is not in this one.
    if (!m || !this.view!.mentions.includes(m)) return null;
    const toks = this.view!.toks;
    const start = toks[m.first]!.start;
    const end = toks[m.last]!.end;
    return { start, end, text: this.article.text.slice(start, end) };
  }

  /** Meetings before the first venue is named took place there too. */
  finish(): CodedEvent[] {
    const firstVenue = this.d.venues[0]?.name ?? null;
    if (firstVenue) {
      for (const e of this.events) if (e.type === 'CONSULT' && e.mode === 'meet' && e.location === null && !e.negated) e.location = firstVenue;
    }
    return this.events;
  }
}

/** Code every event mention in an article (including CAMEO codes PLOVER does not cover). */
export function codeArticle(article: Article, options: CodeOptions = {}): CodedEvent[] {
  const coder = new ArticleCoder(article, options);
  for (let s = 0; s < article.sentences.length; s++) coder.codeSentence(s);
  return coder.finish();
}
