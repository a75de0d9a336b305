// What a worker does with one job: save the document (app/save.ts: process, then store). Near-
// duplicate marking is not done here but by the one marker process (dedup.ts), so saves never wait
// for a lock.
import type { Task } from 'graphile-worker';
import { saveDocument } from '../app/save.js';
import type { RawDocument } from '../model.js';
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
    // Database errors from here on throw: the job is retried with backoff. Pure code failing on
    // this input (a pipeline error, no text left) fails the same way every time: report, do not retry.
    // Signature and duplicate_of are left to the marker (a null minhash = not checked yet).
    const outcome = await saveDocument(store, raw);
    if (outcome.kind === 'problem') return problem(raw.id, raw.source, outcome.problem.error);
    if (outcome.kind === 'skipped') {
      stats.skipped++;
      return;
    }
    stats.stored++;
    stats.events += outcome.events;
  };
}
