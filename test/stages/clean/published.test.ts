import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPublished } from '../../../src/stages/clean/published/index.js';
import { ROOT } from '../../fixtures/paths.js';

const seeds = JSON.parse(readFileSync(join(ROOT, 'examples/seeds/expected.json'), 'utf8')).documents as Record<string, { published: string | null }>;
const fixture = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/dates', name), 'utf8');

function fromText(content: string, url: string | null = null) {
  return detectPublished({ format: 'text', content, url, text: content });
}
function fromHtml(content: string, url: string | null = null) {
  return detectPublished({ format: 'html', content, url, text: '' });
}

describe('detectPublished on the seed articles', () => {
  for (const [file, exp] of Object.entries(seeds)) {
    it(`${file} -> ${exp.published}`, () => {
      const content = readFileSync(join(ROOT, 'examples/seeds', file), 'utf8');
      expect(fromText(content).published).toBe(exp.published);
    });
  }

  it('reads the Xinhua dateline 6/9/15 day-first', () => {
    const r = fromText(readFileSync(join(ROOT, 'examples/seeds/000_1443bbc182fad092.txt'), 'utf8'));
    expect(r.day_first).toBe(true);
  });
});

describe('detectPublished on plain text', () => {
  const story = 'Russia said on Saturday it would not send troops.\nThe minister said Friday talks would go on.\n';

  it('settles an ambiguous numeric date by weekday consistency when the source is silent', () => {
    // 2015-09-06 is a Sunday (Saturday/Friday just before); 2015-06-09 is a Tuesday.
    expect(fromText(`${story}Some Outlet\n6/9/15\n`).published).toBe('2015-09-06');
    // 2015-01-09 is a Friday ("Friday" = that day); 2015-09-01 is a Tuesday: the month-first default stands.
    expect(fromText(`${story}Some Outlet\n1/9/15\n`).published).toBe('2015-01-09');
  });

  it('lets a date that can only be read one way decide the convention', () => {
    const r = fromText(`Talks ended.\n25/10/2014\nMore text.\nArchive: 3/4/2014\n`);
    expect(r.published).toBe('2014-10-25');
    expect(r.day_first).toBe(true);
  });

  it('uses month-day mentions to reject a reading that puts the story before its own events', () => {
    const text = 'On October 9, the minister spoke by phone.\nThey met in Belgrade on October 7.\n';
    expect(fromText(`1897-09-10-2017\n\n${text}`).published).toBe('2017-10-09');
    expect(fromText(`10/09/2017\n\n${text}`).published).toBe('2017-10-09');
  });

  it('never guesses: a year, a month or a bare weekday is not a publication date', () => {
    expect(fromText('In April 2013 the talks stalled.\nOn Saturday they resumed.\n').published).toBeNull();
    expect(fromText('').published).toBeNull();
  });

  it('reads a dateline opening the story but not a date in its narrative', () => {
    const rest = ' Russia said on Monday that talks with the United States on Syria would continue next week in Geneva.';
    expect(fromText(`MOSCOW, Oct. 9, 2017 (Reuters) - ${rest}`).published).toBe('2017-10-09');
    expect(fromText(`It was a sunny morning on Saturday 31 August 2013 when ${rest}`).published).toBeNull();
  });

  it('takes a date from the URL when the text has none', () => {
    expect(fromText('No date here.', 'https://news.example.com/2016/07/12/story').published).toBe('2016-07-12');
  });

  it('treats a day-first source domain as day-first', () => {
    expect(fromText('Story.\n03/04/2016\n', 'https://www.example.co.uk/news/story').published).toBe('2016-04-03');
    expect(fromText('Story.\n03/04/2016\n', 'https://www.example.com/news/story').published).toBe('2016-03-04');
  });
});

describe('detectPublished on HTML', () => {
  it('prefers article:published_time over modification dates and the URL', () => {
    const r = fromHtml(fixture('news-meta.html'));
    expect(r.published).toBe('2017-10-09');
    expect(r.day_first).toBe(true);
  });

  it('reads JSON-LD datePublished and ignores the copyright year', () => {
    expect(fromHtml(fixture('news-jsonld.html')).published).toBe('2014-10-14');
  });

  it('falls back to a cued date in the visible text, with the source convention', () => {
    expect(fromHtml(fixture('news-visible.html')).published).toBe('2016-03-04');
    expect(fromHtml(fixture('news-visible.html'), 'https://www.example.co.uk/story').published).toBe('2016-04-03');
  });

  it('prefers a byline date to a date in the story prose', () => {
    const html = `<html><body><small>January 13, 2020 at 08:45 AM | categories: python</small>
      <p>Mercurial 5.2 was released on November 5, 2019. It is the first version to support Python 3, after years of work
      by many contributors who ported the code base.</p></body></html>`;
    expect(fromHtml(html).published).toBe('2020-01-13');
  });

  it('returns null for a page with only a copyright year', () => {
    expect(fromHtml(fixture('news-nodate.html')).published).toBeNull();
  });

  it('reads time elements, abbr timestamps and URL patterns', () => {
    expect(fromHtml('<html><body><time datetime="2011-09-28" class="updated"></time><time datetime="2011-09-27" class="entry-date"></time></body></html>').published).toBe('2011-09-27');
    expect(fromHtml('<html><body><abbr data-utime="1438091078">A date</abbr></body></html>').published).toBe('2015-07-28');
    expect(fromHtml('<html><body><p>x</p></body></html>', 'http://example.com/category/2016/').published).toBeNull();
    expect(fromHtml('<html><body><p>x</p></body></html>', 'https://example.org/news/2019/6/26/slug').published).toBe('2019-06-26');
  });

  it('rejects impossible dates', () => {
    expect(fromHtml('<html><body><p><em>Last updated: 33/23/3033</em></p></body></html>').published).toBeNull();
    expect(fromHtml('<html><body><p>Published: 30. Februar 2018</p></body></html>').published).toBeNull();
  });
});
