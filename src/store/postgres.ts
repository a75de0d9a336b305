// PostgreSQL store (server mode): the same contract as the SQLite store, for many workers on many
// machines writing into one database. Ids are content hashes and every write is one transaction
// with ON CONFLICT DO NOTHING, so two workers coding copies of one story store it once.
// Row mapping and the event filter as SQL are shared with SQLite (shared.ts).
import pg from 'pg';
import { checkEventFilter } from '../filter/check.js';
import type { Article, Event } from '../model.js';
import {
  DEFAULT_SEARCH_CANDIDATES,
  type ArticleRow, type DuplicateMarking, type EventFact, type ListOptions, type MentionFilter, type SearchHit, type SearchOptions,
  type SearchResult, type Store, type StoredSignature,
} from './types.js';
import { checkVersion, MAX_INDEXED_CHARS, migrate } from './schema-postgres.js';
import { alertRepo } from './alert-repo.js';
import { postgresRunner } from './sql.js';
import { watchRepo } from './watch-repo.js';
import type { AlertRepo, WatchRepo } from './watch-types.js';
import {
  EVENT_ORDER, SNIPPET_CLOSE, SNIPPET_OPEN, articleAnnotations, decodeMinhash, encodeMinhash, eventRow,
  eventWhere, factsSql, postgresPlaceholder, rowToArticle, rowToEvent, rowToFact, type ArticleDbRow, type FactRow,
} from './shared.js';

export interface DedupRow {
  seq: number;
  id: string;
  /** Null: not yet checked for near-duplicates (text is then set). */
  signature: Uint32Array | null;
  text: string | null;
}

const DEFAULT_SEARCH_LIMIT = 20;

const ARTICLE_ROW_COLUMNS = 'id, source, url, title, published, language, text, duplicate_of';

/** host:port/database of a URL, without the user and password. */
function place(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the PostgreSQL database';
  }
}

/** One line saying why the database could not be reached (no stack traces for a wrong URL). */
function connectError(url: string, err: unknown): Error {
  const e = err as NodeJS.ErrnoException;
  const where = place(url);
  const why = e?.code === 'ECONNREFUSED' ? 'connection refused' : (e?.message ?? String(err));
  return new Error(`cannot open PostgreSQL database ${where}: ${why}`);
}

/** Search words -> "w1 w2" for plainto_tsquery (all words required, no operator syntax to get wrong). */
function searchWords(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu);
  return words ? words.join(' ') : null;
}

export class PostgresStore implements Store {
  readonly watch: WatchRepo;
  readonly alerts: AlertRepo;

  constructor(readonly pool: pg.Pool) {
    const sql = postgresRunner(pool);
    this.watch = watchRepo(sql);
    this.alerts = alertRepo(sql);
  }

  async hasArticle(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM articles WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }

  async saveArticle(article: Article, events: Event[], minhash?: Uint32Array): Promise<boolean> {
    return (await saveIn(this.pool, article, events, minhash)) !== null;
  }

  /**
   * Near-duplicate marking and the save in one transaction holding an advisory lock that every
   * marking writer takes: writers queue there, so each compares its article with every one stored
   * (by a marking writer) before it, and the insertion counter grows in commit order among them.
   */
  async saveMarked(article: Article, events: Event[], marking: DuplicateMarking): Promise<boolean> {
    const client = await this.pool.connect();
    let seq: number | null = null;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_MARK_LOCK]);
      const { rows: known } = await client.query('SELECT 1 FROM articles WHERE id = $1', [article.id]);
      if (known.length === 0) {
        const { rows } = await client.query<{ seq: string; id: string; minhash: Buffer | null; duplicate_of: string | null }>(
          'SELECT seq, id, minhash, duplicate_of FROM articles WHERE seq > $1 ORDER BY seq',
          [marking.cursor()],
        );
        marking.learn(rows.map((r) => ({ seq: Number(r.seq), id: r.id, signature: r.minhash ? decodeMinhash(r.minhash) : null, duplicate_of: r.duplicate_of })));
        const needed = marking.textsNeeded();
        if (needed.length > 0) {
          const { rows: texts } = await client.query<{ id: string; text: string }>('SELECT id, text FROM articles WHERE id = ANY($1::text[])', [needed]);
          for (const t of texts) marking.giveText(t.id, t.text);
        }
        const { duplicate_of, signature } = marking.decide();
        article.duplicate_of = duplicate_of;
        seq = await saveIn(client, article, events, signature);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw err;
    }
    client.release();
    if (seq === null) return false;
    marking.stored(seq);
    return true;
  }

  /** Which of these ids are stored already (enqueue skips them). */
  async existingIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Insertion counter of the newest article (0 when empty). */
  async lastSeq(): Promise<number> {
    const { rows } = await this.pool.query<{ s: string | null }>('SELECT max(seq) AS s FROM articles');
    return Number(rows[0]?.s ?? 0);
  }

  /**
   * Articles the near-duplicate marker has not seen: stored after the cursor (with their signature,
   * when the writer computed one) or still without a signature (a worker stored them; they may
   * have committed late, behind the cursor). Text only for the latter. Oldest first.
   */
  async dedupBacklog(cursor: number, limit: number): Promise<DedupRow[]> {
    const { rows } = await this.pool.query<{ seq: string; id: string; minhash: Buffer | null; text: string | null }>(
      `SELECT seq, id, minhash, CASE WHEN minhash IS NULL THEN text END AS text
         FROM articles WHERE seq > $1 OR minhash IS NULL ORDER BY seq LIMIT $2`,
      [cursor, limit],
    );
    return rows.map((r) => ({ seq: Number(r.seq), id: r.id, signature: r.minhash ? decodeMinhash(r.minhash) : null, text: r.text }));
  }

  /** Articles not yet checked for near-duplicates. */
  async unsignedCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE minhash IS NULL');
    return rows[0]!.n;
  }

  /** Stores signatures and duplicate_of decided by the marker (only where no signature is set yet). */
  async markDuplicates(marks: { id: string; signature: Uint32Array; duplicate_of: string | null }[]): Promise<void> {
    if (marks.length === 0) return;
    await this.pool.query(
      `UPDATE articles a SET minhash = m.minhash, duplicate_of = m.duplicate_of
         FROM unnest($1::text[], $2::bytea[], $3::text[]) AS m(id, minhash, duplicate_of)
        WHERE a.id = m.id AND a.minhash IS NULL`,
      [marks.map((m) => m.id), marks.map((m) => encodeMinhash(m.signature)), marks.map((m) => m.duplicate_of)],
    );
  }

  /** Records a document a worker could not turn into an article. */
  async recordProblem(docId: string | null, source: string, error: string): Promise<void> {
    await this.pool.query('INSERT INTO ingest_problems (doc_id, source, error) VALUES ($1, $2, $3)', [docId, source, error]);
  }

  async problems(): Promise<{ doc_id: string | null; source: string; error: string }[]> {
    const { rows } = await this.pool.query('SELECT doc_id, source, error FROM ingest_problems ORDER BY id');
    return rows;
  }

  async getArticle(id: string): Promise<Article | null> {
    const { rows } = await this.pool.query<ArticleDbRow>(
      `SELECT ${ARTICLE_ROW_COLUMNS}, day_first, annotations FROM articles WHERE id = $1`,
      [id],
    );
    return rows[0] ? rowToArticle(rows[0]) : null;
  }

  async listArticles(opts: ListOptions = {}): Promise<ArticleRow[]> {
    checkEventFilter(opts);
    const columns = opts.lead === undefined ? ARTICLE_ROW_COLUMNS : ARTICLE_ROW_COLUMNS.replace('text', 'left(text, $3) AS text');
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT ${columns} FROM articles ORDER BY seq LIMIT $1 OFFSET $2`,
      [opts.limit ?? null, opts.offset ?? 0, ...(opts.lead === undefined ? [] : [opts.lead])],
    );
    return rows;
  }

  async minhashes(): Promise<StoredSignature[]> {
    const { rows } = await this.pool.query<{ seq: string; id: string; minhash: Buffer; duplicate_of: string | null }>(
      'SELECT seq, id, minhash, duplicate_of FROM articles WHERE minhash IS NOT NULL ORDER BY seq',
    );
    return rows.map((r) => ({ seq: Number(r.seq), id: r.id, signature: decodeMinhash(r.minhash), duplicate_of: r.duplicate_of }));
  }

  async events(filter: MentionFilter = {}): Promise<Event[]> {
    checkEventFilter(filter);
    const where = eventWhere(filter, postgresPlaceholder);
    const n = where.params.length;
    const { rows } = await this.pool.query<{ data: string }>(
      `SELECT data FROM events${where.sql} ${EVENT_ORDER} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...where.params, filter.limit ?? null, filter.offset ?? 0],
    );
    return rows.map(rowToEvent);
  }

  async eventFacts(filter: MentionFilter = {}): Promise<EventFact[]> {
    checkEventFilter(filter);
    const where = eventWhere(filter, postgresPlaceholder);
    // ->> gives text (rowToFact turns numbers and booleans back); the place object as JSON text.
    const sql = factsSql(where.sql, (name) => (name === 'geo' ? `(data::json -> 'geo')::text` : `(data::json ->> '${name}')`));
    const { rows } = await this.pool.query<FactRow>(sql, where.params);
    return rows.map((r) => rowToFact({ ...r, geo: r.geo === 'null' ? null : r.geo }));
  }

  async countEvents(filter: MentionFilter = {}): Promise<number> {
    checkEventFilter(filter);
    const where = eventWhere(filter, postgresPlaceholder);
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events${where.sql}`, where.params);
    return Number(rows[0]!.n);
  }

  async outlets(ids: string[]): Promise<Map<string, string | null>> {
    const { rows } = await this.pool.query<{ id: string; outlet: string | null }>('SELECT id, outlet FROM articles WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.outlet]));
  }

  async getEvent(id: string): Promise<Event | null> {
    const { rows } = await this.pool.query<{ data: string }>('SELECT data FROM events WHERE id = $1', [id]);
    return rows[0] ? rowToEvent(rows[0]) : null;
  }

  async duplicateLinks(): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; duplicate_of: string }>(
      'SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL',
    );
    return new Map(rows.map((r) => [r.id, r.duplicate_of]));
  }

  async search(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
    return (await this.searchRanked(query, { limit })).hits;
  }

  /** Ranks only the `candidates` most recently stored matches (see SearchResult); headlines for the hits alone. */
  async searchRanked(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    const words = searchWords(query);
    if (words === null) return { hits: [], cut: false, ranked: 0 };
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT));
    const candidates = Math.max(1, Math.floor(opts.candidates ?? DEFAULT_SEARCH_CANDIDATES));
    const { rows } = await this.pool.query<SearchHit & { matched: string }>(
      `WITH q AS (SELECT plainto_tsquery('english', $1) AS q),
            cand AS (SELECT a.seq, a.tsv FROM articles a, q WHERE a.tsv @@ q.q ORDER BY a.seq DESC LIMIT $2 + 1),
            top AS (SELECT c.seq, ts_rank_cd(c.tsv, q.q) AS r
                      FROM (SELECT * FROM cand ORDER BY seq DESC LIMIT $2) c, q ORDER BY r DESC, c.seq LIMIT $3 OFFSET $5)
       SELECT a.id AS article, a.title, a.published,
              ts_headline('english', left(a.text, ${MAX_INDEXED_CHARS}), q.q,
                          'StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1') AS snippet,
              CASE WHEN coalesce(a.title, '') = '' THEN left(a.text, $4) END AS lead,
              (SELECT count(*) FROM cand) AS matched
         FROM top JOIN articles a ON a.seq = top.seq, q
        ORDER BY top.r DESC, top.seq`,
      [words, candidates, limit, opts.lead ?? 0, Math.max(0, Math.floor(opts.offset ?? 0))],
    );
    const matched = rows.length > 0 ? Number(rows[0]!.matched) : 0;
    const hits = rows.map(({ matched: _m, ...h }) => {
      if (opts.lead === undefined) delete h.lead;
      return h;
    });
    return { hits, cut: matched > candidates, ranked: Math.min(matched, candidates) };
  }

  async counts(): Promise<{ articles: number; events: number }> {
    const { rows } = await this.pool.query<{ articles: string; events: string }>(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events',
    );
    return { articles: Number(rows[0]!.articles), events: Number(rows[0]!.events) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The article and its events in ONE statement (so one round trip, and atomic by itself): the events
 * are inserted only when the article row was, so an existing id writes nothing and returns false.
 * Every column of the events travels as one array parameter.
 */
const SAVE_SQL = `
  WITH article AS (
    INSERT INTO articles (id, source, url, title, published, language, day_first, text, duplicate_of, annotations, minhash, outlet)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $23)
    ON CONFLICT (id) DO NOTHING
    RETURNING id, seq
  ), event_rows AS (
    INSERT INTO events (id, article, source, target, type, date, date_lo, date_hi, actors_lc, data, confidence)
    SELECT e.* FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
                           $18::text[], $19::text[], $20::text[], $21::text[], $22::float8[]) AS e
     WHERE EXISTS (SELECT 1 FROM article)
    ON CONFLICT (id) DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM article)::int AS inserted, (SELECT seq FROM article) AS seq, (SELECT count(*) FROM event_rows)::int AS events`;

/** Advisory lock key serialising writers that mark near-duplicates as they save (ASCII "dmrk"). */
const WRITE_MARK_LOCK = 0x646d726b;

/** Saves one article with its events; its insertion counter, or null when the id was stored already. */
async function saveIn(client: pg.Pool | pg.PoolClient, a: Article, events: Event[], minhash?: Uint32Array): Promise<number | null> {
  for (const e of events) {
    if (e.article !== a.id) throw new Error(`event ${e.id} belongs to article ${e.article}, not ${a.id}`);
  }
  const rows = events.map(eventRow);
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const { rows: result } = await client.query<{ inserted: number; seq: string | null }>(SAVE_SQL, [
    a.id, a.source, a.url, a.title, a.published, a.language, a.day_first, a.text, a.duplicate_of,
    articleAnnotations(a), minhash ? encodeMinhash(minhash) : null,
    col('id'), col('article'), col('source'), col('target'), col('type'), col('date'), col('date_lo'),
    col('date_hi'), col('actors_lc'), col('data'), col('confidence'), a.outlet ?? null,
  ]);
  return result[0]!.inserted === 1 ? Number(result[0]!.seq) : null;
}

/**
 * Opens (and migrates) the database at a postgres:// URL. readOnly: every transaction read-only,
 * no migration (the schema must be this program's), for readers and users without write rights.
 */
export async function openPostgresStore(url: string, opts: { max?: number; readOnly?: boolean } = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(opts.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the
  // next query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => void client.on('error', () => undefined));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw connectError(url, err);
  }
  try {
    if (opts.readOnly) await checkVersion(client, place(url));
    else await migrate(client);
    client.release();
  } catch (err) {
    client.release(true);
    await pool.end().catch(() => undefined);
    throw err;
  }
  return new PostgresStore(pool);
}
