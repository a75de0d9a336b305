// `demarche worker --db postgres://... [--concurrency N] [--until-empty]`: process queued documents.
import { Command } from 'commander';
import type { TaskStats } from '../../queue/task.js';
import { dbOption, UserError } from '../common.js';
import { queueUrl } from './enqueue.js';

interface WorkerCliOptions {
  db?: string;
  concurrency: string;
  untilEmpty?: boolean;
  prefetch: string;
}

function wholeNumber(flag: string, s: string, min: number, max: number): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`--${flag} takes a whole number from ${min} to ${max} (got "${s}")`);
  return n;
}

export function statsLine(s: TaskStats): string {
  const parts = [`stored ${s.stored} article${s.stored === 1 ? '' : 's'}`, `${s.events} events`];
  if (s.skipped) parts.push(`${s.skipped} already stored`);
  if (s.duplicates) parts.push(`${s.duplicates} near-duplicates marked`);
  if (s.problems) parts.push(`${s.problems} unprocessable (see ingest_problems)`);
  return parts.join(', ');
}

export function register(program: Command): void {
  dbOption(
    program
      .command('worker')
      .description('Process documents queued by `demarche enqueue` until stopped (SIGINT/SIGTERM finish running jobs first). Run any number, on any machines, against one postgres:// database.')
      .option('-c, --concurrency <n>', 'jobs processed at once in this process (use one process per core for CPU)', '1')
      .option('--prefetch <n>', 'jobs fetched per query (saves a round trip per job with a distant database)', '0')
      .option('--until-empty', 'exit once the queue is empty'),
  ).action(async (opts: WorkerCliOptions) => {
    const url = queueUrl(opts);
    const { startWorker } = await import('../../queue/worker.js'); // loaded only when a worker runs
    const worker = await startWorker(url, {
      concurrency: wholeNumber('concurrency', opts.concurrency, 1, 64),
      prefetch: wholeNumber('prefetch', opts.prefetch, 0, 1000),
      untilEmpty: opts.untilEmpty,
    });
    let signals = 0;
    const onSignal = (): void => {
      // First signal: graceful (running jobs finish). Second: leave now; the jobs go back to the queue.
      if (++signals > 1) process.exit(130);
      process.stderr.write('worker: stopping after the running jobs (signal again to quit now)\n');
      void worker.stop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const stats = await worker.done;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.stderr.write(statsLine(stats) + '\n');
  });
}
