// `demarche watch` and `demarche alert` as a user runs them: help, one-line usage errors, a --once
// round with its summary and per-feed errors, hits on stdout, the exit statuses, one watch per database.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, demarche, expectOneLineError, jsonLines, SEED_FILES } from '../cli/helpers.js';
import { articlePage, rss, startSite, type TestSite } from '../fixtures/watch/server.js';

describe('demarche watch / alert', () => {
  let dir: string;
  let db: string;
  let site: TestSite;
  let hook: TestSite;
  const fast = ['--host-delay', '0', '--timeout', '2s', '--retries', '0'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarche-watch-cli-'));
    db = join(dir, 'news.db');
    site = await startSite({ '/robots.txt': { kind: 'status', status: 404 } });
    const seed = (i: number) => readFileSync(SEED_FILES[i]!, 'utf8');
    site.routes.set('/news/0', { kind: 'content', type: 'text/html', body: articlePage('Kerry calls Lavrov', seed(0)) });
    site.routes.set('/news/4', { kind: 'content', type: 'text/html', body: articlePage('Paris', seed(4)) });
    site.routes.set('/feed.rss', {
      kind: 'content', type: 'application/rss+xml', etag: '"a"',
      body: rss('World', [{ title: 'Kerry calls Lavrov', link: `${site.base}/news/0` }, { title: 'Gone', link: `${site.base}/news/gone` }]),
    });
    site.routes.set('/broken.rss', { kind: 'content', type: 'application/rss+xml', body: '<rss><channel><item><title>x</title></channel></rss>' });
    hook = await startSite({ '/hook': { kind: 'status', status: 503, times: 1, then: { kind: 'status', status: 204 } } });
  });

  afterAll(async () => {
    await site?.close();
    await hook?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('explains itself', async () => {
    const r = await demarche(['watch', '--help']);
    expect(r.code).toBe(0);
    for (const word of ['--every', '--once', '--feeds', 'robots.txt', 'Exit status']) expect(r.stdout).toContain(word);
    expect((await demarche(['alert', 'add', '--help'])).stdout).toContain('--min-confidence');
  });

  it('refuses bad input in one line, before fetching or opening anything', async () => {
    expectOneLineError(await demarche(['watch', '--db', db]), /no feeds/);
    expectOneLineError(await demarche(['watch', 'ftp://x/feed', '--db', db]), /not an http\(s\) URL nor an existing file: ftp:\/\/x\/feed/);
    expectOneLineError(await demarche(['watch', `${site.base}/feed.rss`, '--every', 'soon', '--db', db]), /invalid --every "soon"/);
    expectOneLineError(await demarche(['watch', `${site.base}/feed.rss`, '--once', '--every', '5m', '--db', db]), /exclude each other/);
    expectOneLineError(await demarche(['watch', '--feeds', join(dir, 'missing.txt'), '--db', db]), /cannot read --feeds/);
    expectOneLineError(await demarche(['alert', 'add', '--name', 'x', '--min-confidence', '2', '--db', db]), /invalid --min-confidence "2": expected a number from 0 to 1/);
    expectOneLineError(await demarche(['alert', 'add', '--name', 'no spaces', '--db', db]), /invalid --name/);
    expectOneLineError(await demarche(['alert', 'add', '--name', 'x', '--webhook', 'nope', '--db', db]), /invalid --webhook/);
    expect(site.log).toHaveLength(0);
  });

  it('saves, lists and removes alerts', async () => {
    const added = await demarche(['alert', 'add', '--name', 'rus-usa', '--dyad', 'rus,usa', '--webhook', `${hook.base}/hook`, '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    expect(jsonLines(added.stdout)[0]).toMatchObject({ name: 'rus-usa', filter: { dyad: ['RUS', 'USA'] }, hits: 0 });
    expectOneLineError(await demarche(['alert', 'add', '--name', 'rus-usa', '--dyad', 'RUS,USA', '--db', db]), /an alert named "rus-usa" exists already/);
    expect((await demarche(['alert', 'add', '--name', 'threats', '--type', 'threaten', '--min-confidence', '0.5', '--db', db])).code).toBe(0);
    const list = jsonLines(( await demarche(['alert', 'list', '--db', db])).stdout);
    expect(list.map((a) => a.name)).toEqual(['rus-usa', 'threats']);
    expect(list[1]).toMatchObject({ filter: { type: 'THREATEN', min_confidence: 0.5 } });
    const removed = await demarche(['alert', 'remove', 'threats', '--db', db]);
    expect(removed.code).toBe(0);
    expectOneLineError(await demarche(['alert', 'remove', 'threats', '--db', db]), /no alert named "threats"/);
  });

  it('--once: a round, an error line per bad feed and page, the summary, hits on stdout, webhook retried', async () => {
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `# test feeds\n${site.base}/feed.rss\n${site.base}/broken.rss\n`);
    const r = await demarche(['watch', '--feeds', list, '--once', ...fast, '--db', db]);
    expect(r.code, r.stderr).toBe(3); // some failed, the rest stored
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`error: ${site.base}/news/gone: HTTP 404 Not Found`);
    expect(lines.find((l) => l.startsWith(`error: ${site.base}/broken.rss: malformed XML at line 1`))).toBeDefined();
    const summary = lines.at(-1)!;
    expect(summary).toMatch(/^round 1: 2 feeds \(1 changed, 0 unchanged, 1 failed\); 2 new pages; 1 article stored, 1 failed; \d+ events; \d+ alert hits?; [\d.]+ s \(\d+ sent to webhooks\)$/);
    const hits = jsonLines<{ alert: string; hit: string; event: { source: string; target: string }; articles: { url: string }[] }>(r.stdout);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.alert).toBe('rus-usa');
      expect(h.articles.map((a) => a.url)).toEqual([`${site.base}/news/0`]);
    }
    // The webhook got every hit once it came back (the first POST got a 503), with its id as key.
    const posts = hook.log.filter((l) => l.status === 204);
    expect(posts.map((p) => p.headers['idempotency-key']).sort()).toEqual(hits.map((h) => h.hit).sort());
    expect(posts[0]!.headers['content-type']).toBe('application/json');
    const listed = jsonLines(( await demarche(['alert', 'hits', 'rus-usa', '--db', db])).stdout);
    expect(listed.map((h) => h.hit).sort()).toEqual(hits.map((h) => h.hit).sort());
  });

  it('a second --once prints no old hit and fetches no seen page', async () => {
    const before = site.hits('/news/0');
    const r = await demarche(['watch', `${site.base}/feed.rss`, '--once', ...fast, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^round 2: 1 feed \(0 changed, 1 unchanged\); 0 new pages; 0 articles stored; 0 events; 0 alert hits; [\d.]+ s$/);
    expect(site.hits('/news/0')).toBe(before);
    expect(site.hits('/feed.rss', 304)).toBe(1);
  });

  it('--status prints each feed\'s state without fetching', async () => {
    const before = site.log.length;
    const r = await demarche(['watch', '--status', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const feeds = jsonLines<{ url: string; status: string; failures: number; error: string | null; pages: number }>(r.stdout);
    expect(feeds.find((f) => f.url === `${site.base}/feed.rss`)).toMatchObject({ status: 'not-modified', failures: 0, pages: 2 });
    expect(feeds.find((f) => f.url === `${site.base}/broken.rss`)).toMatchObject({ status: 'error', failures: 1, error: expect.stringMatching(/^malformed XML/) });
    expect(site.log.length).toBe(before);
  });

  it('runs one watch per database: a second one is refused while the first runs', async () => {
    const first = spawn(process.execPath, [BIN, 'watch', `${site.base}/feed.rss`, '--every', '1h', ...fast, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    first.stderr.on('data', (b: Buffer) => (err += b.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => /round \d+:/.test(err) && (clearInterval(t), resolve()), 50);
        first.on('exit', () => (clearInterval(t), reject(new Error(`watch exited: ${err}`))));
      });
      expectOneLineError(await demarche(['watch', `${site.base}/feed.rss`, '--once', '--db', db]), /another watch is running on this database \(pid \d+ on /);
    } finally {
      const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
      first.kill('SIGINT');
      expect(await exited).toBe(130);
    }
  });
});
