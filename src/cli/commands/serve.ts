// `demarche serve`: the HTTP API and web UI over one store. The event loop only answers: reads run
// in reader threads (their own read-only connections), posted documents in a pipeline thread and
// the one writer thread, so no query, merge or write lock ever holds every client.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { canWriteSqlite, isPostgresUrl, openStore } from '../../store/index.js';
import { dbLocation, dbOption, positiveInt, UsageError, UserError } from '../common.js';

export interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  private?: boolean;
  log?: boolean;
  readers?: string;
  showPaths?: boolean;
  clientConcurrency?: string;
  clientRate?: string;
  deadline?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

/** Readers for any query: one per core, within 1..4 (one more always serves the cheap ones). */
const defaultReaders = (): number => Math.max(1, Math.min(4, availableParallelism()));

export interface Running {
  app: FastifyInstance;
  url: string;
  /** True when the database cannot be written by this server (POST /api/articles answers 403). */
  readOnly: boolean;
  /** Stops listening, then ends the readers and the writer. */
  stop(): Promise<void>;
}

/** Whether this server may write the database, and if not, why (said to clients who post). */
async function writability(location: string): Promise<string | null> {
  if (isPostgresUrl(location)) {
    // Migrated first, as every writer does, so the (read-only) readers find this version's schema;
    // a role that may only read is served read-only.
    const store = await openStore(location).catch(() => null);
    if (!store) return 'the database is read-only for this server';
    await store.close();
    return null;
  }
  if (canWriteSqlite(location)) {
    // A path with no database yet gets an empty one, as before, so the readers can open it.
    await (await openStore(location)).close();
    return null;
  }
  return 'the database is read-only for this server';
}

/** Opens the store and listens; user mistakes (busy port, --private without token, unreadable store) are UserErrors. */
export async function startServer(opts: ServeOptions): Promise<Running> {
  const port = parsePort(opts.port);
  const token = opts.token ?? process.env.DEMARCHE_TOKEN ?? null;
  if (opts.private && !token) throw new UserError('--private needs a token: pass --token or set DEMARCHE_TOKEN');
  const readers = positiveInt('--readers', opts.readers ?? String(defaultReaders()), 64);
  const limits = {
    ...(opts.clientConcurrency !== undefined ? { concurrent: positiveInt('--client-concurrency', opts.clientConcurrency) } : {}),
    ...(opts.clientRate !== undefined ? { rate: positiveInt('--client-rate', opts.clientRate), burst: 2 * positiveInt('--client-rate', opts.clientRate) } : {}),
  };
  const deadlines = opts.deadline !== undefined ? { readMs: 1000 * positiveInt('--deadline', opts.deadline, 3600) } : {};
  const location = dbLocation(opts);
  const readOnly = await writability(location).catch((err: Error) => {
    throw new UserError(err.message);
  });
  // Loaded here, not at the top: every other command would pay for fastify and the threads at startup.
  const { ReadPool } = await import('../../app/read-pool.js');
  const { ThreadedWrites } = await import('../../app/writes.js');
  const { buildServer } = await import('../../server/index.js');
  const reads = await ReadPool.open(location, { readers, showPaths: opts.showPaths ?? false }).catch((err: Error) => {
    throw new UserError(err.message);
  });
  const writes = readOnly ? { readOnly } : new ThreadedWrites(location, reads);
  const app = await buildServer(
    { reads, writes },
    { token, private: opts.private ?? false, logger: opts.log ?? false, limits, deadlines },
  );
  try {
    await app.listen({ port, host: opts.host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use`);
    if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}`);
    if (code === 'EADDRNOTAVAIL') throw new UserError(`cannot bind to address ${opts.host}`);
    throw e;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return { app, url: `http://${host}:${actualPort}`, readOnly: readOnly !== null, stop: () => app.close() };
}

export function register(program: Command): void {
  const cmd = program
    .command('serve')
    .description('Serve the web UI and the HTTP API (/api, described at /api/openapi.json), by default at http://127.0.0.1:8080');
  dbOption(cmd)
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to bind (0.0.0.0 exposes it beyond this machine)', '127.0.0.1')
    .option('--token <t>', 'bearer token that allows POST /api/articles (default: $DEMARCHE_TOKEN)')
    .option('--private', 'require the token for everything but the web UI\'s own files (reads, OpenAPI, unknown paths)')
    .option('--readers <n>', `threads answering queries, each with its own read-only connection (default ${defaultReaders()}; one more serves cheap requests)`)
    .option('--deadline <s>', 'longest a read may take before the answer is 503 with Retry-After', '5')
    .option('--client-concurrency <n>', 'requests one client (address) may have in progress; beyond: 429 with Retry-After', '64')
    .option('--client-rate <n>', 'requests per second one client may send (bursts of twice that); beyond: 429 with Retry-After', '300')
    .option('--show-paths', 'show document sources as stored, absolute paths included (default: a file name alone)')
    .option('--log', 'log every request')
    .addHelpText(
      'after',
      '\nA database this user cannot write (a read-only file or folder) is served read-only: reads work,\n' +
        'POST /api/articles answers 403. Search ranks the most recently stored matches (at most 2000)\n' +
        'and says so ("cut": true), so a query of very common words answers as fast as any.',
    )
    .action(async (opts: ServeOptions) => {
      const running = await startServer(opts);
      const token = opts.token ?? process.env.DEMARCHE_TOKEN;
      const note = running.readOnly ? ' (read-only database: POST /api/articles disabled)' : token ? '' : ' (no token: POST /api/articles disabled)';
      process.stderr.write(`demarche: serving ${dbLocation(opts)} at ${running.url}${note}\n`);
      const stop = (): void => {
        void running.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
