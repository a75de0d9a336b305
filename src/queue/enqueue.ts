// Putting documents on the queue: one graphile-worker job per document, jobKey = content hash, so
// enqueueing the same files twice leaves one job per document (and stored ones are skipped).
import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import type { IngestProblem, RawDocument } from '../model.js';
import { isProblem, type IngestItem } from '../ingest/index.js';
import { openPostgresStore, type PostgresStore } from '../store/postgres.js';
import { DOCUMENT_TASK, MAX_ATTEMPTS } from './jobs.js';
import { quietLogger } from './log.js';

export interface EnqueueSummary {
  queued: number;
  /** Already in the store: not queued again. */
  stored: number;
  /** Same content seen earlier in this run. */
  repeated: number;
  problems: IngestProblem[];
}

export interface EnqueueOptions {
  onProblem?: (p: IngestProblem) => void;
  /** Jobs per INSERT; a batch is also cut at BATCH_BYTES of content. */
  batchSize?: number;
}

const BATCH_BYTES = 8 * 1024 * 1024;

/** Opens the queue schema (graphile-worker migrations) and the store schema. */
export async function openQueue(url: string): Promise<{ utils: WorkerUtils; store: PostgresStore; close(): Promise<void> }> {
  const store = await openPostgresStore(url, { max: 2 });
  let utils: WorkerUtils;
  try {
    utils = await makeWorkerUtils({ pgPool: store.pool, logger: quietLogger((l) => process.stderr.write(l + '\n')) });
    await utils.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    utils,
    store,
    async close() {
      await utils.release();
      await store.close();
    },
  };
}

export async function enqueueDocuments(
  url: string,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  opts: EnqueueOptions = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, stored: 0, repeated: 0, problems: [] };
  const queue = await openQueue(url);
  const seen = new Set<string>();
  let batch: RawDocument[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const stored = await queue.store.existingIds(batch.map((d) => d.id));
    const fresh = batch.filter((d) => !stored.has(d.id));
    summary.stored += batch.length - fresh.length;
    if (fresh.length > 0) {
      await queue.utils.addJobs(
        fresh.map((d) => ({ identifier: DOCUMENT_TASK, payload: d, jobKey: d.id, maxAttempts: MAX_ATTEMPTS })),
      );
    }
    summary.queued += fresh.length;
    batch = [];
    bytes = 0;
  };
  try {
    for await (const item of items) {
      if (isProblem(item)) {
        summary.problems.push(item);
        opts.onProblem?.(item);
        continue;
      }
      // jobKey must be unique within one addJobs call, and a repeat is work saved anyway.
      if (seen.has(item.id)) {
        summary.repeated++;
        continue;
      }
      seen.add(item.id);
      batch.push(item);
      bytes += item.content.length;
      if (batch.length >= (opts.batchSize ?? 500) || bytes >= BATCH_BYTES) await flush();
    }
    await flush();
  } finally {
    await queue.close();
  }
  return summary;
}

/** Jobs not yet done (waiting, running, or scheduled for a retry); permanently failed ones excluded. */
export async function pendingJobs(store: PostgresStore): Promise<{ pending: number; failed: number }> {
  const { rows } = await store.pool.query<{ pending: string; failed: string }>(
    `SELECT count(*) FILTER (WHERE attempts < max_attempts) AS pending,
            count(*) FILTER (WHERE attempts >= max_attempts) AS failed
       FROM graphile_worker.jobs WHERE task_identifier = $1`,
    [DOCUMENT_TASK],
  );
  return { pending: Number(rows[0]!.pending), failed: Number(rows[0]!.failed) };
}
