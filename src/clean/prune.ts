// Removing site chrome from a page before Readability scores it: navigation, share bars, comment
// sections, cookie notices, related links, captions. Names and roles decide, but a container that
// holds much of the page's paragraph text is kept whatever its class says.
import type { Doc } from './dom.js';

/** Tags that are never article text (removed before Readability scores the page). */
const CHROME_TAGS = 'script,style,template,svg,iframe,select,button,textarea,input,figcaption,body title,body meta,body link';
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

/** Chrome-naming classes, ignoring BEM modifiers ("section--has-ads" is a section, not an ad) and state flags. */
function chromeName(el: Element, keepComments: boolean): boolean {
  const names = ((el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '')).toLowerCase();
  for (const raw of names.split(' ')) {
    const name = raw.split('--')[0]!;
    if (name === '' || COMMENTARY.test(name) || STATE_FLAG.test(name)) continue;
    if (keepComments && COMMENT_NAME.test(name)) continue;
    if (CHROME_SUBSTRING.test(name) || CHROME_TOKEN.test(name)) return true;
  }
  return false;
}

function isChrome(el: Element, keepComments: boolean): boolean {
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return !TEXT_TAGS.has(el.tagName.toUpperCase()) && chromeName(el, keepComments);
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

/**
 * Removes chrome elements in place, sparing any container that holds much of the page's paragraph
 * text. With keepComments, comment sections stay (for pages whose text is all in them).
 */
export function pruneChrome(doc: Doc, keepComments = false): void {
  unwrapArticleNoscript(doc);
  for (const el of Array.from(doc.querySelectorAll(CHROME_TAGS))) el.remove();
  const { byElement, total } = paragraphTextByElement(doc);
  const limit = Math.max(total * PROTECT_SHARE, PROTECT_PARAGRAPH * 2);
  // Pages written with <br> instead of <p> have no paragraph text: fall back to all text.
  const textLimit = (doc.body.textContent ?? '').length * PROTECT_SHARE;
  for (const el of Array.from(doc.body.querySelectorAll('nav,aside,footer,figure,[class],[id],[role],[hidden],[style]'))) {
    const tag = el.tagName.toUpperCase();
    if (PROTECTED_TAGS.has(tag) || !(CHROME_STRUCTURE.has(tag) || isChrome(el, keepComments))) continue;
    if ((byElement.get(el) ?? 0) >= limit) continue;
    if (total < PROTECT_PARAGRAPH * 4 && (el.textContent ?? '').length >= textLimit) continue;
    el.remove();
  }
}
