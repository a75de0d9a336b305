// A sentence seen by the coder: its tokens, the actor mentions in it, chunked into noun phrases
// ("actor phrases") and coordinations, and split into clauses. This is the shallow parse: no tree,
// just POS runs and a few function words, which is fast and good enough for news prose.
import type { Article, DateMention, Entity, Sentence } from '../../model.js';
import { agentSectorBefore } from './agents.js';
import { LOCATIVE_PREPS } from './lexicon.js';
import { lowerBound } from '../../lang/offsets.js';

export interface Tok {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

/** An actor in the text: an entity, or a pronoun resolved to one (or to a pair of parties). */
export interface Mention {
  first: number;
  last: number;
  code: string;
  /** Canonical name (entity.name). */
  name: string;
  kind: Entity['kind'] | 'PRONOUN';
  /** Canonical names of the people this mention stands for. */
  people: string[];
  /** A PLACE after in/at/near...: a location, never a participant. */
  locative: boolean;
  /** For "they"/"the two": the two parties it stands for, else null. */
  pair: [Mention, Mention] | null;
}

/** Every mention is made here, so all have one shape (the coder's hot loops stay monomorphic). */
export function newMention(
  first: number, last: number, code: string, name: string, kind: Mention['kind'], people: string[], locative: boolean, pair: [Mention, Mention] | null,
): Mention {
  return { first, last, code, name, kind, people, locative, pair };
}

/** A maximal noun-phrase-like run of tokens containing at least one mention. */
export interface Phrase {
  first: number;
  last: number;
  mentions: Mention[];
  /** The participant the phrase names: last person, else last organisation, else first mention. */
  head: Mention;
}

/** Actor phrases joined by "and" (or commas): a coordination. */
export interface Group {
  first: number;
  last: number;
  phrases: Phrase[];
}

export interface Clause {
  start: number;
  end: number;
  /** Starts with which/who/that...: a relative clause (its dates do not set the narrative date). */
  relative: boolean;
  /** A predicate coordinated with the previous clause ("..., and underscored"): shares its subject. */
  sharesSubject: boolean;
}

export interface DateSpan {
  first: number;
  last: number;
  date: DateMention;
}

export interface SentenceView {
  index: number;
  sentence: Sentence;
  toks: Tok[];
  mentions: Mention[];
  phrases: Phrase[];
  groups: Group[];
  clauses: Clause[];
  clauseOf: number[];
  dates: DateSpan[];
  /** PLACE entities with their token range (for locations). */
  places: Place[];
}

export interface Place {
  first: number;
  last: number;
  entity: Entity;
  /** After in/at/to...: a location, not a participant. */
  locative: boolean;
  /** After in/at and not modifying a noun: where something took place. */
  venue: boolean;
}

const PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const PHRASE_ADP = new Set(['of', 'for']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'where']);
const TEMPORAL_SCONJ = new Set(['after', 'before', 'until', 'once', 'as']);
const CLAUSE_SCONJ = new Set(['that', 'if', 'because', 'while', 'although', 'though', 'whereas', 'unless', 'since', 'but', 'whether']);

const COUNTRY_CODE = /^[A-Z]{3}$/;
const GOVERNMENT_CODE = /^[A-Z]{3}GOV$/;
const SECTOR_CODE = /^[A-Z]{6}$/;
const ABSTRACT_SECTOR_CODE = /^[A-Z]{3}(MIL|GOV|SPY|POL)$/;
const ANTI_PRO_PREFIX = /^(anti|pro)-/i;
const MODIFIER_POS_AFTER_HYPHEN = /^(VERB|ADJ)$/;

/** An entity whose text is a plural agent phrase: "ambassadors of Arnor", "lawmakers in Bree". */
const AGENT_ENTITY = /^(the\s+)?[a-z]+s\s+(of|in|from)\s/i;

/** Only "and" / "," / determiners between two mentions. */
function conjoined(toks: Tok[], from: number, to: number): boolean {
  if (to <= from || to - from > 3) return false;
  for (let k = from; k < to; k++) if (!(toks[k]!.lower === 'and' || toks[k]!.text === ',' || toks[k]!.pos === 'DET')) return false;
  return true;
}

/** A capitalised ethnic or political adjective ("Kurdish", "Democratic"), not "Islamic". */
const GROUP_ADJECTIVE = /^[A-Z][a-z]+(ish|ian|ic|ese|i)$/;
function groupAdjective(t: Tok): boolean {
  return GROUP_ADJECTIVE.test(t.text) && t.lower !== 'islamic' && t.lower !== 'arabic';
}

const ANTI_PRO = new Set(['anti', 'pro', 'anti-', 'pro-']);

/** The token before `first` (or before a hyphen there) is one of `words` ("anti-Assad"). */
function prefixedBy(toks: Tok[], first: number, words: Set<string>): boolean {
  const p = toks[first - 1];
  if (!p) return false;
  if (words.has(p.lower)) return true;
  if (p.text === '-' && toks[first - 2] && words.has(toks[first - 2]!.lower)) return true;
  return false;
}

/** Upgrade a bare country code to its government when the mention names a state as an actor. */
export function governmentOf(code: string, countryAsGovernment: boolean): string {
  return countryAsGovernment && COUNTRY_CODE.test(code) ? code + 'GOV' : code;
}

export interface ViewOptions {
  countryAsGovernment: boolean;
  /** Sector of a plural agent noun ("soldiers" -> MIL), for "soldiers from Gondor". */
  agentSector?: (noun: string) => string | null;
  /** Places after "in"/"to" are participants too (PETRARCH closed-world coding: "left for Gondor"). */
  placesAsActors?: boolean;
}

/** Build the view of one sentence (entities/dates are the article's, sorted by start). */
export function viewSentence(article: Article, index: number, tokFrom: number, tokTo: number, opts: ViewOptions): SentenceView {
  const sentence = article.sentences[index]!;
  const toks = sentenceTokens(article.tokens, tokFrom, tokTo);
  const view: SentenceView = { index, sentence, toks, mentions: [], phrases: [], groups: [], clauses: [], clauseOf: [], dates: [], places: [] };
  addEntities(view, article.entities, opts);
  addDates(view, article.dates);
  splitClauses(view);
  return view;
}

function sentenceTokens(tokens: Article['tokens'], from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    toks.push({ text: t.text, lower: t.text.toLowerCase(), lemma: t.lemma.toLowerCase(), pos: t.pos, start: t.start, end: t.end });
  }
  return toks;
}

/** An agent phrase whose sector the next conjuncts share ("lawmakers in Fornost and Gondor"). */
interface AgentRun {
  last: number;
  sector: string;
}

/** The sentence's entities as mentions (actors) and places. */
function addEntities(view: SentenceView, ents: Entity[], opts: ViewOptions): void {
  const { toks, sentence, mentions, places } = view;
  let lastAgent: AgentRun | null = null;
  for (let e = lowerBound(ents, sentence.start); e < ents.length && ents[e]!.start < sentence.end; e++) {
    const ent = ents[e]!;
    let first = lowerBound(toks, ent.start);
    // An entity starting inside a token ("anti-Assad" kept whole by the tokeniser) belongs to it.
    if (first > 0 && toks[first - 1]!.end > ent.start) {
      first--;
      if (!opts.placesAsActors && ANTI_PRO_PREFIX.test(toks[first]!.text)) continue;
    }
    let last = first;
    while (last + 1 < toks.length && toks[last + 1]!.start < ent.end) last++;
    if (first >= toks.length) continue;
    // "in Paris" is where something happened; "in a Syria ceasefire agreement", "attention to
    // Russia's demand" name an actor, and "related to Ukraine" is no venue.
    const after = last + 1 < toks.length ? toks[last + 1]! : null;
    const possessive = after !== null && after.pos === 'PART';
    const place = ent.kind === 'PLACE' ? placeOf(toks, ent, first, last, possessive, after, opts) : null;
    if (place) places.push(place);
    let rawCode = ent.code ?? (ent.kind === 'PLACE' ? ent.country : null);
    if (!rawCode) continue;
    // "soldiers from Gondor", "lawmakers in Fornost": the country's agents, not a place.
    // (A place the entity stage already upgraded to its government counts as the bare country.)
    const bare = COUNTRY_CODE.test(rawCode) || (ent.kind === 'PLACE' && GOVERNMENT_CODE.test(rawCode));
    const agent = opts.agentSector && bare ? agentSectorBefore(toks, first, opts.agentSector) : null;
    // ... and so are the next conjuncts: "lawmakers in Fornost and Gondor".
    const sector: string | null = agent ?? (lastAgent && bare && conjoined(toks, lastAgent.last + 1, first) ? lastAgent.sector : null);
    if (sector) {
      rawCode = rawCode.slice(0, 3) + sector;
      lastAgent = { last, sector };
    } else lastAgent = opts.agentSector ? resolvedAgent(ent, rawCode, last) : null;
    if (notAParticipant(toks, ents, e, first, last, after, opts)) continue;
    // A country, a place or a country modifier ("US military preparations") stands for the
    // country's government; PETRARCH-style closed dictionaries keep their codes as they are.
    // "Russian military build-up": an actor modifying a noun is an abstract reference to the state.
    const abstractRef = after?.pos === 'NOUN' && ABSTRACT_SECTOR_CODE.test(rawCode);
    const stateLike = ent.kind === 'PLACE' || COUNTRY_CODE.test(rawCode) || abstractRef;
    const code = opts.countryAsGovernment && stateLike && !sector ? governmentOf(rawCode.slice(0, 3), true) : rawCode;
    mentions.push(newMention(first, last, code, ent.name, ent.kind, ent.kind === 'PERSON' ? [ent.name] : [], place !== null && place.locative, null));
  }
}

/** A PLACE entity: a location (locative: not a participant), and where something took place (venue)? */
function placeOf(toks: Tok[], ent: Entity, first: number, last: number, possessive: boolean, after: Tok | null, opts: ViewOptions): Place {
  const locative = !possessive && !opts.placesAsActors && introducedByLocative(toks, first) && !(opts.agentSector && agentSectorBefore(toks, first, opts.agentSector));
  const venue = !possessive && after?.pos !== 'NOUN' && introducedByLocative(toks, first, VENUE_PREPS);
  return { first, last, entity: ent, locative, venue };
}

/** The entity stage resolved the agent phrase itself ("ambassadors of Arnor" -> ARNGOV): the
 *  next conjuncts share its sector ("ambassadors of Arnor, Osgiliath and Gondor"). */
function resolvedAgent(ent: Entity, rawCode: string, last: number): AgentRun | null {
  return AGENT_ENTITY.test(ent.text) && SECTOR_CODE.test(rawCode) ? { last, sector: rawCode.slice(3) } : null;
}

/** An actor named as a modifier or an opponent rather than as a participant. */
function notAParticipant(toks: Tok[], ents: Entity[], e: number, first: number, last: number, after: Tok | null, opts: ViewOptions): boolean {
  // "anti-Isis rebels", "pro-Assad militias": the opposite of a participant.
  // (PETRARCH's closed-world suites code "an anti-Gondor parade" as Gondor: kept there.)
  if (!opts.placesAsActors && prefixedBy(toks, first, ANTI_PRO)) return true;
  // "Syrian Kurdish forces", "Syrian Democratic Forces": a second group adjective makes the
  // phrase a group inside the country, not its state.
  if (!opts.placesAsActors && ents[e]!.kind === 'PLACE' && after && groupAdjective(after) && !(e + 1 < ents.length && ents[e + 1]!.start === after.start)) return true;
  // "a UN-led investigation", "US-backed rebels": a modifier, not a participant.
  return (after?.text === '-' || after?.text === '–') && last + 2 < toks.length && MODIFIER_POS_AFTER_HYPHEN.test(toks[last + 2]!.pos);
}

/** The sentence's dates with their token ranges. */
function addDates(view: SentenceView, ds: DateMention[]): void {
  const { toks, sentence, dates } = view;
  for (let d = lowerBound(ds, sentence.start); d < ds.length && ds[d]!.start < sentence.end; d++) {
    const dm = ds[d]!;
    // A date may start inside a token (a URL ".../2015/10/28/..."): it belongs to that token.
    let first = lowerBound(toks, dm.start);
    if (first === toks.length || toks[first]!.start > dm.start) first--;
    if (first < 0) continue;
    let last = first;
    while (last + 1 < toks.length && toks[last + 1]!.start < dm.end) last++;
    dates.push({ first, last, date: dm });
  }
}

/** (Re)build phrases and groups; called again after pronouns are added as mentions. */
export function chunk(view: SentenceView): void {
  view.phrases = view.mentions.length ? actorPhrases(view) : [];
  view.groups = view.phrases.length ? coordinations(view.toks, view.phrases) : [];
}

function phraseable(t: Tok, inMention: boolean): boolean {
  if (inMention) return true;
  if (t.pos === 'PART') return t.lower === "'s" || t.lower === "'" || t.lower === '’s';
  if (PHRASE_POS.has(t.pos)) return true;
  if (t.pos === 'PRON') return POSSESSIVE.has(t.lower);
  if (t.pos === 'ADP') return PHRASE_ADP.has(t.lower);
  if (t.pos === 'PUNCT') return t.text === '-';
  return false;
}

/** Maximal phraseable runs within a clause, kept when they contain a non-locative mention. */
function actorPhrases(view: SentenceView): Phrase[] {
  const { toks, clauseOf, mentions } = view;
  const inMention = new Uint8Array(toks.length);
  for (const m of mentions) for (let i = m.first; i <= m.last; i++) inMention[i] = 1;
  const phrases: Phrase[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!phraseable(toks[i]!, inMention[i] === 1)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && phraseable(toks[j + 1]!, inMention[j + 1] === 1) && clauseOf[j + 1] === clauseOf[i]) j++;
    const ms: Mention[] = [];
    for (const m of mentions) if (m.first >= i && m.first <= j && (ms.length === 0 || ms[ms.length - 1] !== m)) ms.push(m);
    const usable = ms.filter(notLocative);
    if (usable.length) phrases.push({ first: i, last: j, mentions: usable, head: headOf(possessorsFirst(toks, usable, i, j)) });
    i = j + 1;
  }
  return phrases;
}

function notLocative(m: Mention): boolean {
  return !m.locative;
}

/** Coordinations: phrases separated only by "and" / "," / "as well as". */
function coordinations(toks: Tok[], phrases: Phrase[]): Group[] {
  const groups: Group[] = [];
  for (const p of phrases) {
    const g = groups.length ? groups[groups.length - 1]! : null;
    const prev = g ? g.phrases[g.phrases.length - 1]! : null;
    // "A, B and C": a bare name after a comma continues a list that "and" closes.
    const following = p.last + 1 < toks.length ? toks[p.last + 1]!.lower : undefined;
    const bare = prev !== null && bareName(p) && (bareName(prev) || following === 'and' || following === ',');
    // "Mordor, the Shire, Arnor and Bree": a fuller phrase after a comma joins a list too, but
    // only if "and"/"or" closes it (checked below: "Lavrov, Russia's minister, said" is no list).
    const listed = prev !== null && (following === 'and' || following === ',' || following === 'or');
    if (g && joinable(toks, g.last + 1, p.first, bare || listed)) {
      g.phrases.push(p);
      g.last = p.last;
    } else {
      groups.push({ first: p.first, last: p.last, phrases: [p] });
    }
  }
  const kept: Group[] = [];
  for (const g of groups) {
    if (closedList(toks, g)) kept.push(g);
    else for (const p of g.phrases) kept.push({ first: p.first, last: p.last, phrases: [p] });
  }
  return kept;
}

/** A coordination is kept when a conjunction joins it, or when all its members are bare names
 *  (headline lists: "Russia, US reach no agreement"). */
function closedList(toks: Tok[], g: Group): boolean {
  if (g.phrases.length < 2 || g.phrases.every(bareName)) return true;
  for (let i = 1; i < g.phrases.length; i++) {
    for (let k = g.phrases[i - 1]!.last + 1; k < g.phrases[i]!.first; k++) {
      const l = toks[k]!.lower;
      if (l === 'and' || l === 'or' || l === 'nor' || l === '&') return true;
    }
  }
  return false;
}

function joinable(toks: Tok[], from: number, to: number, bare: boolean): boolean {
  // Headline lists: "Russia, US reach no agreement" (bare names separated by a comma).
  if (bare && to - from === 1 && toks[from]!.text === ',') return true;
  if (to - from < 1 || to - from > 3) return false;
  let sawAnd = false;
  for (let k = from; k < to; k++) {
    const l = toks[k]!.lower;
    if (l === 'and' || l === '&' || l === 'or' || l === 'nor') sawAnd = true;
    else if (l !== ',' && l !== 'as' && l !== 'well' && l !== 'both' && l !== 'either' && l !== 'neither') return false;
  }
  return sawAnd;
}

function bareName(p: Phrase): boolean {
  return p.mentions.length === 1 && p.mentions[0]!.first === p.first && p.mentions[0]!.last === p.last;
}

/** "Australia's request for the extradition of IS suspect X": the possessor before "of"/"for"
 *  names the phrase's participant, not the names in its complement. */
function possessorsFirst(toks: Tok[], ms: Mention[], first: number, last: number): Mention[] {
  let adp = -1;
  for (let k = first; k <= last; k++) if (toks[k]!.pos === 'ADP') { adp = k; break; }
  if (adp < 0) return ms;
  const before = ms.filter((m) => m.last < adp && toks[m.last + 1]?.pos === 'PART');
  return before.length ? ms.filter((m) => m.last < adp) : ms;
}

function headOf(ms: Mention[]): Mention {
  let head = ms[0]!;
  let found = false;
  for (let k = ms.length - 1; k >= 0 && !found; k--) if (ms[k]!.kind === 'PERSON' || ms[k]!.kind === 'PRONOUN') [head, found] = [ms[k]!, true];
  for (let k = ms.length - 1; k >= 0 && !found; k--) if (ms[k]!.kind === 'ORG') [head, found] = [ms[k]!, true];
  // "Bree Prime Minister Romendacil": the phrase's most specific code of the same country wins.
  let code = head.code;
  for (const m of ms) if (m.code.length > code.length && m.code.startsWith(code.slice(0, 3))) code = m.code;
  return code === head.code ? head : newMention(head.first, head.last, code, head.name, head.kind, head.people, head.locative, head.pair);
}

const NO_BOUNDARIES: ReadonlySet<number> = new Set();
/** How a clause opens at a token (clauseOpening). */
const NO_OPENING = 0;
const OPENS_PLAIN = 1;
const OPENS_RELATIVE = 2;
/** A predicate coordinated with the previous clause: it shares its subject. */
const OPENS_SHARED = 3;

/** Split into clauses; `extra` adds boundaries (starts of reported-speech complements). */
export function splitClauses(view: SentenceView, extra: ReadonlySet<number> = NO_BOUNDARIES): void {
  const { toks } = view;
  const clauses: Clause[] = [];
  let cur: Clause = { start: 0, end: toks.length, relative: false, sharesSubject: false };
  let sawFinite = toks.length > 0 && (toks[0]!.pos === 'VERB' || toks[0]!.pos === 'AUX');
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!;
    const opens = extra.has(i) ? OPENS_PLAIN : clauseOpening(toks, i, t, prev, cur.start, sawFinite);
    if (opens !== NO_OPENING) cur = openClause(clauses, cur, i, toks.length, opens === OPENS_RELATIVE, opens === OPENS_SHARED);
    if (cur.start === i) sawFinite = false;
    if (t.pos === 'VERB' || t.pos === 'AUX') sawFinite = true;
    else if (prev.text === ',' && t.pos === 'VERB' && t.lower.endsWith('ing')) cur = openClause(clauses, cur, i, toks.length, false, true);
  }
  clauses.push(cur);
  view.clauses = clauses;
  const clauseOf: number[] = [];
  for (let k = 0; k < clauses.length; k++) for (let i = clauses[k]!.start; i < clauses[k]!.end; i++) clauseOf.push(k);
  view.clauseOf = clauseOf;
}

/** Close `cur` at `at` (kept if not empty) and return the clause opening there, running to `end`. */
function openClause(clauses: Clause[], cur: Clause, at: number, end: number, relative: boolean, sharesSubject: boolean): Clause {
  cur.end = at;
  if (cur.end > cur.start) clauses.push(cur);
  return { start: at, end, relative, sharesSubject };
}

/** Whether (and how) a new clause opens at token i. */
function clauseOpening(toks: Tok[], i: number, t: Tok, prev: Tok, curStart: number, sawFinite: boolean): number {
  if (t.text === ';' || t.text === ':') return OPENS_PLAIN;
  if (RELATIVE.has(t.lower) && (t.pos === 'PRON' || t.pos === 'ADV' || t.pos === 'DET') && prev.text === ',') return OPENS_RELATIVE;
  // "forces who have fought ...": a restrictive relative clause; its subject is the noun before.
  if ((t.lower === 'who' || t.lower === 'which') && t.pos === 'PRON' && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) return OPENS_RELATIVE;
  if (t.pos === 'SCONJ' && CLAUSE_SCONJ.has(t.lower)) return OPENS_PLAIN;
  // "..., most recently last week when Israel bombed ...": a temporal clause has its own negation.
  if (t.lower === 'when' || (t.pos === 'SCONJ' && TEMPORAL_SCONJ.has(t.lower))) return OPENS_PLAIN;
  // "did not comment, but has condemned": a predicate after "but" shares the subject.
  if (t.lower === 'and' && nextIsPredicate(toks, i + 1)) return OPENS_SHARED;
  if (t.lower === 'but') return nextIsPredicate(toks, i + 1) ? OPENS_SHARED : OPENS_PLAIN;
  // "Both the UK and France have troops in Syria and the UK's minister rejected ...": after a
  // finite verb, "and" + a noun phrase + a finite verb is a new clause with its own subject.
  if (t.lower === 'and' && sawFinite && !betweenBefore(toks, curStart, i) && newSubjectClause(toks, i + 1)) return OPENS_PLAIN;
  return NO_OPENING;
}

/** "in Syria", "in the Chinese city of Hangzhou": a locative preposition opens the phrase. */
const VENUE_PREPS = new Set(['in', 'at']);

export function introducedByLocative(toks: Tok[], first: number, preps: Set<string> = LOCATIVE_PREPS): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const t = toks[k]!;
    if (preps.has(t.lower)) return true;
    if (LOCATIVE_PREPS.has(t.lower)) return false;
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.lower === 'of')) return false;
  }
  return false;
}

/** "talks between A and B": this "and" joins the two parties. */
function betweenBefore(toks: Tok[], start: number, i: number): boolean {
  for (let k = Math.max(start, i - 10); k < i; k++) if (toks[k]!.lower === 'between' || toks[k]!.lower === 'among') return true;
  return false;
}

/** From i: a noun phrase (with an optional ", apposition,") then a finite verb. */
function newSubjectClause(toks: Tok[], i: number): boolean {
  let k = i;
  let nouns = 0;
  while (k < toks.length && k < i + 12) {
    const t = toks[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') nouns++;
    else if (t.pos === 'VERB' || t.pos === 'AUX') return nouns > 0 && !t.lower.endsWith('ing') && toks[k - 1]?.pos !== 'ADP';
    else if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'PART' || t.text === ',' || t.text === '-' || t.lower === 'of')) return false;
    k++;
  }
  return false;
}

function nextIsPredicate(toks: Tok[], i: number): boolean {
  let k = i;
  while (k < toks.length && (toks[k]!.pos === 'ADV' || toks[k]!.text === ',')) k++;
  const t = toks[k];
  return t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX') && !t.lower.endsWith('ing');
}
