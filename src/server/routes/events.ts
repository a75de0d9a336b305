// GET /api/events, /api/events/:id, /api/merged.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Reads } from '../../app/reads.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { eventQuerySchema, idParams, toEventFilter } from '../params.js';
import { errorAnswer, eventDetailSchema, eventSchema, mergedEventSchema, pageOf } from '../schemas.js';
import { withSchema } from '../zod.js';

/** Fetches one row more than asked so the answer can say whether another page exists. */
export async function page<T>(limit: number, offset: number, fetch: (limit: number) => Promise<T[]>) {
  const rows = await fetch(limit + 1);
  return { items: rows.slice(0, limit), limit, offset, next_offset: rows.length > limit ? offset + limit : null };
}

/** The answers every read endpoint may give besides its own. */
export const readErrors = {
  400: errorAnswer('Invalid parameter'),
  401: errorAnswer('Token required (server started with --private)'),
  429: errorAnswer('Too many requests from this client (see Retry-After)'),
  503: errorAnswer('The answer took too long or the server is busy (see Retry-After)'),
};

type EventQuery = z.output<typeof eventQuerySchema>;

export function eventRoutes(app: FastifyInstance, reads: Reads): void {
  app.get(
    '/api/events',
    withSchema({ summary: 'Event mentions, filtered and paged', querystring: eventQuerySchema, response: { 200: pageOf(eventSchema), ...readErrors } }),
    async (req) => {
      const q = req.query as EventQuery;
      const filter = toEventFilter(q);
      return page(q.limit, q.offset, (limit) => reads.run('listEvents', [{ ...filter, limit }], contextOf(req)));
    },
  );

  const eventParams = idParams('Event');
  app.get(
    '/api/events/:id',
    withSchema({
      summary: 'One event mention with its article and the merged event it belongs to',
      params: eventParams,
      response: { 200: eventDetailSchema, ...readErrors, 404: errorAnswer('No such event') },
    }),
    async (req) => {
      const { id } = req.params as z.output<typeof eventParams>;
      const detail = await reads.run('eventDetail', [id], contextOf(req));
      if (!detail) throw notFound(`event ${id}`);
      return detail;
    },
  );

  app.get(
    '/api/merged',
    withSchema({
      summary: 'Events merged across articles (contested = sources disagree)',
      querystring: eventQuerySchema,
      response: { 200: pageOf(mergedEventSchema), ...readErrors },
    }),
    async (req) => {
      const q = req.query as EventQuery;
      const filter = toEventFilter(q);
      return page(q.limit, q.offset, (limit) => reads.run('listMerged', [{ ...filter, limit }], contextOf(req)));
    },
  );
}
