// `demarche serve`: the HTTP API and web UI over one store.
import type { Command } from 'commander';
import { openStore } from '../../store/index.js';
import { buildServer } from '../../server/index.js';
import { dbLocation, dbOption, UserError } from '../common.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  private?: boolean;
  log?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`invalid --port: ${value}`);
  return port;
}

export function register(program: Command): void {
  const cmd = program
    .command('serve')
    .description('Serve the HTTP API (/api, docs at /api/openapi.json) and the web UI');
  dbOption(cmd)
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to bind (use 0.0.0.0 to expose beyond this machine)', '127.0.0.1')
    .option('--token <t>', 'bearer token that allows POST /api/articles (default: $DEMARCHE_TOKEN)')
    .option('--private', 'require the token for read endpoints too')
    .option('--log', 'log every request')
    .action(async (opts: ServeOptions) => {
      const port = parsePort(opts.port);
      const token = opts.token ?? process.env.DEMARCHE_TOKEN ?? null;
      if (opts.private && !token) throw new UserError('--private needs a token: pass --token or set DEMARCHE_TOKEN');
      const store = await openStore(dbLocation(opts));
      const app = await buildServer(store, { token, private: opts.private ?? false, logger: opts.log ?? false });
      try {
        await app.listen({ port, host: opts.host });
      } catch (e) {
        await store.close();
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use`);
        if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}`);
        throw e;
      }
      const address = app.server.address();
      const shown = typeof address === 'object' && address ? `http://${opts.host}:${address.port}` : String(address);
      process.stderr.write(`demarche: serving ${dbLocation(opts)} at ${shown}${token ? '' : ' (read-only: no token, ingest disabled)'}\n`);
      const stop = async (): Promise<void> => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
