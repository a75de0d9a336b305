// HTTP API through fastify inject, over a real SQLite store holding hand-made articles and events.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';
import { LIST_LEAD_CHARS } from '../../src/server/routes/articles.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { sampleData } from '../fixtures/server/sample.js';
import { ROOT } from '../fixtures/paths.js';

const TOKEN = 's3cret-token';
let dir: string;
let store: Store;
let app: FastifyInstance;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-server-'));
  store = await openStore(join(dir, 'test.db'));
  for (const { article, events } of sampleData()) await store.saveArticle(article, events);
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>demarche test ui</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  app = await buildServer(store, { token: TOKEN, webRoot });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers };
};

describe('GET /api/events', () => {
  it('pages with limit/offset and says whether more remain', async () => {
    const all = await get('/api/events?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(7);
    expect(all.body.next_offset).toBeNull();
    const first = await get('/api/events?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.next_offset).toBe(3);
    const last = await get('/api/events?limit=3&offset=6');
    expect(last.body.items).toHaveLength(1);
    expect(last.body.next_offset).toBeNull();
    const ids = [...first.body.items, ...(await get('/api/events?limit=3&offset=3')).body.items, ...last.body.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(7);
  });

  it('rejects bad paging and filter values with a one-line 400', async () => {
    for (const url of ['/api/events?limit=501', '/api/events?limit=abc', '/api/events?offset=-1', '/api/events?type=DANCE', '/api/events?since=last-week', '/api/events?since=2017-13-45', '/api/events?until=2017-02-30', '/api/merged?since=2017-00', '/api/events?dyad=RUS', '/api/events?contested=maybe']) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(res.body.error).not.toMatch(/\n|at .*\.ts/);
    }
    expect((await get('/api/events?limit=0')).body.error).toMatch(/^invalid limit/);
    // Messages a person reads, not the validator's internals.
    // A page holds 500 rows at most; a download (format=csv|json) up to 20,000.
    expect((await get('/api/events?limit=abc')).body.error).toBe('invalid limit: expected a whole number from 1 to 20000');
    expect((await get('/api/events?limit=501')).body.error).toBe('invalid limit: a page holds at most 500 rows (ask for format=csv or json to download up to 20000)');
    expect((await get('/api/events?limit=501&format=csv')).status).toBe(200);
    expect((await get('/api/events?type=DANCE')).body.error).toMatch(/^invalid type: expected a PLOVER type: AGREE, CONSULT/);
    expect((await get('/api/merged?contested=maybe')).body.error).toBe('invalid contested: expected true or false');
    expect((await get('/api/events?since=2017-13-45')).body.error).toMatch(/^invalid since: no such date/);
    expect((await get('/api/dyads/RUS/USA/timeline?until=2017-02-29')).status).toBe(400);
    // Real calendar dates, including a leap day, still pass.
    expect((await get('/api/events?since=2016-02-29&until=2017')).status).toBe(200);
  });

  it('filters by dyad (either direction), type, dates and actor', async () => {
    const dyad = await get('/api/events?dyad=RUS,USA&limit=100');
    expect(dyad.body.items.map((e: { id: string }) => e.id).sort()).toEqual(['a1calle1', 'a1calle2', 'a2parise1', 'a2parise2', 'a2parise3', 'a4markupe1']);
    const consult = await get('/api/events?dyad=usa,rus&type=consult');
    expect(consult.body.items.map((e: { id: string }) => e.id).sort()).toEqual(['a1calle1', 'a2parise1']);
    const y2017 = await get('/api/events?since=2017-10-01&until=2017-10-09');
    expect(y2017.body.items.map((e: { id: string }) => e.id).sort()).toEqual(['a1calle1', 'a1calle2']);
    const turkey = await get('/api/events?actor=TUR');
    expect(turkey.body.items.map((e: { id: string }) => e.id)).toEqual(['a3turkeye1']);
  });
});

describe('GET /api/events/:id', () => {
  it('returns the event with its evidence and article', async () => {
    const res = await get('/api/events/a1calle1');
    expect(res.status).toBe(200);
    expect(res.body.event.mode).toBe('phone');
    expect(res.body.event.evidence.text).toMatch(/^On October 9, Foreign Minister Sergey Lavrov spoke by phone/);
    expect(res.body.article).toMatchObject({ id: 'a1call', published: '2017-10-09' });
  });
  it('404s on an unknown id and 400s on a malformed one', async () => {
    expect(await get('/api/events/nope')).toMatchObject({ status: 404, body: { error: 'event nope not found' } });
    expect((await get('/api/events/%3Cscript%3E')).status).toBe(400);
  });
});

describe('articles', () => {
  it('lists articles with paging', async () => {
    const res = await get('/api/articles?limit=2');
    expect(res.body.items).toHaveLength(2);
    expect(res.body.next_offset).toBe(2);
    expect((await get('/api/articles?limit=2&offset=2')).body.next_offset).toBeNull();
  });

  it('lists only the opening characters of each text; the article itself has all of it', async () => {
    const [sample] = sampleData();
    const long = { ...sample!.article, id: 'longtext', text: 'Kerry met Lavrov. '.repeat(500) };
    const own = await openStore(join(dir, 'long.db'));
    const server = await buildServer(own, { token: TOKEN, webRoot: join(dir, 'web') });
    try {
      await own.saveArticle(long, []);
      const list = (await server.inject({ method: 'GET', url: '/api/articles' })).json();
      expect(list.items[0].text).toBe(long.text.slice(0, LIST_LEAD_CHARS));
      expect((await server.inject({ method: 'GET', url: '/api/articles/longtext' })).json().text).toBe(long.text);
    } finally {
      await server.close();
      await own.close();
    }
  });
  it('returns the clean text with entity spans and evidence spans that point into it', async () => {
    const res = await get('/api/articles/a2paris');
    expect(res.status).toBe(200);
    expect(res.body.tokens).toBeUndefined();
    expect(res.body.events).toHaveLength(3);
    const slices = res.body.events.map((e: { evidence: { start: number; end: number } }) => res.body.text.slice(e.evidence.start, e.evidence.end));
    expect(slices).toEqual([
      'Kerry and Lavrov met in Paris on October 14.',
      'Kerry said they agreed to intensify intelligence cooperation.',
      'Lavrov denied that any agreement had been reached with Washington.',
    ]);
    const call = await get('/api/articles/a1call');
    const ent = call.body.entities[0];
    expect(call.body.text.slice(ent.start, ent.end)).toBe(ent.text);
    expect((await get('/api/articles/zzz')).status).toBe(404);
  });
});

describe('GET /api/dyads/:a/:b/timeline', () => {
  it('buckets events per month with counts and Goldstein of asserted events', async () => {
    const res = await get('/api/dyads/RUS/USA/timeline?bucket=month');
    expect(res.status).toBe(200);
    expect(res.body.points.map((p: { period: string }) => p.period)).toEqual(['2014-10', '2017-10']);
    const [oct14, oct17] = res.body.points;
    // 2014-10: consult (+1), agree (+3), negated agree (not counted in Goldstein).
    expect(oct14).toMatchObject({ count: 3, asserted: 2, goldstein_sum: 4, goldstein_mean: 2, start: '2014-10-01', end: '2014-10-31', forward: 1, backward: 2 });
    expect(oct14.events.sort()).toEqual(['a2parise1', 'a2parise2', 'a2parise3']);
    expect(oct17).toMatchObject({ count: 3, goldstein_sum: -3, goldstein_mean: -1 });
    expect(res.body.total).toBe(6);
  });
  it('uses Monday-based weeks and rejects unknown buckets', async () => {
    const res = await get('/api/dyads/rus/usa/timeline?bucket=week');
    expect(res.body.points.map((p: { period: string; end: string }) => [p.period, p.end])).toEqual([
      ['2014-10-13', '2014-10-19'],
      ['2017-10-09', '2017-10-15'],
      ['2017-10-16', '2017-10-22'],
    ]);
    expect((await get('/api/dyads/RUS/USA/timeline?bucket=fortnight')).status).toBe(400);
    expect((await get('/api/dyads/RUS/U%20SA/timeline')).status).toBe(400);
  });
  it('ranks country dyads for the picker', async () => {
    const res = await get('/api/dyads');
    expect(res.body.items[0]).toEqual({ a: 'RUS', b: 'USA', count: 6, a_name: 'Russia', b_name: 'United States' });
    expect(res.body.items[1]).toEqual({ a: 'RUS', b: 'TUR', count: 1, a_name: 'Russia', b_name: 'Turkey' });
  });
});

describe('search and merged', () => {
  it('finds articles by full text and requires q', async () => {
    const res = await get('/api/search?q=Tillerson');
    expect(res.body.items.map((h: { article: string }) => h.article)).toEqual(['a1call']);
    expect((await get('/api/search')).status).toBe(400);
    expect((await get('/api/search?q=%22unbalanced')).status).toBeLessThan(500);
  });
  it('gives untitled hits their opening text to be named by, and titled hits none', async () => {
    const [{ article }] = sampleData();
    const text = `Untitled dispatch about Zanzibar talks. ${'More words follow here. '.repeat(20)}`;
    await store.saveArticle({ ...article, id: 'untitled1', title: null, text, url: null }, []);
    const items = (await get('/api/search?q=Zanzibar')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ article: 'untitled1', title: null, lead: text.slice(0, 200) });
    expect((await get('/api/search?q=Tillerson')).body.items[0]).toMatchObject({ article: 'a1call', lead: null });
  });
  it('serves merged events with the contested flag', async () => {
    const res = await get('/api/merged?dyad=RUS,USA&limit=100');
    expect(res.status).toBe(200);
    const mentions = res.body.items.flatMap((m: { mentions: string[] }) => m.mentions).sort();
    expect(mentions).toEqual(['a1calle1', 'a1calle2', 'a2parise1', 'a2parise2', 'a2parise3', 'a4markupe1']);
    for (const m of res.body.items) expect(typeof m.contested).toBe('boolean');
    const contested = await get('/api/merged?contested=true');
    for (const m of contested.body.items) expect(m.contested).toBe(true);
  });
});

describe('POST /api/articles', () => {
  const doc = {
    text: 'Foreign Minister Sergey Lavrov met US Secretary of State John Kerry in Geneva on Friday to discuss Syria. ' +
      'The two ministers agreed to continue talks next week, the Russian Foreign Ministry said in a statement.',
    url: 'https://example.org/geneva',
    published: '2016-09-09',
    title: 'Lavrov meets Kerry in Geneva',
  };
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('401s without a token or with a wrong one', async () => {
    expect((await post(doc)).statusCode).toBe(401);
    const wrong = await post(doc, { authorization: 'Bearer nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: 'invalid bearer token' });
  });
  it('400s on invalid JSON and on a document that fails the schema', async () => {
    expect((await post('{"text": ', auth)).statusCode).toBe(400);
    for (const bad of [{}, { text: 'a', html: '<p>a</p>' }, { text: 'x', published: '9 Sept' }, { text: 'x', extra: 1 }, { text: 'x', url: 'not a url' }]) {
      const res = await post(bad, auth);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error).toMatch(/^invalid /);
    }
  });
  it('413s over the size limit, before parsing', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024 + 10) });
    const res = await post(huge, auth);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'request body too large' });
  });
  it('checks the token before reading a large body, and refuses non-JSON bodies', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
    expect((await post(huge)).statusCode).toBe(401);
    const form = await app.inject({ method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(form.statusCode).toBe(415);
    expect(form.json().error).toMatch(/application\/json/);
  });
  it('ingests through the pipeline; posting the same content again is a no-op', async () => {
    const before = await store.counts();
    const res = await post(doc, auth);
    expect(res.statusCode).toBe(201);
    const { id, stored } = res.json();
    expect(stored).toBe(true);
    expect((await store.counts()).articles).toBe(before.articles + 1);
    const stored1 = await get(`/api/articles/${id}`);
    expect(stored1.body.text).toContain('Lavrov met US Secretary of State John Kerry');
    expect(stored1.body.published).toBe('2016-09-09');
    const again = await post(doc, auth);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, stored: false });
  });
  it('403s when the server has no token at all', async () => {
    const open = await buildServer(store, {});
    const res = await open.inject({ method: 'POST', url: '/api/articles', payload: doc });
    expect(res.statusCode).toBe(403);
    await open.close();
  });
});

describe('private mode, headers, errors, static files, OpenAPI', () => {
  it('--private requires the token for reads too', async () => {
    const priv = await buildServer(store, { token: TOKEN, private: true });
    expect((await priv.inject({ url: '/api/events' })).statusCode).toBe(401);
    expect((await priv.inject({ url: '/api/events', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    await priv.close();
    await expect(buildServer(store, { private: true })).rejects.toThrow(/needs a token/);
  });
  it('sends a CSP that forbids inline scripts on every response', async () => {
    for (const url of ['/', '/api/events', '/api/nothing-here']) {
      const csp = (await get(url)).headers['content-security-policy'] as string;
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    expect((await get('/')).headers['x-content-type-options']).toBe('nosniff');
  });
  it('answers store failures with a generic 500 and no stack trace', async () => {
    const broken = { ...store, events: async () => { throw new Error('disk on fire at /secret/path.ts:12'); } } as Store;
    const srv = await buildServer(broken, {});
    const res = await srv.inject({ url: '/api/events' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal server error' });
    await srv.close();
  });
  it('serves the UI, refuses paths outside its root, explains an unbuilt UI', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: expect.stringContaining('demarche test ui') });
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/api/nothing-here')).body).toEqual({ error: 'no such endpoint: GET /api/nothing-here' });
    // A real endpoint with the wrong method is a 405 naming the right ones.
    const put = await app.inject({ method: 'PUT', url: '/api/articles' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, POST, HEAD');
    expect(put.json()).toEqual({ error: 'PUT is not allowed on /api/articles (use GET or POST)' });
    const del = await app.inject({ method: 'DELETE', url: '/api/events/abc?x=1' });
    expect([del.statusCode, del.json().error]).toEqual([405, 'DELETE is not allowed on /api/events/abc (use GET)']);
    expect((await app.inject({ method: 'DELETE', url: '/api/nothing/here' })).statusCode).toBe(404);
    // The bare /api prefix is an API miss (JSON), not a missing UI file (text).
    expect(await get('/api')).toMatchObject({ status: 404, body: { error: 'no such endpoint: GET /api' } });
    const unbuilt = await buildServer(store, { webRoot: join(dir, 'missing') });
    const res = await unbuilt.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/vite build --config web\/vite.config.ts/);
    await unbuilt.close();
  });
  it('documents every /api route in the OpenAPI document', async () => {
    const srv = (await import('fastify')).default();
    srv.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) if (r.url.startsWith('/api/') && m !== 'HEAD') routes.push({ method: m.toLowerCase(), url: r.url });
    });
    // Registering the same routes on a spy instance lists them without touching the server under test.
    const { eventRoutes } = await import('../../src/server/routes/events.js');
    const { articleRoutes } = await import('../../src/server/routes/articles.js');
    const { dyadRoutes } = await import('../../src/server/routes/dyads.js');
    const { searchRoutes } = await import('../../src/server/routes/search.js');
    const { storeReads } = await import('../../src/app/reads.js');
    const reads = storeReads(store);
    const counts = async () => store.counts();
    eventRoutes(srv, reads);
    articleRoutes(srv, reads, null, { disabled: 'unused' });
    dyadRoutes(srv, reads, counts);
    searchRoutes(srv, reads, counts);
    await srv.ready();
    const doc = (await get('/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(routes.length).toBeGreaterThan(8);
    for (const r of routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method], `${r.method} ${path}`).toBeDefined();
    }
    await srv.close();
  });
});

describe('merged view of one event', () => {
  it('links a claimed agreement to its denial and marks it contested', async () => {
    const res = await get('/api/events/a2parise2');
    expect(res.body.merged).not.toBeNull();
    expect(res.body.merged.mentions.sort()).toEqual(['a2parise2', 'a2parise3']);
    expect(res.body.merged.contested).toBe(true);
  });
});

describe('demarche serve', () => {
  it('listens on a real port, and reports a busy port and a tokenless --private as one-line errors', async () => {
    // The compiled build: the server's reader and writer threads load compiled modules.
    const dist = (p: string): string => pathToFileURL(join(ROOT, 'dist', p)).href;
    const { startServer } = (await import(dist('src/cli/commands/serve.js'))) as typeof import('../../src/cli/commands/serve.js');
    const { UserError } = (await import(dist('src/cli/common.js'))) as typeof import('../../src/cli/common.js');
    delete process.env.DEMARCHE_TOKEN;
    const db = join(dir, 'serve.db');
    const running = await startServer({ db, port: '0', host: '127.0.0.1', token: TOKEN });
    try {
      const res = await fetch(`${running.url}/api/stats`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ articles: 0, events: 0 });
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      // The watch's routes are answered by the reader threads too.
      const alerts = await fetch(`${running.url}/api/alerts`);
      expect(alerts.status).toBe(200);
      expect(await alerts.json()).toEqual({ items: [] });
      expect((await fetch(`${running.url}/api/alerts/none/hits`)).status).toBe(404);
      expect(await (await fetch(`${running.url}/api/watch`)).json()).toEqual({ feeds: [], pages: { pending: 0, stored: 0, queued: 0, failed: 0 }, rounds: [] });
      expect(await (await fetch(`${running.url}/api/new`)).json()).toEqual({ since: null, events: [], truncated: false });
      const port = new URL(running.url).port;
      await expect(startServer({ db, port, host: '127.0.0.1' })).rejects.toThrow(new UserError(`port ${port} is already in use`));
    } finally {
      await running.stop();
    }
    await expect(startServer({ db, port: '0', host: '127.0.0.1', private: true })).rejects.toThrow(/--private needs a token/);
    await expect(startServer({ db, port: '99999', host: '127.0.0.1' })).rejects.toBeInstanceOf(UserError);
  });
});
