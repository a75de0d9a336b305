// `demarche watch` on PostgreSQL: pages are queued for the workers (not coded by the watch), the
// workers code them, and the next round's alert scan finds what they stored, printing it once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarche, jsonLines, SEED_FILES } from '../cli/helpers.js';
import { pgUnavailableReason, testDatabase, type TestDatabase } from '../fixtures/pg-cluster.js';
import { articlePage, rss, startSite, type TestSite } from '../fixtures/watch/server.js';

const skip = pgUnavailableReason();

describe.skipIf(skip)('demarche watch on PostgreSQL', () => {
  let db: TestDatabase;
  let site: TestSite;
  const fast = ['--host-delay', '0', '--timeout', '2s', '--retries', '0'];

  beforeAll(async () => {
    db = await testDatabase();
    site = await startSite({ '/robots.txt': { kind: 'status', status: 404 } });
    SEED_FILES.slice(0, 3).forEach((f, i) => site.routes.set(`/news/${i}`, { kind: 'content', type: 'text/html', body: articlePage(`Story ${i}`, readFileSync(f, 'utf8')) }));
    site.routes.set('/feed.rss', { kind: 'content', type: 'application/rss+xml', body: rss('World', [0, 1, 2].map((i) => ({ title: `Story ${i}`, link: `${site.base}/news/${i}` }))) });
  });

  afterAll(async () => {
    await site?.close();
    await db?.dispose();
  });

  it('queues the pages, the workers code them, the next round prints the new events once', async () => {
    expect((await demarche(['alert', 'add', '--name', 'rus-usa', '--dyad', 'RUS,USA', '--db', db.url])).code).toBe(0);
    const first = await demarche(['watch', `${site.base}/feed.rss`, '--once', ...fast, '--db', db.url]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr.trim().split('\n').at(-1)).toMatch(/^round 1: 1 feed \(1 changed, 0 unchanged\); 3 new pages; 3 articles queued for the workers; 0 alert hits; /);
    expect(first.stdout).toBe('');
    expect(jsonLines((await demarche(['articles', '--db', db.url])).stdout)).toHaveLength(0); // queued, not coded here

    const worker = await demarche(['worker', '--until-empty', '--db', db.url]);
    expect(worker.code, worker.stderr).toBe(0);
    expect(jsonLines((await demarche(['articles', '--db', db.url])).stdout)).toHaveLength(3);

    const second = await demarche(['watch', `${site.base}/feed.rss`, '--once', ...fast, '--db', db.url]);
    expect(second.code, second.stderr).toBe(0);
    const hits = jsonLines<{ hit: string; articles: { url: string }[] }>(second.stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.hit)).size).toBe(hits.length);
    for (const h of hits) for (const a of h.articles) expect(a.url).toMatch(new RegExp(`^${site.base}/news/[012]$`));
    expect([0, 1, 2].map((i) => site.hits(`/news/${i}`))).toEqual([1, 1, 1]);

    const third = await demarche(['watch', `${site.base}/feed.rss`, '--once', ...fast, '--db', db.url]);
    expect(third.stdout).toBe('');
  });
});
