// The SQLite store (the embedded default): schema and migrations, saving and reading back, search,
// the event filter as SQL, reopening; and group commit, the opt-in for bulk ingest: articles share
// a transaction but each stays atomic, is visible on the writing connection at once, and reaches
// other connections when the group commits. The contract both stores keep is in contract.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../src/store/index.js';
import { SCHEMA_VERSION } from '../../src/store/schema-sqlite.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { hitSnippet, snippetOf } from '../../src/store/snippet.js';
import { makeArticle, makeEvent } from '../fixtures/store/make.js';
import { kerry, kerryEvents, lavrov, lavrovEvents, seedParis } from '../fixtures/store/paris.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-store-'));
  file = join(dir, 'test.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(file);
  });
  afterEach(async () => {
    await store.close();
  });

  async function seed(): Promise<void> {
    expect(await seedParis(store)).toEqual([true, true]);
  }

  it('records the schema version and uses WAL', () => {
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number }).v).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('migrates once, and refuses a database from a newer demarche', async () => {
    await store.close();
    store = await openStore(file); // reopening applies nothing twice
    const db = new Database(file);
    expect((db.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number }).n).toBe(SCHEMA_VERSION);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    await expect(openStore(file)).rejects.toThrow(/newer than this demarche/);
  });

  it('saves an article with its annotations and events, and reads them back in the model shape', async () => {
    await seed();
    expect(await store.hasArticle('k1')).toBe(true);
    expect(await store.hasArticle('nope')).toBe(false);
    const back = await store.getArticle('k1');
    expect(back).toEqual({ ...kerry, tokens: [] });
    expect(await store.getArticle('nope')).toBeNull();
    const e = kerryEvents()[1];
    expect(await store.getEvent(e.id)).toStrictEqual(e);
    expect(Object.keys((await store.getEvent(e.id))!)).toEqual(Object.keys(e));
    expect(await store.counts()).toEqual({ articles: 2, events: 4 });
    const [{ id, signature }] = await store.minhashes();
    expect(id).toBe('k1');
    expect([...signature]).toEqual([1, 2, 0xffffffff]);
  });

  it('keeps sentences whose text is not the plain slice of the article', async () => {
    const odd = makeArticle('o1', 'First one.  Second one.');
    odd.sentences = [{ start: 0, end: 10, text: 'First one.' }, { start: 12, end: 23, text: 'SECOND one.' }];
    await store.saveArticle(odd, []);
    expect((await store.getArticle('o1'))!.sentences).toEqual(odd.sentences);
  });

  it('is idempotent: saving the same id again writes nothing and returns false', async () => {
    await seed();
    const changed = { ...kerry, title: 'changed' };
    expect(await store.saveArticle(changed, [makeEvent(kerry, 9, { type: 'REJECT' })])).toBe(false);
    expect(await store.counts()).toEqual({ articles: 2, events: 4 });
    expect((await store.getArticle('k1'))!.title).toBe('Kerry and Lavrov meet in Paris');
    expect(await store.search('changed')).toEqual([]);
  });

  it('rolls back everything when a save fails mid-way', async () => {
    const bad = makeEvent(lavrov, 3, { type: 'REJECT' });
    // JSON.stringify throws on BigInt: the failure happens after the article row was inserted.
    (bad as unknown as { actors: unknown[] }).actors = [10n];
    await expect(store.saveArticle(lavrov, [lavrovEvents()[0], bad])).rejects.toThrow();
    expect(await store.hasArticle('l1')).toBe(false);
    expect(await store.counts()).toEqual({ articles: 0, events: 0 });
    expect(await store.search('Lavrov')).toEqual([]);
    // and the id is free for a correct save afterwards
    expect(await store.saveArticle(lavrov, lavrovEvents())).toBe(true);
  });

  it('rejects events that belong to another article', async () => {
    await expect(store.saveArticle(lavrov, [kerryEvents()[0]])).rejects.toThrow(/belongs to article k1/);
    expect(await store.counts()).toEqual({ articles: 0, events: 0 });
  });

  it('lists articles in insertion order with paging', async () => {
    await seed();
    expect((await store.listArticles()).map((a) => a.id)).toEqual(['k1', 'l1']);
    const [row] = await store.listArticles({ limit: 1, offset: 1 });
    expect(row).toEqual({
      id: 'l1', source: lavrov.source, url: lavrov.url, title: lavrov.title, published: '2014-10-25',
      language: 'en', text: lavrov.text, duplicate_of: null,
    });
  });

  it('searches title and text with FTS5 and returns snippets', async () => {
    await seed();
    const hits = await store.search('cooperation');
    expect(hits.map((h) => h.article)).toEqual(['k1']);
    expect(hits[0].snippet).toContain('«cooperation»');
    expect((await store.search('denies')).map((h) => h.article)).toEqual(['l1']); // title only
    expect((await store.search('Lavrov')).map((h) => h.article).sort()).toEqual(['k1', 'l1']);
    expect(await store.search('"unbalanced AND (')).toEqual([]); // no FTS syntax errors
    expect(await store.search('lavrov paris')).toHaveLength(1);
    expect((await store.search('intelligence')).map((h) => h.article).sort()).toEqual(['k1', 'l1']);
    expect(await store.search('')).toEqual([]);
  });

  it('makes snippets as FTS5 matches: case and accents ignored, the best window, cut ends marked', () => {
    const text = 'Ministers met in Zürich. ' + 'Filler words go on and on here. '.repeat(6) + 'The CAFE talks in zurich ended; the café owner, a Zurich native, said so.';
    const { snippet } = snippetOf(text, 'cafe zurich')!;
    // The window holding both words (twice each) beats the one with a single "Zürich".
    expect(snippet).toMatch(/^…/);
    expect(snippet).toContain('«CAFE» talks in «zurich» ended; the «café» owner, a «Zurich» native');
    expect(snippetOf('No match here at all.', 'cafe')).toBeNull();
    expect(hitSnippet('Zurich summit', 'Nothing about it in the text, which matches nothing of the query.', 'zurich')).toBe('«Zurich» summit');
    expect(snippetOf('Lavrov', 'lavrov')!.snippet).toBe('«Lavrov»');
  });

  it('filters events by actor prefix, name, dyad, type, dates, paging; ordered by date then id', async () => {
    await seed();
    const ids = async (f: Parameters<Store['events']>[0]) => (await store.events(f)).map((e) => e.id);
    expect(await ids({})).toEqual(['k1-e1', 'k1-e2', 'l1-e1', 'l1-e2']);
    expect(await ids({ actor: 'RUS' })).toHaveLength(4);
    expect(await ids({ actor: 'TUR' })).toEqual([]);
    expect(await ids({ actor: 'lavrov' })).toEqual(['k1-e1', 'l1-e2']);
    expect(await ids({ dyad: ['RUS', 'USA'] })).toHaveLength(4);
    expect(await ids({ dyad: ['RUSGOV', 'TUR'] })).toEqual([]);
    expect(await ids({ type: 'agree' })).toEqual(['k1-e2', 'l1-e1']);
    expect(await ids({ since: '2014-10-20' })).toEqual(['l1-e1', 'l1-e2']);
    expect(await ids({ until: '2014-10-14' })).toEqual(['k1-e1', 'k1-e2']);
    expect(await ids({ since: '2014-10', until: '2014-10' })).toHaveLength(4);
    expect(await ids({ limit: 2, offset: 1 })).toEqual(['k1-e2', 'l1-e1']);
    await expect(store.events({ since: 'last week' })).rejects.toThrow(/since must be/);
    await expect(store.events({ limit: -1 })).rejects.toThrow(/limit/);
  });

  it('treats filter values as data, never SQL', async () => {
    await seed();
    expect(await store.events({ actor: "x' OR 1=1 --" })).toEqual([]);
    expect(await store.events({ type: "AGREE' OR '1'='1" })).toEqual([]);
    expect(await store.events({ actor: '%' })).toEqual([]);
  });

  it('persists across reopen and sees writes from a second connection', async () => {
    await seed();
    const other = await openStore(file);
    const extra = makeArticle('x1', 'Another article about Lavrov.');
    expect(await other.saveArticle(extra, [])).toBe(true);
    expect(await store.hasArticle('x1')).toBe(true);
    await other.close();
    await store.close();
    store = await openStore(file);
    expect(await store.counts()).toEqual({ articles: 3, events: 4 });
  });
});

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
