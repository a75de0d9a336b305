// The HTTP server: JSON API under /api, the built web UI everywhere else.
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../store/types.js';
import { requireToken } from './auth.js';
import { installErrorHandlers } from './errors.js';
import { ingestWithPipeline, MAX_BODY_BYTES, type IngestOne } from './ingest.js';
import { openApiDocument } from './openapi.js';
import { recordApiRoutes } from './route-table.js';
import { articleRoutes } from './routes/articles.js';
import { dyadRoutes } from './routes/dyads.js';
import { eventRoutes } from './routes/events.js';
import { searchRoutes } from './routes/search.js';
import { watchRoutes } from './routes/watch.js';
import { installSecurityHeaders } from './security.js';
import { defaultWebRoot, webUiRoutes } from './static.js';
import { withSchema } from './zod.js';

export interface ServerOptions {
  /** Bearer token for POST /api/articles (and for reads when private). Null: ingest disabled. */
  token?: string | null;
  /** Reads need the token too. */
  private?: boolean;
  /** Directory of the built UI (default: dist/web of this package). */
  webRoot?: string;
  /** How one posted document is ingested (default: the pipeline + store.saveArticle). */
  ingest?: IngestOne;
  /** Fastify request logging. */
  logger?: boolean;
}

export async function buildServer(store: Store, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const token = opts.token ?? null;
  if (opts.private && !token) throw new Error('a private server needs a token (--token or DEMARCHE_TOKEN)');
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: MAX_BODY_BYTES });
  const routes = recordApiRoutes(app);
  installErrorHandlers(app, routes);
  installSecurityHeaders(app);

  if (opts.private) {
    // Everything but the static UI shell needs the token; the UI itself then gets 401s it reports.
    app.addHook('onRequest', async (req) => {
      if (req.url.startsWith('/api/')) requireToken(req, token);
    });
  }

  let openApi: object | null = null; // the routes do not change once the server is ready
  app.get('/api/openapi.json', withSchema({ summary: 'This document', response: { 200: z.looseObject({}) } }), async () => (openApi ??= openApiDocument(routes)));
  eventRoutes(app, store);
  articleRoutes(app, store, token, opts.ingest ?? ingestWithPipeline);
  dyadRoutes(app, store);
  searchRoutes(app, store);
  watchRoutes(app, store);
  webUiRoutes(app, opts.webRoot ?? defaultWebRoot());
  await app.ready();
  return app;
}

export { CONTENT_SECURITY_POLICY } from './security.js';
export type { IngestOne, IngestOutcome } from './ingest.js';
