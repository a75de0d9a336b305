// Watch rounds against a local news site, on both store backends: feeds that change between
// rounds, a 304, a 500, a timeout, a redirect loop, malformed XML, a Windows-1252 page, a 20 MB
// page, a feed listing the same article twice and a syndicated copy on another site. Every new
// article is stored exactly once, nothing is fetched again after a 304 or a restart, bad feeds are
// reported and skipped, and an alert reports each new matching event exactly once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAlert, deliverHits } from '../../src/app/alerts.js';
import { listMerged } from '../../src/app/events.js';
import { pipelineSink, watchRound, type FeedOutcome, type PageOutcome, type RoundSummary } from '../../src/app/watch.js';
import type { Store } from '../../src/store/types.js';
import type { HitPayload } from '../../src/store/watch-types.js';
import { DEFAULT_POLICY, Fetcher } from '../../src/watch/fetcher.js';
import { SEED_FILES } from '../cli/helpers.js';
import { backends } from '../fixtures/store/backends.js';
import { articlePage, rss, startSite, type TestSite } from '../fixtures/watch/server.js';

const seed = (i: number): string => readFileSync(SEED_FILES[i]!, 'utf8');
const policy = { ...DEFAULT_POLICY, userAgent: 'demarche/0.1.0 (test)', hostDelayMs: 0, timeoutMs: 400, retries: 1, retryBaseMs: 10, maxBytes: 2 * 1024 * 1024 };
const html = (body: string) => ({ kind: 'content' as const, type: 'text/html; charset=utf-8', body });

/** A page in Windows-1252 that says nothing about its charset (bytes 0x92 and 0xe9: ’ and é). */
function win1252Page(): Buffer {
  const text = articlePage('Paris talks', `${seed(3)}\nThe minister\u2019s caf\u00e9 meeting in Paris was brief.`).replace('<meta charset="utf-8">', '');
  return Buffer.from(text.replace(/\u2019/g, '\x92'), 'latin1');
}

interface Round {
  summary: RoundSummary;
  feeds: FeedOutcome[];
  pages: PageOutcome[];
  printed: HitPayload[];
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`watch rounds (${backend.name})`, () => {
    let site: TestSite;
    let wire: TestSite; // another site, carrying a syndicated copy
    let store: Store;
    let dispose: () => Promise<void>;
    const rounds: Round[] = [];
    const feeds: string[] = [];
    const pageRequests = (): number => site.log.filter((l) => l.path.startsWith('/news/')).length + wire.log.filter((l) => l.path.startsWith('/wire/')).length;

    async function round(): Promise<Round> {
      const r: Round = { summary: null as unknown as RoundSummary, feeds: [], pages: [], printed: [] };
      r.summary = await watchRound(store, feeds, {
        fetcher: new Fetcher(policy),
        sink: pipelineSink(store),
        retryDelayMs: 3_600_000, // a page that failed for now waits: later rounds here must not fetch it
        onFeed: (o) => r.feeds.push(o),
        onPage: (o) => r.pages.push(o),
      });
      await deliverHits(store, { print: (p) => void r.printed.push(p), userAgent: 'test', timeoutMs: 1000, retryBaseMs: 10, webhookAttempts: 1, webhookMaxRounds: 3 });
      rounds.push(r);
      return r;
    }

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      site = await startSite();
      wire = await startSite({ '/robots.txt': html('User-agent: *\nDisallow: /private/\n') });
      const r = site.routes;
      r.set('/robots.txt', { kind: 'content', type: 'text/plain', body: 'User-agent: *\nDisallow: /news/private\n' });
      r.set('/news/a', html(articlePage('Kerry and Lavrov', seed(0))));
      r.set('/news/w', { kind: 'content', type: 'text/html', body: win1252Page() });
      r.set('/news/huge', { kind: 'huge', bytes: 20 * 1024 * 1024, type: 'text/html' });
      r.set('/news/down', { kind: 'status', status: 500 });
      r.set('/news/slow', { kind: 'hang' });
      r.set('/news/b', html(articlePage('Lavrov on Syria', seed(1))));
      // The same story on a wire site: the text, another page around it and a credit line.
      wire.routes.set('/wire/a-copy', html(articlePage('Wire: Kerry and Lavrov', `${seed(0)}\n(Reporting by the wire desk.)`, '<p class="kicker">World</p>')));
      const link = (p: string) => `${site.base}${p}`;
      r.set('/feeds/world.rss', {
        kind: 'content', type: 'application/rss+xml', etag: '"w1"',
        body: rss('World', [
          { title: 'Kerry and Lavrov speak', link: link('/news/a'), pubDate: 'Sat, 05 Sep 2015 12:00:00 GMT' },
          { title: 'Kerry and Lavrov speak (again)', link: link('/news/a?utm_source=rss#comments') }, // the same article twice
          { title: 'Paris', link: link('/news/w') },
          { title: 'Huge', link: link('/news/huge') },
          { title: 'Down', link: link('/news/down') },
          { title: 'Slow', link: link('/news/slow') },
        ]),
      });
      r.set('/feeds/static.rss', { kind: 'content', type: 'application/rss+xml', lastModified: 'Mon, 07 Sep 2015 08:00:00 GMT', body: rss('Static', []) });
      r.set('/feeds/broken.xml', { kind: 'content', type: 'application/rss+xml', body: rss('Broken', [{ title: 'x', link: link('/news/x') }]).replace('</item>', '') });
      r.set('/feeds/down.rss', { kind: 'status', status: 500 });
      r.set('/feeds/loop.rss', { kind: 'redirect', to: '/feeds/loop2.rss' });
      r.set('/feeds/loop2.rss', { kind: 'redirect', to: '/feeds/loop.rss' });
      r.set('/feeds/slow.rss', { kind: 'hang' });
      wire.routes.set('/wire.rss', { kind: 'content', type: 'application/rss+xml', body: rss('Wire', [{ title: 'Copy', link: `${wire.base}/wire/a-copy` }]) });
      feeds.push(
        ...['/feeds/world.rss', '/feeds/static.rss', '/feeds/broken.xml', '/feeds/down.rss', '/feeds/loop.rss', '/feeds/slow.rss'].map(link),
        `${wire.base}/wire.rss`,
      );
      await addAlert(store, 'rus-usa', { dyad: ['RUS', 'USA'] }, null);
    });

    afterAll(async () => {
      await store?.close();
      await dispose?.();
      await site?.close();
      await wire?.close();
    });

    it('round 1 stores every new article once, reports each bad feed and page on its own and goes on', async () => {
      const { summary, feeds: fo, pages } = await round();
      const failed = Object.fromEntries(fo.filter((o) => o.kind === 'failed').map((o) => [o.feed.replace(site.base, ''), (o as { error: string }).error]));
      expect(failed).toEqual({
        '/feeds/broken.xml': expect.stringMatching(/^malformed XML at line \d+, column \d+/),
        '/feeds/down.rss': 'HTTP 500 Internal Server Error (2 attempts)',
        '/feeds/loop.rss': expect.stringMatching(/^redirect loop/),
        '/feeds/slow.rss': 'timed out after 400 ms (2 attempts)',
      });
      expect(summary).toMatchObject({ feeds: 7, changed: 3, feeds_failed: 4, new_pages: 6, stored: 3, duplicates: 1, already: 0, pages_failed: 1, retrying: 2 });
      const byPage = Object.fromEntries(pages.map((o) => [o.page.replace(site.base, '').replace(wire.base, ''), o]));
      expect(byPage['/news/huge']).toEqual({ page: `${site.base}/news/huge`, kind: 'failed', error: 'too large (over the limit of 2.0 MB)' });
      expect(byPage['/news/down']).toMatchObject({ kind: 'retry', error: 'HTTP 500 Internal Server Error (2 attempts)' });
      expect(byPage['/news/slow']).toMatchObject({ kind: 'retry', error: 'timed out after 400 ms (2 attempts)' });
      expect(site.hits('/news/a')).toBe(1); // listed twice, fetched once

      const articles = await store.listArticles();
      expect(articles).toHaveLength(3);
      const a = articles.find((x) => x.url === `${site.base}/news/a`)!;
      expect(a.title).toBe('Kerry and Lavrov speak'); // the item's title
      expect(a.published).toBe('2015-09-05'); // the item's date
      const copy = articles.find((x) => x.url === `${wire.base}/wire/a-copy`)!;
      expect(copy.duplicate_of).toBe(a.id);
      const w = articles.find((x) => x.url === `${site.base}/news/w`)!;
      expect(w.text).toContain('minister\u2019s caf\u00e9 meeting');
      expect(byPage['/news/w']).toMatchObject({ kind: 'done', note: 'not valid UTF-8; decoded as Windows-1252' });
    });

    it('the alert prints each new matching event once, the syndicated copy adding none', async () => {
      const { printed, summary } = rounds[0]!;
      expect(printed.length).toBeGreaterThan(0);
      expect(summary.hits).toBe(printed.length);
      expect(new Set(printed.map((p) => p.hit)).size).toBe(printed.length);
      for (const p of printed) {
        expect(p.alert).toBe('rus-usa');
        expect([p.event.source.slice(0, 3), p.event.target.slice(0, 3)].sort()).toEqual(['RUS', 'USA']);
      }
      // The copy's mentions merged into the original's events: one hit per event, never one per copy.
      const copyId = (await store.listArticles()).find((x) => x.duplicate_of !== null)!.id;
      const withCopy = printed.filter((p) => p.event.claims.some((c) => c.article === copyId));
      for (const p of withCopy) expect(p.event.source_count).toBe(1);
    });

    it('round 2: the changed feed brings one new page, the unchanged one answers 304, nothing seen is fetched again', async () => {
      const world = site.routes.get('/feeds/world.rss') as { body: string; etag: string };
      site.routes.set('/feeds/world.rss', {
        kind: 'content', type: 'application/rss+xml', etag: '"w2"',
        body: world.body.replace('<item>', `<item><title>Lavrov on Syria</title><link>${site.base}/news/b</link></item><item>`),
      });
      const before = pageRequests();
      const { summary } = await round();
      expect(site.hits('/feeds/static.rss', 304)).toBe(1);
      expect(site.log.filter((l) => l.path === '/feeds/world.rss').at(-1)!.headers['if-none-match']).toBe('"w1"');
      expect(summary).toMatchObject({ changed: 1, unchanged: 2, new_pages: 1, stored: 1, already: 0, retrying: 0 });
      expect(pageRequests() - before).toBe(1); // /news/b only: the 500 and the timeout wait for their retry time
      expect(site.hits('/news/b')).toBe(1);
      expect(await store.counts()).toMatchObject({ articles: 4 });
    });

    it('after a restart nothing is fetched again: feeds answer 304, seen pages stay seen', async () => {
      const before = pageRequests();
      const { summary } = await round(); // a new Fetcher, as a new process would have
      expect(pageRequests()).toBe(before);
      // The wire feed sends no validators: its unchanged bytes tell.
      expect(summary).toMatchObject({ changed: 0, unchanged: 3, new_pages: 0, stored: 0, hits: 0 });
      expect(site.hits('/feeds/world.rss', 304)).toBe(1);
      expect(rounds[2]!.printed).toEqual([]);
      expect(await store.counts()).toMatchObject({ articles: 4 });
    });

    it('over all rounds, every matching event from a watched article was printed exactly once', async () => {
      const printed = rounds.flatMap((r) => r.printed);
      expect(new Set(printed.map((p) => p.hit)).size).toBe(printed.length);
      const merged = await listMerged(store, { dyad: ['RUS', 'USA'] });
      expect(merged.length).toBeGreaterThan(0);
      for (const m of merged) {
        const covering = printed.filter((p) => p.event.mentions.some((id) => m.mentions.includes(id)));
        expect(covering, `${m.type} ${m.source}->${m.target} ${m.date}`).toHaveLength(1);
      }
      // Round 2 printed only events of the new article.
      const b = (await store.listArticles()).find((x) => x.url === `${site.base}/news/b`)!.id;
      for (const p of rounds[1]!.printed) expect(p.event.claims.every((c) => c.article === b)).toBe(true);
    });
  });
}
