// `demarche ingest PATH...`: read, clean, annotate, code and store; re-ingesting is a no-op.
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DEFAULT_MAX_BYTES } from '../../ingest/index.js';
import { ingestPaths, type IngestOutcome, type IngestSummary } from '../../ingest/run.js';
import type { Store } from '../../store/types.js';
import { dbOption, UserError, withStore } from '../common.js';

export interface IngestCliOptions {
  db?: string;
  maxSize?: string;
  quiet?: boolean;
  jobs?: string;
}

function parseSize(s: string | undefined): number {
  if (s === undefined) return DEFAULT_MAX_BYTES;
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(s.trim());
  if (!m) throw new UserError(`invalid --max-size "${s}" (use e.g. 10MB, 500kb)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

function parseJobs(s: string | undefined): number {
  if (s === undefined) return 1;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`--jobs takes a whole number from 1 to 64 (got "${s}")`);
  return n;
}

export function summaryLine(s: IngestSummary): string {
  const parts = [`ingested ${s.stored} article${s.stored === 1 ? '' : 's'}`, `${s.events} events`];
  if (s.skipped) parts.push(`${s.skipped} already stored`);
  if (s.duplicates) parts.push(`${s.duplicates} near-duplicates marked`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.warnings) parts.push(`${s.warnings} warnings`);
  return parts.join(', ');
}

/** Runs an ingest with a progress bar on a TTY and one line per problem on stderr. */
export async function runIngest(store: Store, paths: string[], opts: IngestCliOptions): Promise<IngestSummary> {
  const tty = process.stderr.isTTY && !opts.quiet;
  const bar = tty
    ? new cliProgress.SingleBar({ format: 'ingest {bar} {value} docs | {stored} stored | {failed} failed', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  let done = 0;
  let stored = 0;
  let failed = 0;
  bar?.start(0, 0, { stored, failed });
  const onOutcome = (o: IngestOutcome): void => {
    done++;
    if (o.kind === 'stored') stored++;
    if (o.kind === 'problem') {
      if (!o.problem.warning) failed++;
      const line = `${o.problem.warning ? 'warning' : 'error'}: ${o.problem.source}: ${o.problem.error}\n`;
      process.stderr.write(line);
    }
    if (bar) {
      bar.setTotal(done);
      bar.update(done, { stored, failed });
    }
  };
  try {
    return await ingestPaths(store, paths, { maxBytes: parseSize(opts.maxSize), jobs: parseJobs(opts.jobs), onOutcome });
  } finally {
    bar?.stop();
  }
}

export function register(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description('Read documents (text, HTML, JSON Lines, WARC, RSS/Atom; files, folders or "-" for stdin), extract events and store them. Already-stored content is skipped.')
      .argument('<paths...>', 'files or folders to read; "-" reads standard input')
      .option('--max-size <bytes>', 'largest single document accepted (e.g. 10MB)', '10MB')
      .option('-j, --jobs <n>', 'worker threads for the pipeline (use the number of cores)', '1')
      .option('-q, --quiet', 'no progress bar'),
  ).action(async (paths: string[], opts: IngestCliOptions) => {
    const summary = await withStore(opts, (store) => runIngest(store, paths, opts));
    process.stderr.write(summaryLine(summary) + '\n');
    if (summary.failed > 0) process.exitCode = summary.stored + summary.skipped > 0 ? 3 : 1;
  });
}
