// One JSON object (a JSON Lines record or a POST /api/articles body) -> a RawDocument.
import type { IngestProblem, RawDocument } from '../model.js';
import { contentId } from './decode.js';
import { errorMessage } from '../errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A container-given date, normalised to YYYY-MM-DD; anything unparseable is dropped (not guessed). */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  const iso = ISO_DATE.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(s);
  if (Number.isNaN(t) || !/[a-z]{3}|\d{4}/i.test(s)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function idOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : null;
}

/** Who published it, as the record says; a "source" field counts when it names something, not a path or URL. */
function outletOf(r: Record<string, unknown>): string | null {
  for (const key of ['outlet', 'publisher', 'publication', 'source_name', 'site_name', 'site', 'newspaper', 'media', 'source']) {
    const v = str(r[key]);
    if (v && !(key === 'source' && /[\\/]/.test(v))) return v.trim().slice(0, 200);
    const named = r[key] as { name?: unknown } | null | undefined;
    if (named && typeof named === 'object' && str(named.name)) return str(named.name)!.trim().slice(0, 200);
  }
  return null;
}

/** Builds a RawDocument from {text|html|content, url?, published?|date?, title?}. */
export function documentFromRecord(rec: unknown, source: string): RawDocument | IngestProblem {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    return { source, error: 'record is not a JSON object' };
  }
  const r = rec as Record<string, unknown>;
  const html = str(r.html);
  const text = str(r.text) ?? str(r.content) ?? str(r.body);
  const content = html ?? text;
  if (!content) return { source, error: 'record has no "text" or "html" field with content' };
  const format: RawDocument['format'] = html ? 'html' : 'text';
  const recordId = idOf(r.id ?? r.article_id ?? r.doc_id ?? r.guid);
  return {
    id: contentId(content),
    // "feed.jsonl#guardian-3" names the record for good; "feed.jsonl:3" only while the file is unchanged.
    source: str(r.url) ?? (recordId ? `${source.replace(/:\d+$/, '')}#${recordId}` : source),
    url: str(r.url),
    format,
    content,
    published: normaliseDate(r.published ?? r.date ?? r.publish_date ?? r.published_at),
    title: str(r.title),
    outlet: outletOf(r),
    record_id: recordId,
  };
}

/** Parses one JSON Lines line; blank lines yield nothing. */
export function parseJsonLine(line: string, source: string): RawDocument | IngestProblem | null {
  if (line.trim() === '') return null;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return { source, error: `invalid JSON (${errorMessage(err)})` };
  }
  return documentFromRecord(rec, source);
}
