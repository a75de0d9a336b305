// What every command shares: the database option, one-line errors, exit statuses, JSON Lines output.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DatabaseOpenError, isPostgresUrl, openStore, type OpenOptions, type Store } from '../store/index.js';

/** Exit statuses, the same for every command (listed in `demarche --help`). */
export const EXIT = {
  ok: 0,
  /** The database could not be opened or written, or no input at all could be read. */
  error: 1,
  /** Unknown command or option, or an option value that does not parse. */
  usage: 2,
  /** The command finished, but some inputs could not be read (one stderr line each). */
  partial: 3,
  /** Stopped by Ctrl-C after storing what was in flight (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

/** A user-facing failure: printed as one line on stderr, exit code 1 (or the given code). */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.error) {
    super(message);
  }
}

/** A bad option value: like an unknown option, exit status 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Exit status of a batch: everything read, some of it, or none of it. */
export function batchExitCode(succeeded: number, failed: number): number {
  if (failed === 0) return EXIT.ok;
  return succeeded > 0 ? EXIT.partial : EXIT.error;
}

export const DEFAULT_DB = 'demarche.db';

/** Adds `--db FILE|URL` (default $DEMARCHE_DB or ./demarche.db). */
export function dbOption(cmd: Command): Command {
  return cmd.option('--db <file|url>', 'SQLite file or postgres:// URL (default: $DEMARCHE_DB or ./demarche.db)');
}

export function dbLocation(opts: { db?: string }): string {
  return opts.db ?? process.env.DEMARCHE_DB ?? DEFAULT_DB;
}

/** Read-only commands must not silently create an empty database at a mistyped path. */
export function requireExistingDb(opts: { db?: string }): void {
  const location = dbLocation(opts);
  if (!isPostgresUrl(location) && !existsSync(location)) {
    throw new UserError(`no database at ${location} (run \`demarche ingest\` first, or pass --db)`);
  }
}

/** Parses a positive whole-number option (--limit, --jobs), naming the option when it does not parse. */
export function positiveInt(option: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a positive whole number' : `a whole number from 1 to ${max}`;
    throw new UsageError(`${option} takes ${range} (got "${value}")`);
  }
  return n;
}

/**
 * Opens the store, runs fn, always closes it. Read commands pass `readOnly`: the store is then
 * opened without writing anything (a database this user cannot write still reads). A store that
 * cannot be opened is a one-line UserError naming it.
 */
export async function withStore<T>(opts: { db?: string }, fn: (store: Store) => Promise<T>, open: OpenOptions = {}): Promise<T> {
  let store: Store;
  try {
    store = await openStore(dbLocation(opts), open);
  } catch (err) {
    if (err instanceof DatabaseOpenError || (err instanceof Error && err.constructor === Error)) throw new UserError(err.message);
    throw err;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Writes one JSON object per line. Returns a promise that waits for stdout to drain when its buffer
 * is full, so that listing a large database through a slow pipe keeps memory flat.
 */
export function writeJsonLine(obj: unknown): Promise<void> | void {
  if (process.stdout.write(JSON.stringify(obj) + '\n')) return;
  return new Promise((resolve) => {
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('close', done);
  });
}
