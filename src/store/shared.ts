// What SQLite and PostgreSQL stores share: row <-> model mapping, the event filter as SQL, the
// FTS query, MinHash blobs. Both backends use the same column names, so only placeholders
// ("?" vs "$1") and a few functions differ.
import { modalityOfType, type Article, type Event, type Sentence } from '../model.js';
import { dateBounds } from '../date-values.js';
import type { ArticleRow, EventFact, MentionFilter } from './types.js';

/** Placeholder for the n-th (1-based) bound parameter: "?" for SQLite, "$n" for PostgreSQL. */
export type Placeholder = (n: number) => string;
export const sqlitePlaceholder: Placeholder = () => '?';
export const postgresPlaceholder: Placeholder = (n) => `$${n}`;

/** Events are returned by date (undated last), then id. */
export const EVENT_ORDER = 'ORDER BY date IS NULL, date, id';

/** Actor codes are upper-case letters/digits ("RUS", "USAGOV"); anything else is a person's name. */
export function isActorCode(actor: string): boolean {
  return /^[A-Z0-9]{2,}$/.test(actor);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * WHERE clause (with leading " WHERE ", or "") for everything in the filter but paging. Codes
 * match as prefixes on source or target; names match as a case-insensitive substring of the
 * event's actor names. since/until compare the period a date covers: "2014-10" overlaps
 * since=2014-10-15. Undated events fail any since/until.
 */
export function eventWhere(
  filter: MentionFilter,
  ph: Placeholder,
  firstParam = 1,
  dialect: 'sqlite' | 'postgres' = ph === postgresPlaceholder ? 'postgres' : 'sqlite',
): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return ph(firstParam + params.length - 1);
  };
  const codeMatch = (column: string, prefix: string) => `substr(${column}, 1, ${p(prefix.length)}) = ${p(prefix)}`;
  if (filter.actor) {
    const a = filter.actor.trim();
    if (isActorCode(a)) conds.push(`(${codeMatch('source', a)} OR ${codeMatch('target', a)})`);
    else conds.push(`actors_lc LIKE ${p(`%${escapeLike(a.toLowerCase())}%`)} ESCAPE '\\'`);
  }
  if (filter.dyad) {
    const [x, y] = filter.dyad.map((c) => c.trim().toUpperCase());
    conds.push(
      `((${codeMatch('source', x)} AND ${codeMatch('target', y)}) OR (${codeMatch('source', y)} AND ${codeMatch('target', x)}))`,
    );
  }
  if (filter.type) conds.push(`type = ${p(filter.type.trim().toUpperCase())}`);
  if (filter.article) conds.push(`article = ${p(filter.article)}`);
  if (filter.since) conds.push(`date_hi >= ${p(dateBounds(filter.since)!.lo)}`);
  if (filter.until) conds.push(`date_lo <= ${p(dateBounds(filter.until)!.hi)}`);
  if (filter.min_confidence !== undefined) conds.push(`confidence >= ${p(filter.min_confidence)}`);
  if (filter.outlet) conds.push(`article IN (SELECT id FROM articles WHERE outlet = ${p(filter.outlet.trim())})`);
  if (filter.text) {
    const evidence = dialect === 'postgres' ? `(data::json -> 'evidence' ->> 'text') ILIKE` : `json_extract(data, '$.evidence.text') LIKE`;
    for (const word of filter.text.match(/[\p{L}\p{N}]+/gu) ?? []) conds.push(`${evidence} ${p(`%${escapeLike(word)}%`)} ESCAPE '\\'`);
  }
  return { sql: conds.length ? ` WHERE ${conds.join(' AND ')}` : '', params };
}

/** Column values for one events row (besides id/article): filter columns + the Event as JSON. */
export function eventRow(e: Event): {
  id: string;
  article: string;
  source: string;
  target: string;
  type: string;
  date: string | null;
  date_lo: string | null;
  date_hi: string | null;
  actors_lc: string;
  confidence: number;
  data: string;
} {
  const bounds = dateBounds(e.date);
  return {
    id: e.id,
    article: e.article,
    source: e.source,
    target: e.target,
    type: e.type,
    date: e.date,
    date_lo: bounds?.lo ?? null,
    date_hi: bounds?.hi ?? null,
    actors_lc: e.actors.join('\n').toLowerCase(),
    confidence: e.confidence ?? 1, // an event coded without one counts as certain, as rowToEvent reads it
    data: JSON.stringify(e),
  };
}

/** An event as stored. Events stored before spans, confidence and modality existed get their
 *  neutral values: no spans, full confidence (the filter never hides them), the modality their
 *  flags imply. */
export function rowToEvent(row: { data: string }): Event {
  const e = JSON.parse(row.data) as Event;
  if (e.confidence === undefined) {
    e.source_span = null;
    e.target_span = null;
    e.confidence = 1;
    e.modality = e.negated ? 'denied' : e.hypothetical ? 'hypothetical' : modalityOfType(e.type);
  }
  return e;
}

/** A sentence stored as [start, end] when its text is just that slice of the article (the usual case). */
type StoredSentence = Sentence | [number, number];

function packSentence(text: string, s: Sentence): StoredSentence {
  return Object.keys(s).length === 3 && s.text === text.slice(s.start, s.end) ? [s.start, s.end] : s;
}

function unpackSentence(text: string, s: StoredSentence): Sentence {
  return Array.isArray(s) ? { start: s[0], end: s[1], text: text.slice(s[0], s[1]) } : s;
}

/**
 * Annotations stored as one JSON column: sentences (as spans, their text is re-sliced on read),
 * entities, dates and any optional fields added to Article later. Tokens are NOT stored (they are
 * most of the size and recomputable); getArticle returns tokens: [].
 */
export function articleAnnotations(a: Article): string {
  const { id: _i, source: _s, url: _u, title: _t, published: _p, language: _l, day_first: _d, text: _x,
    duplicate_of: _o, tokens: _k, sentences, ...rest } = a;
  return JSON.stringify({ sentences: sentences.map((s) => packSentence(a.text, s)), ...rest });
}

export interface ArticleDbRow extends ArticleRow {
  day_first: number | boolean;
  annotations: string;
}

export function rowToArticle(row: ArticleDbRow): Article {
  const { sentences, ...rest } = JSON.parse(row.annotations) as Pick<Article, 'entities' | 'dates'> & {
    sentences: StoredSentence[];
  };
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    title: row.title,
    published: row.published,
    language: row.language,
    day_first: Boolean(row.day_first),
    text: row.text,
    duplicate_of: row.duplicate_of,
    sentences: sentences.map((s) => unpackSentence(row.text, s)),
    ...rest,
    tokens: [],
  };
}

/** MinHash signatures as little-endian uint32 bytes (same bytes on every platform and backend). */
export function encodeMinhash(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
}

export function decodeMinhash(buf: Uint8Array): Uint32Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const sig = new Uint32Array(buf.byteLength >>> 2);
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}

/** User text -> FTS5 query: every word quoted (no operator syntax errors), all required. */
export function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
}

/** Snippet markers around matched words in SearchHit.snippet. */
export const SNIPPET_OPEN = '«';
export const SNIPPET_CLOSE = '»';

/** A row of the facts query (both backends select these names; PostgreSQL's JSON values come as text). */
export interface FactRow {
  id: string;
  article: string;
  source: string;
  target: string;
  type: string;
  date: string | null;
  confidence: number;
  goldstein: number | string | null;
  negated: number | boolean | string | null;
  hypothetical: number | boolean | string | null;
  location: string | null;
  geo: string | null;
  outlet: string | null;
}

const truthy = (v: number | boolean | string | null): boolean => v === true || v === 1 || v === 'true' || v === '1';

export function rowToFact(r: FactRow): EventFact {
  return {
    id: r.id,
    article: r.article,
    source: r.source,
    target: r.target,
    type: r.type as EventFact['type'],
    date: r.date,
    confidence: Number(r.confidence),
    goldstein: Number(r.goldstein ?? 0),
    negated: truthy(r.negated),
    hypothetical: truthy(r.hypothetical),
    location: r.location,
    geo: r.geo === null || r.geo === undefined ? undefined : (JSON.parse(r.geo) as EventFact['geo']),
    outlet: r.outlet,
  };
}

/**
 * The facts query over the filtered events: the JSON fields read in the database (no evidence text
 * crosses over), the outlet joined from the article. `field(name)` reads one field of the event's
 * JSON in the backend's dialect.
 */
export function factsSql(where: string, field: (name: string) => string): string {
  return `SELECT e.id, e.article, e.source, e.target, e.type, e.date, e.confidence,
      ${field('goldstein')} AS goldstein, ${field('negated')} AS negated, ${field('hypothetical')} AS hypothetical,
      ${field('location')} AS location, ${field('geo')} AS geo, a.outlet AS outlet
    FROM (SELECT * FROM events${where}) e LEFT JOIN articles a ON a.id = e.article`;
}
