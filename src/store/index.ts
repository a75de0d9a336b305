// PLACEHOLDER (being replaced by the store owner).
import type { Store } from './types.js';
export type { Store } from './types.js';

/** Open the store named by a file path (SQLite, the default) or a postgres:// URL. */
export async function openStore(_location: string): Promise<Store> {
  throw new Error('store not implemented yet');
}
