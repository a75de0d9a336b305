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
  // The day as written, in the writer's own zone: "Tue, 01 Mar 2025 22:30:00 -0500" is 1 March
  // (not 2 March in UTC), and "March 1, 2025" is 1 March whatever zone this machine is in.
  const offset = writtenOffset(s);
  const d = offset === null ? new Date(t) : new Date(t + offset * 60_000);
  const [y, m, day] = offset === null ? [d.getFullYear(), d.getMonth() + 1, d.getDate()] : [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Zone abbreviations of RFC 2822 dates (feeds); anything else is written as an offset.
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
// An offset after a time of day ("22:30:00 -0500", "22:30 GMT+09:00"), not the dashes of a date.
const OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:GMT|UTC)?\s*([+-])(\d{2}):?(\d{2})\b/i;
const ZONE_NAME = /\b(UTC?|GMT|Z|[ECMP][SD]T)\s*$/i;

/** Minutes east of UTC of the zone a date string ends with, or null when it names none. */
function writtenOffset(s: string): number | null {
  const o = OFFSET.exec(s);
  if (o) return (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  const z = ZONE_NAME.exec(s);
  return z ? (ZONES[z[1]!.toLowerCase()] ?? null) : null;
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

/** Builds a RawDocument from {text|html|content, url?|link?, published?|date?, title?}. */
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
  // The page's address (the same names a CSV header may use): the clean stage reads a date in its path.
  const url = str(r.url) ?? str(r.link) ?? str(r.source_url) ?? str(r.permalink);
  return {
    id: contentId(content),
    // "feed.jsonl#guardian-3" names the record for good; "feed.jsonl:3" only while the file is unchanged.
    source: url ?? (recordId ? `${source.replace(/:\d+$/, '')}#${recordId}` : source),
    url,
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
