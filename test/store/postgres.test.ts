// PostgreSQL-only store behaviour: migrations, atomic and race-free saves, huge texts, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/model.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { LATEST_VERSION } from '../../src/store/schema-postgres.js';
import { openStore } from '../../src/store/index.js';
import { pgUnavailableReason, testDatabase, type TestDatabase } from '../fixtures/pg-cluster.js';
import { makeArticle, makeEvent } from '../fixtures/store/story.js';

const skip = pgUnavailableReason();
if (skip) console.warn(skip);

describe.skipIf(skip)('PostgreSQL store', () => {
  let db: TestDatabase;
  let store: PostgresStore;

  beforeAll(async () => {
    db = await testDatabase();
    // Many processes opening a fresh database at once: migrations must not race.
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(db.url)));
    store = opened[0]!;
    await Promise.all(opened.slice(1).map((s) => s.close()));
  });
  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it('records each migration once in schema_version', async () => {
    const { rows } = await store.pool.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it('refuses a database written by a newer demarche, in one line', async () => {
    await store.pool.query('INSERT INTO schema_version (version) VALUES ($1)', [LATEST_VERSION + 1]);
    try {
      await expect(openPostgresStore(db.url)).rejects.toThrow(/^database schema version \d+ is newer than this program/);
    } finally {
      await store.pool.query('DELETE FROM schema_version WHERE version = $1', [LATEST_VERSION + 1]);
    }
  });

  it('openStore dispatches postgres:// URLs here', async () => {
    const s = await openStore(db.url);
    expect(await s.counts()).toEqual(await store.counts());
    await s.close();
  });

  it('an unreachable server is one clear line, not a stack trace', async () => {
    await expect(openPostgresStore('postgres://nobody@127.0.0.1:1/nothing')).rejects.toThrow(
      /^cannot open PostgreSQL database 127\.0\.0\.1:1\/nothing: connection refused$/,
    );
  });

  it('a failing event rolls the whole article back', async () => {
    const a = makeArticle('An article whose second event is broken beyond repair.');
    const broken = { ...makeEvent(a, 'USAGOV', 'RUSGOV', 'AGREE'), source: null } as unknown as Event;
    await expect(store.saveArticle(a, [makeEvent(a, 'USAGOV', 'RUSGOV', 'CONSULT'), broken])).rejects.toThrow();
    expect(await store.hasArticle(a.id)).toBe(false);
    expect((await store.pool.query('SELECT 1 FROM events WHERE article = $1', [a.id])).rowCount).toBe(0);
    expect(await store.saveArticle(a, [makeEvent(a, 'USAGOV', 'RUSGOV', 'CONSULT')])).toBe(true);
  });

  it('racing saves of one article from two connections: exactly one wins, events stored once', async () => {
    const other = await openPostgresStore(db.url);
    try {
      const a = makeArticle('Two workers coded the same story at the same moment.');
      const events = [makeEvent(a, 'FRAGOV', 'DEUGOV', 'COOPERATE'), makeEvent(a, 'DEUGOV', 'FRAGOV', 'AGREE')];
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).saveArticle(a, events)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.pool.query('SELECT count(*)::int AS n FROM events WHERE article = $1', [a.id])).rows[0].n).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('stores and searches a text far beyond the tsvector limit', async () => {
    const words = Array.from({ length: 400_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const a = makeArticle(`Zanzibar summit opened. ${words}`);
    expect(await store.saveArticle(a, [])).toBe(true);
    expect((await store.getArticle(a.id))!.text).toHaveLength(a.text.length);
    const hits = await store.search('Zanzibar');
    expect(hits.map((h) => h.article)).toEqual([a.id]);
    expect(hits[0]!.snippet.length).toBeLessThan(1000);
  });
});
