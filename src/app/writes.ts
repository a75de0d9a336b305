// Documents posted to the server: checked against the store (a reader), then handed to the one
// writer thread (write-worker.ts), which runs them through the pipeline in its pipeline thread and
// saves them, near-duplicates marked in its write transaction. The server's event loop only passes
// messages.
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model.js';
import type { Store } from '../store/types.js';
import { ingestDocument } from './ingest.js';
import { BusyError, untilAborted, type ReadContext, type Reads } from './reads.js';
import type { SaveOutcome } from './save.js';
import type { WriteReply } from './write-worker.js';

export interface Writes {
  /** One document: skipped when its content is stored, else processed and saved. */
  ingest(raw: RawDocument, ctx?: ReadContext): Promise<SaveOutcome>;
  close(): Promise<void>;
}

/** The store cannot be written (read-only file, lost connection): no document is anyone's fault. */
export class StoreWriteError extends Error {}

/** Writes on this thread, over a store the caller holds (tests, embedding); the server uses ThreadedWrites. */
export function storeWrites(store: Store): Writes {
  return { ingest: (raw, ctx) => untilAborted(ingestDocument(store, raw), ctx?.signal), close: async () => undefined };
}

const WORKER_URL = new URL('./write-worker.js', import.meta.url);

/** The writer thread, started on first use (a server nobody posts to never opens its store for writing). */
class WriterThread {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, { resolve: (o: SaveOutcome) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(private readonly location: string) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(WORKER_URL, { workerData: { location: this.location } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (m: WriteReply | { ready?: true; failed?: string; closed?: true }) => {
        if ('n' in m) {
          const p = this.pending.get(m.n);
          this.pending.delete(m.n);
          if ('error' in m) p?.reject(new StoreWriteError(m.error));
          else p?.resolve(m.outcome);
        } else if (m.ready) resolve();
        else if (m.failed) reject(new StoreWriteError(m.failed));
      });
      worker.on('error', (err) => reject(new StoreWriteError(`writer thread failed: ${err.message.split('\n')[0]}`)));
    });
    this.ready.catch(() => undefined);
    // Gone (crashed, or could not open the store): what it held fails, the next document starts a new one.
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.ready = null;
      for (const p of this.pending.values()) p.reject(new StoreWriteError('the writer thread stopped'));
      this.pending.clear();
    });
    return this.ready;
  }

  async ingest(raw: RawDocument): Promise<SaveOutcome> {
    await this.start();
    const n = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject });
      this.worker!.postMessage({ n, raw });
    });
  }

  /** Lets queued saves finish and closes the store (a WAL file is left tidy), then ends the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const closed = new Promise<void>((resolve) => {
      worker.on('message', (m: { closed?: true }) => m.closed && resolve());
      worker.on('exit', () => resolve());
    });
    worker.postMessage({ close: true });
    await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000).unref())]);
    await worker.terminate();
  }
}

export interface ThreadedWritesOptions {
  /** Documents in the pipeline or waiting to be saved beyond which new ones are refused (BusyError). */
  maxPending?: number;
}

/** The server's writes: a reader checks, the writer thread processes (in its pipeline thread) and saves. */
export class ThreadedWrites implements Writes {
  private readonly writer: WriterThread;
  private pending = 0;
  private readonly maxPending: number;

  constructor(location: string, private readonly reads: Reads, opts: ThreadedWritesOptions = {}) {
    this.writer = new WriterThread(location);
    this.maxPending = opts.maxPending ?? 16;
  }

  ingest(raw: RawDocument, ctx: ReadContext = {}): Promise<SaveOutcome> {
    if (this.pending >= this.maxPending) return Promise.reject(new BusyError(`${this.pending} documents are being ingested`));
    this.pending++;
    // Counted until the work ends, not until the answer leaves: past its deadline a document may
    // still be stored (the answer says so), and it still takes its place.
    const work = this.process(raw, ctx.client).finally(() => this.pending--);
    work.catch(() => undefined);
    return untilAborted(work, ctx.signal);
  }

  private async process(raw: RawDocument, client: string | undefined): Promise<SaveOutcome> {
    if (await this.reads.run('hasArticle', [raw.id], { client })) return { kind: 'skipped', id: raw.id, source: raw.source };
    return this.writer.ingest(raw);
  }

  async close(): Promise<void> {
    await this.writer.close();
  }
}
