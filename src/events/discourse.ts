// Discourse state carried across the sentences of an article: who "he" and "they" are, the two
// parties of the conversation being reported, the narrative date, and meeting venues.
import type { EventMode } from '../model.js';
import { PAIR_ANAPHORS } from './lexicon.js';
import type { Mention, SentenceView } from './sentence.js';

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

export function pronoun(like: Mention, at: number, pair?: [Mention, Mention]): Mention {
  return { ...like, first: at, last: at, kind: 'PRONOUN', locative: false, ...(pair ? { pair } : {}) };
}

/** Add pronouns and anaphors ("he", "they", "the two", "both sides") as mentions. */
export function resolveAnaphora(view: SentenceView, d: Discourse): void {
  const { toks } = view;
  const added: Mention[] = [];
  const entityAt = new Map<number, Mention>();
  for (const m of view.mentions) entityAt.set(m.first, m);
  let firstVerb = toks.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (firstVerb < 0) firstVerb = toks.length;
  let subject: Mention | null = null;
  let personBefore = false;
  for (let k = 0; k < toks.length; k++) {
    const ent = entityAt.get(k);
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
    // Without a current pair, "their meeting" / "the two" are the two people last mentioned.
    // ... and so are they when the current pair is not two people (a headline "Russia, US ...").
    const recent: [Mention, Mention] | null = d.recent.length >= 2 ? [d.recent[d.recent.length - 1]!, d.recent[d.recent.length - 2]!] : null;
    const pair = d.pair && (d.pair[0].people.length || !recent) ? d.pair : recent;
    if (t.pos === 'PRON' && PRONOUN_PERSON.has(t.lower) && d.lastPerson) {
      // A subject pronoun with no person before it in its sentence continues the last subject.
      const nominative = t.lower === 'he' || t.lower === 'she';
      const antecedent = nominative && k < firstVerb && !personBefore && d.lastSubject ? d.lastSubject : d.lastPerson;
      const p = pronoun(antecedent, k);
      if (k < firstVerb) subject ??= p;
      added.push(p);
    } else if (pair && PAIR_ANAPHORS.has(t.lower)) {
      const isPron = t.pos === 'PRON' && (t.lower === 'they' || t.lower === 'their' || t.lower === 'them');
      const prev = toks[k - 1]?.lower;
      const isNp = !isPron && (t.lower === 'two' ? prev === 'the' : (t.lower === 'sides' || t.lower === 'ministers' || t.lower === 'presidents') && (prev === 'the' || prev === 'both'));
      if (isPron || isNp) added.push(pronoun(pair[0], k, pair));
    }
  }
  if (subject) d.lastSubject = subject;
  if (added.length) {
    view.mentions.push(...added);
    view.mentions.sort((a, b) => a.first - b.first);
  }
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
