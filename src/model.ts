// The one data model every stage reads and writes.
//
// A document flows: RawDocument (ingest) -> ArticleBase (clean) -> Article (annotate, actors)
// -> Processed: the article and its Event[] (events) -> MergedEvent[] (merge). Each stage is a pure
// function over these types (src/stages); side effects live in store/, app/ and the faces (cli/,
// server/, queue/).
//
// Field names that leave the program (JSON Lines, API, exports) are snake_case so that the model
// serialises as-is, without a mapping layer that could drift from it.

/** A half-open character range [start, end) into Article.text (the clean text). */
export interface Span {
  start: number;
  end: number;
}

/** What ingest hands on: one document's bytes decoded to text, plus what its container said. */
export interface RawDocument {
  /** Content hash (hex, 16 chars) of the raw content: the article id; re-ingesting is a no-op. */
  id: string;
  /** File path, URL, or "stdin" (with ":N" line number for JSON Lines records). */
  source: string;
  url: string | null;
  format: 'text' | 'html';
  content: string;
  /** Publication date given by the container (JSONL field, WARC/RSS header), YYYY-MM-DD. */
  published: string | null;
  title: string | null;
  /** Who published it, as the record says (a CSV/JSONL "outlet" or "publisher" field); absent when unknown. */
  outlet?: string | null;
  /** The record's own id in its container (a JSONL or CSV "id" field); absent when it has none. */
  record_id?: string | null;
}

/** A document ingest could not read; reported, never fatal for the batch. */
export interface IngestProblem {
  source: string;
  error: string;
  /** True when the document was still read (e.g. decoded as Windows-1252); false/absent when skipped. */
  warning?: boolean;
}

/** Output of the clean stage alone (what `demarche extract` prints). */
export interface CleanDocument {
  title: string | null;
  /** Main text: boilerplate removed, repeated paragraphs kept once, paragraphs separated by "\n\n". */
  text: string;
  /** YYYY-MM-DD or null when unknown (never a guess dressed as fact). */
  published: string | null;
  /** ISO 639-1 code, or null when too little text to tell. */
  language: string | null;
  /** True when the text is written day-first (6/9/15 = 6 September) — decided from the source. */
  day_first: boolean;
}

export interface Sentence extends Span {
  text: string;
}

export interface Token extends Span {
  text: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, DET, PRON, ...). */
  pos: string;
  lemma: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

export type EntityKind = 'PERSON' | 'ORG' | 'PLACE';

/** A named thing found in the text (gazetteer or pattern), resolved to an actor code when possible. */
export interface Entity extends Span {
  text: string;
  kind: EntityKind;
  /** Canonical name, e.g. "Sergey Lavrov" for "Lovrov" or "the Russian FM". */
  name: string;
  /** Actor code like RUSGOV, USAGOV, IGOUNO, IMGMUSISI; null when unknown. */
  code: string | null;
  /** Country ISO3 for places/countries (used for location), else null. */
  country: string | null;
  /** How the code was found (absent on entities from older data). */
  via?: EntityVia;
  /** How sure the code is, 0..1: a dictionary name is surer than a country guessed from context. */
  confidence?: number;
}

/**
 * The evidence for an entity's code: a dictionary entry (a named person or organisation), a title
 * ("Foreign Minister X", "the Russian FM"), a country name, capital or demonym, an agent noun with
 * its own country ("Egyptian police"), an agent noun whose country comes from the context ("police"
 * in a sentence about Cairo; "---" when none), coreference ("it", "the ministry", "Mr Trump" after
 * "Donald Trump"), or an acronym defined in the text ("... (OPCW)").
 */
export type EntityVia = 'dictionary' | 'title' | 'country' | 'agent' | 'context' | 'coreference' | 'acronym';

/** A time expression resolved against the publication date. */
export interface DateMention extends Span {
  text: string;
  /** YYYY-MM-DD (granularity day), YYYY-MM (month) or YYYY (year). */
  value: string;
  granularity: 'day' | 'month' | 'year';
}

/** A cleaned, annotated document. */
export interface Article {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  day_first: boolean;
  text: string;
  /** Id of the earlier article this one is a syndicated near-copy of, else null. */
  duplicate_of: string | null;
  /** Who published it: the record's outlet, else the URL's host (www. dropped); null when neither is known. */
  outlet?: string | null;
  /** The record's own id in its container (JSONL/CSV "id"), kept for citing it back. */
  record_id?: string | null;
  /** GDELT-style AvgTone of the text: (positive - negative words) per 100 words, from a sentiment lexicon. */
  tone?: number | null;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  dates: DateMention[];
}

/** What the clean stage hands on: the article before annotation (no sentences, tokens, entities, dates). */
export type ArticleBase = Omit<Article, 'sentences' | 'tokens' | 'entities' | 'dates'>;

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export type EventMode = 'phone' | 'meet' | 'visit' | 'letter' | 'statement' | null;

/**
 * How the text presents an event: as done (asserted), promised or offered (intent), threatened,
 * demanded of someone, refused, only possible (hypothetical), or said not to have happened (denied).
 * intent, threat, demand and refusal are what make an act AGREE, THREATEN, REQUEST or REJECT.
 */
export const MODALITIES = ['asserted', 'intent', 'threat', 'demand', 'refusal', 'hypothetical', 'denied'] as const;
export type Modality = (typeof MODALITIES)[number];

/** The modality a type carries by itself: "threatened" is a threat, "urged" a demand, "rejected"
 *  a refusal, "agreed" an intent; the other types are asserted unless denied or hypothetical. */
export function modalityOfType(type: PloverType | null): Modality {
  return type === 'THREATEN' ? 'threat' : type === 'REQUEST' ? 'demand' : type === 'REJECT' ? 'refusal' : type === 'AGREE' ? 'intent' : 'asserted';
}

export interface Evidence extends Span {
  /** The sentence the event was coded from (exactly Article.text.slice(start, end)). */
  text: string;
}

/** A place with coordinates from the offline gazetteer (data/places.json). */
export interface Place {
  name: string;
  /** ISO 3166-1 alpha-3 code of the country it lies in. */
  country: string;
  lat: number;
  lon: number;
}

/** One coded event mention: who did what to whom, when, where, and who says so. */
export interface Event {
  /** Stable: hash of article id + evidence span + source/target/type. */
  id: string;
  article: string;
  source_file: string;
  /** Actor codes (e.g. USAGOV). */
  source: string;
  target: string;
  type: PloverType;
  /** CAMEO code string, e.g. "040". */
  cameo: string;
  goldstein: number;
  mode: EventMode;
  /** The text says this did NOT happen ("no agreement", "denied"). */
  negated: boolean;
  /** Planned, conditional or possible, not reported as done ("could escalate"). */
  hypothetical: boolean;
  /** Canonical name of who asserts it (reported speech), null when the narrator does. */
  claimed_by: string | null;
  /** YYYY-MM-DD (or coarser) when the event happened, resolved per event. */
  date: string | null;
  location: string | null;
  /** Canonical names of the people/organisations involved. */
  actors: string[];
  evidence: Evidence;
  /** The words naming the source and the target (offsets into Article.text, inside the evidence);
   *  null when the sentence does not name them. */
  source_span: Evidence | null;
  target_span: Evidence | null;
  /** How likely the coder thinks it is that the text reports this event as coded, 0..1. */
  confidence: number;
  modality: Modality;
  /** Where it happened with coordinates: its location, else a place named in its sentence that is
   *  not one of its parties, as the gazetteer knows it; null when none is known. Events stored
   *  before places existed have none stored, and get it from `location` when read. */
  geo?: Place | null;
}

/** One document through the whole pipeline: its article and the event mentions coded from it. */
export interface Processed {
  article: Article;
  events: Event[];
}

/** Mentions of one real event across articles. */
export interface MergedEvent {
  id: string;
  source: string;
  target: string;
  type: PloverType;
  cameo: string;
  goldstein: number;
  mode: EventMode;
  date: string | null;
  location: string | null;
  actors: string[];
  /** Number of event mentions merged. */
  mention_count: number;
  /** Number of distinct sources: outlets (the article's outlet, else its URL's host; an article
   *  of unknown outlet counts as its own source), syndicated duplicates counted once. */
  source_count: number;
  /** Number of distinct articles, syndicated duplicates counted once (GDELT's NumArticles). */
  article_count?: number;
  /** Where it happened: the place of its first mention that has one (see Event.geo). */
  geo?: Place | null;
  /** Sources disagree: some mentions assert it, others deny it. */
  contested: boolean;
  /** The highest confidence among the mentions that say it happened (else among all). */
  confidence: number;
  claims: { claimed_by: string | null; negated: boolean; article: string; evidence: Evidence }[];
  mentions: string[];
}

/** One coded input for `demarche code` (the event coder alone). */
export interface CodeInput {
  id: string;
  text: string;
  date?: string | null;
}
