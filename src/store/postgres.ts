// PostgreSQL store (server mode): the same contract as the SQLite store, for many workers on many
// machines writing into one database. Ids are content hashes and every write is one transaction
// with ON CONFLICT DO NOTHING, so two workers coding copies of one story store it once.
// Row mapping and the event filter as SQL are shared with SQLite (shared.ts).
import pg from 'pg';
import { checkEventFilter } from '../filter/check.js';
import type { Article, Event } from '../model.js';
import type { ArticleRow, ListOptions, MentionFilter, SearchHit, Store } from './types.js';
import { MAX_INDEXED_CHARS, migrate } from './schema-postgres.js';
import { alertRepo } from './alert-repo.js';
import { postgresRunner } from './sql.js';
import { watchRepo } from './watch-repo.js';
import type { AlertRepo, WatchRepo } from './watch-types.js';
import {
  EVENT_ORDER, SNIPPET_CLOSE, SNIPPET_OPEN, articleAnnotations, decodeMinhash, encodeMinhash, eventRow,
  eventWhere, postgresPlaceholder, rowToArticle, rowToEvent, type ArticleDbRow,
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

/** One line saying why the database could not be reached (no stack traces for a wrong URL). */
function connectError(url: string, err: unknown): Error {
  const e = err as NodeJS.ErrnoException;
  let where = url;
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    /* keep the raw text */
  }
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
    return saveIn(this.pool, article, events, minhash);
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

  async minhashes(): Promise<{ id: string; signature: Uint32Array }[]> {
    const { rows } = await this.pool.query<{ id: string; minhash: Buffer }>(
      'SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY seq',
    );
    return rows.map((r) => ({ id: r.id, signature: decodeMinhash(r.minhash) }));
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
    const words = searchWords(query);
    if (words === null) return [];
    const { rows } = await this.pool.query<SearchHit>(
      `SELECT id AS article, title, published,
              ts_headline('english', left(text, ${MAX_INDEXED_CHARS}), q,
                          'StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1') AS snippet
         FROM articles, plainto_tsquery('english', $1) AS q
        WHERE tsv @@ q
        ORDER BY ts_rank_cd(tsv, q) DESC, seq
        LIMIT $2`,
      [words, Math.max(0, Math.floor(limit))],
    );
    return rows;
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
    INSERT INTO articles (id, source, url, title, published, language, day_first, text, duplicate_of, annotations, minhash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    ON CONFLICT (id) DO NOTHING
    RETURNING id
  ), event_rows AS (
    INSERT INTO events (id, article, source, target, type, date, date_lo, date_hi, actors_lc, data, confidence)
    SELECT e.* FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
                           $18::text[], $19::text[], $20::text[], $21::text[], $22::float8[]) AS e
     WHERE EXISTS (SELECT 1 FROM article)
    ON CONFLICT (id) DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM article)::int AS inserted, (SELECT count(*) FROM event_rows)::int AS events`;

async function saveIn(client: pg.Pool | pg.PoolClient, a: Article, events: Event[], minhash?: Uint32Array): Promise<boolean> {
  for (const e of events) {
    if (e.article !== a.id) throw new Error(`event ${e.id} belongs to article ${e.article}, not ${a.id}`);
  }
  const rows = events.map(eventRow);
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const { rows: result } = await client.query<{ inserted: number }>(SAVE_SQL, [
    a.id, a.source, a.url, a.title, a.published, a.language, a.day_first, a.text, a.duplicate_of,
    articleAnnotations(a), minhash ? encodeMinhash(minhash) : null,
    col('id'), col('article'), col('source'), col('target'), col('type'), col('date'), col('date_lo'),
    col('date_hi'), col('actors_lc'), col('data'), col('confidence'),
  ]);
  return result[0]!.inserted === 1;
}

/** Opens (and migrates) the database at a postgres:// URL. */
export async function openPostgresStore(url: string, opts: { max?: number } = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 10_000 });
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
    await migrate(client);
    client.release();
  } catch (err) {
    client.release(true);
    await pool.end().catch(() => undefined);
    throw err;
  }
  return new PostgresStore(pool);
}
