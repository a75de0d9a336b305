// The server's readers: a few threads, each with its own read-only connection, answering the read
// operations of reads.ts, so that neither a slow query nor a merge ever holds the event loop.
//
// Scheduling, so that no client can stall the others:
// - two lanes: cheap operations (counts, one article, a page of articles) go before queued
//   expensive ones, and one reader serves only them, so they never wait behind a search;
// - within a lane, the waiting client served least recently goes next, so one client's fifty
//   queued searches delay another client's search by at most one turn;
// - a read whose deadline passes leaves the queue, or, when running, its reader is replaced
//   (a query cannot be interrupted any other way), so a stuck query costs one thread's restart;
// - past `maxQueued` waiting reads the pool refuses new ones at once (BusyError) instead of
//   building a queue nobody will live to see answered.
import { Worker } from 'node:worker_threads';
import type { ReaderReply, ReaderSetup } from './read-worker.js';
import { BusyError, DeadlineError, LIGHT_OPS, type ReadAnswer, type ReadArgs, type ReadContext, type ReadOp, type Reads } from './reads.js';

const WORKER_URL = new URL('./read-worker.js', import.meta.url);

export interface ReadPoolOptions {
  /** Readers for any operation (at least 1); one more serves only the cheap ones. */
  readers: number;
  /** Reads waiting beyond this are refused (BusyError). */
  maxQueued?: number;
  /** Show document sources as stored (absolute paths included). */
  showPaths?: boolean;
}

interface Job {
  op: ReadOp;
  args: unknown[];
  client: string;
  light: boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** One lane's waiting jobs, per client. */
class Lane {
  private readonly byClient = new Map<string, Job[]>();
  size = 0;

  push(job: Job): void {
    const q = this.byClient.get(job.client);
    if (q) q.push(job);
    else this.byClient.set(job.client, [job]);
    this.size++;
  }

  /** The oldest job of the waiting client served least recently (`served`: client -> turn it was last served). */
  shift(served: ReadonlyMap<string, number>): Job | undefined {
    let pick: string | null = null;
    let pickTurn = Infinity;
    for (const client of this.byClient.keys()) {
      const turn = served.get(client) ?? -1;
      if (turn < pickTurn) {
        pick = client;
        pickTurn = turn;
      }
    }
    if (pick === null) return undefined;
    const q = this.byClient.get(pick)!;
    const job = q.shift()!;
    if (q.length === 0) this.byClient.delete(pick);
    this.size--;
    return job;
  }

  remove(job: Job): boolean {
    const q = this.byClient.get(job.client);
    const i = q ? q.indexOf(job) : -1;
    if (i < 0) return false;
    q!.splice(i, 1);
    if (q!.length === 0) this.byClient.delete(job.client);
    this.size--;
    return true;
  }
}

class Reader {
  worker: Worker;
  job: Job | null = null;
  private next = 0;
  private current = -1;

  constructor(
    private readonly setup: ReaderSetup,
    readonly lightOnly: boolean,
    private readonly onIdle: (r: Reader) => void,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    this.spawnedAt = Date.now();
    const worker = new Worker(WORKER_URL, { workerData: this.setup });
    worker.on('message', (m: ReaderReply | { ready?: true; failed?: string }) => {
      if (!('n' in m) || m.n !== this.current || !this.job) return;
      const job = this.finish();
      if ('error' in m) job.reject(new Error(m.error));
      else job.resolve(m.answer);
      this.onIdle(this);
    });
    worker.on('error', (err) => this.lost(worker, err.message));
    worker.on('exit', (code) => this.lost(worker, `reader thread stopped (exit code ${code})`));
    return worker;
  }

  private finish(): Job {
    const job = this.job!;
    this.job = null;
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    return job;
  }

  /**
   * The thread died (or was ended): its job fails, a new thread takes its place - after a pause when
   * the last one died young (a store that no longer opens must not make threads in a tight loop).
   */
  private lost(worker: Worker, reason: string): void {
    if (worker !== this.worker || this.closed) return;
    if (this.job) this.finish().reject(new Error(reason));
    const young = Date.now() - this.spawnedAt < RESPAWN_PAUSE_MS;
    if (!young) {
      this.worker = this.spawn();
      return this.onIdle(this);
    }
    this.respawning = setTimeout(() => {
      this.respawning = null;
      if (this.closed) return;
      this.worker = this.spawn();
      this.onIdle(this);
    }, RESPAWN_PAUSE_MS);
    this.respawning.unref();
  }

  private spawnedAt = 0;
  private respawning: NodeJS.Timeout | null = null;

  /** Between a young thread's death and its replacement: takes no job. */
  get resting(): boolean {
    return this.respawning !== null;
  }

  closed = false;

  run(job: Job): void {
    this.job = job;
    this.current = this.next++;
    if (job.signal) {
      // Past its deadline a running read is abandoned with its thread: better-sqlite3 cannot interrupt a query.
      job.onAbort = () => {
        if (this.job !== job) return;
        this.finish().reject(new DeadlineError('deadline passed'));
        const old = this.worker;
        this.worker = this.spawn();
        void old.terminate();
        this.onIdle(this);
      };
      job.signal.addEventListener('abort', job.onAbort, { once: true });
    }
    this.worker.postMessage({ n: this.current, op: job.op, args: job.args });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.respawning) clearTimeout(this.respawning);
    await this.worker.terminate();
  }
}

/** Clients whose last turn is remembered (those forgotten count as never served: they go first). */
const MAX_CLIENTS_REMEMBERED = 10_000;

/** Shortest life of a reader thread below which its replacement waits this long. */
const RESPAWN_PAUSE_MS = 1000;

export class ReadPool implements Reads {
  private readonly readers: Reader[];
  private readonly light = new Lane();
  private readonly heavy = new Lane();
  private readonly maxQueued: number;
  /** Client -> the turn it was last served in, least recent first (for taking turns). */
  private readonly served = new Map<string, number>();
  private turn = 0;

  private constructor(location: string, opts: ReadPoolOptions) {
    const setup: ReaderSetup = { location, showPaths: opts.showPaths ?? false };
    const n = Math.max(1, Math.floor(opts.readers));
    this.maxQueued = opts.maxQueued ?? 1000;
    const idle = (r: Reader): void => this.dispatch(r);
    this.readers = [...Array.from({ length: n }, () => new Reader(setup, false, idle)), new Reader(setup, true, idle)];
  }

  /** Starts the readers and waits until each has opened the store; a store that cannot be opened throws its one-line reason. */
  static async open(location: string, opts: ReadPoolOptions): Promise<ReadPool> {
    const pool = new ReadPool(location, opts);
    try {
      await Promise.all(
        pool.readers.map(
          (r) =>
            new Promise<void>((resolve, reject) => {
              const onMessage = (m: { ready?: true; failed?: string }): void => {
                if (m.ready) resolve();
                else if (m.failed) reject(new Error(m.failed));
              };
              r.worker.on('message', onMessage);
              r.worker.once('error', (err) => reject(new Error(`cannot start reader threads: ${err.message.split('\n')[0]}; is the build complete?`)));
            }),
        ),
      );
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  get queued(): number {
    return this.light.size + this.heavy.size;
  }

  run<K extends ReadOp>(op: K, args: ReadArgs<K>, ctx: ReadContext = {}): Promise<ReadAnswer<K>> {
    if (ctx.signal?.aborted) return Promise.reject(new DeadlineError('deadline passed'));
    if (this.queued >= this.maxQueued) return Promise.reject(new BusyError(`${this.queued} reads are waiting`));
    return new Promise((resolve, reject) => {
      const job: Job = { op, args: args as unknown[], client: ctx.client ?? '', light: LIGHT_OPS.has(op), resolve: resolve as (v: unknown) => void, reject, signal: ctx.signal };
      const reader = this.readers.find((r) => !r.job && !r.closed && !r.resting && (job.light || !r.lightOnly));
      if (reader) return this.start(reader, job);
      (job.light ? this.light : this.heavy).push(job);
      if (job.signal) {
        job.onAbort = () => {
          if ((job.light ? this.light : this.heavy).remove(job)) reject(new DeadlineError('deadline passed'));
        };
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
    });
  }

  /** A reader is free: the next cheap read, else (unless it serves only cheap ones) the next expensive one. */
  private dispatch(reader: Reader): void {
    if (reader.closed || reader.job || reader.resting) return;
    for (;;) {
      const job = this.light.shift(this.served) ?? (reader.lightOnly ? undefined : this.heavy.shift(this.served));
      if (!job) return;
      if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
      job.onAbort = undefined;
      if (job.signal?.aborted) {
        job.reject(new DeadlineError('deadline passed'));
        continue;
      }
      return this.start(reader, job);
    }
  }

  private start(reader: Reader, job: Job): void {
    this.served.delete(job.client);
    this.served.set(job.client, ++this.turn);
    // Remember a bounded number of clients: the least recent ones are forgotten first.
    if (this.served.size > MAX_CLIENTS_REMEMBERED) this.served.delete(this.served.keys().next().value!);
    reader.run(job);
  }

  async close(): Promise<void> {
    for (const lane of [this.light, this.heavy]) for (let job = lane.shift(this.served); job; job = lane.shift(this.served)) job.reject(new Error('the server is stopping'));
    await Promise.all(this.readers.map((r) => r.close()));
  }
}
