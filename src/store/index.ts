// Opening a store: a file path means SQLite (embedded default), a postgres:// URL means PostgreSQL.
import type { Store } from './types.js';
import { openSqliteStore } from './sqlite.js';
export type { Store, EventFilter, ArticleRow, SearchHit } from './types.js';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Open the store named by a file path (SQLite, the default) or a postgres:// URL. */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) {
    // Loaded lazily: SQLite users never pay for (or need) the pg driver.
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(location);
  }
  return openSqliteStore(location);
}
