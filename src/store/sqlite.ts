// The embedded default store: one SQLite file (WAL, FTS5) via better-sqlite3.
import type Database from 'better-sqlite3';
import { checkEventFilter } from '../filter/check.js';
import type { Article, Event } from '../model.js';
import { alertRepo } from './alert-repo.js';
import { chunks, placeholders, sqliteRunner } from './sql.js';
import { watchRepo } from './watch-repo.js';
import type { AlertRepo, WatchRepo } from './watch-types.js';
import {
  EVENT_ORDER,
  articleAnnotations,
  decodeMinhash,
  encodeMinhash,
  eventRow,
  eventWhere,
  factsSql,
  ftsQuery,
  rowToFact,
  type FactRow,
  rowToArticle,
  rowToEvent,
  sqlitePlaceholder,
  type ArticleDbRow,
} from './shared.js';
import { hitSnippet } from './snippet.js';
import { closeWriter, openForReadingUpgraded, openForWriting } from './sqlite-open.js';
import {
  DEFAULT_SEARCH_CANDIDATES,
  type ArticleRow, type DuplicateMarking, type EventFact, type ListOptions, type MentionFilter, type SearchHit, type SearchOptions,
  type SearchResult, type Store, type StoredSignature,
} from './types.js';

const ARTICLE_ROW_COLUMNS = 'id, source, url, title, published, language, text, duplicate_of';

/** Longest wait for the write lock (another process writing the same file). */
const LOCK_WAIT_MS = 10_000;
/** Something to Atomics.wait on: a millisecond's sleep that blocks only this thread. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

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
  /**
   * Open for reading only (read commands, the server's readers): nothing is written, not even the
   * journal mode, so a file (or folder) this user cannot write still reads. See sqlite-open.ts.
   */
  readOnly?: boolean;
}

export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  if (options.readOnly) return new SqliteStore(openForReadingUpgraded(file), file, true);
  return new SqliteStore(openForWriting(file), file, false, Math.max(1, Math.floor(options.groupCommit ?? 1)), options.groupCommitMs ?? 200);
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

  /** One article with near-duplicate marking in its transaction (commit per article). */
  private readonly saveOneMarked: Database.Transaction<(article: Article, events: Event[], marking: DuplicateMarking) => number | bigint | null>;
  /** The same as a savepoint inside the open group. */
  private readonly saveInGroupMarked: Database.Transaction<(article: Article, events: Event[], marking: DuplicateMarking) => number | bigint | null>;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly readOnly: boolean,
    private readonly groupCommit = 1,
    private readonly groupCommitMs = 200,
  ) {
    this.insertArticle = db.prepare(
      `INSERT INTO articles (id, source, url, title, published, language, day_first, text, duplicate_of, annotations, minhash, stored_at, outlet)
       VALUES (@id, @source, @url, @title, @published, @language, @day_first, @text, @duplicate_of, @annotations, @minhash, @stored_at, @outlet)
       ON CONFLICT(id) DO NOTHING`,
    );
    this.insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    // Feed state and alerts write under the same write lock, waited for the same way (beginImmediate).
    const sql = sqliteRunner(db, (fn) => {
      this.refuseWrites();
      return this.inWriteTransaction(fn);
    });
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
    this.saveOneMarked = db.transaction((article: Article, events: Event[], marking: DuplicateMarking) => {
      const rowid = this.markAndInsert(article, events, marking);
      if (rowid !== null) this.insertFts.run(rowid, article.title ?? '', article.text);
      return rowid;
    });
    this.saveInGroupMarked = db.transaction((article: Article, events: Event[], marking: DuplicateMarking) => this.markAndInsert(article, events, marking));
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

  private refuseWrites(): void {
    if (this.readOnly) throw new Error(`database ${this.file} is open for reading only`);
  }

  async saveArticle(article: Article, events: Event[], minhash?: Uint32Array): Promise<boolean> {
    this.refuseWrites();
    if (this.groupCommit <= 1) return this.inWriteTransaction(() => this.saveOne(article, events, minhash));
    this.throwGroupError();
    if (!this.db.inTransaction) this.openGroup();
    // Inside the group's transaction better-sqlite3 runs this as a savepoint: a failing article
    // is rolled back alone and the group goes on.
    const rowid = this.saveInGroup(article, events, minhash);
    if (rowid !== null) this.ftsQueue.push({ rowid, title: article.title ?? '', text: article.text });
    if (++this.pending >= this.groupCommit) this.commitGroup();
    return rowid !== null;
  }

  async saveMarked(article: Article, events: Event[], marking: DuplicateMarking): Promise<boolean> {
    this.refuseWrites();
    let rowid: number | bigint | null;
    if (this.groupCommit <= 1) rowid = this.inWriteTransaction(() => this.saveOneMarked(article, events, marking));
    else {
      this.throwGroupError();
      if (!this.db.inTransaction) this.openGroup();
      rowid = this.saveInGroupMarked(article, events, marking);
      if (rowid !== null) this.ftsQueue.push({ rowid, title: article.title ?? '', text: article.text });
      if (++this.pending >= this.groupCommit) this.commitGroup();
    }
    if (rowid === null) return false;
    marking.stored(Number(rowid));
    return true;
  }

  /**
   * Inside the write transaction (the write lock held, so nobody stores meanwhile): learn what other
   * writers stored since the marking's cursor, give it the texts it needs, store its decision.
   */
  private markAndInsert(article: Article, events: Event[], marking: DuplicateMarking): number | bigint | null {
    if (this.stmt('SELECT 1 FROM articles WHERE id = ?').get(article.id)) return null;
    marking.learn(this.storedAfter(marking.cursor()));
    const textOf = this.stmt('SELECT text FROM articles WHERE id = ?');
    for (const id of marking.textsNeeded()) {
      const row = textOf.get(id) as { text: string } | undefined;
      if (row) marking.giveText(id, row.text);
    }
    const { duplicate_of, signature } = marking.decide();
    article.duplicate_of = duplicate_of;
    return this.insertRows(article, events, signature);
  }

  private storedAfter(seq: number): StoredSignature[] {
    const rows = this.stmt('SELECT seq, id, minhash, duplicate_of FROM articles WHERE seq > ? ORDER BY seq').all(seq) as {
      seq: number;
      id: string;
      minhash: Buffer | null;
      duplicate_of: string | null;
    }[];
    return rows.map((r) => ({ seq: r.seq, id: r.id, signature: r.minhash ? decodeMinhash(r.minhash) : null, duplicate_of: r.duplicate_of }));
  }

  /**
   * BEGIN IMMEDIATE: the write lock up front (two writers queue instead of deadlocking), asked for
   * every millisecond up to LOCK_WAIT_MS. SQLite's own busy handler sleeps longer and longer (up to
   * 100 ms) between tries, and a bulk ingest that commits a group and begins the next a few
   * milliseconds later would win the lock every time: another writer (the server) could wait
   * for seconds.
   */
  private beginImmediate(): void {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        this.stmt('BEGIN IMMEDIATE').run();
        return;
      } catch (err) {
        if (!/^SQLITE_BUSY/.test((err as { code?: string }).code ?? '') || Date.now() > deadline) throw err;
        Atomics.wait(PAUSE, 0, 0, 1);
      }
    }
  }

  /** fn (a better-sqlite3 transaction: run inside, it is a savepoint) in a write transaction of its own. */
  private inWriteTransaction<T>(fn: () => T): T {
    this.beginImmediate();
    try {
      const result = fn();
      this.stmt('COMMIT').run();
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.stmt('ROLLBACK').run();
      throw err;
    }
  }

  private openGroup(): void {
    this.beginImmediate();
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
      outlet: article.outlet ?? null,
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

  async minhashes(): Promise<StoredSignature[]> {
    const rows = this.stmt('SELECT seq, id, minhash, duplicate_of FROM articles WHERE minhash IS NOT NULL ORDER BY seq').all() as {
      seq: number;
      id: string;
      minhash: Buffer;
      duplicate_of: string | null;
    }[];
    return rows.map((r) => ({ seq: r.seq, id: r.id, signature: decodeMinhash(r.minhash), duplicate_of: r.duplicate_of }));
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
    return (await this.searchRanked(query, { limit })).hits;
  }

  /**
   * Ranks (bm25, as FTS5's rank) only the `candidates` most recently stored matches: finding them
   * walks the index backwards and stops, so a query of very common words ("the") costs what a
   * query matching `candidates` articles costs. Snippets are made for the hits alone, from their
   * text (snippet.ts: FTS5's snippet() costs about a millisecond per hit for a common word).
   */
  async searchRanked(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    const match = ftsQuery(query);
    if (match === null) return { hits: [], cut: false, ranked: 0 };
    const limit = Math.max(0, Math.floor(opts.limit ?? 20));
    const candidates = Math.max(1, Math.floor(opts.candidates ?? DEFAULT_SEARCH_CANDIDATES));
    // This connection's open group is searchable too, as its other rows are readable.
    if (this.db.inTransaction) this.flushFts();
    const edge = this.stmt('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').get(match, candidates) as
      | { rowid: number }
      | undefined;
    const after = edge?.rowid ?? 0;
    const ranked = edge
      ? candidates
      : (this.stmt('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(match) as { n: number }).n;
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    const top = this.stmt('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? ORDER BY bm25(articles_fts), rowid LIMIT ? OFFSET ?')
      .all(match, after, limit, offset) as { rowid: number }[];
    const lead = opts.lead === undefined ? null : Math.max(0, Math.floor(opts.lead));
    const rowOf = this.stmt('SELECT id, title, published, text FROM articles WHERE seq = ?');
    const hits = top.flatMap(({ rowid }): SearchHit[] => {
      const a = rowOf.get(rowid) as { id: string; title: string | null; published: string | null; text: string } | undefined;
      if (!a) return [];
      const hit: SearchHit = { article: a.id, title: a.title, published: a.published, snippet: hitSnippet(a.title, a.text, query) };
      if (lead !== null) hit.lead = a.title ? null : a.text.slice(0, lead);
      return [hit];
    });
    return { hits, cut: edge !== undefined, ranked };
  }

  async eventFacts(filter: MentionFilter = {}): Promise<EventFact[]> {
    checkEventFilter(filter);
    const where = eventWhere(filter, sqlitePlaceholder);
    // json_extract gives objects as JSON text, booleans as 1/0.
    const sql = factsSql(where.sql, (name) => `json_extract(data, '$.${name}')`);
    return (this.stmt(sql).all(...where.params) as FactRow[]).map(rowToFact);
  }

  async countEvents(filter: MentionFilter = {}): Promise<number> {
    checkEventFilter(filter);
    const where = eventWhere(filter, sqlitePlaceholder);
    return (this.stmt(`SELECT count(*) AS n FROM events${where.sql}`).get(...where.params) as { n: number }).n;
  }

  async outlets(ids: string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const part of chunks(ids)) {
      const rows = this.db.prepare(`SELECT id, outlet FROM articles WHERE id IN ${placeholders(part.length)}`).all(...part) as { id: string; outlet: string | null }[];
      for (const r of rows) out.set(r.id, r.outlet);
    }
    return out;
  }

  async counts(): Promise<{ articles: number; events: number }> {
    const row = this.stmt('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events')
      .get() as { articles: number; events: number };
    return row;
  }

  async close(): Promise<void> {
    try {
      if (!this.readOnly) this.commitGroup();
    } finally {
      if (this.readOnly) this.db.close();
      else closeWriter(this.db);
    }
    this.throwGroupError();
  }
}
