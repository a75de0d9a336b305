// One pipeline worker thread: RawDocument in, {article, events} out.
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model.js';
import { processDocument } from '../pipeline.js';

// The pipeline modules are loaded (static imports above): tell the pool this thread can work.
parentPort!.postMessage({ ready: true });

parentPort!.on('message', ({ n, raw }: { n: number; raw: RawDocument }) => {
  try {
    const result = processDocument(raw);
    // Tokens are only needed inside the pipeline (the store does not keep them): not worth cloning back.
    result.article.tokens = [];
    parentPort!.postMessage({ n, result });
  } catch (err) {
    parentPort!.postMessage({ n, error: err instanceof Error ? err.message : String(err) });
  }
});
