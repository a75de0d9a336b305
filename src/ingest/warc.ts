// WARC files (ISO 28500): each `response` (or `resource`) record with an HTML/text payload is a document.
import type { IngestProblem, RawDocument } from '../model.js';
import { contentId } from './decode.js';

interface WarcRecord {
  headers: Map<string, string>;
  body: Buffer;
}

function* records(buf: Buffer): Generator<WarcRecord | { error: string }> {
  let pos = 0;
  while (pos < buf.length) {
    const start = buf.indexOf('WARC/', pos, 'latin1');
    if (start < 0) return;
    const headEnd = buf.indexOf('\r\n\r\n', start, 'latin1');
    if (headEnd < 0) return void (yield { error: 'truncated WARC record header' });
    const headers = new Map<string, string>();
    for (const line of buf.subarray(start, headEnd).toString('latin1').split('\r\n').slice(1)) {
      const i = line.indexOf(':');
      if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
    const length = Number(headers.get('content-length'));
    if (!Number.isFinite(length) || length < 0) return void (yield { error: 'WARC record without a valid Content-Length' });
    const bodyStart = headEnd + 4;
    if (bodyStart + length > buf.length) return void (yield { error: 'truncated WARC record body' });
    yield { headers, body: buf.subarray(bodyStart, bodyStart + length) };
    pos = bodyStart + length;
  }
}

/** Splits an HTTP response into headers and body; `resource` records have no HTTP envelope. */
function httpPayload(rec: WarcRecord): { contentType: string; body: Buffer } {
  if (rec.headers.get('warc-type') !== 'response') {
    return { contentType: rec.headers.get('content-type') ?? '', body: rec.body };
  }
  const end = rec.body.indexOf('\r\n\r\n', 0, 'latin1');
  if (end < 0) return { contentType: '', body: rec.body };
  const head = rec.body.subarray(0, end).toString('latin1');
  const ct = /^content-type:\s*(.+)$/im.exec(head)?.[1] ?? '';
  return { contentType: ct, body: rec.body.subarray(end + 4) };
}

export function parseWarc(buf: Buffer, source: string, decode: (b: Buffer) => string | null): (RawDocument | IngestProblem)[] {
  const out: (RawDocument | IngestProblem)[] = [];
  let n = 0;
  for (const rec of records(buf)) {
    n++;
    if ('error' in rec) {
      out.push({ source: `${source}#${n}`, error: rec.error });
      continue;
    }
    const type = rec.headers.get('warc-type');
    if (type !== 'response' && type !== 'resource') continue;
    const { contentType, body } = httpPayload(rec);
    if (contentType && !/html|text\/plain|xml/i.test(contentType)) continue;
    const url = rec.headers.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null;
    const content = decode(body);
    if (content === null || content.trim() === '') {
      out.push({ source: url ?? `${source}#${n}`, error: 'WARC record payload is empty or not text' });
      continue;
    }
    const isHtml = /html|xml/i.test(contentType) || /^\s*</.test(content);
    out.push({ id: contentId(content), source: url ?? `${source}#${n}`, url, format: isHtml ? 'html' : 'text', content, published: null, title: null });
  }
  return out;
}
