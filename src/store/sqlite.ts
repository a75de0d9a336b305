// The embedded default store: one SQLite file (WAL, FTS5) via better-sqlite3.
import Database from 'better-sqlite3';
import { checkEventFilter } from '../filter/check.js';
import type { Article, Event } from '../model.js';
import { alertRepo } from './alert-repo.js';
import { migrate } from './schema-sqlite.js';
import { sqliteRunner } from './sql.js';
import { watchRepo } from './watch-repo.js';
import type { AlertRepo, WatchRepo } from './watch-types.js';
import {
  EVENT_ORDER,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  articleAnnotations,
  decodeMinhash,
  encodeMinhash,
  eventRow,
  eventWhere,
  ftsQuery,
  rowToArticle,
  rowToEvent,
  sqlitePlaceholder,
  type ArticleDbRow,
} from './shared.js';
import type { ArticleRow, ListOptions, MentionFilter, SearchHit, Store } from './types.js';

const ARTICLE_ROW_COLUMNS = 'id, source, url, title, published, language, text, duplicate_of';

export interface SqliteOptions {
  /**
   * Group commit for bulk ingest: up to this many articles share one SQLite transaction, each in
   * its own savepoint (so each article is still stored entirely or not at all), committed when the
   * group is full, groupCommitMs after it opened, or on close(). A commit per article costs about
   * as much CPU+I/O as the inserts themselves. The price: an article is durable, and visible to
   * other connections, only once its group commits - a crash loses (never half-stores) the open
   * group. 1 (the default) commits every article before saveArticle returns.
   */
  groupCommit?: number;
  /** Longest time a group stays open, in ms (default 200). */
  groupCommitMs?: number;
}

export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new Error(`cannot open database ${file}: ${(err as Error).message}`);
  }
  try {
    // busy_timeout first: makes concurrent writers (and the WAL switch) wait instead of failing
    // with SQLITE_BUSY. WAL lets readers (web UI, brief) run while an ingest writes.
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    throw new Error(`cannot use database ${file}: ${(err as Error).message}`);
  }
  return new SqliteStore(db, Math.max(1, Math.floor(options.groupCommit ?? 1)), options.groupCommitMs ?? 200);
}

class SqliteStore implements Store {
  private readonly insertArticle;
  private readonly insertFts;
  private readonly insertEvent;
  /** Prepared once per SQL text: compiling a statement costs more than running a small one. */
  private readonly statements = new Map<string, Database.Statement>();
  /** One article, atomically, in its own transaction (commit per article). */
  private readonly saveOne: Database.Transaction<(article: Article, events: Event[], minhash?: Uint32Array) => boolean>;
  /** One article's rows, atomically, as a savepoint inside the open group; its FTS row is queued. */
  private readonly saveInGroup: Database.Transaction<(article: Article, events: Event[], minhash?: Uint32Array) => number | bigint | null>;
  /**
   * Full-text rows of the open group's articles, inserted just before the group commits. FTS5
   * flushes its in-memory index to a new on-disk segment at every savepoint, so inserting inside
   * each article's savepoint made one tiny segment per article and merge work to match (about a
   * third of the store's CPU); the group's rows inserted together make one segment. Same
   * transaction, so an article and its FTS row still commit (or are lost) together.
   */
  private ftsQueue: { rowid: number | bigint; title: string; text: string }[] = [];
  /** Articles saved in the open group (group commit only). */
  private pending = 0;
  private groupTimer: NodeJS.Timeout | null = null;
  /** A group commit that failed in its timer: those articles were not stored. */
  private groupError: Error | null = null;
  readonly watch: WatchRepo;
  readonly alerts: AlertRepo;

  constructor(
    private readonly db: Database.Database,
    private readonly groupCommit = 1,
    private readonly groupCommitMs = 200,
  ) {
    this.insertArticle = db.prepare(
      `INSERT INTO articles (id, source, url, title, published, language, day_first, text, duplicate_of, annotations, minhash, stored_at)
       VALUES (@id, @source, @url, @title, @published, @language, @day_first, @text, @duplicate_of, @annotations, @minhash, @stored_at)
       ON CONFLICT(id) DO NOTHING`,
    );
    this.insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    const sql = sqliteRunner(db);
    this.watch = watchRepo(sql);
    this.alerts = alertRepo(sql);
    // Built once (not per call): IMMEDIATE takes the write lock up front so two writers queue
    // instead of deadlocking.
    this.saveOne = db.transaction((article: Article, events: Event[], minhash?: Uint32Array) => {
      const rowid = this.insertRows(article, events, minhash);
      if (rowid !== null) this.insertFts.run(rowid, article.title ?? '', article.text);
      return rowid !== null;
    });
    this.saveInGroup = db.transaction((article: Article, events: Event[], minhash?: Uint32Array) => this.insertRows(article, events, minhash));
    this.insertEvent = db.prepare(
      `INSERT INTO events (id, article, source, target, type, date, date_lo, date_hi, actors_lc, confidence, data)
       VALUES (@id, @article, @source, @target, @type, @date, @date_lo, @date_hi, @actors_lc, @confidence, @data)
       ON CONFLICT(id) DO NOTHING`,
    );
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.stmt('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
  }

  async saveArticle(article: Article, events: Event[], minhash?: Uint32Array): Promise<boolean> {
    if (this.groupCommit <= 1) return this.saveOne.immediate(article, events, minhash);
    this.throwGroupError();
    if (!this.db.inTransaction) this.openGroup();
    // Inside the group's transaction better-sqlite3 runs this as a savepoint: a failing article
    // is rolled back alone and the group goes on.
    const rowid = this.saveInGroup(article, events, minhash);
    if (rowid !== null) this.ftsQueue.push({ rowid, title: article.title ?? '', text: article.text });
    if (++this.pending >= this.groupCommit) this.commitGroup();
    return rowid !== null;
  }

  private openGroup(): void {
    // IMMEDIATE: take the write lock up front so two writers queue instead of deadlocking.
    this.stmt('BEGIN IMMEDIATE').run();
    this.pending = 0;
    this.groupTimer = setTimeout(() => {
      try {
        this.commitGroup();
      } catch (err) {
        // Nothing to report it to from a timer: the next saveArticle or close() throws it.
        this.groupError = err as Error;
      }
    }, this.groupCommitMs);
    this.groupTimer.unref();
  }

  private throwGroupError(): void {
    const err = this.groupError;
    this.groupError = null;
    if (err) throw new Error(`articles of the last group were not stored: ${err.message}`);
  }

  private commitGroup(): void {
    if (this.groupTimer) clearTimeout(this.groupTimer);
    this.groupTimer = null;
    this.pending = 0;
    if (!(this.db.open && this.db.inTransaction)) {
      this.ftsQueue = [];
      return;
    }
    try {
      this.flushFts();
    } catch (err) {
      // Articles without their search rows would be silently unsearchable: store none of the group.
      this.stmt('ROLLBACK').run();
      throw err;
    }
    this.stmt('COMMIT').run();
  }

  /** The open group's queued full-text rows, into the index (same transaction). */
  private flushFts(): void {
    const queue = this.ftsQueue;
    this.ftsQueue = [];
    for (const row of queue) this.insertFts.run(row.rowid, row.title, row.text);
  }

  /** The article's and events' rows (not the FTS row); its rowid, or null when it was already stored. */
  private insertRows(article: Article, events: Event[], minhash?: Uint32Array): number | bigint | null {
    const info = this.insertArticle.run({
      id: article.id,
      source: article.source,
      url: article.url,
      title: article.title,
      published: article.published,
      language: article.language,
      day_first: article.day_first ? 1 : 0,
      text: article.text,
      duplicate_of: article.duplicate_of,
      annotations: articleAnnotations(article),
      minhash: minhash ? encodeMinhash(minhash) : null,
      stored_at: new Date().toISOString(),
    });
    if (info.changes === 0) return null; // already stored: re-ingest is a no-op
    for (const e of events) {
      if (e.article !== article.id) throw new Error(`event ${e.id} belongs to article ${e.article}, not ${article.id}`);
      this.insertEvent.run(eventRow(e));
    }
    return info.lastInsertRowid;
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.stmt(`SELECT ${ARTICLE_ROW_COLUMNS}, day_first, annotations FROM articles WHERE id = ?`)
      .get(id) as ArticleDbRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async listArticles(opts: ListOptions = {}): Promise<ArticleRow[]> {
    const columns = opts.lead === undefined ? ARTICLE_ROW_COLUMNS : ARTICLE_ROW_COLUMNS.replace('text', 'substr(text, 1, ?) AS text');
    const lead = opts.lead === undefined ? [] : [opts.lead];
    return this.stmt(`SELECT ${columns} FROM articles ORDER BY seq LIMIT ? OFFSET ?`)
      .all(...lead, opts.limit ?? -1, opts.offset ?? 0) as ArticleRow[];
  }

  async minhashes(): Promise<{ id: string; signature: Uint32Array }[]> {
    const rows = this.stmt('SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY seq').all() as {
      id: string;
      minhash: Buffer;
    }[];
    return rows.map((r) => ({ id: r.id, signature: decodeMinhash(r.minhash) }));
  }

  async events(filter: MentionFilter = {}): Promise<Event[]> {
    checkEventFilter(filter);
    const where = eventWhere(filter, sqlitePlaceholder);
    const sql = `SELECT data FROM events${where.sql} ${EVENT_ORDER} LIMIT ? OFFSET ?`;
    return (this.stmt(sql).all(...where.params, filter.limit ?? -1, filter.offset ?? 0) as { data: string }[]).map(rowToEvent);
  }

  async getEvent(id: string): Promise<Event | null> {
    const row = this.stmt('SELECT data FROM events WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? rowToEvent(row) : null;
  }

  async duplicateLinks(): Promise<Map<string, string>> {
    const rows = this.stmt('SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL').all() as {
      id: string;
      duplicate_of: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.duplicate_of]));
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (match === null) return [];
    // This connection's open group is searchable too, as its other rows are readable.
    if (this.db.inTransaction) this.flushFts();
    return this.stmt(
        `SELECT a.id AS article, a.title, a.published,
                snippet(articles_fts, -1, ?, ?, '…', 16) AS snippet
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
         WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(SNIPPET_OPEN, SNIPPET_CLOSE, match, limit) as SearchHit[];
  }

  async counts(): Promise<{ articles: number; events: number }> {
    const row = this.stmt('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events')
      .get() as { articles: number; events: number };
    return row;
  }

  async close(): Promise<void> {
    try {
      this.commitGroup();
    } finally {
      if (this.db.open) this.db.close();
    }
    this.throwGroupError();
  }
}
