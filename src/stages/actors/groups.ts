// Generic agents: a noun phrase headed by an agent noun that names no country of its own
// ("Police", "20 protesters", "the ministry", "Kurdish officials", "the two leaders"). This file
// reads the phrase (its words, head, sector, number, determiner); coreference.ts decides its
// country (the context, or what it refers back to).
import type { AgentRecord } from './types.js';
import type { Segment } from './segments.js';
import type { Word } from './words.js';
import { isTitle } from './titles.js';
import { ethnicHomes } from './ethnic-groups.js';

export interface GroupPhrase {
  /** Word range [i, j) of the whole phrase, determiner and modifiers included. */
  i: number;
  j: number;
  /** The head agent (the last agent noun of the phrase). */
  agent: AgentRecord;
  /** Sector code (GOV, COP, REB...), from the head or, for "police officers", from the modifier. */
  sector: string;
  /** Starts with "the", "this", "these"...: may refer back to something named before. */
  definite: boolean;
  /** "its forces", "their leaders": owned by what "its"/"their" refers to. */
  possessor: 'its' | 'their' | null;
  /** Plural or collective ("police", "the government" is not): what "they" may refer to. */
  plural: boolean;
  /** An ethnic or sectarian adjective before it ("Kurdish militias"), or "former". */
  modifier: 'group' | 'former' | null;
  /** The countries of the people an ethnic modifier names ("Kurdish": TUR, IRQ, SYR, IRN), else null. */
  homes: readonly string[] | null;
  /** The country a named modifier before it gives ("Syria's armed opposition", "the Zetas drug gang"). */
  owner: string | null;
  /** One person ("the minister", "a spokesman"), not a body or a group. */
  person: boolean;
  /** "the two sides", "both leaders": two parties named before. */
  pair: boolean;
}

/** Nouns after an agent that keep the agent's sector: "police officers", "army chief", "rebel commander". */
const PERSON_HEADS = new Set([
  'OFFICER', 'OFFICERS', 'OFFICIAL', 'OFFICIALS', 'PERSONNEL', 'CHIEF', 'CHIEFS', 'SPOKESMAN', 'SPOKESWOMAN', 'SPOKESPERSON',
  'COMMANDER', 'COMMANDERS', 'MEMBER', 'MEMBERS', 'LEADER', 'LEADERS', 'TEAM', 'TEAMS', 'UNIT', 'UNITS', 'SOURCE', 'SOURCES',
  'JAWANS', 'JAWAN', 'MEN', 'CADRES', 'CADRE', 'SQUAD', 'PATROL', 'PATROLS', 'CONTINGENT', 'DELEGATION', 'REPRESENTATIVES',
  // "police commandos", "police battalion": the body's own units and ranks
  'COMMANDO', 'COMMANDOS', 'BATTALION', 'BATTALIONS', 'COMPANY', 'PLATOON',
]);
const DEFINITE = new Set(['THE', 'THIS', 'THAT', 'THESE', 'THOSE']);
const POSSESSORS: Record<string, 'its' | 'their'> = { ITS: 'its', THEIR: 'their' };
const LEFT_POS = new Set(['DET', 'NUM', 'ADJ']);
const NOUN_POS = new Set(['NOUN', 'PROPN', 'X']);
/** Collective nouns that take "they" ("police said they ...") though they do not end in -s. */
const COLLECTIVE_PLURAL = new Set(['POLICE', 'PEOPLE', 'PERSONNEL', 'MILITIA', 'MILITARY', 'CLERGY', 'YOUTH', 'MOB', 'CROWD', 'STAFF', 'PUBLIC']);
const PAIR_WORDS = new Set(['TWO', 'BOTH']);
const PAIR_HEADS = new Set(['SIDES', 'LEADERS', 'COUNTRIES', 'GOVERNMENTS', 'PRESIDENTS', 'MINISTERS', 'NATIONS', 'STATES', 'PARTIES', 'ALLIES', 'NEIGHBOURS', 'NEIGHBORS', 'MEN']);
const ANTI_PRO = new Set(['ANTI', 'PRO']);
/** Shapes of nationality/ethnic adjectives not in the country tables ("Kurdish", "Baluchi", "Pashtun"). */
const GROUP_ADJECTIVE = /^\p{Lu}\p{Ll}+(ish|ian|i|ese)$/u;
const SECTS = new Set(['SHIITE', 'SHIA', 'SUNNI', 'ALAWITE', 'DRUZE', 'HOUTHI', 'KURD', 'PASHTUN', 'TAMIL', 'UYGHUR', 'UIGHUR', 'YAZIDI', 'TUAREG', 'BALOCH', 'HAZARA']);
const NOT_GROUPS = new Set(['CASPIAN', 'MEDITERRANEAN', 'PERSIAN', 'ATLANTIC', 'PACIFIC', 'ENGLISH', 'SPECIAL', 'MARITIME']);

/** Phoenix codes that are not sectors (religions, ideologies) and the sector that reads them. */
const SECTOR_OF: Record<string, string> = {
  MUS: 'REL', CHR: 'REL', JEW: 'REL', BUD: 'REL', HIN: 'REL', CTH: 'REL', SHI: 'REL', SUN: 'REL', ORT: 'REL', PRO: 'REL',
  RAD: 'REB', PPL: 'CVL', SOC: 'CVL', MOD: 'CVL', SPC: 'GOV', NGM: 'NGO', INS: 'REB', SEP: 'REB',
};

/** The sector part of an agent code ("UAFMUS" -> UAF, "MUS" -> REL, "GOVMIL" stays). */
export function agentSector(code: string): string {
  const first = code.slice(0, 3);
  return SECTOR_OF[first] ?? code;
}

/**
 * The generic-agent phrase whose head agent is segment k, or null: when k only modifies a noun
 * after it ("police station", "government forces" — there the next agent is the head), when it is
 * a prefix ("anti-government"), or when the dictionary names no usable sector.
 */
export function groupPhrase(words: Word[], segs: Segment[], k: number, taken: (q: number) => boolean, ownerOf: (q: number) => string | null): GroupPhrase | null {
  const s = segs[k]!;
  if (s.target?.t !== 'agent' || s.target.agent.prefix) return null;
  const agent = s.target.agent;
  // Agent words are matched in any case and part of speech: "press" the verb is no press.
  if (!NOUN_POS.has(words[s.j - 1]!.pos)) return null;
  const sentence = words[s.i]!.sentence;
  const joined = (q: number): boolean => q < segs.length && !taken(q) && !words[segs[q]!.i]!.boundary && words[segs[q]!.i]!.sentence === sentence;
  let j = s.j;
  let sector = agentSector(agent.code);
  const last = words[s.j - 1]!;
  if (!last.possessive && joined(k + 1)) {
    const next = segs[k + 1]!;
    const w = words[next.i]!;
    if (next.target?.t === 'agent' && !next.target.agent.prefix) {
      // "police officers": the later noun is the head; "government troops": its sector wins.
      if (!PERSON_HEADS.has(wordsKey(words, next))) return null;
      j = next.j;
    } else if (!next.target && PERSON_HEADS.has(w.key)) j = next.j;
    // "police station", "rebel attack": a singular agent before a noun modifies it ("rebels attack"
    // is a subject and its verb, whatever the tagger says).
    else if (!next.target && (w.pos === 'NOUN' || w.pos === 'PROPN') && !w.cap && !/[^SU]S$/.test(last.key)) return null;
  }
  let i = s.i;
  let modifier: GroupPhrase['modifier'] = null;
  let possessor: GroupPhrase['possessor'] = null;
  let owner: string | null = null;
  let homes: readonly string[] | null = null;
  // Left modifiers: "the", "20", "armed", "Kurdish", "former", "its", an agent ("rebel commander").
  for (let q = k - 1; q >= 0; q--) {
    const p = segs[q]!;
    const w = words[p.i]!;
    if (words[segs[q + 1]!.i]!.boundary && !words[p.j - 1]!.possessive) break;
    if (w.sentence !== sentence) break;
    if (taken(q)) {
      // A country or a named group owning the phrase, with a few modifiers between.
      owner = p.target?.t === 'country' && p.target.form !== 'city' || p.target?.t === 'actor' && p.target.actor.kind === 'ORG' ? ownerOf(q) : null;
      if (owner) i = p.i;
      break;
    }
    if (p.target?.t === 'agent') {
      if (PERSON_HEADS.has(wordsKey(words, s))) sector = agentSector(p.target.agent.code);
      i = p.i;
      continue;
    }
    if (p.target) break;
    if (ANTI_PRO.has(w.key)) return null;
    if (POSSESSORS[w.key]) {
      possessor = POSSESSORS[w.key]!;
      i = p.i;
      break;
    }
    if (w.key === 'FORMER' || w.key === 'EX') {
      modifier = 'former';
      i = p.i;
      continue;
    }
    if (w.cap && (!w.sentenceStart || w.pos === 'ADJ' || w.pos === 'PROPN') && (GROUP_ADJECTIVE.test(w.text) || SECTS.has(w.key) || ethnicHomes(w.key)) && !NOT_GROUPS.has(w.key)) {
      modifier ??= 'group';
      homes ??= ethnicHomes(w.key);
      i = p.i;
      continue;
    }
    // The rest of a body's name: "Central Reserve Police Force", "Special Task Force".
    if (w.cap && !w.sentenceStart && !w.possessive && (w.pos === 'PROPN' || w.pos === 'NOUN')) {
      i = p.i;
      continue;
    }
    if (LEFT_POS.has(w.pos) && !w.possessive) {
      i = p.i;
      if (DEFINITE.has(w.key) || w.key === 'A' || w.key === 'AN') break;
      continue;
    }
    break;
  }
  if (!owner && !possessor && modifier === null) owner = ofOwner(words, segs, k, j, joined, taken, ownerOf);
  const first = words[i]!;
  const head = wordsKey(words, segs[k]!);
  const end = words[j - 1]!.key;
  const plural = isPlural(end);
  const pair = PAIR_HEADS.has(end) && words.slice(i, j).some((w) => PAIR_WORDS.has(w.key));
  return {
    i, j, agent, sector: modified(modifier, sector), definite: DEFINITE.has(first.key), possessor, plural, modifier, homes, owner,
    person: !plural && (isTitle(agent) || PERSON_HEADS.has(head)) && !COLLECTIVE_PLURAL.has(head), pair,
  };
}

/** Words that may stand between "of" and the country that owns a group: "families of two British men". */
const OF_FILLERS = new Set(['DET', 'NUM', 'ADJ']);

/**
 * The country of an "of" complement right after the phrase: "the families of two British men",
 * "relatives of Syrian detainees", "the president of Syria". A city names a place, not an owner.
 */
function ofOwner(
  words: Word[], segs: Segment[], k: number, j: number, joined: (q: number) => boolean, taken: (q: number) => boolean, ownerOf: (q: number) => string | null,
): string | null {
  let m = k + 1;
  while (m < segs.length && segs[m]!.i < j) m++;
  if (!joined(m) || words[segs[m]!.i]!.key !== 'OF') return null;
  for (let q = m + 1; q < segs.length && q <= m + 4; q++) {
    const p = segs[q]!;
    if (p.target?.t === 'country' && p.target.form !== 'city') return taken(q) ? ownerOf(q) : null;
    if (p.target || !joined(q) || !OF_FILLERS.has(words[p.i]!.pos) || words[p.i]!.cap) return null;
  }
  return null;
}

function isPlural(key: string): boolean {
  return COLLECTIVE_PLURAL.has(key) || (/S$/.test(key) && !/(SS|US|IS)$/.test(key));
}

function wordsKey(words: Word[], s: Segment): string {
  return words[s.j - 1]!.key;
}

/**
 * An armed or ruling group of an ethnic or sectarian group is a rebel group (Phoenix codes Kurdish
 * militias XXXREB); former officials and officers are the country's elite (XXXELI).
 */
function modified(modifier: GroupPhrase['modifier'], sector: string): string {
  if (!modifier || !/^(MIL|GOV|SPY|COP|JUD)/.test(sector)) return sector;
  if (modifier === 'former') return 'ELI';
  return /^(MIL|GOV)/.test(sector) ? 'REB' : sector;
}
