// The server's one writer: a thread holding the store open for writing and the near-duplicate
// index, saving posted documents one at a time (the pipeline ran in a pipeline thread before).
// Waiting for the write lock (a `demarche ingest` writing the same file) blocks this thread only.
import { parentPort, workerData } from 'node:worker_threads';
import { DuplicateFinder } from '../dedupe/finder.js';
import { errorMessage } from '../errors.js';
import type { RawDocument } from '../model.js';
import { openStore } from '../store/index.js';
import type { WorkerResult } from './pool.js';
import { saveProcessed, type SaveOutcome } from './save.js';

export type WriteRequest = { n: number; raw: RawDocument; processed: WorkerResult };
export type WriteReply = { n: number; outcome: SaveOutcome } | { n: number; error: string };

const { location } = workerData as { location: string };

let ready: Promise<{ store: Awaited<ReturnType<typeof openStore>>; finder: DuplicateFinder }>;
try {
  const store = await openStore(location);
  ready = Promise.resolve({ store, finder: await DuplicateFinder.fromStore(store) });
  parentPort!.postMessage({ ready: true });
} catch (err) {
  parentPort!.postMessage({ failed: errorMessage(err) });
  process.exit(0);
}

// One save at a time, in arrival order.
let queue: Promise<unknown> = Promise.resolve();

parentPort!.on('message', (req: WriteRequest | { close: true }) => {
  if ('close' in req) {
    queue = queue.then(async () => (await ready).store.close()).then(() => parentPort!.postMessage({ closed: true }));
    return;
  }
  queue = queue.then(async () => {
    const { store, finder } = await ready;
    let reply: WriteReply;
    try {
      reply = { n: req.n, outcome: await saveProcessed(store, req.raw, req.processed, finder) };
    } catch (err) {
      reply = { n: req.n, error: errorMessage(err) };
    }
    parentPort!.postMessage(reply);
  });
});
