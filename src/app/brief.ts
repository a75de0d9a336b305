// `demarche brief`: the merged events of one dyad and period, with the articles they cite; the
// rendering (markdown, HTML) is pure, in report/brief.ts.
import { monthlyGoldstein, type BriefData, type BriefOptions, type SourceRef } from '../report/brief.js';
import { publicSource } from './public-source.js';
import type { Store } from '../store/types.js';
import { listMerged } from './events.js';

export async function loadBrief(store: Store, options: BriefOptions, generated = new Date().toISOString().slice(0, 10)): Promise<BriefData> {
  const events = await listMerged(store, { dyad: options.dyad, since: options.since, until: options.until });
  const sources = new Map<string, SourceRef>();
  for (const id of new Set(events.flatMap((m) => m.claims.map((c) => c.article)))) {
    const a = await store.getArticle(id);
    if (a) sources.set(id, { title: a.title, source: a.source, url: a.url, published: a.published, duplicate_of: a.duplicate_of });
  }
  return { options, generated, events, sources };
}

/**
 * The brief as the web UI draws it: the same events and sources as `demarche brief`, the sources
 * as an object (it crosses threads and goes out as JSON), the monthly line already computed, and
 * an absolute source path by its file name only (as every public answer shows sources).
 */
export async function loadBriefView(store: Store, options: BriefOptions) {
  const data = await loadBrief(store, options);
  const sources: Record<string, SourceRef> = {};
  for (const [id, s] of data.sources) sources[id] = { ...s, source: publicSource(s.source) };
  return { options: data.options, generated: data.generated, events: data.events, sources, months: monthlyGoldstein(data.events) };
}
