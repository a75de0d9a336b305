// One small SQL interface over both backends, for the tables that need no backend-specific speed
// (feed state, alerts): statements are written once with "?" placeholders in the SQL both SQLite
// and PostgreSQL accept, and each runner adapts them. Several writes that must land together go
// as one batch, which runs as one transaction (no other code can interleave with it).
import type Database from 'better-sqlite3';
import type pg from 'pg';

export interface Statement {
  sql: string;
  params?: unknown[];
}

export interface SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement; resolves with the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs the statements in one transaction; resolves with the rows each changed. */
  batch(statements: Statement[]): Promise<number[]>;
}

/** Runs fn holding the database's write lock, in a transaction of its own (BEGIN IMMEDIATE ... COMMIT). */
export type SqliteWriteLock = <T>(fn: () => T) => T;

/**
 * writeLock: how a write takes the lock when no transaction is open. The store passes its own, so
 * these writes wait for another writer as its saves do (its connection does not wait by itself).
 */
export function sqliteRunner(db: Database.Database, writeLock?: SqliteWriteLock): SqlRunner {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const runOne = (s: Statement): number => prepare(s.sql).run(...(s.params ?? [])).changes;
  // A savepoint when a transaction is already open on this connection (bulk ingest's group commit).
  const inTransaction = db.transaction((statements: Statement[]) => statements.map(runOne));
  const lock: SqliteWriteLock = writeLock ?? (<T>(fn: () => T): T => db.transaction(fn).immediate());
  // Inside an open transaction (a group commit) the lock is already held.
  const write = <T>(fn: () => T): T => (db.inTransaction ? fn() : lock(fn));
  return {
    dialect: 'sqlite',
    async all<T>(sql: string, params: unknown[] = []) {
      const st = prepare(sql);
      // INSERT/UPDATE ... RETURNING writes too.
      return (st.readonly ? st.all(...params) : write(() => st.all(...params))) as T[];
    },
    async run(sql, params = []) {
      return write(() => runOne({ sql, params }));
    },
    async batch(statements) {
      return write(() => inTransaction(statements));
    },
  };
}

/** "?" -> "$1", "$2", ... outside quoted strings. */
export function toPostgresPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|\?/g, (m) => (m === '?' ? `$${++n}` : m));
}

export function postgresRunner(pool: pg.Pool): SqlRunner {
  const text = new Map<string, string>();
  const convert = (sql: string): string => {
    let t = text.get(sql);
    if (t === undefined) text.set(sql, (t = toPostgresPlaceholders(sql)));
    return t;
  };
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(convert(sql), params)).rows as T[];
    },
    async run(sql, params = []) {
      return (await pool.query(convert(sql), params)).rowCount ?? 0;
    },
    async batch(statements) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const changed: number[] = [];
        for (const s of statements) changed.push((await client.query(convert(s.sql), s.params ?? [])).rowCount ?? 0);
        await client.query('COMMIT');
        client.release();
        return changed;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(true);
        throw err;
      }
    },
  };
}

/** "(?, ?, ?)" for n values. */
export function placeholders(n: number): string {
  return `(${Array.from({ length: n }, () => '?').join(', ')})`;
}

/** Splits a list for IN (...) clauses (SQLite caps bound parameters). */
export function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
