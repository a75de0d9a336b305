// `demarche watch` on PostgreSQL: fetched pages are queued for `demarche worker` processes (one job
// per document, keyed by its content hash, as `demarche enqueue` does) instead of coded here.
import type { DocumentSink } from '../app/watch-sink.js';
import { DOCUMENT_TASK, MAX_ATTEMPTS } from './jobs.js';
import { openQueue } from './enqueue.js';

export async function queueSink(url: string): Promise<DocumentSink & { release(): Promise<void> }> {
  const queue = await openQueue(url);
  return {
    async put(doc) {
      // Stored already (an earlier round, another feed, `demarche ingest`): nothing to queue.
      if ((await queue.store.existingIds([doc.id])).has(doc.id)) return { state: 'stored', article: doc.id, events: 0, duplicate: false, already: true };
      await queue.utils.addJobs([{ identifier: DOCUMENT_TASK, payload: doc, jobKey: doc.id, maxAttempts: MAX_ATTEMPTS }]);
      return { state: 'queued', article: doc.id };
    },
    async close() {},
    release: () => queue.close(),
  };
}
