// Which graphile-worker pools are alive, so jobs locked by a killed worker are released in seconds.
//
// graphile-worker frees jobs locked by a vanished worker only after 4 hours. Each worker process
// holds one connection open, registers its pools with that connection's backend (pid + start time)
// and refreshes a heartbeat. A process killed with SIGKILL loses its connection, so its backend
// disappears from pg_stat_activity at once; when that is true AND the heartbeat is older than
// STALE_AFTER (which rides over a database restart, when every backend is new), any worker
// force-unlocks the dead pool's jobs. All times are the database's clock, never the machines'.
import { hostname } from 'node:os';
import pg from 'pg';

export const HEARTBEAT_MS = 2_000;
export const STALE_AFTER_SECONDS = 6;

export class PoolRegistry {
  private client: pg.Client | null = null;
  private readonly pools = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(private readonly url: string, private readonly onReaped: (poolIds: string[]) => void = () => {}) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async register(poolId: string): Promise<void> {
    this.pools.add(poolId);
    await this.tick();
  }

  async unregister(poolId: string): Promise<void> {
    this.pools.delete(poolId);
    await this.query('DELETE FROM worker_pools WHERE pool_id = $1', [poolId]).catch(() => undefined);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  /** Heartbeat for our pools, then release the jobs of dead ones. Errors wait for the next tick. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.heartbeat();
      const reaped = await reapDeadPools(await this.connection());
      if (reaped.length > 0) this.onReaped(reaped);
    } catch {
      // Database unreachable: drop the connection; the next tick reconnects (new backend).
      await this.client?.end().catch(() => undefined);
      this.client = null;
    } finally {
      this.busy = false;
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.pools.size === 0) return;
    await this.query(
      `INSERT INTO worker_pools (pool_id, host, pid, backend_pid, backend_start)
       SELECT p, $2, $3, pg_backend_pid(), a.backend_start
         FROM unnest($1::text[]) AS p, pg_stat_activity a WHERE a.pid = pg_backend_pid()
       ON CONFLICT (pool_id) DO UPDATE
         SET backend_pid = excluded.backend_pid, backend_start = excluded.backend_start, seen_at = now()`,
      [[...this.pools], hostname(), process.pid],
    );
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined); // a dropped connection is handled at the next query
    await client.connect();
    this.client = client;
    return client;
  }

  private async query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    return (await this.connection()).query(sql, params);
  }
}

/** Releases the jobs of pools whose process is gone; returns their ids. One transaction. */
export async function reapDeadPools(client: pg.ClientBase): Promise<string[]> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ pool_id: string }>(
      `DELETE FROM worker_pools w
        WHERE w.seen_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = w.backend_pid AND a.backend_start = w.backend_start)
        RETURNING pool_id`,
      [STALE_AFTER_SECONDS],
    );
    const ids = rows.map((r) => r.pool_id);
    if (ids.length > 0) await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [ids]);
    await client.query('COMMIT');
    return ids;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
