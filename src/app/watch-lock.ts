// One watch process per database: two would fetch every page twice and print every alert twice.
// The lease is a row in the store, renewed while the process lives; a holder killed outright on
// this machine is recognised at once (its pid is gone), one on another machine when its lease ends.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/types.js';
import type { LockHolder } from '../store/watch-types.js';

const LEASE_MS = 2 * 60_000;
const RENEW_MS = 30_000;

export class WatchBusy extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

export interface WatchLease {
  release(): Promise<void>;
}

/** Takes the lease or throws WatchBusy saying who holds it. */
export async function takeWatchLease(store: Store): Promise<WatchLease> {
  const host = hostname();
  const me = (): LockHolder => ({ holder, host, pid: process.pid, expires_at: new Date(Date.now() + LEASE_MS).toISOString() });
  const holder = `${host}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let other = await store.watch.lock(me());
  if (other && other.host === host && !alive(other.pid)) other = await store.watch.lock(me(), other.holder);
  if (other) {
    throw new WatchBusy(
      `another watch is running on this database (pid ${other.pid} on ${other.host}); stop it first, or wait until its lease ends at ${other.expires_at}`,
    );
  }
  const timer = setInterval(() => void store.watch.lock(me()).catch(() => undefined), RENEW_MS);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await store.watch.unlock(holder).catch(() => undefined);
    },
  };
}
