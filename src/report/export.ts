// Export: one row per event mention, GDELT-like column names where GDELT has one (docs/EXPORT.md).
import type { Article, Event, MergedEvent } from '../model.js';
import type { EventFilter, Store } from '../store/types.js';

export type ExportFormat = 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

/** Column order of the CSV header and of the JSON Lines keys. Keep docs/EXPORT.md in step. */
export const EXPORT_COLUMNS = [
  'GlobalEventID', 'MergedEventID', 'Day', 'MonthYear', 'Year', 'Date',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor2Code', 'Actor2Name', 'Actor2CountryCode',
  'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'ActionGeo_FullName', 'SOURCEURL',
  'PloverType', 'Mode', 'Negated', 'Hypothetical', 'ClaimedBy', 'Contested', 'Actors',
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

export function exportRow(e: Event, merged: MergedEvent | undefined, article: Article | null): ExportRow {
  const dayPrecise = e.date !== null && e.date.length === 10;
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
    QuadClass: quadClass(e.cameo),
    GoldsteinScale: e.goldstein,
    NumMentions: merged?.mention_count ?? 1,
    NumSources: merged?.source_count ?? 1,
    ActionGeo_FullName: e.location,
    SOURCEURL: article?.url ?? article?.source ?? e.source_file,
    PloverType: e.type,
    Mode: e.mode,
    Negated: e.negated,
    Hypothetical: e.hypothetical,
    ClaimedBy: e.claimed_by,
    Contested: merged?.contested ?? false,
    Actors: e.actors.join('; '),
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
    claimed_by: claimants.length ? claimants.join('; ') : null,
    date: m.date,
    location: m.location,
    actors: m.actors,
    evidence: claim.evidence,
  };
}

export interface ExportOptions {
  format: ExportFormat;
  /** One row per merged event instead of one per mention. */
  merged?: boolean;
}

/**
 * Writes the export of the events matching `filter` through `write` (header first for CSV).
 * NumMentions/NumSources come from the merge over the same filter without paging. Returns the
 * number of rows written.
 */
export async function writeExport(
  store: Store,
  filter: EventFilter,
  options: ExportOptions | ExportFormat,
  write: (chunk: string) => void | Promise<void>,
): Promise<number> {
  const { format, merged: perMerged = false } = typeof options === 'string' ? { format: options } : options;
  const articles = new Map<string, Article | null>();
  const articleOf = async (id: string) => {
    if (!articles.has(id)) articles.set(id, await store.getArticle(id));
    return articles.get(id)!;
  };
  if (format === 'csv') await write(csvRecord([...EXPORT_COLUMNS]));
  if (perMerged) {
    const merged = await store.mergedEvents(filter);
    for (const m of merged) {
      const article = await articleOf((m.claims.find((c) => !c.negated) ?? m.claims[0]).article);
      await write(formatRow(exportRow(mergedAsEvent(m, article?.source ?? ''), m, article), format));
    }
    return merged.length;
  }
  const { limit: _l, offset: _o, ...unpaged } = filter;
  const [events, merged] = await Promise.all([store.events(filter), store.mergedEvents(unpaged)]);
  const mergedOf = new Map<string, MergedEvent>();
  for (const m of merged) for (const id of m.mentions) mergedOf.set(id, m);
  for (const e of events) {
    await write(formatRow(exportRow(e, mergedOf.get(e.id), await articleOf(e.article)), format));
  }
  return events.length;
}
