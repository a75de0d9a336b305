// CSV and TSV with a header row: one article per row. The text column is found by name (or named
// with --text-column); the id, url, date, title and outlet columns become the article's metadata.
// Read as a stream, record by record, so a file or pipe of any size is read in flat memory, and a
// bad row (ragged, empty text, too large) is one problem naming its line while the rest is read.
import type { IngestProblem, RawDocument } from '../model.js';
import { contentId } from './decode.js';
import { normaliseDate } from './record.js';

export type Delimiter = ',' | '\t';

/** Column names (lower-case, spaces and dashes as _) that hold each field, most usual first. */
const TEXT_NAMES = ['text', 'content', 'body', 'article', 'article_text', 'full_text', 'fulltext', 'story', 'maintext', 'main_text', 'html'];
const ID_NAMES = ['id', 'article_id', 'doc_id', 'docid', 'record_id', 'guid', 'uid'];
const URL_NAMES = ['url', 'link', 'source_url', 'sourceurl', 'href', 'permalink'];
const DATE_NAMES = ['date', 'published', 'publish_date', 'published_at', 'pub_date', 'publication_date', 'pubdate', 'datetime', 'timestamp'];
const TITLE_NAMES = ['title', 'headline', 'heading'];
const OUTLET_NAMES = ['outlet', 'publisher', 'publication', 'source_name', 'site_name', 'site', 'newspaper', 'media', 'domain', 'source'];

const norm = (name: string): string => name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The delimiter of a header line that names a text column (by the usual names, or `textColumn`),
 * or null when the line is not such a header (then the input is not read as CSV).
 */
export function sniffCsvHeader(line: string, textColumn?: string): Delimiter | null {
  for (const d of ['\t', ','] as const) {
    const names = line.split(d).map((n) => norm(n.replace(/^"|"$/g, '')));
    if (names.length < 2) continue;
    if (textColumn ? names.includes(norm(textColumn)) : names.some((n) => TEXT_NAMES.includes(n))) return d;
  }
  return null;
}

/** A parsed record: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A record too large to keep: its start line (the parser skips to its end). */
export interface CsvOversize {
  oversize: true;
  line: number;
}

/**
 * RFC 4180 records from text chunks: quoted fields may hold delimiters, newlines and doubled
 * quotes; CRLF and LF both end a record. A record over `maxChars` is reported as oversize and its
 * characters are dropped as they come (memory stays bounded). An unterminated quote at the end is
 * returned as the last record, flagged by the caller through `unterminated`.
 */
export async function* parseCsv(
  chunks: AsyncIterable<string>,
  delimiter: Delimiter,
  maxChars: number,
  state: { unterminated?: number } = {},
): AsyncGenerator<CsvRecord | CsvOversize> {
  let fields: string[] = [];
  let field = '';
  let size = 0;
  let quoted = false;
  /** A quote inside a quoted field, at a chunk's end: the next character says doubled or closing. */
  let pendingQuote = false;
  let line = 1;
  let start = 1;
  let oversize = false;
  let any = false; // the current record has content (a blank line is no record)
  let afterCR = false; // a CRLF split across two chunks is one line end
  const add = (c: string): void => {
    if (++size > maxChars) oversize = true;
    if (!oversize) field += c;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (afterCR) {
        afterCR = false;
        if (c === '\n' && !quoted) continue;
      }
      if (pendingQuote) {
        pendingQuote = false;
        if (c === '"') {
          add('"');
          continue;
        }
        quoted = false; // it closed the field; c is read as outside quotes
      }
      if (quoted) {
        if (c !== '"') {
          if (c === '\n') line++;
          add(c);
        } else if (i + 1 === chunk.length) pendingQuote = true;
        else if (chunk[i + 1] === '"') {
          add('"');
          i++;
        } else quoted = false;
        continue;
      }
      if (c === '"' && field === '') {
        quoted = true;
        any = true;
        continue;
      }
      if (c === delimiter) {
        if (!oversize) fields.push(field);
        field = '';
        any = true;
        continue;
      }
      if (c === '\n' || c === '\r') {
        if (c === '\r') {
          if (chunk[i + 1] === '\n') i++;
          else if (i + 1 === chunk.length) afterCR = true;
        }
        if (any || field !== '') {
          if (oversize) yield { oversize: true, line: start };
          else {
            fields.push(field);
            yield { fields, line: start };
          }
        }
        fields = [];
        field = '';
        size = 0;
        any = false;
        oversize = false;
        line++;
        start = line;
        continue;
      }
      add(c);
      any = true;
    }
  }
  if (pendingQuote) quoted = false;
  if (quoted) {
    // Its field swallowed the rest of the input: nothing of it is a row to store.
    state.unterminated = start;
    return;
  }
  if (any || field !== '') {
    if (oversize) yield { oversize: true, line: start };
    else {
      fields.push(field);
      yield { fields, line: start };
    }
  }
}

/** Which column holds what, by the header's names. */
interface Columns {
  text: number;
  html: boolean;
  id: number;
  url: number;
  date: number;
  title: number;
  outlet: number;
}

function findColumns(header: string[], textColumn: string | undefined): Columns | string {
  const names = header.map(norm);
  const find = (candidates: string[]): number => {
    for (const c of candidates) {
      const i = names.indexOf(c);
      if (i >= 0) return i;
    }
    return -1;
  };
  const listed = header.map((h) => h.trim()).join(', ');
  const text = textColumn ? names.indexOf(norm(textColumn)) : find(TEXT_NAMES);
  if (text < 0) {
    return textColumn
      ? `no column named "${textColumn}" in the header (columns: ${listed})`
      : `no text column in the header (columns: ${listed}); name the one holding the article text with --text-column`;
  }
  const pick = (candidates: string[]): number => {
    const i = find(candidates);
    return i === text ? -1 : i;
  };
  return { text, html: names[text] === 'html', id: pick(ID_NAMES), url: pick(URL_NAMES), date: pick(DATE_NAMES), title: pick(TITLE_NAMES), outlet: pick(OUTLET_NAMES) };
}

const cell = (fields: string[], i: number): string | null => {
  if (i < 0) return null;
  const v = fields[i]?.trim();
  return v ? v : null;
};

export interface CsvReadOptions {
  delimiter: Delimiter;
  /** Largest row, in characters. */
  maxChars: number;
  textColumn?: string;
}

/** The documents of a CSV/TSV text stream named `source`, each bad row a problem on its own line. */
export async function* csvDocuments(chunks: AsyncIterable<string>, source: string, opts: CsvReadOptions): AsyncGenerator<RawDocument | IngestProblem> {
  const state: { unterminated?: number } = {};
  let columns: Columns | null = null;
  let width = 0;
  for await (const rec of parseCsv(chunks, opts.delimiter, opts.maxChars, state)) {
    if ('oversize' in rec) {
      yield { source: `${source}:${rec.line}`, error: `row too large (over ${opts.maxChars} characters; raise the limit with --max-size)` };
      continue;
    }
    if (!columns) {
      const found = findColumns(rec.fields, opts.textColumn);
      if (typeof found === 'string') return void (yield { source, error: found });
      columns = found;
      width = rec.fields.length;
      continue;
    }
    const at = `${source}:${rec.line}`;
    if (rec.fields.length !== width) {
      // A short or long row has its columns shifted: guessing which is which would store wrong data.
      yield { source: at, error: `row has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, the header has ${width}: skipped` };
      continue;
    }
    const content = cell(rec.fields, columns.text);
    if (!content) {
      yield { source: at, error: 'row has an empty text column: skipped' };
      continue;
    }
    const id = cell(rec.fields, columns.id);
    const url = cell(rec.fields, columns.url);
    yield {
      id: contentId(content),
      source: url ?? (id ? `${source}#${id}` : at),
      url,
      format: columns.html ? 'html' : 'text',
      content,
      published: normaliseDate(cell(rec.fields, columns.date)),
      title: cell(rec.fields, columns.title),
      outlet: cell(rec.fields, columns.outlet),
      record_id: id,
    };
  }
  if (!columns) yield { source, error: 'no header row: the file is empty' };
  if (state.unterminated !== undefined) yield { source: `${source}:${state.unterminated}`, error: 'a quoted field opened on this line is never closed: the rest of the input was read as that field and skipped' };
}
