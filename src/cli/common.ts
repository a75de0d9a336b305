// What every command shares: the database option, one-line errors, JSON Lines output.
import type { Command } from 'commander';
import { openStore, type Store } from '../store/index.js';

/** A user-facing failure: printed as one line on stderr, exit code 1 (or the given code). */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export const DEFAULT_DB = 'demarche.db';

/** Adds `--db FILE|URL` (default $DEMARCHE_DB or ./demarche.db). */
export function dbOption(cmd: Command): Command {
  return cmd.option('--db <file|url>', 'SQLite file or postgres:// URL (default: $DEMARCHE_DB or ./demarche.db)');
}

export function dbLocation(opts: { db?: string }): string {
  return opts.db ?? process.env.DEMARCHE_DB ?? DEFAULT_DB;
}

/** Opens the store, runs fn, always closes it. */
export async function withStore<T>(opts: { db?: string }, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbLocation(opts));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Writes one JSON object per line; resolves when stdout has taken it (large outputs, pipes). */
export function writeJsonLine(obj: unknown): boolean {
  return process.stdout.write(JSON.stringify(obj) + '\n');
}
