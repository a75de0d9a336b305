// One contract, two stores: the same assertions against SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../src/store/shared.js';
import { backends } from '../fixtures/store/backends.js';
import { makeArticle, makeEvent, storyFixture } from '../fixtures/store/story.js';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe.each(backends)('store contract: $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const world = storyFixture();
  const { a1, a2, a3, a4, a5, e1, e2, e3, e4, e5, e6 } = world.ids;

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

  it.skipIf(backend.skip)('saving the same id again is a no-op that returns false', async () => {
    const before = await store.counts();
    expect(before).toEqual({ articles: 5, events: 6 });
    const again = await store.saveArticle({ ...a1, title: 'changed' }, [makeEvent(a1, 'FRAGOV', 'DEUGOV', 'AGREE')]);
    expect(again).toBe(false);
    expect(await store.counts()).toEqual(before);
    expect((await store.getArticle(a1.id))!.title).toBe(a1.title);
    expect(await store.hasArticle(a1.id)).toBe(true);
    expect(await store.hasArticle('0000000000000000')).toBe(false);
  });

  it.skipIf(backend.skip)('an article with a foreign event is rejected whole', async () => {
    const lone = makeArticle('A lone article whose event points elsewhere.');
    await expect(store.saveArticle(lone, [makeEvent(a1, 'USAGOV', 'RUSGOV', 'AGREE')])).rejects.toThrow(/belongs to article/);
    expect(await store.hasArticle(lone.id)).toBe(false);
  });

  it.skipIf(backend.skip)('getArticle round-trips every field but tokens', async () => {
    for (const a of world.articles) expect(await store.getArticle(a.id)).toEqual({ ...a, tokens: [] });
    expect(await store.getArticle('ffffffffffffffff')).toBeNull();
  });

  it.skipIf(backend.skip)('listArticles lists in insertion order without annotations, with paging', async () => {
    const all = await store.listArticles();
    expect(all.map((r) => r.id)).toEqual(world.articles.map((a) => a.id));
    expect(all[3]).toEqual({ id: a4.id, source: a4.source, url: null, title: null, published: a4.published, language: 'fr', text: a4.text, duplicate_of: null });
    expect((await store.listArticles({ limit: 2, offset: 1 })).map((r) => r.id)).toEqual([a2.id, a3.id]);
    // A listing's lead: the opening characters only, counted in characters, not bytes.
    const leads = await store.listArticles({ lead: 5 });
    expect(leads.map((r) => r.text)).toEqual(world.articles.map((a) => [...a.text].slice(0, 5).join('')));
    expect(leads[3]).toEqual({ ...all[3], text: [...a4.text].slice(0, 5).join('') });
  });

  it.skipIf(backend.skip)('minhashes come back bit-exact', async () => {
    const m = await store.minhashes();
    expect(m.map((x) => x.id)).toEqual(world.articles.map((a) => a.id));
    expect(Array.from(m[0]!.signature)).toEqual([a1.text.length, 0xffffffff, 7, a1.text.charCodeAt(0)]);
  });

  it.skipIf(backend.skip)('events: filters by actor prefix, name, dyad, type and dates', async () => {
    expect(ids(await store.events())).toEqual(ids([e1, e2, e3, e4, e5, e6]));
    expect(ids(await store.events({ actor: 'RUS' }))).toEqual(ids([e1, e2, e3, e4]));
    expect(ids(await store.events({ actor: 'sergey lavrov' }))).toEqual(ids([e1, e2, e3]));
    expect(ids(await store.events({ actor: 'Xi' }))).toEqual(ids([e5]));
    expect(ids(await store.events({ dyad: ['USA', 'RUSGOV'] }))).toEqual(ids([e1, e2, e3, e4]));
    expect(ids(await store.events({ dyad: ['SYR', 'USA'] }))).toEqual(ids([e6]));
    expect(ids(await store.events({ type: 'ACCUSE' }))).toEqual(ids([e5, e6]));
    // A month-precise date overlaps a day range inside it; undated events fail any date bound.
    expect(ids(await store.events({ since: '2014-10-15', until: '2014-10-31' }))).toEqual(ids([e5]));
    expect(ids(await store.events({ since: '2015' }))).toEqual(ids([e1, e2, e3, e4]));
    expect(await store.events({ actor: 'NOSUCH' })).toEqual([]);
  });

  it.skipIf(backend.skip)('events: ordered by date (undated last) then id, paged', async () => {
    const all = await store.events();
    expect(all.at(-1)!.id).toBe(e6.id);
    expect(all[0]!.id).toBe(e5.id);
    expect(await store.events({ limit: 2, offset: 1 })).toEqual(all.slice(1, 3));
    await expect(store.events({ since: 'yesterday' })).rejects.toThrow(/since/);
  });

  it.skipIf(backend.skip)('getEvent round-trips the event exactly', async () => {
    expect(await store.getEvent(e2.id)).toEqual(e2);
    expect(await store.getEvent(e5.id)).toEqual(e5);
    expect(await store.getEvent('nope')).toBeNull();
  });

  it.skipIf(backend.skip)('search finds words, marks them in the snippet, and survives any input', async () => {
    const hits = await store.search('Syria');
    expect(hits.map((h) => h.article).sort()).toEqual([a1.id, a2.id, a3.id].sort());
    for (const h of hits) expect(h.snippet).toContain(`${SNIPPET_OPEN}Syria${SNIPPET_CLOSE}`);
    expect((await store.search('grain exports')).map((h) => h.article)).toEqual([a1.id]);
    expect((await store.search('provocations islands'))[0]).toMatchObject({ article: a5.id, published: '2014-10-20' });
    expect(await store.search('grain islands')).toEqual([]);
    for (const q of ['"unbalanced', 'AND OR NOT (', '*', '', 'NEAR(x', "'; DROP TABLE articles; --"]) {
      await expect(store.search(q)).resolves.toBeInstanceOf(Array);
    }
    expect(await store.counts()).toEqual({ articles: 5, events: 6 });
  });

  it.skipIf(backend.skip)('ranks a common word among the most recently stored matches and says it cut', async () => {
    // "Syria" is in a1, a2, a3 (stored in that order): two candidates leave a1 out.
    const cut = await store.searchRanked('Syria', { candidates: 2, limit: 10 });
    expect(cut).toMatchObject({ cut: true, ranked: 2 });
    expect(cut.hits.map((h) => h.article).sort()).toEqual([a2.id, a3.id].sort());
    const all = await store.searchRanked('Syria', { candidates: 3, limit: 10 });
    expect(all).toMatchObject({ cut: false, ranked: 3 });
    expect(all.hits).toHaveLength(3);
    expect(await store.searchRanked('grain islands')).toEqual({ hits: [], cut: false, ranked: 0 });
    // Untitled hits can carry their opening characters; titled ones carry null.
    expect((await store.searchRanked('Moscow', { lead: 12 })).hits).toEqual([expect.objectContaining({ article: a4.id, title: null, lead: 'Moscow denie' })]);
    for (const h of (await store.searchRanked('Syria', { lead: 12 })).hits) expect(h.lead).toBeNull();
  });
});
