// End-to-end benchmark: ingest -> SQLite over the conflict-news corpus and the seeds, against a
// baseline measured in the same process (wink-nlp tokenising the same texts), so the ratio
// pipeline/tokeniser is comparable across machines. Also: per-stage time, peak memory at 1/10 and
// all of the corpus, and --jobs scaling. Memory and --jobs runs each get a fresh process
// (bench/pipeline-child.ts): peak RSS is per process, and worker start-up is part of a real run.
// Everything streams from the files: no run holds the corpus in memory.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isProblem, readSources, type IngestItem } from '../src/ingest/index.js';
import { ingestItems } from '../src/app/ingest.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { Worker } from 'node:worker_threads';
import type { ChildResult } from './pipeline-child.js';

/** The first `limit` items of the sources, read lazily. */
async function* corpus(paths: string[], limit: number): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const item of readSources(paths)) {
    if (n++ >= limit) return;
    yield item;
  }
}

async function countDocuments(paths: string[], limit: number): Promise<number> {
  let n = 0;
  for await (const item of corpus(paths, limit)) if (!isProblem(item)) n++;
  return n;
}

/**
 * The baseline: wink-nlp reading the same raw texts, with its default pipe and tokenising only
 * (pipe []). It runs interleaved with the pipeline, document by document, so that both see the
 * same machine load (a shared machine's load swings within seconds); its time is measured around
 * each call and subtracted from the run's.
 */
class Baseline {
  private readonly full = winkNLP(model);
  private readonly bare = winkNLP(model, [] as never);
  ms = 0;
  cpuMs = 0;
  bareMs = 0;
  bareCpuMs = 0;
  tokens = 0;

  read(text: string): void {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    this.tokens += this.full.readDoc(text).tokens().length();
    const t1 = performance.now();
    this.cpuMs += cpuMsSince(c0);
    this.ms += t1 - t0;
    const c1 = process.cpuUsage();
    this.bare.readDoc(text).tokens().length();
    this.bareCpuMs += cpuMsSince(c1);
    this.bareMs += performance.now() - t1;
  }
}

function cpuMsSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function* withBaseline(items: AsyncIterable<IngestItem>, baseline: Baseline | undefined): AsyncGenerator<IngestItem> {
  for await (const item of items) {
    if (baseline && !isProblem(item)) baseline.read(item.content);
    yield item;
  }
}

async function ingestRun(paths: string[], limit: number, opts: { stages?: Map<string, number>; groupCommit?: number; baseline?: Baseline } = {}) {
  const { stages, baseline } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'demarche-bench-'));
  try {
    const store = openSqliteStore(join(dir, 'bench.db'), { groupCommit: opts.groupCommit ?? 1 });
    let sentences = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await ingestItems(store, withBaseline(corpus(paths, limit), baseline), {
      timer: stages ? (stage, ms) => stages.set(stage, (stages.get(stage) ?? 0) + ms) : undefined,
      onOutcome: (o) => {
        if (o.kind === 'stored') sentences += o.sentences;
      },
    });
    await store.close();
    // The baseline's share of the run is not the pipeline's.
    const ms = performance.now() - t0 - (baseline ? baseline.ms + baseline.bareMs : 0);
    const cpuMs = cpuMsSince(c0) - (baseline ? baseline.cpuMs + baseline.bareCpuMs : 0);
    return { ms, cpuMs, sentences, summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One measured ingest in a fresh process; `stride` may carry an offset ("2+1": every 2nd from the 2nd). */
async function child(paths: string[], opts: { limit: number; jobs: number; stride: number | string; documents: number }): Promise<ChildResult> {
  const script = join(import.meta.dirname ?? '', 'pipeline-child.js');
  // About 8 live-heap samples per run (each is a full GC), the same share of the run for all sizes.
  const sampleEvery = Math.max(1, Math.ceil(opts.documents / 8));
  const args = ['--expose-gc', script, String(opts.limit), String(opts.jobs), String(opts.stride), String(sampleEvery), ...paths];
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * Documents per second over the second half of a run: code optimised, dictionaries loaded, as in
 * nearly all of a long run (a day of news). Start-up and the JIT's warm-up are one-off costs per
 * worker that a run of a few thousand documents does not amortise.
 */
function warmRate(r: ChildResult): number {
  const k = Math.floor(r.marks.length / 2);
  if (k === 0) return r.documents / (r.ms / 1000);
  const from = r.marks[k - 1]!;
  return (r.documents - k * r.markEvery) / ((r.ms - from) / 1000);
}

/**
 * What parallelism the machine gives right now: the same pure-CPU work in 1 thread and split over
 * 2 threads. On a shared machine whose cores are busy with other work this is well below 2, and
 * --jobs cannot do better than it.
 */
async function threadScaling(): Promise<number> {
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    let x = 0; for (let i = 0; i < workerData; i++) x = (Math.imul(x, 31) + i) | 0;
    parentPort.postMessage(x);`;
  const work = 400_000_000;
  const timeThreads = async (n: number): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, () => new Promise((resolve, reject) => {
        const w = new Worker(code, { eval: true, workerData: work / n });
        w.once('message', () => void w.terminate().then(resolve));
        w.once('error', reject);
      })),
    );
    return performance.now() - t0;
  };
  return (await timeThreads(1)) / (await timeThreads(2));
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
const perSec = (n: number, ms: number): string => (n / (ms / 1000)).toFixed(0);

export async function run(dataDir: string | null): Promise<string[]> {
  const seeds = join(import.meta.dirname ?? '', '..', '..', 'examples', 'seeds');
  const paths = dataDir ? [join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl'), seeds] : [seeds];
  const lines: string[] = [];
  if (!dataDir) lines.push('pipeline: ../shared/data not found; benchmarking the five seeds only');
  const limit = Number(process.env.BENCH_LIMIT ?? Infinity);
  const documents = await countDocuments(paths, limit);
  const tenth = Math.max(1, Math.floor(documents / 10));
  const load0 = loadavg()[0];

  // Warm-up: dictionaries, models and the JIT, so the timed run measures the steady state.
  await ingestRun(paths, Math.min(200, tenth), { baseline: new Baseline() });
  const base = new Baseline();
  const stages = new Map<string, number>();
  // As `demarche ingest` runs: SQLite in bulk mode (group commit of 64, a savepoint per article).
  const full = await ingestRun(paths, limit, { stages, baseline: base, groupCommit: 64 });
  const perArticle = await ingestRun(paths, limit, { groupCommit: 1 });

  const cpusN = cpus().length;
  lines.push(`pipeline: machine ${cpusN} cores, load average ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} after the 1-job run`);
  lines.push(`pipeline: ${documents} documents (${full.summary.stored} stored, ${full.summary.events} events, ${full.sentences} sentences)`);
  lines.push(
    `pipeline: end to end, 1 job, SQLite group commit of 64 (as demarche ingest): ${perSec(documents, full.ms)} articles/s, ${perSec(full.sentences, full.ms)} sentences/s ` +
      `(CPU ${(full.cpuMs / documents).toFixed(2)} ms/doc = ${perSec(documents, full.cpuMs)} articles/s per core)`,
  );
  lines.push(
    `pipeline: same with a commit per article (the API's mode): ${perSec(documents, perArticle.ms)} articles/s ` +
      `(CPU ${(perArticle.cpuMs / documents).toFixed(2)} ms/doc)`,
  );
  lines.push(`pipeline: baseline wink-nlp readDoc (default pipe) alone: ${perSec(documents, base.ms)} articles/s (${perSec(base.tokens, base.ms)} tokens/s), interleaved with the run`);
  lines.push(
    `pipeline: ratio pipeline/tokeniser = ${(full.ms / base.ms).toFixed(2)}x wall, ${(full.cpuMs / base.cpuMs).toFixed(2)}x CPU (target <= 3x); ` +
      `against tokenising only (pipe []): ${(full.ms / base.bareMs).toFixed(2)}x wall`,
  );
  const total = [...stages.values()].reduce((a, b) => a + b, 0);
  const storeMs = full.ms - total;
  lines.push(
    'pipeline: per stage: ' +
      [...stages.entries(), ['read+dedupe+store', storeMs] as const]
        .map(([s, ms]) => `${s} ${(ms / documents).toFixed(2)} ms/doc (${((100 * ms) / full.ms).toFixed(0)}%)`)
        .join(', '),
  );

  // Fresh processes: memory at 1/10 and all of the corpus, then --jobs 1 vs 2 on all of it, and the
  // ceiling for --jobs 2: two independent processes, each --jobs 1 on half the documents, at once.
  const machineBefore = await threadScaling();
  // 1/10 of the corpus = every 10th document, so both runs have the same mix of sources.
  const small = await child(paths, { limit: tenth, jobs: 1, stride: 10, documents: tenth });
  const one = await child(paths, { limit, jobs: 1, stride: 1, documents });
  const two = await child(paths, { limit, jobs: 2, stride: 1, documents });
  const halves = await Promise.all([0, 1].map((k) => child(paths, { limit: Math.ceil(limit / 2), jobs: 1, stride: `2+${k}`, documents: Math.ceil(documents / 2) })));
  const machineAfter = await threadScaling();
  lines.push(
    `pipeline: memory (fresh process, streaming): peak RSS ${mb(small.maxRssKb)} after ${small.documents} docs (every 10th), ` +
      `${mb(one.maxRssKb)} after ${one.documents} docs (ratio ${(one.maxRssKb / small.maxRssKb).toFixed(2)} for ` +
      `${(one.documents / small.documents).toFixed(0)}x the documents); live heap after GC at most ${mb(small.maxLiveKb)} vs ${mb(one.maxLiveKb)} ` +
      `(+${((one.maxLiveKb - small.maxLiveKb) / Math.max(1, one.documents - small.documents)).toFixed(1)} KB per added document)`,
  );
  const describe = (r: ChildResult): string =>
    `${perSec(r.documents, r.ms)} articles/s, ${warmRate(r).toFixed(0)}/s over the second half (first article after ${r.firstMs.toFixed(0)} ms, ` +
    `CPU ${(r.cpuMs / r.documents).toFixed(2)} ms/doc, peak RSS ${mb(r.maxRssKb)}, main thread busy ${(100 * r.mainBusy).toFixed(0)}%)`;
  lines.push(`pipeline: fresh process --jobs 1: ${describe(one)}`);
  lines.push(`pipeline: fresh process --jobs 2: ${describe(two)}`);
  const pairMs = Math.max(...halves.map((h) => h.ms));
  const pairWarm = halves.reduce((sum, h) => sum + warmRate(h), 0);
  lines.push(
    `pipeline: ceiling, two independent processes (--jobs 1, half the documents each, nothing shared) at once: ` +
      `${(one.ms / pairMs).toFixed(2)}x the one-process speed, ${(pairWarm / warmRate(one)).toFixed(2)}x over the second halves`,
  );
  lines.push(
    `pipeline: --jobs 2 speed-up ${(one.ms / two.ms).toFixed(2)}x over 1 job, ${(warmRate(two) / warmRate(one)).toFixed(2)}x over the second half ` +
      `(= ${((100 * warmRate(two)) / pairWarm).toFixed(0)}% of the two-process ceiling; load average now ${loadavg()[0].toFixed(1)} on ${cpusN} cores)`,
  );
  lines.push(
    `pipeline: for reference, pure CPU work split over 2 threads ran ${machineBefore.toFixed(2)}x (before the fresh-process runs) and ` +
      `${machineAfter.toFixed(2)}x (after) faster than on 1`,
  );
  return lines;
}
