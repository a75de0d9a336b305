// HTML documents: prune site chrome, let Readability pick the article container, grow or replace
// that pick from the page's own blocks (./expand.js), then classify the blocks like plain-text lines.
import { Readability } from '@mozilla/readability';
import { classifyBlocks, HTML_CLASSIFIER, type Block } from './boilerplate.js';
import { elementBlocks, parseDocument, type Doc } from './dom.js';
import { expandCore } from './expand.js';
import { detectLanguage } from './language.js';
import { dedupeParagraphs, squeeze } from './paragraphs.js';
import { pruneChrome } from './prune.js';

export interface HtmlExtraction {
  title: string | null;
  paragraphs: string[];
}

function metaContent(doc: Doc, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content');
  return value ? squeeze(value) || null : null;
}

/** og:title, else the <title> cut at a " | Site" separator when it starts with the <h1>, else <h1>. */
export function pageTitle(doc: Doc): string | null {
  const og = metaContent(doc, 'meta[property="og:title"]') ?? metaContent(doc, 'meta[name="twitter:title"]');
  if (og) return og;
  const h1 = squeeze(doc.querySelector('h1')?.textContent ?? '') || null;
  const title = squeeze(doc.querySelector('title')?.textContent ?? '') || null;
  if (title && h1 && title.includes(h1)) return h1;
  if (title) return title.split(/\s+[|–—-]\s+/)[0] || title;
  return h1;
}

/** Readability output shorter than this (characters) is treated as "found nothing". */
const MIN_ARTICLE = 200;

function readabilityBlocks(doc: Doc): Block[] | null {
  try {
    const article = new Readability<Element>(doc, { serializer: (node) => node as Element, charThreshold: MIN_ARTICLE }).parse();
    if (!article?.content) return null;
    const blocks = elementBlocks(article.content);
    const chars = blocks.reduce((n, b) => n + b.text.length, 0);
    return chars >= MIN_ARTICLE ? blocks : null;
  } catch {
    return null;
  }
}

export interface HtmlBlocks {
  title: string | null;
  /** Text of the page's JSON-LD scripts (schema.org metadata), unparsed: read only when the DOM has little text. */
  linkedData: string[];
  /** Blocks of the whole (pruned) page body, in page order. */
  body: Block[];
  /** Blocks of the article container Readability picked (empty when it found none). */
  core: Block[];
}

/**
 * The candidate text blocks of a page (before boilerplate classification). When Readability finds
 * nothing the core is empty, and expandCore falls back to the page region densest in sentences.
 */
export function htmlBlocks(html: string): HtmlBlocks {
  const doc = parseDocument(html);
  if (doc === null) return { title: null, linkedData: [], body: [], core: [] };
  const title = pageTitle(doc);
  const linkedData = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? '');
  pruneChrome(doc);
  const body = elementBlocks(doc.body); // before Readability, which rewrites the document
  return { title, linkedData, body, core: readabilityBlocks(doc) ?? [] };
}

/** Keeps the blocks that are article text, each once. */
export function selectParagraphs(page: Pick<HtmlBlocks, 'body' | 'core'>): string[] {
  const language = detectLanguage((page.core.length > 0 ? page.core : page.body).map((b) => b.text).join('\n'));
  const grown = expandCore(page.body, page.core, language);
  // A short page with no sentence-rich region: let the classifier judge every block.
  const blocks = grown.length > 0 ? grown : page.body;
  const keep = classifyBlocks(blocks, language, HTML_CLASSIFIER);
  return dedupeParagraphs(blocks.filter((_, i) => keep[i]).map((b) => b.text));
}

/** A JSON-LD articleBody at least this long (characters) can stand in for the page's text... */
const LINKED_BODY_MIN = 500;
/** ...when it is this many times longer than what the DOM gave (a page rendered by script from data). */
const LINKED_BODY_RATIO = 3;
const ARTICLE_BODY = '"articleBody"';
const MARKUP = /<[a-z][^>]*>/i;

/** The longest schema.org articleBody string anywhere in a JSON-LD tree. */
function longestArticleBody(node: unknown, best = ''): string {
  if (Array.isArray(node)) {
    for (const item of node) best = longestArticleBody(item, best);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'articleBody' && typeof value === 'string') best = value.length > best.length ? value : best;
      else if (typeof value === 'object') best = longestArticleBody(value, best);
    }
  }
  return best;
}

/** The article text a page's JSON-LD carries, as paragraphs (empty when there is none). */
export function linkedDataParagraphs(scripts: string[]): string[] {
  let body = '';
  for (const script of scripts) {
    if (!script.includes(ARTICLE_BODY)) continue; // JSON.parse only what can hold an article
    try {
      body = longestArticleBody(JSON.parse(script), body);
    } catch {
      // malformed JSON-LD is common; it just carries nothing
    }
  }
  if (body === '') return [];
  if (MARKUP.test(body)) {
    const doc = parseDocument(body);
    return doc === null ? [] : elementBlocks(doc.body).map((b) => b.text);
  }
  return body.split(/\n+/).map(squeeze).filter((p) => p !== '');
}

/** Main text of an HTML page as paragraphs, plus its title. Never throws: bad input gives nothing. */
export function extractHtml(html: string): HtmlExtraction {
  try {
    const page = htmlBlocks(html);
    const paragraphs = selectParagraphs(page);
    if (page.linkedData.length > 0) {
      const fromData = linkedDataParagraphs(page.linkedData);
      const dataChars = fromData.reduce((n, p) => n + p.length, 0);
      const domChars = paragraphs.reduce((n, p) => n + p.length, 0);
      if (dataChars >= LINKED_BODY_MIN && dataChars > LINKED_BODY_RATIO * domChars) return { title: page.title, paragraphs: dedupeParagraphs(fromData) };
    }
    return { title: page.title, paragraphs };
  } catch {
    return { title: null, paragraphs: [] };
  }
}
