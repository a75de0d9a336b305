// `demarche export`: the events matching a filter as CSV or JSON Lines rows (columns and their
// rules in report/export.ts and docs/EXPORT.md).
import type { EventFilter } from '../filter/index.js';
import type { Article, MergedEvent } from '../model.js';
import { csvRecord, EXPORT_COLUMNS, exportRow, formatRow, mergedAsEvent, type ExportFormat } from '../report/export.js';
import type { Store } from '../store/types.js';
import { listEvents, listMerged } from './events.js';

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
    const merged = await listMerged(store, filter);
    for (const m of merged) {
      const article = await articleOf((m.claims.find((c) => !c.negated) ?? m.claims[0]).article);
      await write(formatRow(exportRow(mergedAsEvent(m, article?.source ?? ''), m, article), format));
    }
    return merged.length;
  }
  const { limit: _l, offset: _o, ...unpaged } = filter;
  const [events, merged] = await Promise.all([listEvents(store, filter), listMerged(store, unpaged)]);
  const mergedOf = new Map<string, MergedEvent>();
  for (const m of merged) for (const id of m.mentions) mergedOf.set(id, m);
  for (const e of events) {
    await write(formatRow(exportRow(e, mergedOf.get(e.id), await articleOf(e.article)), format));
  }
  return events.length;
}
