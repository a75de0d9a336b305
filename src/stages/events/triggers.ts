// Which words are events: verbs (curated lexicon, Phoenix dictionary, or a PETRARCH dictionary given
// by the caller), light verbs whose object noun carries the event ("reached no agreement"), and
// nominal events ("talks between A and B").
import { cameoTable } from './cameo.js';
import { LIGHT_OBJECT, LIGHT_VERBS, MINED_TRUSTED, NOUNS, SPEECH_VERBS, VERBS } from './lexicon.js';
import type { VerbDictionary, VerbEntry } from './petrarch.js';
import type { SentenceView, Tok } from './sentence.js';

export interface Trigger {
  kind: 'verb' | 'light' | 'noun';
  /** Coded from the mined Phoenix dictionary: weaker evidence, needs an explicit direct object. */
  mined: boolean;
  /** A dictionary pattern with a negation matched: the code already means the negated act. */
  negationInCode: boolean;
  /** The verb (for verb and light triggers) or the noun. */
  verb: number;
  /** The word that names the event: the verb, or the noun for light/noun triggers. */
  word: number;
  code: string;
  /** A dictionary's reciprocal code ("[043:042]"): the target did this to the source; else null. */
  reverse: string | null;
}

/** Every trigger is made here, so all have one shape. */
function newTrigger(kind: Trigger['kind'], verb: number, word: number, code: string, mined = false, negationInCode = false, reverse: string | null = null): Trigger {
  return { kind, mined, negationInCode, verb, word, code, reverse };
}

/** A verb trigger named by the verb itself. */
function verbEvent(v: number, code: string): Trigger {
  return newTrigger('verb', v, v, code);
}

const SKIP_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PROPN', 'PUNCT']);

/** The head noun of the noun phrase starting at i (last noun of the run), within `limit` tokens. */
export function headNounAfter(toks: Tok[], i: number, end: number, limit = 7): number {
  let head = -1;
  for (let k = i; k < end && k < i + limit; k++) {
    const t = toks[k]!;
    if (t.pos === 'NOUN') head = k;
    // "air and artillery strikes": coordinated modifiers of one head.
    else if (t.lower === 'and' && (toks[k - 1]?.pos === 'NOUN' || toks[k - 1]?.pos === 'ADJ') && toks[k + 1]?.pos === 'NOUN' && toks[k + 2]?.pos === 'NOUN') continue;
    else if (SKIP_POS.has(t.pos) || t.text === '-') {
      if (head >= 0 && t.pos !== 'PUNCT' && t.pos !== 'PROPN' && t.pos !== 'ADJ') break;
      if (t.pos === 'PUNCT' && t.text !== '-' && t.text !== '"' && t.text !== '“') break;
    } else break;
  }
  return head;
}

function nounCode(t: Tok): string | null {
  // The lemmatiser leaves some plurals as they are ("airstrikes").
  return NOUNS[t.lemma] ?? NOUNS[t.lower] ?? (t.lower.endsWith('s') ? NOUNS[t.lower.slice(0, -1)] ?? null : null);
}

const OPERATIONS = new Set(['operation', 'campaign']);
const MILITARY = new Set(['military', 'offensive', 'air', 'ground', 'bombing', 'combat']);

/** "launched a military operation", "an air campaign": an attack (CAMEO 190). */
function militaryOperation(toks: Tok[], from: number, head: number): string | null {
  if (!OPERATIONS.has(toks[head]!.lemma)) return null;
  for (let k = from; k < head; k++) if (MILITARY.has(toks[k]!.lower)) return '190';
  return null;
}

/** Slot match for dictionary patterns: exact word, lemma, or a stem prefix ("violat"). */
function slotMatches(slot: string[], t: Tok): boolean {
  for (const w of slot) {
    if (w === t.lower || w === t.lemma) return true;
    if (w.length >= 5 && t.lower.startsWith(w)) return true;
  }
  return false;
}

/** Match slots in order in toks[from, to) (gaps allowed); returns true when all are found. */
function inOrder(slots: string[][], toks: Tok[], from: number, to: number, step: 1 | -1): boolean {
  let k = step === 1 ? from : to - 1;
  const seq = step === 1 ? slots : [...slots].reverse();
  for (const s of seq) {
    while (k >= from && k < to && !slotMatches(s, toks[k]!)) k += step;
    if (k < from || k >= to) return false;
    k += step;
  }
  return true;
}

function petrarchCode(entries: VerbEntry[], view: SentenceView, v: number, clauseStart: number, clauseEnd: number): { code: string | null; reverse: string | null; negative: boolean } | undefined {
  const toks = view.toks;
  let best: { score: number; code: string | null; reverse: string | null; negative: boolean } | null = null;
  for (const e of entries) {
    if (e.particles.length && !inOrder(e.particles.map((p) => [p]), toks, v + 1, Math.min(clauseEnd, v + 4), 1)) continue;
    for (const p of e.patterns) {
      const score = p.before.length + p.after.length;
      if (best && score <= best.score) continue;
      if (p.after.length && !inOrder(p.after, toks, v + 1, clauseEnd, 1)) continue;
      if (p.before.length && !inOrder(p.before, toks, clauseStart, v, -1)) continue;
      best = { score, code: p.code, reverse: p.reverse ?? null, negative: p.negative === true };
    }
    if (!best) best = { score: 0, code: e.code, reverse: e.reverse ?? null, negative: false };
  }
  return best ?? undefined;
}

let minedSlots: Map<number, { slots: string[][]; code: string }[]> | null = null;

function minedCode(lemma: string, lower: string, view: SentenceView, v: number, clauseEnd: number): string | null {
  const table = cameoTable();
  const verb = table.verbs[lemma] ?? table.verbs[lower];
  if (!verb) return null;
  minedSlots ??= new Map();
  let pats = minedSlots.get(verb.p);
  if (!pats) {
    pats = (table.patterns[verb.p] ?? []).map(([s, code]) => ({ slots: s.split(' ').map((x) => x.split('|')), code }));
    minedSlots.set(verb.p, pats);
  }
  let best: { n: number; code: string } | null = null;
  for (const p of pats) {
    if (best && p.slots.length <= best.n) continue;
    if (inOrder(p.slots, view.toks, v + 1, Math.min(clauseEnd, v + 8), 1)) best = { n: p.slots.length, code: p.code };
  }
  return best?.code ?? verb.c;
}

function near(toks: Tok[], from: number, to: number, words: Set<string>): boolean {
  for (let k = from; k < to && k < toks.length; k++) if (words.has(toks[k]!.lower)) return true;
  return false;
}

const PHONE = new Set(['phone', 'telephone']);
/** Verbs the Phoenix dictionary codes by default that are not events in news prose: cues of
 *  negation or modality, and verbs of topic ("explore", "ensure", "include"). */
const NOT_EVENTS = new Set([
  'fail', 'deny', 'consider', 'see', 'refer', 'explore', 'ensure', 'aim', 'highlight', 'include', 'allow', 'lead',
  'restrain', 'train', 'expect', 'hope', 'plan', 'intend', 'seem', 'appear', 'look', 'become', 'remain', 'get',
  'go', 'come', 'take', 'put', 'set', 'use', 'work', 'try', 'need', 'receive', 'follow', 'recall', 'mention', 'cite',
  'engage', 'influence', 'tear',
]);
/** "share" is an event only for information ("share intelligence"), not "share the aim". */
const SHARED_INFORMATION = new Set(['intelligence', 'information', 'data', 'datum', 'evidence', 'expertise', 'technology']);
const DENIAL_VERBS = new Set(['reject', 'deny', 'dismiss', 'refute', 'rebuff']);
const CHARGES = new Set(['accusation', 'allegation', 'charge', 'claim']);
const WITH = new Set(['with']);
const OVER = new Set(['over']);
const ON_FOR = new Set(['on', 'for', 'upon']);

/** The trigger a verb token opens, or null. */
export function verbTrigger(view: SentenceView, v: number, dict: VerbDictionary | undefined): Trigger | null {
  if (dict) return dictionaryTrigger(view, v, dict);
  const t = view.toks[v]!;
  const clause = view.clauses[view.clauseOf[v]!]!;
  const lemma = t.lemma;
  // Light verbs: the event is their object ("reach no agreement", "hold talks", "result in a deal").
  if (LIGHT_VERBS.has(lemma)) {
    const light = lightTrigger(view.toks, v, clause.end);
    if (light) return light;
  }
  if (RULED_VERBS.has(lemma)) {
    const ruled = verbRule(view, v, lemma, clause.end);
    if (ruled !== undefined) return ruled;
  }
  const curated = VERBS[lemma];
  if (curated) return verbEvent(v, curated);
  if (SPEECH_VERBS.has(lemma) || LIGHT_VERBS.has(lemma) || NOT_EVENTS.has(lemma)) return null;
  if (!MINED_TRUSTED.has(lemma) && !MINED_TRUSTED.has(t.lower)) return null;
  const mined = minedCode(lemma, t.lower, view, v, clause.end);
  return mined ? newTrigger('verb', v, v, mined, true) : null;
}

/** Closed-world coding with a PETRARCH dictionary the caller gave. */
function dictionaryTrigger(view: SentenceView, v: number, dict: VerbDictionary): Trigger | null {
  const t = view.toks[v]!;
  const clause = view.clauses[view.clauseOf[v]!]!;
  const entries = dict.verbs.get(t.lemma) ?? dict.verbs.get(t.lower);
  if (!entries) return null;
  const hit = petrarchCode(entries, view, v, clause.start, clause.end);
  if (!hit?.code) return null;
  return newTrigger('verb', v, v, hit.code, false, hit.negative, hit.reverse ? hit.reverse : null);
}

/** A light verb's object that names an event ("reached no agreement"), or null. */
function lightTrigger(toks: Tok[], v: number, clauseEnd: number): Trigger | null {
  let k = v + 1;
  // "carried out strikes": the particle may be tagged ADV.
  while (k < clauseEnd && (toks[k]!.pos === 'ADP' || toks[k]!.pos === 'PART' || toks[k]!.lower === 'out') && toks[k]!.lower !== 'to') k++;
  let n = headNounAfter(toks, k, clauseEnd);
  // "expressed hopes the ...": the tagger may call the object a verb.
  if (n < 0 && k === v + 1 && toks[k]?.pos === 'VERB' && LIGHT_OBJECT[toks[k]!.lemma]) n = k;
  const code = n >= 0 ? LIGHT_OBJECT[toks[n]!.lemma] ?? nounCode(toks[n]!) ?? militaryOperation(toks, k, n) : null;
  return code ? newTrigger('light', v, n, code) : null;
}

/** Verbs whose reading depends on their context (verbRule). */
const RULED_VERBS = new Set(['speak', 'talk', 'call', 'want', 'back', 'share', 'provide', 'give', 'supply', 'pass', 'clash', 'demonstrate', 'strike', ...DENIAL_VERBS]);
const OBJECT_POS = /^(DET|NOUN|PROPN|ADJ|PRON)$/;
const NAMING_OBJECT = /^(it|this|that|them)$/;

/** The reading of a verb in RULED_VERBS in its context: a trigger, null (no event), or undefined
 *  when no rule decides (the verb's default code applies). */
function verbRule(view: SentenceView, v: number, lemma: string, clauseEnd: number): Trigger | null | undefined {
  const toks = view.toks;
  if (lemma === 'speak' || lemma === 'talk') {
    if (near(toks, v + 1, v + 4, PHONE)) return verbEvent(v, '041');
    if (near(toks, v + 1, v + 3, WITH)) return verbEvent(v, '040');
    return null;
  }
  if (lemma === 'call') {
    if (near(toks, v + 1, v + 2, ON_FOR)) return verbEvent(v, '020');
    // "calling it a mistake": naming, not a call.
    if (NAMING_OBJECT.test(toks[v + 1]?.lower ?? '')) return null;
    // "Tillerson called Lavrov to discuss ...": a phone call to a person.
    const person = view.mentions.find((m) => m.first > v && m.first <= v + 5);
    if (person && person.kind === 'PERSON' && !near(toks, v + 1, person.first, ON_FOR)) return verbEvent(v, '041');
    return null;
  }
  if (lemma === 'want') {
    // "The US wants Russia to focus on ..." is a demand; "wants to" alone is an intention.
    const toIdx = toks.findIndex((x, k) => k > v + 1 && k < clauseEnd && x.lower === 'to');
    return toIdx > v + 1 && view.mentions.some((m) => m.first > v && m.first < toIdx)
      ? verbEvent(v, '100')
      : null;
  }
  // "backed down": a concession, not support.
  if (lemma === 'back' && toks[v + 1]?.lower === 'down') return verbEvent(v, '080');
  if (lemma === 'share') {
    const n = headNounAfter(toks, v + 1, clauseEnd);
    return n >= 0 && SHARED_INFORMATION.has(toks[n]!.lemma) ? verbEvent(v, '064') : null;
  }
  // "provided the United States with data", "gave intelligence to": sharing information (064), not aid.
  if (lemma === 'provide' || lemma === 'give' || lemma === 'supply' || lemma === 'pass') {
    let k = v + 1;
    while (k < clauseEnd && k < v + 8 && toks[k]!.lower !== 'with') k++;
    const n = headNounAfter(toks, toks[k]?.lower === 'with' ? k + 1 : v + 1, clauseEnd);
    if (n >= 0 && SHARED_INFORMATION.has(toks[n]!.lemma)) return verbEvent(v, '064');
    if (lemma !== 'provide') return null;
  }
  // "clashed over the plan", "clashed with Trump": a quarrel (CAMEO 110), not a battle.
  if (lemma === 'clash') {
    const person = view.mentions.find((m) => m.first > v && m.first <= v + 4);
    if (near(toks, v + 1, v + 3, OVER) || person?.kind === 'PERSON') return verbEvent(v, '110');
  }
  // "demonstrating Russia's new clout": with an object, "demonstrate" is "show", not a protest.
  if (lemma === 'demonstrate' && toks[v + 1] && OBJECT_POS.test(toks[v + 1]!.pos)) return null;
  // "struck a rapprochement": without an actor as its object, "strike" is no attack.
  if (lemma === 'strike' && !view.mentions.some((m) => m.first > v && m.first <= v + 3)) return null;
  // "rejected accusations of racism", "denied charges by X": CAMEO 016, deny responsibility
  // (a statement), not the rejection of a proposal.
  if (DENIAL_VERBS.has(lemma)) {
    // (A denial opens a reported-speech frame, so its clause may end right after the verb.)
    const n = headNounAfter(toks, v + 1, toks.length);
    if (n >= 0 && CHARGES.has(toks[n]!.lemma)) return verbEvent(v, '016');
  }
  return undefined;
}

/** The nominal event a noun names, or null (participants are checked by the caller). */
export function nounTrigger(view: SentenceView, n: number): Trigger | null {
  const t = view.toks[n]!;
  // "Talks between ..." opening a sentence is often tagged PROPN; "talks" is sometimes a VERB.
  if (t.pos !== 'NOUN' && !(t.pos === 'PROPN' && n === 0) && !(t.pos === 'VERB' && t.lower === 'talks')) return null;
  // A noun modifying another noun ("ceasefire agreement") is not the head of its phrase.
  const next = view.toks[n + 1];
  if (next && next.pos === 'NOUN') return null;
  // "Trump's call for Britain to take back ...": an appeal, not a phone call.
  if (t.lemma === 'call' && (next?.lower === 'for' || next?.lower === 'on')) return newTrigger('noun', n, n, '020');
  const code = nounCode(t);
  return code ? newTrigger('noun', n, n, code) : null;
}

/**
 * A verb the tagger called a noun or adjective: right after an actor and before a determiner or a
 * name, and known as a verb ("Arnor and Gondor welcome a resumption", "Russia slams US"). Such a
 * token is re-tagged VERB so the rest of the coder treats it as the predicate.
 */
export function mistaggedVerb(view: SentenceView, k: number, dict: VerbDictionary | undefined): boolean {
  const t = view.toks[k]!;
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  const next = view.toks[k + 1];
  if (!next || !(next.pos === 'DET' || next.pos === 'PROPN')) return false;
  if (view.toks[k - 1]?.pos !== 'PROPN' && view.toks[k - 1]?.pos !== 'NOUN') return false;
  if (!view.mentions.some((m) => m.last === k - 1)) return false;
  const forms = [t.lemma, t.lower, t.lower.replace(/e?s$/, '')];
  const isVerb = (f: string): boolean => (dict ? dict.verbs.has(f) : VERBS[f] !== undefined || (MINED_TRUSTED.has(f) && f in cameoTable().verbs));
  const lemma = forms.find(isVerb);
  if (!lemma) return false;
  t.pos = 'VERB';
  t.lemma = lemma;
  return true;
}
