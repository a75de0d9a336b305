// Ingest: files, folders (recursively), JSON Lines, WARC, RSS/Atom or stdin ("-") -> RawDocuments.
// Every unreadable input becomes an IngestProblem with a one-line reason; the batch goes on.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { IngestProblem, RawDocument } from '../model.js';
import { contentId, decodeBytes } from './decode.js';
import { csvDocuments, sniffCsvHeader, type Delimiter } from './csv.js';
import { parseFeed } from './feed.js';
import { documentFromRecord, parseJsonLine } from './record.js';
import { describe, listFiles } from './list.js';
import { containerOf, sniff, type Container } from './sniff.js';
import { parseWarc } from './warc.js';

export type IngestItem = RawDocument | IngestProblem;
export { listFiles, type ListedFile } from './list.js';

export interface ReadOptions {
  /** Largest single document accepted, in bytes (JSON Lines and WARC files are read record by record). */
  maxBytes?: number;
  /** Where "-" reads from (tests pass a stream). */
  stdin?: NodeJS.ReadableStream;
  /** Files never read when met inside a folder (the database being written, its -wal and -shm). */
  exclude?: string[];
  /** The CSV/TSV column holding the article text (default: the first column named text, content, body, ...). */
  textColumn?: string;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Containers of many records may be larger than one document. */
const MAX_CONTAINER_BYTES = 2 * 1024 * 1024 * 1024;

export function isProblem(item: IngestItem): item is IngestProblem {
  return 'error' in item;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** All documents in the given paths, in order, each either a RawDocument or a problem. */
export async function* readSources(paths: string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const exclude = new Set((opts.exclude ?? []).map((p) => resolve(p)));
  for await (const entry of listFiles(paths, false, exclude)) {
    if ('error' in entry) yield entry;
    else if (entry.path === '-') yield* readStream(opts.stdin ?? process.stdin, 'stdin', opts);
    else if (entry.stream) yield* readStream(createReadStream(entry.path), entry.path, opts);
    else yield* readFileDocuments(entry.path, opts);
  }
}

async function readHead(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('latin1');
  } finally {
    await fh.close();
  }
}

export async function* readFileDocuments(path: string, opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  let container: Container;
  try {
    size = (await stat(path)).size;
    if (size === 0) return void (yield { source: path, error: 'empty file' });
    container = path.endsWith('.gz') ? containerOf(path, '') : containerOf(path, await readHead(path));
  } catch (err) {
    return void (yield { source: path, error: describe(err) });
  }
  const gz = path.endsWith('.gz');
  const delimiter = csvDelimiter(container, gz ? '' : await readHead(path).catch(() => ''), opts.textColumn);
  // CSV is read row by row from the file: any size, in flat memory.
  if (delimiter && !gz) return yield* csvDocuments(textChunks(createReadStream(path)), path, { delimiter, maxChars: maxBytes, textColumn: opts.textColumn });
  const limit = container === 'jsonl' || container === 'warc' || delimiter ? MAX_CONTAINER_BYTES : maxBytes;
  if (size > limit) {
    return void (yield { source: path, error: `file too large (${mb(size)} > limit ${mb(limit)}; raise it with --max-size)` });
  }
  if (container === 'jsonl' && !gz) return yield* readJsonLines(createReadStream(path), path, maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (err) {
    return void (yield { source: path, error: err instanceof Error && /gzip|header/i.test(err.message) ? 'not a valid gzip file' : describe(err) });
  }
  if (delimiter || container === 'csv' || container === 'tsv') {
    const d = delimiter ?? csvDelimiter(container, bytes.subarray(0, 4096).toString('latin1'), opts.textColumn) ?? (container === 'tsv' ? '\t' : ',');
    return yield* csvDocuments(textChunks([bytes]), path, { delimiter: d, maxChars: maxBytes, textColumn: opts.textColumn });
  }
  yield* documentsFromBytes(bytes, path, container, maxBytes);
}

/**
 * The delimiter when the input is to be read as CSV/TSV: by its extension (.csv, .tsv), or a
 * first line that is a header naming a text column (stdin, files of other names); else null.
 */
function csvDelimiter(container: Container, head: string, textColumn: string | undefined): Delimiter | null {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (container === 'csv' || container === 'tsv') return sniffCsvHeader(firstLine, textColumn) ?? (container === 'tsv' ? '\t' : ',');
  // A header "url,html" followed by rows of pages looks like HTML to the sniffer; a page starts with a tag.
  const htmlRows = container === 'html' && !firstLine.trimStart().startsWith('<');
  if (container === 'text' || htmlRows || textColumn) return sniffCsvHeader(firstLine, textColumn);
  return null;
}

/** Text from a byte stream, decoded as UTF-8 as it comes (a byte-order mark dropped). */
async function* textChunks(bytes: AsyncIterable<Buffer | string> | Iterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const b of bytes) {
    let text = typeof b === 'string' ? b : decoder.decode(b, { stream: true });
    if (first && text) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Standard input or a named pipe. JSON Lines are read record by record as they arrive (a long or
 * endless stream starts at once, in flat memory); other containers are read whole, then split.
 */
async function* readStream(input: NodeJS.ReadableStream, source: string, opts: ReadOptions): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const chunks = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  try {
    // Enough of the start to tell JSON Lines (the first character) from the rest, without waiting
    // for more: a stream may send one short record and then nothing for a while.
    while (!head.some((b) => /\S/.test(b.toString('latin1')))) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      const b = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      head.push(b);
      size += b.length;
    }
  } catch (err) {
    return void (yield { source, error: describe(err) });
  }
  if (size === 0) return void (yield { source, error: source === 'stdin' ? 'nothing on standard input' : 'empty input' });
  const start = Buffer.concat(head);
  const gzipped = start[0] === 0x1f && start[1] === 0x8b;
  const headText = start.subarray(0, 4096).toString('latin1');
  const delimiter = gzipped ? null : csvDelimiter(sniff(headText), headText, opts.textColumn);
  if (delimiter) {
    const rest = async function* (): AsyncGenerator<Buffer | string> {
      yield start;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    };
    return yield* csvDocuments(textChunks(rest()), source, { delimiter, maxChars: maxBytes, textColumn: opts.textColumn });
  }
  if (!gzipped && sniff(headText) === 'jsonl') {
    const rest = async function* (): AsyncGenerator<Buffer | string> {
      yield start;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    };
    return yield* readJsonLines(Readable.from(rest()), source, maxBytes);
  }
  const all: Buffer[] = [start];
  try {
    for (let next = ended ? null : await chunks.next(); next && !next.done; next = await chunks.next()) {
      const b = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      size += b.length;
      if (size > MAX_CONTAINER_BYTES) return void (yield { source, error: `input too large (over ${mb(MAX_CONTAINER_BYTES)})` });
      all.push(b);
    }
  } catch (err) {
    return void (yield { source, error: describe(err) });
  }
  let bytes = Buffer.concat(all);
  if (gzipped) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return void (yield { source, error: 'not a valid gzip stream' });
    }
  }
  const container = sniff(bytes.subarray(0, 4096).toString('latin1'));
  yield* documentsFromBytes(bytes, source, container, maxBytes);
}

function decodeOrNull(b: Buffer): string | null {
  const d = decodeBytes(b);
  return d.ok ? d.text : null;
}

/** Documents from a whole file's (or stdin's) bytes. */
export function* documentsFromBytes(bytes: Buffer, source: string, container: Container, maxBytes: number): Generator<IngestItem> {
  if (container === 'warc') return yield* parseWarc(bytes, source, decodeOrNull);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return void (yield { source, error: decoded.error });
  if (decoded.warning) yield { source, error: decoded.warning, warning: true };
  if (container === 'jsonl') return yield* jsonLinesText(decoded.text, source, maxBytes);
  if (container === 'feed') return yield* parseFeed(decoded.text, source);
  if (container === 'json') return yield* parseJsonDocument(decoded.text, source, maxBytes);
  if (bytes.length > maxBytes) return void (yield { source, error: `document too large (${mb(bytes.length)} > limit ${mb(maxBytes)})` });
  yield { id: contentId(decoded.text), source, url: null, format: container === 'html' ? 'html' : 'text', content: decoded.text, published: null, title: null };
}

/** A .json file: one record, an array of records, or (if it does not parse as one value) JSON Lines. */
function* parseJsonDocument(text: string, source: string, maxBytes: number): Generator<IngestItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return yield* jsonLinesText(text, source, maxBytes);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield documentFromRecord(value[i], `${source}#${i + 1}`);
    return;
  }
  const item = documentFromRecord(value, source);
  yield isProblem(item) ? { source, error: 'JSON file is not an article record ({text|html, url?, published?, title?}) nor an array of them' } : item;
}

/** JSON Lines already in memory, one item per non-blank line ("file:N" names the line). */
function* jsonLinesText(text: string, source: string, maxBytes: number): Generator<IngestItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const item = lineItem(lines[i]!, `${source}:${i + 1}`, maxBytes);
    if (item) yield item;
  }
}

function lineItem(line: string, source: string, maxBytes: number): IngestItem | null {
  if (line.length > maxBytes) return { source, error: `record too large (${mb(line.length)} > limit ${mb(maxBytes)})` };
  return parseJsonLine(line, source);
}

async function* readJsonLines(stream: NodeJS.ReadableStream, source: string, maxBytes: number): AsyncGenerator<IngestItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      const item = lineItem(line, `${source}:${n}`, maxBytes);
      if (item) yield item;
    }
  } catch (err) {
    yield { source, error: describe(err) };
  }
}
