// The server's one writer: a thread holding the store open for writing and the near-duplicate
// index. Posted documents go through the pipeline in its pipeline thread (a large one is cloned
// between these two threads only, never through the server's event loop), then are saved one at a
// time, in arrival order. Waiting for the write lock (a `demarche ingest` writing the same file)
// blocks this thread only.
import { parentPort, workerData } from 'node:worker_threads';
import { DuplicateFinder } from '../dedupe/finder.js';
import { errorMessage } from '../errors.js';
import type { RawDocument } from '../model.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { PipelinePool, WorkerStartError, type WorkerResult } from './pool.js';
import { saveProcessed, type SaveOutcome } from './save.js';

export type WriteRequest = { n: number; raw: RawDocument };
export type WriteReply = { n: number; outcome: SaveOutcome } | { n: number; error: string };

const { location } = workerData as { location: string };

let store: Store;
let finder: DuplicateFinder;
try {
  store = await openStore(location);
  finder = await DuplicateFinder.fromStore(store);
  parentPort!.postMessage({ ready: true });
} catch (err) {
  parentPort!.postMessage({ failed: errorMessage(err) });
  process.exit(0);
}

const pipelines = new PipelinePool(1);
// Saves one at a time, in arrival order; pipelines run ahead of them.
let saves: Promise<unknown> = Promise.resolve();

async function ingest(raw: RawDocument, processing: Promise<WorkerResult>): Promise<SaveOutcome> {
  let processed: WorkerResult;
  try {
    processed = await processing;
  } catch (err) {
    if (err instanceof WorkerStartError) throw err;
    return { kind: 'problem', problem: { source: raw.source, error: `pipeline failed: ${errorMessage(err)}` } };
  }
  return saveProcessed(store, raw, processed, finder);
}

parentPort!.on('message', (req: WriteRequest | { close: true }) => {
  if ('close' in req) {
    saves = saves
      .then(() => Promise.all([pipelines.close(), store.close()]))
      .then(() => parentPort!.postMessage({ closed: true }));
    return;
  }
  const processing = pipelines.process(req.raw);
  processing.catch(() => undefined); // handled in its turn
  saves = saves.then(async () => {
    let reply: WriteReply;
    try {
      reply = { n: req.n, outcome: await ingest(req.raw, processing) };
    } catch (err) {
      reply = { n: req.n, error: errorMessage(err) };
    }
    parentPort!.postMessage(reply);
  });
});
