// What a worker does with one job: process the document (pure pipeline), then, holding the
// near-duplicate lock, bring its MinHash index up to date with what every worker stored, decide
// duplicate_of and save. Processing runs in parallel; only the short check-and-save is serialised.
import type { Task } from 'graphile-worker';
import { DuplicateFinder } from '../ingest/dedupe.js';
import { processDocument, type Processed } from '../pipeline.js';
import type { PostgresStore } from '../store/postgres.js';
import type { RawDocument } from '../model.js';
import { parseDocumentPayload } from './jobs.js';

export interface TaskStats {
  stored: number;
  /** Already stored (a copy processed by another worker, or a job re-run after a crash). */
  skipped: number;
  duplicates: number;
  events: number;
  problems: number;
  /** Milliseconds spent waiting for, and holding, the near-duplicate lock (what limits scaling). */
  lockWaitMs: number;
  lockHeldMs: number;
}

export function newStats(): TaskStats {
  return { stored: 0, skipped: 0, duplicates: 0, events: 0, problems: 0, lockWaitMs: 0, lockHeldMs: 0 };
}

/** This process's view of every stored MinHash signature, advanced by insertion counter. */
class SharedDuplicateIndex {
  private finder: DuplicateFinder | null = null;
  private cursor = 0;

  constructor(private readonly store: PostgresStore) {}

  /** Call only with the dedup lock held, so no save can slip between refresh and check. */
  async refresh(): Promise<DuplicateFinder> {
    if (!this.finder) {
      this.cursor = await this.store.lastSeq();
      this.finder = await DuplicateFinder.fromStore(this.store);
      return this.finder;
    }
    for (const row of await this.store.minhashesAfter(this.cursor)) {
      if (row.signature.length > 0) this.finder.remember(row.id, row.signature);
      this.cursor = row.seq;
    }
    return this.finder;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The graphile-worker task. A document that can never be stored (bad payload, pipeline error, no
 * text) is recorded in ingest_problems and the job completes; database errors throw, so
 * graphile-worker retries the job with exponential backoff.
 */
export function makeDocumentTask(store: PostgresStore, stats: TaskStats): Task {
  const index = new SharedDuplicateIndex(store);
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
      return problem(null, typeof p?.source === 'string' ? p.source : 'unknown', message(err));
    }
    // Database errors from here on throw: the job is retried with backoff.
    if (await store.hasArticle(raw.id)) {
      stats.skipped++;
      return;
    }
    let processed: Processed;
    try {
      processed = processDocument(raw);
    } catch (err) {
      // Pure code failing on this input fails the same way every time: report, do not retry.
      return problem(raw.id, raw.source, `pipeline failed: ${message(err)}`);
    }
    if (processed.article.text.trim() === '') return problem(raw.id, raw.source, 'no article text left after cleaning');
    const { article, events } = processed;
    const asked = performance.now();
    let got = asked;
    const saved = await store.withDedupLock(async () => {
      got = performance.now();
      const finder = await index.refresh();
      const { duplicateOf, signature } = finder.check(article.id, article.text);
      article.duplicate_of = duplicateOf;
      return store.saveArticle(article, events, signature);
    });
    stats.lockWaitMs += got - asked;
    stats.lockHeldMs += performance.now() - got;
    if (!saved) {
      stats.skipped++;
      return;
    }
    stats.stored++;
    stats.events += events.length;
    if (article.duplicate_of) stats.duplicates++;
  };
}
