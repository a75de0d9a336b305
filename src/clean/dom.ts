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
    if ((document.body.textContent ?? '').trim().length < EMPTY_BODY && source.length > EMPTY_BODY * 10) {
      document = parseHTML(`<!DOCTYPE html><html><body>${source.replace(STRUCTURE_TAGS, ' ')}</body></html>`).document;
    }
    return document.body ? (document as unknown as Doc) : null;
  } catch {
    return null;
  }
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
