// `demarche brief`: the merged events of one dyad and period, with the articles they cite; the
// rendering (markdown, HTML) is pure, in report/brief.ts.
import type { BriefData, BriefOptions, SourceRef } from '../report/brief.js';
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
