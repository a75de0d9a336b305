// Publication-date candidates in an HTML page, each with a tier (lower = more trustworthy): the
// article's own structured metadata first (JSON-LD datePublished, article:published_time, itemprop,
// <time pubdate>), then the URL, then other dated markup, then dates written in the visible text
// (bylines and datelines before prose), then modification dates (only when nothing else says when
// the page was published), then image paths. Dates of comments and of related-article cards are
// not the page's and are skipped.
// Regex scanning, not a DOM: the head and a few tags are all we need, and it is much faster.
import { findDates, isValidDate, parseDateString, type CalendarDate } from '../../../lang/dates-parse.js';
import { datesInUrl } from './url.js';
import { clockOf, type Clock } from './zone.js';

export interface DateCandidate {
  date: CalendarDate & { day: number };
  tier: number;
  /** Where it came from, for debugging ("meta:article:published_time"). */
  origin: string;
  /** The other reading of an ambiguous numeric date (6/9/15), when there is one. */
  alt?: (CalendarDate & { day: number }) | null;
  /** Time of day and zone when the source gave them (timestamps), for finding the publisher's day. */
  clock?: Clock | null;
}

export const TIER = {
  published: 0,
  created: 1,
  url: 2,
  markup: 3,
  cuedText: 4,
  text: 5,
  prose: 6,
  modified: 7,
  image: 8,
} as const;

const PUBLISHED_KEYS = new Set([
  'article:published_time', 'og:published_time', 'og:datepublished', 'datepublished', 'article.published',
  'published_time', 'publish_date', 'publish-date', 'publishdate', 'published-date', 'publication_date', 'publicationdate',
  'pubdate', 'dc.date.issued', 'dc.issued', 'dcterms.issued', 'dc:issued', 'article_date_original', 'original-publish-date',
  'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime', 'date_published', 'datepublication', 'og:article:published_time',
]);
const CREATED_KEYS = new Set([
  'date', 'created', 'datecreated', 'dc.date', 'dc.date.created', 'dcterms.created', 'dc:created', 'dcterms.date',
  'og:regdate', 'displaydate', 'dc:date', 'citation_publication_date', 'citation_date', 'article:post_date',
]);
const MODIFIED_KEYS = new Set([
  'article:modified_time', 'og:updated_time', 'datemodified', 'dateupdate', 'dateupdated', 'last-modified', 'lastmodified',
  'modified', 'dc.date.modified', 'dcterms.modified', 'article:modified', 'revised', 'updated_time',
]);
const URL_KEYS = new Set(['og:url', 'twitter:url']);
const IMAGE_KEYS = new Set(['og:image', 'twitter:image', 'og:image:url', 'og:image:secure_url']);

const ATTR = /([a-zA-Z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const META_TAG = /<meta\b([^>]*)>/gi;
const LINK_CANONICAL = /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/gi;
const TIME_TAG = /<time\b([^>]*)>([^<]{0,200})/gi;
const ABBR_TAG = /<abbr\b([^>]*)>([^<]{0,200})/gi;
const DATE_CLASS_TAG =
  /<(?:span|div|p|a|li|small|em|strong|header|footer|section)\b([^>]*\b(?:class|id|itemprop)\s*=\s*["'][^"']*(?:date|time|publi|posted|fecha|datum|byline|meta)[^"']*["'][^>]*)>([^<]{0,200})/gi;
// JSON-LD, also HTML-escaped inside an attribute (data-schema="{&quot;datePublished&quot;:...}").
const JSON_DATE = /(?:["']|&quot;)(datePublished|dateCreated|dateModified|uploadDate)(?:["']|&quot;)\s*:\s*(?:["']|&quot;)([^"'&]{4,40})(?:["']|&quot;)/g;
const IMG_SRC = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;
const TITLE = /<title\b[^>]*>([^<]*)<\/title>/i;
const INVISIBLE = /<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const TAG = /<[^>]+>/g;
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|aside|nav|main|blockquote|pre|dd|dt|figure|figcaption|form|hr|title|body|html|head)\b[^>]*>/gi;
const WHITESPACE = /\s+/g;
const ENTITY = /&(nbsp|amp|copy|#\d+|#x[0-9a-f]+);/gi;
const PUBLISHED_CLASS = /entry-date|published|pubdate|post-date|date-published|article-date|datepublished/i;
const UPDATED_CLASS = /updated|modified/i;
// Words that say the next (or previous) date is the publication date, or the date of an update.
const CUE =
  /(published|posted|updated|last updated|released|veröffentlicht|aktualisiert|erstellt|stand|datum|publié|mis à jour|publicado|pubblicato|güncelle\w*|yayım\w*|yayın\w*|tarih\w*|fecha)/gi;
const UPDATED_TEXT = /^\s*(?:last\s+)?(?:updated|modified|revised|aktualisiert|mis à jour|actualizado)\b/i;
const UPDATE_CUE = /^(updated|last updated|aktualisiert|mis à jour|güncelle\w*)$/i;
// Classes of elements that hold someone else's date: a comment, a card or teaser of another article.
const FOREIGN_CLASS = /(?:^|[\s_-])(?:comments?|replies|reply|related|cards?|teasers?|recirc\w*|promo\w*|sidebar|widget\w*|more-stories)(?:[\s_-]|$)/i;

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw)) !== null) out.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

function full(d: CalendarDate | null): (CalendarDate & { day: number }) | null {
  return d && d.day !== null ? (d as CalendarDate & { day: number }) : null;
}

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (all, e: string) => {
    const k = e.toLowerCase();
    if (k === 'nbsp') return ' ';
    if (k === 'amp') return '&';
    if (k === 'copy') return '©';
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  });
}

/** Unix timestamps in seconds (data-utime="1438091078"): a UTC day and time. */
function fromUnix(s: string): { date: CalendarDate & { day: number }; clock: Clock } | null {
  if (!/^\d{9,10}$/.test(s)) return null;
  const d = new Date(Number(s) * 1000);
  const c = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  return isValidDate(c.year, c.month, c.day) ? { date: c, clock: { minutes: d.getUTCHours() * 60 + d.getUTCMinutes(), offset: 0 } } : null;
}

function metaCandidates(html: string, dayFirst: boolean, out: DateCandidate[], urls: string[], images: string[]): void {
  META_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = META_TAG.exec(html)) !== null) {
    const a = attributes(m[1]);
    const value = a.get('content') ?? a.get('datetime') ?? '';
    const keys = ['property', 'name', 'itemprop', 'http-equiv'].map((k) => (a.get(k) ?? '').toLowerCase()).filter(Boolean);
    if (a.has('pubdate')) keys.push('pubdate');
    for (const key of keys) {
      if (URL_KEYS.has(key)) urls.push(value);
      else if (IMAGE_KEYS.has(key)) images.push(value);
      const tier = PUBLISHED_KEYS.has(key) ? TIER.published : CREATED_KEYS.has(key) ? TIER.created : MODIFIED_KEYS.has(key) ? TIER.modified : -1;
      if (tier < 0) continue;
      const date = full(parseDateString(value, dayFirst));
      if (date) out.push({ date, tier, origin: `meta:${key}`, clock: clockOf(value) });
    }
  }
}

function scanDatedTags(html: string, dayFirst: boolean, out: DateCandidate[], re: RegExp, kind: string): void {
  {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(html)) !== null) {
      const a = attributes(m[1]);
      const label = `${a.get('class') ?? ''} ${a.get('itemprop') ?? ''} ${a.get('id') ?? ''}`;
      if (FOREIGN_CLASS.test(label)) continue;
      // What the element says of its date outweighs a generic class: <div class="item-date">Updated May 2</div>.
      const updatedText = UPDATED_TEXT.test(decodeEntities(m[2]));
      const tier = updatedText ? TIER.modified : a.has('pubdate') || PUBLISHED_CLASS.test(label) ? TIER.published : UPDATED_CLASS.test(label) ? TIER.modified : TIER.markup;
      const unix = fromUnix(a.get('data-utime') ?? '');
      const stamp = a.get('datetime') ?? '';
      const date =
        unix?.date ??
        full(parseDateString(stamp, dayFirst)) ??
        full(parseDateString(a.get('title') ?? '', dayFirst)) ??
        full(parseDateString(decodeEntities(m[2]), dayFirst));
      const clock = unix?.clock ?? clockOf(stamp);
      if (date) out.push({ date, tier, origin: `${kind}:${label.trim()}`, clock });
    }
  }
}

/** <span class="date">, <div class="fecha">, <a class="ribbon date" title="12th December 2018">. */
function elementCandidates(html: string, dayFirst: boolean, out: DateCandidate[]): void {
  scanDatedTags(html, dayFirst, out, DATE_CLASS_TAG, 'element');
}

function markupCandidates(html: string, dayFirst: boolean, out: DateCandidate[]): void {
  scanDatedTags(html, dayFirst, out, TIME_TAG, 'time');
  scanDatedTags(html, dayFirst, out, ABBR_TAG, 'abbr');
  JSON_DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JSON_DATE.exec(html)) !== null) {
    const date = full(parseDateString(m[2], dayFirst));
    const tier = m[1] === 'datePublished' ? TIER.published : m[1] === 'dateModified' ? TIER.modified : TIER.created;
    if (date) out.push({ date, tier, origin: `json:${m[1]}`, clock: clockOf(m[2]) });
  }
}

/** Visible text of the page (title first), scripts and tags removed. */
export function visibleText(html: string): string {
  const title = TITLE.exec(html)?.[1] ?? '';
  // Source line breaks mean nothing in HTML; blocks make the lines.
  const body = html.replace(INVISIBLE, ' ').replace(WHITESPACE, ' ').replace(BLOCK_TAG, '\n').replace(TAG, ' ');
  return decodeEntities(`${title}\n${body}`);
}

/** A line this long is prose: a date in it is what the story is about, not when it was published. */
const BYLINE_MAX = 120;

/**
 * Full dates written in text. Dates on short lines (bylines, datelines) rank above dates in prose,
 * and among those, dates next to a publication cue ("Published:", "Stand:") come first.
 */
export function textCandidates(text: string, dayFirst: boolean): DateCandidate[] {
  return findDates(text, dayFirst).map((f) => {
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    const lineEnd = text.indexOf('\n', f.end);
    const before = text.slice(Math.max(lineStart, f.start - 40), f.start);
    const after = text.slice(f.end, Math.min(lineEnd < 0 ? text.length : lineEnd, f.end + 25));
    const lineLength = (lineEnd < 0 ? text.length : lineEnd) - lineStart;
    const cue = [...before.matchAll(CUE)].at(-1)?.[1] ?? [...after.matchAll(CUE)][0]?.[1];
    // "Updated: 9 Dec" is when the page changed, not when it was published.
    const tier = cue && UPDATE_CUE.test(cue) ? TIER.modified : lineLength > BYLINE_MAX ? TIER.prose : cue ? TIER.cuedText : TIER.text;
    return { date: { year: f.year, month: f.month, day: f.day! }, tier, origin: 'text', alt: f.alt as (CalendarDate & { day: number }) | null };
  });
}

/**
 * Candidates in priority stages, stopping at the first stage that yields a trustworthy date:
 * markup that says "published"/"created" and the URL (always kept: it settles the day of a UTC
 * timestamp), then dated elements, then the rest (visible text, modification dates, image paths).
 * `visible` gives visibleText(html), computed only if needed (it is the costly part on large pages).
 */
export function htmlCandidates(html: string, url: string | null, dayFirst: boolean, visible: () => string): DateCandidate[] {
  const out: DateCandidate[] = [];
  const urls: string[] = [];
  const images: string[] = [];
  metaCandidates(html, dayFirst, out, urls, images);
  markupCandidates(html, dayFirst, out);
  LINK_CANONICAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINK_CANONICAL.exec(html)) !== null) {
    const href = attributes(m[0].slice(5)).get('href');
    if (href) urls.push(href);
  }
  if (url) urls.unshift(url);
  for (const u of urls) for (const date of datesInUrl(u)) out.push({ date, tier: TIER.url, origin: 'url' });
  if (out.some((c) => c.tier <= TIER.created)) return out;
  elementCandidates(html, dayFirst, out);
  if (out.some((c) => c.tier <= TIER.markup)) return out;
  out.push(...textCandidates(visible(), dayFirst));
  IMG_SRC.lastIndex = 0;
  while ((m = IMG_SRC.exec(html)) !== null) images.push(m[1]);
  // Image paths carry upload dates; the latest one is the closest to publication.
  const imageDates = images.flatMap((u) => datesInUrl(u));
  imageDates.sort((a, b) => b.year - a.year || b.month - a.month || b.day - a.day);
  if (imageDates[0]) out.push({ date: imageDates[0], tier: TIER.image, origin: 'image' });
  return out;
}

/** Where a page names its publisher: the title and the meta tags (og:site_name, author, ...). */
export function htmlCredits(html: string): string {
  const parts = [TITLE.exec(html)?.[1] ?? ''];
  META_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = META_TAG.exec(html)) !== null) parts.push(m[1]);
  return parts.join('\n');
}
