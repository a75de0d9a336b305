// Throughput of HTML main-text extraction: cleanDocument (the clean stage) against Readability over
// linkedom alone, on the same pages in the same process. Reports pages/s and the time ratio.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demarcheExtractor, loadTrafilaturaPages, readabilityExtractor, type Extractor } from '../eval/clean.js';
import { REPO_ROOT } from '../eval/common.js';

/** Every n-th page of the 990: enough for a stable rate without a multi-minute run. */
const SAMPLE_EVERY = 4;
const WARMUP_PAGES = 20;

function samplePages(dataDir: string | null): { pages: string[]; source: string } {
  const all = dataDir === null ? null : loadTrafilaturaPages(dataDir);
  if (all !== null && all.length > 0) {
    return { pages: all.filter((_, i) => i % SAMPLE_EVERY === 0).map((p) => p.html), source: `trafilatura_eval (every ${SAMPLE_EVERY}th page)` };
  }
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'clean');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8'));
  return { pages: Array.from({ length: 50 }, (_, i) => fixtures[i % fixtures.length]!), source: 'test fixtures (shared data missing)' };
}

function time(extract: Extractor, pages: string[]): { seconds: number; chars: number } {
  let chars = 0;
  const started = process.hrtime.bigint();
  for (const html of pages) chars += extract(html).length;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, chars };
}

export async function run(dataDir: string | null): Promise<string[]> {
  const { pages, source } = samplePages(dataDir);
  const megabytes = pages.reduce((n, p) => n + p.length, 0) / 1e6;
  for (const html of pages.slice(0, WARMUP_PAGES)) {
    readabilityExtractor(html);
    demarcheExtractor(html);
  }
  // Alternate the order so neither side always runs on a warmer heap.
  const base1 = time(readabilityExtractor, pages);
  const ours1 = time(demarcheExtractor, pages);
  const ours2 = time(demarcheExtractor, pages);
  const base2 = time(readabilityExtractor, pages);
  const base = (base1.seconds + base2.seconds) / 2;
  const ours = (ours1.seconds + ours2.seconds) / 2;
  return [
    `extract: ${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML from ${source}`,
    `extract: readability+linkedom alone ${(pages.length / base).toFixed(1)} pages/s`,
    `extract: cleanDocument (html) ${(pages.length / ours).toFixed(1)} pages/s`,
    `extract: cleanDocument time / readability time = ${(ours / base).toFixed(2)}x (target <= 2x)`,
  ];
}
