// One reader thread of the server's read pool: its own read-only connection to the store, the
// read operations of reads.ts run here, so the server's event loop never waits on a query or a merge.
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../errors.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { runRead, type ReadOp } from './reads.js';

export interface ReaderSetup {
  location: string;
  showPaths: boolean;
}

export type ReaderRequest = { n: number; op: ReadOp; args: unknown[] };
export type ReaderReply = { n: number; answer: unknown } | { n: number; error: string };

const { location, showPaths } = workerData as ReaderSetup;

let store: Store;
try {
  store = await openStore(location, { readOnly: true, connections: 2 });
} catch (err) {
  parentPort!.postMessage({ failed: errorMessage(err) });
  process.exit(0);
}
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async ({ n, op, args }: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    reply = { n, answer: await runRead(store, op, args, showPaths) };
  } catch (err) {
    reply = { n, error: errorMessage(err) };
  }
  parentPort!.postMessage(reply);
});
