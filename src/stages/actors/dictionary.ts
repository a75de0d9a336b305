// Compiles an ActorData into lookup tables (a word trie over every alias, see trie.ts), and loads
// the default dictionary from data/actors.json once per process.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorData, ActorRecord, AgentRecord, CountryRecord, OfficeRecord } from './types.js';
import { parsePetrarch } from './petrarch.js';
import { ROOT, WordTrie } from './trie.js';

export type CountryForm = 'name' | 'capital' | 'adj' | 'plural' | 'city';

export type Target =
  | { t: 'actor'; actor: ActorRecord; weak: boolean }
  | { t: 'country'; country: CountryRecord; form: CountryForm; until?: string }
  | { t: 'agent'; agent: AgentRecord };

// Every target is built with every field, in one order, so that all of them share one hidden class:
// the recogniser reads `target.t` on every segment, and a single shape keeps those reads
// monomorphic instead of deoptimising whenever a kind of target shows up for the first time.
const actorTarget = (actor: ActorRecord, weak: boolean): Target =>
  ({ t: 'actor', actor, weak, country: undefined, form: undefined, until: undefined, agent: undefined }) as Target;
const countryTarget = (country: CountryRecord, form: CountryForm, until?: string): Target =>
  ({ t: 'country', actor: undefined, weak: undefined, country, form, until, agent: undefined }) as Target;
const agentTarget = (agent: AgentRecord): Target =>
  ({ t: 'agent', actor: undefined, weak: undefined, country: undefined, form: undefined, until: undefined, agent }) as Target;

export interface HeldOffice {
  office: OfficeRecord;
  from: string;
  to: string | null;
}

export interface NamedPerson {
  actor: ActorRecord;
  /** The name's first word, upper-cased ("SERGEY" for Sergey Lavrov). */
  given: string;
}

export interface ActorDictionary {
  data: ActorData;
  /** Every alias as a word sequence; a node's targets are what a match ending there denotes. */
  trie: WordTrie<Target>;
  /** Surname key -> people with that surname (first-name variants). */
  surnames: Map<string, NamedPerson[]>;
  /** Every word of every actor name and alias (stem marks removed). */
  actorWords: Set<string>;
  /** Canonical name -> actor. */
  byName: Map<string, ActorRecord>;
  /** "USA FM" -> holders. */
  offices: Map<string, OfficeRecord>;
  /** Holder name -> the offices they held and when, in office-table order. */
  officesHeld: Map<string, HeldOffice[]>;
  /** People in the office tables: famous enough for typo matching without a prior mention. */
  famous: Set<ActorRecord>;
  countryByIso: Map<string, CountryRecord>;
  /**
   * A closed-world dictionary (PETRARCH's validation suites, a user's own PETRARCH files) codes
   * exactly what it names: no generic agents with a country from the context, no pronouns.
   */
  closedWorld: boolean;
}

/** Word key used on both sides of the match: upper case, no periods, straight apostrophes. */
export function wordKey(word: string): string {
  // Diacritics fold away so that "Erdoğan" matches "ERDOGAN" (only non-ASCII words pay for it).
  const upper = NON_ASCII.test(word) ? word.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase() : word.toUpperCase();
  return NEEDS_CLEANING.test(upper) ? upper.replace(/[’`]/g, "'").replace(/\./g, '') : upper;
}

const NEEDS_CLEANING = /[’`.]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Split an alias into word keys ("U.S. Secretary-General" -> ["US", "SECRETARY", "GENERAL"]). */
export function aliasKeys(alias: string): string[] {
  // Most aliases are ASCII words and single spaces, with nothing to fold, clean or strip.
  if (PLAIN_ALIAS.test(alias)) return alias.toUpperCase().split(' ');
  return alias
    .split(/[\s_\-–]+/)
    .map((w) => wordKey(w).replace(/'S$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*']+$/gu, ''))
    .filter((w) => w !== '' && w !== '*');
}

const PLAIN_ALIAS = /^[A-Za-z0-9]+( [A-Za-z0-9]+)*$/;

/** Shortest stem (letters) that may match longer words. */
const MIN_STEM = 4;

function insert(trie: WordTrie<Target>, keys: string[], target: Target): void {
  if (keys.length === 0) return;
  let node = ROOT;
  for (const k of keys) {
    // A stem of two or three letters ("THE_AU", "THE_KU") would swallow "The Australian" or "The
    // Kuwait": such short stems match only the word itself.
    const stem = k.endsWith('*') && k.length > MIN_STEM;
    const word = k.endsWith('*') ? k.slice(0, -1) : k;
    if (!word) return;
    node = stem ? trie.stemEdge(node, word) : trie.exactEdge(node, word);
  }
  trie.addTarget(node, target);
}

/** name.toUpperCase().split(/\s+/)[0] without the split. */
function firstWordUpper(name: string): string {
  const upper = name.toUpperCase();
  const space = upper.search(/\s/);
  return space < 0 ? upper : upper.slice(0, space);
}

/** Names wink's lexicon happens to list, so the build marked them weak, though no English word
 *  is spelt so: they resolve on their own. */
const NAMES_NOT_WORDS = new Set(['HEZBOLLAH', 'HIZBOLLAH', 'HIZBULLAH', 'TALEBAN', 'PESHMERGA', 'INTERAHAMWE']);

/** The actor's weak aliases, upper-cased; null when it has none (most actors). */
function weakAliases(actor: ActorRecord): Set<string> | null {
  if (!actor.weak?.length) return null;
  return new Set(actor.weak.map((w) => w.toUpperCase()).filter((w) => !NAMES_NOT_WORDS.has(w)));
}

// JSON.parse gives records one hidden class per combination of optional fields present (nine for
// the actors of data/actors.json), and the recogniser reads them on every match: code reading such
// a record goes megamorphic, and is deoptimised whenever it meets a class for the first time. So the
// dictionary keeps copies with every field, in one order (absent ones undefined, which every reader
// treats as absent).
const actorShape = (a: ActorRecord): ActorRecord =>
  ({ name: a.name, kind: a.kind, aliases: a.aliases, code: a.code, roles: a.roles, weak: a.weak, famous: a.famous });
const countryShape = (c: CountryRecord): CountryRecord => ({
  iso3: c.iso3, name: c.name, names: c.names, adjectives: c.adjectives, plurals: c.plurals, capitals: c.capitals,
  cities: c.cities, former: c.former,
});
const agentShape = (a: AgentRecord): AgentRecord =>
  ({ phrase: a.phrase, code: a.code, prefix: a.prefix, office: a.office, country: a.country });

function uniformShapes(data: ActorData): ActorData {
  return {
    version: data.version,
    countries: data.countries.map(countryShape),
    actors: data.actors.map(actorShape),
    agents: data.agents.map(agentShape),
    offices: data.offices,
  };
}

export function compileDictionary(source: ActorData): ActorDictionary {
  const data = uniformShapes(source);
  // An alias adds one or two edges (fewer where aliases share a beginning): sized for one each,
  // the edge table grows at most once or twice while it is built instead of a dozen times.
  const trie = new WordTrie<Target>(aliasCount(data));
  const { surnames, actorWords, byName } = addActors(trie, data.actors);
  for (const country of data.countries) addCountry(trie, country);
  for (const agent of data.agents) insert(trie, aliasKeys(agent.phrase), agentTarget(agent));
  const offices = new Map<string, OfficeRecord>();
  const officesHeld = new Map<string, HeldOffice[]>();
  for (const o of data.offices) {
    offices.set(`${o.country} ${o.office}`, o);
    for (const [name, from, to] of o.holders) {
      const list = officesHeld.get(name);
      if (list) list.push({ office: o, from, to });
      else officesHeld.set(name, [{ office: o, from, to }]);
    }
  }
  const famous = new Set<ActorRecord>();
  for (const a of data.actors) if (a.famous) famous.add(a);
  const countryByIso = new Map(data.countries.map((c) => [c.iso3, c]));
  return { data, trie, surnames, actorWords, byName, offices, officesHeld, famous, countryByIso, closedWorld: false };
}

function aliasCount(data: ActorData): number {
  let n = data.agents.length;
  for (const a of data.actors) n += 1 + a.aliases.length;
  for (const c of data.countries) {
    n += c.names.length + c.capitals.length + c.adjectives.length + c.plurals.length + c.cities.length + (c.former?.length ?? 0);
  }
  return n;
}

/** Every name and alias of every actor into the trie, and the per-actor tables. */
function addActors(trie: WordTrie<Target>, actors: ActorRecord[]): Pick<ActorDictionary, 'surnames' | 'actorWords' | 'byName'> {
  const surnames = new Map<string, NamedPerson[]>();
  const actorWords = new Set<string>();
  const byName = new Map<string, ActorRecord>();
  for (const actor of actors) {
    const targets = new ActorTargets(actor);
    const nameKeys = aliasKeys(actor.name);
    addActorAlias(trie, actorWords, nameKeys, targets.of(actor.name));
    for (const alias of actor.aliases) addActorAlias(trie, actorWords, aliasKeys(alias), targets.of(alias));
    byName.set(actor.name, actor);
    if (actor.kind === 'PERSON' && nameKeys.length >= 2) {
      const surname = nameKeys[nameKeys.length - 1];
      const person = { actor, given: firstWordUpper(actor.name) };
      const list = surnames.get(surname);
      if (list) list.push(person);
      else surnames.set(surname, [person]);
    }
  }
  return { surnames, actorWords, byName };
}

function addActorAlias(trie: WordTrie<Target>, actorWords: Set<string>, keys: string[], target: Target): void {
  for (const key of keys) actorWords.add(key.endsWith('*') ? key.slice(0, -1) : key);
  insert(trie, keys, target);
}

/** An actor's targets: one says no more than actor and weakness, so its aliases share two. */
class ActorTargets {
  private readonly weak: Set<string> | null;
  private readonly strong: Target;
  private weakTarget: Target | null = null;

  constructor(private readonly actor: ActorRecord) {
    this.weak = weakAliases(actor);
    this.strong = actorTarget(actor, false);
  }

  of(alias: string): Target {
    if (!this.weak?.has(alias.toUpperCase())) return this.strong;
    return (this.weakTarget ??= actorTarget(this.actor, true));
  }
}

function addCountry(trie: WordTrie<Target>, country: CountryRecord): void {
  const forms: [CountryForm, string[]][] = [
    ['name', country.names], ['capital', country.capitals], ['adj', country.adjectives],
    ['plural', country.plurals], ['city', country.cities],
  ];
  for (const [form, list] of forms) {
    const target = countryTarget(country, form);
    for (const alias of list) insert(trie, aliasKeys(alias), target);
  }
  for (const [alias, until] of country.former ?? []) insert(trie, aliasKeys(alias), countryTarget(country, 'capital', until));
}

let defaultDictionary: ActorDictionary | null = null;

/** data/actors.json, compiled once (about 0.2 s of CPU) on first use. */
export function loadDefaultDictionary(): ActorDictionary {
  if (defaultDictionary) return defaultDictionary;
  const file = findDataFile();
  const data = JSON.parse(readFileSync(file, 'utf8')) as ActorData;
  defaultDictionary = compileDictionary(data);
  return defaultDictionary;
}

function findDataFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const f = join(dir, 'data', 'actors.json');
    if (existsSync(f)) return f;
    dir = dirname(dir);
  }
  throw new Error('actor dictionary data/actors.json not found (run scripts/build-actors.ts)');
}

/**
 * A dictionary from PETRARCH/Phoenix-format text files (e.g. PETR.Validate.actors.txt and
 * .agents.txt), for resolveEntities(article, dict). Countries are plain actors there.
 */
export function loadPetrarchActors(actorsText: string, agentsText?: string): ActorDictionary {
  return { ...compileDictionary(parsePetrarch(actorsText, agentsText)), closedWorld: true };
}
