// Stages run alone, without a database: `demarche extract` (cleaning) and `demarche code` (event coder).
// The pipeline modules are imported when a command runs, so `--help` and the other commands start fast.
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import type { CodeInput } from '../../model.js';
import { batchExitCode, UsageError, writeJsonLine } from '../common.js';

/** One `code` input line, or the reason it is not one. */
function parseCodeLine(line: string, n: number): CodeInput | string {
  let rec: unknown;
  try {
    rec = JSON.parse(n === 1 ? line.replace(/^\uFEFF/, '') : line); // a byte-order mark from Windows editors
  } catch {
    return 'not valid JSON';
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return 'not a JSON object {id, text, date?}';
  const { id, text, date } = rec as Record<string, unknown>;
  if (typeof text !== 'string') return 'missing "text" (a string)';
  if (date !== undefined && date !== null && (typeof date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?/.test(date))) return '"date" must be YYYY-MM-DD';
  return { id: id === undefined || id === null ? String(n) : String(id), text, date: typeof date === 'string' ? date.slice(0, 10) : null };
}

export function register(program: Command): void {
  program
    .command('extract')
    .description(
      'Clean documents and print {file, url, title, text, published, language} per document (the clean stage alone; nothing is stored). ' +
        'JSON Lines and CSV records give their page address in a "url" column.',
    )
    .argument('<files...>', 'files or folders (same formats as ingest); "-" reads standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .option('--url <url>', 'address the page (one file) was fetched from: its path often dates the page')
    .addHelpText(
      'after',
      '\nExamples:\n  demarche extract page.html | jq -r .text\n  demarche extract page.html --url https://example.com/2025/03/01/story\n' +
        '  demarche extract crawl.warc.gz --format jsonl > clean.jsonl',
    )
    .action(async (files: string[], opts: { url?: string }) => {
      const [{ extract, pageUrl }, { isProblem, readSources }] = await Promise.all([import('../../app/extract.js'), import('../../ingest/index.js')]);
      let url: string | null = null;
      if (opts.url !== undefined) {
        if (files.length !== 1) throw new UsageError(`--url names the address of one file (got ${files.length} files)`);
        const checked = pageUrl(opts.url);
        if (typeof checked !== 'string') throw new UsageError(checked.error);
        url = checked;
      }
      let ok = 0;
      let failed = 0;
      for await (const item of readSources(files)) {
        if (isProblem(item)) {
          process.stderr.write(`${item.warning ? 'warning' : 'error'}: ${item.source}: ${item.error}\n`);
          if (!item.warning) failed++;
          continue;
        }
        const clean = extract(item, url);
        ok++;
        await writeJsonLine({ file: item.source, ...clean });
      }
      process.exitCode = batchExitCode(ok, failed);
    });

  program
    .command('code')
    .description(
      'Code events in JSON Lines {id, text, date?} read from standard input; prints {id, events:[...]} per input line, ' +
        'in order (the event coder alone; nothing is stored). A line that does not parse gives {id: null, line, error, events: []}.',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .addHelpText(
      'after',
      '\nExamples:\n  demarche code < sentences.jsonl > coded.jsonl\n' +
        '  echo \'{"id":"1","text":"Kerry met Lavrov in Geneva on Monday.","date":"2015-09-07"}\' | demarche code',
    )
    .action(async () => {
      if (process.stdin.isTTY) process.stderr.write('demarche: reading {"id", "text", "date"} lines from the terminal; end with Ctrl-D\n');
      const { code } = await import('../../app/code.js');
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let n = 0;
      let ok = 0;
      let bad = 0;
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        const input = parseCodeLine(line, n);
        if (typeof input === 'string') {
          bad++;
          process.stderr.write(`error: stdin:${n}: ${input}\n`);
          await writeJsonLine({ id: null, line: n, error: input, events: [] });
          continue;
        }
        ok++;
        await writeJsonLine({ id: input.id, events: await code(input) });
      }
      process.exitCode = batchExitCode(ok, bad);
    });
}
