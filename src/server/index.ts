// The HTTP server: JSON API under /api, the built web UI everywhere else. The server answers; the
// readers and the writer (app/read-pool.ts, app/writes.ts) do the work in their own threads.
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { storeReads, type Reads } from '../app/reads.js';
import { storeWrites, type Writes } from '../app/writes.js';
import type { Store } from '../store/types.js';
import { isUiFileRequest, requireTokenWhenPrivate } from './access.js';
import { DEFAULT_CLIENT_LIMITS, limitClients, type ClientLimits } from './admission.js';
import { countsCache } from './counts.js';
import { DEFAULT_DEADLINES, installDeadlines, type Deadlines } from './deadlines.js';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './errors.js';
import { MAX_BODY_BYTES } from './ingest.js';
import { openApiDocument } from './openapi.js';
import { recordApiRoutes } from './route-table.js';
import { articleRoutes, type ArticleWrites } from './routes/articles.js';
import { dyadRoutes } from './routes/dyads.js';
import { eventRoutes } from './routes/events.js';
import { searchRoutes } from './routes/search.js';
import { watchRoutes } from './routes/watch.js';
import { workbenchRoutes } from './routes/workbench.js';
import { installSecurityHeaders } from './security.js';
import { defaultWebRoot, webUiRoutes } from './static.js';
import { withSchema } from './zod.js';

/** What the server answers from: readers, and a writer (null: the store is read-only, with why). */
export interface ServerData {
  reads: Reads;
  writes: Writes | { readOnly: string };
}

export interface ServerOptions {
  /** Bearer token for POST /api/articles (and for reads when private). Null: ingest disabled. */
  token?: string | null;
  /** Reads need the token too. */
  private?: boolean;
  /** Directory of the built UI (default: dist/web of this package). */
  webRoot?: string;
  /** Fastify request logging. */
  logger?: boolean;
  /** Per-client limits (429 beyond them). */
  limits?: Partial<ClientLimits>;
  /** Per-request deadlines. */
  deadlines?: Partial<Deadlines>;
  /** Show document sources as stored, absolute paths included (over a Store; a ReadPool is told when opened). */
  showPaths?: boolean;
}

/**
 * The server over a store held by this thread (tests, embedding: reads and writes run here), or
 * over readers and a writer in their own threads (`demarche serve`: see cli/commands/serve.ts).
 */
export async function buildServer(data: Store | ServerData, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const token = opts.token ?? null;
  if (opts.private && !token) throw new Error('a private server needs a token (--token or DEMARCHE_TOKEN)');
  const { reads, writes } = 'reads' in data ? data : { reads: storeReads(data, { showPaths: opts.showPaths }), writes: storeWrites(data) };
  const deadlines = { ...DEFAULT_DEADLINES, ...opts.deadlines };
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    frameworkErrors,
    clientErrorHandler,
    // A backstop behind the body deadline (deadlines.ts): Node checks it only every few seconds.
    requestTimeout: deadlines.bodyMs + deadlines.ingestMs,
  });
  const routes = recordApiRoutes(app);
  installErrorHandlers(app, routes);
  installSecurityHeaders(app);
  limitClients(app, { ...DEFAULT_CLIENT_LIMITS, ...opts.limits }, isUiFileRequest);
  if (opts.private) requireTokenWhenPrivate(app, token!);
  installDeadlines(app, deadlines);

  let openApi: object | null = null; // the routes do not change once the server is ready
  app.get('/api/openapi.json', withSchema({ summary: 'This document', response: { 200: z.looseObject({}) } }), async () => (openApi ??= openApiDocument(routes)));
  const writing: ArticleWrites = 'readOnly' in writes ? { disabled: `ingest disabled: ${writes.readOnly}` } : { writes };
  const counts = countsCache(reads);
  eventRoutes(app, reads);
  articleRoutes(app, reads, token, writing);
  dyadRoutes(app, reads, counts);
  searchRoutes(app, reads, counts);
  watchRoutes(app, reads);
  workbenchRoutes(app, reads);
  webUiRoutes(app, opts.webRoot ?? defaultWebRoot());
  app.addHook('onClose', async () => {
    await reads.close();
    if (!('readOnly' in writes)) await writes.close();
  });
  await app.ready();
  return app;
}

export { CONTENT_SECURITY_POLICY } from './security.js';
export type { IngestOutcome } from './ingest.js';
