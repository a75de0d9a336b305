// `source` in the API is what the user gave - a URL, a record's name, a path relative to where ingest
// ran - never an absolute path of the server's disk (its file name alone), unless the server is
// started to show them. Ingest stores paths inside its folder relative to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSource } from '../../src/app/reads.js';
import { sourcePaths } from '../../src/cli/commands/ingest.js';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { sampleData } from '../fixtures/server/sample.js';

const SOURCES: Record<string, [stored: string, shown: string]> = {
  a1call: ['/srv/crawl/2017/10/lavrov-call.txt', 'lavrov-call.txt'],
  a2paris: ['feeds/paris.jsonl:12', 'feeds/paris.jsonl:12'],
  a3turkey: ['https://example.org/news/turkey', 'https://example.org/news/turkey'],
  a4markup: ['C:\\Users\\editor\\Desktop\\markup.html', 'markup.html'],
};

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-sources-'));
  store = await openStore(join(dir, 'sources.db'));
  for (const { article, events } of sampleData()) {
    const source = SOURCES[article.id]![0];
    await store.saveArticle({ ...article, source }, events.map((e) => ({ ...e, source_file: source })));
  }
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sources in the API', () => {
  it('shows absolute paths by their file name only, everything else as given, on every route that shows one', async () => {
    const app = await buildServer(store, {});
    try {
      const list = (await app.inject({ url: '/api/articles' })).json().items as { id: string; source: string }[];
      for (const a of list) expect(a.source, a.id).toBe(SOURCES[a.id]![1]);
      for (const id of Object.keys(SOURCES)) {
        expect((await app.inject({ url: `/api/articles/${id}` })).json().source).toBe(SOURCES[id]![1]);
      }
      const events = (await app.inject({ url: '/api/events?limit=100' })).json().items as { article: string; source_file: string }[];
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e.source_file).toBe(SOURCES[e.article]![1]);
      const detail = (await app.inject({ url: '/api/events/a1calle1' })).json();
      expect([detail.event.source_file, detail.article.source]).toEqual(['lavrov-call.txt', 'lavrov-call.txt']);
      const body = JSON.stringify([list, events, detail]);
      expect(body).not.toMatch(/\/srv\/|Users/);
    } finally {
      await app.close();
    }
  });

  it('shows them as stored when the server is started to (serve --show-paths)', async () => {
    const app = await buildServer(store, { showPaths: true });
    try {
      expect((await app.inject({ url: '/api/articles/a1call' })).json().source).toBe(SOURCES.a1call![0]);
      expect((await app.inject({ url: '/api/events/a1calle1' })).json().event.source_file).toBe(SOURCES.a1call![0]);
    } finally {
      await app.close();
    }
  });

  it('publicSource keeps URLs, names and relative paths, and cuts absolute paths to the file name', () => {
    expect(publicSource('https://x.org/a/b')).toBe('https://x.org/a/b');
    expect(publicSource('api')).toBe('api');
    expect(publicSource('stdin')).toBe('stdin');
    expect(publicSource('../data/feed.jsonl:3')).toBe('../data/feed.jsonl:3');
    expect(publicSource('/home/me/data/feed.jsonl:3')).toBe('feed.jsonl:3');
    expect(publicSource('/home/me/archive.json#2')).toBe('archive.json#2');
    expect(publicSource('\\\\server\\share\\x.txt')).toBe('x.txt');
  });
});

describe('ingest names what it read relative to where it ran', () => {
  it('paths inside the folder become relative; outside it, and "-", stay as given', () => {
    expect(sourcePaths(['/work/news/a.txt', '/work/news/feeds', '/other/b.txt', '-', 'rel/c.txt', '/work/news', '/work/news/..x/d.txt', '/work/newsroom/e.txt'], '/work/news')).toEqual([
      'a.txt',
      'feeds',
      '/other/b.txt',
      '-',
      'rel/c.txt',
      '.',
      '..x/d.txt',
      '/work/newsroom/e.txt',
    ]);
  });
});
