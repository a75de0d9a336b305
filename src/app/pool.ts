// `--jobs N`: the pure pipeline (clean -> events) runs in N worker threads; reading, near-duplicate
// marking and storing stay on the main thread, in input order, so results equal a one-job run.
import { Worker } from 'node:worker_threads';
import type { Processed, RawDocument } from '../model.js';
import type { Fingerprint } from '../dedupe/minhash.js';

/** What a worker sends back: the pipeline's result and the text's near-duplicate fingerprint. */
export interface WorkerResult extends Processed {
  fingerprint: Fingerprint;
}

/** One document's outcome, as a worker reports it (several travel in one message). */
export type WorkerReply = { n: number; result: WorkerResult; error?: undefined } | { n: number; error: string; result?: undefined };

interface Pending {
  resolve: (p: WorkerResult) => void;
  reject: (e: Error) => void;
}

/** The compiled worker next to this module (dist/src/app/pool-worker.js). */
const WORKER_URL = new URL('./pool-worker.js', import.meta.url);

/** A worker thread could not even start (missing build, broken module): no document can be processed. */
export class WorkerStartError extends Error {}

class PipelineWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private closing = false;
  /** Some thread of this slot has loaded the pipeline: later deaths are per-document crashes. */
  private started = false;

  /** Starts the thread on first use, and again after a crash, so one bad document never stalls the rest. */
  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_URL);
    worker.on('message', (msg: { ready?: true; replies?: WorkerReply[] }) => {
      if (msg.ready) return void (this.started = true);
      for (const r of msg.replies ?? []) this.settle(r);
    });
    worker.on('error', (err) => this.lost(worker, `pipeline worker failed: ${err.message.split('\n')[0]}`));
    worker.on('exit', (code) => this.lost(worker, `pipeline worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private settle(r: WorkerReply): void {
    const p = this.pending.get(r.n);
    if (!p) return;
    this.pending.delete(r.n);
    if (r.error !== undefined) p.reject(new Error(r.error));
    else p.resolve(withSentenceText(r.result));
  }

  /** The thread died: its documents fail with a reason (never hang), and the next one gets a new thread. */
  private lost(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.closing) return;
    const err = this.started ? new Error(reason) : new WorkerStartError(`cannot start pipeline worker threads (${reason}); is the build complete? try --jobs 1`);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  get load(): number {
    return this.pending.size;
  }

  process(raw: RawDocument): Promise<WorkerResult> {
    const n = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject });
      this.thread().postMessage({ n, raw });
    });
  }

  async terminate(): Promise<void> {
    this.closing = true;
    await this.worker?.terminate();
  }
}

export class PipelinePool {
  private readonly workers: PipelineWorker[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new PipelineWorker());
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends the document to the least busy worker. */
  process(raw: RawDocument): Promise<WorkerResult> {
    let best = this.workers[0]!;
    for (const w of this.workers) if (w.load < best.load) best = w;
    return best.process(raw);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The worker sends sentences as bare spans (their text is a slice of the article): put the text back. */
function withSentenceText(result: WorkerResult): WorkerResult {
  const { text } = result.article;
  for (const s of result.article.sentences) s.text = text.slice(s.start, s.end);
  return result;
}
