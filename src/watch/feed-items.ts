// A fetched feed -> its items: RSS 2.0, RSS 1.0 (RDF), Atom, and JSON Feed. Each item says where
// its article page is (resolved against the feed's address), its title and date, and the full text
// when the feed carries it (content:encoded, Atom content, JSON Feed content_html/content_text).
// XML that is not well-formed is refused with the parser's line and column, not half-read.
import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { decodeAs, decodeBytes } from '../ingest/decode.js';
import { normaliseDate } from '../ingest/record.js';
import { normalizeUrl } from './url.js';

export interface FeedItem {
  /** The article page (canonical spelling), or null when the item has no usable link. */
  url: string | null;
  /** The item's own id (RSS guid, Atom id, JSON Feed id), if any. */
  guid: string | null;
  title: string | null;
  /** YYYY-MM-DD from the item's date, or null. */
  published: string | null;
  /** The full text the feed carries for the item (HTML or plain), or null (a teaser does not count). */
  content: string | null;
  /** A short description or summary (used only when there is neither a link nor content). */
  summary: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

export class FeedError extends Error {}

/** Decodes and parses a fetched feed. `url` is where it was fetched from (after redirects). */
export function parseFeedBytes(body: Buffer, contentType: string | null, url: string): ParsedFeed {
  const text = decodeFeedText(body, contentType);
  const start = text.trimStart();
  if (start.startsWith('{')) return parseJsonFeed(start, url);
  if (!start.startsWith('<')) throw new FeedError(`not a feed (${describeStart(start)})`);
  if (/^(<!doctype html|<html)/i.test(start)) throw new FeedError('an HTML page, not a feed');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw new FeedError(`malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  return parseXmlFeed(text, url);
}

function describeStart(s: string): string {
  return s ? `starts with "${s.slice(0, 20).replace(/\s+/g, ' ')}"` : 'empty';
}

/** The charset the server declares wins; else UTF-8, the XML declaration, or Windows-1252 as ingest reads it. */
function decodeFeedText(body: Buffer, contentType: string | null): string {
  const declared = charsetOf(contentType) ?? xmlDeclaredCharset(body);
  if (declared) {
    try {
      return decodeAs(declared, body).replace(/^\uFEFF/, '');
    } catch {
      /* an unknown label: fall through to detection */
    }
  }
  const decoded = decodeBytes(body);
  if (!decoded.ok) throw new FeedError(decoded.error);
  return decoded.text;
}

export function charsetOf(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : null;
}

function xmlDeclaredCharset(body: Buffer): string | null {
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(body.subarray(0, 200).toString('latin1'));
  return m ? m[1]!.toLowerCase() : null;
}

function children(el: Element, name: string): Element[] {
  return Array.from(el.children).filter((c) => c.tagName.toLowerCase() === name);
}

function childText(el: Element, ...names: string[]): string | null {
  for (const name of names) {
    for (const c of children(el, name)) {
      const t = c.textContent?.trim();
      if (t) return t;
    }
  }
  return null;
}

/** Atom: <link rel="alternate" href> (rel absent means alternate); RSS: <link>text</link>. */
function xmlLink(item: Element): string | null {
  for (const link of children(item, 'link')) {
    const href = link.getAttribute('href');
    if (href !== null) {
      if ((link.getAttribute('rel') ?? 'alternate') === 'alternate') return href.trim();
      continue;
    }
    const t = link.textContent?.trim();
    if (t) return t;
  }
  // An RSS guid is a permalink unless it says otherwise.
  const guid = children(item, 'guid')[0];
  if (guid && guid.getAttribute('ispermalink') !== 'false' && guid.getAttribute('isPermaLink') !== 'false') return guid.textContent?.trim() || null;
  return null;
}

/** Atom content as markup or text: type="xhtml" keeps its children's markup. */
function atomContent(item: Element): string | null {
  const el = children(item, 'content')[0];
  if (!el || el.getAttribute('src')) return null;
  const raw = el.getAttribute('type') === 'xhtml' ? el.innerHTML : el.textContent;
  return raw?.trim() || null;
}

function parseXmlFeed(xml: string, url: string): ParsedFeed {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement as unknown as Element | null;
  const rootName = root?.tagName.toLowerCase() ?? '';
  if (!['rss', 'feed', 'rdf:rdf'].includes(rootName)) throw new FeedError(`not a feed (the document is <${root?.tagName ?? '?'}>)`);
  const channel = rootName === 'rss' ? children(root!, 'channel')[0] ?? root! : root!;
  const items = Array.from(doc.querySelectorAll('item, entry')) as Element[];
  return {
    title: childText(channel, 'title'),
    items: items.map((item) => {
      const link = xmlLink(item);
      return {
        url: link ? normalizeUrl(link, url) : null,
        guid: childText(item, 'guid', 'id'),
        title: childText(item, 'title'),
        published: normaliseDate(childText(item, 'pubdate', 'published', 'dc:date', 'updated')),
        content: childText(item, 'content:encoded') ?? atomContent(item),
        summary: childText(item, 'description', 'summary'),
      };
    }),
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
function parseJsonFeed(text: string, url: string): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FeedError(`malformed JSON: ${(err as Error).message}`);
  }
  const feed = value as { version?: unknown; title?: unknown; items?: unknown };
  if (typeof feed !== 'object' || feed === null || !String(feed.version ?? '').includes('jsonfeed.org') || !Array.isArray(feed.items)) {
    throw new FeedError('JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/..." with "items")');
  }
  return {
    title: str(feed.title),
    items: (feed.items as Record<string, unknown>[]).filter((i) => typeof i === 'object' && i !== null).map((i) => {
      const link = str(i.url) ?? str(i.external_url);
      return {
        url: link ? normalizeUrl(link, url) : null,
        guid: str(i.id) ?? (typeof i.id === 'number' ? String(i.id) : null),
        title: str(i.title),
        published: normaliseDate(str(i.date_published) ?? str(i.date_modified)),
        content: str(i.content_html) ?? str(i.content_text),
        summary: str(i.summary),
      };
    }),
  };
}
