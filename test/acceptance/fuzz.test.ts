// Property tests with a seeded PRNG (DEMARCHE_FUZZ_SEED=n reproduces a run): random bytes,
// truncated HTML and JSON Lines, huge lines and wrong encodings through ingest, and random bodies
// through POST /api/articles. Nothing crashes, every bad item is reported, the rest is stored.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentId } from '../../src/ingest/decode.js';
import { readSources } from '../../src/ingest/index.js';
import { ingestItems } from '../../src/app/ingest.js';
import { buildServer } from '../../src/server/index.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { pgUnavailableReason, testDatabase } from '../fixtures/pg-cluster.js';
import { ROOT } from '../fixtures/paths.js';

const SEED = Number(process.env.DEMARCHE_FUZZ_SEED ?? 20151006);
const pgSkip = pgUnavailableReason();
const SEEDS_DIR = join(ROOT, 'examples', 'seeds');
const seedTexts = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));

/** mulberry32: tiny, fast, good enough to pick test cases reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => int(256))),
  };
}

/** A distinct, valid news text. */
function goodText(rng: ReturnType<typeof prng>, i: number): string {
  return `${rng.pick(seedTexts).trim()}\n\nFuzz dispatch ${i}-${rng.int(1e9)}.`;
}

/** Random and mutated bodies through POST /api/articles; returns nothing, asserts as it goes. */
async function fuzzApi(store: Store, seed: number): Promise<void> {
  const rng = prng(seed);
  const app = await buildServer(store, { token: 'fuzz-token' });
  const auth = { authorization: 'Bearer fuzz-token' };
  const valid = new Set<string>();
  try {
    for (let i = 0; i < 80; i++) {
      const text = goodText(rng, 1000 + i);
      const body = { text, url: `https://example.org/a/${i}`, published: '2015-09-06', title: `Title ${i}` };
      const json = JSON.stringify(body);
      const mutation = rng.int(9);
      let payload: string | Buffer;
      let contentType = 'application/json';
      let expectStored = false;
      switch (mutation) {
        case 0: payload = json; expectStored = true; break;
        case 1: payload = json.slice(0, rng.int(json.length)); break; // truncated JSON
        case 2: payload = rng.bytes(1 + rng.int(2000)); break; // random bytes
        case 3: payload = JSON.stringify({ ...body, text: rng.pick([42, null, [], {}, '']) }); break;
        case 4: payload = JSON.stringify({ ...body, published: rng.pick(['yesterday', '2015-13-45', 20150906]) }); break;
        case 5: payload = JSON.stringify({ ...body, html: '<p>both</p>' }); break;
        case 6: payload = JSON.stringify({ ...body, extra: 'field' }); break;
        case 7: payload = Buffer.concat([Buffer.from('{"text":"'), rng.bytes(200), Buffer.from('"}')]); break;
        default: payload = json; contentType = rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']);
      }
      const res = await app.inject({ method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': contentType }, payload });
      const what = `seed ${seed}, request ${i}, mutation ${mutation}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, what).toBeLessThan(500);
      if (expectStored) {
        expect([200, 201], what).toContain(res.statusCode);
        valid.add(contentId(text));
      } else {
        expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
      }
      expect(() => JSON.parse(res.body), what).not.toThrow(); // errors are JSON too
    }
    const ids = new Set((await store.listArticles()).map((a) => a.id));
    expect(ids).toEqual(valid);
    // The server is still healthy after all of that.
    const after = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: goodText(rng, 9999) } });
    expect(after.statusCode).toBe(201);
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'demarche-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`fuzz (seed ${SEED})`, () => {
  it('ingest: garbage is reported, never fatal, and good documents beside it are stored', async () => {
    const rng = prng(SEED);
    const inputs = join(dir, 'inputs');
    const goodIds = new Set<string>();
    /** Sources that must come out as a problem. */
    const mustFail = new Set<string>();
    /** Sources that must come out stored or as a problem — never silently vanish. */
    const accounted = new Set<string>();
    const write = (name: string, data: Buffer | string) => {
      const p = join(inputs, name);
      writeFileSync(p, data);
      return p;
    };
    mkdirSync(inputs);

    for (let i = 0; i < 12; i++) {
      const text = goodText(rng, i);
      write(`good-${i}.txt`, text);
      goodIds.add(contentId(text));
      accounted.add(join(inputs, `good-${i}.txt`));
    }
    for (let i = 0; i < 8; i++) accounted.add(write(`random-${i}.${rng.pick(['txt', 'html', 'bin', 'xml'])}`, rng.bytes(1 + rng.int(4000))));
    for (let i = 0; i < 6; i++) {
      const html = `<html><head><title>T${i}</title></head><body><article><p>${goodText(rng, 100 + i).replace(/\n\n/g, '</p><p>')}</p></article></body></html>`;
      accounted.add(write(`truncated-${i}.html`, html.slice(0, 1 + rng.int(html.length - 1))));
    }
    mustFail.add(write('empty.txt', ''));
    // Wrong encodings: Latin-1 and UTF-16 bytes of good text, and broken UTF-8.
    const accented = `${goodText(rng, 200)} Café crème à Genève, naïve élan.`;
    accounted.add(write('latin1.txt', Buffer.from(accented, 'latin1')));
    accounted.add(write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodText(rng, 201), 'utf16le')])));
    accounted.add(write('bad-utf8.txt', Buffer.concat([Buffer.from(goodText(rng, 202)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28])])));

    // JSON Lines: good records, truncated records, a huge line, junk — each bad line reported by number.
    const lines: string[] = [];
    const jsonl = join(inputs, 'mixed.jsonl');
    for (let i = 0; i < 30; i++) {
      const text = goodText(rng, 300 + i);
      const record = JSON.stringify({ text, url: `https://example.org/${i}`, published: '2015-09-06' });
      const kind = rng.int(5);
      if (kind === 0) {
        lines.push(record.slice(0, 1 + rng.int(record.length - 2)));
        mustFail.add(`${jsonl}:${lines.length}`);
      } else if (kind === 1) {
        lines.push(rng.pick(['[1,2,3]', '"just a string"', '{"title":"no body"}', 'null', '{"text":""}']));
        mustFail.add(`${jsonl}:${lines.length}`);
      } else {
        lines.push(record);
        goodIds.add(contentId(text));
      }
    }
    lines.push(JSON.stringify({ text: 'x'.repeat(300_000) }));
    mustFail.add(`${jsonl}:${lines.length}`);
    writeFileSync(jsonl, lines.join('\n') + '\n');

    const store = openSqliteStore(join(dir, 'ingest.db'));
    try {
      const summary = await ingestItems(store, readSources([inputs], { maxBytes: 100_000 }));
      const problemSources = new Set(summary.problems.filter((p) => !p.warning).map((p) => p.source));
      for (const s of mustFail) expect(problemSources, `seed ${SEED}: ${s} not reported`).toContain(s);
      const articles = await store.listArticles();
      const storedIds = new Set(articles.map((a) => a.id));
      for (const id of goodIds) expect(storedIds, `seed ${SEED}: good document ${id} not stored`).toContain(id);
      const storedSources = new Set(articles.map((a) => a.source));
      for (const s of accounted) {
        expect(storedSources.has(s) || problemSources.has(s), `seed ${SEED}: ${s} neither stored nor reported`).toBe(true);
      }
      for (const p of summary.problems) expect(p.error).not.toMatch(/\n|\s+at\s.+:\d+:\d+/); // one line, no stack
      expect((await store.counts()).articles).toBe(summary.stored);
    } finally {
      await store.close();
    }
  });

  it('POST /api/articles (SQLite): random bodies get 4xx, never 5xx; valid ones are stored', async () => {
    const store = openSqliteStore(join(dir, 'api.db'));
    try {
      await fuzzApi(store, SEED + 1);
    } finally {
      await store.close();
    }
  });

  it.skipIf(pgSkip)('POST /api/articles (PostgreSQL): the same, against server mode', async () => {
    const db = await testDatabase();
    const store = await openPostgresStore(db.url);
    try {
      await fuzzApi(store, SEED + 2);
    } finally {
      await store.close();
      await db.dispose();
    }
  });
});
