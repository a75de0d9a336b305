// A worker process: runs graphile-worker over the document queue until stopped (or, with
// untilEmpty, until nothing is left to do). Any number of these may run on any number of machines
// against one database; content-hash ids + transactional saves make double delivery harmless.
//
// Faults: a database outage makes jobs fail and graphile-worker retries them with exponential
// backoff; if the pool itself gives up (it cannot record a result), it is restarted here after a
// backoff and its locked jobs are released. A worker killed outright is noticed by the others
// through PoolRegistry (liveness.ts), which releases its jobs within seconds.
import { EventEmitter } from 'node:events';
import { run, type Runner, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../store/postgres.js';
import { pendingJobs } from './enqueue.js';
import { DuplicateMarker } from './dedup.js';
import { DOCUMENT_TASK } from './jobs.js';
import { PoolRegistry } from './liveness.js';
import { quietLogger } from './log.js';
import { makeDocumentTask, newStats, type TaskStats } from './task.js';

export interface WorkerOptions {
  concurrency?: number;
  /** Stop once no job is waiting, running or scheduled for a retry (batch runs, tests, benchmarks). */
  untilEmpty?: boolean;
  /** Milliseconds between polls for retried/scheduled jobs (new jobs arrive by LISTEN/NOTIFY). */
  pollInterval?: number;
  /**
   * Jobs fetched (and locked) per query, 0 = one at a time. Saves a round trip per job on a distant
   * database; a killed worker's prefetched jobs come back through the liveness check like any other.
   */
  prefetch?: number;
  /** Where warnings and errors go, one line each (default: stderr). */
  log?: (line: string) => void;
}

export interface WorkerHandle {
  stats: TaskStats;
  /** Resolves when the worker has stopped, with what it did. */
  done: Promise<TaskStats>;
  /** Graceful stop: running jobs finish, nothing new is taken. */
  stop(): Promise<void>;
}

const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const IDLE_CHECK_MS = 1_000;
const MARK_EVERY_MS = 500;
/** --until-empty: how long to wait for another process's marker to finish the backlog. */
const DRAIN_TIMEOUT_MS = 60_000;
const STUCK_SHUTDOWN_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startWorker(url: string, opts: WorkerOptions = {}): Promise<WorkerHandle> {
  const concurrency = opts.concurrency ?? 1;
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const store: PostgresStore = await openPostgresStore(url, { max: concurrency + 3 });
  const stats = newStats();
  const registry = new PoolRegistry(url, (ids) => log(`released the jobs of ${ids.length} dead worker pool(s)`));
  let runner: Runner | null = null;
  let poolId: string | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  const marker = new DuplicateMarker(url, store);

  /** Near-duplicate marking: only the process holding the marker role does any work. */
  const markLoop = async (): Promise<void> => {
    while (!stopping) {
      await marker.pass().catch(() => undefined); // database away: next round
      stats.duplicates = marker.marked;
      await sleep(MARK_EVERY_MS);
    }
  };

  /** Before an --until-empty exit: every stored article checked, by us or by the current marker. */
  const drain = async (): Promise<void> => {
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (Date.now() < until) {
      try {
        await marker.pass();
        if ((await store.unsignedCount()) === 0) break;
      } catch {
        /* retry */
      }
      await sleep(200);
    }
    stats.duplicates = marker.marked;
  };

  /**
   * One graphile-worker pool on its own connections (so a pool abandoned while stuck cannot starve
   * the store's). shuttingDown resolves when the pool starts to shut down, for whatever reason.
   */
  const startRunner = async (): Promise<{ runner: Runner; connections: pg.Pool; shuttingDown: Promise<void> }> => {
    const events: WorkerEvents = new EventEmitter();
    let onShutdown = (): void => {};
    const shuttingDown = new Promise<void>((r) => (onShutdown = r));
    events.on('pool:create', ({ workerPool }) => {
      poolId = workerPool.id;
      void registry.register(workerPool.id);
    });
    events.on('pool:gracefulShutdown', () => onShutdown());
    events.on('pool:forcefulShutdown', () => onShutdown());
    const connections = new pg.Pool({ connectionString: url, max: concurrency + 2, connectionTimeoutMillis: 10_000 });
    connections.on('error', () => undefined);
    connections.on('connect', (client) => void client.on('error', () => undefined));
    try {
      const r = await run({
        pgPool: connections,
        concurrency,
        noHandleSignals: true,
        pollInterval: opts.pollInterval ?? 1_000,
        logger: quietLogger(log),
        events,
        // Batched completion goes through graphile-worker's error handler: a result it cannot record
        // (database gone) shuts the pool down cleanly and we restart it, instead of an unhandled rejection.
        preset: {
          worker: {
            completeJobBatchDelay: 0,
            failJobBatchDelay: 0,
            ...(opts.prefetch ? { localQueue: { size: opts.prefetch } } : {}),
          },
        },
        taskList: { [DOCUMENT_TASK]: makeDocumentTask(store, stats) },
      });
      return { runner: r, connections, shuttingDown };
    } catch (err) {
      void connections.end().catch(() => undefined);
      throw err;
    }
  };

  /**
   * Waits for the pool to end. A pool that began shutting down (e.g. one of its workers died on a
   * refused connection) but has not ended after STUCK_SHUTDOWN_MS is killed and abandoned: seen
   * with graphile-worker 0.17 when the database went away mid-shutdown.
   */
  const untilEnded = async (r: Runner, shuttingDown: Promise<void>): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<'stuck'>((resolve) => {
      void shuttingDown.then(() => (timer = setTimeout(() => resolve('stuck'), STUCK_SHUTDOWN_MS)));
    });
    try {
      if ((await Promise.race([r.promise, stuck])) === 'stuck') {
        void r.kill().catch(() => undefined);
        throw new Error('worker pool stuck while shutting down');
      }
    } finally {
      clearTimeout(timer);
    }
  };

  const idleWatch = async (): Promise<void> => {
    while (!stopping) {
      await sleep(IDLE_CHECK_MS);
      try {
        if ((await pendingJobs(store)).pending === 0) return void (await stop());
      } catch {
        /* database away: keep waiting, the runner retries */
      }
    }
  };

  const supervise = async (): Promise<TaskStats> => {
    registry.start();
    if (opts.untilEmpty) void idleWatch();
    const marking = markLoop();
    let backoff = RESTART_MIN_MS;
    try {
      while (!stopping) {
        let connections: pg.Pool | null = null;
        try {
          const started = await startRunner();
          runner = started.runner;
          connections = started.connections;
          if (stopping) await runner.stop();
          await untilEnded(runner, started.shuttingDown);
          backoff = RESTART_MIN_MS;
        } catch (err) {
          if (!stopping) {
            log(`error: worker pool stopped (${(err as Error).message.split('\n', 1)[0]}); restarting in ${Math.round(backoff / 1000)}s`);
          }
        } finally {
          runner = null;
          void connections?.end().catch(() => undefined);
        }
        if (stopping) break;
        // The pool ended without being asked to: whatever it held goes back to the queue.
        if (poolId) {
          const dead = poolId;
          await registry.unregister(dead);
          await store.pool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [[dead]]).catch(() => undefined);
        }
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, backoff);
        });
        backoff = Math.min(backoff * 2, RESTART_MAX_MS);
      }
    } finally {
      await marking;
      if (opts.untilEmpty) await drain();
      await marker.close();
      if (poolId) await registry.unregister(poolId);
      await registry.stop();
      await store.close();
    }
    return stats;
  };

  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    wake?.();
    await runner?.stop().catch(() => undefined);
  };
  return { stats, stop, done: supervise() };
}
