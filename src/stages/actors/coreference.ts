// The second pass over an article: generic agents and references, left to right, each resolved
// against what came before it.
//  - a generic agent ("police", "the ministry", "Kurdish officials") takes its country from what it
//    refers back to ("the ministry" after "Germany said"), else from the context (context.ts);
//  - a title without a name ("the president") is the office holder of that country on the date, or
//    the person of that country named last;
//  - "he"/"she" is the last person, "it"/"its" the last state or organisation, "they"/"their" the
//    last group (or the last two parties: "May and Trump ... they"), "we"/"I" the speaker of the
//    sentence ("'We will not pay,' the minister said"); "the two sides/leaders" the last two parties;
//  - "I"/"we" inside quotation marks, once the pass is done, the quotation's speaker, also when the
//    quotation runs over several sentences and the attribution is in another one (quotations.ts).
// Antecedents are looked for in the last three sentences only.
import type { Article, Entity } from '../../model.js';
import type { ActorDictionary } from './dictionary.js';
import type { Segment } from './segments.js';
import type { Word } from './words.js';
import { contextCountry, countryOf, type ArticleContext } from './context.js';
import { entity, confidenceOf } from './entity.js';
import { groupPhrase, type GroupPhrase } from './groups.js';
import { ethnicHomes, isEthnicPlural } from './ethnic-groups.js';
import { codeAt, heldOffice, officeHolder } from './roles.js';
import { titleText } from './titles.js';
import { ROOT } from './trie.js';
import { lowerBound } from '../../lang/offsets.js';
import { quotations, type Quotation } from './quotations.js';

interface Antecedent {
  code: string | null;
  name: string;
  kind: Entity['kind'];
  /** Country part when it is a country (not IGO/NGO/IMG/---). */
  country: string | null;
  sentence: number;
  person: boolean;
  plural: boolean;
  /** A state acting or named (a country, its capital, its government): what "the government" refers to. */
  state: boolean;
  /** For a coordination "A and B": the second party. */
  second: Antecedent | null;
  /** A named entity (not a generic agent or a pronoun). */
  named?: boolean;
}

const REACH = 3;
const PERSON_PRONOUNS = new Set(['HE', 'HIM', 'HIS', 'HIMSELF', 'SHE', 'HER', 'HERS', 'HERSELF']);
const IT_PRONOUNS = new Set(['IT', 'ITS', 'ITSELF']);
const THEY_PRONOUNS = new Set(['THEY', 'THEM', 'THEIR', 'THEIRS', 'THEMSELVES']);
const SPEAKER_PRONOUNS = new Set(['WE', 'US', 'OUR', 'OURS', 'OURSELVES', 'I', 'ME', 'MY', 'MYSELF']);
const POSSESSIVE_PRONOUNS = new Set(['HIS', 'HER', 'ITS', 'THEIR', 'OUR', 'MY']);
/** "it is", "it was reported", "it has been": "it" that refers to nothing. */
const EXPLETIVE_NEXT = new Set(['IS', 'WAS', "'S", 'SEEMS', 'SEEMED', 'APPEARS', 'APPEARED', 'REMAINS', 'REMAINED', 'BECAME', 'TAKES', 'TOOK', 'MEANS', 'MEANT', 'MATTERS', 'EMERGED', 'HAPPENED']);
const MODALS = new Set(['HAS', 'HAD', 'WILL', 'WOULD', 'MAY', 'MIGHT', 'COULD', 'SHOULD', 'MUST', 'CAN']);
const SPEECH = new Set(['SAID', 'SAYS', 'SAY', 'TOLD', 'ADDED', 'STATED', 'INSISTED', 'DECLARED', 'ANNOUNCED', 'WARNED', 'CLAIMED', 'EXPLAINED', 'WROTE']);
/** Speech verbs of an attribution next to a quotation ("..., Trump told reporters", "Prakash reportedly told police"). */
const ATTRIBUTION = new Set([...SPEECH, 'TELLS', 'ASKED', 'ADDS', 'SHOUTED', 'REPLIED', 'TWEETED', 'NOTED', 'RECALLED', 'CONTINUED', 'SAYING', 'ARGUED', 'INSISTS', 'WARNS']);
/** Words that may stand between a speaker and the speech verb: "Prakash reportedly told", "he also said". */
const ATTRIBUTION_FILLER = new Set(['REPORTEDLY', 'ALSO', 'LATER', 'THEN', 'HAS', 'HAD', 'ONCE', 'ALLEGEDLY', 'APPARENTLY', 'REPEATEDLY', 'FURTHER']);
const DETERMINERS = new Set(['THE', 'A', 'AN', 'ONE']);
/** First-person pronouns that stand for the speaker's side ("we"), not the speaker alone ("I"). */
const PLURAL_FIRST_PERSON = new Set(['WE', 'US', 'OUR', 'OURS', 'OURSELVES']);
/** Contractions folded into a pronoun's word ("I’m", "we’re", "we've"). */
const CONTRACTION = /['’](M|RE|VE|LL|D|S)$/;
const STATE_LIKE = /^[A-Z]{3}(GOV)?$/;
/** "the country", "the state": a state referred to again. */
const STATE_HEADS = new Set(['COUNTRY', 'STATE', 'NATION']);
/** Words that tie armed men to a transnational or named armed group rather than to a country. */
const JIHAD_WORDS = new Set(['FOREIGN', 'JIHADIST', 'JIHADISTS', 'JIHADI', 'JIHADIS']);
/** Codes of armed groups a group's fighters are coded as. */
const ARMED_GROUP = /^(IMG|[A-Z]{3}(REB|UAF))/;
/** Agent nouns that name a government's people only with an owner ("the Turkish leader"). */
const OWNED_ONLY = new Set(['LEADER', 'LEADERS', 'COLLEAGUE', 'COLLEAGUES', 'COUNTERPARTS']);
/** "the group", "this outfit": what an organisation named before is called again. */
const GROUP_DETERMINERS = new Set(['THE', 'THIS', 'THAT']);
const GROUP_HEADS = new Set(['GROUP', 'OUTFIT', 'ORGANISATION', 'ORGANIZATION', 'MOVEMENT', 'FACTION']);
const GROUP_DESCRIPTORS = new Set(['MILITANT', 'MILITANTS', 'TERRORIST', 'TERROR', 'GUERRILLA', 'JIHADIST', 'JIHADI', 'REBEL', 'ARMED',
  'SEPARATIST', 'CRIME', 'CRIMINAL', 'EXTREMIST', 'ISLAMIST', 'INSURGENT', 'DISSIDENT', 'BANNED', 'OUTLAWED', 'UNDERGROUND', 'MILITIA']);
/** Codes of organisations a group noun can stand for: transnational bodies and groups, and a
 *  country's non-state groups (rebels, unaligned armed groups, criminals, parties, opposition, NGOs). */
const GROUP_LIKE = /^(IGO|NGO|IMG|[A-Z-]{3}(REB|UAF|CRM|PTY|OPP|NGO|INS|SEP|RAD))/;
const NOT_COUNTRIES = new Set(['IGO', 'NGO', 'IMG', '---']);

export interface ReferenceInput {
  article: Article;
  words: Word[];
  segs: Segment[];
  /** Named entities (names.ts), sorted and without overlaps. */
  named: Entity[];
  /** Segments the named pass used up (title chains before a name). */
  consumed: Uint8Array;
  ctx: ArticleContext;
  dict: ActorDictionary;
  date: string;
}

/** Generic agents and references of the article, as new entities (named ones are not repeated). */
export function resolveReferences(input: ReferenceInput): Entity[] {
  return new References(input).run();
}

class References {
  private readonly out: Entity[] = [];
  private readonly history: Antecedent[] = [];
  private readonly covered: Uint8Array;
  private readonly segAt: Int32Array;

  constructor(private readonly in_: ReferenceInput) {
    const { words, segs, named } = in_;
    this.covered = new Uint8Array(words.length);
    let e = 0;
    for (let w = 0; w < words.length; w++) {
      while (e < named.length && named[e]!.end <= words[w]!.start) e++;
      if (e < named.length && named[e]!.start <= words[w]!.start) this.covered[w] = 1;
    }
    this.segAt = new Int32Array(words.length).fill(-1);
    segs.forEach((s, k) => (this.segAt[s.i] = k));
  }

  run(): Entity[] {
    const { words, named, segs, consumed } = this.in_;
    const taken = (q: number): boolean => consumed[q] === 1 || this.covered[segs[q]!.i] === 1;
    let e = 0;
    for (let w = 0; w < words.length; ) {
      const word = words[w]!;
      while (e < named.length && named[e]!.end <= word.start) e++;
      const ent = named[e];
      if (ent && ent.start <= word.start) {
        this.remember(ent, word.sentence, e);
        while (w < words.length && words[w]!.start < ent.end) w++;
        continue;
      }
      const k = this.segAt[w]!;
      if (k >= 0 && !taken(k) && segs[k]!.target?.t === 'agent' && !this.weakName(k)) {
        const g = groupPhrase(words, segs, k, taken, (q) => this.ownerCountry(q));
        if (g) {
          this.group(g, this.placeAfter(g.j));
          w = Math.max(w + 1, g.j);
          continue;
        }
      }
      if (GROUP_DETERMINERS.has(word.key)) {
        const end = this.groupReference(w) || this.stateReference(w);
        if (end) {
          w = end;
          continue;
        }
      }
      if (word.cap && isEthnicPlural(word.key)) this.people(w);
      else if (!word.cap || word.sentenceStart || word.key === 'I') this.pronoun(w);
      w++;
    }
    this.quotedSpeakers();
    return this.out;
  }

  /**
   * "The Youth", "the Tigers": one capitalised agent word mid-sentence that the dictionary also
   * holds as an organisation's everyday-word name is a name it cannot confirm, not a generic agent.
   */
  private weakName(k: number): boolean {
    const s = this.in_.segs[k]!;
    const w = this.in_.words[s.i]!;
    if (s.j - s.i !== 1 || !w.cap || w.allCaps || w.sentenceStart || (s.target?.t === 'agent' && s.target.agent.country)) return false;
    const trie = this.in_.dict.trie;
    const targets = trie.targets(trie.child(ROOT, w.key));
    return !!targets?.some((t) => t.t === 'actor' && t.weak);
  }

  /** "Lawmakers in France and Germany": the place entity right after "in" (the event coder reads
   *  the agent with each coordinated place itself). */
  private placeAfter(j: number): Entity | null {
    const { words, article } = this.in_;
    const w = words[j];
    if (!w || w.key !== 'IN' || w.boundary) return null;
    const next = words[j + 1];
    const ent = next ? this.namedAt(next.start) : null;
    if (!ent || ent.kind !== 'PLACE' || !ent.country || ent.code === null) return null;
    return /^\s*(and|,)\s*\p{Lu}/u.test(article.text.slice(ent.end, ent.end + 6)) ? ent : null;
  }

  /** The named entity covering character `offset` (binary search: named is sorted, without overlaps). */
  private namedAt(offset: number): Entity | null {
    const named = this.in_.named;
    let lo = 0;
    let hi = named.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = named[mid]!;
      if (e.end <= offset) lo = mid + 1;
      else if (e.start > offset) hi = mid - 1;
      else return e;
    }
    return null;
  }

  /** The country of the named entity over segment q, when it is a country or a country's body. */
  private ownerCountry(q: number): string | null {
    const start = this.in_.words[this.in_.segs[q]!.i]!.start;
    const ent = this.namedAt(start);
    return ent ? countryOf(ent, (c) => this.in_.dict.countryByIso.has(c)) : null;
  }

  // ---------- antecedents ----------

  private remember(ent: Entity, sentence: number, index: number): void {
    const last = this.history[this.history.length - 1];
    if (last && last.name === ent.name && last.sentence === sentence && last.code === ent.code) return;
    const country = countryOf(ent, (c) => this.in_.dict.countryByIso.has(c));
    const state = ent.kind !== 'PERSON' && !!ent.code && STATE_LIKE.test(ent.code) && !!country && (ent.kind === 'PLACE' || ent.code === country + 'GOV');
    const a: Antecedent = {
      code: ent.code, name: ent.name, kind: ent.kind, country, sentence, person: ent.kind === 'PERSON',
      plural: ent.kind === 'ORG' && /[^su]s$/i.test(ent.text), state: state || (ent.kind === 'PLACE' && !!country && ent.code !== null), second: null,
      named: true,
    };
    // "May and Trump", "Russia and Turkey": the pair is what "they" and "the two" refer to.
    const prev = index > 0 ? this.in_.named[index - 1] : undefined;
    if (prev && last && last.name === prev.name && /^\s*(and|&)\s*$/i.test(this.in_.article.text.slice(prev.end, ent.start))) {
      this.history.push(a, { ...last, plural: true, second: a, sentence });
      return;
    }
    this.history.push(a);
  }

  private find(sentence: number, ok: (a: Antecedent) => boolean): Antecedent | null {
    for (let q = this.history.length - 1; q >= 0; q--) {
      const a = this.history[q]!;
      if (sentence - a.sentence > REACH) return null;
      if (ok(a)) return a;
    }
    return null;
  }

  // ---------- generic agents ----------

  private group(g: GroupPhrase, coordinatedPlace: Entity | null): void {
    const { words, article, ctx, dict, date } = this.in_;
    const first = words[g.i]!;
    const start = first.start;
    const end = words[g.j - 1]!.end;
    const sentence = first.sentence;
    const text = article.text.slice(start, end);
    const sector = g.sector;
    // "an indigenous leader", "community leaders": a leader is a government's only when a country,
    // a possessor or a pair says so ("Syria's leader", "its leaders", "the two leaders").
    if (OWNED_ONLY.has(g.agent.phrase) && sector === 'GOV' && !g.owner && !g.possessor && !g.pair) return;
    let country: string | null = g.owner ?? g.agent.country ?? null;
    let via: Entity['via'] = country ? 'agent' : 'context';
    let confidence = confidenceOf(via!);
    if (!country && g.pair) {
      const pair = this.find(sentence, (a) => a.second !== null);
      if (pair && pair.code) return this.emit(start, end, text, pair.kind === 'PERSON' ? 'PERSON' : 'ORG', `${pair.name} and ${pair.second!.name}`, pair.code, null, 'coreference', pair, true, sentence);
    }
    if (!country && g.possessor) {
      const owner = this.find(sentence, (a) => !a.person && (g.possessor === 'their' ? a.plural || a.state : !a.plural) && a.country !== null);
      if (owner) [country, via, confidence] = [owner.country, 'coreference', confidenceOf('coreference')];
    }
    // "The president said…" just after "Merkel and Putin": the person named last who held that
    // office then, before any guess from the article's main country.
    if (!country && g.person && g.definite && g.agent.office) {
      const office = g.agent.office;
      const holder = this.find(sentence, (a) => a.person && a.code !== null && heldOffice(dict, a.name, office, date));
      if (holder) return this.emit(start, end, text, 'PERSON', holder.name, holder.code, null, 'coreference', holder, false, sentence);
    }
    // "the fighters", "foreign jihadists" after "Isis claimed ...": the armed group named last.
    if (!country && /^(REB|UAF)/.test(sector) && (g.definite || words.slice(Math.max(0, g.i - 1), g.j).some((w) => JIHAD_WORDS.has(w.key)))) {
      const group = this.find(sentence, (a) => !!a.named && a.kind === 'ORG' && a.code !== null && ARMED_GROUP.test(a.code));
      if (group) return this.emit(start, end, text, 'ORG', group.name, group.code, null, 'coreference', group, false, sentence);
    }
    if (!country && g.definite && sector.startsWith('GOV')) {
      const state = this.find(sentence, (a) => a.state);
      if (state) [country, via, confidence] = [state.country, 'coreference', confidenceOf('coreference')];
    }
    if (!country) {
      const c = contextCountry(ctx, sentence, start);
      if (c) [country, confidence] = [c.country, c.from === 'sentence' ? 0.65 : c.from === 'dateline' ? 0.6 : 0.5];
    }
    // "Kurdish militias": a people's group belongs to a country the people lives in.
    if (g.homes && (!country || !g.homes.includes(country)) && !g.owner) country = this.homeInContext(g.homes, sentence, start);
    // A title without a name: the office holder, or the person of that country named last.
    if (g.person && country) {
      const holder = g.agent.office ? officeHolder(dict, country, g.agent.office, date) : null;
      if (holder) return this.emit(start, end, text, 'PERSON', holder.name, codeAt(holder, date), null, g.definite ? 'coreference' : 'title', null, false, sentence);
      if (g.definite && /^(GOV|MIL)/.test(sector)) {
        const named = this.find(sentence, (a) => a.person && a.code !== null && a.code.slice(0, 3) === country && a.code.slice(3, 6) === sector.slice(0, 3));
        if (named) return this.emit(start, end, text, 'PERSON', named.name, named.code, null, 'coreference', named, false, sentence);
      }
    }
    const code = (country ?? '---') + sector;
    const name = `${country ? (dict.countryByIso.get(country)?.name ?? country) + ' ' : ''}${titleText(g.agent.phrase)}`;
    if (coordinatedPlace) {
      // Remembered for "they", not emitted: one code cannot stand for the legislatures of two states.
      this.history.push({ code: coordinatedPlace.country + sector, name, kind: 'ORG', country: coordinatedPlace.country, sentence, person: false, plural: g.plural, state: false, second: null });
      return;
    }
    const ent = entity(start, end, text, g.person ? 'PERSON' : 'ORG', name, code, null, via!, country ? confidence : 0.4);
    this.out.push(ent);
    this.history.push({ code, name, kind: ent.kind, country, sentence, person: g.person, plural: g.plural, state: false, second: null });
  }

  /**
   * A people named on its own: "Kurds in Afrin" are people (CVL); "the Kurds", like "the Turks",
   * act through their organised, here armed, movement (REB). The country is the one of the
   * people's countries that the context names.
   */
  private people(w: number): void {
    const { words, article } = this.in_;
    const word = words[w]!;
    const homes = ethnicHomes(word.key)!;
    // "Syrian Kurds", "the Iraqi Kurds": a country's adjective before the people says which.
    const before = w > 0 && !word.boundary ? this.namedAt(words[w - 1]!.start) : null;
    const adjective = before && before.kind === 'PLACE' && before.country && /^\s+$/.test(article.text.slice(before.end, word.start)) ? before : null;
    let q = adjective ? w - 1 : w;
    while (adjective && q > 0 && words[q - 1]!.start >= adjective.start) q--;
    const prev = q > 0 && !words[q]!.boundary ? words[q - 1]! : null;
    const definite = prev?.key === 'THE' && prev.sentence === word.sentence;
    const start = definite ? prev!.start : adjective ? adjective.start : word.start;
    const country = adjective ? adjective.country : this.homeInContext(homes, word.sentence, start);
    const code = (country ?? '---') + (definite ? 'REB' : 'CVL');
    this.emit(start, word.end, article.text.slice(start, word.end), 'ORG', word.text, code, null, 'context', null, false, word.sentence);
  }

  /**
   * Of a people's countries, the one the context names: a place of the sentence, the dateline, the
   * article's main country, else the nearest place of the article; the people's only country when
   * it has one; else none.
   */
  private homeInContext(homes: readonly string[], sentence: number, offset: number): string | null {
    const { ctx } = this.in_;
    let best: { country: string; distance: number } | null = null;
    for (const p of ctx.places) {
      if (!homes.includes(p.country)) continue;
      const distance = Math.abs(p.sentence - sentence) * 1e6 + Math.abs(p.start - offset);
      if (!best || distance < best.distance) best = { country: p.country, distance };
    }
    if (best && ctx.places.some((p) => p.sentence === sentence && p.country === best!.country)) return best.country;
    if (ctx.dateline && homes.includes(ctx.dateline)) return ctx.dateline;
    if (ctx.main && homes.includes(ctx.main)) return ctx.main;
    if (best) return best.country;
    return homes.length === 1 ? homes[0]! : null;
  }

  /**
   * "the group", "the outfit", "the terrorist organisation": a definite group noun, with at most
   * two describing words before it, refers to the organisation named last (an armed group, a
   * party, an international body), not to a state or a person. Returns the word after the phrase,
   * or 0 when the words at w are no such phrase or nothing fits within reach.
   */
  private groupReference(w: number): number {
    const { words } = this.in_;
    const det = words[w]!;
    let q = w + 1;
    while (q < words.length && q <= w + 2 && !GROUP_HEADS.has(words[q]!.key) && this.describes(q, det.sentence)) q++;
    const head = words[q];
    if (!head || !GROUP_HEADS.has(head.key) || head.sentence !== det.sentence || this.covered[q] || head.cap && !det.sentenceStart && !det.allCaps) return 0;
    const ante = this.find(det.sentence, (a) => !a.person && !a.state && a.kind === 'ORG' && a.code !== null && GROUP_LIKE.test(a.code));
    if (!ante) return 0;
    const text = this.in_.article.text.slice(det.start, head.end);
    this.emit(det.start, head.end, text, 'ORG', ante.name, ante.code, null, 'coreference', ante, false, det.sentence);
    return q + 1;
  }

  /**
   * "the country", "this nation", "the state": the state named last (its government acting), else
   * the country the context gives. Not "the country's" (its owner, read with what follows) and not
   * "the state government" (a group noun of its own).
   */
  private stateReference(w: number): number {
    const { words, ctx } = this.in_;
    const det = words[w]!;
    let q = w + 1;
    if (q < words.length && words[q]!.pos === 'ADJ' && !words[q]!.cap && !STATE_HEADS.has(words[q]!.key)) q++;
    const head = words[q];
    if (!head || !STATE_HEADS.has(head.key) || head.sentence !== det.sentence || head.boundary || this.covered[q] || head.possessive) return 0;
    const next = words[q + 1];
    if (next && !next.boundary && next.sentence === head.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN')) return 0;
    const state = this.find(det.sentence, (a) => a.state && a.country !== null);
    const country = state?.country ?? contextCountry(ctx, det.sentence, det.start)?.country ?? null;
    if (!country) return 0;
    const text = this.in_.article.text.slice(det.start, head.end);
    this.emit(det.start, head.end, text, 'ORG', this.in_.dict.countryByIso.get(country)?.name ?? country, country + 'GOV', null, state ? 'coreference' : 'context', state, false, det.sentence);
    return q + 1;
  }

  /** A word that may describe a group noun: an adjective or a word for armed or criminal groups. */
  private describes(q: number, sentence: number): boolean {
    const word = this.in_.words[q]!;
    if (word.sentence !== sentence || word.boundary || this.covered[q]) return false;
    return GROUP_DESCRIPTORS.has(word.key) || (word.pos === 'ADJ' && !word.cap);
  }

  // ---------- pronouns ----------

  private pronoun(w: number): void {
    const { words } = this.in_;
    const word = words[w]!;
    const key = word.key;
    const next = words[w + 1];
    const sameSentence = next !== undefined && next.sentence === word.sentence;
    // "its forces", "their leaders": the phrase after the pronoun is the actor (see group()).
    if (POSSESSIVE_PRONOUNS.has(key) && sameSentence && this.segAt[w + 1]! >= 0 && this.in_.segs[this.segAt[w + 1]!]!.target?.t === 'agent') return;
    let ante: Antecedent | null = null;
    if (PERSON_PRONOUNS.has(key)) ante = this.find(word.sentence, (a) => a.person);
    else if (IT_PRONOUNS.has(key)) {
      if (key === 'IT' && sameSentence && this.expletive(w)) return;
      ante = this.find(word.sentence, (a) => !a.person && !a.plural && (a.state || a.kind === 'ORG') && a.code !== null);
    } else if (THEY_PRONOUNS.has(key)) {
      // A group ("police said they ..."); two parties named since ("May and Trump ... they") are a
      // pair that one code cannot stand for: left to the event coder, which codes both.
      ante = this.find(word.sentence, (a) => a.plural && !a.state && a.code !== null);
      const pair = this.lastTwo(word.sentence);
      if (pair && (!ante || this.history.indexOf(pair.second!) > this.history.indexOf(ante))) return;
    }
    else if (SPEAKER_PRONOUNS.has(key) && !(key === 'US' && word.allCaps)) ante = this.speaker(w);
    else return;
    if (!ante || !ante.code) return;
    const code = STATE_LIKE.test(ante.code) && ante.code.length === 3 && !NOT_COUNTRIES.has(ante.code) ? ante.code + 'GOV' : ante.code;
    const name = ante.second ? `${ante.name} and ${ante.second.name}` : ante.name;
    this.emit(word.start, word.end, word.text, ante.kind === 'PERSON' || ante.second?.kind === 'PERSON' ? 'PERSON' : 'ORG', name, code, null, 'coreference', ante, false, word.sentence);
  }

  /** "Theresa May met Donald Trump. They ...": the last two people (or states) named. */
  private lastTwo(sentence: number): Antecedent | null {
    const second = this.find(sentence, (a) => (a.person || a.state) && a.code !== null);
    if (!second) return null;
    const first = this.find(sentence, (a) => a !== second && a.person === second.person && a.state === second.state && a.code !== null && a.name !== second.name && this.history.indexOf(a) < this.history.indexOf(second));
    return first ? { ...first, plural: true, second } : null;
  }

  private expletive(w: number): boolean {
    const words = this.in_.words;
    const n1 = words[w + 1]?.key ?? '';
    const n2 = words[w + 2]?.key ?? '';
    return EXPLETIVE_NEXT.has(n1) || (MODALS.has(n1) && (n2 === 'BEEN' || n2 === 'BE'));
  }

  /** "'We will not pay,' the minister said": the named actor after a speech verb later in the sentence. */
  private speaker(w: number): Antecedent | null {
    const { words } = this.in_;
    const sentence = words[w]!.sentence;
    let speech = false;
    for (let q = w + 1; q < words.length && words[q]!.sentence === sentence; q++) {
      if (SPEECH.has(words[q]!.key)) speech = true;
      if (!this.covered[q]) continue;
      const ent = this.namedAt(words[q]!.start);
      if (!ent || !ent.code || ent.kind === 'PLACE') continue;
      // Either "..., the minister said" (after the verb) or "..., said the minister".
      if (speech || SPEECH.has(words[q + 1]?.key ?? '') || SPEECH.has(words[nextWordAfter(words, ent.end, q)]?.key ?? '')) {
        return { code: ent.code, name: ent.name, kind: ent.kind, country: null, sentence, person: ent.kind === 'PERSON', plural: false, state: false, second: null };
      }
    }
    return null;
  }

  // ---------- first person inside quotations ----------

  /**
   * "I", "we" inside a direct quotation are its speaker, wherever the attribution stands: after the
   * closing mark (“...,” Trump said / said the minister / Prakash told police), before the opening
   * one (Trump said: “...” / Erdoğan: “...” / according to X, “...”), and for a quotation over
   * several sentences, for all of them. Run after the left-to-right pass, so that a speaker given as
   * a pronoun or a title ("he said", "the minister said") already has its code. This overrides the
   * same-sentence guess of speaker(), which reads no quote marks; with no speaker found the
   * pronoun keeps what it had.
   */
  private quotedSpeakers(): void {
    const { article, words } = this.in_;
    const quotes = quotations(article.text);
    if (!quotes.length) return;
    const all = [...this.in_.named, ...this.out].sort((a, b) => a.start - b.start || b.end - a.end);
    const covering = (offset: number): Entity | null => all.find((e) => e.start <= offset && offset < e.end) ?? null;
    let w = 0;
    for (const q of quotes) {
      while (w < words.length && words[w]!.start <= q.start) w++;
      const inside: number[] = [];
      for (let k = w; k < words.length && words[k]!.end <= q.end; k++) if (this.firstPerson(k)) inside.push(k);
      if (!inside.length) continue;
      const found = (q.closed ? this.speakerAfter(q, covering) : null) ?? this.speakerBefore(q, covering);
      // A speaker with no country ("the minister" in an article that names none) says too little to
      // code "we" with: left as it was.
      // Nor does one whose country is only the article's context ("the official said" in a story
      // set in Syria is as often an American official): a wrong side is worse than none.
      if (!found || !found.speaker.code || found.speaker.code.startsWith('---') || found.speaker.via === 'context') continue;
      for (const k of inside) this.quoted(k, found.speaker, found.side);
    }
  }

  /** A word inside a quotation that is "I", "me", "we", "our"...: not part of a name, not "US". */
  private firstPerson(k: number): boolean {
    const word = this.in_.words[k]!;
    if (this.covered[k]) return false;
    const key = word.key.replace(CONTRACTION, '');
    // "US", "U.S." (also in all-capital copy) is the country, never "us".
    if (!SPEAKER_PRONOUNS.has(key) || (key === 'US' && (word.allCaps || word.text.includes('.')))) return false;
    // "our soldiers": the phrase after the possessive is the actor (see group()).
    const next = this.in_.words[k + 1];
    if (POSSESSIVE_PRONOUNS.has(key) && next && next.sentence === word.sentence && this.segAt[k + 1]! >= 0 && this.in_.segs[this.segAt[k + 1]!]!.target?.t === 'agent') return false;
    // "our partners", "my friends": people of the speaker's, but not the speaker; the phrase is
    // another actor, which a code on "our" would stand in for.
    if (POSSESSIVE_PRONOUNS.has(key) && next && next.sentence === word.sentence && !next.boundary && next.pos === 'NOUN' && /[^s]s$/i.test(next.text)) return false;
    return true;
  }

  /** “...,” Trump said / “...,” said the minister / “...,” Prakash reportedly told police. */
  private speakerAfter(q: Quotation, covering: (o: number) => Entity | null): Speaker | null {
    const { words, article } = this.in_;
    const a = lowerBound(words, q.end);
    const first = words[a];
    if (!first || !/^[\s,]*$/.test(article.text.slice(q.end, first.start))) return null;
    if (ATTRIBUTION.has(first.key)) {
      // "said the Turkish foreign minister": the actor right after the verb (past a determiner);
      // in "said Abu Ahmed’s political aide" the first word is no actor, and the aide's is not the speaker.
      const k = DETERMINERS.has(words[a + 1]?.key ?? '') ? a + 2 : a + 1;
      const e = words[k] && words[k]!.sentence === first.sentence ? covering(words[k]!.start) : null;
      return e ? this.speakerFrom(e) : null;
    }
    const head = DETERMINERS.has(first.key) && words[a + 1]?.sentence === first.sentence ? a + 1 : a;
    const e = covering(words[head]!.start);
    if (!e) return null;
    let v = lowerBound(words, e.end);
    while (words[v] && ATTRIBUTION_FILLER.has(words[v]!.key) && v - a < 8) v++;
    const verb = words[v];
    return verb && verb.sentence === words[head]!.sentence && ATTRIBUTION.has(verb.key) && !verb.boundary ? this.speakerFrom(e) : null;
  }

  /** Trump said: “...” / Erdoğan: “...” / he told reporters: “...” / according to the minister, “...”. */
  private speakerBefore(q: Quotation, covering: (o: number) => Entity | null): Speaker | null {
    const { words, article } = this.in_;
    const p = lowerBound(words, q.start) - 1;
    const last = words[p];
    if (!last) return null;
    const gap = article.text.slice(last.end, q.start);
    if (!/^\s*[:,]\s*$/.test(gap)) return null;
    const sentence = last.sentence;
    // "according to X, “...”"
    for (let k = p; k >= 1 && k >= p - 5 && words[k]!.sentence === sentence; k--) {
      if (words[k]!.key === 'TO' && words[k - 1]!.key === 'ACCORDING') {
        const e = covering(words[k + 1]?.start ?? -1) ?? covering(words[k + 2]?.start ?? -1);
        return e ? this.speakerFrom(e) : null;
      }
    }
    // "X said: “", "X told reporters: “", "X told the BBC, “": the speech verb within a few words back.
    for (let v = p; v >= 1 && v >= p - 4 && words[v]!.sentence === sentence; v--) {
      if (!ATTRIBUTION.has(words[v]!.key)) continue;
      let s = v - 1;
      while (s >= 0 && ATTRIBUTION_FILLER.has(words[s]!.key) && v - s < 3) s--;
      const e = s >= 0 && words[s]!.sentence === sentence ? covering(words[s]!.start) : null;
      return e ? this.speakerFrom(e) : null;
    }
    // "Erdoğan: “...”" (looked for after the verbs: in "told reporters: “" the actor before the
    // colon is the audience).
    if (gap.includes(':')) {
      const e = covering(last.start);
      if (e && e.end <= q.start) return this.speakerFrom(e);
    }
    return null;
  }

  /**
   * The speaker and the side "we" speaks for: "a spokesman for the SDF" speaks for the SDF; a head
   * of state, a minister or a state's own mention for the state's government (their codes are the
   * government's already); anyone else for their own code.
   */
  private speakerFrom(e: Entity): Speaker {
    const { words, article } = this.in_;
    let side = e;
    const after = lowerBound(words, e.end);
    if ((words[after]?.key === 'FOR' || words[after]?.key === 'OF') && /^\s+$/.test(article.text.slice(e.end, words[after]!.start))) {
      const owner = [...this.in_.named, ...this.out].find((x) => x.start >= words[after]!.end && x.start <= (words[after + 2]?.start ?? -1) && x.code);
      if (owner) side = owner;
    }
    // "A spokesman for Hamas": the spokesman's own code is a guess from the context, the group's is
    // not, and the group is who speaks through him.
    const weak = !e.code || e.via === 'context' || e.code.startsWith('---');
    return { speaker: weak && side !== e ? side : e, side };
  }

  private quoted(k: number, speaker: Entity, side: Entity): void {
    const word = this.in_.words[k]!;
    const key = word.key.replace(CONTRACTION, '');
    const who = PLURAL_FIRST_PERSON.has(key) && side.code && !side.code.startsWith('---') ? side : speaker;
    const code = stateCode(who.code!);
    const ent = entity(word.start, word.end, word.text, who.kind === 'PERSON' ? 'PERSON' : 'ORG', who.name, code, null, 'coreference');
    const at = this.out.findIndex((x) => x.start === word.start);
    if (at >= 0) this.out[at] = ent;
    else this.out.push(ent);
  }

  private emit(
    start: number, end: number, text: string, kind: Entity['kind'], name: string, code: string | null, country: string | null,
    via: NonNullable<Entity['via']>, ante: Antecedent | null, pair: boolean, sentence: number,
  ): void {
    this.out.push(entity(start, end, text, kind, name, code, country, via));
    if (pair && ante) return;
    if (ante) this.history.push({ ...ante, sentence });
    else this.history.push({ code, name, kind, country: code && !NOT_COUNTRIES.has(code.slice(0, 3)) ? code.slice(0, 3) : null, sentence, person: kind === 'PERSON', plural: false, state: false, second: null });
  }
}

/** A quotation's speaker, and whom "we" in it stands for. */
interface Speaker {
  speaker: Entity;
  side: Entity;
}

/** A country's bare code ("TUR", a place) acting as a speaker's side is its government. */
function stateCode(code: string): string {
  return STATE_LIKE.test(code) && code.length === 3 && !NOT_COUNTRIES.has(code) ? code + 'GOV' : code;
}

function nextWordAfter(words: Word[], offset: number, from: number): number {
  let q = from;
  while (q < words.length && words[q]!.start < offset) q++;
  return q;
}
