// Ingest orchestration over a fake store: copies in one batch are stored once, unreadable documents
// are reported and skipped, and a failing store ends the run once instead of failing every document.
import { describe, expect, it } from 'vitest';
import { contentId } from '../../src/ingest/decode.js';
import type { IngestItem } from '../../src/ingest/index.js';
import { ingestItems, type IngestOutcome } from '../../src/app/ingest.js';
import type { Article, Event } from '../../src/model.js';
import type { Store } from '../../src/store/types.js';

function doc(text: string, source: string): IngestItem {
  return { id: contentId(text), source, url: null, format: 'text', content: text, published: '2015-09-06', title: null };
}

/** Just enough of a Store for ingest: saves in memory, or throws when told to. */
function fakeStore(failWith?: Error): Store & { saved: Map<string, Event[]> } {
  const saved = new Map<string, Event[]>();
  const store = {
    saved,
    hasArticle: async (id: string) => saved.has(id),
    saveArticle: async (a: Article, events: Event[]) => {
      if (failWith) throw failWith;
      if (saved.has(a.id)) return false;
      saved.set(a.id, events);
      return true;
    },
    minhashes: async () => [],
  };
  return store as unknown as Store & { saved: Map<string, Event[]> };
}

const KERRY = 'U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Monday to discuss Syria.';
const PUTIN = 'Russian President Vladimir Putin spoke by telephone with Turkish President Tayyip Erdogan on Sunday about the war in Syria.';

describe('ingest orchestration', () => {
  it('stores each content once, reports problems, and keeps input order', async () => {
    const store = fakeStore();
    const outcomes: IngestOutcome[] = [];
    const summary = await ingestItems(store, [doc(KERRY, 'a.txt'), { source: 'bad.bin', error: 'binary content' }, doc(KERRY, 'copy.txt'), doc(PUTIN, 'b.txt')], {
      onOutcome: (o) => outcomes.push(o),
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['stored', 'problem', 'skipped', 'stored']);
    expect(summary).toMatchObject({ stored: 2, skipped: 1, failed: 1 });
    expect(summary.events).toBe([...store.saved.values()].reduce((n, e) => n + e.length, 0));
    expect(summary.events).toBeGreaterThan(0);
  });

  it('stops reading when the signal aborts, after storing what was in flight', async () => {
    const store = fakeStore();
    const stop = new AbortController();
    const third = 'Turkish President Tayyip Erdogan visited Moscow on Tuesday for talks with Putin about gas supplies and Syria.';
    const summary = await ingestItems(store, [doc(KERRY, 'a.txt'), doc(PUTIN, 'b.txt'), doc(third, 'c.txt')], {
      signal: stop.signal,
      onOutcome: () => stop.abort(),
    });
    expect(summary).toMatchObject({ stored: 1, interrupted: true });
    expect([...store.saved.keys()]).toEqual([contentId(KERRY)]);
  });

  it('a failing store ends the run with its error instead of failing each document', async () => {
    const store = fakeStore(new Error('database or disk is full'));
    const outcomes: IngestOutcome[] = [];
    await expect(ingestItems(store, [doc(KERRY, 'a.txt'), doc(PUTIN, 'b.txt')], { onOutcome: (o) => outcomes.push(o) })).rejects.toThrow(/disk is full/);
    expect(outcomes).toEqual([]);
  });
});

describe('ingest with worker threads that cannot start', () => {
  it('fails once with a clear reason instead of once per document', async () => {
    // From the TypeScript sources there is no compiled pool-worker.js next to pool.ts: the threads cannot start.
    const outcomes: IngestOutcome[] = [];
    const run = ingestItems(fakeStore(), [doc(KERRY, 'a.txt'), doc(PUTIN, 'b.txt')], { jobs: 2, onOutcome: (o) => outcomes.push(o) });
    await expect(run).rejects.toThrow(/cannot start pipeline worker threads/);
    expect(outcomes).toEqual([]);
  });
});
