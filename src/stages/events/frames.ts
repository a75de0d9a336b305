// Reported speech: who claims what. A frame is a speaker and the token range of what they said:
// "Lavrov said [X did Y]", "[X did Y], Lavrov said", "[X did Y], says Lavrov", "according to
// Lavrov, [X did Y]", "Kerry's remarks ... that [X did Y]".
import { SPEECH_NOUNS, SPEECH_VERBS } from './lexicon.js';
import type { Group, Mention, SentenceView } from './sentence.js';

export interface Frame {
  /** Null when the speaker is not a known actor ("..., the official news agency said"). */
  speaker: Mention | null;
  /** The speech verb or noun. */
  cue: number;
  /** Complement range [from, to). */
  from: number;
  to: number;
  /** "denied that ...": what follows is asserted not to have happened. */
  denial: boolean;
}

const DENIAL = new Set(['deny', 'dismiss', 'refute']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);
/** "point to", "point out" report speech; "point" alone does not. */
const POINT_PARTICLES = new Set(['to', 'out']);
const FILLER_POS = new Set(['ADV', 'PUNCT', 'PROPN', 'NOUN', 'DET', 'ADP', 'ADJ', 'NUM']);

export function isSpeechVerb(view: SentenceView, v: number): boolean {
  const t = view.toks[v]!;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  if (DENIAL.has(t.lemma)) return true;
  if (!SPEECH_VERBS.has(t.lemma)) return false;
  if (t.lemma === 'point') return POINT_PARTICLES.has(view.toks[v + 1]?.lower ?? '');
  return true;
}

function groupStartingNear(view: SentenceView, from: number, to: number): Group | null {
  for (const g of view.groups) if (g.first >= from && g.first < to) return g;
  return null;
}

/** Prepositions inside a subject noun phrase: "the leaders of IS", "talks between A and B failed". */
const NOMINAL_PREPS = new Set(['of', 'between', 'among']);

/** The subject group of a verb: the first group in its clause before it (last comma segment). */
export function subjectBefore(view: SentenceView, v: number, clauseStart: number): Group | null {
  let best: Group | null = null;
  let lastComma = -1;
  for (let k = clauseStart; k < v; k++) if (view.toks[k]!.text === ',') lastComma = k;
  for (const g of view.groups) {
    if (g.first < clauseStart || g.last >= v) continue;
    // "Kurdish militias fighting against Turkey have called on ...": an object of a preposition
    // (other than NOMINAL_PREPS) is not the subject.
    // "Activists in Arnor" keeps Arnor: there the phrase modifies a noun, not a verb.
    const pi = view.toks[g.first - 1]?.pos === 'DET' ? g.first - 2 : g.first - 1;
    const p = view.toks[pi];
    if (p && p.pos === 'ADP' && !NOMINAL_PREPS.has(p.lower) && (view.toks[pi - 1]?.pos === 'VERB' || p.lower === 'by')) continue;
    // "the campaign to drive Isis out ...": the object of a verb is not the subject.
    // ("Jeffrey said Washington had asked ...": after a speech verb it starts the complement.)
    if (p && p.pos === 'VERB' && !SPEECH_VERBS.has(p.lemma) && g.first > clauseStart + 1) continue;
    if (best === null) best = g;
    else if (best.last < lastComma && g.first > lastComma) best = g;
  }
  return best;
}

const DASHES = new Set(['–', '—', '-']);

export function findFrames(view: SentenceView): Frame[] {
  const { toks } = view;
  const frames: Frame[] = [];
  const headline = headlineFrame(view);
  if (headline) frames.push(headline);
  for (let v = 0; v < toks.length; v++) {
    const t = toks[v]!;
    let frame: Frame | null;
    if (t.lower === 'according' && v + 1 < toks.length && toks[v + 1]!.lower === 'to') frame = accordingTo(view, v);
    else if (SPEECH_NOUNS.has(t.lemma) && t.pos === 'NOUN') frame = speechNounFrame(view, v);
    else if (isSpeechVerb(view, v)) frame = speechVerbFrame(view, v);
    else continue;
    if (frame) frames.push(frame);
  }
  return frames;
}

/** Headline attribution: "ISIS leaders remain in close contact with Ankara – Lavrov." */
function headlineFrame(view: SentenceView): Frame | null {
  const lastGroup = view.groups.length ? view.groups[view.groups.length - 1]! : null;
  if (lastGroup && lastGroup.first >= 4 && DASHES.has(view.toks[lastGroup.first - 1]!.text) && restIsShort(view, lastGroup.last + 1)) {
    return { speaker: lastGroup.phrases[0]!.head, cue: lastGroup.first - 1, from: 0, to: lastGroup.first - 1, denial: false };
  }
  return null;
}

/** "according to Lavrov, [X did Y]". */
function accordingTo(view: SentenceView, v: number): Frame | null {
  const { toks } = view;
  const n = toks.length;
  const g = groupStartingNear(view, v + 2, v + 9);
  let comma = v + 2;
  while (comma < n && toks[comma]!.text !== ',') comma++;
  return g && comma < n - 2 ? { speaker: g.phrases[0]!.head, cue: v, from: comma + 1, to: n, denial: false } : null;
}

/** "Kerry's remarks ... that [X did Y]". */
function speechNounFrame(view: SentenceView, v: number): Frame | null {
  const { toks } = view;
  const n = toks.length;
  const possessor = view.mentions.filter((m) => m.last < v && m.last >= v - 4).pop();
  let that = v + 1;
  while (that < n && that < v + 14 && toks[that]!.lower !== 'that') that++;
  if (possessor && that < n && toks[that]!.lower === 'that' && possessorOf(view, possessor, v)) {
    return { speaker: possessor, cue: v, from: that + 1, to: n, denial: false };
  }
  return null;
}

/** "Lavrov said [X did Y]", "[X did Y], Lavrov said", "[X did Y], says Lavrov". */
function speechVerbFrame(view: SentenceView, v: number): Frame | null {
  const { toks } = view;
  const n = toks.length;
  const t = toks[v]!;
  const clause = view.clauses[view.clauseOf[v]!]!;
  const denial = DENIAL.has(t.lemma);
  // Inverted: '..., says Lavrov.' — the speaker follows the verb at the end of the sentence.
  const after = groupStartingNear(view, v + 1, v + 2);
  const prevText = v > 0 ? toks[v - 1]!.text : '';
  const inverted = after !== null && restIsShort(view, after.last + 1) && (prevText === ',' || QUOTES.has(prevText));
  // '..., the official news agency WFNA said': the speaker is what follows the last comma.
  let lastComma = -1;
  for (let k = clause.start; k < v; k++) if (toks[k]!.text === ',') lastComma = k;
  const trailing = !inverted && lastComma >= 0 && restIsShort(view, v + 1);
  let subject = inverted ? after : subjectBefore(view, v, trailing ? lastComma + 1 : clause.start);
  let speakerEnd = inverted ? after.last : v;
  if (!subject && after && restIsShort(view, after.last + 1)) {
    subject = after;
    speakerEnd = after.last;
  }
  if (!subject && trailing && lastComma >= 3) return { speaker: null, cue: v, from: 0, to: lastComma, denial };
  if (!subject) return null;
  const speaker = subject.phrases[0]!.head;
  // Forward complement: what follows the verb (skipping "that" and the addressee of "told").
  let from = speakerEnd + 1;
  if (t.lemma === 'tell') {
    const addressee = groupStartingNear(view, from, from + 3);
    if (addressee) from = addressee.last + 1;
  }
  while (from < n && (toks[from]!.lower === 'that' || QUOTES.has(toks[from]!.text) || toks[from]!.text === ',')) from++;
  if (!restIsShort(view, from)) {
    let to = from;
    while (to < n && toks[to]!.text !== ';') to++;
    return { speaker, cue: v, from, to, denial };
  }
  // Backward complement: '"...", Lavrov said Saturday.' — everything before the speaker's clause.
  let to = inverted ? v : Math.min(subject.first, v);
  while (to > 0 && (toks[to - 1]!.text === ',' || QUOTES.has(toks[to - 1]!.text))) to--;
  return to >= 3 ? { speaker, cue: v, from: 0, to, denial } : null;
}

/** "Kerry's remarks": the mention is directly followed by 's (or is a possessive pronoun). */
function possessorOf(view: SentenceView, m: Mention, noun: number): boolean {
  for (let k = m.last + 1; k < noun; k++) {
    const t = view.toks[k]!;
    if (t.pos === 'PART' || t.lower === "'s" || t.lower === '’s') return true;
  }
  return m.kind === 'PRONOUN';
}

/** Fewer than three content words from i to the end: dates, names, adverbs only. */
function restIsShort(view: SentenceView, i: number): boolean {
  let content = 0;
  for (let k = i; k < view.toks.length; k++) {
    const t = view.toks[k]!;
    if (!FILLER_POS.has(t.pos)) content++;
    if (t.pos === 'VERB' || t.pos === 'AUX') content += 2;
  }
  return content < 3;
}
