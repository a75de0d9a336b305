// Cuts corpus/events/sentences.jsonl into annotation batches (corpus/events/batches/):
// t01.. for the test part (annotated first, before any training), r01.. for the training part,
// and two overlap batches o01 (test) and o02 (train) whose sentences are also in a t/r batch and
// are given to a different annotator, to measure agreement.
//
// With --new, only sentences not in any batch yet (a later draw) are cut, into r batches numbered
// after the last one; the existing batches are left as they are.
//
// Run: node dist/scripts/corpus/batches.js [--new]
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../eval/common.js';

const SIZE = 120;
const OVERLAP = 100;

interface Row {
  id: string;
  source: string;
  date: string | null;
  context: string;
  text: string;
  split: string;
}

function unit(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const n = Math.max(1, Math.round(rows.length / size));
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(rows.slice(Math.floor((i * rows.length) / n), Math.floor(((i + 1) * rows.length) / n)));
  return out;
}

function main(): void {
  const rows = readFileSync(join(REPO_ROOT, 'corpus/events/sentences.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  const dir = join(REPO_ROOT, 'corpus/events/batches');
  mkdirSync(dir, { recursive: true });
  const write = (name: string, part: Row[]): void => {
    writeFileSync(join(dir, `${name}.jsonl`), part.map(({ id, source, date, context, text }) => JSON.stringify({ id, source, date, context, text })).join('\n') + '\n');
    process.stderr.write(`${name}: ${part.length}\n`);
  };
  if (process.argv.includes('--new')) {
    const batched = new Set<string>();
    let last = 0;
    for (const f of readdirSync(dir)) {
      const m = /^r(\d+)\.jsonl$/.exec(f);
      if (m) last = Math.max(last, Number(m[1]));
      for (const l of readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)) batched.add((JSON.parse(l) as { id: string }).id);
    }
    const fresh = rows.filter((r) => !batched.has(r.id) && r.split === 'train');
    chunks(fresh, SIZE).forEach((c, i) => write(`r${String(last + i + 1).padStart(2, '0')}`, c));
    return;
  }
  for (const split of ['test', 'train'] as const) {
    const part = rows.filter((r) => r.split === split);
    chunks(part, SIZE).forEach((c, i) => write(`${split === 'test' ? 't' : 'r'}${String(i + 1).padStart(2, '0')}`, c));
    const overlap = [...part].sort((a, b) => unit('overlap:' + a.id) - unit('overlap:' + b.id)).slice(0, OVERLAP);
    write(split === 'test' ? 'o01' : 'o02', overlap);
  }
}

main();
