// Export: one row per event mention, GDELT-like column names where GDELT has one (docs/EXPORT.md).
// Pure: app/export.ts reads the events and their articles from the store.
import { modalityOfType, type Article, type Event, type MergedEvent, type Place } from '../model.js';

export type ExportFormat = 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

/** Column order of the CSV header and of the JSON Lines keys. Keep docs/EXPORT.md in step. */
export const EXPORT_COLUMNS = [
  'GlobalEventID', 'MergedEventID', 'Day', 'MonthYear', 'Year', 'Date',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor2Code', 'Actor2Name', 'Actor2CountryCode',
  'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_Lat', 'ActionGeo_Long', 'SOURCEURL',
  'PloverType', 'Mode', 'Negated', 'Hypothetical', 'Modality', 'Confidence', 'ClaimedBy', 'Contested', 'Actors',
  'Actor1Text', 'Actor2Text',
  'EvidenceText', 'EvidenceStart', 'EvidenceEnd', 'ArticleID', 'ArticleTitle', 'SourceFile',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number | boolean | null>;

/** GDELT QuadClass by CAMEO root (from the CAMEO codebook): 1 verbal coop .. 4 material conflict. */
export function quadClass(cameo: string): number | null {
  const root = Number.parseInt(cameo.slice(0, 2), 10);
  if (!(root >= 1 && root <= 20)) return null;
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/**
 * The name behind an actor code in this event: an entity with that code inside the evidence
 * sentence, else anywhere in the article. Empty when the article is unavailable.
 */
export function actorName(code: string, event: Event, article: Article | null): string {
  if (!article) return '';
  const inEvidence = article.entities.find(
    (en) => en.code === code && en.start >= event.evidence.start && en.end <= event.evidence.end,
  );
  return (inEvidence ?? article.entities.find((en) => en.code === code))?.name ?? '';
}

/** What a row needs beyond the event, its merged event and its article (app/export.ts finds them). */
export interface RowExtras {
  /** Where it happened, with coordinates (null: not known to the gazetteer). */
  place?: Place | null;
  /** Mean tone of the articles that report it (report/tone.ts); null when unknown. */
  tone?: number | null;
}

export function exportRow(e: Event, merged: MergedEvent | undefined, article: Article | null, extras: RowExtras = {}): ExportRow {
  const place = extras.place ?? null;
  const dayPrecise = e.date !== null && e.date.length === 10;
  // A denied or only possible event did not happen: it has no place on the cooperation-conflict
  // scale, so that summing GoldsteinScale (as GDELT users do) never counts a denial.
  const happened = !e.negated && !e.hypothetical;
  return {
    GlobalEventID: e.id,
    MergedEventID: merged?.id ?? null,
    Day: dayPrecise ? e.date!.replaceAll('-', '') : null,
    MonthYear: e.date !== null && e.date.length >= 7 ? e.date.slice(0, 7).replace('-', '') : null,
    Year: e.date !== null ? Number(e.date.slice(0, 4)) : null,
    Date: e.date,
    Actor1Code: e.source,
    Actor1Name: actorName(e.source, e, article),
    Actor1CountryCode: e.source.slice(0, 3),
    Actor2Code: e.target,
    Actor2Name: actorName(e.target, e, article),
    Actor2CountryCode: e.target.slice(0, 3),
    EventCode: e.cameo,
    EventBaseCode: e.cameo.slice(0, 3),
    EventRootCode: e.cameo.slice(0, 2),
    QuadClass: happened ? quadClass(e.cameo) : null,
    GoldsteinScale: happened ? e.goldstein : null,
    NumMentions: merged?.mention_count ?? 1,
    NumSources: merged?.source_count ?? 1,
    NumArticles: merged?.article_count ?? merged?.source_count ?? 1,
    AvgTone: extras.tone ?? null,
    ActionGeo_FullName: place?.name ?? e.location,
    ActionGeo_CountryCode: place?.country ?? null,
    ActionGeo_Lat: place?.lat ?? null,
    ActionGeo_Long: place?.lon ?? null,
    SOURCEURL: article?.url ?? article?.source ?? e.source_file,
    PloverType: e.type,
    Mode: e.mode,
    Negated: e.negated,
    Hypothetical: e.hypothetical,
    Modality: e.modality,
    Confidence: e.confidence,
    ClaimedBy: e.claimed_by,
    Contested: merged?.contested ?? false,
    Actors: e.actors.join('; '),
    Actor1Text: e.source_span?.text ?? null,
    Actor2Text: e.target_span?.text ?? null,
    EvidenceText: e.evidence.text,
    EvidenceStart: e.evidence.start,
    EvidenceEnd: e.evidence.end,
    ArticleID: e.article,
    ArticleTitle: article?.title ?? null,
    SourceFile: e.source_file,
  };
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV record with its CRLF terminator (RFC 4180). */
export function csvRecord(values: (string | number | boolean | null)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function formatRow(row: ExportRow, format: ExportFormat): string {
  return format === 'csv' ? csvRecord(EXPORT_COLUMNS.map((c) => row[c])) : JSON.stringify(row) + '\n';
}

/**
 * A merged event in the shape of one mention, for `--merged` rows: its first asserting claim
 * (else its first claim) supplies the evidence and article; ClaimedBy lists every claimant.
 */
export function mergedAsEvent(m: MergedEvent, sourceFile: string): Event {
  const claim = m.claims.find((c) => !c.negated) ?? m.claims[0];
  const claimants = [...new Set(m.claims.map((c) => c.claimed_by).filter((c): c is string => c !== null))];
  return {
    id: m.id,
    article: claim.article,
    source_file: sourceFile,
    source: m.source,
    target: m.target,
    type: m.type,
    cameo: m.cameo,
    goldstein: m.goldstein,
    mode: m.mode,
    negated: m.claims.every((c) => c.negated),
    hypothetical: false,
    source_span: null,
    target_span: null,
    confidence: m.confidence,
    modality: m.claims.every((c) => c.negated) ? 'denied' : modalityOfType(m.type),
    claimed_by: claimants.length ? claimants.join('; ') : null,
    date: m.date,
    location: m.location,
    actors: m.actors,
    evidence: claim.evidence,
  };
}
