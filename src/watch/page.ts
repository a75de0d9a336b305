// A fetched article page -> the RawDocument the pipeline reads: decoded in the charset the server
// declares (else the page's <meta>, else UTF-8, else Windows-1252 with a warning, as ingest does),
// with the feed item's title and date and the page's address, which the clean stage reads dates from.
import { contentId, decodeAs, decodeBytes } from '../ingest/decode.js';
import type { IngestProblem, RawDocument } from '../model.js';
import { charsetOf } from './feed-items.js';

export interface PageMeta {
  /** The page address the feed gave (the source of the article). */
  url: string;
  title: string | null;
  published: string | null;
}

const TEXTUAL = /^(text\/|application\/(xhtml\+xml|xml|json|rss\+xml|atom\+xml))/i;

/** The page as a document, or why it is not one (a PDF, an image, an empty body). */
export function pageDocument(
  body: Buffer,
  contentType: string | null,
  finalUrl: string,
  meta: PageMeta,
): { doc: RawDocument; warning: string | null } | IngestProblem {
  const type = contentType?.split(';')[0]!.trim() ?? '';
  // octet-stream says "unknown": the bytes decide (decodeBytes refuses binary content).
  if (type && !TEXTUAL.test(type) && type !== 'application/octet-stream') return { source: meta.url, error: `not a text page (${type})` };
  let text: string | null = null;
  let warning: string | null = null;
  const declared = charsetOf(contentType);
  if (declared) {
    try {
      // fatal: a page whose bytes contradict its header falls through to detection below.
      text = decodeAs(declared, body, true).replace(/^\uFEFF/, '');
    } catch {
      text = null;
    }
  }
  if (text === null || text.trim() === '') {
    const decoded = decodeBytes(body);
    if (!decoded.ok) return { source: meta.url, error: decoded.error };
    text = decoded.text;
    warning = decoded.warning;
  }
  const html = /html|xml/i.test(type) || (!type && /<(html|body|p|div|article)[\s>]/i.test(text.slice(0, 2000)));
  return {
    doc: {
      id: contentId(text),
      source: meta.url,
      // The address the page now lives at: its path often carries the date the clean stage reads.
      url: finalUrl,
      format: html ? 'html' : 'text',
      content: text,
      published: meta.published,
      title: meta.title,
    },
    warning,
  };
}

/** The full text a feed carries for an item, as a document (when its page cannot be fetched). */
export function feedContentDocument(content: string, meta: PageMeta): RawDocument {
  return {
    id: contentId(content),
    source: meta.url,
    url: meta.url.includes('#') ? null : meta.url,
    format: /<[a-z][^>]*>/i.test(content) ? 'html' : 'text',
    content,
    published: meta.published,
    title: meta.title,
  };
}
