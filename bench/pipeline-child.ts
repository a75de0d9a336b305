// One measured ingest in a fresh process (spawned by bench/pipeline.ts), so that peak RSS and
// worker start-up are those of this run alone. Streams the sources (nothing is held in memory
// beyond the in-flight window) into a throw-away SQLite store and prints one JSON line.
//
//   node dist/bench/pipeline-child.js <limit> <jobs> <path>...
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, type IngestItem } from '../src/ingest/index.js';
import { ingestItems } from '../src/ingest/run.js';
import { openStore } from '../src/store/index.js';

export interface ChildResult {
  documents: number;
  stored: number;
  sentences: number;
  /** Wall time of the ingest, start-up of worker threads included. */
  ms: number;
  /** Time until the first article was stored (loading dictionaries, models, worker start-up). */
  firstMs: number;
  /** CPU time of the whole process (all threads). */
  cpuMs: number;
  maxRssKb: number;
}

async function* limited(items: AsyncIterable<IngestItem>, limit: number): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const item of items) {
    if (n++ >= limit) return;
    yield item;
  }
}

async function main(): Promise<void> {
  const [limitArg, jobsArg, ...paths] = process.argv.slice(2);
  const limit = Number(limitArg);
  const jobs = Number(jobsArg);
  if (!(limit > 0) || !(jobs > 0) || paths.length === 0) throw new Error('usage: pipeline-child <limit> <jobs> <path>...');
  const dir = mkdtempSync(join(tmpdir(), 'demarche-bench-'));
  try {
    const store = await openStore(join(dir, 'bench.db'));
    let documents = 0;
    let sentences = 0;
    let firstMs = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await ingestItems(store, limited(readSources(paths), limit), {
      jobs,
      onOutcome: (o) => {
        documents++;
        if (o.kind !== 'stored') return;
        sentences += o.sentences;
        if (!firstMs) firstMs = performance.now() - t0;
      },
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await store.close();
    const result: ChildResult = {
      documents,
      stored: summary.stored,
      sentences,
      ms,
      firstMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
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
