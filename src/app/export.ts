// `demarche export`: the events matching a filter as CSV or JSON Lines rows (columns and their
// rules in report/export.ts and docs/EXPORT.md).
import type { EventFilter } from '../filter/index.js';
import type { Article, MergedEvent } from '../model.js';
import { csvRecord, EXPORT_COLUMNS, exportRow, formatRow, mergedAsEvent, type ExportFormat, type ExportRow } from '../report/export.js';
import { meanTone, toneOf } from '../report/tone.js';
import { geoOf } from './places.js';
import type { Store } from '../store/types.js';
import { listEvents, listMerged } from './events.js';

export interface ExportOptions {
  format: ExportFormat;
  /** One row per merged event instead of one per mention. */
  merged?: boolean;
  /** How sources are shown (the server: absolute paths by their file name); default as stored. */
  sourceView?: (source: string) => string;
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
  const { format, merged: perMerged = false, sourceView } = typeof options === 'string' ? ({ format: options } as ExportOptions) : options;
  const shown = (row: ExportRow): ExportRow =>
    sourceView ? { ...row, SOURCEURL: typeof row.SOURCEURL === 'string' ? sourceView(row.SOURCEURL) : row.SOURCEURL, SourceFile: typeof row.SourceFile === 'string' ? sourceView(row.SourceFile) : row.SourceFile } : row;
  const articles = new Map<string, Article | null>();
  const articleOf = async (id: string) => {
    if (!articles.has(id)) articles.set(id, await store.getArticle(id));
    return articles.get(id)!;
  };
  // An article stored before tones existed gets one from its text.
  const toneOfArticle = async (id: string): Promise<number | null> => {
    const a = await articleOf(id);
    if (!a) return null;
    if (a.tone === undefined) a.tone = toneOf(a.text);
    return a.tone ?? null;
  };
  /** GDELT's AvgTone: the mean over every article reporting the event. */
  const toneOfEvent = async (m: MergedEvent | undefined, article: string): Promise<number | null> => {
    const ids = m ? [...new Set(m.claims.map((c) => c.article))] : [article];
    return meanTone(await Promise.all(ids.map(toneOfArticle)));
  };
  if (format === 'csv') await write(csvRecord([...EXPORT_COLUMNS]));
  if (perMerged) {
    const merged = await listMerged(store, filter);
    for (const m of merged) {
      const article = await articleOf((m.claims.find((c) => !c.negated) ?? m.claims[0]).article);
      const e = mergedAsEvent(m, article?.source ?? '');
      await write(formatRow(shown(exportRow(e, m, article, { place: m.geo ?? geoOf(e), tone: await toneOfEvent(m, e.article) })), format));
    }
    return merged.length;
  }
  const { limit: _l, offset: _o, ...unpaged } = filter;
  const [events, merged] = await Promise.all([listEvents(store, filter), listMerged(store, unpaged)]);
  const mergedOf = new Map<string, MergedEvent>();
  for (const m of merged) for (const id of m.mentions) mergedOf.set(id, m);
  for (const e of events) {
    const m = mergedOf.get(e.id);
    await write(formatRow(shown(exportRow(e, m, await articleOf(e.article), { place: geoOf(e), tone: await toneOfEvent(m, e.article) })), format));
  }
  return events.length;
}
