// GET /api/search (full-text hits) and GET /api/stats (what the store holds).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ReadContext, Reads } from '../../app/reads.js';
import type { Counts } from '../counts.js';
import { contextOf } from '../context.js';
import { searchQuerySchema } from '../params.js';
import { searchSchema, statsSchema } from '../schemas.js';
import { withSchema } from '../zod.js';
import { formatField, rowsFile, sendFile } from '../downloads.js';
import { readErrors } from './events.js';

const searchQuery = searchQuerySchema.extend({ format: formatField });

export function searchRoutes(app: FastifyInstance, reads: Reads, counts: (ctx: ReadContext) => Promise<Counts>): void {
  app.get(
    '/api/search',
    withSchema({
      summary: 'Full-text search over article text',
      description:
        'All words required. Hits are ranked among the most recently stored matches (at most 2000): a query of very common words ' +
        'answers as fast as any; `cut` says when more articles matched than were ranked. `total` counts the ranked hits, paged with ' +
        'offset/next_offset; `events_total` counts the event mentions whose evidence holds every word (list them with GET /api/events?text=).',
      querystring: searchQuery,
      response: { 200: searchSchema, ...readErrors },
    }),
    async (req, reply) => {
      const q = req.query as z.output<typeof searchQuery>;
      const [hits, events] = await Promise.all([
        reads.run('search', [q.q, q.limit, q.offset], contextOf(req)),
        reads.run('countEvents', [{ text: q.q }], contextOf(req)),
      ]);
      if (q.format) return sendFile(reply, q.format, 'search', rowsFile(q.format, ['article', 'title', 'published', 'snippet'], hits.items));
      return { q: q.q, ...hits, events_total: events };
    },
  );

  app.get(
    '/api/stats',
    withSchema({ summary: 'How many articles and events are stored (at most a quarter of a second old)', response: { 200: statsSchema, 401: readErrors[401], 429: readErrors[429], 503: readErrors[503] } }),
    async (req) => counts(contextOf(req)),
  );
}
