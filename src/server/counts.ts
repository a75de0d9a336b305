// What the store holds (/api/stats, and the dyad caches' key), asked of a reader at most every
// COUNTS_MAX_AGE_MS however many clients ask: the answer is a quarter of a second old at most, and
// a dashboard polling it costs the readers nothing.
import { untilAborted, type ReadContext, type Reads } from '../app/reads.js';

export const COUNTS_MAX_AGE_MS = 250;

export type Counts = { articles: number; events: number };

export function countsCache(reads: Reads): (ctx: ReadContext) => Promise<Counts> {
  let last: { at: number; value: Counts } | null = null;
  let pending: Promise<Counts> | null = null;
  return async (ctx) => {
    if (last && Date.now() - last.at < COUNTS_MAX_AGE_MS) return last.value;
    // One question in flight at a time; its answer serves everyone waiting. Not bound to the first
    // asker's deadline: another request may still want it.
    pending ??= reads
      .run('counts', [], { client: ctx.client })
      .then((value) => {
        last = { at: Date.now(), value };
        return value;
      })
      .finally(() => (pending = null));
    return untilAborted(pending, ctx.signal);
  };
}
