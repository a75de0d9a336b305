// `demarche extract`: the clean stage alone, no store (and none of the later stages loaded).
import type { RawDocument } from '../model.js';
import { cleanDocument } from '../stages/clean/index.js';

export interface Extracted {
  url: string | null;
  title: string | null;
  text: string;
  published: string | null;
  language: string | null;
}

/**
 * What `extract` prints of one document: the container's title and date before the page's.
 * `url` is where the page was fetched from when the input itself does not say (a saved page given
 * with --url): its path often carries the publication day, and its domain the date convention.
 */
export function extract(raw: RawDocument, url: string | null = null): Extracted {
  const doc = raw.url === null && url !== null ? { ...raw, url } : raw;
  const clean = cleanDocument(doc);
  return { url: doc.url, title: clean.title ?? doc.title, text: clean.text, published: doc.published ?? clean.published, language: clean.language };
}

/** A page address as given on the command line, or the one-line reason it is not one. */
export function pageUrl(value: string): string | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { error: `--url takes an address such as https://example.com/2025/03/01/story (got "${value}")` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { error: `--url takes an http or https address (got "${value}")` };
  return parsed.href;
}
