// `--jobs 2` computes near-duplicate fingerprints in the worker threads and batches their replies;
// the stored result must be exactly a one-job run's: same articles, same duplicate_of links, same
// events, same search hits. Runs the compiled build (dist/, built by the global setup), because
// worker threads load the compiled pool-worker.js.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestItem } from '../../src/ingest/index.js';
import type * as RunModule from '../../src/app/ingest.js';
import type * as StoreModule from '../../src/store/index.js';
import { ROOT } from '../fixtures/paths.js';

const SEEDS = join(ROOT, 'examples', 'seeds');
const dist = (p: string): string => pathToFileURL(join(ROOT, 'dist', p)).href;
const dir = mkdtempSync(join(tmpdir(), 'demarche-fast-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The seeds, then each again as a syndicated copy (new headline and footer), interleaved with a failing document. */
function documents(contentId: (text: string) => string): IngestItem[] {
  const texts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const out: IngestItem[] = [];
  const doc = (text: string, source: string): IngestItem => ({ id: contentId(text), source, url: null, format: 'text', content: text, published: '2015-09-06', title: null });
  texts.forEach((t, k) => out.push(doc(t, `seed${k}.txt`)));
  out.push({ source: 'bad.bin', error: 'binary content' });
  texts.forEach((t, k) => out.push(doc(`Syndicated copy ${k}\n\n${t}\n\nShare this story on social media.`, `copy${k}.txt`)));
  return out;
}

async function ingestWith(jobs: number) {
  const { ingestItems } = (await import(dist('src/app/ingest.js'))) as typeof RunModule;
  const { openStore } = (await import(dist('src/store/index.js'))) as typeof StoreModule;
  const { contentId } = (await import(dist('src/ingest/decode.js'))) as { contentId: (t: string) => string };
  const store = await openStore(join(dir, `jobs${jobs}.db`), { bulk: true });
  const order: string[] = [];
  const summary = await ingestItems(store, documents(contentId), { jobs, onOutcome: (o) => void (o.kind !== 'problem' && order.push(o.source)) });
  const articles = (await store.listArticles()).map((a) => [a.id, a.source, a.duplicate_of]);
  const events = (await store.events()).map((e) => e.id);
  const hits = (await store.search('the', 50)).map((h) => h.article).sort();
  await store.close();
  return { summary, order, articles, events, hits };
}

describe('--jobs 2 with fingerprints and batched replies from the workers', () => {
  // Read problems are reported as soon as they are read (before documents still in flight), so
  // the order compared is that of the documents.
  it('stores exactly what one job stores, in the same order, duplicates included', async () => {
    const one = await ingestWith(1);
    const two = await ingestWith(2);
    expect(one.summary.duplicates).toBe(5); // every copy found its seed
    expect(one.articles.filter((a) => a[2] !== null)).toHaveLength(5);
    expect(one.hits).toHaveLength(10); // every article is in the full-text index
    expect(two.summary).toEqual(one.summary);
    expect(two.order).toEqual(one.order);
    expect(two.articles).toEqual(one.articles);
    expect(two.events).toEqual(one.events);
    expect(two.hits).toEqual(one.hits);
  });
});
