// WCXB development article pages (cleaning/wcxb_dev_articles): main text and publication date.
//
// Text is scored with the benchmark authors' metric: lower-cased \w+ tokens, bag-of-words overlap
// per page (F1 = 1 when output and gold are both empty, 0 when only the output is), macro mean over
// pages. Dates: accuracy over the pages that have a gold publish_date (the URL is given, as the
// pipeline has it). Every score is also given on two halves split by a hash of the URL: "tuning"
// (looked at while developing) and "checking" (not looked at), so a rule that only helps the pages
// it was written for shows up as a gap between the two.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { countsOverlap, hashHalf, prf, wordCounts, type EvalResult } from './common.js';

export interface WcxbPage {
  id: string;
  url: string;
  html: string;
  /** Full main text, paragraphs separated by blank lines. */
  text: string;
  /** YYYY-MM-DD, or null when the benchmark gives no date. */
  published: string | null;
}

export type Half = 'tuning' | 'checking';

/** The half a page belongs to, by a hash of its URL (stable across runs and machines). */
export function halfOf(url: string): Half {
  return hashHalf(url);
}

/** The pages (HTML decoded), or null when the data set is not there. */
export function loadWcxbPages(dataDir: string, decode: (bytes: Uint8Array) => string): WcxbPage[] | null {
  const root = join(dataDir, 'cleaning', 'wcxb_dev_articles');
  if (!existsSync(join(root, 'ground-truth'))) return null;
  const pages: WcxbPage[] = [];
  for (const file of readdirSync(join(root, 'ground-truth')).sort()) {
    if (!file.endsWith('.json')) continue;
    const id = file.slice(0, -'.json'.length);
    const htmlPath = join(root, 'html', `${id}.html.gz`);
    if (!existsSync(htmlPath)) continue;
    const gt = JSON.parse(readFileSync(join(root, 'ground-truth', file), 'utf8')) as {
      url: string;
      ground_truth: { main_content?: string | null; publish_date?: string | null };
    };
    pages.push({
      id,
      url: gt.url,
      html: decode(gunzipSync(readFileSync(htmlPath))),
      text: gt.ground_truth.main_content ?? '',
      published: gt.ground_truth.publish_date ? gt.ground_truth.publish_date.slice(0, 10) : null,
    });
  }
  return pages;
}

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** One page's precision, recall and F1 by the WCXB metric (two empty texts agree fully). */
export function wcxbPageScore(output: string, gold: string): { precision: number; recall: number; f1: number } {
  const { tp, fp, fn } = countsOverlap(wordCounts(output, WORD), wordCounts(gold, WORD));
  if (tp + fp === 0 && tp + fn === 0) return { precision: 1, recall: 1, f1: 1 };
  return prf(tp, fp, fn);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

const SETS: (Half | 'all')[] = ['all', 'tuning', 'checking'];

function setName(which: Half | 'all'): string {
  return which === 'all' ? 'wcxb_dev_articles' : `wcxb_dev_articles ${which}`;
}

/** Macro-averaged text scores of one extractor, on all pages and on each half. */
export function scoreWcxbText(pages: WcxbPage[], name: string, extract: (page: WcxbPage) => string): EvalResult[] {
  const started = performance.now();
  const scored = pages.map((p) => ({ half: halfOf(p.url), ...wcxbPageScore(extract(p), p.text) }));
  const ms = (performance.now() - started) / Math.max(1, pages.length);
  return SETS.map((which) => {
    const here = scored.filter((s) => which === 'all' || s.half === which);
    return {
      set: setName(which),
      task: `words (${name})`,
      precision: mean(here.map((s) => s.precision)),
      recall: mean(here.map((s) => s.recall)),
      f1: mean(here.map((s) => s.f1)),
      n: here.length,
      ...(which === 'all' ? { extra: { ms_per_page: ms } } : {}),
    };
  });
}

/**
 * Publication dates of the dated pages: accuracy (right / dated pages), with precision over the
 * pages answered; off_by_one counts answers a single day away (the time-zone symptom).
 */
export function scoreWcxbDates(pages: WcxbPage[], detect: (page: WcxbPage) => string | null): EvalResult[] {
  const dated = pages.filter((p) => p.published !== null);
  const answers = dated.map((p) => ({ page: p, half: halfOf(p.url), got: detect(p) }));
  return SETS.map((which) => {
    const here = answers.filter((a) => which === 'all' || a.half === which);
    const right = here.filter((a) => a.got === a.page.published).length;
    const answered = here.filter((a) => a.got !== null).length;
    const offByOne = here.filter((a) => a.got !== null && Math.abs(Date.parse(a.got) - Date.parse(a.page.published!)) === 86_400_000).length;
    const precision = answered ? right / answered : 0;
    const recall = here.length ? right / here.length : 0;
    const misses = which === 'tuning' ? here.filter((a) => a.got !== a.page.published).slice(0, 10).map((a) => `${a.page.id}:${a.got}/${a.page.published}`) : [];
    return {
      set: setName(which),
      task: 'published date (with URL)',
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      n: here.length,
      extra: { accuracy: recall, answered, off_by_one: offByOne, ...(misses.length ? { misses: misses.join(' ') } : {}) },
    };
  });
}

/** `npm run eval -- wcxb`: text (demarche clean and the Readability baseline, same run) and dates. */
export async function run(dataDir: string): Promise<EvalResult[]> {
  const { decodeHtml, readabilityExtractor } = await import('./clean.js');
  const { cleanDocument } = await import('../src/stages/clean/index.js');
  const pages = loadWcxbPages(dataDir, decodeHtml);
  if (pages === null) {
    process.stderr.write(`eval wcxb: ${join(dataDir, 'cleaning', 'wcxb_dev_articles')} is missing; WCXB pages skipped\n`);
    return [];
  }
  // One clean pass per page gives both the text and the date, as the pipeline computes them.
  const clean = new Map<string, { text: string; published: string | null }>();
  const demarche = (p: WcxbPage): string => {
    const c = cleanDocument({ id: p.id, source: 'wcxb', url: p.url, format: 'html', content: p.html, published: null, title: null });
    clean.set(p.id, c);
    return c.text;
  };
  return [
    ...scoreWcxbText(pages, 'readability+linkedom baseline', (p) => readabilityExtractor(p.html)),
    ...scoreWcxbText(pages, 'demarche clean', demarche),
    ...scoreWcxbDates(pages, (p) => clean.get(p.id)?.published ?? null),
  ];
}
