// What a worker does with one job: process the document (pure pipeline) and save it. Near-duplicate
// marking is not done here but by the one marker process (dedup.ts), so saves never wait for a lock.
import type { Task } from 'graphile-worker';
import type { Processed, RawDocument } from '../model.js';
import { loadPipeline } from '../pipeline.js';
import type { PostgresStore } from '../store/postgres.js';
import { parseDocumentPayload } from './jobs.js';
import { errorMessage } from '../errors.js';

export interface TaskStats {
  stored: number;
  /** Already stored (a copy processed by another worker, or a job re-run after a crash). */
  skipped: number;
  /** Near-duplicates this process marked while it was the marker (dedup.ts). */
  duplicates: number;
  events: number;
  problems: number;
}

export function newStats(): TaskStats {
  return { stored: 0, skipped: 0, duplicates: 0, events: 0, problems: 0 };
}


/**
 * The graphile-worker task. A document that can never be stored (bad payload, pipeline error, no
 * text) is recorded in ingest_problems and the job completes; database errors throw, so
 * graphile-worker retries the job with exponential backoff.
 */
export function makeDocumentTask(store: PostgresStore, stats: TaskStats): Task {
  const problem = async (docId: string | null, source: string, error: string): Promise<void> => {
    stats.problems++;
    await store.recordProblem(docId, source, error);
  };
  return async (payload) => {
    let raw: RawDocument;
    try {
      raw = parseDocumentPayload(payload);
    } catch (err) {
      const p = payload as { source?: unknown } | null;
      return problem(null, typeof p?.source === 'string' ? p.source : 'unknown', errorMessage(err));
    }
    // Database errors from here on throw: the job is retried with backoff.
    if (await store.hasArticle(raw.id)) {
      stats.skipped++;
      return;
    }
    let processed: Processed;
    try {
      processed = await (await loadPipeline()).run(raw);
    } catch (err) {
      // Pure code failing on this input fails the same way every time: report, do not retry.
      return problem(raw.id, raw.source, `pipeline failed: ${errorMessage(err)}`);
    }
    if (processed.article.text.trim() === '') return problem(raw.id, raw.source, 'no article text left after cleaning');
    const { article, events } = processed;
    // Signature and duplicate_of are left to the marker (null minhash = not checked yet).
    const saved = await store.saveArticle(article, events);
    if (!saved) {
      stats.skipped++;
      return;
    }
    stats.stored++;
    stats.events += events.length;
  };
}
