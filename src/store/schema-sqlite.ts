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
  {
    version: 2,
    sql: `
      -- demarche watch (src/app/watch.ts): feeds, the article pages they list, rounds, one lease.
      -- Times are ISO 8601 UTC text, as stored_at.
      CREATE TABLE watch_feeds (
        url           TEXT PRIMARY KEY,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        checked_at    TEXT,
        changed_at    TEXT,
        status        TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        error         TEXT,
        retry_at      TEXT,
        body_hash     TEXT                        -- the last content read: the same bytes again are no change
      );
      CREATE TABLE watch_pages (
        url       TEXT PRIMARY KEY,               -- canonical page address, or FEED#id without a link
        feed      TEXT NOT NULL,
        title     TEXT,
        published TEXT,
        content   TEXT,                           -- the feed's full text, dropped once stored
        state     TEXT NOT NULL DEFAULT 'pending', -- pending | stored | queued | failed
        article   TEXT,
        attempts  INTEGER NOT NULL DEFAULT 0,
        error     TEXT,
        next_at   TEXT,
        seen_at   TEXT NOT NULL,
        done_at   TEXT
      );
      CREATE INDEX watch_pages_pending ON watch_pages(next_at, seen_at) WHERE state = 'pending';
      CREATE INDEX watch_pages_feed ON watch_pages(feed);
      CREATE TABLE watch_rounds (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        summary     TEXT
      );
      CREATE TABLE watch_lock (
        name       TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        host       TEXT NOT NULL,
        pid        INTEGER NOT NULL,
        expires_at TEXT NOT NULL
      );

      -- Saved alerts (src/app/alerts.ts) and what they found.
      CREATE TABLE alerts (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        filter       TEXT NOT NULL,               -- the event filter as JSON
        webhook      TEXT,
        created_at   TEXT NOT NULL,
        baseline_seq INTEGER NOT NULL             -- articles up to this seq predate the alert
      );
      -- Articles stored while an alert exists, until the alerts have looked at them. Filled in the
      -- article's own transaction, so an article can neither be missed nor looked at twice.
      CREATE TABLE alert_queue (
        article TEXT PRIMARY KEY,
        seq     INTEGER NOT NULL
      );
      CREATE TRIGGER articles_alert_queue AFTER INSERT ON articles WHEN EXISTS (SELECT 1 FROM alerts)
      BEGIN
        INSERT INTO alert_queue (article, seq) VALUES (NEW.id, NEW.seq) ON CONFLICT DO NOTHING;
      END;
      CREATE TABLE alert_hits (
        id               TEXT PRIMARY KEY,
        alert            INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        found_at         TEXT NOT NULL,
        payload          TEXT NOT NULL,
        printed_at       TEXT,
        webhook_state    TEXT NOT NULL DEFAULT 'none',  -- none | pending | sent | failed
        webhook_attempts INTEGER NOT NULL DEFAULT 0,
        webhook_error    TEXT,
        webhook_next_at  TEXT
      );
      CREATE INDEX alert_hits_unprinted ON alert_hits(found_at) WHERE printed_at IS NULL;
      CREATE INDEX alert_hits_webhook ON alert_hits(webhook_next_at) WHERE webhook_state = 'pending';
      CREATE INDEX alert_hits_alert ON alert_hits(alert, found_at);
      CREATE TABLE alert_hit_mentions (
        alert   INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        mention TEXT NOT NULL,
        hit     TEXT NOT NULL,
        PRIMARY KEY (alert, mention)
      );
    `,
  },
  {
    version: 3,
    sql: `
      -- How likely the coder thinks an event is (0..1), for --min-confidence. Events stored before
      -- the coder gave one keep 1: the filter never hides them.
      ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
    `,
  },
  {
    version: 4,
    sql: `
      -- Who published an article (the record's outlet, else the URL's host), for the outlet facet
      -- and for counting sources as outlets. Articles stored before it have none.
      ALTER TABLE articles ADD COLUMN outlet TEXT;
      CREATE INDEX articles_outlet ON articles(outlet) WHERE outlet IS NOT NULL;
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
