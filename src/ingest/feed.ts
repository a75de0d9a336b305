// RSS 2.0 / Atom / RDF feeds: each item is a document (its full content, else its description).
import { DOMParser } from 'linkedom';
import type { IngestProblem, RawDocument } from '../model.js';
import { contentId } from './decode.js';
import { normaliseDate } from './record.js';

function childText(el: Element, names: string[]): string | null {
  for (const name of names) {
    for (const child of Array.from(el.children)) {
      if (child.tagName.toLowerCase() === name) {
        const t = child.textContent?.trim();
        if (t) return t;
      }
    }
  }
  return null;
}

function linkOf(el: Element): string | null {
  for (const child of Array.from(el.children)) {
    if (child.tagName.toLowerCase() !== 'link') continue;
    const href = child.getAttribute('href');
    if (href && (child.getAttribute('rel') ?? 'alternate') === 'alternate') return href;
    const t = child.textContent?.trim();
    if (t) return t;
  }
  return null;
}

export function parseFeed(xml: string, source: string): (RawDocument | IngestProblem)[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const items = Array.from(doc.querySelectorAll('item, entry')) as Element[];
  if (items.length === 0) return [{ source, error: 'feed has no <item> or <entry> elements' }];
  return items.map((item, i): RawDocument | IngestProblem => {
    const url = linkOf(item);
    const body = childText(item, ['content:encoded', 'content', 'description', 'summary']);
    if (!body) return { source: url ?? `${source}#${i + 1}`, error: 'feed item has no content or description' };
    return {
      id: contentId(body),
      source: url ?? `${source}#${i + 1}`,
      url,
      format: /<[a-z][^>]*>/i.test(body) ? 'html' : 'text',
      content: body,
      published: normaliseDate(childText(item, ['pubdate', 'published', 'updated', 'dc:date'])),
      title: childText(item, ['title']),
    };
  });
}
