// DOM helpers over linkedom: parsing that never throws, and turning an element into paragraphs.
import { parseHTML } from 'linkedom';
import type { Block } from './boilerplate.js';
import { squeeze } from './paragraphs.js';

export type Doc = Document;

const COMMENTS = /<!--[\s\S]*?-->/g;
const HTML_TAG = /<html[\s>]/i;
const STRUCTURE_TAGS = /<\/?(html|head|body)\b[^>]*>/gi;
/** Body text shorter than this (characters) from a page much larger means the parse went wrong. */
const EMPTY_BODY = 200;

/**
 * Parses HTML into a document with a <body>, or null when linkedom cannot make sense of it.
 * Comments go first (IE conditional comments hold decoy <html> tags), and anything before the real
 * <html> tag (PHP warnings, wrapper elements) is dropped: linkedom otherwise leaves <body> empty.
 */
export function parseDocument(html: string): Doc | null {
  try {
    let source = html.replace(COMMENTS, '');
    const start = source.search(HTML_TAG);
    source = start < 0 ? `<!DOCTYPE html><html><body>${source}</body></html>` : source.slice(start);
    let document = parseHTML(source).document;
    if (!document.body) return null;
    // A missing <body> tag or stray markup between </head> and <body> leaves linkedom's body empty;
    // a browser would recover, so re-parse with the page's structural tags replaced by clean ones.
    if (source.length > EMPTY_BODY * 10 && !hasText(document.body, EMPTY_BODY)) {
      document = parseHTML(`<!DOCTYPE html><html><body>${source.replace(STRUCTURE_TAGS, ' ')}</body></html>`).document;
    }
    return document.body ? (document as unknown as Doc) : null;
  } catch {
    return null;
  }
}

/**
 * Whether `root.textContent.trim()` is at least `min` characters long, reading only as much of the
 * text as it takes to tell (a page's whole text is long; its first few hundred characters decide).
 */
export function hasText(root: Node, min: number): boolean {
  let offset = 0; // characters of text before the current node
  let first = -1; // offset of the first non-space character
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    const type = node.nodeType;
    if (type !== 3 && type !== 4) continue;
    const text = node.textContent ?? '';
    if (first < 0) {
      const start = text.search(NON_SPACE);
      if (start >= 0) first = offset + start;
    }
    // The text trimmed so far runs from `first` to this node's last non-space character, if any.
    const end = first >= 0 ? text.trimEnd().length : 0;
    if (end > 0 && offset + end - first >= min) return true;
    offset += text.length;
  }
  return false;
}

/** The node after `node` in document order, staying under `root` (null when the walk is done). */
function nextInOrder(node: Node, root: Node): Node | null {
  const child = node.firstChild;
  if (child !== null) return child;
  for (let at: Node | null = node; at !== null && at !== root; at = at.parentNode) {
    const sibling = at.nextSibling;
    if (sibling !== null) return sibling;
  }
  return null;
}

/** What String.prototype.trim keeps: \s is exactly the white space and line terminators it strips. */
const NON_SPACE = /\S/;

/**
 * The elements under `root` in document order, as querySelectorAll('*') lists them (the content of
 * <template> elements aside), but without running a CSS selector engine over every element.
 */
export function descendantElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  let el = root.firstElementChild;
  while (el !== null) {
    out.push(el);
    const child = el.localName === 'template' ? null : el.firstElementChild;
    el = child ?? nextOutside(el, root);
  }
  return out;
}

/** The first element after `el` and its subtree in document order, staying under `root`. */
function nextOutside(el: Element, root: ParentNode): Element | null {
  for (let at = el; ; ) {
    const sibling = at.nextElementSibling;
    if (sibling !== null) return sibling;
    const parent = at.parentNode;
    if (parent === null || parent === root || parent.nodeType !== ELEMENT_NODE) return null;
    at = parent as Element;
  }
}

const ELEMENT_NODE = 1;

/** The element's tag name as CSS selectors compare it (lower case in HTML). */
export function lowerTagName(el: Element): string {
  return el.localName.toLowerCase();
}

/** Elements whose start and end break the text flow into separate paragraphs. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose text is never reading text. */
const SKIP_TAGS = new Set(['TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'SELECT', 'BUTTON', 'TEXTAREA', 'HEAD']);

/**
 * Walks an element in document order and returns its text as blocks, one per block-level run,
 * with how many characters of each were link text (for link density). Iterative, so deeply nested
 * pages cannot overflow the stack.
 */
export function elementBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let linkChars = 0;
  const flush = (): void => {
    const t = squeeze(text);
    if (t !== '') blocks.push({ text: t, linkChars: Math.min(linkChars, t.length) });
    text = '';
    linkChars = 0;
  };
  // Stack of [node, inLink]; a null node marks the end of a block element.
  const stack: [Node | null, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, inLink] = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      text += value;
      if (inLink) linkChars += squeeze(value).length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push([null, inLink]);
    }
    const link = inLink || tag === 'A';
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, link]);
  }
  flush();
  return blocks;
}
