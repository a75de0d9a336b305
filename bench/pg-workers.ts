// Distributed throughput: N documents of the conflict-news corpus queued in PostgreSQL and processed
// by 1, 2 and 4 `demarche worker` processes. Baseline (same process, same documents): the local
// single-threaded `ingest` into SQLite. Also reports whether the load held: every document stored
// once, no failed jobs, database connections and load average while it ran.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../eval/common.js';
import { isProblem, readSources } from '../src/ingest/index.js';
import { ingestItems } from '../src/app/ingest.js';
import type { RawDocument } from '../src/model.js';
import { enqueueDocuments, pendingJobs } from '../src/queue/enqueue.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'pg-test-cluster.sh');
const BIN = join(REPO_ROOT, 'bin', 'demarche.js');
const PROCESSES = [1, 2, 4];

async function loadDocs(file: string, limit: number): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of readSources([file])) {
    if (!isProblem(item)) docs.push(item);
    if (docs.length >= limit) break;
  }
  return docs;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Runs n worker processes to the end; exit codes and the dedup-lock time they report. */
interface WorkerRun {
  code: number;
  /** User + system CPU seconds of the process (last sample before it exited). */
  cpuSeconds: number;
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** utime + stime of a live process, from /proc (null elsewhere or once it is gone). */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Runs n worker processes to the end. */
function runWorkers(url: string, n: number): Promise<WorkerRun[]> {
  return Promise.all(
    Array.from({ length: n }, () => {
      const p = spawn(process.execPath, [BIN, 'worker', '--db', url, '--until-empty', '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      let cpu = 0;
      p.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const sampler = setInterval(() => (cpu = cpuSecondsOf(p.pid!) ?? cpu), 200);
      return new Promise<WorkerRun>((resolve) =>
        p.on('exit', (code) => {
          clearInterval(sampler);
          if (code !== 0) process.stderr.write(err);
          resolve({ code: code ?? -1, cpuSeconds: cpu });
        }),
      );
    }),
  );
}

async function measure(base: string, docs: RawDocument[], processes: number) {
  const name = `bench_workers_${processes}_${process.pid}`;
  await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)));
  const url = withDatabase(base, name);
  const t0 = performance.now();
  await enqueueDocuments(url, docs);
  const enqueueMs = performance.now() - t0;
  let peakConnections = 0;
  let peakLoad = 0;
  const sampler = setInterval(() => {
    peakLoad = Math.max(peakLoad, loadavg()[0]!);
    void admin(base, (c) => c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]))
      .then((r) => (peakConnections = Math.max(peakConnections, r.rows[0]!.n)))
      .catch(() => undefined);
  }, 500);
  const t1 = performance.now();
  const workers = await runWorkers(url, processes);
  const codes = workers.map((w) => w.code);
  const cpuSeconds = workers.reduce((t, w) => t + w.cpuSeconds, 0);
  const wallMs = performance.now() - t1;
  clearInterval(sampler);
  const store = await openPostgresStore(url);
  const counts = await store.counts();
  const jobs = await pendingJobs(store);
  const problems = await store.problems();
  const duplicates = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE duplicate_of IS NOT NULL')).rows[0]!.n;
  const { rows } = await store.pool.query<{ s: number }>('SELECT extract(epoch FROM max(stored_at) - min(stored_at))::float AS s FROM articles');
  await store.close();
  await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return { enqueueMs, wallMs, steadyMs: rows[0]!.s * 1000, counts, jobs, problems, codes, cpuSeconds, peakConnections, peakLoad, duplicates };
}

export async function run(dataDir: string | null): Promise<string[]> {
  if (!dataDir) return ['pg-workers: ../shared/data not found; skipped (needs corpora/conflict_news)'];
  let base = process.env.DEMARCHE_TEST_PG ?? null;
  let own = false;
  if (!base) {
    try {
      base = execFileSync('bash', [SCRIPT, 'start'], { encoding: 'utf8' }).trim();
      own = true;
    } catch {
      return ['pg-workers: no PostgreSQL (set DEMARCHE_TEST_PG or install postgresql); skipped'];
    }
  }
  const limit = Number(process.env.BENCH_PG_DOCS ?? 2000);
  const docs = await loadDocs(join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl'), limit);
  const unique = new Set(docs.map((d) => d.id)).size;
  const lines = [`pg-workers: ${docs.length} conflict_news documents (${unique} distinct), ${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores`];
  try {
    const dir = mkdtempSync(join(tmpdir(), 'demarche-bench-'));
    const local = openSqliteStore(join(dir, 'local.db'));
    const t0 = performance.now();
    const baseline = await ingestItems(local, docs);
    const baselineMs = performance.now() - t0;
    await local.close();
    rmSync(dir, { recursive: true, force: true });
    const rate = (ms: number) => docs.length / (ms / 1000);
    lines.push(
      `pg-workers: baseline local ingest (SQLite, 1 thread, same process): ${rate(baselineMs).toFixed(0)} articles/s, ` +
        `${baseline.duplicates} near-duplicates marked`,
    );
    let one = 0;
    for (const n of PROCESSES) {
      const m = await measure(base, docs, n);
      const steady = rate(m.steadyMs);
      if (n === 1) one = steady;
      const held = m.counts.articles + m.problems.length === unique && m.jobs.pending === 0 && m.jobs.failed === 0 && m.codes.every((c) => c === 0);
      lines.push(
        `pg-workers: ${n} process(es): ${steady.toFixed(0)} articles/s steady (${rate(m.wallMs).toFixed(0)}/s wall incl. start-up), ` +
          `x${(steady / one).toFixed(2)} vs 1 process, x${(steady / rate(baselineMs)).toFixed(2)} vs baseline; ` +
          `enqueue ${rate(m.enqueueMs).toFixed(0)} docs/s; ${held ? 'held' : 'NOT HELD'}: ${m.counts.articles}/${unique} stored, ` +
          `${m.problems.length} reported unprocessable${m.problems[0] ? ` (e.g. "${m.problems[0].error}")` : ''}, ` +
          `${m.jobs.failed} failed jobs, peak ${m.peakConnections} connections, peak load ${m.peakLoad.toFixed(1)}; ` +
          `${m.duplicates} near-duplicates marked; worker CPU ${((1000 * m.cpuSeconds) / m.counts.articles).toFixed(1)} ms/article`,
      );
    }
  } finally {
    if (own) execFileSync('bash', [SCRIPT, 'stop', base]);
  }
  return lines;
}
