// Discourse state carried across the sentences of an article: who "he" and "they" are, the two
// parties of the conversation being reported, the narrative date, and meeting venues.
import type { EventMode } from '../../model.js';
import { PAIR_ANAPHORS } from './lexicon.js';
import { newMention, type Mention, type SentenceView } from './sentence.js';

export interface Discourse {
  lastPerson: Mention | null;
  /** The person who was the subject of the last sentence that had one (centering: a subject "he"
   *  continues the previous subject, not whoever was named last). */
  lastSubject: Mention | null;
  /** People mentioned so far, most recent last, one per actor code. */
  recent: Mention[];
  pair: [Mention, Mention] | null;
  pairMode: EventMode;
  pairDate: string | null;
  narrative: string | null;
  venues: { sentence: number; name: string }[];
}

export function newDiscourse(): Discourse {
  return { lastPerson: null, lastSubject: null, recent: [], pair: null, pairMode: null, pairDate: null, narrative: null, venues: [] };
}

const PRONOUN_PERSON = new Set(['he', 'him', 'his', 'she', 'her']);
const MAX_ANAPHOR_LENGTH = Math.max(...[...PRONOUN_PERSON, ...PAIR_ANAPHORS].map((w) => w.length));

/** A pronoun at `at` standing for `like` (and for `pair`, if given, else for like's own pair). */
export function pronoun(like: Mention, at: number, pair: [Mention, Mention] | null = null): Mention {
  return newMention(at, at, like.code, like.name, 'PRONOUN', like.people, false, pair ?? like.pair);
}

/**
 * Whether resolveAnaphora would add a mention for one of these tokens (the article tokens of a
 * sentence without entities): a personal pronoun once a person is known, a pair anaphor once a
 * pair is. A sentence with no entity and no such token has no mention at all.
 */
export function mayResolve(d: Discourse, tokens: { text: string; pos: string }[], from: number, to: number): boolean {
  const person = d.lastPerson !== null;
  const pair = d.pair !== null || d.recent.length >= 2;
  if (!person && !pair) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    // (Both word lists hold short words, and lower-casing never shortens one: skip longer tokens.)
    if (t.text.length > MAX_ANAPHOR_LENGTH) continue;
    const lower = t.text.toLowerCase();
    if (person && t.pos === 'PRON' && PRONOUN_PERSON.has(lower)) return true;
    if (pair && PAIR_ANAPHORS.has(lower) && namesPair(lower, t.pos, k > from ? tokens[k - 1]!.text.toLowerCase() : undefined)) return true;
  }
  return false;
}

/** Add pronouns and anaphors ("he", "they", "the two", "both sides") as mentions. */
export function resolveAnaphora(view: SentenceView, d: Discourse): void {
  const { toks } = view;
  const added: Mention[] = [];
  // The mention starting at each token (the last one, if several do).
  const entityAt: (Mention | null)[] = [];
  for (let k = 0; k < toks.length; k++) entityAt.push(null);
  for (const m of view.mentions) entityAt[m.first] = m;
  let firstVerb = 0;
  while (firstVerb < toks.length && toks[firstVerb]!.pos !== 'VERB' && toks[firstVerb]!.pos !== 'AUX') firstVerb++;
  let subject: Mention | null = null;
  let personBefore = false;
  for (let k = 0; k < toks.length; k++) {
    const ent = entityAt[k];
    if (ent) {
      if (ent.kind === 'PERSON') {
        if (k < firstVerb) {
          subject ??= ent;
          personBefore = true;
        }
        d.lastPerson = ent;
        d.recent = d.recent.filter((m) => m.code !== ent.code);
        d.recent.push(ent);
      }
      continue;
    }
    const t = toks[k]!;
    if (t.pos === 'PRON' && PRONOUN_PERSON.has(t.lower) && d.lastPerson) {
      // A subject pronoun with no person before it in its sentence continues the last subject.
      const nominative = t.lower === 'he' || t.lower === 'she';
      const antecedent = nominative && k < firstVerb && !personBefore && d.lastSubject ? d.lastSubject : d.lastPerson;
      const p = pronoun(antecedent, k);
      if (k < firstVerb) subject ??= p;
      added.push(p);
    } else if (PAIR_ANAPHORS.has(t.lower)) {
      const p = pairAnaphor(toks, k, d);
      if (p) added.push(p);
    }
  }
  if (subject) d.lastSubject = subject;
  if (added.length) {
    view.mentions.push(...added);
    view.mentions.sort(byFirst);
  }
}

/** "they", "the two", "both sides" at k: the current pair of parties, or null. */
function pairAnaphor(toks: SentenceView['toks'], k: number, d: Discourse): Mention | null {
  // Without a current pair, "their meeting" / "the two" are the two people last mentioned.
  // ... and so are they when the current pair is not two people (a headline "Russia, US ...").
  const recent: [Mention, Mention] | null = d.recent.length >= 2 ? [d.recent[d.recent.length - 1]!, d.recent[d.recent.length - 2]!] : null;
  const pair = d.pair && (d.pair[0].people.length || !recent) ? d.pair : recent;
  if (!pair) return null;
  const t = toks[k]!;
  return namesPair(t.lower, t.pos, k > 0 ? toks[k - 1]!.lower : undefined) ? pronoun(pair[0], k, pair) : null;
}

/** A word of PAIR_ANAPHORS (lower case) that stands for the pair where it is: "they", "the two",
 *  "both sides". `prev` is the word before it in the sentence, in lower case. */
function namesPair(lower: string, pos: string, prev: string | undefined): boolean {
  const isPron = pos === 'PRON' && (lower === 'they' || lower === 'their' || lower === 'them');
  const isNp = !isPron && (lower === 'two' ? prev === 'the' : (lower === 'sides' || lower === 'ministers' || lower === 'presidents') && (prev === 'the' || prev === 'both'));
  return isPron || isNp;
}

export function byFirst(a: Mention, b: Mention): number {
  return a.first - b.first;
}

/** The two parties a pair anaphor ("they", "the two men") stands for, marked as anaphoric. */
export function parties(m: Mention): [Mention, Mention] {
  return [pronoun(m.pair![0], m.first), pronoun(m.pair![1], m.first)];
}

export function expand(m: Mention): Mention[] {
  return m.pair ? parties(m) : [m];
}

/** In a conversation between two people, the party the other addresses. */
export function otherParty(d: Discourse, m: Mention | null): Mention | null {
  if (!d.pair || !m || !d.pair[0].people.length || !d.pair[1].people.length) return null;
  if (d.pair[0].code === m.code) return d.pair[1];
  if (d.pair[1].code === m.code) return d.pair[0];
  return null;
}

export function venueFor(d: Discourse, sentence: number): string | null {
  let best: string | null = null;
  for (const v of d.venues) {
    if (v.sentence <= sentence) best = v.name;
  }
  return best;
}

/** The last day-precise date of a main clause becomes the date of undated past events after it. */
export function updateNarrative(view: SentenceView, d: Discourse, published: string | null): void {
  for (const ds of view.dates) {
    const c = view.clauses[view.clauseOf[ds.first]!]!;
    if (c.relative || ds.date.granularity !== 'day') continue;
    if (published && ds.date.value > published) continue;
    d.narrative = ds.date.value;
  }
}
