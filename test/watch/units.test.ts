// Small parts of the watch: durations, page addresses, the feed list.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/watch/duration.js';
import { readFeedList } from '../../src/watch/feeds-list.js';
import { retryAfterMs } from '../../src/watch/http.js';
import { normalizeUrl } from '../../src/watch/url.js';

describe('durations', () => {
  it('reads what people type', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('0')).toBe(0);
    for (const bad of ['15', 'soon', '-1m', '5 minutes', '']) expect(parseDuration(bad), bad).toBeNull();
  });
  it('says them back', () => {
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(900_000)).toBe('15 min');
    expect(formatDuration(5_400_000)).toBe('1 h 30 min');
  });
});

describe('page addresses', () => {
  it('spell one page one way', () => {
    expect(normalizeUrl('HTTP://News.Example.org:80/a/b?id=3&utm_source=rss#top')).toBe('http://news.example.org/a/b?id=3');
    expect(normalizeUrl('/story/1?utm_medium=x', 'https://example.org/feed.xml')).toBe('https://example.org/story/1');
    // Nothing to drop: the query is left exactly as written.
    expect(normalizeUrl('https://example.org/s?q=a%20b+c')).toBe('https://example.org/s?q=a%20b+c');
  });
  it('refuses what is not http(s)', () => {
    expect(normalizeUrl('mailto:desk@example.org')).toBeNull();
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('whenever')).toBeUndefined();
  });
});

describe('--feeds list', () => {
  it('reads one feed a line, skips comments, resolves files against the list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarche-feeds-'));
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, '# world news\nhttps://example.org/world.rss\n\n  local.xml   # a file\n');
    expect(await readFeedList(list)).toEqual(['https://example.org/world.rss', join(dir, 'local.xml')]);
  });
});
