// `demarche worker --db postgres://... [--concurrency N] [--until-empty]`: process queued documents.
import { Command } from 'commander';
import type { TaskStats } from '../../queue/task.js';
import { dbOption, UserError } from '../common.js';
import { queueUrl } from './enqueue.js';

interface WorkerCliOptions {
  db?: string;
  concurrency: string;
  untilEmpty?: boolean;
}

function parseConcurrency(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`--concurrency takes a whole number from 1 to 64 (got "${s}")`);
  return n;
}

export function statsLine(s: TaskStats): string {
  const parts = [`stored ${s.stored} article${s.stored === 1 ? '' : 's'}`, `${s.events} events`];
  if (s.skipped) parts.push(`${s.skipped} already stored`);
  if (s.duplicates) parts.push(`${s.duplicates} near-duplicates marked`);
  if (s.problems) parts.push(`${s.problems} unprocessable (see ingest_problems)`);
  if (s.stored) parts.push(`dedup lock waited ${Math.round(s.lockWaitMs)} ms, held ${Math.round(s.lockHeldMs)} ms`);
  return parts.join(', ');
}

export function register(program: Command): void {
  dbOption(
    program
      .command('worker')
      .description('Process documents queued by `demarche enqueue` until stopped (SIGINT/SIGTERM finish running jobs first). Run any number, on any machines, against one postgres:// database.')
      .option('-c, --concurrency <n>', 'jobs processed at once in this process (use one process per core for CPU)', '1')
      .option('--until-empty', 'exit once the queue is empty'),
  ).action(async (opts: WorkerCliOptions) => {
    const url = queueUrl(opts);
    const { startWorker } = await import('../../queue/worker.js'); // loaded only when a worker runs
    const worker = await startWorker(url, { concurrency: parseConcurrency(opts.concurrency), untilEmpty: opts.untilEmpty });
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
