// Group commit (opt-in, for bulk ingest): articles share a transaction but each stays atomic, is
// visible on the writing connection at once, and reaches other connections when the group commits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite.js';
import { makeArticle, makeEvent } from './fixtures/store/make.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-fast-store-'));
  file = join(dir, 'test.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const article = (n: number) => makeArticle(`a${n}`, `Kerry met Lavrov in Paris, meeting number ${n}. They agreed to talk again.`, { published: '2014-10-14' });

/** Articles another connection (another process: the web UI, a second worker) can see. */
function visibleElsewhere(): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('sqlite group commit', () => {
  it('commits every article at once by default', async () => {
    const store = openSqliteStore(file);
    await store.saveArticle(article(1), []);
    expect(visibleElsewhere()).toBe(1);
    await store.close();
  });

  it('commits a full group, and the rest on close', async () => {
    const store = openSqliteStore(file, { groupCommit: 3, groupCommitMs: 60_000 });
    for (let n = 1; n <= 2; n++) expect(await store.saveArticle(article(n), [])).toBe(true);
    expect(await store.hasArticle('a2')).toBe(true); // the writer sees its own group
    expect(visibleElsewhere()).toBe(0);
    await store.saveArticle(article(3), []);
    expect(visibleElsewhere()).toBe(3);
    await store.saveArticle(article(4), []);
    expect(visibleElsewhere()).toBe(3);
    await store.close();
    expect(visibleElsewhere()).toBe(4);
  });

  it('commits an open group after groupCommitMs', async () => {
    const store = openSqliteStore(file, { groupCommit: 100, groupCommitMs: 20 });
    await store.saveArticle(article(1), []);
    expect(visibleElsewhere()).toBe(0);
    await new Promise((r) => setTimeout(r, 80));
    expect(visibleElsewhere()).toBe(1);
    await store.close();
  });

  it('keeps each article atomic inside a group: a failing one leaves nothing, the others stay', async () => {
    const store = openSqliteStore(file, { groupCommit: 10, groupCommitMs: 60_000 });
    const good = article(1);
    const bad = article(2);
    const foreign = makeEvent(good, 1, { type: 'CONSULT' }); // belongs to a1, saved with a2: refused
    expect(await store.saveArticle(good, [makeEvent(good, 2, { type: 'AGREE' })])).toBe(true);
    await expect(store.saveArticle(bad, [makeEvent(bad, 1, { type: 'AGREE' }), foreign])).rejects.toThrow(/belongs to article a1/);
    expect(await store.saveArticle(article(3), [])).toBe(true);
    expect(await store.saveArticle(good, [])).toBe(false); // re-ingest inside the group is a no-op
    await store.close();
    const db = new Database(file, { readonly: true });
    const ids = (db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const events = (db.prepare('SELECT article FROM events').all() as { article: string }[]).map((r) => r.article);
    db.close();
    expect(ids).toEqual(['a1', 'a3']);
    expect(events).toEqual(['a1']);
  });

  it('makes group articles searchable: on the writer before the commit, and elsewhere after it', async () => {
    const store = openSqliteStore(file, { groupCommit: 3, groupCommitMs: 60_000 });
    await store.saveArticle(makeArticle('s1', 'Ceasefire talks in Doha collapsed on Tuesday.', {}), []);
    // The open group's full-text rows are inserted when it commits, or when this connection searches.
    expect((await store.search('Doha')).map((h) => h.article)).toEqual(['s1']);
    await store.saveArticle(makeArticle('s2', 'Mediators in Doha proposed a new ceasefire.', {}), []);
    await store.saveArticle(article(3), []);
    const db = new Database(file, { readonly: true });
    const hits = db.prepare("SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH 'doha' ORDER BY a.id").all();
    const rows = (db.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number }).n;
    db.close();
    expect(hits).toEqual([{ id: 's1' }, { id: 's2' }]);
    expect(rows).toBe(3);
    await store.close();
  });

  it('indexes for search only the articles of a group that were stored', async () => {
    const store = openSqliteStore(file, { groupCommit: 10, groupCommitMs: 60_000 });
    const good = makeArticle('g1', 'Kerry met Lavrov in Geneva.', {});
    const bad = makeArticle('g2', 'Negotiators met in Vienna.', {});
    await store.saveArticle(good, []);
    await expect(store.saveArticle(bad, [makeEvent(good, 1, { type: 'CONSULT' })])).rejects.toThrow(/belongs to article g1/);
    expect(await store.saveArticle(good, [])).toBe(false); // a re-ingest queues no second FTS row
    await store.close();
    const reopened = openSqliteStore(file);
    expect((await reopened.search('Vienna')).length).toBe(0);
    expect((await reopened.search('Geneva')).map((h) => h.article)).toEqual(['g1']);
    await reopened.close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
