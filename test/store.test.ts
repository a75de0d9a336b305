import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { listEvents, listMerged } from '../src/app/events.js';
import { openStore, type Store } from '../src/store/index.js';
import { SCHEMA_VERSION } from '../src/store/schema-sqlite.js';
import type { Event } from '../src/model.js';
import { makeArticle, makeEvent } from './fixtures/store/make.js';

let dir: string;
let file: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-store-'));
  file = join(dir, 'test.db');
  store = await openStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const kerry = makeArticle('k1', 'Kerry met Lavrov in Paris on Tuesday. They agreed to intensify intelligence cooperation.', {
  title: 'Kerry and Lavrov meet in Paris',
  published: '2014-10-14',
  entities: [{ start: 0, end: 5, text: 'Kerry', kind: 'PERSON', name: 'John Kerry', code: 'USAGOV', country: null }],
  dates: [{ start: 31, end: 38, text: 'Tuesday', value: '2014-10-14', granularity: 'day' }],
});
const lavrov = makeArticle('l1', 'Lavrov said there was no agreement with the Americans. Moscow accused Washington of double standards.', {
  title: 'Russia denies intelligence deal',
  published: '2014-10-25',
});
const kerryEvents = (): Event[] => [
  makeEvent(kerry, 1, { type: 'CONSULT', mode: 'meet', location: 'Paris', actors: ['John Kerry', 'Sergey Lavrov'], date: '2014-10-14' }),
  makeEvent(kerry, 2, { type: 'AGREE', claimed_by: 'John Kerry', date: '2014-10-14', quote: 'They agreed to intensify intelligence cooperation.' }),
];
const lavrovEvents = (): Event[] => [
  makeEvent(lavrov, 1, { type: 'AGREE', source: 'RUSGOV', target: 'USAGOV', negated: true, claimed_by: 'Sergey Lavrov', quote: 'Lavrov said there was no agreement with the Americans.' }),
  makeEvent(lavrov, 2, { type: 'ACCUSE', source: 'RUSGOV', target: 'USAGOV', actors: ['Sergey Lavrov'], quote: 'Moscow accused Washington of double standards.' }),
];

async function seed(): Promise<void> {
  expect(await store.saveArticle(kerry, kerryEvents(), new Uint32Array([1, 2, 0xffffffff]))).toBe(true);
  expect(await store.saveArticle(lavrov, lavrovEvents())).toBe(true);
}

describe('sqlite store', () => {
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
    const viaApp = async (f: Parameters<typeof listEvents>[1]) => (await listEvents(store, f)).map((e) => e.id);
    expect(await viaApp({ contested: true })).toEqual(['k1-e2', 'l1-e1']);
    expect(await viaApp({ contested: true, limit: 1, offset: 1 })).toEqual(['l1-e1']);
    await expect(store.events({ since: 'last week' })).rejects.toThrow(/since must be/);
    await expect(store.events({ limit: -1 })).rejects.toThrow(/limit/);
  });

  it('treats filter values as data, never SQL', async () => {
    await seed();
    expect(await store.events({ actor: "x' OR 1=1 --" })).toEqual([]);
    expect(await store.events({ type: "AGREE' OR '1'='1" })).toEqual([]);
    expect(await store.events({ actor: '%' })).toEqual([]);
  });

  it('merges events at read time, with contested denials and duplicates counted once', async () => {
    await seed();
    const copy = makeArticle('k2', kerry.text + ' (syndicated)', { duplicate_of: 'k1', published: '2014-10-14' });
    await store.saveArticle(copy, [makeEvent(copy, 1, { type: 'CONSULT', date: '2014-10-14', location: 'Paris' })]);
    const merged = await listMerged(store, { dyad: ['USA', 'RUS'] });
    const consult = merged.find((m) => m.type === 'CONSULT')!;
    expect(consult).toMatchObject({ mention_count: 2, source_count: 1, mode: 'meet' });
    const contested = await listMerged(store, { contested: true });
    expect(contested).toHaveLength(1);
    expect(contested[0]).toMatchObject({ type: 'AGREE', date: '2014-10-14', contested: true, source_count: 2 });
    expect(contested[0].claims.map((c) => c.claimed_by)).toEqual(['John Kerry', 'Sergey Lavrov']);
    expect(await listMerged(store, { limit: 1 })).toHaveLength(1);
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
