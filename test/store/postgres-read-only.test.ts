// PostgreSQL opened for reading only (read commands, the server's readers): no migration, every
// transaction read-only, and one line saying what to do when the schema is not this program's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { LATEST_VERSION } from '../../src/store/schema-postgres.js';
import { pgUnavailableReason, testDatabase, type TestDatabase } from '../fixtures/pg-cluster.js';
import { makeArticle } from '../fixtures/store/story.js';

const skip = pgUnavailableReason();

describe.skipIf(skip)('PostgreSQL, read-only', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => db?.dispose());

  it('never migrates: an empty database is named and the way out said, in one line', async () => {
    await expect(openPostgresStore(db.url, { readOnly: true })).rejects.toThrow(/^database .+ holds no demarche tables yet; run `demarche ingest`/);
    // Nothing was created by trying.
    const writer = await openPostgresStore(db.url);
    try {
      const { rows } = await writer.pool.query<{ version: number }>('SELECT version FROM schema_version');
      expect(rows.length).toBe(LATEST_VERSION); // migrated by the writer just now, not before
    } finally {
      await writer.close();
    }
  });

  it('reads what a writer stored, and refuses to write', async () => {
    const writer = await openPostgresStore(db.url);
    const article = makeArticle('Russia and Turkey met in Ankara. The ministers talked.');
    await writer.saveArticle(article, []);
    await writer.close();
    const reader = await openPostgresStore(db.url, { readOnly: true, max: 1 });
    try {
      expect(await reader.counts()).toEqual({ articles: 1, events: 0 });
      expect((await reader.search('Ankara'))[0]!.article).toBe(article.id);
      await expect(reader.saveArticle(makeArticle('Another text entirely, about Paris.'), [])).rejects.toThrow(/read-only transaction/);
    } finally {
      await reader.close();
    }
  });

  it('names a schema older or newer than this program', async () => {
    const writer = await openPostgresStore(db.url);
    try {
      await writer.pool.query('INSERT INTO schema_version (version) VALUES ($1)', [LATEST_VERSION + 1]);
      await expect(openPostgresStore(db.url, { readOnly: true })).rejects.toThrow(/newer than this program/);
      await writer.pool.query('DELETE FROM schema_version WHERE version >= $1', [LATEST_VERSION]);
      await expect(openPostgresStore(db.url, { readOnly: true })).rejects.toThrow(/older than this program .* run any write command on it once/);
    } finally {
      await writer.pool.query('INSERT INTO schema_version (version) VALUES ($1) ON CONFLICT DO NOTHING', [LATEST_VERSION]);
      await writer.close();
    }
  });
});
