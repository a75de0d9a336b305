// PostgreSQL schema as numbered migrations. A database records the highest version applied in
// schema_version; opening a store applies the missing ones in order, inside one transaction that
// holds an advisory lock, so any number of workers may open the same database at the same time.
import type { PoolClient } from 'pg';

/** Arbitrary constant: the advisory lock key that serialises migrations (ASCII "demarche" folded to int). */
const MIGRATION_LOCK = 0x64656d61;

/**
 * Only the first MAX_INDEXED_CHARS characters of a text are indexed for search: a tsvector is
 * limited to 1 MB and word positions stop at 16383 anyway, so indexing more buys nothing and can
 * make saving a huge document fail.
 */
export const MAX_INDEXED_CHARS = 200_000;

export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        seq          bigserial UNIQUE,
        id           text PRIMARY KEY,
        source       text NOT NULL,
        url          text,
        title        text,
        published    text,
        language     text,
        day_first    boolean NOT NULL DEFAULT false,
        text         text NOT NULL,
        duplicate_of text,
        -- sentences, entities, dates as JSON text (see shared.ts): read back whole, never queried inside
        annotations  text NOT NULL,
        minhash      bytea,
        stored_at    timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', left(text, ${MAX_INDEXED_CHARS})), 'B')
        ) STORED
      );
      CREATE INDEX articles_tsv ON articles USING gin (tsv);
      CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

      CREATE TABLE events (
        id        text PRIMARY KEY,
        article   text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        source    text NOT NULL,
        target    text NOT NULL,
        type      text NOT NULL,
        date      text,
        -- the period the date covers ("2014-10" -> 2014-10-01..2014-10-31), for since/until
        date_lo   text,
        date_hi   text,
        -- canonical names, lower-cased, one per line, for the actor-name filter
        actors_lc text NOT NULL,
        -- the whole Event as JSON text (round-trips exactly)
        data      text NOT NULL
      );
      CREATE INDEX events_article ON events (article);
      CREATE INDEX events_date ON events (date, id);
    `,
  },
  {
    version: 2,
    sql: `
      -- Distributed workers (src/queue). A worker process registers each graphile-worker pool it
      -- runs with the backend of a connection it holds open and a heartbeat; a pool whose backend is
      -- gone and whose heartbeat is stale belonged to a dead process, and its locked jobs are
      -- released at once instead of after graphile-worker's 4-hour timeout.
      CREATE TABLE worker_pools (
        pool_id       text PRIMARY KEY,
        host          text NOT NULL,
        pid           integer NOT NULL,
        backend_pid   integer NOT NULL,
        backend_start timestamptz NOT NULL,
        started_at    timestamptz NOT NULL DEFAULT now(),
        seen_at       timestamptz NOT NULL DEFAULT now()
      );
      -- Documents a worker could not turn into an article (reported, not retried).
      CREATE TABLE ingest_problems (
        id        bigserial PRIMARY KEY,
        doc_id    text,
        source    text NOT NULL,
        error     text NOT NULL,
        at        timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 3,
    sql: `
      -- Articles stored by queue workers wait here for the near-duplicate marker (src/queue/dedup.ts).
      CREATE INDEX articles_unsigned ON articles (seq) WHERE minhash IS NULL;
    `,
  },
  {
    version: 4,
    sql: `
      -- demarche watch (src/app/watch.ts): feeds, the article pages they list, rounds, one lease.
      -- Times are ISO 8601 UTC text, written by the program, as in the SQLite schema.
      CREATE TABLE watch_feeds (
        url           text PRIMARY KEY,
        title         text,
        etag          text,
        last_modified text,
        checked_at    text,
        changed_at    text,
        status        text,
        failures      integer NOT NULL DEFAULT 0,
        error         text,
        retry_at      text,
        body_hash     text
      );
      CREATE TABLE watch_pages (
        url       text PRIMARY KEY,
        feed      text NOT NULL,
        title     text,
        published text,
        content   text,
        state     text NOT NULL DEFAULT 'pending',
        article   text,
        attempts  integer NOT NULL DEFAULT 0,
        error     text,
        next_at   text,
        seen_at   text NOT NULL,
        done_at   text
      );
      CREATE INDEX watch_pages_pending ON watch_pages (next_at, seen_at) WHERE state = 'pending';
      CREATE INDEX watch_pages_feed ON watch_pages (feed);
      CREATE TABLE watch_rounds (
        id          bigserial PRIMARY KEY,
        started_at  text NOT NULL,
        finished_at text,
        summary     text
      );
      CREATE TABLE watch_lock (
        name       text PRIMARY KEY,
        holder     text NOT NULL,
        host       text NOT NULL,
        pid        integer NOT NULL,
        expires_at text NOT NULL
      );

      CREATE TABLE alerts (
        id           bigserial PRIMARY KEY,
        name         text NOT NULL UNIQUE,
        filter       text NOT NULL,
        webhook      text,
        created_at   text NOT NULL,
        baseline_seq bigint NOT NULL
      );
      -- Articles stored while an alert exists, until the alerts have looked at them; filled in the
      -- article's own transaction (a worker's save), so none is missed or looked at twice.
      CREATE TABLE alert_queue (
        article text PRIMARY KEY,
        seq     bigint NOT NULL
      );
      CREATE FUNCTION demarche_alert_queue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM alerts) THEN
          INSERT INTO alert_queue (article, seq) VALUES (NEW.id, NEW.seq) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER articles_alert_queue AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION demarche_alert_queue();
      CREATE TABLE alert_hits (
        id               text PRIMARY KEY,
        alert            bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        found_at         text NOT NULL,
        payload          text NOT NULL,
        printed_at       text,
        webhook_state    text NOT NULL DEFAULT 'none',
        webhook_attempts integer NOT NULL DEFAULT 0,
        webhook_error    text,
        webhook_next_at  text
      );
      CREATE INDEX alert_hits_unprinted ON alert_hits (found_at) WHERE printed_at IS NULL;
      CREATE INDEX alert_hits_webhook ON alert_hits (webhook_next_at) WHERE webhook_state = 'pending';
      CREATE INDEX alert_hits_alert ON alert_hits (alert, found_at);
      CREATE TABLE alert_hit_mentions (
        alert   bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        mention text NOT NULL,
        hit     text NOT NULL,
        PRIMARY KEY (alert, mention)
      );
    `,
  },
  {
    version: 5,
    sql: `
      -- How likely the coder thinks an event is (0..1), for --min-confidence. Events stored before
      -- the coder gave one keep 1: the filter never hides them.
      ALTER TABLE events ADD COLUMN confidence double precision NOT NULL DEFAULT 1;
    `,
  },
  {
    version: 6,
    sql: `
      -- Who published an article (the record's outlet, else the URL's host), for the outlet facet
      -- and for counting sources as outlets. Articles stored before it have none.
      ALTER TABLE articles ADD COLUMN outlet text;
      CREATE INDEX articles_outlet ON articles (outlet) WHERE outlet IS NOT NULL;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Brings the database up to LATEST_VERSION; returns the versions applied now. */
export async function migrate(client: PoolClient): Promise<number[]> {
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > LATEST_VERSION) {
      throw new Error(`database schema version ${current} is newer than this program (${LATEST_VERSION}); upgrade demarche`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return applied;
}

/**
 * For a reader that must not write (no migration): the database's schema version, with one line
 * saying what to do when it is not this program's.
 */
export async function checkVersion(client: PoolClient, where: string): Promise<void> {
  const { rows: table } = await client.query("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  let current = 0;
  if (table[0]?.present) {
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    current = rows[0]?.v ?? 0;
  }
  if (current === LATEST_VERSION) return;
  if (current > LATEST_VERSION) throw new Error(`database ${where} has schema version ${current}, newer than this program (${LATEST_VERSION}); upgrade demarche`);
  throw new Error(
    current === 0
      ? `database ${where} holds no demarche tables yet; run \`demarche ingest\` or \`demarche enqueue\` on it first`
      : `database ${where} has schema version ${current}, older than this program (${LATEST_VERSION}); run any write command on it once to upgrade it`,
  );
}
