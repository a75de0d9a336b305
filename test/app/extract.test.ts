// `demarche extract` as a use case: the page address dates a page that does not date itself.
import { describe, expect, it } from 'vitest';
import { extract, pageUrl } from '../../src/app/extract.js';
import type { RawDocument } from '../../src/model.js';

const body = '<p>The foreign ministers met in Geneva and agreed to continue their talks on the ceasefire next week.</p>';
const raw = (content: string, url: string | null = null): RawDocument => ({
  id: 'x', source: 'page.html', url, format: 'html', content: `<html><head>${content}</head><body><article>${body}</article></body></html>`, published: null, title: null,
});

describe('extract', () => {
  it('dates an undated page by the address it was fetched from', () => {
    expect(extract(raw('')).published).toBeNull();
    const r = extract(raw(''), 'https://news.example.com/2025/03/01/talks');
    expect(r.published).toBe('2025-03-01');
    expect(r.url).toBe('https://news.example.com/2025/03/01/talks');
  });

  it('keeps the address a record gives itself', () => {
    const r = extract(raw('', 'https://news.example.com/2024/12/30/own'), 'https://news.example.com/2025/03/01/talks');
    expect(r.published).toBe('2024-12-30');
  });

  it('lets the address settle the day of a UTC timestamp stamped after the publisher\'s midnight', () => {
    const stamped = raw('<meta property="article:published_time" content="2025-03-02T03:30:00Z">');
    expect(extract(stamped).published).toBe('2025-03-02');
    expect(extract(stamped, 'https://news.example.com/2025/03/01/talks').published).toBe('2025-03-01');
  });
});

describe('pageUrl', () => {
  it('accepts http(s) addresses and explains anything else in one line', () => {
    expect(pageUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(pageUrl('example.com/a')).toEqual({ error: expect.stringMatching(/^--url takes an address/) });
    expect(pageUrl('ftp://example.com/a')).toEqual({ error: expect.stringMatching(/http or https/) });
  });
});
