// `demarche ingest PATH...`: read, clean, annotate, code and store; re-ingesting is a no-op.
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, sep } from 'node:path';
import { Command } from 'commander';
import type { IngestOutcome, IngestSummary } from '../../app/ingest.js';
import type { Store } from '../../store/types.js';
import { isPostgresUrl } from '../../store/index.js';
import { batchExitCode, dbLocation, dbOption, EXIT, positiveInt, UsageError, withStore } from '../common.js';
import { statusLine } from '../status-line.js';

export interface IngestCliOptions {
  db?: string;
  maxSize?: string;
  quiet?: boolean;
  jobs?: string;
  textColumn?: string;
}

const DEFAULT_MAX_SIZE = '10MB';

export function parseSize(s: string, option = '--max-size'): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(s.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`invalid ${option} "${s}" (use e.g. 10MB, 500kb)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

export function summaryLine(s: IngestSummary): string {
  const parts = [`ingested ${s.stored} article${s.stored === 1 ? '' : 's'}`, `${s.events} event${s.events === 1 ? '' : 's'}`];
  if (s.skipped) parts.push(`${s.skipped} already stored`);
  if (s.duplicates) parts.push(`${s.duplicates} near-duplicates marked`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.warnings) parts.push(`${s.warnings} warning${s.warnings === 1 ? '' : 's'}`);
  return (s.interrupted ? 'interrupted: ' : '') + parts.join(', ');
}

/** `demarche ingest . --db news.db`: the database (and its journal files) is not an input. */
function databaseFiles(opts: IngestCliOptions): string[] {
  const location = dbLocation(opts);
  return isPostgresUrl(location) ? [] : ['', '-wal', '-shm', '-journal'].map((suffix) => location + suffix);
}

/**
 * Paths as the documents' `source` will name them: relative to where ingest runs when they are
 * inside it (an absolute path says how this disk is laid out; the API shows sources to anyone).
 */
export function sourcePaths(paths: string[], cwd = process.cwd()): string[] {
  return paths.map((p) => {
    if (p === '-' || !isAbsolute(p)) return p;
    const rel = relative(cwd, p);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    return rel === '' ? '.' : outside ? p : rel;
  });
}

/** Option values, checked before anything is opened so a typo never creates a database. */
function ingestSettings(opts: IngestCliOptions): { maxBytes: number; jobs: number } {
  return { maxBytes: parseSize(opts.maxSize ?? DEFAULT_MAX_SIZE), jobs: positiveInt('--jobs', opts.jobs ?? '1', 64) };
}

/** Runs an ingest with a status line on a TTY and one line per problem on stderr. */
export async function runIngest(store: Store, paths: string[], opts: IngestCliOptions): Promise<IngestSummary> {
  const { maxBytes, jobs } = ingestSettings(opts);
  if (paths.includes('-') && process.stdin.isTTY) process.stderr.write('demarche: reading a document from the terminal; end with Ctrl-D\n');
  const { ingestPaths } = await import('../../app/ingest.js');
  // No total is known in advance (folders, JSON Lines, WARC streams): counts and a rate, not a bar.
  const progress = statusLine(process.stderr, process.stderr.isTTY === true && !opts.quiet);
  let started = 0; // at the first document: loading the pipeline is not part of the rate
  const c = { done: 0, stored: 0, skipped: 0, failed: 0 };
  const onOutcome = (o: IngestOutcome): void => {
    if (c.done++ === 0) started = performance.now();
    if (o.kind === 'stored') c.stored++;
    else if (o.kind === 'skipped') c.skipped++;
    else {
      if (!o.problem.warning) c.failed++;
      progress.log(`${o.problem.warning ? 'warning' : 'error'}: ${o.problem.source}: ${o.problem.error}\n`);
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0.5 ? ` | ${Math.round((c.done - 1) / seconds)} docs/s` : '';
    progress.set(`ingest: ${c.done} docs | ${c.stored} stored, ${c.skipped} already stored, ${c.failed} failed${rate}`);
  };
  // Ctrl-C (or SIGTERM): stop reading, store what is in flight, print the summary. Twice: quit now
  // (safe too: each article is one transaction).
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    progress.log('demarche: stopping after the documents in flight (again to quit now)\n');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await ingestPaths(store, sourcePaths(paths), { maxBytes, jobs, onOutcome, signal: stop.signal, exclude: databaseFiles(opts), textColumn: opts.textColumn });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
  }
}

export function register(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description(
        'Read documents (text, HTML, JSON Lines, .json, CSV/TSV with a header, WARC, RSS/Atom, gzipped too; files, folders or "-" for stdin), ' +
          'extract events and store them. Content already stored is skipped, so re-running is safe.',
      )
      .argument('<paths...>', 'files or folders to read; "-" reads standard input')
      .option('--max-size <bytes>', 'largest single document accepted (e.g. 10MB, 500kb)', DEFAULT_MAX_SIZE)
      .option('-j, --jobs <n>', `worker threads for the pipeline: up to the number of cores (${availableParallelism()} here); each loads its own copy of the dictionaries (~350 MB)`, '1')
      .option('--text-column <name>', 'CSV/TSV: the column holding the article text (default: the one named text, content, body, article or story); id, url, date, title and outlet columns are kept too')
      .option('-q, --quiet', 'no status line on a terminal (problems and the summary are still printed)')
      .addHelpText(
        'after',
        '\nEach unreadable document gets one "error: SOURCE: reason" line on stderr and the batch goes on;\n' +
          'a summary line ends the run. Nothing is written to stdout.\n\n' +
          'Exit status:\n  0  everything was read (or was already stored)\n  1  nothing could be read, or the database failed\n' +
          '  2  bad option or argument\n  3  some inputs could not be read (listed on stderr); the rest was stored\n' +
          '  130  interrupted (Ctrl-C): what was read before was stored; run again to continue\n\n' +
          'Examples:\n  demarche ingest examples/seeds/*.txt --db news.db\n  demarche ingest crawl.warc.gz feeds/ --db news.db --jobs 4\n' +
          '  demarche ingest articles.csv --text-column story --db news.db\n' +
          '  curl -s https://example.org/feed.rss | demarche ingest - --db news.db',
      ),
  ).action(async (paths: string[], opts: IngestCliOptions) => {
    ingestSettings(opts);
    const summary = await withStore(opts, (store) => runIngest(store, paths, opts), { bulk: true });
    process.stderr.write(summaryLine(summary) + '\n');
    // Interrupted: a read may still be pending on a stream that never ends (stdin, a pipe) and would
    // keep the process alive; the store is closed, so leave now.
    if (summary.interrupted) process.exit(EXIT.interrupted);
    process.exitCode = batchExitCode(summary.stored + summary.skipped, summary.failed);
  });
}
