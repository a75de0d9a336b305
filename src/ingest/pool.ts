// `--jobs N`: the pure pipeline (clean -> events) runs in N worker threads; reading, near-duplicate
// marking and storing stay on the main thread, in input order, so results equal a one-job run.
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model.js';
import type { Processed } from '../pipeline.js';

interface Pending {
  resolve: (p: Processed) => void;
  reject: (e: Error) => void;
}

class PipelineWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor() {
    this.worker = new Worker(new URL('./pool-worker.js', import.meta.url));
    this.worker.on('message', (msg: { n: number; result?: Processed; error?: string }) => {
      const p = this.pending.get(msg.n);
      if (!p) return;
      this.pending.delete(msg.n);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result!);
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  get load(): number {
    return this.pending.size;
  }

  process(raw: RawDocument): Promise<Processed> {
    const n = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject });
      this.worker.postMessage({ n, raw });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
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
  process(raw: RawDocument): Promise<Processed> {
    let best = this.workers[0]!;
    for (const w of this.workers) if (w.load < best.load) best = w;
    return best.process(raw);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
