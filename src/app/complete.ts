// What a processed document gains before it is stored, whichever face it came through: the
// record's outlet (else its URL's host) and id, its tone, and each event's place with coordinates.
// Done where the pipeline ran (a worker thread, or this one), once: what is set is not redone.
import type { Processed, RawDocument } from '../model.js';
import { toneOf } from '../report/tone.js';
import { placeOfEvent } from './places.js';

/** "https://www.theguardian.com/world/..." -> "theguardian.com"; null for no URL or not a web one. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol) || !u.hostname) return null;
    return u.hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return null;
  }
}

export function completeProcessed(raw: RawDocument, processed: Processed): Processed {
  const { article, events } = processed;
  if (article.outlet === undefined) article.outlet = raw.outlet?.trim() || hostOf(article.url ?? raw.url);
  if (article.record_id === undefined) article.record_id = raw.record_id ?? null;
  if (article.tone === undefined) article.tone = article.text ? toneOf(article.text) : null;
  for (const e of events) if (e.geo === undefined) e.geo = placeOfEvent(e, article);
  return processed;
}
