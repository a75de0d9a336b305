// Named mentions: dictionary segments to entities. Composes country + agent ("Russia's Foreign
// Ministry" -> RUSGOV), titles + names ("Russian Foreign Minister Ivan Petrov" -> RUSGOV), and
// resolves references to people within the article: surnames after a full name, first-name
// variants ("Sergei"/"Sergey"), misspelt surnames ("Lovrov"), definite descriptions ("the US
// Secretary of State", "the Russian FM"), "his Russian counterpart", "the latter"/"the former".
// Codes are taken at the article's date. Agent nouns without a country and pronouns are left to
// groups.ts and coreference.ts.
import type { Article, Entity, EntityVia } from '../../model.js';
import { entity } from './entity.js';
import { wordKey, type ActorDictionary, type CountryForm } from './dictionary.js';
import type { ActorRecord, AgentRecord, CountryRecord } from './types.js';
import { isShouting, type Word } from './words.js';
import type { Segment } from './segments.js';
import { codeAt, inferDate, inOfficeAt, officeHolder, officeOf, referenceDate } from './roles.js';
import { adjective, compose, isCounterpart, isTitle, titleText } from './titles.js';
import { famousSurnames, famousWithInitial } from './known.js';
import { editDistance, isCommonWord, withinOneEdit } from './lexicon.js';

interface PersonRef {
  name: string;
  code: string | null;
  country: string | null;
  actor: ActorRecord | null;
  /** Office held ("FM", "HOS"...) when known: from the office tables or the title it was named with. */
  office?: string;
}

/** A person the dictionary does not list (with every field PersonRef has, so that all share one object shape). */
function personNotInDictionary(name: string, code: string | null, country: string | null, office?: string): PersonRef {
  return { name, code, country, actor: null, office };
}

/** Words that may sit inside a title chain ("Aide to the Russian President", "Representative for Ukraine"). */
const CHAIN_LINKS = new Set(['OF', 'FOR', 'TO', 'THE', 'ON']);
/** Titles that denote one identifiable holder, so a description may refer back to a named person. */
const SINGULAR_ROLES = new Set(['MINISTER', 'FM', 'PRESIDENT', 'PREMIER', 'CHANCELLOR', 'DIPLOMAT', 'LEADER', 'SECRETARY', 'COUNTERPART', 'STATE']);
const NOMINAL = new Set(['ADJ', 'NUM']);
/** Codes of armed groups (transnational ones, rebels, unidentified armed forces, criminal groups). */
const ARMED_GROUP_CODE = /^(IMG|[A-Z]{3}(REB|UAF|CRM|INS|SEP|RAD))/;
/** Codes of organisations whose members the organisation's code stands for (not states' bodies). */
const ORGANISATION_CODE = /^(IMG|IGO|NGO|[A-Z]{3}(REB|UAF|CRM|INS|SEP|RAD|PTY|OPP|REL|NGO|LAB|COP|MIL|SPY))/;
/** International bodies and a state's forces ("NATO troops", "BSF troops", "CRPF personnel"). */
const ARMED_BODY_CODE = /^(IGO|[A-Z]{3}(COP|MIL|SPY))/;
/** Agent sectors whose nouns, after an armed group's name, are its members ("Hamas gunmen", "Isis militants"). */
const MEMBER_SECTORS = /^(MIL|REB|UAF|COP|INS|RAD)/;
const MEMBER_HEADS = new Set(['MEMBER', 'MEMBERS', 'LEADER', 'LEADERS', 'COMMANDER', 'COMMANDERS', 'CHIEF', 'SPOKESMAN', 'SPOKESPERSON',
  'SPOKESWOMAN', 'OPERATIVE', 'OPERATIVES', 'LOYALISTS', 'RECRUITS', 'CELL', 'CELLS', 'UNIT', 'UNITS', 'OFFICIAL', 'OFFICIALS', 'FIGHTERS',
  'MILITANTS', 'CADRES', 'SUPPORTERS', 'SYMPATHISERS', 'SYMPATHIZERS', 'AFFILIATE', 'AFFILIATES', 'BRIDE', 'BRIDES', 'SUSPECTS', 'SUSPECT',
  'ACTIVIST', 'ACTIVISTS', 'WORKERS', 'VOLUNTEERS', 'DELEGATES', 'REPRESENTATIVE', 'REPRESENTATIVES', 'CANDIDATE', 'CANDIDATES']);
/** "-backed", "-funded": a country before these supports a group, it does not act. */
const BACKED = /^[-–](backed|aligned|supported|sponsored|allied|funded|trained|armed|affiliated|friendly|controlled)\b/i;
/** Nouns of armed force: after a nationality adjective, the country's military acting. */
const MILITARY_NOUNS = new Set(['SHELLING', 'AIRSTRIKES', 'AIRSTRIKE', 'AIR STRIKES', 'AIR STRIKE', 'STRIKES', 'STRIKE', 'BOMBARDMENT',
  'BOMBING', 'BOMBINGS', 'BOMBS', 'OFFENSIVE', 'INCURSION', 'INVASION', 'OPERATION', 'OPERATIONS', 'ASSAULT', 'RAID', 'RAIDS', 'PLANES',
  'PLANE', 'POSITIONS', 'BOOTS', 'MISSILES', 'MISSILE', 'ROCKETS', 'AIR POWER', 'AIRCRAFT', 'HELICOPTERS', 'HELICOPTER', 'TANKS',
  'VESSELS', 'SUBMARINES', 'SUBMARINE', 'BASE', 'BASES', 'PATROL', 'PATROLS', 'GUNFIRE', 'CONVOY', 'CONVOYS', 'DEPLOYMENT', 'INTERVENTION',
  'CAMPAIGN', 'BOMBERS', 'FIGHTER JETS', 'AIR DEFENCES', 'AIR DEFENSES', 'FIREPOWER', 'ARTILLERY', 'MORTARS', 'MORTAR', 'SHELLS', 'CROSSFIRE']);
const DETERMINERS = new Set(['THE', 'HIS', 'HER', 'ITS', 'THEIR']);
/** Prepositions before which a country name is where things happen, not the state acting ("from Turkey", "to Russia", "the invasion of Iran" name the state). */
const LOCATIVE = new Set(['IN', 'INTO', 'INSIDE', 'AT', 'NEAR', 'ACROSS', 'THROUGHOUT', 'WITHIN', 'OUTSIDE']);
/** "soldiers from Gondor", "ambassadors of Arnor": the group belongs to the country ("in" is left to the event coder). */
const AGENT_LINKS = new Set(['FROM', 'OF']);
/** Shapes of nationality/ethnic adjectives ("Kurdish", "Pashtun" is in SECTS, "Baluchi", "Tamilese"). */
const GROUP_ADJECTIVE = /^\p{Lu}\p{Ll}+(ish|ian|i|ese)$/u;
const SECTS = new Set(['SHIITE', 'SHIA', 'SUNNI', 'ALAWITE', 'DRUZE', 'HOUTHI', 'KURD', 'PASHTUN', 'TAMIL', 'UYGHUR', 'UIGHUR', 'YAZIDI', 'TUAREG', 'BALOCH', 'HAZARA']);
/** Sea and region adjectives of the same shape ("Russian Caspian flotilla"). */
const NOT_GROUPS = new Set(['CASPIAN', 'MEDITERRANEAN', 'PERSIAN', 'ATLANTIC', 'PACIFIC', 'ENGLISH', 'SPECIAL', 'MARITIME']);
const CALENDAR = /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const AGE = /^(1[0-1]\d|[1-9]\d?)$/;
const NAME_PARTICLES = new Set(['AL', 'EL', 'BIN', 'IBN', 'ABU', 'BINT', 'OULD']);
/** Courtesy titles: "Mr Putin", "Mrs May" name a person by surname, like a title does. */
const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'MME', 'MX', 'MESSRS']);

/** The named mentions of an article (its words cut into dictionary segments), and its reference date. */
export function resolveNames(article: Article, words: Word[], segs: Segment[], dict: ActorDictionary): { entities: Entity[]; date: string; consumed: Uint8Array } {
  const r = new NameResolver(article, words, segs, dict);
  return { entities: r.run(), date: r.date, consumed: r.consumed };
}

/**
 * An undated article's own latest full date ("SAN SALVADOR, 12 JAN 90 --", "on 10 January 1990"):
 * the nearest thing to its publication date, so that roles are read as of then, not today. Dates
 * after today (misread numbers) are left out; null when the text names no day.
 */
function latestDateInText(article: Article): string | null {
  const today = new Date().toISOString().slice(0, 10);
  let latest: string | null = null;
  for (const d of article.dates ?? []) {
    if (d.granularity !== 'day' || d.value > today) continue;
    if (!latest || d.value > latest) latest = d.value;
  }
  return latest;
}

class NameResolver {
  readonly date: string;
  /** Text all in capitals: a capitalised word after a country says nothing of a longer name. */
  private readonly shouting: boolean;
  readonly consumed: Uint8Array;
  private readonly entities: Entity[] = [];
  /** People in mention order (for "the latter", "the Russian FM", "his counterpart"). */
  private readonly history: PersonRef[] = [];
  /** Surname key -> person, for every person named in full anywhere in the article. */
  private readonly surnames = new Map<string, PersonRef>();
  private readonly refs = new Map<ActorRecord, PersonRef>();

  constructor(
    private readonly article: Article,
    private readonly words: Word[],
    private readonly segs: Segment[],
    private readonly dict: ActorDictionary,
  ) {
    this.consumed = new Uint8Array(segs.length);
    this.shouting = isShouting(article.text);
    this.date = referenceDate(article.published ?? latestDateInText(article));
    if (!article.published) {
      const people: ActorRecord[] = [];
      for (const s of segs) if (s.target?.t === 'actor' && s.target.actor.kind === 'PERSON') people.push(s.target.actor);
      this.date = inferDate(people, this.date);
    }
  }

  run(): Entity[] {
    // Full names anywhere license surname mentions anywhere (headlines precede the full name).
    this.segs.forEach((s, k) => {
      if (s.target?.t === 'actor' && s.target.actor.kind === 'PERSON') {
        this.addSurname(this.personRef(s.target.actor));
        this.consumeTitleChain(k);
      }
    });
    for (let k = 0; k < this.segs.length; k++) {
      if (this.consumed[k]) continue;
      const s = this.segs[k];
      const t = s.target;
      if (!t) this.plainWord(k);
      else if (t.t === 'actor') this.actor(k, t.actor);
      else if (t.t === 'country') this.country(k, t.country, t.form);
      else if (this.agentBeforeCountry(k, t.agent)) continue;
      else if (isTitle(t.agent)) this.title(k, k, null);
    }
    return this.entities;
  }

  // ---------- emitting ----------

  private emit(i: number, j: number, kind: Entity['kind'], name: string, code: string | null, country: string | null, via: EntityVia): void {
    const start = this.words[i].start;
    const end = this.words[j - 1].end;
    this.entities.push(entity(start, end, this.article.text.slice(start, end), kind, name, code, country, via));
  }

  private emitPerson(i: number, j: number, p: PersonRef, via: EntityVia = 'dictionary'): void {
    this.emit(i, j, 'PERSON', p.name, p.code, null, via);
    this.history.push(p);
  }

  private personRef(actor: ActorRecord): PersonRef {
    let ref = this.refs.get(actor);
    if (!ref) {
      const code = codeAt(actor, this.date);
      ref = { name: actor.name, code, country: this.countryOfCode(code), actor, office: officeOf(this.dict, actor, this.date)?.office };
      this.refs.set(actor, ref);
    }
    return ref;
  }

  private countryOfCode(code: string | null): string | null {
    const c = code?.slice(0, 3) ?? null;
    return c && this.dict.countryByIso.has(c) ? c : null;
  }

  private addSurname(p: PersonRef): void {
    const parts = p.name.toUpperCase().split(/[\s-]+/);
    if (parts.length >= 2 && !this.surnames.has(parts[parts.length - 1])) this.surnames.set(parts[parts.length - 1], p);
  }

  // ---------- segments ----------

  private actor(k: number, actor: ActorRecord): void {
    const s = this.segs[k];
    if (actor.kind === 'PERSON') {
      // "Hussein" inside "Mohammed Hussein Roble" is someone else's name, not King Hussein.
      if (s.j - s.i === 1 && (this.plainCapital(k - 1, k) || this.plainCapital(k + 1, k + 1))) return;
      return this.emitPerson(this.honorific(k) ? s.i - 1 : s.i, s.j, this.personRef(actor));
    }
    const code = codeAt(actor, this.date);
    const member = code && actor.kind === 'ORG' && ORGANISATION_CODE.test(code) ? this.memberNoun(k, ARMED_GROUP_CODE.test(code) || ARMED_BODY_CODE.test(code)) : 0;
    if (member) {
      // "Isis fighters", "a Hamas commander", "BJP workers": members of a group are coded as the group.
      this.consumed[k + 1] = 1;
      return this.emit(s.i, member, 'ORG', actor.name, code, null, 'agent');
    }
    const next = this.adjacentAgent(k);
    // PETRARCH-style composition: a country-level actor followed by a group noun ("ISRAELI TROOPS").
    if (next && code && code.length === 3 && !isTitle(next)) {
      this.consumed[k + 1] = 1;
      const mod = this.modifierAt(k - 1, k);
      this.emit(mod ? this.segs[k - 1].i : s.i, this.segs[k + 1].j, 'ORG', `${actor.name} ${titleText(next.phrase)}`, mod ? modifiedCode(mod, code, next) : compose(code, next), null, 'agent');
      return this.coordinatedAgent(k + 1, code, actor.name);
    }
    if (code && code.length === 3 && this.modifiedAgent(k, code, actor.name)) return;
    if (next && code && code.length === 3 && isTitle(next)) {
      this.consumed[k + 1] = 1;
      return this.title(k + 1, k, { iso3: code, name: actor.name });
    }
    this.emit(s.i, s.j, actor.kind, actor.name, code, actor.kind === 'PLACE' ? code : null, 'dictionary');
  }

  private country(k: number, country: CountryRecord, form: CountryForm): void {
    const s = this.segs[k];
    // A former capital name after it went out of use is no longer that country ("Salisbury", 2018).
    const until = s.target?.t === 'country' ? s.target.until : undefined;
    if (until && this.date > until) return;
    // "Al-Sabah", "bin Laden": a place name after a name particle is part of a person's name.
    if (s.i > 0 && !this.words[s.i].boundary && NAME_PARTICLES.has(this.words[s.i - 1].key)) return;
    const next = this.adjacentAgent(k);
    if (next && !(form === 'city' && isTitle(next))) {
      this.consumed[k + 1] = 1;
      if (isTitle(next)) {
        // "Washington's Syria envoy": the envoy is Washington's, the country names the portfolio.
        const owner = this.possessor(k) ?? country;
        return this.title(k + 1, k, { iso3: owner.iso3, name: adjective(owner) });
      }
      // "Kurdish Syrian forces", "former Syrian officials": a modifier before the country.
      const mod = this.modifierAt(k - 1, k);
      const code = mod ? modifiedCode(mod, country.iso3, next) : compose(country.iso3, next);
      this.emit(mod ? this.segs[k - 1].i : s.i, this.segs[k + 1].j, 'ORG', `${adjective(country)} ${titleText(next.phrase)}`, code, null, 'agent');
      return this.coordinatedAgent(k + 1, country.iso3, adjective(country));
    }
    if (form !== 'city' && this.modifiedAgent(k, country.iso3, adjective(country))) return;
    // "Turkish-backed rebels", "Iranian-funded militias": the backer is no participant and the
    // group is not its (the group is coded from where it is).
    if (BACKED.test(this.article.text.slice(this.words[s.j - 1].end, this.words[s.j - 1].end + 14))) return;
    if (this.ledAgent(k, country)) return;
    const before = s.i > 0 && !this.words[s.i].boundary ? this.words[s.i - 1].key : '';
    const after = this.words[s.j];
    if (form === 'city') return this.emit(s.i, s.j, 'PLACE', titleCaseName(this.words, s), null, country.iso3, 'country');
    if (form === 'adj') return this.emit(s.i, s.j, 'PLACE', country.name, country.iso3 + this.adjectiveSector(s), country.iso3, 'country');
    if (form === 'plural') {
      // "the Turks" act as their state; "millions of Syrians" are people.
      const code = before === 'THE' ? country.iso3 + 'GOV' : country.iso3;
      return this.emit(s.i, s.j, 'ORG', country.name, code, country.iso3, 'country');
    }
    // Part of a longer proper name ("the Minsk Agreements", "Washington Post"): a place, not an actor.
    // (In text all in capitals every word is capitalised: that says nothing of a longer name.)
    const inName = after && !after.boundary && after.cap && !after.sentenceStart && !this.words[s.j - 1].possessive &&
      this.segs[k + 1]?.target == null && !this.shouting;
    const locative = LOCATIVE.has(before) && !this.words[s.j - 1].possessive;
    const code = inName ? null : locative ? country.iso3 : country.iso3 + 'GOV';
    this.emit(s.i, s.j, 'PLACE', country.name, code, country.iso3, 'country');
  }

  /** "the US-led coalition", "Saudi-led forces": the group is the leader's (USAMIL). */
  private ledAgent(k: number, country: CountryRecord): boolean {
    const s = this.segs[k];
    const end = this.words[s.j - 1].end;
    for (let q = k + 1; q <= k + 3 && q < this.segs.length; q++) {
      const t = this.segs[q];
      const w = this.words[t.i];
      if (w.sentence !== this.words[s.i].sentence) return false;
      if (t.target?.t !== 'agent') continue;
      if (this.consumed[q] || !/^[-–]led\s+$/i.test(this.article.text.slice(end, w.start))) return false;
      for (let c = k + 1; c <= q; c++) this.consumed[c] = 1;
      this.emit(s.i, t.j, 'ORG', `${adjective(country)}-led ${titleText(t.target.agent.phrase)}`, compose(country.iso3, t.target.agent), null, 'agent');
      return true;
    }
    return false;
  }

  /**
   * A nationality adjective before a plain noun stands for the state's doing: "Russian airstrikes",
   * "Turkish shelling" are its armed forces' (MIL), "Iranian oil exports", "the Turkish state" its
   * government's (GOV). Before nothing, a name or another adjective it is the country alone ("").
   */
  private adjectiveSector(s: Segment): string {
    const next = this.words[s.j];
    if (!next || next.boundary || next.cap || next.sentence !== this.words[s.i].sentence) return '';
    // ("shelling", "bombing" are often tagged as verbs)
    if (next.pos !== 'NOUN' && !MILITARY_NOUNS.has(next.key)) return '';
    const last = this.words[s.j + 1];
    const two = last && !last.boundary && last.pos === 'NOUN' && last.sentence === next.sentence ? `${next.key} ${last.key}` : '';
    return MILITARY_NOUNS.has(next.key) || MILITARY_NOUNS.has(two) || (two !== '' && MILITARY_NOUNS.has(last!.key)) ? 'MIL' : 'GOV';
  }

  /** "Danish media and government": a second group noun joined by "and" shares the country. */
  private coordinatedAgent(q: number, root: string, owner: string): void {
    const and = this.segs[q + 1];
    const second = this.segs[q + 2];
    if (!and || and.target || this.words[and.i].key !== 'AND' || this.words[and.i].boundary) return;
    if (!second || second.target?.t !== 'agent' || this.consumed[q + 2] || isTitle(second.target.agent)) return;
    if (this.words[second.i].sentence !== this.words[and.i].sentence) return;
    this.consumed[q + 2] = 1;
    this.emit(second.i, second.j, 'ORG', `${owner} ${titleText(second.target.agent.phrase)}`, compose(root, second.target.agent), null, 'agent');
  }

  /**
   * A group noun before its country, as PETRARCH reads them: "MSF Arnor" (prefix agents),
   * "soldiers from Gondor", "the ambassadors of Arnor". Returns true when it emitted the pair.
   */
  private agentBeforeCountry(k: number, agent: AgentRecord): boolean {
    if (isTitle(agent)) return false;
    let q = k + 1;
    const link = this.segs[q];
    if (!agent.prefix && link && !link.target && AGENT_LINKS.has(this.words[link.i].key)) q++;
    else if (!agent.prefix) return false;
    const s = this.segs[q];
    if (!s || this.consumed[q] || this.words[s.i].sentence !== this.words[this.segs[k].i].sentence) return false;
    if (this.words[s.i].boundary && !this.words[s.i - 1].possessive) return false;
    const root =
      s.target?.t === 'country' && s.target.form !== 'city' && s.target.form !== 'adj' ? s.target.country.iso3
      : s.target?.t === 'actor' && s.target.actor.kind !== 'PERSON' ? codeAt(s.target.actor, this.date) : null;
    if (!root || root.length !== 3) return false;
    this.consumed[q] = 1;
    const name = s.target?.t === 'country' ? s.target.country.name : (s.target as { actor: ActorRecord }).actor.name;
    this.emit(this.segs[k].i, s.j, 'ORG', `${name} ${titleText(agent.phrase)}`, compose(root, agent), null, 'agent');
    return true;
  }

  /** Segment q is an unmatched capitalised word joined to the word at segment `join` (no punctuation). */
  private plainCapital(q: number, join: number): boolean {
    const s = this.segs[q];
    if (!s || s.target || join >= this.segs.length) return false;
    const w = this.words[s.i];
    const joined = this.words[this.segs[join].i];
    return w.cap && !joined.boundary && !HONORIFICS.has(w.key) && !(q < join && w.sentenceStart && isCommonWord(w.text));
  }

  /**
   * "Syrian Kurdish forces", "Arnor former security officials": country, modifier, group noun.
   * Emits the three as one group and returns true.
   */
  private modifiedAgent(k: number, root: string, owner: string): boolean {
    const mod = this.modifierAt(k + 1, k + 1);
    const agent = mod ? this.adjacentAgent(k + 1) : null;
    if (!mod || !agent || isTitle(agent)) return false;
    this.consumed[k + 1] = this.consumed[k + 2] = 1;
    const name = `${owner} ${this.words[this.segs[k + 1].i].text} ${titleText(agent.phrase)}`;
    this.emit(this.segs[k].i, this.segs[k + 2].j, 'ORG', name, modifiedCode(mod, root, agent), null, 'agent');
    return true;
  }

  /** A modifier word at segment q (joined to `join`) that changes who a group is. */
  private modifierAt(q: number, join: number): Modifier | null {
    const s = this.segs[q];
    if (!s || s.target || this.consumed[q] || join >= this.segs.length || this.words[this.segs[join].i].boundary) return null;
    if (FORMER_WORDS.has(this.words[s.i].key)) return 'former';
    return this.groupModifier(q, join) ? 'group' : null;
  }

  /**
   * Segment q is a plain capitalised group adjective ("Kurdish", "Pashtun", "Shiite") joined to
   * segment `join`: not a country (those are dictionary matches), so an ethnic or sectarian group.
   */
  private groupModifier(q: number, join: number): boolean {
    if (!this.plainCapital(q, join)) return false;
    const w = this.words[this.segs[q].i];
    return (GROUP_ADJECTIVE.test(w.text) || SECTS.has(w.key)) && !NOT_GROUPS.has(w.key);
  }

  /** Segment k directly follows a courtesy title ("Mr" in "Mr Putin"). */
  private honorific(k: number): boolean {
    const prev = this.segs[k - 1];
    return !!prev && !prev.target && HONORIFICS.has(this.words[prev.i].key) && !this.words[this.segs[k].i].boundary && !this.consumed[k - 1];
  }

  /** The country in a possessive right before segment k ("Washington's" in "Washington's Syria envoy"). */
  private possessor(k: number): CountryRecord | null {
    const prev = this.segs[k - 1];
    if (!prev || prev.target?.t !== 'country' || !this.words[prev.j - 1].possessive) return null;
    if (this.words[prev.j - 1].sentence !== this.words[this.segs[k].i].sentence) return null;
    this.consumed[k - 1] = 1;
    return prev.target.country;
  }

  /**
   * The end (word index) of a noun right after segment k that names members of a group: an armed
   * or security agent ("fighters", "militants", "gunmen") or a member or rank ("members",
   * "commander", "leader"); 0 when there is none.
   */
  private memberNoun(k: number, armed: boolean): number {
    const next = this.segs[k + 1];
    if (!next || this.consumed[k + 1]) return 0;
    const w = this.words[next.i];
    if ((w.boundary && !this.words[next.i - 1].possessive) || w.sentence !== this.words[this.segs[k].i].sentence) return 0;
    const last = this.words[next.j - 1].key;
    if (next.target?.t === 'agent') return (armed && MEMBER_SECTORS.test(next.target.agent.code)) || MEMBER_HEADS.has(last) ? next.j : 0;
    return !next.target && !w.cap && MEMBER_HEADS.has(last) ? next.j : 0;
  }

  /** The agent directly after segment k (possessive allowed: "Russia's Foreign Ministry"). */
  private adjacentAgent(k: number): AgentRecord | null {
    const next = this.segs[k + 1];
    if (!next || next.target?.t !== 'agent' || this.consumed[k + 1]) return null;
    const w = this.words[next.i];
    if (w.boundary && !this.words[next.i - 1].possessive) return null;
    if (w.sentence !== this.words[this.segs[k].i].sentence) return null;
    return next.target.agent;
  }

  /**
   * A title at segment tk, optionally preceded by a country (segment ck): a named person follows
   * ("Foreign Minister Ivan Petrov"), or it is a description of someone ("the Russian FM").
   */
  private title(tk: number, ck: number, country: { iso3: string; name: string } | null): void {
    const agent = (this.segs[tk].target as { agent: AgentRecord }).agent;
    if (!country && !agent.country && !isCounterpart(agent)) country = this.possessiveOwner(tk);
    const iso3 = country?.iso3 ?? agent.country ?? null;
    const firstWord = this.segs[ck].i;
    const after = this.segs[tk].j;
    const named = this.sameCountryName(tk, iso3, agent);
    // The title belongs to the name after it: "President" in "President Trump" is nobody else.
    if (named) {
      this.consumed[tk] = 1;
      return this.emitPerson(this.segs[tk + 1].i, this.segs[tk + 1].j, named, 'title');
    }
    // An unknown name right after the title: 1-3 capitalised plain words.
    let n = 0;
    while (n < 3 && tk + 1 + n < this.segs.length) {
      const s = this.segs[tk + 1 + n];
      const w = this.words[s.i];
      if (s.target || !w.cap || w.boundary || w.sentence !== this.words[after - 1].sentence) break;
      n++;
    }
    if (n > 0 && !isCounterpart(agent)) {
      const from = this.segs[tk + 1].i;
      const to = this.segs[tk + n].j;
      const name = this.words.slice(from, to).map((w) => w.text).join(' ');
      for (let q = 0; q <= n; q++) this.consumed[tk + q] = 1;
      const last = this.words[to - 1].key;
      // A famous surname after a title is that person even when it is a common word ("President
      // Trump"), if the title's country, when it names one, is theirs.
      const known = this.surnames.get(last) ?? this.famousInCountry(last, iso3);
      const p = known ?? personNotInDictionary(name, iso3 ? compose(iso3, agent) : null, iso3, agent.office);
      this.addSurname(p);
      return this.emitPerson(from, to, p, 'title');
    }
    const det = firstWord > 0 ? this.words[firstWord - 1].key : '';
    if (!DETERMINERS.has(det) && !isCounterpart(agent) && !country) return;
    const p = this.describe(agent, iso3, country?.name ?? null);
    if (p) this.emitPerson(firstWord, after, p, 'title');
  }

  /**
   * "Dagolath's first Deputy Prime Minister", "Ithilen's awful and evil minister": the country in a
   * possessive a few lower-case modifiers before the title owns it.
   */
  private possessiveOwner(tk: number): { iso3: string; name: string } | null {
    for (let q = tk - 1, steps = 0; q >= 0 && steps <= 4; q--, steps++) {
      const s = this.segs[q];
      const w = this.words[s.i];
      if (this.words[this.segs[q + 1].i].boundary && !this.words[s.j - 1].possessive) return null;
      if (!s.target) {
        if (w.cap && !isCommonWord(w.text)) return null; // a name, not a modifier ("First" is fine)
        continue;
      }
      if (!this.words[s.j - 1].possessive || w.sentence !== this.words[this.segs[tk].i].sentence) return null;
      if (s.target.t === 'country' && s.target.form !== 'city') return { iso3: s.target.country.iso3, name: adjective(s.target.country) };
      const code = s.target.t === 'actor' && s.target.actor.kind !== 'PERSON' ? codeAt(s.target.actor, this.date) : null;
      return code && code.length === 3 ? { iso3: code, name: (s.target as { actor: ActorRecord }).actor.name } : null;
    }
    return null;
  }

  /**
   * "Bree Prime Minister Romendacil": PETRARCH dictionaries list some people under their country's
   * bare code, so a dictionary name right after a title, coded with the title's country, is the
   * title holder (country + title code), not a second mention of the country.
   */
  private sameCountryName(tk: number, iso3: string | null, agent: AgentRecord): PersonRef | null {
    const s = this.segs[tk + 1];
    if (!iso3 || !s || s.target?.t !== 'actor' || s.target.actor.kind === 'PERSON' || this.consumed[tk + 1]) return null;
    const w = this.words[s.i];
    if (w.boundary || w.sentence !== this.words[this.segs[tk].i].sentence) return null;
    const code = codeAt(s.target.actor, this.date);
    if (!code || code.slice(0, 3) !== iso3 || isCounterpart(agent)) return null;
    this.consumed[tk + 1] = 1;
    return personNotInDictionary(s.target.actor.name, code.length > 3 ? code : compose(iso3, agent), iso3, agent.office);
  }

  /** Who "the US Secretary of State" / "the Russian Minister" / "his Russian counterpart" is. */
  private describe(agent: AgentRecord, iso3: string | null, adj: string | null): PersonRef | null {
    if (isCounterpart(agent)) {
      const prev = this.lastPerson((p) => p.country !== iso3);
      const office = prev?.actor ? officeOf(this.dict, prev.actor, this.date) : null;
      const holder = office && iso3 ? officeHolder(this.dict, iso3, office.office, this.date) : null;
      if (holder) return this.personRef(holder);
    } else if (agent.office && iso3) {
      const holder = officeHolder(this.dict, iso3, agent.office, this.date);
      if (holder) return this.personRef(holder);
    }
    if (iso3) {
      // "the Russian Minister" is the Russian minister just named; "a US official" is nobody in particular.
      const head = agent.phrase.split(' ').pop()!;
      const code = compose(iso3, agent);
      // A title naming an office ("prime minister") only refers back to someone known to hold it.
      const fits = (p: PersonRef): boolean => p.code === code && (!agent.office || p.office === agent.office);
      const recent = SINGULAR_ROLES.has(head) ? this.lastPerson(fits) : undefined;
      if (recent) return recent;
      return personNotInDictionary(`${adj ?? iso3} ${titleText(agent.phrase)}`.trim(), compose(iso3, agent), iso3);
    }
    return null;
  }

  /** "Lavrov" after "Sergey Lavrov", "Sergei Lavrov" for "Sergey Lavrov", "Lovrov", "the latter". */
  private plainWord(k: number): void {
    const s = this.segs[k];
    const w = this.words[s.i];
    if ((w.key === 'LATTER' || w.key === 'FORMER') && s.i > 0 && this.words[s.i - 1].key === 'THE' && this.standsAlone(s.i)) {
      const distinct = [...new Map(this.history.map((p) => [p.name, p])).values()];
      const p = w.key === 'LATTER' ? distinct[distinct.length - 1] : distinct[distinct.length - 2];
      if (p) this.emitPerson(s.i - 1, s.j, p, 'coreference');
      return;
    }
    if (HONORIFICS.has(w.key)) return this.courtesyName(k);
    if (!w.cap || w.key.length < 3) return;
    const next = this.segs[k + 1];
    const nw = next && !next.target ? this.words[next.i] : null;
    if (nw && nw.cap && !nw.boundary) {
      const p = this.variant(w, nw);
      if (p) {
        this.consumed[k + 1] = 1;
        return this.emitPerson(s.i, next.j, p);
      }
    }
    if (this.agedName(k)) return;
    // A surname alone must stand alone: "Christopher" in "Maj Gen Christopher Ghika" is a first name.
    if (this.insideName(k)) return;
    const p = this.surnameOf(w);
    if (p) this.emitPerson(s.i, s.j, p, 'coreference');
  }

  /**
   * "said Jumah Hamdi Hamdan, 53,": two or three unknown capitalised words followed by an age are a
   * person (code unknown), so that a following "he" does not fall back on someone named earlier.
   */
  private agedName(k: number): boolean {
    // ("on Thursday Shamima Begum, 19,": a day or month name before the name is not part of it)
    if (CALENDAR.test(this.words[this.segs[k].i].text)) return false;
    if (this.plainCapital(k - 1, k) && !CALENDAR.test(this.words[this.segs[k - 1].i].text)) return false; // not the first word
    let n = 1;
    while (n < 3 && this.plainCapital(k + n, k + n) && !this.consumed[k + n]) n++;
    const age = this.segs[k + n];
    if (n < 2 || !age || age.target) return false;
    const w = this.words[age.i];
    const last = this.words[this.segs[k + n - 1].j - 1];
    if (!AGE.test(w.text) || !w.boundary || w.sentence !== last.sentence || !/^\s*,\s*$/.test(this.article.text.slice(last.end, w.start))) return false;
    const from = this.segs[k].i;
    const p = personNotInDictionary(this.words.slice(from, this.segs[k + n - 1].j).map((x) => x.text).join(' '), null, null);
    for (let q = 1; q < n; q++) this.consumed[k + q] = 1;
    if (!this.surnames.has(last.key)) this.surnames.set(last.key, p);
    this.emitPerson(from, this.segs[k + n - 1].j, p);
    return true;
  }

  /** Segment k sits next to an unknown capitalised word that is no ordinary English word. */
  private insideName(k: number): boolean {
    const nameWord = (q: number, join: number): boolean => this.plainCapital(q, join) && !isCommonWord(this.words[this.segs[q].i].text);
    return nameWord(k - 1, k) || nameWord(k + 1, k + 1);
  }

  /**
   * "Mr Putin", "Mrs May", "Ms Jane Smith": 1-3 capitalised words after a courtesy title are a
   * person. A known surname resolves even when it is a common word ("May"); an unknown one is still
   * a person (code unknown), so that a following "he" or "she" has someone to refer to.
   */
  private courtesyName(k: number): void {
    let n = 0;
    while (n < 3 && this.segs[k + 1 + n]) {
      const s = this.segs[k + 1 + n];
      const w = this.words[s.i];
      if (s.target || this.consumed[k + 1 + n] || !w.cap || w.boundary || w.sentenceStart) break;
      n++;
    }
    if (n === 0) return;
    const from = this.segs[k + 1].i;
    const to = this.segs[k + n].j;
    const last = this.words[to - 1];
    // "Ms Yulia Skripal" after "Sergei Skripal": a different first name is a different person.
    const given = n >= 2 ? this.words[from].key : null;
    const same = (p: PersonRef | null): PersonRef | null => {
      const first = p ? wordKey(p.name.split(/\s+/)[0]) : '';
      return p && (!given || first === given || editDistance(first, given, 2) <= 2) ? p : null;
    };
    const p = same(this.surnames.get(last.key) ?? null) ?? same(this.famousByKey(last.key)) ?? same(this.knownTypo(last)) ??
      personNotInDictionary(this.words.slice(from, to).map((w) => w.text).join(' '), null, null);
    for (let q = 1; q <= n; q++) this.consumed[k + q] = 1;
    if (!this.surnames.has(last.key)) this.surnames.set(last.key, p);
    this.emitPerson(this.segs[k].i, to, p, 'coreference');
  }

  private famousInCountry(key: string, iso3: string | null): PersonRef | null {
    const a = famousSurnames(this.dict).get(key);
    if (!a || (iso3 && !(a.roles ?? []).some((r) => r[0].startsWith(iso3)))) return null;
    return this.personRef(a);
  }

  private famousByKey(key: string): PersonRef | null {
    const a = famousSurnames(this.dict).get(key);
    return a ? this.personRef(a) : null;
  }

  /** A one-letter misspelling of a surname already named in the article. */
  private knownTypo(w: Word): PersonRef | null {
    if (w.key.length < 5) return null;
    return this.typoOfNamed(w.key);
  }

  /** The person named in the article whose surname is one edit from `key`, keeping the first letter. */
  private typoOfNamed(key: string): PersonRef | null {
    const initial = key.charCodeAt(0);
    for (const [surname, p] of this.surnames) if (surname.charCodeAt(0) === initial && withinOneEdit(surname, key)) return p;
    return null;
  }

  /** The office holder whose surname is one edit from `key`, keeping the first letter. */
  private typoOfFamous(key: string): ActorRecord | null {
    for (const [surname, a] of famousWithInitial(this.dict, key)) if (withinOneEdit(surname, key)) return a;
    return null;
  }

  /** The most recently mentioned person satisfying `ok`. */
  private lastPerson(ok: (p: PersonRef) => boolean): PersonRef | undefined {
    for (let q = this.history.length - 1; q >= 0; q--) if (ok(this.history[q])) return this.history[q];
    return undefined;
  }

  /** "the latter" / "the latter's" as a noun phrase of its own, not "the former Soviet Union". */
  private standsAlone(i: number): boolean {
    const next = this.words[i + 1];
    if (this.words[i].possessive || !next || next.boundary || next.sentence !== this.words[i].sentence) return true;
    // wink tags "spoke" in "the latter spoke" as a noun, so only names, titles and modifiers count.
    const seg = this.segs.find((x) => x.i === i + 1);
    return !(next.cap || seg?.target?.t === 'agent' || NOMINAL.has(next.pos));
  }

  /** "Sergei Lavrov": a known surname with a first name close to the dictionary's. */
  private variant(first: Word, last: Word): PersonRef | null {
    const known = this.surnames.get(last.key);
    const candidates = this.dict.surnames.get(last.key) ?? [];
    for (const { actor: a, given } of candidates) {
      if (given === first.key || editDistance(given, first.key, 2) <= 2 || (given.length >= 4 && first.key.startsWith(given.slice(0, 4)))) {
        if (known && known.actor === a) return known;
        return this.personRef(a);
      }
    }
    return null;
  }

  private surnameOf(w: Word): PersonRef | null {
    const exact = this.surnames.get(w.key);
    if (exact) return exact;
    if (w.key.length < 4) return null;
    const famous = famousSurnames(this.dict).get(w.key);
    if (isCommonWord(w.text)) return famous && this.officeHolderByName(w, famous) ? this.personRef(famous) : null;
    if (w.key.length < 5) return null;
    if (famous) return this.personRef(famous);
    // A misspelt surname (one edit) of someone in this article, else of someone famous. A word that
    // is itself part of some known name ("Osama", one edit from "Obama") is never a typo.
    if (this.dict.actorWords.has(w.key)) return null;
    // Typos keep the first letter (Lovrov/Lavrov); requiring it keeps this search cheap and safe.
    const named = this.typoOfNamed(w.key);
    if (named) return named;
    if (w.key.length < 6) return null;
    const typo = this.typoOfFamous(w.key);
    return typo ? this.personRef(typo) : null;
  }

  /**
   * A surname that is also an English word ("Trump", "Rice", "Bush") names the famous office holder
   * only while that person is in office, and only where the capital is the writer's, not the
   * sentence's: inside a sentence, or first in it when tagged as a name. Month names never are.
   */
  private officeHolderByName(w: Word, famous: ActorRecord): boolean {
    if (CALENDAR.test(w.text) || !inOfficeAt(famous, this.date)) return false;
    return !w.sentenceStart || w.pos === 'PROPN';
  }

  /** Mark the title chain before a named person as part of that mention ("US Secretary of State"). */
  private consumeTitleChain(k: number): void {
    let first = k;
    for (let q = k - 1; q >= 0; q--) {
      const s = this.segs[q];
      const nextWord = this.words[this.segs[q + 1].i];
      if (nextWord.boundary && !this.words[s.j - 1].possessive) break;
      const t = s.target;
      if (t?.t === 'agent' || (t?.t === 'country' && t.form !== 'city')) first = q;
      else if (t || !(CHAIN_LINKS.has(this.words[s.i].key) || this.words[s.i].cap)) break;
    }
    for (let q = first; q < k; q++) this.consumed[q] = 1;
  }
}

type Modifier = 'group' | 'former';
const FORMER_WORDS = new Set(['FORMER', 'EX']);

/**
 * Armed or ruling group nouns of a group inside a country are rebels (Phoenix codes Kurdish
 * militias XXXREB); former officials and officers are the country's elite (PETRARCH's XXXELI).
 */
function modifiedCode(mod: Modifier, iso3: string, agent: AgentRecord): string {
  if (agent.prefix || !/^(MIL|GOV|SPY|COP|JUD)/.test(agent.code)) return compose(iso3, agent);
  if (mod === 'former') return iso3 + 'ELI';
  return /^(MIL|GOV)/.test(agent.code) ? iso3 + 'REB' : compose(iso3, agent);
}

function titleCaseName(words: Word[], s: Segment): string {
  return words.slice(s.i, s.j).map((w) => w.text).join(' ');
}
