// A database made before `demarche watch` existed opens with the watch and alert tables added,
// its articles untouched and not news to a new alert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema-sqlite.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'demarche-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite migration 2 (watch, alerts)', () => {
  it('upgrades a version-1 database in place, to the latest version', async () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    old.exec(MIGRATIONS[0]!.sql);
    old.prepare('INSERT INTO schema_version (version) VALUES (1)').run();
    old.prepare(`INSERT INTO articles (id, source, day_first, text, annotations, stored_at) VALUES ('old1', 'a.txt', 0, 'Old text.', '{"sentences":[],"entities":[],"dates":[]}', '2020-01-01T00:00:00Z')`).run();
    old.close();

    const store = openSqliteStore(file);
    try {
      expect(await store.counts()).toEqual({ articles: 1, events: 0 });
      expect(await store.watch.feeds()).toEqual([]);
      const alert = await store.alerts.add('all', {}, null, new Date().toISOString());
      expect(alert.baseline_seq).toBe(1);
      expect(await store.alerts.unscanned(10)).toEqual([]);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    // Migration 2 and every later one (3: the events' confidence column; 4: the articles' outlet).
    expect((check.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number }).v).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(4);
    check.close();
  });
});
