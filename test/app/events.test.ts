// Reading events through app/: mentions of contested events, and mentions merged into events at
// read time (syndicated copies counted once, denials contesting claims), over both stores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listEvents, listMerged } from '../../src/app/events.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { backends } from '../fixtures/store/backends.js';
import { makeArticle, makeEvent } from '../fixtures/store/make.js';
import { kerry, seedParis } from '../fixtures/store/paris.js';
import { storyFixture } from '../fixtures/store/story.js';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe.each(backends)('merged events over the $name store', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const world = storyFixture();
  const { e1, e2, e3, e4, e5 } = world.ids;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ store, dispose } = await backend.open());
    for (const a of world.articles) {
      const sig = new Uint32Array([a.text.length, 0xffffffff, 7, a.text.charCodeAt(0)]);
      expect(await store.saveArticle(a, world.events.get(a.id)!, sig)).toBe(true);
    }
  });
  afterAll(async () => {
    if (backend.skip) return;
    await store.close();
    await dispose();
  });

  it.skipIf(backend.skip)('one call from three reports, syndication counted once, denial contests it', async () => {
    const merged = await listMerged(store, { type: 'CONSULT' });
    expect(merged).toHaveLength(1);
    const call = merged[0]!;
    expect(call.mention_count).toBe(4);
    expect(call.source_count).toBe(3); // a3 is a copy of a2
    expect(call.contested).toBe(true);
    expect(call.mentions.sort()).toEqual(ids([e1, e2, e3, e4]));
    const contested = await listMerged(store, { contested: true });
    expect(contested.map((m) => m.type)).toEqual(['CONSULT']);
    // Hypothetical mentions never become merged events.
    expect((await listMerged(store, { type: 'ACCUSE' })).map((m) => m.mentions)).toEqual([[e5.id]]);
    expect(ids(await listEvents(store, { contested: true }))).toEqual(ids([e1, e2, e3, e4]));
  });
});

describe('contested events in the Paris world (SQLite)', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarche-app-events-'));
    store = await openStore(join(dir, 'test.db'));
    expect(await seedParis(store)).toEqual([true, true]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the mentions of contested events, paged after the merge', async () => {
    const mentions = async (f: Parameters<typeof listEvents>[1]) => (await listEvents(store, f)).map((e) => e.id);
    expect(await mentions({ contested: true })).toEqual(['k1-e2', 'l1-e1']);
    expect(await mentions({ contested: true, limit: 1, offset: 1 })).toEqual(['l1-e1']);
  });

  it('merges events at read time, with contested denials and duplicates counted once', async () => {
    const copy = makeArticle('k2', kerry.text + ' (syndicated)', { duplicate_of: 'k1', published: '2014-10-14' });
    await store.saveArticle(copy, [makeEvent(copy, 1, { type: 'CONSULT', date: '2014-10-14', location: 'Paris' })]);
    const merged = await listMerged(store, { dyad: ['USA', 'RUS'] });
    const consult = merged.find((m) => m.type === 'CONSULT')!;
    expect(consult).toMatchObject({ mention_count: 2, source_count: 1, mode: 'meet' });
    const contested = await listMerged(store, { contested: true });
    expect(contested).toHaveLength(1);
    expect(contested[0]).toMatchObject({ type: 'AGREE', date: '2014-10-14', contested: true, source_count: 2 });
    expect(contested[0].claims.map((c) => c.claimed_by)).toEqual(['John Kerry', 'Sergey Lavrov']);
    expect(await listMerged(store, { limit: 1 })).toHaveLength(1);
  });
});
