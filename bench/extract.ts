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

/**
 * Seconds spent by each extractor over all pages, interleaved page by page (alternating which goes
 * first) so that both see the same machine load: the ratio stays meaningful on a busy machine.
 */
function interleaved(pages: string[], a: Extractor, b: Extractor): { a: number; b: number } {
  let ta = 0n;
  let tb = 0n;
  const timeOne = (extract: Extractor, html: string): bigint => {
    const started = process.hrtime.bigint();
    extract(html);
    return process.hrtime.bigint() - started;
  };
  pages.forEach((html, i) => {
    if (i % 2 === 0) {
      ta += timeOne(a, html);
      tb += timeOne(b, html);
    } else {
      tb += timeOne(b, html);
      ta += timeOne(a, html);
    }
  });
  return { a: Number(ta) / 1e9, b: Number(tb) / 1e9 };
}

export async function run(dataDir: string | null): Promise<string[]> {
  const { pages, source } = samplePages(dataDir);
  const megabytes = pages.reduce((n, p) => n + p.length, 0) / 1e6;
  for (const html of pages.slice(0, WARMUP_PAGES)) {
    readabilityExtractor(html);
    demarcheExtractor(html);
  }
  const round1 = interleaved(pages, readabilityExtractor, demarcheExtractor);
  const round2 = interleaved(pages, readabilityExtractor, demarcheExtractor);
  const base = (round1.a + round2.a) / 2;
  const ours = (round1.b + round2.b) / 2;
  return [
    `extract: ${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML from ${source}`,
    `extract: readability+linkedom alone ${(pages.length / base).toFixed(1)} pages/s`,
    `extract: cleanDocument (html) ${(pages.length / ours).toFixed(1)} pages/s`,
    `extract: cleanDocument time / readability time = ${(ours / base).toFixed(2)}x (target <= 2x)`,
  ];
}
