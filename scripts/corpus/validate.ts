// Checks annotation files of the event corpus against docs/ANNOTATION.md: every sentence of the
// batch present once and in order, types, modalities and codes from the lists, and every copied
// text (trigger, actor texts, claimed_by) found in the sentence. Prints one line per problem.
//
// Run: node dist/scripts/corpus/validate.js corpus/events/annotations/FILE.jsonl [...]
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../../eval/common.js';
import { checkAnnotation, type Annotation } from './schema.js';

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: validate.js ANNOTATION.jsonl [...]\n');
    process.exit(2);
  }
  const sentences = new Map<string, string>();
  for (const l of readLines(join(REPO_ROOT, 'corpus/events/sentences.jsonl'))) {
    const r = JSON.parse(l) as { id: string; text: string };
    sentences.set(r.id, r.text);
  }
  let problems = 0;
  let incomplete = 0;
  for (const file of files) {
    const say = (msg: string): void => {
      problems++;
      process.stdout.write(`${basename(file)}: ${msg}\n`);
    };
    const batchName = basename(file).split('.')[0]!;
    const batchFile = join(REPO_ROOT, 'corpus/events/batches', `${batchName}.jsonl`);
    const expected = existsSync(batchFile) ? readLines(batchFile).map((l) => (JSON.parse(l) as { id: string }).id) : null;
    const seen: string[] = [];
    readLines(file).forEach((line, i) => {
      let a: Annotation;
      try {
        a = JSON.parse(line) as Annotation;
      } catch {
        say(`line ${i + 1}: not JSON`);
        return;
      }
      const text = sentences.get(a.id);
      if (text === undefined) {
        say(`line ${i + 1}: unknown sentence id ${String(a.id)}`);
        return;
      }
      seen.push(a.id);
      for (const p of checkAnnotation(a, text)) say(`${a.id}: ${p}`);
    });
    if (expected) {
      const got = new Set(seen);
      const missing = expected.filter((id) => !got.has(id));
      if (missing.length) {
        incomplete++;
        process.stdout.write(`${basename(file)}: ${expected.length - missing.length} of ${expected.length} sentences annotated so far (next: ${missing[0]})\n`);
      }
      if (new Set(seen).size !== seen.length) say('a sentence is annotated twice');
      const order = seen.filter((id) => expected.includes(id));
      if (order.some((id, k) => k > 0 && expected.indexOf(id) < expected.indexOf(order[k - 1]!))) say('sentences are not in the order of the batch');
    }
  }
  if (problems > 0) process.stdout.write(`${problems} problem(s) to fix\n`);
  else process.stdout.write(incomplete ? `no problems so far; ${incomplete} file(s) not complete yet\n` : `ok: ${files.length} file(s) complete, no problems\n`);
  process.exit(problems === 0 ? 0 : 1);
}

main();
