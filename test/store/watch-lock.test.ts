// Feed state and alerts are written under the store's write lock and wait for it as saves do: a
// store's SQLite connection does not wait by itself (sqlite.ts: beginImmediate), so without the
// store's own wait a watch round or an alert command would fail at once with SQLITE_BUSY while
// another process (an ingest, the server's writer) holds the lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { ROOT } from '../fixtures/paths.js';

const HOLD_MS = 300;
let dir: string;
let file: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-watch-lock-'));
  file = join(dir, 'watch.db');
  store = openSqliteStore(file);
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process takes the write lock and keeps it HOLD_MS; resolves once it has it. */
async function lockedElsewhere(): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${HOLD_MS});
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return { child, released };
}

async function waitsForTheLock<T>(write: () => Promise<T>): Promise<T> {
  const { released } = await lockedElsewhere();
  const started = performance.now();
  const result = await write();
  expect(performance.now() - started).toBeGreaterThan(HOLD_MS / 3);
  await released;
  return result;
}

describe('watch and alert writes on SQLite', () => {
  it('wait for another process holding the write lock instead of failing', async () => {
    const now = new Date().toISOString();
    // One statement.
    await waitsForTheLock(() => store.alerts.add('all', {}, null, now));
    // One statement with RETURNING (read through all()).
    const round = await waitsForTheLock(() => store.watch.startRound(now));
    // A batch of statements in one transaction.
    const added = await waitsForTheLock(() =>
      store.watch.recordFeed('https://news.example.org/feed.rss', { title: 'World', etag: null, last_modified: null, body_hash: null }, [
        { url: 'https://news.example.org/a', feed: 'https://news.example.org/feed.rss', title: 'A', published: null, content: null },
      ], now),
    );
    expect(added).toBe(1);
    expect((await store.alerts.list()).map((a) => a.name)).toEqual(['all']);
    expect((await store.watch.rounds(5)).map((r) => r.id)).toEqual([round]);
  }, 20_000);
});
