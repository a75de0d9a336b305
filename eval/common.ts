// Shared helpers for the evaluations: where the development data lives, and one result shape.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (works from eval/*.ts under vitest and from dist/eval/*.js after the build). */
export const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

/** ../shared/data beside the repository, or DEMARCHE_SHARED_DATA; null when absent. */
export function sharedDataDir(): string | null {
  const dir = process.env.DEMARCHE_SHARED_DATA ?? resolve(REPO_ROOT, '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
}

export function readJsonl<T = unknown>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export interface EvalResult {
  /** Data set name, e.g. "petr_unittest". */
  set: string;
  /** What is scored, e.g. "(source,target,type)" or "segments". */
  task: string;
  precision: number;
  recall: number;
  f1: number;
  /** Items scored. */
  n: number;
  /** Anything else worth printing: accuracy, false positives, throughput. */
  extra?: Record<string, number | string>;
}

export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Which half of a development set an item is in, by a hash of its key (an id or a URL): "tuning"
 *  (looked at while developing) or "checking" (not looked at); stable across runs and machines. */
export function hashHalf(key: string): 'tuning' | 'checking' {
  return createHash('sha1').update(key).digest()[0]! % 2 === 0 ? 'tuning' : 'checking';
}

/** How often each lower-cased token of `pattern` (a global regex) occurs in text. */
export function wordCounts(text: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of text.toLowerCase().match(pattern) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Bag-of-words overlap of two counts: tp = shared tokens (with multiplicity), fp = extra, fn = missed. */
export function countsOverlap(ours: Map<string, number>, theirs: Map<string, number>): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let nOurs = 0;
  let nTheirs = 0;
  for (const [t, n] of ours) {
    nOurs += n;
    tp += Math.min(n, theirs.get(t) ?? 0);
  }
  for (const n of theirs.values()) nTheirs += n;
  return { tp, fp: nOurs - tp, fn: nTheirs - tp };
}
