// Where the documents of fetched pages go. Embedded (SQLite): through the pipeline here, one at a
// time, saved as any ingested document is (app/save.ts). PostgreSQL: the face hands a sink that
// queues them for the workers instead (src/queue/watch-sink.ts).
import { DuplicateFinder } from '../dedupe/finder.js';
import type { RawDocument } from '../model.js';
import type { Store } from '../store/types.js';
import { saveDocument } from './save.js';

export type SinkOutcome =
  | { state: 'stored'; article: string; events: number; duplicate: boolean; already: boolean }
  | { state: 'queued'; article: string }
  | { state: 'failed'; error: string };

export interface DocumentSink {
  /** Takes one document; a failure of this document resolves as 'failed', a store failure throws. */
  put(doc: RawDocument): Promise<SinkOutcome>;
  close(): Promise<void>;
}

/** Codes and stores documents in this process, one at a time (the pipeline is CPU-bound anyway). */
export function pipelineSink(store: Store): DocumentSink {
  // One near-duplicate index for the process's life, seeded from the store at the first document.
  let finder: Promise<DuplicateFinder> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  const save = async (doc: RawDocument): Promise<SinkOutcome> => {
    finder ??= DuplicateFinder.fromStore(store);
    const outcome = await saveDocument(store, doc, await finder);
    if (outcome.kind === 'problem') return { state: 'failed', error: outcome.problem.error };
    if (outcome.kind === 'skipped') return { state: 'stored', article: outcome.id, events: 0, duplicate: false, already: true };
    return { state: 'stored', article: outcome.id, events: outcome.events, duplicate: outcome.duplicate_of !== null, already: false };
  };
  return {
    put(doc) {
      const result = tail.then(() => save(doc));
      tail = result.catch(() => undefined);
      return result;
    },
    async close() {
      await tail;
    },
  };
}
