// Opening a store: a file path means SQLite (embedded default), a postgres:// URL means PostgreSQL.
import type { Store } from './types.js';
import { openSqliteStore } from './sqlite.js';
export type { Store, EventFilter, MentionFilter, ArticleRow, SearchHit, SearchResult } from './types.js';
export { canWrite as canWriteSqlite, DatabaseOpenError } from './sqlite-open.js';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenOptions {
  /**
   * Bulk loading (`demarche ingest`): SQLite commits articles in groups (each article still whole
   * or absent; a crash loses at most the open group, which a re-run stores). Faster by about a quarter.
   */
  bulk?: boolean;
  /**
   * For reading only (read commands, the server's readers): nothing is written, not even a schema
   * migration, so a database this user cannot write still reads (SQLite: sqlite-open.ts).
   */
  readOnly?: boolean;
  /** PostgreSQL: most connections this store opens (default 10). */
  connections?: number;
}

/** Articles per SQLite commit group in bulk mode. */
const BULK_GROUP = 64;

/** Open the store named by a file path (SQLite, the default) or a postgres:// URL. */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    // Loaded lazily: SQLite users never pay for (or need) the pg driver.
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(location, { readOnly: options.readOnly, max: options.connections });
  }
  if (options.readOnly) return openSqliteStore(location, { readOnly: true });
  return openSqliteStore(location, options.bulk ? { groupCommit: BULK_GROUP } : {});
}
