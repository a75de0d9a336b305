// Compiles an ActorData into lookup tables (a word trie over every alias), and loads the default
// dictionary from data/actors.json once per process.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorData, ActorRecord, AgentRecord, CountryRecord, OfficeRecord } from './types.js';
import { parsePetrarch } from './petrarch.js';

export type CountryForm = 'name' | 'capital' | 'adj' | 'plural' | 'city';

export type Target =
  | { t: 'actor'; actor: ActorRecord; weak: boolean }
  | { t: 'country'; country: CountryRecord; form: CountryForm; until?: string }
  | { t: 'agent'; agent: AgentRecord };

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Stem edges (PETRARCH names without a trailing "_"): the text word must start with the key. */
  stems?: [string, TrieNode][];
  targets?: Target[];
}

export interface ActorDictionary {
  data: ActorData;
  root: TrieNode;
  /** Surname key -> people with that surname (first-name variants, typos, surname-only mentions). */
  surnames: Map<string, ActorRecord[]>;
  /** Canonical name -> actor. */
  byName: Map<string, ActorRecord>;
  /** "USA FM" -> holders. */
  offices: Map<string, OfficeRecord>;
  /** People in the office tables: famous enough for typo matching without a prior mention. */
  famous: Set<ActorRecord>;
  countryByIso: Map<string, CountryRecord>;
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
  return alias
    .split(/[\s_\-–]+/)
    .map((w) => wordKey(w).replace(/'S$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*']+$/gu, ''))
    .filter((w) => w !== '' && w !== '*');
}

/** Shortest stem (letters) that may match longer words. */
const MIN_STEM = 4;

function insert(root: TrieNode, alias: string, target: Target): void {
  const keys = aliasKeys(alias);
  if (keys.length === 0) return;
  let node = root;
  for (const k of keys) {
    // A stem of two or three letters ("THE_AU", "THE_KU") would swallow "The Australian" or "The
    // Kuwait": such short stems match only the word itself.
    const stem = k.endsWith('*') && k.length > MIN_STEM;
    const word = k.endsWith('*') ? k.slice(0, -1) : k;
    if (!word) return;
    if (stem) {
      node.stems ??= [];
      let edge = node.stems.find((e) => e[0] === word);
      if (!edge) node.stems.push((edge = [word, { next: new Map() }]));
      node = edge[1];
    } else {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map() }));
      node = child;
    }
  }
  (node.targets ??= []).push(target);
}

/** Names wink's lexicon happens to list, so the build marked them weak, though no English word
 *  is spelt so: they resolve on their own. */
const NAMES_NOT_WORDS = new Set(['HEZBOLLAH', 'HIZBOLLAH', 'HIZBULLAH', 'TALEBAN', 'PESHMERGA', 'INTERAHAMWE']);

export function compileDictionary(data: ActorData): ActorDictionary {
  const root: TrieNode = { next: new Map() };
  const surnames = new Map<string, ActorRecord[]>();
  const byName = new Map<string, ActorRecord>();
  for (const actor of data.actors) {
    const weak = new Set((actor.weak ?? []).map((w) => w.toUpperCase()).filter((w) => !NAMES_NOT_WORDS.has(w)));
    for (const alias of [actor.name, ...actor.aliases]) insert(root, alias, { t: 'actor', actor, weak: weak.has(alias.toUpperCase()) });
    byName.set(actor.name, actor);
    if (actor.kind === 'PERSON') {
      const keys = aliasKeys(actor.name);
      if (keys.length >= 2) {
        const s = keys[keys.length - 1];
        const list = surnames.get(s);
        if (list) list.push(actor);
        else surnames.set(s, [actor]);
      }
    }
  }
  for (const country of data.countries) {
    const forms: [CountryForm, string[]][] = [
      ['name', country.names], ['capital', country.capitals], ['adj', country.adjectives],
      ['plural', country.plurals], ['city', country.cities],
    ];
    for (const [form, list] of forms) for (const alias of list) insert(root, alias, { t: 'country', country, form });
    for (const [alias, until] of country.former ?? []) insert(root, alias, { t: 'country', country, form: 'capital', until });
  }
  for (const agent of data.agents) insert(root, agent.phrase, { t: 'agent', agent });
  const offices = new Map<string, OfficeRecord>();
  const famous = new Set<ActorRecord>();
  for (const o of data.offices) offices.set(`${o.country} ${o.office}`, o);
  for (const a of data.actors) if (a.famous) famous.add(a);
  const countryByIso = new Map(data.countries.map((c) => [c.iso3, c]));
  return { data, root, surnames, byName, offices, famous, countryByIso };
}

let defaultDictionary: ActorDictionary | null = null;

/** data/actors.json, compiled once (about 0.3 s) on first use. */
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
  return compileDictionary(parsePetrarch(actorsText, agentsText));
}
