// The server's reader threads: the same answers as reads on this thread; cheap reads never wait
// behind expensive ones; clients take turns; a read past its deadline is abandoned (its thread
// replaced) and the pool goes on; a full queue refuses at once. Runs the compiled build (dist/),
// because reader threads load the compiled read-worker.js.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAlert, scanAlerts } from '../../src/app/alerts.js';
import { storeReads, type ReadOp } from '../../src/app/reads.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import type * as PoolModule from '../../src/app/read-pool.js';
import type * as ReadsModule from '../../src/app/reads.js';
import { ROOT } from '../fixtures/paths.js';
import { sampleData } from '../fixtures/server/sample.js';
import { makeArticle, makeEvent } from '../fixtures/store/story.js';

const dist = (p: string): string => pathToFileURL(join(ROOT, 'dist', p)).href;
let pool: typeof PoolModule;
let distReads: typeof ReadsModule;
let dir: string;
let small: string;
let busy: string;

beforeAll(async () => {
  pool = (await import(dist('src/app/read-pool.js'))) as typeof PoolModule;
  distReads = (await import(dist('src/app/reads.js'))) as typeof ReadsModule;
  dir = mkdtempSync(join(tmpdir(), 'demarche-read-pool-'));
  small = join(dir, 'small.db');
  const s = await openStore(small);
  // One article before an alert and a watch round, the rest during the round: the alert has hits.
  const [first, ...rest] = sampleData();
  await s.saveArticle(first!.article, first!.events);
  await addAlert(s, 'rus-usa', { dyad: ['RUS', 'USA'] }, 'https://hooks.example.org/secret');
  const round = await s.watch.startRound(new Date(Date.now() - 1000).toISOString());
  for (const { article, events } of rest) await s.saveArticle(article, events);
  await scanAlerts(s);
  await s.watch.finishRound(round, { stored: rest.length }, new Date().toISOString());
  await s.close();
  // Enough mentions of one dyad that merging them takes a good fraction of a second.
  busy = join(dir, 'busy.db');
  const b = await openStore(busy);
  for (let a = 0; a < 20; a++) {
    const article = makeArticle(`Russia and the United States talked, round ${a}. More words.`);
    const events = Array.from({ length: 2000 }, (_, i) =>
      makeEvent(article, 'RUSGOV', 'USAGOV', 'CONSULT', { id: `${article.id}e${i}`, date: `2015-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }),
    );
    await b.saveArticle(article, events);
  }
  await b.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ReadPool', () => {
  it('answers every operation as reads on this thread do', async () => {
    const readers = await pool.ReadPool.open(small, { readers: 2 });
    const store: Store = await openStore(small, { readOnly: true });
    const here = storeReads(store);
    try {
      const asks: [ReadOp, unknown[]][] = [
        ['counts', []],
        ['hasArticle', ['a1call']],
        ['listArticles', [{ limit: 10, lead: 20 }]],
        ['articleDetail', ['a2paris']],
        ['listEvents', [{ dyad: ['RUS', 'USA'] }]],
        ['listMerged', [{ contested: true }]],
        ['eventDetail', ['a2parise2']],
        ['search', ['Lavrov', 10]],
        ['busiestDyads', []],
        ['dyadTimeline', ['RUS', 'USA', { bucket: 'month' }]],
        ['listAlerts', []],
        ['alertHits', ['rus-usa', 10, 0]],
        ['alertHits', ['nope', 10, 0]],
        ['watchStatus', []],
        ['newSince', [undefined]],
        ['newSince', ['2000-01-01T00:00:00Z']],
      ];
      for (const [op, args] of asks) expect(await readers.run(op, args as never), op).toEqual(await here.run(op, args as never));
      // The watch's reads have something to show.
      expect((await readers.run('alertHits', ['rus-usa', 10, 0]))!.length).toBeGreaterThan(0);
      expect(await readers.run('alertHits', ['nope', 10, 0])).toBeNull();
      expect((await readers.run('newSince', [undefined])).events.length).toBeGreaterThan(0);
    } finally {
      await readers.close();
      await store.close();
    }
  });

  it('answers cheap reads while every reader is busy, and lets clients take turns', async () => {
    const readers = await pool.ReadPool.open(busy, { readers: 1 });
    try {
      const done: string[] = [];
      const ask = (label: string, op: ReadOp, client: string): Promise<unknown> =>
        readers.run(op, (op === 'counts' ? [] : [{}]) as never, { client }).then(() => done.push(label));
      const work = [ask('a1', 'listMerged', 'a'), ask('a2', 'listMerged', 'a'), ask('a3', 'listMerged', 'a'), ask('b1', 'listMerged', 'b')];
      await new Promise((r) => setTimeout(r, 50)); // a1 is running
      await ask('stats', 'counts', 'c');
      await Promise.all(work);
      // Answered while a1 (over half a second) still ran, with three more waiting.
      expect(done[0]).toBe('stats');
      // b's one read comes right after the read of a's that was running, not after all of a's.
      expect(done.slice(1)).toEqual(['a1', 'b1', 'a2', 'a3']);
    } finally {
      await readers.close();
    }
  });

  it('abandons a read past its deadline (its thread replaced) and goes on answering', async () => {
    const readers = await pool.ReadPool.open(busy, { readers: 1 });
    try {
      const started = performance.now();
      await expect(readers.run('listMerged', [{}], { signal: AbortSignal.timeout(40) })).rejects.toBeInstanceOf(distReads.DeadlineError);
      expect(performance.now() - started).toBeLessThan(300);
      // A queued read past its deadline never runs; the next read is answered normally.
      const queued = readers.run('listMerged', [{}], { signal: AbortSignal.timeout(1) });
      await expect(queued).rejects.toBeInstanceOf(distReads.DeadlineError);
      expect((await readers.run('listMerged', [{ limit: 1 }])).length).toBe(1);
    } finally {
      await readers.close();
    }
  });

  it('refuses at once when too many reads wait', async () => {
    const readers = await pool.ReadPool.open(busy, { readers: 1, maxQueued: 2 });
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => readers.run('listMerged', [{ limit: 1 }])));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused.length).toBe(3); // one running, two waiting
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(distReads.BusyError);
    } finally {
      await readers.close();
    }
  });

  it('reports a store it cannot open in one line', async () => {
    await expect(pool.ReadPool.open(join(dir, 'missing.db'), { readers: 1 })).rejects.toThrow(/^cannot read database .*missing\.db: no such file$/);
  });
});
