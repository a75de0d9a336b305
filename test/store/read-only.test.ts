// A database the user cannot write still reads: every read command and `serve` open it read-only
// (no journal-mode switch, no migration, nothing created beside it), whether the file, its folder
// or both are read-only, and whether it was left in WAL mode or not; write commands name the file
// in one line and leave nothing behind. Runs the real binary as an unprivileged user (when the
// tests run as root, as uid 65534: root may write anything, so it could not show this).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema-sqlite.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ROOT } from '../fixtures/paths.js';

const BIN = join(ROOT, 'bin', 'demarche.js');
const SEEDS = join(ROOT, 'examples', 'seeds');
const SEED_FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f));
const ROOT_USER = process.getuid?.() === 0;
/** Whom the commands run as: an unprivileged user when we are root, else ourselves. */
const AS = ROOT_USER ? { uid: 65534, gid: 65534 } : {};

/** Why the unprivileged user cannot run this checkout (e.g. it lives under /root), or null. */
function unprivilegedSkip(): string | null {
  if (!ROOT_USER) return null;
  const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { ...AS, encoding: 'utf8' });
  return r.status === 0 ? null : `uid 65534 cannot run node or read ${BIN} — skipping the read-only database tests`;
}
const skip = unprivilegedSkip();
if (skip) console.warn(skip);

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function demarche(args: string[], user = AS): Promise<Ran> {
  const env = { ...process.env, HOME: tmpdir() };
  delete env.DEMARCHE_DB;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A database as the version before the latest left it (no events.confidence column yet), with one
 * article and one event stored then.
 */
function olderDatabase(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
  for (const m of MIGRATIONS.slice(0, -1)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
  }
  db.prepare(
    `INSERT INTO articles (id, source, day_first, text, annotations, stored_at)
     VALUES ('old1', 'old.txt', 0, 'Lavrov met Kerry.', '{"sentences":[],"entities":[],"dates":[]}', '2020-01-01T00:00:00Z')`,
  ).run();
  const event = {
    id: 'old1e0', article: 'old1', source_file: 'old.txt', source: 'RUSGOV', target: 'USAGOV', type: 'CONSULT', cameo: '040',
    goldstein: 1, mode: null, negated: false, hypothetical: false, claimed_by: null, date: '2015-01-01', location: null,
    actors: [], evidence: { start: 0, end: 17, text: 'Lavrov met Kerry.' },
  };
  db.prepare(
    `INSERT INTO events (id, article, source, target, type, date, date_lo, date_hi, actors_lc, data)
     VALUES ('old1e0', 'old1', 'RUSGOV', 'USAGOV', 'CONSULT', '2015-01-01', '2015-01-01', '2015-01-01', '', ?)`,
  ).run(JSON.stringify(event));
  db.close();
}

describe('an older schema opened for reading', () => {
  it('is upgraded first when this user may write it, then read (old events count as confidence 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarche-older-'));
    try {
      const db = join(dir, 'older.db');
      olderDatabase(db);
      const store = openSqliteStore(db, { readOnly: true });
      try {
        expect(await store.counts()).toEqual({ articles: 1, events: 1 });
        const events = await store.events({ min_confidence: 0.9 });
        expect(events.map((e) => [e.id, e.confidence])).toEqual([['old1e0', 1]]);
        expect(await store.alerts.list()).toEqual([]);
      } finally {
        await store.close();
      }
      const check = new Database(db, { readonly: true });
      expect((check.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number }).v).toBe(SCHEMA_VERSION);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

let base: string;
/** A database of the seed articles as ingest leaves it (rollback journal at rest). */
let pristine: string;
/** The same left in WAL mode (as an older demarche, or a writer that was not alone, left it). */
let walPristine: string;
/** What the read commands print on a writable copy (the expected output). */
const expected: Record<string, string> = {};

const READS: [string, string[]][] = [
  ['articles', ['articles']],
  ['events', ['events', '--dyad', 'RUS,USA']],
  ['brief', ['brief', '--dyad', 'RUS,USA', '--format', 'md']],
  ['export', ['export', '--format', 'csv']],
  ['alert list', ['alert', 'list']],
  ['alert hits', ['alert', 'hits']],
  ['watch --status', ['watch', '--status']],
];

beforeAll(async () => {
  if (skip) return;
  base = mkdtempSync(join(tmpdir(), 'demarche-readonly-'));
  chmodSync(base, 0o755);
  pristine = join(base, 'seeds.db');
  const ingest = await demarche(['ingest', ...SEED_FILES, '--db', pristine, '-q'], {});
  expect(ingest.code, ingest.stderr).toBe(0);
  const alert = await demarche(['alert', 'add', '--name', 'rus-usa', '--dyad', 'RUS,USA', '--db', pristine], {});
  expect(alert.code, alert.stderr).toBe(0);
  walPristine = join(base, 'seeds-wal.db');
  copyFileSync(pristine, walPristine);
  const d = new Database(walPristine);
  d.pragma('journal_mode = WAL');
  d.close();
  for (const [name, args] of READS) {
    const r = await demarche([...args, '--db', pristine], {});
    expect(r.code, r.stderr).toBe(0);
    expected[name] = r.stdout;
  }
  expect(expected.articles!.split('\n').length).toBeGreaterThan(5);
}, 120_000);

afterAll(() => {
  if (skip) return;
  // Give the folders back their write bit so they can be removed.
  for (const d of readdirSync(base)) chmodSync(join(base, d), 0o755);
  rmSync(base, { recursive: true, force: true });
});

/** A folder holding a copy of `from` as `name`, the file's and the folder's permissions as given. */
function place(from: string, label: string, fileMode: number, dirMode: number): { dir: string; db: string } {
  const dir = join(base, label);
  mkdirSync(dir);
  const db = join(dir, 'news.db');
  copyFileSync(from, db);
  chmodSync(db, fileMode);
  chmodSync(dir, dirMode);
  return { dir, db };
}

async function serveAndFetch(db: string): Promise<{ articles: unknown[]; ui: number; post: number; note: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--token', 't'], { cwd: tmpdir(), stdio: ['ignore', 'ignore', 'pipe'], ...AS });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d) => {
        err += d;
        if (err.includes('\n')) resolve(err.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    const url = /(http:\/\/\S+)/.exec(line)![1]!;
    const articles = (await (await fetch(`${url}/api/articles`)).json()) as { items: unknown[] };
    const ui = (await fetch(`${url}/`)).status;
    const post = (await fetch(`${url}/api/articles`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"text":"Lavrov met Kerry."}' })).status;
    return { articles: articles.items, ui, post, note: line };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

describe.skipIf(skip).each([
  ['rollback journal at rest', () => pristine],
  ['left in WAL mode', () => walPristine],
])('a read-only database (%s)', (_label, source) => {
  it.each([
    ['a 444 file in a folder the user cannot write', 0o444, 0o555],
    ['a 444 file in a folder the user can write', 0o444, 0o777],
    ['a writable file in a folder the user cannot write', 0o666, 0o555],
  ])('%s: every read command and serve work, and nothing is left beside it', async (label, fileMode, dirMode) => {
    const { dir, db } = place(source(), `${source() === pristine ? 'r' : 'w'}-${fileMode.toString(8)}-${dirMode.toString(8)}`, fileMode, dirMode);
    const before = readdirSync(dir);
    for (const [name, args] of READS) {
      const r = await demarche([...args, '--db', db]);
      expect(r.stderr, `${label}: ${name}`).toBe('');
      expect(r.code, `${label}: ${name}`).toBe(0);
      // Byte for byte, but for the day a brief says it was generated.
      const undated = (out: string): string => out.replace(/Generated \d{4}-\d{2}-\d{2}/, 'Generated (day)');
      expect(undated(r.stdout), `${label}: ${name}`).toBe(undated(expected[name]!));
    }
    const served = await serveAndFetch(db);
    expect(served.articles.length).toBe(5);
    expect(served.ui).toBe(200); // the built UI (dist/web)
    if (fileMode === 0o444 || !ROOT_USER) expect(readdirSync(dir)).toEqual(before);
    if (fileMode === 0o444) {
      expect(served.note).toMatch(/read-only database: POST \/api\/articles disabled/);
      expect(served.post).toBe(403);
    }
  }, 120_000);
});

describe.skipIf(skip)('writing where the user cannot', () => {
  it('ingest into a read-only file names it in one line and leaves nothing behind', async () => {
    for (const [label, dirMode] of [['ro-file-ro-dir', 0o555], ['ro-file-rw-dir', 0o777]] as const) {
      const { dir, db } = place(pristine, label, 0o444, dirMode);
      const before = readdirSync(dir);
      const r = await demarche(['ingest', join(SEEDS, '000_1443bbc182fad092.txt'), '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^demarche: cannot write database ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(readdirSync(dir)).toEqual(before);
    }
  }, 60_000);

  it('ingest into a new file in a folder the user cannot write names it and creates nothing', async () => {
    const dir = join(base, 'no-write');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const db = join(dir, 'new.db');
    const r = await demarche(['ingest', join(SEEDS, '000_1443bbc182fad092.txt'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^demarche: cannot (write|create) database .*new\.db: .*\n$/);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe.skipIf(skip)('read-only opening (store level)', () => {
  it('changes nothing in the file: no journal switch, no migration, writes refused with the file named', async () => {
    const dir = join(base, 'store-level');
    mkdirSync(dir);
    const db = join(dir, 'x.db');
    copyFileSync(pristine, db);
    const mode = (): number => new Database(db, { readonly: true }).pragma('journal_mode', { simple: true }) === 'wal' ? 2 : 1;
    const before = mode();
    const store = openSqliteStore(db, { readOnly: true });
    expect((await store.counts()).articles).toBe(5);
    await expect(store.saveArticle({} as never, [])).rejects.toThrow(`database ${db} is open for reading only`);
    await store.close();
    expect(mode()).toBe(before);
    expect(readdirSync(dir)).toEqual(['x.db']);
  });

  it('names an older schema it cannot upgrade and says how to upgrade it, in one line', async () => {
    const dir = join(base, 'older');
    mkdirSync(dir);
    const db = join(dir, 'older.db');
    olderDatabase(db);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    const r = await demarche(['events', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^demarche: database .*older\\.db has schema version ${SCHEMA_VERSION - 1}, older than this demarche \\(${SCHEMA_VERSION}\\), ` +
          'and cannot be upgraded without writing to it: run any write command on it once as a user who can write it .*\\n$',
      ),
    );
    expect(readdirSync(dir)).toEqual(['older.db']);
  });

  it('says what to do with a file that holds no demarche tables, when it cannot upgrade it', async () => {
    const dir = join(base, 'empty');
    mkdirSync(dir);
    const db = join(dir, 'empty.db');
    writeFileSync(db, '');
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    const r = await demarche(['articles', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^demarche: .*empty\.db is not a demarche database yet \(no tables\); run `demarche ingest --db .*` first\n$/);
  });
});
