// The fetcher against a local site: conditional GET, retries, timeouts, redirects, size limits,
// robots.txt, the User-Agent, per-host pauses and the concurrency limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, Fetcher, type FetchPolicy } from '../../src/watch/fetcher.js';
import { FetchError } from '../../src/watch/http.js';
import { startSite, type TestSite } from '../fixtures/watch/server.js';

const UA = 'demarche/0.1.0 (news feed watcher; +mailto:desk@example.org)';
const fast: FetchPolicy = { ...DEFAULT_POLICY, userAgent: UA, retryBaseMs: 20, hostDelayMs: 0, timeoutMs: 2000 };

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('fetcher', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startSite({
      '/robots.txt': { kind: 'content', type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n\nUser-agent: demarche\nDisallow: /members/\n' },
      '/feed.xml': { kind: 'content', type: 'application/rss+xml', body: '<rss/>', etag: '"v1"', lastModified: 'Mon, 09 Oct 2017 10:00:00 GMT' },
      '/flaky': { kind: 'status', status: 503, times: 2, then: { kind: 'content', type: 'text/html', body: 'back' } },
      '/broken': { kind: 'status', status: 500 },
      '/gone': { kind: 'status', status: 404 },
      '/hang': { kind: 'hang' },
      '/loop/a': { kind: 'redirect', to: '/loop/b' },
      '/loop/b': { kind: 'redirect', to: '/loop/a' },
      '/moved': { kind: 'redirect', to: '/moved/2', status: 301 },
      '/moved/2': { kind: 'redirect', to: '/feed.xml' },
      '/huge': { kind: 'huge', bytes: 20 * 1024 * 1024, type: 'text/html' },
      '/members/x': { kind: 'content', type: 'text/html', body: 'secret' },
      '/private/x': { kind: 'content', type: 'text/html', body: 'private to others' },
    });
  });
  afterAll(() => site.close());

  it('sends a clear User-Agent and asks conditionally: a matching ETag gets 304', async () => {
    const f = new Fetcher(fast);
    const first = await f.get(`${site.base}/feed.xml`);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: 'Mon, 09 Oct 2017 10:00:00 GMT' });
    const again = await f.get(`${site.base}/feed.xml`, first.validators);
    expect(again.status).toBe('not-modified');
    const last = site.log.filter((l) => l.path === '/feed.xml').at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['user-agent']).toBe(UA);
    expect(last.status).toBe(304);
  });

  it('retries 5xx with backoff and gets the page when the server recovers', async () => {
    const got = await new Fetcher(fast).get(`${site.base}/flaky`);
    expect(got.status === 'ok' && got.body.toString()).toBe('back');
    expect(site.hits('/flaky')).toBe(3);
  });

  it('gives up on a server that stays down, saying how often it tried; a 404 is not retried', async () => {
    const err = await failure(new Fetcher(fast).get(`${site.base}/broken`));
    expect(err.message).toBe('HTTP 500 Internal Server Error (3 attempts)');
    expect(err.transient).toBe(true);
    expect(site.hits('/broken')).toBe(3);
    const gone = await failure(new Fetcher(fast).get(`${site.base}/gone`));
    expect(gone.message).toBe('HTTP 404 Not Found');
    expect(gone.transient).toBe(false);
    expect(site.hits('/gone')).toBe(1);
  });

  it('times out a response that never comes', async () => {
    const err = await failure(new Fetcher({ ...fast, timeoutMs: 200, retries: 1 }).get(`${site.base}/hang`));
    expect(err.message).toBe('timed out after 200 ms (2 attempts)');
  });

  it('follows redirects within the limit and reports a loop', async () => {
    const got = await new Fetcher(fast).get(`${site.base}/moved`);
    expect(got.status === 'ok' && got.url).toBe(`${site.base}/feed.xml`);
    const err = await failure(new Fetcher(fast).get(`${site.base}/loop/a`));
    expect(err.message).toMatch(/^redirect loop/);
    expect(site.hits('/loop/a')).toBe(1); // not retried: a loop stays a loop
    const limited = await failure(new Fetcher({ ...fast, maxRedirects: 1 }).get(`${site.base}/moved`));
    expect(limited.message).toBe('more than 1 redirects');
  });

  it('stops reading a 20 MB page at the size limit', async () => {
    const before = process.memoryUsage().rss;
    const err = await failure(new Fetcher({ ...fast, maxBytes: 1024 * 1024 }).get(`${site.base}/huge`));
    expect(err.message).toBe('too large (over the limit of 1.0 MB)');
    expect(err.transient).toBe(false);
    expect(process.memoryUsage().rss - before).toBeLessThan(15 * 1024 * 1024);
  });

  it('honours robots.txt: the group naming demarche, read once per site', async () => {
    const f = new Fetcher(fast);
    expect((await failure(f.get(`${site.base}/members/x`))).message).toBe('disallowed by robots.txt');
    const other = await f.get(`${site.base}/private/x`); // only "*" forbids it
    expect(other.status).toBe('ok');
    expect(site.hits('/members/x')).toBe(0);
    expect(site.log.filter((l) => l.path === '/robots.txt').length).toBeGreaterThan(0);
    const robotsBefore = site.hits('/robots.txt');
    await f.get(`${site.base}/feed.xml`);
    expect(site.hits('/robots.txt')).toBe(robotsBefore);
  });

  it('does not crawl a site whose robots.txt answers 5xx (RFC 9309), and says why', async () => {
    const down = await startSite({ '/robots.txt': { kind: 'status', status: 503 }, '/a': { kind: 'content', type: 'text/html', body: 'a' } });
    try {
      const err = await failure(new Fetcher(fast).get(`${down.base}/a`));
      expect(err.message).toMatch(/^robots\.txt could not be read \(HTTP 503\)/);
      expect(err.transient).toBe(true);
      expect(down.hits('/a')).toBe(0);
    } finally {
      await down.close();
    }
  });

  it('pauses between two requests to one site and limits requests in flight', async () => {
    const s = await startSite({
      '/robots.txt': { kind: 'status', status: 404 },
      ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/p${i}`, { kind: 'slow' as const, ms: 50, then: { kind: 'content' as const, type: 'text/html', body: `p${i}` } }])),
    });
    const other = await startSite({ '/robots.txt': { kind: 'status', status: 404 }, '/q': { kind: 'content', type: 'text/html', body: 'q' } });
    try {
      const f = new Fetcher({ ...fast, hostDelayMs: 150, concurrency: 2 });
      await Promise.all([...Array.from({ length: 3 }, (_, i) => f.get(`${s.base}/p${i}`)), f.get(`${other.base}/q`)]);
      const times = s.log.filter((l) => l.path.startsWith('/p')).map((l) => l.at);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(150 + 50 - 5);
      expect(s.maxOpen).toBe(1); // one request at a time per site
      const g = new Fetcher({ ...fast, concurrency: 2 });
      const hosts = await Promise.all([3, 4, 5].map(async (i) => startSite({ '/robots.txt': { kind: 'status', status: 404 }, '/x': { kind: 'slow', ms: 100, then: { kind: 'content', type: 'text/html', body: `${i}` } } })));
      await Promise.all(hosts.map((h) => g.get(`${h.base}/x`)));
      const starts = hosts.map((h) => h.log.find((l) => l.path === '/x')!.at).sort((a, b) => a - b);
      // Three sites, two slots: the third request waited for one of the first two to end.
      expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(90);
      await Promise.all(hosts.map((h) => h.close()));
    } finally {
      await s.close();
      await other.close();
    }
  });
});
