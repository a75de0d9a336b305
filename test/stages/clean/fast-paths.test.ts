// The clean stage's fast paths must give exactly what the straightforward code they replace gives.
// Each test runs a fast path and a reference (the plain regex / DOM-query formulation) over random
// and tricky inputs: Unicode letters of every case, astral characters, lone surrogates, odd spaces.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scoreBlock } from '../../../src/stages/clean/boilerplate.js';
import { LETTER, LOWER, UPPER } from '../../../src/stages/clean/chars.js';
import { descendantElements, hasText, parseDocument } from '../../../src/stages/clean/dom.js';
import { dedupeParagraphs, isAllCaps, paragraphKey, squeeze } from '../../../src/stages/clean/paragraphs.js';
import { pruneChrome } from '../../../src/stages/clean/prune.js';
import { uiShare } from '../../../src/stages/clean/ui-share.js';
import { FUNCTION_WORDS, UI_WORDS } from '../../../src/stages/clean/vocabulary.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII_PIECES = ['a', 'B', 'z', 'Q', '7', ' ', ' ', '  ', '\t', '\n', '\r', '\v', '\f', '/', '|', '(', ')', '.', ',', '-', "'", '"', ':', '!', '$', '\u001f'];
const UNICODE_PIECES = [
  'é', 'É', 'ß', 'ẞ', 'Σ', 'σ', 'ς', 'İ', 'ı', 'ﬁ', 'ǅ', 'ʰ', '中', '٣', '½', '\u00a0', '\u2009', '\u200b', '\u202f', '\u3000', '\ufeff',
  '\u2028', '…', '’', '«', '•', '·', '\u{1d400}', '\u{1d41a}', '\u{1f600}', '\ud800', '\udc00', '\u0301',
];
const WORDS = [...UI_WORDS, ...FUNCTION_WORDS].slice(0, 400);

/** A random string mixing vocabulary words (in any case), punctuation, spaces and, optionally, non-ASCII. */
function randomText(next: () => number, unicode: boolean, length = 1 + Math.floor(next() * 40)): string {
  const pieces = unicode ? [...ASCII_PIECES, ...UNICODE_PIECES] : ASCII_PIECES;
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.35) {
      const word = WORDS[Math.floor(next() * WORDS.length)]!;
      const cased = next() < 0.3 ? word[0]!.toUpperCase() + word.slice(1) : next() < 0.1 ? word.toUpperCase() : word;
      out += next() < 0.2 ? cased + 's' : cased;
    } else {
      out += pieces[Math.floor(next() * pieces.length)]!;
    }
  }
  return out;
}

// --- references: the formulations the fast paths replace -------------------------------------

function countByRegex(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

function uiShareReference(text: string): number {
  let content = 0;
  let ui = 0;
  for (const raw of text.replace(/([\p{Ll})])(\p{Lu})/gu, '$1 $2').toLowerCase().split(/[\s/|]+/)) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}()]+$/gu, '');
    if (!/\p{L}/u.test(w) || FUNCTION_WORDS.has(w)) continue;
    content++;
    if (UI_WORDS.has(w) || UI_WORDS.has(w.replace(/s$/, ''))) ui++;
  }
  return content === 0 ? 0 : ui / content;
}

function squeezeReference(text: string): string {
  return text.replace(/[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

function paragraphKeyReference(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function dedupeReference(paragraphs: string[]): string[] {
  const jaccard = (a: Set<string>, b: Set<string>): number => {
    let inter = 0;
    for (const w of b) if (a.has(w)) inter++;
    return inter / (a.size + b.size - inter);
  };
  const seen = new Set<string>();
  const byAnchor = new Map<string, Set<string>[]>();
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const key = paragraphKeyReference(paragraph);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const words = key.split(' ');
    if (words.length >= 8) {
      const anchors = [words.slice(0, 5).join(' '), '$' + words.slice(-5).join(' ')];
      const wordSet = new Set(words);
      if (anchors.some((a) => (byAnchor.get(a) ?? []).some((earlier) => jaccard(earlier, wordSet) >= 0.85))) continue;
      for (const a of anchors) byAnchor.set(a, [...(byAnchor.get(a) ?? []), wordSet]);
    }
    kept.push(paragraph);
  }
  return kept;
}

// --- tests ---------------------------------------------------------------------------------------

describe('character classes', () => {
  it('count letters, upper and lower case as /\\p{…}/gu matches do, astral and lone surrogates included', () => {
    const next = random(1);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next, true);
      expect(LETTER.count(text), JSON.stringify(text)).toBe(countByRegex(text, /\p{L}/gu));
      expect(UPPER.count(text), JSON.stringify(text)).toBe(countByRegex(text, /\p{Lu}/gu));
      expect(LOWER.count(text), JSON.stringify(text)).toBe(countByRegex(text, /\p{Ll}/gu));
    }
  });
});

describe('block scores', () => {
  it('are remembered per text, link share and document language, whichever block asks first', () => {
    const text = 'Startseite Nachrichten Politik Wirtschaft Kultur';
    const variants: [number | undefined, string | null][] = [[undefined, 'en'], [undefined, 'de'], [text.length, 'en'], [0, 'en'], [undefined, null]];
    const first = variants.map(([linkChars, language]) => scoreBlock({ text, linkChars }, language).score);
    const again = [...variants].reverse().map(([linkChars, language]) => scoreBlock({ text: ' '.concat(text).slice(1), linkChars }, language).score).reverse();
    expect(again).toEqual(first);
    // The variants do score differently: another language, and link text, are evidence.
    expect(first[0]).toBeGreaterThan(first[1]!);
    expect(first[2]).toBeGreaterThan(first[3]!);
  });
});

describe('all-caps text', () => {
  it('isAllCaps decides as counting every upper- and lower-case letter does', () => {
    const reference = (lines: string[]): boolean => {
      const upper = lines.reduce((n, l) => n + countByRegex(l, /\p{Lu}/gu), 0);
      const lower = lines.reduce((n, l) => n + countByRegex(l, /\p{Ll}/gu), 0);
      return upper > 40 && lower < upper * 0.1;
    };
    const next = random(8);
    let caps = 0;
    for (let i = 0; i < 3000; i++) {
      // Mostly capitals with a varying share of lower case, in lines of any length.
      const lines = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        const text = randomText(next, i % 2 === 0, Math.floor(next() * 120));
        return next() < 0.8 ? text.toUpperCase().replace(/[A-Z]/g, (c) => (next() < i / 30000 ? c.toLowerCase() : c)) : text;
      });
      expect(isAllCaps(lines), JSON.stringify(lines)).toBe(reference(lines));
      if (reference(lines)) caps++;
    }
    expect(caps).toBeGreaterThan(100);
  });
});

describe('interface-vocabulary share', () => {
  it('agrees with the regex tokenisation on ASCII and on Unicode blocks', () => {
    const next = random(2);
    for (let i = 0; i < 5000; i++) {
      const text = randomText(next, i % 2 === 1);
      expect(uiShare(text), JSON.stringify(text)).toBe(uiShareReference(text));
    }
  });

  it('splits menu items run together and strips edge punctuation', () => {
    for (const text of ['CommentsPrint', 'Comment(s)Print', 'storiesGet more', '(Share)', '--share--', '((', 'Tags: news/world|Home', 'a)B', 'aBC']) {
      expect(uiShare(text), text).toBe(uiShareReference(text));
    }
    expect(uiShare('CommentsPrint')).toBe(1);
  });
});

describe('paragraph normalisation', () => {
  it('squeeze and paragraphKey agree with replacing every run', () => {
    const next = random(3);
    for (let i = 0; i < 5000; i++) {
      const text = randomText(next, true);
      expect(squeeze(text), JSON.stringify(text)).toBe(squeezeReference(text));
      expect(paragraphKey(text), JSON.stringify(text)).toBe(paragraphKeyReference(text));
    }
  });

  it('dedupeParagraphs keeps what the word-list formulation keeps', () => {
    const next = random(4);
    for (let i = 0; i < 300; i++) {
      const base = Array.from({ length: 6 }, () => randomText(next, i % 3 === 0, 5 + Math.floor(next() * 60)));
      // Repeats, near-repeats (a word changed at the end or the start) and recased copies.
      const paragraphs = Array.from({ length: 14 }, () => {
        const p = base[Math.floor(next() * base.length)]!;
        const r = next();
        return r < 0.3 ? p : r < 0.5 ? p + ' extra' : r < 0.7 ? 'Intro ' + p : r < 0.8 ? p.toUpperCase() : randomText(next, false, 30);
      });
      expect(dedupeParagraphs(paragraphs)).toEqual(dedupeReference(paragraphs));
    }
  });
});

/** A random page: nested blocks with chrome-ish and comment-ish names, text of any kind, templates. */
function randomPage(next: () => number): string {
  const names = ['comment-list', 'comments', 'reply', 'share-bar', 'nav', 'story', 'article-body', 'has-comments', 'commentary', 'menu', 'post-body', 'x'];
  const tags = ['div', 'section', 'p', 'span', 'aside', 'nav', 'ul', 'li', 'footer', 'template', 'noscript', 'script', 'title', 'figure', 'td'];
  const build = (depth: number): string => {
    let html = '';
    const n = 1 + Math.floor(next() * 4);
    for (let i = 0; i < n; i++) {
      if (depth > 4 || next() < 0.35) {
        html += randomText(next, true, 5 + Math.floor(next() * 80)).replace(/[<>&]/g, ' ');
        continue;
      }
      const tag = tags[Math.floor(next() * tags.length)]!;
      const r = next();
      const attr = r < 0.3 ? ` class="${names[Math.floor(next() * names.length)]} x"` : r < 0.4 ? ` id="${names[Math.floor(next() * names.length)]}"` : r < 0.45 ? ' role="navigation"' : r < 0.5 ? ' hidden' : r < 0.55 ? ' style="display: none"' : '';
      html += tag === 'script' ? `<script>var x = "${randomText(next, false, 10).replace(/[<"]/g, '')}";</script>` : `<${tag}${attr}>${build(depth + 1)}</${tag}>`;
    }
    return html;
  };
  return `<html><head><title>T</title></head><body>${build(0)}</body></html>`;
}

/** pruneChrome as it was written with CSS queries (the walks must find the same elements). */
function pruneReference(doc: Document, keepComments: boolean): void {
  const chromeName = (el: Element): boolean => {
    const names = ((el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '')).toLowerCase();
    for (const raw of names.split(' ')) {
      const name = raw.split('--')[0]!;
      if (name === '' || /commentar|kommentar/.test(name) || /^(has|is|with|without|no|js)[-_]/.test(name)) continue;
      if (keepComments && /comment|disqus|reply|replies|forum|post-?body|message/.test(name)) continue;
      if (
        /comment|disqus|share|sharing|social|cookie|consent|gdpr|newsletter|breadcrumb|sidebar|outbrain|taboola|related|advert|sponsor|subscribe|popup|signup|login|toolbar|pagination|recommend|credit|copyright/.test(name) ||
        /(^|[_-])(nav|navbar|navigation|menu|footer|ad|ads|promo|modal|tagcloud|pager|byline|author|dateline|skip)($|[_-])/.test(name)
      ) return true;
    }
    return false;
  };
  const isChrome = (el: Element): boolean => {
    const role = el.getAttribute('role');
    if (role !== null && ['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'menu', 'menubar'].includes(role)) return true;
    if (el.hasAttribute('hidden')) return true;
    const style = el.getAttribute('style');
    if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
    return !['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD'].includes(el.tagName.toUpperCase()) && chromeName(el);
  };
  for (const el of Array.from(doc.querySelectorAll('noscript'))) {
    if (el.querySelector('p') !== null && (el.textContent ?? '').length >= 200) el.replaceWith(...Array.from(el.childNodes));
    else el.remove();
  }
  for (const el of Array.from(doc.querySelectorAll('script,style,template,svg,iframe,select,button,textarea,input,figcaption,body title,body meta,body link'))) el.remove();
  const byElement = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(doc.body.querySelectorAll('p'))) {
    const length = (p.textContent ?? '').length;
    if (length < 80) continue;
    total += length;
    for (let el = p.parentElement; el !== null; el = el.parentElement) byElement.set(el, (byElement.get(el) ?? 0) + length);
  }
  const limit = Math.max(total * 0.3, 160);
  const textLimit = (doc.body.textContent ?? '').length * 0.3;
  for (const el of Array.from(doc.body.querySelectorAll('nav,aside,footer,figure,[class],[id],[role],[hidden],[style]'))) {
    const tag = el.tagName.toUpperCase();
    if (['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(tag) || !(['NAV', 'ASIDE', 'FOOTER', 'FIGURE'].includes(tag) || isChrome(el))) continue;
    if ((byElement.get(el) ?? 0) >= limit) continue;
    if (total < 320 && (el.textContent ?? '').length >= textLimit) continue;
    el.remove();
  }
}

describe('DOM walks', () => {
  it('descendantElements lists what querySelectorAll("*") lists', () => {
    const next = random(5);
    for (let i = 0; i < 200; i++) {
      const { document } = parseHTML(randomPage(next));
      expect(descendantElements(document)).toEqual(Array.from(document.querySelectorAll('*')));
      expect(descendantElements(document.body)).toEqual(Array.from(document.body.querySelectorAll('*')));
    }
  });

  it('hasText tells whether the trimmed text content reaches a length', () => {
    const next = random(6);
    for (let i = 0; i < 300; i++) {
      const { document } = parseHTML(randomPage(next).replace(/[^\s<>/="a-z]/g, (c) => (next() < 0.7 ? ' ' : c)));
      const length = (document.body.textContent ?? '').trim().length;
      for (const min of [1, 20, 200, length, length + 1]) expect(hasText(document.body, min), `${min} of ${length}`).toBe(length >= min);
    }
  });

  it('pruneChrome removes what the CSS-query formulation removes, and reports comment sections exactly', () => {
    const next = random(7);
    let sparedComments = 0;
    for (let i = 0; i < 300; i++) {
      const html = randomPage(next);
      for (const keepComments of [false, true]) {
        const fast = parseDocument(html)!;
        const reference = parseDocument(html)!;
        const commentSections = pruneChrome(fast, keepComments);
        pruneReference(reference, keepComments);
        expect(fast.documentElement.outerHTML).toBe(reference.documentElement.outerHTML);
        if (keepComments) continue;
        // No comment sections pruned: keeping them changes nothing.
        const kept = parseDocument(html)!;
        pruneChrome(kept, true);
        const same = kept.documentElement.outerHTML === fast.documentElement.outerHTML;
        if (commentSections === 0) expect(same).toBe(true);
        else if (!same) sparedComments++;
      }
    }
    expect(sparedComments).toBeGreaterThan(10);
  });
});
