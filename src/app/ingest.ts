// Ingest: read -> process (the pipeline, here or in worker threads) -> save (save.ts: near-
// duplicates, one transaction per article), in input order. Used by the CLI (`demarche ingest`,
// `demo`), the API (POST /api/articles) and the benchmarks.
import type { IngestProblem, Processed, RawDocument } from '../model.js';
import type { Pipeline, StageTimer } from '../pipeline.js';
import type { Store } from '../store/types.js';
import { DuplicateFinder } from '../dedupe/finder.js';
import { isProblem, readSources, type IngestItem, type ReadOptions } from '../ingest/index.js';
import { PipelinePool, WorkerStartError, type WorkerResult } from './pool.js';
import { saveProcessed, type SaveOutcome } from './save.js';
import { errorMessage } from '../errors.js';

/** A pipeline result; from a worker thread it also carries the text's near-duplicate fingerprint. */
type Worked = Processed & Partial<Pick<WorkerResult, 'fingerprint'>>;

export type IngestOutcome = SaveOutcome;

export interface IngestSummary {
  stored: number;
  skipped: number;
  failed: number;
  warnings: number;
  events: number;
  duplicates: number;
  problems: IngestProblem[];
  /** Stopped early by IngestOptions.signal (the documents read before that were all stored). */
  interrupted?: boolean;
}

export interface IngestOptions extends ReadOptions {
  onOutcome?: (outcome: IngestOutcome) => void;
  /** Worker threads for the pipeline; 1 (default) processes on this thread. */
  jobs?: number;
  /** A long-lived near-duplicate index (a server ingesting one document per request); else one is seeded from the store. */
  finder?: DuplicateFinder;
  /** Per-stage durations (benchmarks; only with jobs = 1). */
  timer?: StageTimer;
  /** Stop reading when aborted (Ctrl-C); documents already in flight are still stored. */
  signal?: AbortSignal;
}

/**
 * Documents in flight per worker: enough to keep threads busy, small enough to keep memory flat.
 * Workers reply in batches of up to 4 (pool-worker.ts): twice that keeps a batch queued for the
 * thread while the previous one is being stored here.
 */
const WINDOW_PER_JOB = 8;


/**
 * The items, ending early when the signal aborts, even while a read is pending (a quiet stdin):
 * each next() races the abort.
 */
async function* untilAborted<T>(items: AsyncIterable<T> | Iterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) return yield* items;
  if (signal.aborted) return;
  const it = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]();
  const aborted = new Promise<'aborted'>((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
  try {
    for (;;) {
      const next = await Promise.race([it.next(), aborted]);
      if (next === 'aborted' || next.done) return;
      yield next.value;
      if (signal.aborted) return;
    }
  } finally {
    void Promise.resolve(it.return?.()).catch(() => {}); // not awaited: a pending read may never finish
  }
}

/** Ingests documents one by one; a failure on one is reported and never stops the others. */
export async function ingestItems(store: Store, items: AsyncIterable<IngestItem> | Iterable<IngestItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: 0, skipped: 0, failed: 0, warnings: 0, events: 0, duplicates: 0, problems: [] };
  let finder: DuplicateFinder | null = opts.finder ?? null;
  const report = (o: IngestOutcome): void => {
    if (o.kind === 'stored') {
      summary.stored++;
      summary.events += o.events;
      if (o.duplicate_of) summary.duplicates++;
    } else if (o.kind === 'skipped') summary.skipped++;
    else {
      summary.problems.push(o.problem);
      if (o.problem.warning) summary.warnings++;
      else summary.failed++;
    }
    opts.onOutcome?.(o);
  };
  const pool = (opts.jobs ?? 1) > 1 ? new PipelinePool(opts.jobs!) : null;
  // With worker threads, this thread never runs the pipeline: do not pay for loading it here.
  // Loaded with the first document, so a run that stores nothing never pays for the dictionaries.
  let pipeline: Promise<Pipeline<RawDocument, Processed>> | null = null;
  const process = (raw: RawDocument): Promise<Worked> =>
    pool ? pool.process(raw) : (pipeline ??= import('../pipeline.js').then((m) => m.loadPipeline())).then((p) => p.run(raw, opts.timer));
  // In-flight documents in input order: storing stays ordered and single-threaded.
  const window: { raw: RawDocument; result: Promise<Worked> }[] = [];
  const drainOne = async (): Promise<void> => {
    const { raw, result } = window.shift()!;
    let processed: Worked;
    try {
      processed = await result;
    } catch (err) {
      if (err instanceof WorkerStartError) throw err; // would fail every document the same way
      // The pipeline failed on this document: report it, go on with the others.
      return report({ kind: 'problem', problem: { source: raw.source, error: errorMessage(err) } });
    }
    // A store failure (disk full, read-only, lost connection) is not this document's fault and would
    // repeat for every other one: it ends the run instead of being reported once per document.
    finder ??= await DuplicateFinder.fromStore(store);
    report(await saveProcessed(store, raw, processed, finder));
  };
  try {
    for await (const item of untilAborted(items, opts.signal)) {
      if (isProblem(item)) {
        report({ kind: 'problem', problem: item });
        continue;
      }
      // Copies still in flight are not in the store yet: check the window too.
      if (window.some((w) => w.raw.id === item.id) || (await store.hasArticle(item.id))) {
        report({ kind: 'skipped', id: item.id, source: item.source });
        continue;
      }
      const result = process(item);
      result.catch(() => {}); // handled when drained; avoids an unhandled-rejection warning meanwhile
      window.push({ raw: item, result });
      if (window.length >= (pool ? pool.size * WINDOW_PER_JOB : 1)) await drainOne();
    }
    while (window.length) await drainOne();
    if (opts.signal?.aborted) summary.interrupted = true;
  } finally {
    await pool?.close();
  }
  return summary;
}

/** Reads the given paths ("-" for stdin) and ingests everything in them. */
export function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestItems(store, readSources(paths, opts), opts);
}

/** Ingests already-parsed documents (the HTTP API, workers). */
export function ingestDocuments(store: Store, docs: IngestItem[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestItems(store, docs, opts);
}

// One near-duplicate index per store for a server's life: seeding it reads every stored signature,
// too slow to repeat per request. Articles other processes store meanwhile are learned when saving
// (Store.saveMarked catches up inside its write transaction).
const finders = new WeakMap<Store, Promise<DuplicateFinder>>();

function finderFor(store: Store): Promise<DuplicateFinder> {
  let f = finders.get(store);
  if (!f) finders.set(store, (f = DuplicateFinder.fromStore(store)));
  return f;
}

/** One posted document (POST /api/articles), with the store's long-lived near-duplicate index. */
export async function ingestDocument(store: Store, raw: RawDocument): Promise<IngestOutcome> {
  let outcome: IngestOutcome | null = null;
  await ingestItems(store, [raw], { finder: await finderFor(store), onOutcome: (o) => (outcome = o) });
  const o = outcome as IngestOutcome | null; // set by the callback, which the compiler cannot see
  if (!o) throw new Error('ingest reported no outcome');
  return o;
}
