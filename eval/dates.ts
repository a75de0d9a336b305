// Date evaluations.
//  (a) htmldate's unit expectations (dates/htmldate/unit_expectations.jsonl): the find_date cases
//      whose input HTML is in the file and whose options match what detectPublished does (the
//      original publication date, full search). Cases that need htmldate's mock pages (not in the
//      data), modification dates (original_date=false), restricted search, min_date or odd output
//      formats are not scored. A null answer is an abstention: precision counts answered cases,
//      recall counts cases with a date; accuracy counts null==null as correct.
//      Also scored: the date-string parsing cases (regex_parse/custom_parse/try_date_expr) against
//      parseDateString.
//  (c) trafilatura's evaluation pages (cleaning/trafilatura_eval) whose URL carries a full date:
//      detectPublished on the page WITHOUT its URL, scored against the URL date (a proxy gold:
//      a URL date is nearly always the publication day). Real, mostly German pages.
//  (d) Guardian politics texts (corpora/guardian_sdf_sample) with their dates but no dateline in
//      the text: measures wrong answers (precision) of plain-text detection; recall is low by design.
//  (b) TempEval-3 TBAQ (dates/tempeval3_tbaq/tbaq_timex.jsonl): DATE time expressions whose value
//      is a day, month or year, resolved by resolveDates against the document creation time. A
//      prediction is correct when its span overlaps a gold span and its value is equal. Gold
//      expressions we cannot represent (quarters, weeks, PRESENT_REF, ...) and predictions
//      overlapping them are left out.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectPublished } from '../src/stages/clean/published/index.js';
import { datesInUrl } from '../src/stages/clean/published/url.js';
import { parseDateString, formatDate } from '../src/lang/dates-parse.js';
import { resolveDates } from '../src/lang/dates.js';
import { prf, readJsonl, type EvalResult } from './common.js';

interface UnitCase {
  id: string;
  func: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  op: '==' | 'is' | 'is not';
  expected: unknown;
}

/** find_date options under which htmldate's answer is what detectPublished should give. */
function comparableOptions(kwargs: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(kwargs)) {
    if (k === 'original_date' && v === true) continue;
    if (k === 'extensive_search' && v === true) continue;
    if (k === 'deferred_url_extractor' && v === true) continue;
    if (k === 'outputformat' && v === '%Y-%m-%d') continue;
    if (k === 'url' || k === 'verbose') continue;
    return false;
  }
  return true;
}

function htmldatePublished(cases: UnitCase[]): EvalResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  let n = 0;
  let abstainedOk = 0;
  const misses: string[] = [];
  for (const c of cases) {
    if (c.func !== 'find_date' || typeof c.args[0] !== 'string' || !comparableOptions(c.kwargs)) continue;
    if (c.op === 'is not') continue;
    const html = c.args[0];
    const url = typeof c.kwargs.url === 'string' ? c.kwargs.url : null;
    const expected = c.op === 'is' ? null : String(c.expected).slice(0, 10);
    const got = detectPublished({ format: 'html', content: html, url, text: '' }).published;
    n++;
    if (got === expected) correct++;
    if (expected === null) {
      if (got === null) abstainedOk++;
      else fp++;
    } else if (got === null) fn++;
    else if (got === expected) tp++;
    else {
      fp++;
      fn++;
    }
    if (got !== expected && misses.length < 8) misses.push(`${c.id}:${got}`);
  }
  return {
    set: 'htmldate_unit',
    task: 'published date',
    ...prf(tp, fp, fn),
    n,
    extra: { accuracy: n ? correct / n : 0, correct_null: abstainedOk, misses: misses.join(' ') },
  };
}

function htmldateParsing(cases: UnitCase[]): EvalResult {
  let correct = 0;
  let n = 0;
  for (const c of cases) {
    if (!['regex_parse', 'custom_parse', 'try_date_expr'].includes(c.func) || typeof c.args[0] !== 'string') continue;
    // try_date_expr(..., extensive_search=False) rejects what a full search accepts: not comparable.
    if (c.func === 'try_date_expr' && c.args[2] === false) continue;
    if (c.op === '==' && c.args[1] !== '%Y-%m-%d') continue;
    const got = parseDateString(c.args[0], true);
    n++;
    const ok =
      c.op === 'is not' ? got !== null : c.op === 'is' ? got === null : got !== null && formatDate({ ...got, day: got.day ?? 1 }) === c.expected;
    if (ok) correct++;
  }
  const acc = n ? correct / n : 0;
  return { set: 'htmldate_unit', task: 'date string parsing', precision: acc, recall: acc, f1: acc, n, extra: { accuracy: acc } };
}

interface TimexDoc {
  id: string;
  dct: string;
  text: string;
  timex: { type: string; value: string; text: string; start: number; end: number }[];
}

const REPRESENTABLE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function tempeval(docs: TimexDoc[]): EvalResult[] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let spanHits = 0;
  let predicted = 0;
  let ms = 0;
  let chars = 0;
  for (const doc of docs) {
    const published = doc.dct.slice(0, 10);
    const t0 = performance.now();
    const mentions = resolveDates(doc.text, published, false);
    ms += performance.now() - t0;
    chars += doc.text.length;
    const gold = doc.timex.filter((t) => t.type === 'DATE' && REPRESENTABLE.test(t.value));
    const ignored = doc.timex.filter((t) => !(t.type === 'DATE' && REPRESENTABLE.test(t.value)));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
    const used = new Set<number>();
    let correctHere = 0;
    for (const m of mentions) {
      const gi = gold.findIndex((g, i) => !used.has(i) && overlaps(g, m));
      if (gi < 0) {
        if (!ignored.some((t) => overlaps(t, m))) {
          fp++;
          predicted++;
        }
        continue;
      }
      predicted++;
      used.add(gi);
      spanHits++;
      if (gold[gi].value === m.value) correctHere++;
      else fp++;
    }
    tp += correctHere;
    fn += gold.length - correctHere;
  }
  const goldCount = docs.reduce((s, d) => s + d.timex.filter((t) => t.type === 'DATE' && REPRESENTABLE.test(t.value)).length, 0);
  const span = prf(spanHits, predicted - spanHits, goldCount - spanHits);
  return [
    { set: 'tempeval3_tbaq', task: '(span,value) DATE', ...prf(tp, fp, fn), n: goldCount, extra: { ms_per_doc: ms / docs.length, kchars_per_ms: chars / ms / 1000 } },
    { set: 'tempeval3_tbaq', task: 'span DATE', ...span, n: goldCount },
  ];
}

/** Guardian texts (corpora/guardian_sdf_sample) carry no dateline: any answer but null or the true date is an error. */
function guardianAbstention(file: string): EvalResult {
  const docs = readJsonl<{ id: string; date: string; text: string }>(file);
  let answered = 0;
  let right = 0;
  for (const d of docs) {
    const got = detectPublished({ format: 'text', content: d.text, url: null, text: d.text }).published;
    if (got === null) continue;
    answered++;
    if (got === d.date) right++;
  }
  // Nothing answered means nothing wrong: precision 1, not prf()'s 0.
  const precision = answered ? right / answered : 1;
  const recall = right / docs.length;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { set: 'guardian_sdf_sample', task: 'published date (text)', precision, recall, f1, n: docs.length, extra: { answered, wrong: answered - right } };
}

function urlDatedPages(dir: string): EvalResult {
  const pages = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, { file: string }>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let n = 0;
  let ms = 0;
  const misses: string[] = [];
  for (const [url, { file }] of Object.entries(pages)) {
    const gold = datesInUrl(url)[0];
    if (!gold) continue;
    const path = [join(dir, 'html', 'cache', file), join(dir, 'html', 'cache', `${file}.gz`), join(dir, 'html', 'eval', file), join(dir, 'html', 'eval', `${file}.gz`)].find(existsSync);
    if (!path) continue;
    const raw = readFileSync(path);
    const html = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    const t0 = performance.now();
    const got = detectPublished({ format: 'html', content: html, url: null, text: '' }).published;
    ms += performance.now() - t0;
    const expected = formatDate(gold);
    n++;
    if (got === null) fn++;
    else if (got === expected) tp++;
    else {
      fp++;
      fn++;
      if (misses.length < 6) misses.push(`${file}:${got}/${expected}`);
    }
  }
  return { set: 'trafilatura_url_dated', task: 'published date (no URL)', ...prf(tp, fp, fn), n, extra: { accuracy: n ? tp / n : 0, ms_per_page: n ? ms / n : 0, misses: misses.join(' ') } };
}

export async function run(dataDir: string): Promise<EvalResult[]> {
  const out: EvalResult[] = [];
  const unitFile = join(dataDir, 'dates', 'htmldate', 'unit_expectations.jsonl');
  if (existsSync(unitFile)) {
    const cases = readJsonl<UnitCase>(unitFile);
    out.push(htmldatePublished(cases), htmldateParsing(cases));
  } else process.stderr.write(`eval dates: ${unitFile} is missing; htmldate cases skipped\n`);
  const trafilatura = join(dataDir, 'cleaning', 'trafilatura_eval');
  if (existsSync(join(trafilatura, 'evaldata.json'))) out.push(urlDatedPages(trafilatura));
  else process.stderr.write(`eval dates: ${trafilatura}/evaldata.json is missing; URL-dated pages skipped\n`);
  const guardian = join(dataDir, 'corpora', 'guardian_sdf_sample', 'guardian.jsonl');
  if (existsSync(guardian)) out.push(guardianAbstention(guardian));
  else process.stderr.write(`eval dates: ${guardian} is missing; Guardian texts skipped\n`);
  const tbaqFile = join(dataDir, 'dates', 'tempeval3_tbaq', 'tbaq_timex.jsonl');
  if (existsSync(tbaqFile)) out.push(...tempeval(readJsonl<TimexDoc>(tbaqFile)));
  else process.stderr.write(`eval dates: ${tbaqFile} is missing; TempEval cases skipped\n`);
  return out;
}
