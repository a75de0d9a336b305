// GET /api/search (full-text hits) and GET /api/stats (what the store holds).
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.js';
import { parse, searchQuerySchema } from '../params.js';

export function searchRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/search', async (req) => {
    const q = parse(searchQuerySchema, req.query);
    return { q: q.q, items: await store.search(q.q, q.limit) };
  });

  app.get('/api/stats', async () => store.counts());
}
