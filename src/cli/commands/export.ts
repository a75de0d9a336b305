// `demarche export --format csv|jsonl`: event rows for spreadsheets and other tools (docs/EXPORT.md).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../report/export.js';
import { dbOption, requireExistingDb, UserError, withStore } from '../common.js';
import { eventFilter, filterOptions, type FilterOptions } from '../filter.js';

/** Why a file cannot be written, in words (the raw errno text repeats the path and the syscall). */
function writeProblem(out: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return `cannot write ${out}: folder ${dirname(resolve(out))} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${out}: permission denied`;
    case 'EISDIR':
      return `cannot write ${out}: it is a folder (give a file name)`;
    case 'ENOSPC':
      return `cannot write ${out}: disk full`;
    default:
      return `cannot write ${out}: ${err.message}`;
  }
}

/** A writer to --out FILE or stdout that respects back-pressure. */
export function outputWriter(out: string | undefined): { write: (chunk: string) => Promise<void>; end: () => Promise<void> } {
  const stream = out ? createWriteStream(out) : process.stdout;
  const opened = out ? once(stream, 'open') : Promise.resolve();
  const failed = new Promise<never>((_, reject) => {
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new UserError(out ? writeProblem(out, err) : `cannot write stdout: ${err.message}`)));
  });
  failed.catch(() => undefined); // surfaced through write/end
  return {
    async write(chunk) {
      await Promise.race([opened, failed]);
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async end() {
      await Promise.race([opened, failed]);
      if (out) await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
    },
  };
}

interface ExportCliOptions extends FilterOptions {
  db?: string;
  format: ExportFormat;
  out?: string;
  merged?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('Export event mentions as CSV (RFC 4180) or JSON Lines; columns are listed in docs/EXPORT.md.')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--merged', 'one row per merged event (mentions of one real event combined) instead of one per mention');
  dbOption(
    filterOptions(cmd, ['actor', 'dyad', 'type', 'since', 'until', 'contested', 'min_confidence', 'outlet', 'text'], { contested: 'only mentions of events that sources contradict' })
      .option('--limit <n>', 'at most this many rows'),
  ).action(async (opts: ExportCliOptions) => {
    const filter = await eventFilter(opts);
    requireExistingDb(opts);
    const { writeExport } = await import('../../app/export.js');
    const out = outputWriter(opts.out);
    const rows = await withStore(opts, (store) => writeExport(store, filter, { format: opts.format, merged: opts.merged }, out.write), { readOnly: true });
    await out.end();
    if (opts.out) process.stderr.write(`demarche: wrote ${rows} ${opts.merged ? 'merged event' : 'event mention'} rows to ${opts.out}\n`);
  });
}
