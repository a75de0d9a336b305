// The publisher's day: timestamps read in their own offset, a UTC timestamp yielding to the page's local day.
import { describe, expect, it } from 'vitest';
import { detectPublished } from '../../../src/stages/clean/published/index.js';
import { clockOf, dayInOffset, publisherDay } from '../../../src/stages/clean/published/zone.js';

function fromHtml(content: string, url: string | null = null) {
  return detectPublished({ format: 'html', content, url, text: '' }).published;
}
const meta = (property: string, value: string): string => `<meta property="${property}" content="${value}">`;
const page = (head: string, body = '<p>Story.</p>'): string => `<html><head>${head}</head><body>${body}</body></html>`;

describe('clockOf', () => {
  it('reads the time of day and the offset in minutes east of UTC', () => {
    expect(clockOf('2025-03-01T22:30:00-05:00')).toEqual({ minutes: 22 * 60 + 30, offset: -300 });
    expect(clockOf('2025-03-01T08:15:00+09:00')).toEqual({ minutes: 8 * 60 + 15, offset: 540 });
    expect(clockOf('2025-03-01T02:30:00.000Z')).toEqual({ minutes: 150, offset: 0 });
    expect(clockOf('2025-03-01 02:30 +0530')).toEqual({ minutes: 150, offset: 330 });
    expect(clockOf('2025-03-01T10:00:00')).toEqual({ minutes: 600, offset: null });
  });

  it('gives nothing for a date without a time', () => {
    expect(clockOf('2025-03-01')).toBeNull();
    expect(clockOf('March 1, 2025')).toBeNull();
  });
});

describe('dayInOffset', () => {
  it('moves a UTC moment across midnight in either direction', () => {
    expect(dayInOffset({ year: 2025, month: 3, day: 1 }, 150, -300)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(dayInOffset({ year: 2024, month: 12, day: 31 }, 20 * 60, 540)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(dayInOffset({ year: 2025, month: 3, day: 1 }, 12 * 60, 60)).toEqual({ year: 2025, month: 3, day: 1 });
  });
});

describe('publisherDay', () => {
  const utcEarly = { date: { year: 2025, month: 3, day: 2 }, clock: { minutes: 150, offset: 0 } };

  it('leaves a timestamp with an offset or without a zone as written', () => {
    const local = { date: { year: 2025, month: 3, day: 1 }, clock: { minutes: 23 * 60, offset: -300 } };
    expect(publisherDay(local, [], [{ year: 2025, month: 3, day: 2 }])).toEqual(local.date);
  });

  it('takes a local day one day before an early-morning UTC stamp, not one after', () => {
    expect(publisherDay(utcEarly, [], [{ year: 2025, month: 3, day: 1 }])).toEqual({ year: 2025, month: 3, day: 1 });
    expect(publisherDay(utcEarly, [], [{ year: 2025, month: 3, day: 3 }])).toEqual(utcEarly.date);
    expect(publisherDay(utcEarly, [], [{ year: 2025, month: 2, day: 20 }])).toEqual(utcEarly.date);
  });
});

describe('detectPublished: no day off because of a time zone', () => {
  it('reads a timestamp in its own offset, never shifted to UTC (-05:00, +09:00)', () => {
    // 22:30 in New York is 03:30 UTC the next day; 07:00 in Tokyo is 22:00 UTC the day before.
    expect(fromHtml(page(meta('article:published_time', '2025-03-01T22:30:00-05:00')))).toBe('2025-03-01');
    expect(fromHtml(page(meta('article:published_time', '2025-03-01T07:00:00+09:00')))).toBe('2025-03-01');
  });

  it('lets the URL day win over a UTC timestamp (Z) just after midnight', () => {
    const html = page(meta('article:published_time', '2025-03-02T03:30:00Z'));
    expect(fromHtml(html, 'https://news.example.com/2025/03/01/talks-resume')).toBe('2025-03-01');
    expect(fromHtml(html)).toBe('2025-03-02');
  });

  it('converts a UTC timestamp into the offset of another timestamp of the page', () => {
    const tokyo = page(`${meta('article:published_time', '2025-02-28T22:00:00Z')}${meta('article:modified_time', '2025-03-01T09:00:00+09:00')}`);
    expect(fromHtml(tokyo)).toBe('2025-03-01');
    const jsonLd = `<script type="application/ld+json">{"datePublished":"2025-03-02T03:30:00.000Z","dateModified":"2025-03-01T23:00:00-05:00"}</script>`;
    expect(fromHtml(page(jsonLd))).toBe('2025-03-01');
  });

  it('reads Unix seconds as UTC and lets the URL day win', () => {
    // 1740886200 = 2025-03-02T03:30:00Z
    const html = page('', '<abbr data-utime="1740886200" class="published">yesterday</abbr>');
    expect(fromHtml(html, 'https://example.com/2025/03/01/story')).toBe('2025-03-01');
  });
});

describe('detectPublished: which date is the publication date', () => {
  it('takes the URL before a plain <time> element, which may belong to something else', () => {
    const html = page('', '<time datetime="2024-05-06">May 6</time><p>Story.</p>');
    expect(fromHtml(html, 'https://example.com/2025/01/07/story')).toBe('2025-01-07');
    expect(fromHtml(html)).toBe('2024-05-06');
  });

  it('takes structured metadata before the URL', () => {
    const html = page(meta('article:published_time', '2025-01-06'));
    expect(fromHtml(html, 'https://example.com/2025/01/07/story')).toBe('2025-01-06');
  });

  it('takes a byline date before a modification date, and a modification date only when alone', () => {
    const modified = meta('article:modified_time', '2025-06-01T10:00:00+00:00');
    expect(fromHtml(page(modified, '<p class="byline">By A. Writer, March 3, 2025</p>'))).toBe('2025-03-03');
    expect(fromHtml(page(modified))).toBe('2025-06-01');
  });

  it('reads "Updated:" in the text as a modification, after the publication line', () => {
    const body = '<p>Updated: June 9, 2025</p><p>Published March 2, 2025</p>';
    expect(fromHtml(page('', body))).toBe('2025-03-02');
  });

  it('reads JSON-LD escaped inside an attribute', () => {
    const body = '<div data-schema="{&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></div>';
    expect(fromHtml(page('', body), 'https://example.com/articles/guide')).toBe('2025-11-17');
  });

  it('keeps to the month a /2025/12/ URL names when the page offers a date in it', () => {
    const body = '<p>Posted June 17, 2025</p><p>Book beat</p><p>December 20, 2025</p>';
    expect(fromHtml(page('', body), 'https://books.example.com/2025/12/book-beat')).toBe('2025-12-20');
    expect(fromHtml(page('', body), 'https://books.example.com/book-beat')).toBe('2025-06-17');
  });

  it('reads a dated element that says "Updated" as a modification date', () => {
    const body = '<div class="item-date">Updated November 19, 2021</div><p class="byline">By A. Writer, January 28, 2021</p>';
    expect(fromHtml(page('', body))).toBe('2021-01-28');
  });

  it('skips dates of comments and related-article cards', () => {
    const body =
      '<div class="comment-time">July 4, 2024</div><div class="article-card__date">July 5, 2024</div><p>Posted on 12 March 2021</p>';
    expect(fromHtml(page('', body))).toBe('2021-03-12');
  });
});
