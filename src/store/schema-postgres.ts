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
