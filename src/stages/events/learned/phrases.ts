// Noun phrases of a sentence as argument candidates for the learned coder: every base noun phrase
// ("the Syrian army", "20 protesters", "it", "a U.S. Supreme Court decision"), with the actor code
// of the mention it contains when the actors stage resolved one, else the sector of an agent noun
// ("police" -> COP) with an unknown country. Which phrase is the source or the target of an event
// is for the trained ranker to decide.
import type { Mention, SentenceView, Tok } from '../sentence.js';

export interface NounPhrase {
  first: number;
  last: number;
  /** The head noun (last noun of the run) or the pronoun. */
  head: number;
  /** Actor code: the mention's, or "---" + an agent sector, or null when it names no actor. */
  code: string | null;
  /** What the code came from. */
  kind: 'entity' | 'agent' | 'pronoun' | 'plain';
  /** The mention inside, when any. */
  mention: Mention | null;
}

const INSIDE = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const POSSESSIVE_MARK = /^['’]s?$/;
const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'decade', 'hour', 'century', 'years', 'months', 'weeks', 'days', 'decades', 'hours']);
const PERSONAL = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'who']);

function inside(t: Tok): boolean {
  if (INSIDE.has(t.pos)) return true;
  if (t.pos === 'PART') return t.lower === "'s" || t.lower === '’s' || t.lower === "'";
  if (t.pos === 'PRON') return POSSESSIVE.has(t.lower);
  return t.text === '-' || t.text === '.';
}

function isHead(t: Tok): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM';
}

/** How much a mention says of who acts: a known country or group beats a bare sector ("Islamic
 *  State fighters" is Islamic State, not unknown fighters), then a person, then an organisation. */
function weight(m: Mention): number {
  return (m.code.startsWith('---') ? 0 : 4) + (m.kind === 'PERSON' || m.kind === 'PRONOUN' ? 2 : m.kind === 'ORG' ? 1 : 0);
}

/** The mention to code a phrase by: the weightiest, the last of equals. */
function mentionIn(view: SentenceView, first: number, last: number): Mention | null {
  let best: Mention | null = null;
  for (const m of view.mentions) {
    if (m.last < first || m.first > last || m.locative) continue;
    if (!best || weight(m) >= weight(best)) best = m;
  }
  return best;
}

/**
 * Base noun phrases in token order. `agentSector` maps a noun lemma to a sector ("police" -> COP)
 * from the actor dictionary's agents.
 */
export function nounPhrases(view: SentenceView, agentSector: (lemma: string) => string | null): NounPhrase[] {
  const { toks } = view;
  // Dates are no actors, and they bound phrases: "On Sunday Mr Trump", "last autumn the UK's".
  const isDate = new Uint8Array(toks.length);
  for (const d of view.dates) for (let k = d.first; k <= d.last; k++) isDate[k] = 1;
  const out: NounPhrase[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.pos === 'PRON' && PERSONAL.has(t.lower)) {
      const m = mentionIn(view, i, i);
      out.push({ first: i, last: i, head: i, code: m?.code ?? null, kind: m ? 'pronoun' : 'plain', mention: m });
      i++;
      continue;
    }
    if (!inside(t) || t.text === '.' || t.text === '-' || isDate[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && inside(toks[j + 1]!) && view.clauseOf[j + 1] === view.clauseOf[i] && !isDate[j + 1]) {
      // A determiner after a noun opens the next phrase ("gave the rebels the weapons").
      if (toks[j + 1]!.pos === 'DET' && isHead(toks[j]!)) break;
      // A full stop inside a phrase only in abbreviations ("U.S."): it must touch the next word.
      if (toks[j + 1]!.text === '.' && (j + 2 >= toks.length || toks[j + 2]!.start !== toks[j + 1]!.end)) break;
      // "Russia's attack": the possessor is a phrase of its own (it may be the attacker).
      if (POSSESSIVE_MARK.test(toks[j]!.lower) && toks[j]!.pos === 'PART' && j > i) break;
      // "making sure that President Assad": "that" after a word opens a clause (the tagger calls it a
      // determiner); "for 30 years Ali Abdullah Saleh": a span of time ends before a name.
      if (toks[j + 1]!.lower === 'that') break;
      if (TIME_UNITS.has(toks[j]!.lemma) && toks[j + 1]!.pos === 'PROPN') break;
      j++;
    }
    let head = -1;
    for (let k = j; k >= i; k--) {
      if (isHead(toks[k]!)) {
        head = k;
        break;
      }
    }
    if (head >= 0) {
      const m = mentionIn(view, i, j);
      let code: string | null = m?.code ?? null;
      let kind: NounPhrase['kind'] = m ? 'entity' : 'plain';
      if (!m) {
        const sector = agentSector(toks[head]!.lemma) ?? agentSector(toks[head]!.lower);
        if (sector) {
          code = '---' + sector;
          kind = 'agent';
        }
      }
      // "Turkey's president": an agent noun takes the country of its possessor.
      const owner = out[out.length - 1];
      if (kind === 'agent' && owner && owner.last === i - 1 && owner.code && owner.code.slice(0, 3) !== '---' && POSSESSIVE_MARK.test(toks[i - 1]!.lower)) {
        code = owner.code.slice(0, 3) + code!.slice(3);
      }
      // "an Isis ambush", "Russian airstrikes", "the Turkish offensive": an actor named as a
      // modifier is a phrase of its own too (it is often the source of the event the head names).
      for (const mod of view.mentions) {
        if (mod.locative || mod.first < i || mod.last >= head) continue;
        out.push({ first: mod.first, last: mod.last, head: mod.last, code: mod.code, kind: 'entity', mention: mod });
      }
      out.push({ first: i, last: j, head, code, kind, mention: m });
    }
    i = j + 1;
  }
  return out;
}
