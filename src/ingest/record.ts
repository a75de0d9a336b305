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
  return {
    id: contentId(content),
    source: str(r.url) ?? source,
    url: str(r.url),
    format,
    content,
    published: normaliseDate(r.published ?? r.date ?? r.publish_date ?? r.published_at),
    title: str(r.title),
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
