// Near-duplicate marking for distributed workers, as one serialised step off the hot path.
//
// Workers save articles without a MinHash signature and without duplicate_of. One worker at a
// time, the marker (whoever holds a session advisory lock; if its process dies the lock goes with
// its connection and another worker takes over), reads the articles it has not seen in insertion
// order, checks each against its MinHash index of everything stored, and writes signature and
// duplicate_of back in one UPDATE per batch. Only the marker decides, so two copies processed at the
// same moment on two machines still end up as original + copy; nobody waits for a lock to save.
// duplicate_of therefore lags a save by up to one poll interval (workers in --until-empty mode
// drain the backlog before they exit).
import pg from 'pg';
import { DuplicateFinder } from '../dedupe/finder.js';
import type { PostgresStore } from '../store/postgres.js';

/** Advisory lock key of the marker role (ASCII "dedu"). */
export const MARKER_LOCK = 0x64656475;
const BATCH = 500;

export class DuplicateMarker {
  /** One connection kept open: it holds the role while we lead, and asks for it while we do not. */
  private client: pg.Client | null = null;
  private leading = false;
  private finder: DuplicateFinder | null = null;
  private cursor = 0;
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
      if (this.leading) this.finder = null;
    } catch {
      await this.close(); // database away: try again at the next poll
    }
    return this.leading;
  }

  private resign(): void {
    this.client = null;
    this.leading = false;
    this.finder = null;
  }

  /** One pass over the backlog if this process is the marker; returns how many articles it checked. */
  async pass(): Promise<number> {
    if (!(await this.lead())) return 0;
    if (!this.finder) {
      this.cursor = await this.store.lastSeq(); // first: rows stored meanwhile are seen twice, harmlessly
      this.finder = await DuplicateFinder.fromStore(this.store);
    }
    let total = 0;
    for (;;) {
      const rows = await this.store.dedupBacklog(this.cursor, BATCH);
      const marks: { id: string; signature: Uint32Array; duplicate_of: string | null }[] = [];
      for (const row of rows) {
        if (row.signature) this.finder.remember(row.id, row.signature);
        else {
          const { duplicateOf, signature } = this.finder.check(row.id, row.text ?? '');
          marks.push({ id: row.id, signature, duplicate_of: duplicateOf });
          if (duplicateOf) this.marked++;
        }
        this.cursor = Math.max(this.cursor, row.seq);
      }
      await this.store.markDuplicates(marks);
      this.checked += marks.length;
      total += marks.length;
      if (rows.length < BATCH) return total;
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.resign();
    await c?.end().catch(() => undefined);
  }
}
