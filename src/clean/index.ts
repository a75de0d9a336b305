// PLACEHOLDER (being replaced by the clean-stage owner): passes text through.
import type { CleanDocument, RawDocument } from '../model.js';
import { detectPublished } from './published.js';

export function cleanDocument(raw: RawDocument): CleanDocument {
  const text = raw.content.trim();
  const { published, day_first } = detectPublished({ format: raw.format, content: raw.content, url: raw.url, text });
  return { title: raw.title, text, published, language: null, day_first };
}
