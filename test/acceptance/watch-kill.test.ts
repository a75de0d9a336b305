// `demarche watch` killed with SIGKILL in the middle of a round, then run again: no article is
// lost or stored twice, no page is fetched more than once more, and every alert hit is printed
// exactly once over the two processes (none lost, none repeated).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, demarche, jsonLines } from '../cli/helpers.js';
import { articlePage, rss, startSite, type TestSite } from '../fixtures/watch/server.js';
import { syntheticDocs, waitFor } from './faults-helpers.js';

const PAGES = 24;

describe('watch killed with SIGKILL mid-round', () => {
  let dir: string;
  let db: string;
  let site: TestSite;
  // Round 1 lists the dispatches made from two of the seed stories, round 2 adds those from the
  // three others: round 2 brings events of its own, so hits are printed on both sides of the kill.
  const all = syntheticDocs(PAGES);
  const docs = [...all.filter((_, i) => i % 5 < 2), ...all.filter((_, i) => i % 5 >= 2)];
  const FIRST = all.filter((_, i) => i % 5 < 2).length;
  const feedOf = (n: number): string =>
    rss('Wire', docs.slice(0, n).map((d, i) => ({ title: `Dispatch ${i}`, link: `${site.base}/news/${i}`, pubDate: 'Sun, 06 Sep 2015 09:00:00 GMT' })));
  const count = (sql: string): number => {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare(sql).get() as { n: number }).n;
    } finally {
      conn.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarche-watch-kill-'));
    db = join(dir, 'news.db');
    site = await startSite({ '/robots.txt': { kind: 'content', type: 'text/plain', body: 'User-agent: *\nAllow: /\n' } });
    // Each page takes a moment, so that a round is still running when it is killed.
    docs.forEach((d, i) => site.routes.set(`/news/${i}`, { kind: 'slow', ms: 120, then: { kind: 'content', type: 'text/html', body: articlePage(`Dispatch ${i}`, d.content) } }));
    site.routes.set('/feed.rss', { kind: 'content', type: 'application/rss+xml', body: feedOf(FIRST), etag: '"1"' });
  });

  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and repeats nothing', async () => {
    const added = await demarche(['alert', 'add', '--name', 'rus-usa', '--dyad', 'RUS,USA', '--db', db]);
    expect(added.code, added.stderr).toBe(0);

    const args = ['watch', `${site.base}/feed.rss`, '--db', db, '--host-delay', '0', '--timeout', '5s'];
    const child = spawn(process.execPath, [BIN, ...args, '--every', '1s'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

    // Round 1 ends (its hits printed); the feed grows; the kill lands in the middle of round 2.
    await waitFor('round 1', () => /round 1:/.test(err), 120_000);
    const firstHits = jsonLines(out).length;
    expect(firstHits).toBeGreaterThan(0);
    site.routes.set('/feed.rss', { kind: 'content', type: 'application/rss+xml', body: feedOf(PAGES), etag: '"2"' });
    await waitFor('round 2 half done', () => count('SELECT count(*) AS n FROM articles') >= FIRST + 5, 120_000, 20);
    child.kill('SIGKILL');
    await exited;
    const atKill = count('SELECT count(*) AS n FROM articles');
    expect(atKill).toBeLessThan(PAGES);

    const again = await demarche([...args, '--once']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/round \d+: 1 feed/);

    // Articles: every page's, once.
    expect(count('SELECT count(*) AS n FROM articles')).toBe(PAGES);
    expect(count('SELECT count(DISTINCT id) AS n FROM articles')).toBe(PAGES);
    expect(count("SELECT count(*) AS n FROM watch_pages WHERE state = 'stored'")).toBe(PAGES);
    // Pages: at most the one in flight at the kill fetched a second time.
    const refetched = docs.map((_, i) => site.hits(`/news/${i}`)).filter((n) => n > 1);
    expect(refetched.length).toBeLessThanOrEqual(1);
    expect(docs.every((_, i) => site.hits(`/news/${i}`) >= 1)).toBe(true);

    // Alert hits: the two processes' lines together are every recorded hit, each once.
    const printed = [...jsonLines<{ hit: string }>(out), ...jsonLines<{ hit: string }>(again.stdout)].map((h) => h.hit);
    console.log(`killed with ${atKill} of ${PAGES} articles stored; pages fetched twice: ${refetched.length}; hits: ${firstHits} in round 1, ${jsonLines(out).length - firstHits} more before the kill, ${jsonLines(again.stdout).length} after the restart`);
    expect(jsonLines(again.stdout).length).toBeGreaterThan(0);
    expect(new Set(printed).size).toBe(printed.length);
    const conn = new Database(db, { readonly: true });
    const recorded = (conn.prepare('SELECT id, printed_at FROM alert_hits').all() as { id: string; printed_at: string | null }[]);
    conn.close();
    expect(recorded.length).toBeGreaterThan(firstHits - 1);
    expect(new Set(printed)).toEqual(new Set(recorded.map((r) => r.id)));
    expect(recorded.every((r) => r.printed_at !== null)).toBe(true);
    expect(count('SELECT count(*) AS n FROM alert_queue')).toBe(0);
  });
});
