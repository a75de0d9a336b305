// Feeds -> items: the four feed formats, relative links, dates, full text, and refusals.
import { describe, expect, it } from 'vitest';
import { FeedError, parseFeedBytes } from '../../src/watch/feed-items.js';
import { rss } from '../fixtures/watch/server.js';

const BASE = 'https://news.example.org/feeds/world.xml';
const parse = (text: string | Buffer, type: string | null = null) => parseFeedBytes(Buffer.isBuffer(text) ? text : Buffer.from(text), type, BASE);

describe('feed items', () => {
  it('reads RSS 2.0: links resolved against the feed, dates, full text, guid', () => {
    const feed = parse(
      rss('World', [
        { title: 'Talks in Geneva', link: '/2017/10/09/talks?utm_source=rss', guid: 'a-1', pubDate: 'Mon, 09 Oct 2017 10:00:00 GMT', content: '<p>Full text.</p>' },
        { title: 'Teaser only', link: 'https://other.example.com/story', description: 'Just a teaser' },
      ]),
    );
    expect(feed.title).toBe('World');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      url: 'https://news.example.org/2017/10/09/talks',
      guid: 'a-1',
      title: 'Talks in Geneva',
      published: '2017-10-09',
      content: '<p>Full text.</p>',
      summary: null,
    });
    expect(feed.items[1]!.content).toBeNull(); // a description is a teaser, not the article
    expect(feed.items[1]!.summary).toBe('Just a teaser');
  });

  it('reads Atom: the alternate link, xhtml content, published date', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
      <entry><title>One</title><id>urn:1</id><link rel="self" href="/api/1"/><link rel="alternate" href="/stories/1"/>
        <published>2015-09-05T08:00:00Z</published><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content></entry>
    </feed>`;
    const [item] = parse(atom).items;
    expect(item).toMatchObject({ url: 'https://news.example.org/stories/1', guid: 'urn:1', title: 'One', published: '2015-09-05' });
    expect(item!.content).toContain('<p>Body</p>');
  });

  it('reads RSS 1.0 (RDF) and JSON Feed', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>RDF</title></channel><item><title>R</title><link>https://news.example.org/r</link><dc:date>2014-03-18</dc:date></item></rdf:RDF>`;
    expect(parse(rdf).items[0]).toMatchObject({ url: 'https://news.example.org/r', published: '2014-03-18' });
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON',
      items: [{ id: 7, url: 'story/7', title: 'J', date_published: '2016-01-02T00:00:00Z', content_text: 'Text' }],
    });
    expect(parse(json).items[0]).toEqual({ url: 'https://news.example.org/feeds/story/7', guid: '7', title: 'J', published: '2016-01-02', content: 'Text', summary: null });
  });

  it('decodes in the charset the server declares', () => {
    const body = Buffer.from(rss('Caf\u00e9 news', []).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(parse(body, 'application/rss+xml; charset=iso-8859-1').title).toBe('Café news');
    expect(parse(body, null).title).toBe('Café news'); // the XML declaration says it
  });

  it('refuses malformed XML with where it broke, and what is not a feed', () => {
    const broken = rss('World', [{ title: 'A', link: 'https://x.example/a' }]).replace('</item>', '');
    expect(() => parse(broken)).toThrow(FeedError);
    expect(() => parse(broken)).toThrow(/malformed XML at line \d+, column \d+/);
    expect(() => parse('<!doctype html><html><body>Oops</body></html>')).toThrow(/HTML page, not a feed/);
    expect(() => parse('{"items": []}')).toThrow(/not a JSON Feed/);
    expect(() => parse('<?xml version="1.0"?><svg></svg>')).toThrow(/not a feed/);
  });
});
