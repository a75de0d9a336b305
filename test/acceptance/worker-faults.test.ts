// Faults with PostgreSQL workers: a worker killed with SIGKILL mid-batch, and the database stopped
// and restarted mid-run. Either way every document ends up stored exactly once.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDocuments, openQueue, pendingJobs } from '../../src/queue/enqueue.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { pipelineEventCounts, ROOT, spawnTs, syntheticDocs, waitFor, type Child } from './faults-helpers.js';
import { cluster, pgUnavailableReason, testDatabase, type TestDatabase } from '../fixtures/pg-cluster.js';

const WORKER = join(ROOT, 'test', 'fixtures', 'faults', 'worker-child.ts');
const skip = pgUnavailableReason({ ownCluster: true }); // it stops and restarts PostgreSQL itself
if (skip) console.warn(skip);

describe.skipIf(skip)('faults: PostgreSQL workers', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  const children: Child[] = [];

  beforeAll(async () => {
    db = await testDatabase({ ownCluster: true }); // own cluster: this file stops and restarts it
    store = await openPostgresStore(db.url);
  });
  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await store?.close();
    await db?.dispose();
  });

  const worker = (mode?: 'until-empty', concurrency = 2): Child => {
    const c = spawnTs(WORKER, [db.url, String(concurrency), ...(mode ? [mode] : [])]);
    children.push(c);
    return c;
  };

  /** Every document stored exactly once: same id set, and each with as many events as the pipeline makes. */
  const expectExactlyOnce = async (docs: ReturnType<typeof syntheticDocs>, n: number) => {
    const stored = await store.pool.query<{ id: string }>('SELECT id FROM articles');
    expect(stored.rows.map((r) => r.id).sort()).toEqual(docs.map((d) => d.id).sort());
    const expected = await pipelineEventCounts(n);
    const { rows } = await store.pool.query<{ id: string; n: number }>(
      'SELECT a.id, count(e.id)::int AS n FROM articles a LEFT JOIN events e ON e.article = a.id GROUP BY a.id',
    );
    for (const r of rows) expect(r.n, `events of ${r.id}`).toBe(expected.get(r.id));
    expect(await pendingJobs(store)).toEqual({ pending: 0, failed: 0 });
    expect(await store.unsignedCount()).toBe(0); // near-duplicate marking caught up too
  };

  it('SIGKILL of a worker mid-batch, then a restart: every article exactly once', async () => {
    const docs = syntheticDocs(150);
    expect((await enqueueDocuments(db.url, docs)).queued).toBe(150);
    const doomed = worker(undefined, 4);
    await waitFor('the first articles', async () => (await store.counts()).articles >= 20);
    doomed.proc.kill('SIGKILL');
    await doomed.exited;
    const before = (await store.counts()).articles;
    expect(before).toBeLessThan(150); // really mid-batch
    const { rows } = await store.pool.query('SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL');
    expect(rows[0].n).toBeGreaterThan(0); // the dead worker held jobs: they must come back

    const successor = worker('until-empty');
    expect(await successor.exited).toBe(0);
    const stats = JSON.parse(successor.stdout.at(-1)!);
    expect(stats.stored).toBe(150 - before);
    expect(successor.stderr.join('\n')).toMatch(/released the jobs of 1 dead worker pool/);
    await expectExactlyOnce(docs, 150);
  });

  it('PostgreSQL stopped and restarted mid-run: workers retry with backoff and finish', async () => {
    await (await openQueue(db.url)).close(); // queue schema in place (when run alone)
    await store.pool.query('TRUNCATE articles, events; DELETE FROM graphile_worker._private_jobs; DELETE FROM worker_pools');
    const docs = syntheticDocs(300).slice(150); // different documents from the first test's
    expect((await enqueueDocuments(db.url, docs)).queued).toBe(150);
    const a = worker('until-empty');
    const b = worker('until-empty');
    await waitFor('the first articles', async () => (await store.counts()).articles >= 20);
    cluster('halt', db.ownClusterUrl!);
    await new Promise((r) => setTimeout(r, 3_000));
    cluster('resume', db.ownClusterUrl!);
    const codes = await Promise.race([
      Promise.all([a.exited, b.exited]),
      new Promise<string>((r) => setTimeout(() => r('still running after 40 s'), 40_000)),
    ]);
    expect(codes, [...a.stderr, '---', ...b.stderr].join('\n')).toEqual([0, 0]);
    // Our own pool reconnects too (its old connections died with the server).
    await waitFor('the store pool to reconnect', async () => store.counts().then(() => true, () => false), 10_000);
    await expectExactlyOnce(docs, 300);
    const stored = [a, b].map((c) => JSON.parse(c.stdout.at(-1)!).stored as number);
    expect(stored[0]! + stored[1]!).toBe(150);
  });
});
