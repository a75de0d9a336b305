// One pipeline worker thread: RawDocument in, {article, events} out.
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model.js';
import { processDocument } from '../pipeline.js';

parentPort!.on('message', ({ n, raw }: { n: number; raw: RawDocument }) => {
  try {
    parentPort!.postMessage({ n, result: processDocument(raw) });
  } catch (err) {
    parentPort!.postMessage({ n, error: err instanceof Error ? err.message : String(err) });
  }
});
