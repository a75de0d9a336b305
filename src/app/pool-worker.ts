// One pipeline worker thread: RawDocument in, {article, events, fingerprint} out.
import { parentPort } from 'node:worker_threads';
import type { Processed, RawDocument } from '../model.js';
import { fingerprint } from '../dedupe/minhash.js';
import { loadPipeline } from '../pipeline.js';
import { completeProcessed } from './complete.js';
import type { WorkerReply } from './pool.js';
import { errorMessage } from '../errors.js';

/** Most replies sent in one message. */
const MAX_BATCH = 4;

// Load the dictionaries and the tagger now, not on the first document, so start-up overlaps reading.
const pipeline = await loadPipeline();
await pipeline.run({ id: 'warm-up', source: 'warm-up', url: null, format: 'text', content: 'Warm-up: the minister met the president in Paris on Monday.', published: '2020-01-06', title: null });

// The pipeline is loaded and warm: tell the pool this thread can work.
parentPort!.postMessage({ ready: true });

// Replies wait until the documents already queued for this thread are done (setImmediate runs
// after the queued messages), then leave together: every message wakes the main thread, and on a
// loaded machine a wake-up often costs this thread its core.
let outbox: WorkerReply[] = [];
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (outbox.length === 0) return;
  parentPort!.postMessage({ replies: outbox });
  outbox = [];
}

function reply(r: WorkerReply): void {
  outbox.push(r);
  if (outbox.length >= MAX_BATCH) flush();
  else if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
}

/** Sends back what the main thread needs of one processed document. */
function done(n: number, result: Processed): void {
  // Tokens are only needed inside the pipeline (the store does not keep them), and sentence texts
  // are slices of the article text: neither is worth cloning back (the pool restores the texts).
  result.article.tokens = [];
  for (const s of result.article.sentences) s.text = '';
  // The near-duplicate fingerprint (shingling + MinHash) is per-text work too: done here, the
  // main thread only looks it up.
  reply({ n, result: { ...result, fingerprint: fingerprint(result.article.text) } });
}

parentPort!.on('message', ({ n, raw }: { n: number; raw: RawDocument }) => {
  try {
    const result = pipeline.run(raw);
    // Synchronous stages answer at once; an asynchronous one (a learned model) later.
    if (result instanceof Promise) result.then((r) => done(n, completeProcessed(raw, r)), (err: unknown) => reply({ n, error: errorMessage(err) }));
    else done(n, completeProcessed(raw, result));
  } catch (err) {
    reply({ n, error: errorMessage(err) });
  }
});
