// HTML documents: prune site chrome, let Readability pick the article container, grow or replace
// that pick from the page's own blocks (./expand.js), then classify the blocks like plain-text lines.
import { Readability } from '@mozilla/readability';
import { classifyBlocks, HTML_CLASSIFIER, type Block } from './boilerplate.js';
import { descendantElements, elementBlocks, lowerTagName, parseDocument, type Doc } from './dom.js';
import { expandCore } from './expand.js';
import { detectLanguage } from './language.js';
import { countWords, dedupeParagraphs, squeeze } from './paragraphs.js';
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
    // keepClasses: the blocks are read from tags and text, so Readability need not strip class names.
    const article = new Readability<Element>(doc, { serializer: (node) => node as Element, charThreshold: MIN_ARTICLE, keepClasses: true }).parse();
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
  /** The page's <script> elements (detached by pruning): read only when the DOM has little text. */
  scripts: Element[];
  /** Blocks of the whole (pruned) page body, in page order. */
  body: Block[];
  /** Blocks of the article container Readability picked (empty when it found none). */
  core: Block[];
  /** Elements pruned only as comment sections: with none, reading the page with comments changes nothing. */
  commentSections: number;
}

/**
 * The candidate text blocks of a page (before boilerplate classification). When Readability finds
 * nothing the core is empty, and expandCore falls back to the page region densest in sentences.
 */
export function htmlBlocks(html: string, keepComments = false): HtmlBlocks {
  const doc = parseDocument(html);
  if (doc === null) return { title: null, scripts: [], body: [], core: [], commentSections: 0 };
  const title = pageTitle(doc);
  const elements = descendantElements(doc);
  const scripts = elements.filter((el) => lowerTagName(el) === 'script');
  const commentSections = pruneChrome(doc, keepComments, elements);
  const body = elementBlocks(doc.body); // before Readability, which rewrites the document
  return { title, scripts, body, core: readabilityBlocks(doc) ?? [], commentSections };
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

/** Pages whose text outside comment sections is shorter than this are read again with them... */
const COMMENTS_PAGE_MAX = 400;
/** ...and the comments kept when that gives this many times more text. */
const COMMENTS_RATIO = 2;
/** DOM text this long (characters) is not replaced by data, whatever the data holds (saves parsing JSON). */
const LONG_DOM_TEXT = 4000;
/** Text from the page's data (JSON-LD, embedded JSON) at least this long can stand in for its DOM text... */
const DATA_TEXT_MIN = 500;
/** ...when it is this many times longer than what the DOM gave (a page rendered by script from data). */
const DATA_TEXT_RATIO = 3;
/** Embedded JSON is searched only when the DOM gave less than this (characters): a page that is mostly script. */
const SCRIPT_PAGE_MAX = 500;
const ARTICLE_BODY = '"articleBody"';
const MARKUP = /<[a-z][^>]*>/i;
/** A JSON string literal long enough to be a paragraph. */
const JSON_STRING = /"((?:[^"\\]|\\.){80,})"/g;
/** Prose, not code, URLs or identifiers: several words, mostly letters. */
const PROSE_WORDS = 10;
const CODE_SIGNS = /[{};=]|=>|function\s*\(|https?:\/\/\S+$/;
const LETTERS = /\p{L}/gu;

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

/** Paragraphs of a text that may be HTML (articleBody and CMS JSON often carry markup). */
function textParagraphs(text: string): string[] {
  if (MARKUP.test(text)) {
    const doc = parseDocument(text);
    return doc === null ? [] : elementBlocks(doc.body).map((b) => b.text);
  }
  return text.split(/\n+/).map(squeeze).filter((p) => p !== '');
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
  return body === '' ? [] : textParagraphs(body);
}

/** Prose strings of a page's embedded JSON (the state a script renders from), in page order. */
export function embeddedTextParagraphs(scripts: string[]): string[] {
  const paragraphs: string[] = [];
  for (const script of scripts) {
    for (const m of script.matchAll(JSON_STRING)) {
      let value: string;
      try {
        value = JSON.parse(`"${m[1]!}"`) as string;
      } catch {
        continue;
      }
      for (const p of textParagraphs(value)) {
        if (countWords(p) < PROSE_WORDS || CODE_SIGNS.test(p)) continue;
        if ((p.match(LETTERS)?.length ?? 0) < p.length * 0.6) continue;
        paragraphs.push(p);
      }
    }
  }
  return paragraphs;
}

function chars(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/**
 * Text from the page's data when its DOM has little (a page its scripts render): the JSON-LD
 * articleBody, else, on a page that is nearly all script, the prose strings of its embedded JSON.
 */
function dataParagraphs(page: HtmlBlocks, domChars: number): string[] | null {
  const scripts = page.scripts.map((s) => s.textContent ?? '');
  const linked = linkedDataParagraphs(scripts.filter((s) => s.includes(ARTICLE_BODY)));
  if (chars(linked) >= DATA_TEXT_MIN && chars(linked) > DATA_TEXT_RATIO * domChars) return linked;
  if (domChars >= SCRIPT_PAGE_MAX) return null;
  const embedded = embeddedTextParagraphs(scripts);
  if (chars(embedded) < DATA_TEXT_MIN || chars(embedded) <= DATA_TEXT_RATIO * domChars) return null;
  const language = detectLanguage(embedded.join('\n'));
  const blocks = embedded.map((text) => ({ text }));
  const keep = classifyBlocks(blocks, language, HTML_CLASSIFIER);
  return embedded.filter((_, i) => keep[i]);
}

/** Main text of an HTML page as paragraphs, plus its title. Never throws: bad input gives nothing. */
export function extractHtml(html: string): HtmlExtraction {
  try {
    let page = htmlBlocks(html);
    let paragraphs = selectParagraphs(page);
    let domChars = chars(paragraphs);
    if (domChars < COMMENTS_PAGE_MAX && page.commentSections > 0) {
      // Next to nothing outside the comment sections: a forum thread or a live ticker, whose text they are.
      const withComments = htmlBlocks(html, true);
      const more = selectParagraphs(withComments);
      if (chars(more) >= COMMENTS_PAGE_MAX && chars(more) > COMMENTS_RATIO * domChars) {
        page = withComments;
        paragraphs = more;
        domChars = chars(more);
      }
    }
    // Most pages carry their text in the DOM; the data is looked at only when the DOM text is short.
    const fromData = page.scripts.length > 0 && domChars < LONG_DOM_TEXT ? dataParagraphs(page, domChars) : null;
    return { title: page.title, paragraphs: fromData === null ? paragraphs : dedupeParagraphs(fromData) };
  } catch {
    return { title: null, paragraphs: [] };
  }
}
