// Queue + workers against a real PostgreSQL: idempotent enqueue, exactly-once storage with
// concurrent workers, bad jobs reported once, and near-duplicate marking by a single marker.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources, isProblem } from '../../src/ingest/index.js';
import { ingestItems } from '../../src/app/ingest.js';
import type { RawDocument } from '../../src/model.js';
import { processDocument } from '../../src/pipeline.js';
import { enqueueDocuments, openQueue, pendingJobs } from '../../src/queue/enqueue.js';
import { DuplicateMarker } from '../../src/queue/dedup.js';
import { DOCUMENT_TASK } from '../../src/queue/jobs.js';
import { startWorker } from '../../src/queue/worker.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { pgUnavailableReason, testDatabase, type TestDatabase } from '../fixtures/pg-cluster.js';
import { ROOT } from '../fixtures/paths.js';

const SEEDS = join(ROOT, 'examples', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f));
const skip = pgUnavailableReason();
if (skip) console.warn(skip);

async function readAll(paths: string[]): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of readSources(paths)) if (!isProblem(item)) docs.push(item);
  return docs;
}

describe.skipIf(skip)('PostgreSQL queue and workers', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  const quiet = { log: () => {} };

  beforeAll(async () => {
    db = await testDatabase();
    store = await openPostgresStore(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  const reset = () => store.pool.query('TRUNCATE articles, events, ingest_problems; DELETE FROM graphile_worker._private_jobs');

  it('enqueue twice -> one job per document; a worker stores each once, like a local ingest', async () => {
    const first = await enqueueDocuments(db.url, readSources(seedFiles));
    const second = await enqueueDocuments(db.url, readSources([...seedFiles, seedFiles[0]!]));
    expect(first).toMatchObject({ queued: seedFiles.length, stored: 0, problems: [] });
    expect(second.repeated).toBe(1);
    expect((await pendingJobs(store)).pending).toBe(seedFiles.length);

    const worker = await startWorker(db.url, { concurrency: 2, untilEmpty: true, ...quiet });
    const stats = await worker.done;
    expect(stats.stored).toBe(seedFiles.length);
    expect((await pendingJobs(store)).pending).toBe(0);

    // The same documents through the local (SQLite) ingest give the same articles and events.
    const dir = mkdtempSync(join(tmpdir(), 'demarche-pgq-'));
    const local = openSqliteStore(join(dir, 'local.db'));
    try {
      await ingestItems(local, readSources(seedFiles));
      expect((await store.listArticles()).map((a) => a.id).sort()).toEqual((await local.listArticles()).map((a) => a.id).sort());
      expect(await store.counts()).toEqual(await local.counts());
      expect((await store.events()).map((e) => e.id).sort()).toEqual((await local.events()).map((e) => e.id).sort());
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }

    const third = await enqueueDocuments(db.url, readSources(seedFiles));
    expect(third).toMatchObject({ queued: 0, stored: seedFiles.length });
  });

  it('two workers coding copies of one story store it once, with its events once', async () => {
    await reset();
    const [doc] = await readAll([seedFiles[0]!]);
    const expected = processDocument(doc!);
    const queue = await openQueue(db.url);
    // Distinct job keys on purpose: the queue would otherwise have merged the copies.
    await queue.utils.addJobs(Array.from({ length: 8 }, (_, i) => ({ identifier: DOCUMENT_TASK, payload: doc, jobKey: `copy-${i}` })));
    await queue.close();
    const workers = await Promise.all([1, 2].map(() => startWorker(db.url, { concurrency: 4, untilEmpty: true, ...quiet })));
    const stats = await Promise.all(workers.map((w) => w.done));
    expect(stats.reduce((n, s) => n + s.stored, 0)).toBe(1);
    expect(stats.reduce((n, s) => n + s.stored + s.skipped, 0)).toBe(8);
    expect(await store.counts()).toEqual({ articles: 1, events: expected.events.length });
  });

  it('a bad job is reported once and not retried; good jobs beside it are stored', async () => {
    await reset();
    const [good] = await readAll([seedFiles[1]!]);
    const queue = await openQueue(db.url);
    await queue.utils.addJobs([
      { identifier: DOCUMENT_TASK, payload: { id: 'not-a-hash', source: 'evil.json' }, jobKey: 'bad-1' },
      { identifier: DOCUMENT_TASK, payload: { ...good!, id: 'ab'.repeat(8), format: 'pdf' }, jobKey: 'bad-2' },
      { identifier: DOCUMENT_TASK, payload: good, jobKey: good!.id },
    ]);
    await queue.close();
    const worker = await startWorker(db.url, { untilEmpty: true, ...quiet });
    const stats = await worker.done;
    expect(stats).toMatchObject({ stored: 1, problems: 2 });
    const problems = await store.problems();
    expect(problems.map((p) => p.source).sort()).toEqual(['evil.json', good!.source].sort());
    expect(problems.find((p) => p.source === 'evil.json')!.error).toMatch(/content-hash id/);
    expect(await pendingJobs(store)).toEqual({ pending: 0, failed: 0 });
  });

  it('one marker at a time; the role passes on when its holder goes', async () => {
    const a = new DuplicateMarker(db.url, store);
    const b = new DuplicateMarker(db.url, store);
    try {
      expect(await a.lead()).toBe(true);
      expect(await b.lead()).toBe(false);
      expect(await b.pass()).toBe(0); // not the marker: does nothing
      await a.close();
      expect(await b.lead()).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('near-copies processed concurrently are marked as a sequential ingest marks them', async () => {
    await reset();
    const [doc] = await readAll([seedFiles[2]!]);
    const variants: RawDocument[] = [0, 1, 2, 3].map((i) => {
      const content = `${doc!.content}\n\nSyndicated by agency ${i}.`;
      return { ...doc!, id: `${doc!.id.slice(0, 14)}0${i}`, source: `copy-${i}.txt`, content };
    });
    const dir = mkdtempSync(join(tmpdir(), 'demarche-pgq-'));
    const local = openSqliteStore(join(dir, 'local.db'));
    let sequentialDuplicates: number;
    try {
      sequentialDuplicates = (await ingestItems(local, variants)).duplicates;
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const queue = await openQueue(db.url);
    await queue.utils.addJobs(variants.map((d) => ({ identifier: DOCUMENT_TASK, payload: d, jobKey: d.id })));
    await queue.close();
    const workers = await Promise.all([1, 2].map(() => startWorker(db.url, { concurrency: 2, untilEmpty: true, ...quiet })));
    const stats = await Promise.all(workers.map((w) => w.done));
    expect(stats.reduce((n, s) => n + s.stored, 0)).toBe(4);
    const marked = (await store.listArticles()).filter((a) => a.duplicate_of !== null).length;
    expect(sequentialDuplicates).toBe(3); // all copies of the first one stored
    expect(marked).toBe(sequentialDuplicates);
    expect(stats.reduce((n, s) => n + s.duplicates, 0)).toBe(3);
    expect(await store.unsignedCount()).toBe(0); // every article checked before the workers exit
  });
});
