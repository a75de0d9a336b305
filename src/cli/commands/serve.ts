// `demarche serve`: the HTTP API and web UI over one store.
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { dbLocation, dbOption, UsageError, UserError } from '../common.js';

export interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  private?: boolean;
  log?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

export interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  /** Stops listening, then closes the store. */
  stop(): Promise<void>;
}

/** Opens the store and listens; user mistakes (busy port, --private without token) are UserErrors. */
export async function startServer(opts: ServeOptions): Promise<Running> {
  const port = parsePort(opts.port);
  const token = opts.token ?? process.env.DEMARCHE_TOKEN ?? null;
  if (opts.private && !token) throw new UserError('--private needs a token: pass --token or set DEMARCHE_TOKEN');
  const store = await openStore(dbLocation(opts));
  // Loaded here, not at the top: every other command would pay for fastify at startup.
  const { buildServer } = await import('../../server/index.js');
  const app = await buildServer(store, { token, private: opts.private ?? false, logger: opts.log ?? false });
  try {
    await app.listen({ port, host: opts.host });
  } catch (e) {
    await app.close();
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use`);
    if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}`);
    if (code === 'EADDRNOTAVAIL') throw new UserError(`cannot bind to address ${opts.host}`);
    throw e;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    app,
    store,
    url: `http://${host}:${actualPort}`,
    stop: async () => {
      await app.close();
      await store.close();
    },
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('serve')
    .description('Serve the web UI and the HTTP API (/api, described at /api/openapi.json), by default at http://127.0.0.1:8080');
  dbOption(cmd)
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to bind (0.0.0.0 exposes it beyond this machine)', '127.0.0.1')
    .option('--token <t>', 'bearer token that allows POST /api/articles (default: $DEMARCHE_TOKEN)')
    .option('--private', 'require the token for read endpoints too')
    .option('--log', 'log every request')
    .action(async (opts: ServeOptions) => {
      const running = await startServer(opts);
      const tokenNote = (opts.token ?? process.env.DEMARCHE_TOKEN) ? '' : ' (no token: POST /api/articles disabled)';
      process.stderr.write(`demarche: serving ${dbLocation(opts)} at ${running.url}${tokenNote}\n`);
      const stop = (): void => {
        void running.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
