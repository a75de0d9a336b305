// Evaluation of the clean stage's HTML main-text extraction, against Readability alone as baseline.
//
// trafilatura_eval: 990 pages with must-contain ("with") and must-exclude ("without") segments, scored
//   like trafilatura's tests/eval_common.py: white-space-normalised substring matching; a "with"
//   segment found is a true positive, missing a false negative; a "without" segment found is a
//   false positive. Precision/recall/F1 over all segments of all pages.
// cleanportaleval: 71 news pages with CleanEval-style gold text; bag-of-words token P/R/F1 of the
//   extracted text against the gold text, micro-averaged over pages.
import { Readability } from '@mozilla/readability';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanDocument } from '../src/stages/clean/index.js';
import { parseDocument } from '../src/stages/clean/dom.js';
import type { RawDocument } from '../src/model.js';
import { countsOverlap, prf, wordCounts, type EvalResult } from './common.js';

export type Extractor = (html: string) => string;

/** The clean stage as the pipeline runs it. */
export const demarcheExtractor: Extractor = (html) => cleanDocument(asRaw(html)).text;

/** Baseline: Readability.js over a linkedom document, its textContent as the main text. */
export const readabilityExtractor: Extractor = (html) => {
  const doc = parseDocument(html);
  if (doc === null) return '';
  try {
    return new Readability(doc).parse()?.textContent ?? '';
  } catch {
    return '';
  }
};

function asRaw(content: string): RawDocument {
  return { id: 'eval', source: 'eval', url: null, format: 'html', content, published: null, title: null };
}

const CHARSET = /<meta[^>]+charset=["']?\s*([\w-]+)/i;

/** Bytes -> text as a browser would: BOM, then the page's declared charset, then UTF-8, then Windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = CHARSET.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: fall through to the guesses
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export interface TrafilaturaPage {
  file: string;
  html: string;
  with: string[];
  without: string[];
}

/** The trafilatura evaluation pages (HTML decoded), or null when the data set is not there. */
export function loadTrafilaturaPages(dataDir: string): TrafilaturaPage[] | null {
  const root = join(dataDir, 'cleaning', 'trafilatura_eval');
  if (!existsSync(join(root, 'evaldata.json'))) return null;
  const data = JSON.parse(readFileSync(join(root, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>;
  const pages: TrafilaturaPage[] = [];
  for (const item of Object.values(data)) {
    const path = ['cache', 'eval'].flatMap((d) => [join(root, 'html', d, item.file), join(root, 'html', d, item.file + '.gz')]).find(existsSync);
    if (path === undefined) continue;
    const bytes = readFileSync(path);
    pages.push({ file: item.file, html: decodeHtml(path.endsWith('.gz') ? gunzipSync(bytes) : bytes), with: item.with, without: item.without });
  }
  return pages;
}

const WS = /\s+/g;
const norm = (text: string): string => text.replace(WS, ' ').trim();

export interface SegmentCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** One page's counts, the way trafilatura's count_item does it. */
export function countSegments(page: Pick<TrafilaturaPage, 'with' | 'without'>, result: string): SegmentCounts {
  const text = norm(result);
  const tp = page.with.filter((w) => text.includes(norm(w))).length;
  const fp = page.without.filter((w) => text.includes(norm(w))).length;
  return { tp, fp, fn: page.with.length - tp, tn: page.without.length - fp };
}

export interface PageErrors {
  file: string;
  /** "with" segments the extraction missed (false negatives). */
  missed: string[];
  /** "without" segments the extraction kept (false positives). */
  kept: string[];
}

/**
 * The pages an extractor gets wrong and how, for reading errors by cause:
 * node -e "import('./dist/eval/clean.js').then(m=>console.log(JSON.stringify(m.segmentErrors(m.loadTrafilaturaPages(dir), m.demarcheExtractor),null,1)))"
 */
export function segmentErrors(pages: TrafilaturaPage[], extract: Extractor): PageErrors[] {
  const errors: PageErrors[] = [];
  for (const page of pages) {
    const text = norm(extract(page.html));
    const missed = page.with.filter((w) => !text.includes(norm(w)));
    const kept = page.without.filter((w) => text.includes(norm(w)));
    if (missed.length + kept.length > 0) errors.push({ file: page.file, missed, kept });
  }
  return errors;
}

function scoreTrafilatura(pages: TrafilaturaPage[], name: string, extract: Extractor): EvalResult {
  const total: SegmentCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const started = performance.now();
  let empty = 0;
  for (const page of pages) {
    const result = extract(page.html);
    if (result.trim() === '') empty++;
    const c = countSegments(page, result);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    total.tn += c.tn;
  }
  const seconds = (performance.now() - started) / 1000;
  const all = total.tp + total.fp + total.fn + total.tn;
  return {
    set: 'trafilatura_eval',
    task: `segments (${name})`,
    ...prf(total.tp, total.fp, total.fn),
    n: pages.length,
    extra: { accuracy: round((total.tp + total.tn) / all), empty_outputs: empty, pages_per_s: round(pages.length / seconds, 1) },
  };
}

const TOKEN = /[\p{L}\p{N}]+/gu;


const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Gold text without its "URL:" line and CleanEval <p>/<h>/<l> markers, entities decoded. */
export function goldText(gold: string): string {
  return gold
    .replace(/^URL:.*$/m, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[phl]>/gi, ' ')
    .replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code: string) =>
      String.fromCodePoint(code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code)),
    )
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
}

/** Bag-of-words overlap: tp = shared tokens (with multiplicity), fp = extra, fn = missed. */
export function tokenOverlap(result: string, gold: string): { tp: number; fp: number; fn: number } {
  return countsOverlap(wordCounts(result, TOKEN), wordCounts(gold, TOKEN));
}

interface PortalPage {
  html: string;
  gold: string;
}

export function loadCleanPortalPages(dataDir: string): PortalPage[] | null {
  const root = join(dataDir, 'cleaning', 'cleanportaleval');
  if (!existsSync(join(root, 'input'))) return null;
  const pages: PortalPage[] = [];
  for (const file of readdirSync(join(root, 'input')).sort()) {
    const goldPath = join(root, 'GoldStandard', file.replace(/\.html?$/, '.txt'));
    if (!existsSync(goldPath)) continue;
    pages.push({ html: decodeHtml(readFileSync(join(root, 'input', file))), gold: goldText(readFileSync(goldPath, 'utf8')) });
  }
  return pages;
}

function scorePortal(pages: PortalPage[], name: string, extract: Extractor): EvalResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let pageF1 = 0;
  for (const page of pages) {
    const c = tokenOverlap(extract(page.html), page.gold);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    pageF1 += prf(c.tp, c.fp, c.fn).f1;
  }
  return {
    set: 'cleanportaleval',
    task: `tokens (${name})`,
    ...prf(tp, fp, fn),
    n: pages.length,
    extra: { macro_f1: round(pageF1 / pages.length) },
  };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function run(dataDir: string): Promise<EvalResult[]> {
  const results: EvalResult[] = [];
  const traf = loadTrafilaturaPages(dataDir);
  if (traf === null) console.error(`clean eval: ${join(dataDir, 'cleaning', 'trafilatura_eval')} is missing; skipped`);
  else {
    results.push(scoreTrafilatura(traf, 'readability+linkedom baseline', readabilityExtractor));
    results.push(scoreTrafilatura(traf, 'demarche clean', demarcheExtractor));
  }
  const portal = loadCleanPortalPages(dataDir);
  if (portal === null) console.error(`clean eval: ${join(dataDir, 'cleaning', 'cleanportaleval')} is missing; skipped`);
  else {
    results.push(scorePortal(portal, 'readability+linkedom baseline', readabilityExtractor));
    results.push(scorePortal(portal, 'demarche clean', demarcheExtractor));
  }
  return results;
}
