// GET /api/events, /api/events/:id, /api/merged.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Reads } from '../../app/reads.js';
import { contextOf } from '../context.js';
import { downloadLimit, formatField, MAX_DOWNLOAD, sendFile } from '../downloads.js';
import { HttpError, notFound } from '../errors.js';
import { eventQuerySchema, idParams, MAX_LIMIT, toEventFilter } from '../params.js';
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

type EventQuery = z.output<typeof eventListQuery>;

/** The event filter, paging, and ?format= for a download (with its larger limit). */
export const eventListQuery = eventQuerySchema.extend({ limit: downloadLimit, format: formatField });

/** A page holds at most MAX_LIMIT rows; more only as a download. */
export function checkPageLimit(q: { limit: number; format?: string }): void {
  if (!q.format && q.limit > MAX_LIMIT) throw new HttpError(400, `invalid limit: a page holds at most ${MAX_LIMIT} rows (ask for format=csv or json to download up to ${MAX_DOWNLOAD})`);
}

export function eventRoutes(app: FastifyInstance, reads: Reads): void {
  app.get(
    '/api/events',
    withSchema({
      summary: 'Event mentions, filtered and paged (total: how many match); format=csv|json downloads them with the export columns',
      querystring: eventListQuery,
      response: { 200: pageOf(eventSchema).extend({ total: z.number().int() }), ...readErrors },
    }),
    async (req, reply) => {
      const q = req.query as EventQuery;
      checkPageLimit(q);
      const filter = toEventFilter(q);
      if (q.format) return sendFile(reply, q.format, 'events', await reads.run('exportRows', [filter, q.format, false], contextOf(req)));
      const [answer, total] = await Promise.all([
        page(q.limit, q.offset, (limit) => reads.run('listEvents', [{ ...filter, limit }], contextOf(req))),
        reads.run('countEvents', [filter], contextOf(req)),
      ]);
      return { ...answer, total };
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
      querystring: eventListQuery,
      response: { 200: pageOf(mergedEventSchema), ...readErrors },
    }),
    async (req, reply) => {
      const q = req.query as EventQuery;
      checkPageLimit(q);
      const filter = toEventFilter(q);
      if (q.format) return sendFile(reply, q.format, 'merged-events', await reads.run('exportRows', [filter, q.format, true], contextOf(req)));
      return page(q.limit, q.offset, (limit) => reads.run('listMerged', [{ ...filter, limit }], contextOf(req)));
    },
  );
}
