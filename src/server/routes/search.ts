// GET /api/search (full-text hits) and GET /api/stats (what the store holds).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { counts, searchArticles } from '../../app/articles.js';
import type { Store } from '../../store/types.js';
import { searchQuerySchema } from '../params.js';
import { searchSchema, statsSchema } from '../schemas.js';
import { withSchema } from '../zod.js';
import { readErrors } from './events.js';

export function searchRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/search',
    withSchema({ summary: 'Full-text search over article text', querystring: searchQuerySchema, response: { 200: searchSchema, ...readErrors } }),
    async (req) => {
      const q = req.query as z.output<typeof searchQuerySchema>;
      return { q: q.q, items: await searchArticles(store, q.q, q.limit) };
    },
  );

  app.get(
    '/api/stats',
    withSchema({ summary: 'How many articles and events are stored', response: { 200: statsSchema, 401: readErrors[401] } }),
    async () => counts(store),
  );
}
