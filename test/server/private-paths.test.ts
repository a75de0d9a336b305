// `serve --private`: the token is required on the route that actually runs, whatever spelling of the
// path reaches it - percent-encoded, double-encoded, mixed case, dot segments, doubled slashes -
// for every API route, the OpenAPI document, unknown paths and wrong methods. Requests go over a
// bare socket so the request line arrives as written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';
import { SECURITY_HEADERS } from '../../src/server/security.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { rawGet, rawRequest, type RawAnswer } from '../fixtures/server/raw-http.js';
import { sampleData } from '../fixtures/server/sample.js';

const TOKEN = 'private-token';
const AUTH = `Authorization: Bearer ${TOKEN}`;
let dir: string;
let store: Store;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-private-'));
  store = await openStore(join(dir, 'private.db'));
  for (const { article, events } of sampleData()) await store.saveArticle(article, events);
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>private ui</title>');
  app = await buildServer(store, { token: TOKEN, private: true, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every API route, as a concrete path that answers 200 with the token. */
const ROUTES = [
  '/api/events',
  '/api/events/a1calle1',
  '/api/merged',
  '/api/articles',
  '/api/articles/a1call',
  '/api/dyads',
  '/api/dyads/RUS/USA/timeline',
  '/api/search?q=Lavrov',
  '/api/stats',
  '/api/openapi.json',
];

/** Ways of writing /api/<rest> that a router or a lenient proxy may read as that path. */
function spellings(path: string): string[] {
  const rest = path.slice('/api'.length);
  return [
    `/%61pi${rest}`, // percent-encoded letter
    `/a%70i${rest}`,
    `/%61%70%69${rest}`,
    `/a%50i${rest}`, // encoded upper-case P: mixed case
    `/API${rest}`,
    `/Api${rest}`,
    `/%2561pi${rest}`, // double-encoded
    `/%252561pi${rest}`, // triple
    `/x/../api${rest}`, // dot segments
    `/api/.${rest}`,
    `/./api${rest}`,
    `/%2e%2e/api${rest}`,
    `/x/%2e%2e/api${rest}`,
    `//api${rest}`, // doubled slashes
    `/api/${rest}`,
    `/api%2f${rest.slice(1)}`, // encoded slash
  ];
}

function expectRefused(res: RawAnswer, what: string): void {
  expect(res.status, what).toBe(401);
  expect(JSON.parse(res.body), what).toEqual({ error: expect.stringMatching(/bearer token/) });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name], `${what}: ${name}`).toBe(value);
}

describe('--private: authorisation on the route that runs', () => {
  it('refuses every API route without the token, and serves it with the token', async () => {
    for (const path of ROUTES) {
      expectRefused(await rawGet(port, path), path);
      const ok = await rawGet(port, path, [AUTH]);
      expect(ok.status, path).toBe(200);
    }
  });

  it('refuses every spelling of every API route without the token: nothing but a 401 leaves', async () => {
    for (const route of ROUTES) {
      for (const path of spellings(route)) {
        const res = await rawGet(port, path);
        expectRefused(res, path);
      }
    }
  });

  it('with the token, spellings the router decodes reach their route (so the check saw that route)', async () => {
    for (const path of ['/%61pi/stats', '/a%70i/merged', '/%61pi/search?q=Lavrov', '/%61pi/openapi.json', '/a%70i/events/a1calle1']) {
      const res = await rawGet(port, path, [AUTH]);
      expect(res.status, path).toBe(200);
      expect(JSON.parse(res.body), path).not.toHaveProperty('error');
    }
  });

  it('refuses unknown API paths and wrong methods alike (they would say what exists)', async () => {
    for (const path of ['/api/nothing', '/%61pi/nothing', '/api', '/API', '/api/events/a1calle1/x']) expectRefused(await rawGet(port, path), path);
    for (const method of ['DELETE', 'PUT', 'PATCH', 'OPTIONS']) {
      for (const path of ['/api/events', '/%61pi/events', '/whatever']) {
        const res = await rawRequest(port, [`${method} ${path} HTTP/1.1`, 'Host: x', 'Connection: close'].join('\r\n'));
        expectRefused(res, `${method} ${path}`);
      }
    }
    const post = await rawRequest(port, ['POST /%61pi/articles HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 2', 'Connection: close'].join('\r\n'), '{}');
    expectRefused(post, 'POST /%61pi/articles');
  });

  it('serves the web UI\'s own files without the token, and nothing else through that route', async () => {
    for (const path of ['/', '/index.html', '/%69ndex.html']) {
      const res = await rawGet(port, path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain('private ui');
    }
    expect((await rawGet(port, '/missing.js')).status).toBe(404);
    // An undecodable path never reaches a route; its 400 carries no data and the same headers.
    const bad = await rawGet(port, '/%');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: expect.stringMatching(/malformed URL/) });
    expect(bad.headers['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
  });
});

describe('without --private', () => {
  it('still requires the token to post, under any spelling of the path', async () => {
    const open = await buildServer(store, { token: TOKEN, webRoot: join(dir, 'web') });
    await open.listen({ port: 0, host: '127.0.0.1' });
    const p = (open.server.address() as { port: number }).port;
    try {
      for (const path of ['/api/articles', '/%61pi/articles', '/a%70i/%61rticles']) {
        const res = await rawRequest(p, [`POST ${path} HTTP/1.1`, 'Host: x', 'Content-Type: application/json', 'Content-Length: 14', 'Connection: close'].join('\r\n'), '{"text":"hi."}');
        expect(res.status, path).toBe(401);
      }
      expect((await rawGet(p, '/%61pi/stats')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
