// Near-duplicate marking with two writers: two `demarche ingest` runs over overlapping, interleaved
// halves of the conflict-news corpus, one after the other into one SQLite file, then both at once into another.
// Exact marking gives both files the same articles and the same near-duplicate groups.
//
//   node dist/bench/concurrent-ingest.js          # or: npm run bench -- concurrent-ingest
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, sharedDataDir } from '../eval/common.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const BIN = process.env.BENCH_LOAD_BIN ?? join(REPO_ROOT, 'bin', 'demarche.js');

function ingest(file: string, db: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db, '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => (code === 0 || code === 3 ? resolve(stderr.trim().split('\n').pop() ?? '') : reject(new Error(stderr.trim()))));
  });
}

/** The near-duplicate groups (ids under their first article) and how many articles are marked. */
async function groups(db: string): Promise<{ articles: number; marked: number; key: string }> {
  const store = openSqliteStore(db, { readOnly: true });
  try {
    const rows = await store.listArticles();
    const byRoot = new Map<string, string[]>();
    for (const r of rows) byRoot.set(r.duplicate_of ?? r.id, [...(byRoot.get(r.duplicate_of ?? r.id) ?? []), r.id]);
    const key = [...byRoot.values()].map((g) => g.sort().join(',')).sort().join('|');
    return { articles: rows.length, marked: rows.filter((r) => r.duplicate_of).length, key };
  } finally {
    await store.close();
  }
}

export async function run(dataDir: string | null): Promise<string[]> {
  if (!dataDir) return ['concurrent-ingest: skipped (needs ../shared/data for corpora/conflict_news)'];
  const lines = readFileSync(join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const work = join(tmpdir(), 'demarche-concurrent-ingest');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Overlapping halves, interleaved: even records and odd records, the middle fifth in both. A
  // story's copies (often next to each other) go to different writers at about the same time.
  const inMiddle = (i: number): boolean => i >= 0.4 * lines.length && i < 0.6 * lines.length;
  const half = (parity: number): string => lines.filter((_, i) => i % 2 === parity || inMiddle(i)).join('\n') + '\n';
  const first = join(work, 'first.jsonl');
  const second = join(work, 'second.jsonl');
  writeFileSync(first, half(0));
  writeFileSync(second, half(1));
  const one = join(work, 'sequential.db');
  const both = join(work, 'concurrent.db');
  let t = performance.now();
  const seq = [await ingest(first, one), await ingest(second, one)];
  const seqSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const con = await Promise.all([ingest(first, both), ingest(second, both)]);
  const conSeconds = (performance.now() - t) / 1000;
  const a = await groups(one);
  const b = await groups(both);
  return [
    `concurrent-ingest: ${new Date().toISOString()}, ${BIN}; two ingests of overlapping, interleaved halves of conflict_news (${lines.length} records); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    `  one after the other: ${a.articles} articles, ${a.marked} near-duplicates marked (${seqSeconds.toFixed(0)} s; ${seq.join(' / ')})`,
    `  both at once:        ${b.articles} articles, ${b.marked} near-duplicates marked (${conSeconds.toFixed(0)} s; ${con.join(' / ')})`,
    `  same groups: ${a.key === b.key ? 'yes' : 'NO'}`,
  ];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  run(sharedDataDir()).then(
    (out) => process.stdout.write(out.join('\n') + '\n'),
    (err: unknown) => {
      process.stderr.write(`concurrent-ingest: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
