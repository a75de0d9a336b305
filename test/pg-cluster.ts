// Test helper (not a test file): a PostgreSQL database for one test file.
// Uses $DEMARCHE_TEST_PG when set (CI starts one cluster for the whole run); otherwise starts a
// throwaway cluster with scripts/pg-test-cluster.sh. Each test file gets its own database, so files
// running in parallel never see each other's rows. No PostgreSQL binaries -> tests skip with a reason.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'pg-test-cluster.sh');

export function cluster(cmd: 'start' | 'stop' | 'halt' | 'resume' | 'bindir', target?: string): string {
  return execFileSync('bash', [SCRIPT, cmd, ...(target ? [target] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Why Postgres tests cannot run here, or null when they can. ownCluster: binaries needed even with DEMARCHE_TEST_PG. */
export function pgUnavailableReason(opts: { ownCluster?: boolean } = {}): string | null {
  if (process.env.DEMARCHE_TEST_PG && !opts.ownCluster) return null;
  try {
    cluster('bindir');
    return null;
  } catch {
    return 'no PostgreSQL binaries found (set DEMARCHE_TEST_PG or install postgresql) — skipping PostgreSQL tests';
  }
}

export interface TestDatabase {
  url: string;
  /** The cluster this file started itself (it may halt/resume it), or null when shared. */
  ownClusterUrl: string | null;
  dispose(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh, empty database. ownCluster: start a private cluster even when DEMARCHE_TEST_PG is set. */
export async function testDatabase(opts: { ownCluster?: boolean } = {}): Promise<TestDatabase> {
  const shared = opts.ownCluster ? undefined : process.env.DEMARCHE_TEST_PG;
  const base = shared ?? cluster('start');
  const name = `demarche_t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(base, name),
    ownClusterUrl: shared ? null : base,
    async dispose() {
      if (!shared) return void cluster('stop', base);
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
