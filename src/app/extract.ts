// `demarche extract`: the clean stage alone, no store (and none of the later stages loaded).
import type { RawDocument } from '../model.js';
import { cleanDocument } from '../stages/clean/index.js';

/** What `extract` prints of one document: the container's title and date before the page's. */
export function extract(raw: RawDocument): { title: string | null; text: string; published: string | null; language: string | null } {
  const clean = cleanDocument(raw);
  return { title: clean.title ?? raw.title, text: clean.text, published: raw.published ?? clean.published, language: clean.language };
}
