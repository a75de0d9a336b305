// Removing site chrome from a page before Readability scores it: navigation, share bars, comment
// sections, cookie notices, related links, captions. Names and roles decide, but a container that
// holds much of the page's paragraph text is kept whatever its class says.
import { descendantElements, lowerTagName, type Doc } from './dom.js';

/** Tags that are never article text (removed before Readability scores the page)... */
const CHROME_TAGS = new Set(['script', 'style', 'template', 'svg', 'iframe', 'select', 'button', 'textarea', 'input', 'figcaption']);
/** ...and head tags that stray into the <body>. */
const HEAD_TAGS = new Set(['title', 'meta', 'link']);
/** Structural chrome, removed unless it holds much of the article text (some sites wrap it all in <aside>). */
const CHROME_STRUCTURE = new Set(['NAV', 'ASIDE', 'FOOTER', 'FIGURE']);
/** Class/id substrings that name page chrome unambiguously. */
const CHROME_SUBSTRING =
  /comment|disqus|share|sharing|social|cookie|consent|gdpr|newsletter|breadcrumb|sidebar|outbrain|taboola|related|advert|sponsor|subscribe|popup|signup|login|toolbar|pagination|recommend|credit|copyright/;
/** Class/id words (between separators) that name page chrome; too short to match as substrings. */
const CHROME_TOKEN = /(^|[_-])(nav|navbar|navigation|menu|footer|ad|ads|promo|modal|tagcloud|pager|byline|author|dateline|skip)($|[_-])/;
/** Reader comments: chrome on an article page, but the content of a forum thread or a live ticker. */
const COMMENT_NAME = /comment|disqus|reply|replies|forum|post-?body|message/;
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

/** State flags, not names of what an element is: "has-sharing", "is-sticky", "with-ads", "no-comments". */
const STATE_FLAG = /^(has|is|with|without|no|js)[-_]/;

/** Splits a class attribute into its names, the way the DOM's classList does. */
const CLASS_SEPARATOR = /\s+/;

/** Chrome-naming classes and ids, ignoring BEM modifiers ("section--has-ads" is a section, not an ad) and state flags. */
function chromeName(el: Element, keepComments: boolean): boolean {
  // The class attribute split as classList splits it: the names getAttribute('class') would give,
  // without building a classList for every element of the page.
  const classes = el.getAttributeNode('class')?.value ?? '';
  for (const name of classes.split(CLASS_SEPARATOR)) if (chromeNamePart(name.toLowerCase(), keepComments)) return true;
  const id = el.getAttribute('id') ?? '';
  return id !== '' && id.toLowerCase().split(' ').some((name) => chromeNamePart(name, keepComments));
}

function chromeNamePart(lowerName: string, keepComments: boolean): boolean {
  const name = lowerName.split('--')[0]!;
  if (name === '' || COMMENTARY.test(name) || STATE_FLAG.test(name)) return false;
  if (keepComments && COMMENT_NAME.test(name)) return false;
  return CHROME_SUBSTRING.test(name) || CHROME_TOKEN.test(name);
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Chrome by its role, or hidden (attribute or inline style), whatever its names say. */
function chromeState(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** How an element's own markup judges it: not chrome, chrome, or chrome only by a comment-section name. */
const NOT_CHROME = 0;
const CHROME = 1;
const COMMENT_SECTION = 2;
type ChromeVerdict = typeof NOT_CHROME | typeof CHROME | typeof COMMENT_SECTION;

/** What a <figure> holds when it is part of the text (a table block, a pull quote, a code listing), not a picture. */
const TEXT_FIGURE = 'table, blockquote, pre';

function chromeVerdict(el: Element, tag: string, keepComments: boolean): ChromeVerdict {
  if (CHROME_STRUCTURE.has(tag) && !(tag === 'FIGURE' && el.querySelector(TEXT_FIGURE) !== null)) return CHROME;
  // Without attributes there is no role, state, class or id to go by.
  if (!el.hasAttributes()) return NOT_CHROME;
  if (chromeState(el)) return CHROME;
  if (TEXT_TAGS.has(tag) || !chromeName(el, keepComments)) return NOT_CHROME;
  return keepComments || chromeName(el, true) ? CHROME : COMMENT_SECTION;
}

/** <noscript> text this long, in paragraphs, is the article served to non-JS readers (Blogger does it). */
const NOSCRIPT_ARTICLE = 200;

/** Replaces article-bearing <noscript> elements by their content; removes the others. */
function unwrapArticleNoscript(noscripts: Element[]): void {
  for (const el of noscripts) {
    if (el.querySelector('p') !== null && (el.textContent ?? '').length >= NOSCRIPT_ARTICLE) el.replaceWith(...Array.from(el.childNodes));
    else el.remove();
  }
}

/** Removes the elements that never hold article text, wherever they are. */
function removeChromeTags(elements: Element[]): void {
  for (const el of elements) {
    const tag = lowerTagName(el);
    if (CHROME_TAGS.has(tag) || (HEAD_TAGS.has(tag) && insideBody(el))) el.remove();
  }
}

function insideBody(el: Element): boolean {
  for (let at = el.parentElement; at !== null; at = at.parentElement) if (lowerTagName(at) === 'body') return true;
  return false;
}

/** What spares a container from pruning: holding much of the page's article text. */
interface ArticleHolders {
  /** Paragraph text (long <p>s) under each element. */
  byElement: Map<Element, number>;
  /** Paragraph text from which an element is spared. */
  limit: number;
  /** On pages with little paragraph text (written with <br>), all text from which an element is spared. */
  textLimit: number | null;
}

function articleHolders(body: Element, bodyElements: Element[]): ArticleHolders {
  const byElement = new Map<Element, number>();
  let total = 0;
  for (const p of bodyElements) {
    if (lowerTagName(p) !== 'p') continue;
    const length = (p.textContent ?? '').length;
    if (length < PROTECT_PARAGRAPH) continue;
    total += length;
    for (let el = p.parentElement; el !== null; el = el.parentElement) byElement.set(el, (byElement.get(el) ?? 0) + length);
  }
  const limit = Math.max(total * PROTECT_SHARE, PROTECT_PARAGRAPH * 2);
  const textLimit = total < PROTECT_PARAGRAPH * 4 ? (body.textContent ?? '').length * PROTECT_SHARE : null;
  return { byElement, limit, textLimit };
}

function holdsArticle(el: Element, holders: ArticleHolders): boolean {
  if ((holders.byElement.get(el) ?? 0) >= holders.limit) return true;
  return holders.textLimit !== null && (el.textContent ?? '').length >= holders.textLimit;
}

/** Whether to remove an element of the body (CHROME, COMMENT_SECTION) or not (NOT_CHROME). */
function pruneVerdict(el: Element, holders: ArticleHolders, keepComments: boolean): ChromeVerdict {
  const tag = el.tagName.toUpperCase();
  if (PROTECTED_TAGS.has(tag)) return NOT_CHROME;
  const verdict = chromeVerdict(el, tag, keepComments);
  return verdict !== NOT_CHROME && holdsArticle(el, holders) ? NOT_CHROME : verdict;
}

/**
 * Removes chrome elements in place, sparing any container that holds much of the page's paragraph
 * text. With keepComments, comment sections stay (for pages whose text is all in them).
 * `elements` are the document's elements as descendantElements(doc) lists them, when the caller
 * has them already. Returns how many of the removed elements were chrome only by a comment-section
 * name: when none were, pruning with keepComments would leave exactly the same document.
 */
export function pruneChrome(doc: Doc, keepComments = false, elements = descendantElements(doc)): number {
  // One list serves both steps: unwrapping keeps the order of what stays, and removing an element
  // that went away with its <noscript> leaves the document as it is.
  unwrapArticleNoscript(elements.filter((el) => lowerTagName(el) === 'noscript'));
  removeChromeTags(elements);
  const bodyElements = descendantElements(doc.body);
  return removeChrome(bodyElements, articleHolders(doc.body, bodyElements), keepComments);
}

/** Removes the chrome among the body's elements; returns how many went only as comment sections. */
function removeChrome(bodyElements: Element[], holders: ArticleHolders, keepComments: boolean): number {
  // Each verdict depends on the element and the page totals only, not on what went before it: an
  // element removed earlier is an ancestor (taking this one along) or outside this one's subtree.
  let commentSections = 0;
  for (const el of bodyElements) {
    const verdict = pruneVerdict(el, holders, keepComments);
    if (verdict === NOT_CHROME) continue;
    el.remove();
    if (verdict === COMMENT_SECTION) commentSections++;
  }
  return commentSections;
}
