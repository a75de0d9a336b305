// One measured ingest in a fresh process (spawned by bench/pipeline.ts), so that peak RSS and
// worker start-up are those of this run alone. Streams the sources (nothing is held in memory
// beyond the in-flight window) into a throw-away SQLite store and prints one JSON line.
//
//   node --expose-gc dist/bench/pipeline-child.js <limit> <jobs> <stride>[+offset] <sampleEvery> <path>...
//
// stride k ingests every k-th document (a sample with the corpus' mix of sources: the corpus file
// is sorted by source), starting at the offset-th (0 by default): two children with 2+0 and 2+1
// share the corpus between them. Every sampleEvery documents it runs a full GC and records the live heap
// (what the process must keep, as opposed to peak RSS, which also holds garbage V8 has not
// collected yet because memory was free).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSources, type IngestItem } from '../src/ingest/index.js';
import { ingestItems } from '../src/app/ingest.js';
import { openStore } from '../src/store/index.js';

export interface ChildResult {
  documents: number;
  stored: number;
  sentences: number;
  /** Wall time of the ingest, start-up of worker threads included. */
  ms: number;
  /** Time until the first article was stored (loading dictionaries, models, worker start-up). */
  firstMs: number;
  /** Time at which each MARK_EVERY-th document was done: the later part of a run is warm (code
   *  optimised by the JIT, dictionaries loaded), as nearly all of a long run is. */
  marks: number[];
  markEvery: number;
  /** CPU time of the whole process (all threads). */
  cpuMs: number;
  /** Share of the run the main thread's event loop was busy (reading, dedupe, storing, messages). */
  mainBusy: number;
  maxRssKb: number;
  /** Largest live heap (V8 heap + array buffers after a full GC) seen at the samples, in KB. */
  maxLiveKb: number;
}

const MARK_EVERY = 100;

async function* sampled(items: AsyncIterable<IngestItem>, limit: number, stride: number, offset: number): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const item of items) {
    if (n >= limit * stride) return;
    if (n++ % stride === offset) yield item;
  }
}

function liveKb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 0;
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024;
}

async function main(): Promise<void> {
  const [limitArg, jobsArg, strideArg, sampleArg, ...paths] = process.argv.slice(2);
  const [strideText, offsetText = '0'] = (strideArg ?? '').split('+');
  const [limit, jobs, stride, offset, sampleEvery] = [limitArg, jobsArg, strideText, offsetText, sampleArg].map(Number);
  if (!(limit > 0) || !(jobs > 0) || !(stride > 0) || !(offset >= 0 && offset < stride) || !(sampleEvery > 0) || paths.length === 0) {
    throw new Error(`usage: pipeline-child <limit> <jobs> <stride>[+offset] <sampleEvery> <path>... (got ${process.argv.slice(2).join(' ')})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'demarche-bench-'));
  try {
    const store = await openStore(join(dir, 'bench.db'), { bulk: true }); // as `demarche ingest` opens it
    let documents = 0;
    let sentences = 0;
    let firstMs = 0;
    const marks: number[] = [];
    let maxLiveKb = 0;
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    const summary = await ingestItems(store, sampled(readSources(paths), limit, stride, offset), {
      jobs,
      onOutcome: (o) => {
        if (++documents % sampleEvery === 0) maxLiveKb = Math.max(maxLiveKb, liveKb());
        if (documents % MARK_EVERY === 0) marks.push(performance.now() - t0);
        if (o.kind !== 'stored') return;
        sentences += o.sentences;
        if (!firstMs) firstMs = performance.now() - t0;
      },
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const mainBusy = performance.eventLoopUtilization(elu0).utilization;
    await store.close();
    const result: ChildResult = {
      documents,
      stored: summary.stored,
      sentences,
      ms,
      firstMs,
      marks,
      markEvery: MARK_EVERY,
      cpuMs: (cpu.user + cpu.system) / 1000,
      mainBusy,
      maxRssKb: process.resourceUsage().maxRSS,
      maxLiveKb,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`pipeline-child: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
