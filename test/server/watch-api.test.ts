// GET /api/alerts, /api/alerts/:name/hits, /api/watch and /api/new over a real SQLite store.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAlert, scanAlerts } from '../../src/app/alerts.js';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { sampleData } from '../fixtures/server/sample.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let roundStart: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-watch-api-'));
  store = await openStore(join(dir, 'test.db'));
  const [first, ...rest] = sampleData();
  await store.saveArticle(first!.article, first!.events); // before the alert and the round: old news
  await addAlert(store, 'rus-usa', { dyad: ['RUS', 'USA'] }, 'https://hooks.example.org/secret-path?token=abc');
  await new Promise((r) => setTimeout(r, 5)); // stored_at of the rest strictly after the round's start
  roundStart = new Date().toISOString();
  const round = await store.watch.startRound(roundStart);
  await store.watch.recordFeed('https://news.example.org/feed.rss', { title: 'World', etag: '"x"', last_modified: null, body_hash: null }, [
    { url: 'https://news.example.org/a', feed: 'https://news.example.org/feed.rss', title: 'A', published: null, content: null },
  ], roundStart);
  await new Promise((r) => setTimeout(r, 5));
  for (const { article, events } of rest) await store.saveArticle(article, events);
  await scanAlerts(store);
  await store.watch.finishRound(round, { stored: rest.length }, new Date().toISOString());
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
  app = await buildServer(store, { webRoot });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe('watch API', () => {
  it('lists alerts, showing only where a webhook goes', async () => {
    const { status, body } = await get('/api/alerts');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ name: 'rus-usa', filter: { dyad: ['RUS', 'USA'] }, webhook: 'https://hooks.example.org' });
    expect(body.items[0].hits).toBeGreaterThan(0);
  });

  it("pages an alert's hits; an unknown alert is a 404", async () => {
    const all = await get('/api/alerts/rus-usa/hits?limit=500');
    expect(all.status).toBe(200);
    const first = sampleData()[0]!.article.id;
    for (const h of all.body.items) {
      expect(h.alert).toBe('rus-usa');
      expect(h.event.claims.some((c: { article: string }) => c.article === first)).toBe(false); // older than the alert
    }
    const one = await get('/api/alerts/rus-usa/hits?limit=1');
    expect(one.body.items).toHaveLength(1);
    expect(one.body.next_offset).toBe(all.body.items.length > 1 ? 1 : null);
    expect((await get('/api/alerts/nope/hits')).status).toBe(404);
  });

  it('shows the feeds (without validators), page counts and rounds', async () => {
    const { status, body } = await get('/api/watch');
    expect(status).toBe(200);
    expect(body.feeds).toEqual([expect.objectContaining({ url: 'https://news.example.org/feed.rss', title: 'World', status: 'ok', failures: 0, pages: 1 })]);
    expect(body.feeds[0].etag).toBeUndefined();
    expect(body.pages).toEqual({ pending: 1, stored: 0, queued: 0, failed: 0 });
    expect(body.rounds[0]).toMatchObject({ started_at: roundStart, summary: { stored: 3 } });
  });

  it('says which mentions are new since the last round (or a given time)', async () => {
    const samples = sampleData();
    const newer = samples.slice(1).flatMap((s) => s.events.map((e) => e.id)).sort();
    const { body } = await get('/api/new');
    expect(body.since).toBe(roundStart);
    expect([...body.events].sort()).toEqual(newer);
    const all = await get(`/api/new?since=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
    expect(all.body.events).toHaveLength(samples.flatMap((s) => s.events).length);
    const bad = await get('/api/new?since=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/since/);
  });
});
