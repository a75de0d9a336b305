// Stages run alone, without a database: `demarche extract` (cleaning) and `demarche code` (event coder).
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { cleanDocument } from '../../clean/index.js';
import { isProblem, readSources } from '../../ingest/index.js';
import type { CodeInput } from '../../model.js';
import { codeText } from '../../pipeline.js';
import { writeJsonLine } from '../common.js';

export function register(program: Command): void {
  program
    .command('extract')
    .description('Clean documents and print {file, title, text, published, language} per document (the clean stage alone; nothing is stored).')
    .argument('<files...>', 'files or folders; "-" reads standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .action(async (files: string[]) => {
      let failed = 0;
      for await (const item of readSources(files)) {
        if (isProblem(item)) {
          process.stderr.write(`${item.warning ? 'warning' : 'error'}: ${item.source}: ${item.error}\n`);
          if (!item.warning) failed++;
          continue;
        }
        const clean = cleanDocument(item);
        writeJsonLine({ file: item.source, title: clean.title ?? item.title, text: clean.text, published: item.published ?? clean.published, language: clean.language });
      }
      if (failed) process.exitCode = 1;
    });

  program
    .command('code')
    .description('Code events in JSON Lines {id, text, date?} read from standard input; prints {id, events:[...]} per input line (the event coder alone).')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .action(async () => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let n = 0;
      let bad = 0;
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        let input: CodeInput;
        try {
          const rec = JSON.parse(line) as Partial<CodeInput>;
          if (typeof rec.text !== 'string') throw new Error('missing "text"');
          input = { id: rec.id === undefined ? String(n) : String(rec.id), text: rec.text, date: typeof rec.date === 'string' ? rec.date : null };
        } catch (err) {
          bad++;
          process.stderr.write(`error: stdin:${n}: ${err instanceof Error ? err.message : String(err)}\n`);
          writeJsonLine({ id: null, line: n, error: 'invalid input line', events: [] });
          continue;
        }
        writeJsonLine({ id: input.id, events: codeText(input).events });
      }
      if (bad) process.exitCode = 1;
    });
}
