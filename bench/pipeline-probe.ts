// The parallelism the machine gives to *this* work right now: the pipeline alone (no reading, no
// store, no messages per document) over the same documents in 1 thread, then split over 2 threads,
// each thread warmed up before the clock starts. A plain CPU loop overstates it: two threads of
// NLP work compete for caches and memory bandwidth (and on a VM perhaps for one physical core), and
// other tenants' load changes from one minute to the next. --jobs 2 cannot beat this ratio.
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../src/model.js';

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.pipeline).then(({ processDocument }) => {
  for (const raw of workerData.docs.slice(0, 20)) processDocument(raw); // warm-up: dictionaries, JIT
  parentPort.postMessage('ready');
  parentPort.once('message', () => {
    const t0 = performance.now();
    for (const raw of workerData.docs) processDocument(raw);
    parentPort.postMessage(performance.now() - t0);
  });
});`;

async function timeThreads(pipeline: string, parts: RawDocument[][]): Promise<number> {
  const workers = parts.map((docs) => new Worker(THREAD, { eval: true, workerData: { pipeline, docs } }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)))));
    const t0 = performance.now();
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject), w.postMessage('go')))));
    return performance.now() - t0;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Time for all the documents in one thread divided by the time for halves in two threads. */
export async function pipelineThreadScaling(docs: RawDocument[]): Promise<number> {
  const pipeline = new URL('../src/pipeline.js', import.meta.url).href;
  const half = Math.ceil(docs.length / 2);
  const one = await timeThreads(pipeline, [docs]);
  const two = await timeThreads(pipeline, [docs.slice(0, half), docs.slice(half)]);
  return one / two;
}
