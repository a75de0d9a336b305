// The workbench's aggregate endpoints on `demarche serve` (reader threads, loopback): GET
// /api/overview and /api/map over the 8k conflict_news store, each asked ROUNDS times in turn with
// every filter below (the facets a user clicks), one request at a time. Reports per endpoint the
// first answer (a reader reads the store's facts once), then p50/p95/max of the rest.
//
//   node dist/bench/workbench.js                 # or: npm run bench -- workbench
//   BENCH_WORKBENCH_DB=/tmp/cn.db node dist/bench/workbench.js   # an existing store
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../eval/common.js';

const BIN = join(REPO_ROOT, 'bin', 'demarche.js');
const ROUNDS = Number(process.env.BENCH_WORKBENCH_ROUNDS) || 20;

/** What a user clicks: nothing, a type, a country, an outlet, a period, the confidence toggle, two at once. */
const FILTERS = ['', 'type=ASSAULT', 'actor=COL', 'outlet=bbc', 'since=2000&until=2010', 'min_confidence=0.5', 'type=ACCUSE&actor=IND', 'dyad=COL,USA'];

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

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function run(dataDir: string | null): Promise<string[]> {
  const corpus = dataDir && join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl');
  let db = process.env.BENCH_WORKBENCH_DB ?? join(tmpdir(), 'demarche-workbench', 'conflict_news.db');
  if (!existsSync(db)) {
    if (!corpus || !existsSync(corpus)) return ['workbench: skipped (needs ../shared/data/corpora/conflict_news or BENCH_WORKBENCH_DB)'];
    mkdirSync(join(tmpdir(), 'demarche-workbench'), { recursive: true });
    db = join(tmpdir(), 'demarche-workbench', 'conflict_news.db');
    const built = spawnSync(process.execPath, [BIN, 'ingest', corpus, '--db', db, '--jobs', '2', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0 && built.status !== 3) throw new Error(`building the store failed (exit ${built.status})`);
  }
  const port = await freePort();
  const server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stderr!.on('data', (b: Buffer) => (/serving/.test(b.toString()) ? resolve() : undefined));
      server.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const stats = (await (await fetch(`${base}/api/stats`)).json()) as { articles: number; events: number };
    const lines = [`workbench: ${stats.articles} articles, ${stats.events} event mentions; ${FILTERS.length} filters x ${ROUNDS} rounds per endpoint, one request at a time`];
    for (const endpoint of ['overview', 'map']) {
      const times: number[] = [];
      let first = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const f of FILTERS) {
          const t = performance.now();
          const res = await fetch(`${base}/api/${endpoint}${f ? `?${f}` : ''}`);
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`${endpoint}?${f}: HTTP ${res.status}`);
          const ms = performance.now() - t;
          if (round === 0 && f === FILTERS[0]) first = ms;
          else times.push(ms);
        }
      }
      times.sort((a, b) => a - b);
      lines.push(`workbench: /api/${endpoint}: first ${first.toFixed(0)} ms; then ${times.length} requests p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
    }
    return lines;
  } finally {
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sharedDataDir } = await import('../eval/common.js');
  for (const line of await run(sharedDataDir())) console.log(line);
}
