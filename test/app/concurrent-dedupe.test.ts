// Near-duplicate marking is exact whatever the number of writers: two `demarche ingest` processes
// and a server taking POSTs, all writing one store at once (copies of each story sent to all three
// at the same moment), group the articles exactly as one sequential ingest of the same documents
// does - on SQLite and on PostgreSQL. Runs the real binary (dist/).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentId } from '../../src/ingest/decode.js';
import { openStore } from '../../src/store/index.js';
import { pgUnavailableReason, testDatabase } from '../fixtures/pg-cluster.js';
import { ROOT } from '../fixtures/paths.js';

const BIN = join(ROOT, 'bin', 'demarche.js');
const SEEDS = join(ROOT, 'examples', 'seeds');
const TOKEN = 'dedupe-token';
const dir = mkdtempSync(join(tmpdir(), 'demarche-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pgSkip = pgUnavailableReason();

/** A deterministic stream of pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = ('minister ambassador talks ceasefire border troops council sanctions treaty envoy summit rebels ' +
  'parliament election protest capital officials statement agreement delegation security region aid convoy ' +
  'negotiators villages coalition spokesman militia province harbour refugees observers monitors').split(' ');

/** A made-up dispatch of about 160 words: sentences of vocabulary words with numbers, unique per seed. */
function dispatch(seed: number): string {
  const next = random(seed);
  const sentences: string[] = [];
  for (let s = 0; s < 16; s++) {
    const words = Array.from({ length: 10 }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
    words.splice(3, 0, String(Math.floor(next() * 100000)));
    sentences.push(`${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`);
  }
  return sentences.join(' ');
}

/** A syndicated copy: another headline and footer around the same story. */
const copy = (story: string, k: number): string => `Dispatch from outlet ${k}\n\n${story}\n\nShare this story. (c) Outlet ${k}, all rights reserved.`;

/** Stories with four copies each (five real articles and eight made-up ones), and forty one-off dispatches. */
function documents(): { stories: string[][]; singles: string[] } {
  const real = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const stories = [...real, ...Array.from({ length: 8 }, (_, i) => dispatch(1000 + i))].map((story) => [1, 2, 3, 4].map((k) => copy(story, k)));
  const singles = Array.from({ length: 40 }, (_, i) => dispatch(5000 + i));
  return { stories, singles };
}

const record = (text: string): string => JSON.stringify({ text, published: '2015-09-06' }) + '\n';

/** Article id -> its group's first article (duplicate_of or itself), as sets of ids: the grouping. */
async function grouping(db: string): Promise<{ groups: string[][]; marked: number }> {
  const store = await openStore(db, { readOnly: true });
  try {
    const rows = await store.listArticles();
    const byRoot = new Map<string, string[]>();
    for (const r of rows) {
      const root = r.duplicate_of ?? r.id;
      byRoot.set(root, [...(byRoot.get(root) ?? []), r.id]);
    }
    return { groups: [...byRoot.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)), marked: rows.filter((r) => r.duplicate_of).length };
  } finally {
    await store.close();
  }
}

function start(args: string[]): ChildProcess & { done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return Object.assign(child, { done });
}

async function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--token', TOKEN], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /serving .* at (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

async function waitFor(db: string, id: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    // Before the first ingest has created (or migrated) it, the store does not open: try again.
    const there = await openStore(db, { readOnly: true }).then(
      (store) => store.hasArticle(id).finally(() => store.close()),
      () => false,
    );
    if (there) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`article ${id} never stored`);
}

/** The same documents, one sequential ingest. */
async function sequential(db: string): Promise<void> {
  const { stories, singles } = documents();
  const file = join(dir, `all-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, [...singles.slice(0, 2), ...stories.flat(), ...singles.slice(2)].map(record).join(''));
  const r = await start(['ingest', file, '--db', db, '-q']).done;
  expect(r.code, r.stderr).toBe(0);
}

/**
 * Two ingests reading standard input and a server, on one store. Each gets a one-off dispatch
 * first (so its pipeline is loaded and its index seeded); then, story by story, one copy goes to
 * each ingest and one is posted to the server at the same moment, and the fourth to an ingest.
 */
async function concurrent(db: string): Promise<void> {
  const { stories, singles } = documents();
  const a = start(['ingest', '-', '--db', db, '-q']);
  const b = start(['ingest', '-', '--db', db, '-q']);
  a.stdin!.write(record(singles[0]!));
  b.stdin!.write(record(singles[1]!));
  await Promise.all([waitFor(db, contentId(singles[0]!)), waitFor(db, contentId(singles[1]!))]);
  const server = await serve(db);
  try {
    const posts: Promise<Response>[] = [];
    const post = (text: string): Promise<Response> =>
      fetch(`${server.url}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ text, published: '2015-09-06' }) });
    // The server's pipeline thread loads on its first document: one-off, before the race.
    expect((await post(singles[2]!)).status).toBe(201);
    stories.forEach((copies, i) => {
      a.stdin!.write(record(copies[0]!));
      b.stdin!.write(record(copies[1]!));
      posts.push(post(copies[2]!));
      (i % 2 ? a : b).stdin!.write(record(copies[3]!));
      (i % 2 ? b : a).stdin!.write(record(singles[3 + i]!));
    });
    for (const s of singles.slice(3 + stories.length)) a.stdin!.write(record(s));
    a.stdin!.end();
    b.stdin!.end();
    for (const res of await Promise.all(posts)) expect([200, 201], await res.text()).toContain(res.status);
    for (const r of await Promise.all([a.done, b.done])) expect(r.code, r.stderr).toBe(0);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

describe('near-duplicates with several writers', () => {
  it('SQLite: two ingests and the server at once group copies exactly as one sequential ingest', async () => {
    const one = join(dir, 'sequential.db');
    const many = join(dir, 'concurrent.db');
    await sequential(one);
    await concurrent(many);
    const expected = await grouping(one);
    const got = await grouping(many);
    expect(expected.marked).toBe(13 * 3); // three copies of each of the 13 stories
    expect(got.marked).toBe(expected.marked);
    expect(got.groups).toEqual(expected.groups);
  }, 240_000);

  it.skipIf(pgSkip)('PostgreSQL: the same', async () => {
    const one = await testDatabase();
    const many = await testDatabase();
    try {
      await sequential(one.url);
      await concurrent(many.url);
      const expected = await grouping(one.url);
      const got = await grouping(many.url);
      expect(expected.marked).toBe(13 * 3);
      expect(got.marked).toBe(expected.marked);
      expect(got.groups).toEqual(expected.groups);
    } finally {
      await one.dispose();
      await many.dispose();
    }
  }, 240_000);
});
