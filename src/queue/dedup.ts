// Near-duplicate marking for distributed workers, as one serialised step off the hot path.
//
// Workers save articles without a MinHash signature and without duplicate_of. One worker at a
// time, the marker (whoever holds a session advisory lock; if its process dies the lock goes with
// its connection and another worker takes over), reads the articles it has not seen in insertion
// order, checks each against its MinHash index of everything stored, and writes signature and
// duplicate_of back in one UPDATE per batch. Only the marker decides, so two copies processed at the
// same moment on two machines still end up as original + copy; nobody waits for a lock to save.
// duplicate_of therefore lags a save by up to one poll interval (workers in --until-empty mode
// drain the backlog before they exit). The checking itself is app/mark-duplicates.ts.
import pg from 'pg';
import { DuplicateBacklog } from '../app/mark-duplicates.js';
import type { PostgresStore } from '../store/postgres.js';

/** Advisory lock key of the marker role (ASCII "dedu"). */
export const MARKER_LOCK = 0x64656475;
const BATCH = 500;

export class DuplicateMarker {
  /** One connection kept open: it holds the role while we lead, and asks for it while we do not. */
  private client: pg.Client | null = null;
  private leading = false;
  private backlog: DuplicateBacklog | null = null;
  marked = 0;
  checked = 0;

  constructor(private readonly url: string, private readonly store: PostgresStore) {}

  /** Tries to become the marker (never waits); true when this process holds the role. */
  async lead(): Promise<boolean> {
    if (this.leading) return true;
    try {
      if (!this.client) {
        const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
        client.on('error', () => undefined);
        // Connection gone (database restart): so is the lock. A new marker starts from what is
        // stored, since the previous one may have left in mid-batch.
        client.on('end', () => this.resign());
        await client.connect();
        this.client = client;
      }
      const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [MARKER_LOCK]);
      this.leading = rows[0]!.ok;
      if (this.leading) this.backlog = null;
    } catch {
      await this.close(); // database away: try again at the next poll
    }
    return this.leading;
  }

  private resign(): void {
    this.client = null;
    this.leading = false;
    this.backlog = null;
  }

  /** One pass over the backlog if this process is the marker; returns how many articles it checked. */
  async pass(): Promise<number> {
    if (!(await this.lead())) return 0;
    this.backlog ??= await DuplicateBacklog.open(this.store);
    let total = 0;
    for (;;) {
      const { marks, rows } = await this.backlog.next(BATCH);
      this.marked += marks.filter((m) => m.duplicate_of !== null).length;
      await this.backlog.write(marks);
      this.checked += marks.length;
      total += marks.length;
      if (rows < BATCH) return total;
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.resign();
    await c?.end().catch(() => undefined);
  }
}
