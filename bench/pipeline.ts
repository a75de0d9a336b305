// End-to-end benchmark: ingest -> SQLite over the conflict-news corpus and the seeds, against a
// baseline measured in the same process (wink-nlp tokenising the same texts), so the ratio
// pipeline/tokeniser is comparable across machines. Also: per-stage time, peak memory at 1/10 and
// all of the corpus (streaming means memory must not grow with it), and --jobs scaling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isProblem, readSources, type IngestItem } from '../src/ingest/index.js';
import { ingestItems } from '../src/ingest/run.js';
import type { RawDocument } from '../src/model.js';
import type { Stage } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';

async function loadCorpus(paths: string[], limit: number): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of readSources(paths)) {
    if (!isProblem(item)) docs.push(item);
    if (docs.length >= limit) break;
  }
  return docs;
}

function tokeniseBaseline(docs: RawDocument[]): { ms: number; tokens: number } {
  const nlp = winkNLP(model);
  const t0 = performance.now();
  let tokens = 0;
  for (const d of docs) tokens += nlp.readDoc(d.content).tokens().length();
  return { ms: performance.now() - t0, tokens };
}

async function ingestRun(docs: IngestItem[], jobs: number, stages?: Map<Stage, number>) {
  const dir = mkdtempSync(join(tmpdir(), 'demarche-bench-'));
  const store = await openStore(join(dir, 'bench.db'));
  let sentences = 0;
  const t0 = performance.now();
  const summary = await ingestItems(store, docs, {
    jobs,
    timer: stages ? (stage, ms) => stages.set(stage, (stages.get(stage) ?? 0) + ms) : undefined,
    onOutcome: (o) => {
      if (o.kind === 'stored') sentences += o.sentences;
    },
  });
  const ms = performance.now() - t0;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { ms, sentences, summary };
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

export async function run(dataDir: string | null): Promise<string[]> {
  const seeds = join(import.meta.dirname ?? '', '..', '..', 'examples', 'seeds');
  const paths = dataDir ? [join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl'), seeds] : [seeds];
  const lines: string[] = [];
  if (!dataDir) lines.push('pipeline: ../shared/data not found; benchmarking the five seeds only');
  const all = await loadCorpus(paths, Number(process.env.BENCH_LIMIT ?? Infinity));
  const tenth = all.slice(0, Math.max(1, Math.floor(all.length / 10)));

  await ingestRun(tenth, 1);
  const rssSmall = process.resourceUsage().maxRSS;
  const base = tokeniseBaseline(all);
  const stages = new Map<Stage, number>();
  const full = await ingestRun(all, 1, stages);
  const rssFull = process.resourceUsage().maxRSS;
  const jobsN = 2;
  const parallel = await ingestRun(all, jobsN);

  const perSec = (n: number, ms: number): string => (n / (ms / 1000)).toFixed(0);
  lines.push(`pipeline: ${all.length} documents (${full.summary.stored} stored, ${full.summary.events} events, ${full.sentences} sentences)`);
  lines.push(`pipeline: end to end, 1 job: ${perSec(all.length, full.ms)} articles/s, ${perSec(full.sentences, full.ms)} sentences/s`);
  lines.push(`pipeline: baseline wink-nlp tokenising alone: ${perSec(all.length, base.ms)} articles/s (${perSec(base.tokens, base.ms)} tokens/s)`);
  lines.push(`pipeline: ratio pipeline/tokeniser time = ${(full.ms / base.ms).toFixed(2)}x (target <= 3x)`);
  const total = [...stages.values()].reduce((a, b) => a + b, 0);
  const storeMs = full.ms - total;
  lines.push(
    'pipeline: per stage: ' +
      [...stages.entries(), ['read+store' as Stage, storeMs] as const]
        .map(([s, ms]) => `${s} ${(ms / all.length).toFixed(2)} ms/doc (${((100 * ms) / full.ms).toFixed(0)}%)`)
        .join(', '),
  );
  lines.push(`pipeline: peak RSS ${mb(rssSmall)} after ${tenth.length} docs, ${mb(rssFull)} after ${all.length} docs (ratio ${(rssFull / rssSmall).toFixed(2)} for ${(all.length / tenth.length).toFixed(0)}x the documents)`);
  lines.push(`pipeline: --jobs ${jobsN}: ${perSec(all.length, parallel.ms)} articles/s, speed-up ${(full.ms / parallel.ms).toFixed(2)}x over 1 job`);
  return lines;
}
