// The embedded default store: one SQLite file (WAL, FTS5) via better-sqlite3.
import Database from 'better-sqlite3';
import type { Article, Event, MergedEvent } from '../model.js';
import { migrate } from './schema-sqlite.js';
import {
  EVENT_ORDER,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  articleAnnotations,
  checkFilter,
  decodeMinhash,
  encodeMinhash,
  eventRow,
  eventWhere,
  eventsFor,
  ftsQuery,
  mergedFor,
  rowToArticle,
  rowToEvent,
  sqlitePlaceholder,
  type ArticleDbRow,
} from './shared.js';
import type { ArticleRow, EventFilter, SearchHit, Store } from './types.js';

const ARTICLE_ROW_COLUMNS = 'id, source, url, title, published, language, text, duplicate_of';

export function openSqliteStore(file: string): Store {
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
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  private readonly insertArticle;
  private readonly insertFts;
  private readonly insertEvent;
  /** Prepared once per SQL text: compiling a statement costs more than running a small one. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.insertArticle = db.prepare(
      `INSERT INTO articles (id, source, url, title, published, language, day_first, text, duplicate_of, annotations, minhash, stored_at)
       VALUES (@id, @source, @url, @title, @published, @language, @day_first, @text, @duplicate_of, @annotations, @minhash, @stored_at)
       ON CONFLICT(id) DO NOTHING`,
    );
    this.insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    this.insertEvent = db.prepare(
      `INSERT INTO events (id, article, source, target, type, date, date_lo, date_hi, actors_lc, data)
       VALUES (@id, @article, @source, @target, @type, @date, @date_lo, @date_hi, @actors_lc, @data)
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
    const save = this.db.transaction((): boolean => {
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
      if (info.changes === 0) return false; // already stored: re-ingest is a no-op
      this.insertFts.run(info.lastInsertRowid, article.title ?? '', article.text);
      for (const e of events) {
        if (e.article !== article.id) throw new Error(`event ${e.id} belongs to article ${e.article}, not ${article.id}`);
        this.insertEvent.run(eventRow(e));
      }
      return true;
    });
    // IMMEDIATE: take the write lock up front so two writers queue instead of deadlocking.
    return save.immediate();
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.stmt(`SELECT ${ARTICLE_ROW_COLUMNS}, day_first, annotations FROM articles WHERE id = ?`)
      .get(id) as ArticleDbRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async listArticles(opts: { limit?: number; offset?: number } = {}): Promise<ArticleRow[]> {
    return this.stmt(`SELECT ${ARTICLE_ROW_COLUMNS} FROM articles ORDER BY seq LIMIT ? OFFSET ?`)
      .all(opts.limit ?? -1, opts.offset ?? 0) as ArticleRow[];
  }

  async minhashes(): Promise<{ id: string; signature: Uint32Array }[]> {
    const rows = this.stmt('SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY seq').all() as {
      id: string;
      minhash: Buffer;
    }[];
    return rows.map((r) => ({ id: r.id, signature: decodeMinhash(r.minhash) }));
  }

  /** Matching events in EVENT_ORDER; paging in SQL unless contested needs the merge first. */
  private loadEvents(filter: EventFilter, paged: boolean): Event[] {
    const where = eventWhere(filter, sqlitePlaceholder);
    let sql = `SELECT data FROM events${where.sql} ${EVENT_ORDER}`;
    const params = [...where.params];
    if (paged) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(filter.limit ?? -1, filter.offset ?? 0);
    }
    return (this.stmt(sql).all(...params) as { data: string }[]).map(rowToEvent);
  }

  private duplicateLinks(): Map<string, string> {
    const rows = this.stmt('SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL').all() as {
      id: string;
      duplicate_of: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.duplicate_of]));
  }

  async events(filter: EventFilter = {}): Promise<Event[]> {
    checkFilter(filter);
    if (!filter.contested) return this.loadEvents(filter, true);
    return eventsFor(this.loadEvents(filter, false), this.duplicateLinks(), filter);
  }

  async getEvent(id: string): Promise<Event | null> {
    const row = this.stmt('SELECT data FROM events WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? rowToEvent(row) : null;
  }

  async mergedEvents(filter: EventFilter = {}): Promise<MergedEvent[]> {
    checkFilter(filter);
    return mergedFor(this.loadEvents(filter, false), this.duplicateLinks(), filter);
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (match === null) return [];
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
    if (this.db.open) this.db.close();
  }
}
