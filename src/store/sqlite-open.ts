// Opening a SQLite file for writing or for reading only. Reading never writes: no journal-mode
// switch, no migration, nothing created beside the file when it cannot be written. Writing checks
// it can before it starts, and a failed open removes the -wal/-shm/-journal files it made.
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion, SCHEMA_VERSION } from './schema-sqlite.js';

/** Files SQLite keeps beside a database. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Largest WAL-mode file read into memory when SQLite could not read it in place (see openForReading). */
const MAX_IMAGE_BYTES = 2 * 1024 ** 3;

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first 100 bytes (SQLite's header), or an empty buffer for an empty file. */
function header(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    return buf.subarray(0, readSync(fd, buf, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
}

const MAGIC = 'SQLite format 3\0';

/** A file-system or SQLite failure as the few words a person needs. */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_READONLY')) return 'it is read-only';
  if (e?.code === 'SQLITE_NOTADB') return 'not a database (not a SQLite file)';
  if (e?.code === 'SQLITE_CORRUPT') return 'the file is damaged (not a valid SQLite database)';
  if (e?.code === 'SQLITE_FULL') return 'no space left on the disk';
  return e instanceof Error ? e.message : String(err);
}

export class DatabaseOpenError extends Error {}

/**
 * The file opened read-only and checked: a demarche database of this schema version. A WAL-mode
 * file needs its -shm index beside it; when none exists and none can be made (a folder the user
 * cannot write) or should be (a file the user cannot write: nothing may be left behind), the
 * file's current content is read into memory instead, as a snapshot.
 */
export function openForReading(file: string): Database.Database {
  let head: Buffer;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    head = header(file);
  } catch (err) {
    throw new DatabaseOpenError(`cannot read database ${file}: ${reason(err)}`);
  }
  if (head.length > 0 && head.subarray(0, 16).toString('latin1') !== MAGIC) {
    throw new DatabaseOpenError(`cannot read database ${file}: not a database (not a SQLite file)`);
  }
  const wal = head.length > 18 && head[18] === 2;
  const atRest = !SIDE_FILES.some((s) => existsSync(file + s));
  const inPlace = !(wal && atRest && !writable(file));
  let db: Database.Database;
  try {
    db = inPlace ? openInPlace(file) : openImage(file);
  } catch (err) {
    if (!(inPlace && wal && atRest)) throw new DatabaseOpenError(`cannot read database ${file}: ${reason(err)}`);
    try {
      db = openImage(file); // a folder SQLite cannot create its -shm in
    } catch (again) {
      throw new DatabaseOpenError(`cannot read database ${file}: ${reason(again)}`);
    }
  }
  try {
    checkSchema(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function openInPlace(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // reading needs the -shm index in WAL mode
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The file's bytes as an in-memory database (marked as not WAL, which an image cannot be). */
function openImage(file: string): Database.Database {
  if (statSync(file).size > MAX_IMAGE_BYTES) {
    throw new Error('it is in WAL mode in a folder SQLite cannot write, and too large to read into memory; copy it somewhere writable');
  }
  const bytes = readFileSync(file);
  if (bytes.length > 19) bytes[18] = bytes[19] = 1;
  const db = new Database(bytes);
  db.pragma('query_only = 1');
  return db;
}

function checkSchema(db: Database.Database, file: string): void {
  let version: number;
  try {
    version = schemaVersion(db);
  } catch (err) {
    throw new DatabaseOpenError(`cannot read database ${file}: ${reason(err)}`);
  }
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) {
    throw new DatabaseOpenError(`database ${file} has schema version ${version}, newer than this demarche (${SCHEMA_VERSION}); upgrade demarche`);
  }
  throw new SchemaTooOld(
    version === 0
      ? `${file} is not a demarche database yet (no tables); run \`demarche ingest --db ${file}\` first`
      : `database ${file} has schema version ${version}, older than this demarche (${SCHEMA_VERSION}), and cannot be upgraded without writing to it: ` +
          `run any write command on it once as a user who can write it (e.g. \`demarche ingest --db ${file} /dev/null\`)`,
  );
}

/** A readable database whose schema needs a migration (which reading may not do). */
export class SchemaTooOld extends DatabaseOpenError {}

/**
 * Reading a database whose schema is older: upgraded first when this user can write it (as opening
 * it for writing always did), else the SchemaTooOld message.
 */
export function openForReadingUpgraded(file: string): Database.Database {
  try {
    return openForReading(file);
  } catch (err) {
    if (!(err instanceof SchemaTooOld) || !canWrite(file)) throw err;
    openForWriting(file).close();
    return openForReading(file);
  }
}

/** True when this user may write the file and create its -wal and -shm beside it. */
export function canWrite(file: string): boolean {
  const dir = dirname(resolve(file));
  return (existsSync(file) ? writable(file) : true) && writable(dir);
}

/**
 * The file opened for writing (created when missing): WAL mode, migrated. Checks first that it can
 * be written, naming the file; a failure removes whatever this attempt created.
 */
export function openForWriting(file: string): Database.Database {
  const existed = existsSync(file);
  const before = new Set(SIDE_FILES.filter((s) => existsSync(file + s)));
  const dir = dirname(resolve(file));
  if (existed && statSync(file).isDirectory()) throw new DatabaseOpenError(`cannot open database ${file}: is a directory`);
  if (existed && !writable(file)) throw new DatabaseOpenError(`cannot write database ${file}: permission denied (this user may not write the file)`);
  if (existsSync(dir) && !writable(dir)) {
    throw new DatabaseOpenError(`cannot write database ${file}: its folder ${dir} is not writable (SQLite keeps its -wal and -shm files there)`);
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    // busy_timeout first: makes concurrent writers (and the WAL switch) wait instead of failing
    // with SQLITE_BUSY. WAL lets readers (web UI, brief) run while an ingest writes.
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    // From now on the store waits for the write lock itself (sqlite.ts: beginImmediate); reads in
    // WAL mode never wait.
    db.pragma('busy_timeout = 0');
    return db;
  } catch (err) {
    db?.close();
    for (const s of SIDE_FILES) if (!before.has(s)) rmSync(file + s, { force: true });
    if (!existed) rmSync(file, { force: true });
    const verb = existed ? 'write' : 'create';
    throw new DatabaseOpenError(`cannot ${verb} database ${file}: ${reason(err)}`);
  }
}

/**
 * Closes a writer's connection. When it is the last one on the file, the file is left in rollback
 * (DELETE) journal mode: a WAL file at rest cannot be read where its -shm cannot be created (a
 * read-only folder), a rollback one can. The next writer switches back to WAL. With other
 * connections open the switch fails at once (no wait) and the file stays in WAL mode.
 */
export function closeWriter(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch {
    /* another connection has it open: it stays in WAL mode */
  }
  db.close();
}
