// GET /api/search (full-text hits) and GET /api/stats (what the store holds).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ReadContext, Reads } from '../../app/reads.js';
import type { Counts } from '../counts.js';
import { contextOf } from '../context.js';
import { searchQuerySchema } from '../params.js';
import { searchSchema, statsSchema } from '../schemas.js';
import { withSchema } from '../zod.js';
import { readErrors } from './events.js';

export function searchRoutes(app: FastifyInstance, reads: Reads, counts: (ctx: ReadContext) => Promise<Counts>): void {
  app.get(
    '/api/search',
    withSchema({
      summary: 'Full-text search over article text',
      description:
        'All words required. Hits are ranked among the most recently stored matches (at most 2000): a query of very common words ' +
        'answers as fast as any; `cut` says when more articles matched than were ranked.',
      querystring: searchQuerySchema,
      response: { 200: searchSchema, ...readErrors },
    }),
    async (req) => {
      const q = req.query as z.output<typeof searchQuerySchema>;
      return { q: q.q, ...(await reads.run('search', [q.q, q.limit], contextOf(req))) };
    },
  );

  app.get(
    '/api/stats',
    withSchema({ summary: 'How many articles and events are stored (at most a quarter of a second old)', response: { 200: statsSchema, 401: readErrors[401], 429: readErrors[429], 503: readErrors[503] } }),
    async (req) => counts(contextOf(req)),
  );
}
