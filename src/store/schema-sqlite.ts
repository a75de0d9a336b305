// SQLite schema as numbered migrations; schema_version records the last one applied.
// Never edit a shipped migration: append a new one.
import type Database from 'better-sqlite3';

export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        seq          INTEGER PRIMARY KEY,           -- insertion order; FTS rowid
        id           TEXT NOT NULL UNIQUE,          -- content hash
        source       TEXT NOT NULL,
        url          TEXT,
        title        TEXT,
        published    TEXT,
        language     TEXT,
        day_first    INTEGER NOT NULL,
        text         TEXT NOT NULL,
        duplicate_of TEXT,
        annotations  TEXT NOT NULL,                 -- JSON: sentences, entities, dates (no tokens)
        minhash      BLOB,                          -- little-endian uint32 signature
        stored_at    TEXT NOT NULL
      );
      CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

      -- External-content FTS: the text is stored once, in articles.
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
      );

      CREATE TABLE events (
        id        TEXT PRIMARY KEY,
        article   TEXT NOT NULL REFERENCES articles(id),
        source    TEXT NOT NULL,
        target    TEXT NOT NULL,
        type      TEXT NOT NULL,
        date      TEXT,
        date_lo   TEXT,                             -- first day the date covers
        date_hi   TEXT,                             -- last day the date covers
        actors_lc TEXT NOT NULL,                    -- lower-cased actor names, newline-separated
        data      TEXT NOT NULL                     -- the Event exactly as the model has it (JSON)
      );
      CREATE INDEX events_date ON events(date, id);
      CREATE INDEX events_source ON events(source);
      CREATE INDEX events_target ON events(target);
      CREATE INDEX events_type ON events(type);
      CREATE INDEX events_article ON events(article);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The schema version of a database, read without writing (0 when it has no demarche tables yet). */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies pending migrations in one IMMEDIATE transaction (safe when two processes open at once). */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const apply = db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`database schema version ${current} is newer than this demarche (${SCHEMA_VERSION}); upgrade demarche`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }
  });
  apply.immediate();
}
