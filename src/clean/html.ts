// HTML documents: prune site chrome, let Readability pick the article container, fall back to a
// paragraph-density pick when it finds nothing, then classify the paragraphs like plain text lines.
import { Readability } from '@mozilla/readability';
import { classifyBlocks, HTML_CLASSIFIER, type Block } from './boilerplate.js';
import { elementBlocks, parseDocument, type Doc } from './dom.js';
import { expandCore } from './expand.js';
import { detectLanguage } from './language.js';
import { dedupeParagraphs, squeeze } from './paragraphs.js';

export interface HtmlExtraction {
  title: string | null;
  paragraphs: string[];
}

/** Tags that are never article text (removed before Readability scores the page). */
const CHROME_TAGS = 'script,style,template,svg,iframe,select,button,textarea,input,figcaption,body title,body meta,body link';
/** Structural chrome, removed unless it holds much of the article text (some sites wrap it all in <aside>). */
const CHROME_STRUCTURE = new Set(['NAV', 'ASIDE', 'FOOTER', 'FIGURE']);
/** Class/id substrings that name page chrome unambiguously. */
const CHROME_SUBSTRING =
  /comment|disqus|share|sharing|social|cookie|consent|gdpr|newsletter|breadcrumb|sidebar|outbrain|taboola|related|advert|sponsor|subscribe|popup|signup|login|toolbar|pagination|recommend|credit|copyright/;
/** Class/id words (between separators) that name page chrome; too short to match as substrings. */
const CHROME_TOKEN = /(^|[_-])(nav|navbar|navigation|menu|footer|ad|ads|promo|modal|tagcloud|pager|byline|author|dateline|skip)($|[_-])/;
/** Opinion pieces ("commentary", "Kommentar") are articles, not comment sections. */
const COMMENTARY = /commentar|kommentar/;
/** Text elements themselves are judged by the classifier, not by their (often generic) class names. */
const TEXT_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'menu', 'menubar']);
const PROTECTED_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
/** Containers holding this share of the page's paragraph text are the article, whatever their class says. */
const PROTECT_SHARE = 0.3;
/** Paragraphs at least this long count as article-like text for the protection above. */
const PROTECT_PARAGRAPH = 80;

/** Chrome-naming classes, ignoring BEM modifiers ("section--has-ads" is a section, not an ad). */
function chromeName(el: Element): boolean {
  const names = ((el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '')).toLowerCase();
  for (const raw of names.split(' ')) {
    const name = raw.split('--')[0]!;
    if (name === '' || COMMENTARY.test(name)) continue;
    if (CHROME_SUBSTRING.test(name) || CHROME_TOKEN.test(name)) return true;
  }
  return false;
}

function isChrome(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return !TEXT_TAGS.has(el.tagName.toUpperCase()) && chromeName(el);
}

/** <noscript> text this long, in paragraphs, is the article served to non-JS readers (Blogger does it). */
const NOSCRIPT_ARTICLE = 200;

/** Replaces article-bearing <noscript> elements by their content; removes the others. */
function unwrapArticleNoscript(doc: Doc): void {
  for (const el of Array.from(doc.querySelectorAll('noscript'))) {
    if (el.querySelector('p') !== null && (el.textContent ?? '').length >= NOSCRIPT_ARTICLE) el.replaceWith(...Array.from(el.childNodes));
    else el.remove();
  }
}

/** Paragraph text (long <p>s) under each element, credited up the ancestor chain. */
function paragraphTextByElement(doc: Doc): { byElement: Map<Element, number>; total: number } {
  const byElement = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(doc.body.querySelectorAll('p'))) {
    const length = (p.textContent ?? '').length;
    if (length < PROTECT_PARAGRAPH) continue;
    total += length;
    for (let el = p.parentElement; el !== null; el = el.parentElement) byElement.set(el, (byElement.get(el) ?? 0) + length);
  }
  return { byElement, total };
}

/** Removes chrome elements in place, sparing any container that holds much of the page's paragraph text. */
export function pruneChrome(doc: Doc): void {
  unwrapArticleNoscript(doc);
  for (const el of Array.from(doc.querySelectorAll(CHROME_TAGS))) el.remove();
  const { byElement, total } = paragraphTextByElement(doc);
  const limit = Math.max(total * PROTECT_SHARE, PROTECT_PARAGRAPH * 2);
  // Pages written with <br> instead of <p> have no paragraph text: fall back to all text.
  const textLimit = (doc.body.textContent ?? '').length * PROTECT_SHARE;
  for (const el of Array.from(doc.body.querySelectorAll('nav,aside,footer,figure,[class],[id],[role],[hidden],[style]'))) {
    const tag = el.tagName.toUpperCase();
    if (PROTECTED_TAGS.has(tag) || !(CHROME_STRUCTURE.has(tag) || isChrome(el))) continue;
    if ((byElement.get(el) ?? 0) >= limit) continue;
    if (total < PROTECT_PARAGRAPH * 4 && (el.textContent ?? '').length >= textLimit) continue;
    el.remove();
  }
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

const MIN_PARAGRAPH = 25;
/** Readability output shorter than this (characters) is treated as "found nothing". */
const MIN_ARTICLE = 200;

/**
 * Picks the element whose paragraphs carry the most non-link text: each paragraph-like element
 * credits its parent fully and its grandparent half (Readability's idea, without its class rules).
 */
export function densestContainer(doc: Doc): Element {
  const scores = new Map<Element, number>();
  let best: Element = doc.body;
  let bestScore = 0;
  const credit = (el: Element | null, amount: number): void => {
    if (el === null) return;
    const score = (scores.get(el) ?? 0) + amount;
    scores.set(el, score);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  };
  for (const p of Array.from(doc.body.querySelectorAll('p,pre,td,blockquote,li'))) {
    let length = 0;
    let linked = 0;
    for (const block of elementBlocks(p)) {
      length += block.text.length;
      linked += block.linkChars ?? 0;
    }
    if (length < MIN_PARAGRAPH || linked > length / 2) continue;
    const parent = p.parentElement;
    credit(parent, length - linked);
    credit(parent?.parentElement ?? null, (length - linked) / 2);
  }
  return best;
}

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
  /** Blocks of the whole (pruned) page body, in page order. */
  body: Block[];
  /** Blocks of the article container Readability (or the density fallback) picked. */
  core: Block[];
}

/** The candidate text blocks of a page (before boilerplate classification). */
export function htmlBlocks(html: string): HtmlBlocks {
  const doc = parseDocument(html);
  if (doc === null) return { title: null, body: [], core: [] };
  const title = pageTitle(doc);
  pruneChrome(doc);
  const body = elementBlocks(doc.body);
  // Readability mutates the document, so the fallback works on a fresh parse.
  const core = readabilityBlocks(doc);
  if (core !== null) return { title, body, core };
  const fresh = parseDocument(html);
  if (fresh === null) return { title, body, core: [] };
  pruneChrome(fresh);
  return { title, body, core: elementBlocks(densestContainer(fresh)) };
}

/** Keeps the blocks that are article text, each once. */
export function selectParagraphs(page: Pick<HtmlBlocks, 'body' | 'core'>): string[] {
  const language = detectLanguage(page.core.map((b) => b.text).join('\n'));
  const blocks = expandCore(page.body, page.core, language);
  const keep = classifyBlocks(blocks, language, HTML_CLASSIFIER);
  return dedupeParagraphs(blocks.filter((_, i) => keep[i]).map((b) => b.text));
}

/** Main text of an HTML page as paragraphs, plus its title. Never throws: bad input gives nothing. */
export function extractHtml(html: string): HtmlExtraction {
  try {
    const page = htmlBlocks(html);
    return { title: page.title, paragraphs: selectParagraphs(page) };
  } catch {
    return { title: null, paragraphs: [] };
  }
}
