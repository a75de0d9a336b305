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

/**
 * Keeps this process's CPU-bound pipeline runs out of the near-duplicate critical section. Node is
 * single-threaded: a sibling job's processDocument starting while we wait for or hold the lock
 * would keep the lock (held in PostgreSQL, for every worker everywhere) for its whole run.
 */
class CriticalGate {
  private inside = 0;
  private waiters: (() => void)[] = [];

  enter(): void {
    this.inside++;
  }

  leave(): void {
    if (--this.inside === 0) for (const w of this.waiters.splice(0)) w();
  }

  get busy(): boolean {
    return this.inside > 0;
  }

  /** Resolves when no job of this process is in the critical section. */
  idle(): Promise<void> {
    return this.inside === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
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
  const gate = new CriticalGate();
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
    // A loop: another job may enter the critical section between our wake-up and our turn.
    while (gate.busy) await gate.idle();
    try {
      processed = processDocument(raw);
    } catch (err) {
      // Pure code failing on this input fails the same way every time: report, do not retry.
      return problem(raw.id, raw.source, `pipeline failed: ${message(err)}`);
    }
    if (processed.article.text.trim() === '') return problem(raw.id, raw.source, 'no article text left after cleaning');
    const { article, events } = processed;
    const asked = performance.now();
    gate.enter();
    const saved = await store
      .withDedupLock(async () => {
        const got = performance.now();
        stats.lockWaitMs += got - asked;
        try {
          const finder = await index.refresh();
          const { duplicateOf, signature } = finder.check(article.id, article.text);
          article.duplicate_of = duplicateOf;
          return await store.saveArticle(article, events, signature);
        } finally {
          stats.lockHeldMs += performance.now() - got;
        }
      })
      .finally(() => gate.leave());
    if (!saved) {
      stats.skipped++;
      return;
    }
    stats.stored++;
    stats.events += events.length;
    if (article.duplicate_of) stats.duplicates++;
  };
}
