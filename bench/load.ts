// Load on `demarche serve` (all on loopback): C connections search the store's most common word
// for S seconds while another client (another loopback address) asks for /api/stats; then the same
// while `demarche ingest` writes new articles into the same file and a third client posts
// documents. Reports per request kind: count, p50/p90/p99/max latency, timeouts (no answer in
// 10 s), statuses other than 2xx; the server's peak memory; what the ingest stored.
//
//   node dist/bench/load.js                      # or: npm run bench -- load
//   BENCH_LOAD_CONNECTIONS=50 BENCH_LOAD_SECONDS=20 BENCH_LOAD_DB=/tmp/cn.db node dist/bench/load.js
//   BENCH_LOAD_BIN=../other-build/bin/demarche.js node dist/bench/load.js   # another version, same load
//
// The store is built once from corpora/conflict_news/conflict_news.jsonl (BENCH_LOAD_DB, default
// <tmp>/demarche-load/conflict_news.db) and copied for each scenario, so runs compare.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { REPO_ROOT, sharedDataDir } from '../eval/common.js';

/** The demarche under test (BENCH_LOAD_BIN: another build's bin/demarche.js, to compare versions). */
const BIN = process.env.BENCH_LOAD_BIN ?? join(REPO_ROOT, 'bin', 'demarche.js');
const TOKEN = 'load-bench-token';
const TIMEOUT_MS = 10_000;

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

interface Tally {
  latencies: number[];
  timeouts: number;
  statuses: Map<number, number>;
}

const tally = (): Tally => ({ latencies: [], timeouts: 0, statuses: new Map() });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(name: string, t: Tally, seconds: number): string {
  const s = [...t.latencies].sort((a, b) => a - b);
  const other = [...t.statuses].filter(([code]) => code < 200 || code > 299).map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
  const ms = (v: number): string => (Number.isNaN(v) ? '-' : `${Math.round(v)} ms`);
  return `| ${name} | ${s.length} | ${(s.length / seconds).toFixed(0)}/s | ${ms(percentile(s, 50))} | ${ms(percentile(s, 90))} | ${ms(percentile(s, 99))} | ${ms(s[s.length - 1] ?? NaN)} | ${t.timeouts} | ${other} |`;
}

/** One request on `agent`; resolves with the status (0 on a timeout or a broken connection). */
function request(agent: http.Agent, port: number, method: string, path: string, body?: string, timeoutMs = TIMEOUT_MS): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1', port, method, path, agent,
        headers: body ? { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** A client that sends requests one after another until `until`, from its own loopback address. */
async function client(port: number, until: number, t: Tally, next: () => { method: string; path: string; body?: string }, opts: { address?: string; pauseMs?: number } = {}): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, ...(opts.address ? { localAddress: opts.address } : {}) });
  while (Date.now() < until) {
    const { method, path, body } = next();
    const start = performance.now();
    const status = await request(agent, port, method, path, body);
    const took = performance.now() - start;
    if (status === 0) t.timeouts++;
    else t.latencies.push(took);
    t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  agent.destroy();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** `demarche ARGS` to its end. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** `demarche serve` on a free port; resolves once it listens. */
async function serve(db: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', String(port), '--token', TOKEN], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    lines.on('line', (l) => (l.includes('serving') ? resolve() : process.stderr.write(`serve: ${l}\n`)));
    child.on('exit', (code) => reject(new Error(`demarche serve exited (${code})`)));
  });
  return { child, port };
}

/** Peak resident memory of a process (Linux), in MB. */
function peakMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Some article ids, for the client that reads single articles. */
function someIds(db: string, n: number): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT id FROM articles ORDER BY random() LIMIT ?').all(n) as { id: string }[]).map((r) => r.id);
  } finally {
    d.close();
  }
}

/** The word in the most articles (FTS5's vocabulary of the index). */
function mostCommonWord(db: string): { word: string; articles: number } {
  const d = new Database(db, { readonly: true });
  try {
    d.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'articles_fts', 'row')");
    const row = d.prepare('SELECT term, doc FROM temp.vocab ORDER BY doc DESC LIMIT 1').get() as { term: string; doc: number };
    return { word: row.term, articles: row.doc };
  } finally {
    d.close();
  }
}

/** New versions of the corpus' records (a line added on top: new content, a near-copy of the old): what the concurrent ingest writes. */
async function rewrites(corpus: string, out: string): Promise<void> {
  const w = createWriteStream(out);
  for await (const line of createInterface({ input: createReadStream(corpus) })) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text?: string };
    if (typeof rec.text !== 'string') continue;
    if (!w.write(JSON.stringify({ ...rec, text: `Updated report. ${rec.text}` }) + '\n')) await new Promise<void>((r) => w.once('drain', () => r()));
  }
  await new Promise<void>((r) => w.end(() => r()));
}

interface Scenario {
  name: string;
  /** `demarche ingest` writes the same file meanwhile, and a client posts small documents. */
  ingest: boolean;
  /** A client posts one document of about BIG_POST_BYTES meanwhile. */
  bigPost?: boolean;
}

/** Just under the API's 5 MB body limit. */
const BIG_POST_BYTES = 4.8 * 1024 * 1024;

/** One long document made of the corpus' texts (new content, so it is really processed). */
function bigDocument(corpus: string): string {
  const texts: string[] = [`Compiled dossier ${Date.now()}.`];
  let size = 0;
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    if (size > BIG_POST_BYTES) break;
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { text?: string }).text;
    if (typeof text !== 'string') continue;
    texts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return JSON.stringify({ text: texts.join('\n\n').slice(0, BIG_POST_BYTES - 64) });
}

export async function run(dataDir: string | null): Promise<string[]> {
  if (!dataDir) return ['load: skipped (needs ../shared/data for corpora/conflict_news)'];
  const corpus = join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl');
  const connections = env('BENCH_LOAD_CONNECTIONS', 50);
  const seconds = env('BENCH_LOAD_SECONDS', 20);
  const work = join(tmpdir(), 'demarche-load');
  mkdirSync(work, { recursive: true });
  const store = process.env.BENCH_LOAD_DB ?? join(work, 'conflict_news.db');
  if (!existsSync(store)) {
    process.stderr.write(`load: building ${store} from ${corpus} (once)\n`);
    const built = await runCli(['ingest', corpus, '--db', store, '--jobs', '2', '-q']);
    if (built.code !== 0 && built.code !== 3) throw new Error(`building the store failed: ${built.stderr.trim()}`);
  }
  const { word, articles } = mostCommonWord(store);
  const ids = someIds(store, 500);
  const updates = join(work, 'updates.jsonl');
  if (!existsSync(updates)) await rewrites(corpus, updates);

  const out: string[] = [
    `load: ${new Date().toISOString()}, ${BIN}, ${connections} connections searching "${word}" (in ${articles} articles) for ${seconds} s; load average before ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  ];
  const scenarios: Scenario[] = [
    { name: 'quiet store', ingest: false },
    { name: 'while `demarche ingest` writes the same file', ingest: true },
    { name: `while a client posts one ${(BIG_POST_BYTES / 1024 / 1024).toFixed(1)} MB document`, ingest: false, bigPost: true },
  ];
  for (const sc of scenarios) {
    const db = join(work, 'scenario.db');
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });
    copyFileSync(store, db);
    const { child: server, port } = await serve(db);
    const ingest = sc.ingest ? spawn(process.execPath, [BIN, 'ingest', updates, '--db', db, '-q'], { stdio: ['ignore', 'ignore', 'pipe'] }) : null;
    let ingestSummary = '';
    ingest?.stderr!.on('data', (d) => (ingestSummary += d));
    // Warm-up, not measured: the server's pipeline thread loads its model on the first document,
    // and the ingest gets past its own start-up, so both are writing when the load begins.
    if (sc.ingest || sc.bigPost) await request(new http.Agent(), port, 'POST', '/api/articles', JSON.stringify({ text: `Warm-up dispatch ${Date.now()}: the minister met the ambassador in Geneva.` }));
    if (ingest) await new Promise((r) => setTimeout(r, 1500));
    const until = Date.now() + seconds * 1000;
    const search = tally();
    const stats = tally();
    const posts = tally();
    const big = tally();
    const reads = tally();
    let k = 0;
    let posted = 0;
    const searchPath = `/api/search?q=${encodeURIComponent(word)}`;
    await Promise.all([
      ...Array.from({ length: connections }, () => client(port, until, search, () => ({ method: 'GET', path: searchPath }))),
      client(port, until, stats, () => ({ method: 'GET', path: '/api/stats' }), { address: '127.0.0.2', pauseMs: 20 }),
      client(port, until, reads, () => ({ method: 'GET', path: `/api/articles/${ids[k++ % ids.length]}` }), { address: '127.0.0.4', pauseMs: 20 }),
      ...(sc.ingest
        ? [
            client(port, until, posts, () => ({
              method: 'POST',
              path: '/api/articles',
              body: JSON.stringify({ text: `Load bench dispatch ${posted++} at ${Date.now()}: the minister met the ambassador in Geneva on Monday to discuss the ceasefire.` }),
            }), { address: '127.0.0.3', pauseMs: 200 }),
          ]
        : []),
      ...(sc.bigPost
        ? [
            (async () => {
              await new Promise((r) => setTimeout(r, 2000)); // into the load
              const body = bigDocument(corpus);
              const agent = new http.Agent({ localAddress: '127.0.0.5' });
              const start = performance.now();
              const status = await request(agent, port, 'POST', '/api/articles', body, 120_000);
              if (status === 0) big.timeouts++;
              else big.latencies.push(performance.now() - start);
              big.statuses.set(status, (big.statuses.get(status) ?? 0) + 1);
            })(),
          ]
        : []),
    ]);
    const memory = peakMb(server.pid!);
    if (ingest) {
      ingest.kill('SIGINT');
      await new Promise((r) => ingest.once('exit', r));
    }
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    out.push(
      '',
      `### ${sc.name}`,
      '',
      '| requests | answered | rate | p50 | p90 | p99 | max | timeouts | not 2xx |',
      '|---|---|---|---|---|---|---|---|---|',
      summary(`search "${word}" (${connections} connections)`, search, seconds),
      summary('/api/stats (another client)', stats, seconds),
      summary('/api/articles/:id (a third client)', reads, seconds),
      ...(sc.ingest ? [summary('POST /api/articles (a fourth client)', posts, seconds)] : []),
      ...(sc.bigPost ? [summary(`POST /api/articles, ${(BIG_POST_BYTES / 1024 / 1024).toFixed(1)} MB (a fourth client)`, big, seconds)] : []),
      '',
      `server peak memory ${memory ?? '?'} MB; load average after ${loadavg().map((l) => l.toFixed(1)).join(' ')}` +
        (ingest ? `; the ingest: ${ingestSummary.trim().split('\n').pop()}` : ''),
    );
  }
  return out;
}

// Run directly (node dist/bench/load.js) as well as from run.ts.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  run(sharedDataDir()).then(
    (lines) => process.stdout.write(lines.join('\n') + '\n'),
    (err: unknown) => {
      process.stderr.write(`load: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
