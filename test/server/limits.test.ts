// No client can hold the server: per-client concurrency and rate limits (429 with Retry-After, other
// clients unaffected), per-request deadlines (503 with Retry-After), a deadline on slow bodies
// (408, connection closed), and one error shape with the security headers on every refusal -
// including the ones Node's parser and fastify's router make before any route runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untilAborted, type ReadOp, type Reads } from '../../src/app/reads.js';
import type { Writes } from '../../src/app/writes.js';
import { buildServer, type ServerOptions } from '../../src/server/index.js';
import { SECURITY_HEADERS } from '../../src/server/security.js';
import { rawRequest } from '../fixtures/server/raw-http.js';

const TOKEN = 'limits-token';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Readers that answer after `delayMs` (or never), and say which operations they ran. */
function slowReads(delayMs: number | null): Reads & { ran: ReadOp[] } {
  const ran: ReadOp[] = [];
  return {
    ran,
    run: (op, _args, ctx) => {
      ran.push(op);
      const answer = op === 'counts' ? { articles: 1, events: 2 } : op === 'search' ? { items: [], cut: false, ranked: 0 } : [];
      const work = new Promise((resolve) => {
        if (delayMs !== null) setTimeout(() => resolve(answer), delayMs).unref();
      });
      return untilAborted(work, ctx?.signal) as never;
    },
    close: async () => undefined,
  };
}

const noWrites: Writes = { ingest: async () => ({ kind: 'skipped', id: 'x', source: 'x' }), close: async () => undefined };

async function server(reads: Reads, opts: ServerOptions = {}): Promise<FastifyInstance> {
  return buildServer({ reads, writes: noWrites }, { token: TOKEN, webRoot: join(dir, 'no-ui'), ...opts });
}

function expectHeaders(headers: Record<string, string | string[] | number | undefined>, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${what}: ${name}`).toBe(value);
}

describe('per-client limits', () => {
  it('answers 429 with Retry-After past the concurrency limit, for that client only', async () => {
    const app = await server(slowReads(300), { limits: { concurrent: 2 } });
    try {
      const get = (ip: string) => app.inject({ url: '/api/events', remoteAddress: ip });
      const [a, b, c, other] = await Promise.all([get('10.0.0.1'), get('10.0.0.1'), get('10.0.0.1'), get('10.0.0.2')]);
      const statuses = [a, b, c].map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 200, 429]);
      const refused = [a, b, c].find((r) => r.statusCode === 429)!;
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json()).toEqual({ error: expect.stringMatching(/too many requests at once/) });
      expectHeaders(refused.headers, '429');
      expect(other.statusCode).toBe(200);
      // Once answered, the client's places are free again.
      expect((await get('10.0.0.1')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 429 past the rate, with the seconds to wait; other clients keep going', async () => {
    const app = await server(slowReads(0), { limits: { rate: 2, burst: 4 } });
    try {
      const statuses: number[] = [];
      let refused;
      for (let i = 0; i < 6; i++) {
        const r = await app.inject({ url: '/api/events', remoteAddress: '10.0.1.1' });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) refused = r;
      }
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      expect(statuses.slice(4)).toEqual([429, 429]);
      expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(refused!.json().error).toMatch(/at most 2 per second/);
      expect((await app.inject({ url: '/api/events', remoteAddress: '10.0.1.2' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('does not count the web UI\'s files', async () => {
    const app = await server(slowReads(0), { limits: { rate: 1, burst: 1 } });
    try {
      for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/', remoteAddress: '10.0.2.1' })).statusCode).toBe(503); // unbuilt UI, never 429
    } finally {
      await app.close();
    }
  });
});

describe('deadlines', () => {
  it('answers 503 with Retry-After when a read takes longer than its deadline, and the work is abandoned', async () => {
    const app = await server(slowReads(null), { deadlines: { readMs: 150 } });
    try {
      const started = Date.now();
      const res = await app.inject({ url: '/api/search?q=the' });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({ error: expect.stringMatching(/took too long/) });
      expectHeaders(res.headers, '503');
    } finally {
      await app.close();
    }
  });

  it('closes a connection whose body does not arrive in time, with a 408 in the one error shape', async () => {
    const app = await server(slowReads(0), { deadlines: { bodyMs: 300 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      const started = Date.now();
      const head = ['POST /api/articles HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 1000', `Authorization: Bearer ${TOKEN}`].join('\r\n');
      const res = await rawRequest(port, head, '{"text": "the first bytes', { closeWaitMs: 2000 });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(res.status).toBe(408);
      expect(JSON.parse(res.body)).toEqual({ error: expect.stringMatching(/did not arrive within/) });
      expectHeaders(res.headers, '408');
      expect(res.closed).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers an unauthorised body at once and closes the connection instead of reading the rest', async () => {
    const app = await server(slowReads(0), { deadlines: { bodyMs: 60_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      const head = ['POST /api/articles HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 4000000'].join('\r\n');
      const res = await rawRequest(port, head, '{"text": "slow', { closeWaitMs: 2000 });
      expect(res.status).toBe(401);
      expect(res.headers.connection).toBe('close');
      expect(res.closed).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('one error shape, framework errors included', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await server(slowReads(0));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => app?.close());

  const cases: [string, string, string, number, RegExp][] = [
    ['bad percent-encoding', 'GET /% HTTP/1.1\r\nHost: x\r\nConnection: close', '', 400, /malformed URL/],
    ['an oversized URL', `GET /api/events?actor=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close`, '', 431, /too large/],
    ['an oversized path parameter', `GET /api/events/${'e'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close`, '', 404, /no such endpoint/],
    ['an invalid Content-Length', 'POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: abc', '{}', 400, /Content-Length/],
    ['Content-Length and chunked together', 'POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked', '0\r\n\r\n', 400, /./],
    ['a broken request line', 'GARBAGE', '', 400, /malformed HTTP request/],
    ['an unknown path', 'GET /api/nothing HTTP/1.1\r\nHost: x\r\nConnection: close', '', 404, /no such endpoint/],
    ['a wrong method', 'PATCH /api/events HTTP/1.1\r\nHost: x\r\nConnection: close', '', 405, /not allowed/],
    ['invalid JSON', `POST /api/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 9`, '{"text": ', 400, /invalid JSON/],
    ['a missing UI file', 'GET /nothing.js HTTP/1.1\r\nHost: x\r\nConnection: close', '', 404, /no such file/],
  ];
  for (const [what, head, body, status, message] of cases) {
    it(`${what}: ${status}, {error}, security headers`, async () => {
      const res = await rawRequest(port, head, body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const parsed = JSON.parse(res.body) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['error']);
      expect(parsed.error).toMatch(message);
      expectHeaders(res.headers, what);
    });
  }
});
