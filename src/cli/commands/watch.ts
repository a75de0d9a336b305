// `demarche watch FEED... [--every 15m | --once]`: fetch feeds, follow new items to their pages,
// store the articles (or queue them for the workers on PostgreSQL), print new alert hits.
import { existsSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { RoundSummary } from '../../app/watch.js';
import type { Store } from '../../store/types.js';
import type { HitPayload } from '../../store/watch-types.js';
import { formatDuration, parseDuration } from '../../watch/duration.js';
import { isHttpUrl } from '../../watch/url.js';
import { isPostgresUrl } from '../../store/index.js';
import { dbLocation, dbOption, EXIT, positiveInt, requireExistingDb, UsageError, UserError, withStore, writeJsonLine } from '../common.js';
import { statusLine, type StatusLine } from '../status-line.js';
import { feedLine, pageLine, roundStatus, roundSummaryLine, waitingStatus } from '../watch-report.js';
import { parseSize } from './ingest.js';

interface WatchCliOptions {
  db?: string;
  feeds?: string;
  every?: string;
  once?: boolean;
  concurrency: string;
  hostDelay: string;
  timeout: string;
  retries: string;
  maxSize: string;
  maxRedirects: string;
  contact?: string;
  quiet?: boolean;
  status?: boolean;
}

const VERSION = '0.1.0';

function duration(option: string, value: string, min = 0): number {
  const ms = parseDuration(value);
  if (ms === null || ms < min) throw new UsageError(`invalid ${option} "${value}" (use e.g. 30s, 15m, 1h${min ? `; at least ${formatDuration(min)}` : ''})`);
  return ms;
}

function wholeNumber(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) throw new UsageError(`${option} takes a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

/** Everything the options say, checked before anything is opened or fetched. */
function settings(opts: WatchCliOptions) {
  if (opts.once && opts.every) throw new UsageError('--once and --every exclude each other (--once: one round, for cron)');
  const userAgent = `demarche/${VERSION} (news feed watcher${opts.contact ? `; +${opts.contact}` : ''})`;
  return {
    everyMs: opts.once ? null : duration('--every', opts.every ?? '15m', 1000),
    policy: {
      userAgent,
      concurrency: positiveInt('--concurrency', opts.concurrency, 64),
      hostDelayMs: duration('--host-delay', opts.hostDelay),
      timeoutMs: duration('--timeout', opts.timeout, 100),
      retries: wholeNumber('--retries', opts.retries, 0, 10),
      maxBytes: parseSize(opts.maxSize),
      maxRedirects: wholeNumber('--max-redirects', opts.maxRedirects, 0, 20),
    },
  };
}

/** The feeds named on the command line and in --feeds, each a URL or a file that exists. */
async function feedList(args: string[], opts: WatchCliOptions): Promise<string[]> {
  const feeds = [...args];
  if (opts.feeds) {
    const { readFeedList } = await import('../../watch/feeds-list.js');
    try {
      feeds.push(...(await readFeedList(opts.feeds)));
    } catch (err) {
      throw new UserError(`cannot read --feeds ${opts.feeds}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
  }
  if (feeds.length === 0) throw new UsageError('no feeds: name feed URLs or files, or a list with --feeds FILE');
  for (const f of feeds) {
    if (!isHttpUrl(f) && !existsSync(f)) throw new UsageError(`not an http(s) URL nor an existing file: ${f}`);
  }
  // A file's state is kept under its absolute path: the next run may start in another folder.
  return [...new Set(feeds.map((f) => (isHttpUrl(f) ? f : resolve(f))))];
}

/** A hit as one JSON line, written before the store marks it printed. */
function printHit(payload: HitPayload): void {
  const line = Buffer.from(JSON.stringify(payload) + '\n');
  for (let off = 0; off < line.length; ) {
    try {
      off += writeSync(1, line, off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking pipe is full: try again
      throw new UserError(`cannot print alert hits: ${(err as Error).message}`);
    }
  }
}

async function runRounds(store: Store, feeds: string[], opts: WatchCliOptions, status: StatusLine, stop: AbortController): Promise<number> {
  const { everyMs, policy } = settings(opts);
  const [{ watchRound, pipelineSink }, { deliverHits }, { takeWatchLease, WatchBusy }, { Fetcher, DEFAULT_POLICY }, { sleep }] = await Promise.all([
    import('../../app/watch.js'),
    import('../../app/alerts.js'),
    import('../../app/watch-lock.js'),
    import('../../watch/fetcher.js'),
    import('../../watch/scheduler.js'),
  ]);
  const lease = await takeWatchLease(store).catch((err: unknown) => {
    throw err instanceof WatchBusy ? new UserError(err.message) : err;
  });
  const location = dbLocation(opts);
  const queue = isPostgresUrl(location) ? await (await import('../../queue/watch-sink.js')).queueSink(location) : null;
  let exit: number = EXIT.ok;
  try {
    // One fetcher and one sink for the process's life: robots.txt answers, per-site pauses and the
    // near-duplicate index carry over rounds.
    const fetcher = new Fetcher({ ...DEFAULT_POLICY, ...policy }, stop.signal);
    const sink = queue ?? pipelineSink(store);
    for (;;) {
      const summary: RoundSummary = await watchRound(store, feeds, {
        fetcher,
        sink,
        signal: stop.signal,
        onProgress: (s) => status.set(roundStatus(s)),
        onFeed: (o) => {
          const line = feedLine(o);
          if (line) status.log(line + '\n');
        },
        onPage: (o) => {
          const line = pageLine(o);
          if (line) status.log(line + '\n');
        },
      });
      const delivered = await deliverHits(store, {
        print: printHit,
        userAgent: policy.userAgent,
        timeoutMs: policy.timeoutMs,
        retryBaseMs: 1000,
        webhookAttempts: 3,
        webhookMaxRounds: 10,
        signal: stop.signal,
        onWebhookError: (hit, error, givenUp) =>
          status.log(`${givenUp ? 'error' : 'warning'}: alert ${hit.alert}: ${error}${givenUp ? '; given up' : '; trying again after a later round'}\n`),
      }).catch((err: unknown) => {
        if (stop.signal.aborted) return null; // Ctrl-C during a webhook: it stays pending
        throw err;
      });
      status.log(roundSummaryLine(summary) + (delivered?.sent ? ` (${delivered.sent} sent to webhooks)` : '') + '\n');
      exit = roundExit(summary);
      if (stop.signal.aborted || everyMs === null) break;
      const next = new Date(Date.parse(summary.started_at) + everyMs);
      status.set(waitingStatus(next, feeds.length));
      await sleep(next.getTime() - Date.now(), stop.signal).catch(() => undefined);
      if (stop.signal.aborted) break;
    }
  } finally {
    await queue?.release();
    await lease.release();
  }
  return stop.signal.aborted ? EXIT.interrupted : exit;
}

/** --status: the feeds' state as the store has it. */
async function printStatus(opts: WatchCliOptions): Promise<void> {
  requireExistingDb(opts);
  const { watchStatus } = await import('../../app/watch-status.js');
  await withStore(opts, async (store) => {
    for (const feed of (await watchStatus(store, 1)).feeds) await writeJsonLine(feed);
  }, { readOnly: true });
}

/** --once: 0 when every feed and page worked, 3 when some failed, 1 when every feed failed. */
function roundExit(s: RoundSummary): number {
  if (s.feeds_failed === s.feeds && s.feeds > 0) return EXIT.error;
  return s.feeds_failed + s.pages_failed > 0 ? EXIT.partial : EXIT.ok;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('watch')
      .description(
        'Watch news feeds (RSS, Atom, JSON Feed; URLs or files): each round fetches every feed, follows new items to their ' +
          'article pages and stores them (on PostgreSQL: queues them for `demarche worker`), then prints the new events ' +
          'that match a saved alert (`demarche alert add`) as JSON Lines on stdout.',
      )
      .argument('[feeds...]', 'feed URLs (http/https) or feed files')
      .option('--feeds <file>', 'also read feeds from this file: one URL or path per line, # comments')
      .option('--every <duration>', 'time between the starts of two rounds (e.g. 5m, 1h)', undefined)
      .option('--once', 'one round, then exit (for cron; exit status below)')
      .option('--concurrency <n>', 'requests in flight at once, over all sites (one at a time per site)', '4')
      .option('--host-delay <duration>', "pause between two requests to one site (robots.txt's Crawl-delay, if longer, wins)", '1s')
      .option('--timeout <duration>', 'longest wait for one response, body included', '30s')
      .option('--retries <n>', 'further attempts after a timeout, a refused connection, 429 or 5xx (with growing pauses)', '2')
      .option('--max-size <bytes>', 'largest feed or page read (e.g. 10MB); larger ones are reported and skipped', '10MB')
      .option('--max-redirects <n>', 'redirects followed per request (loops are reported)', '5')
      .option('--contact <url|email>', 'added to the User-Agent so site owners can reach you')
      .option('-q, --quiet', 'no status line on a terminal (problems and round summaries are still printed)')
      .option('--status', 'fetch nothing: print each watched feed\'s state as a JSON line {url, title, status, failures, error, checked_at, changed_at, retry_at, pages}')
      .addHelpText(
        'after',
        '\nEach round: feeds are asked with If-None-Match/If-Modified-Since; robots.txt is honoured; pages seen before are\n' +
          'never fetched again, so a restart or the next cron run resumes where the last stopped. Without --once,\n' +
          'rounds repeat every 15 minutes (--every). Only one watch runs per database at a time.\n\n' +
          'stdout: one JSON line per new alert hit {alert, hit, found_at, event, articles}.\n' +
          'stderr: "error: FEED-OR-PAGE: reason" per failure (the others go on), a summary line per round.\n\n' +
          'Exit status (--once):\n  0  every feed and page fetched\n  1  every feed failed, or the database failed\n' +
          '  2  bad option or argument\n  3  some feeds or pages failed (listed on stderr); the rest was stored\n' +
          '  130  interrupted (Ctrl-C): what was stored is kept; the next run goes on from there\n\n' +
          'Examples:\n  demarche watch https://example.org/world.rss --db news.db\n' +
          '  demarche watch --feeds feeds.txt --once --db news.db >> hits.jsonl     # from cron\n' +
          '  demarche watch --feeds feeds.txt --every 5m --db postgres://user@host/news\n' +
          '  demarche alert add --name rus-usa --dyad RUS,USA --db news.db',
      ),
  ).action(async (args: string[], opts: WatchCliOptions) => {
    if (opts.status) return printStatus(opts);
    settings(opts);
    const feeds = await feedList(args, opts);
    const status = statusLine(process.stderr, process.stderr.isTTY === true && !opts.quiet);
    // Ctrl-C (or SIGTERM): stop fetching, keep what was stored, print the summary. Twice: quit now
    // (safe too: every article and every state change is its own transaction).
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? EXIT.interrupted : 143);
      status.log('demarche: stopping after the pages in flight (again to quit now)\n');
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      process.exitCode = await withStore(opts, (store) => runRounds(store, feeds, opts, status, stop));
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      status.stop();
    }
  });
}
