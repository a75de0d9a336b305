// GET /api/dyads (the busiest country pairs, for the picker) and GET /api/dyads/:a/:b/timeline.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { DyadCount } from '../../app/dyads.js';
import type { ReadContext, Reads } from '../../app/reads.js';
import type { Counts } from '../counts.js';
import { contextOf } from '../context.js';
import { dyadParams, timelineQuerySchema } from '../params.js';
import { dyadsSchema, timelineSchema } from '../schemas.js';
import { withSchema } from '../zod.js';
import { readErrors } from './events.js';

const DYAD_REFRESH_MS = 10_000;
const TIMELINE_CACHE = 64;

export function dyadRoutes(app: FastifyInstance, reads: Reads, counts: (ctx: ReadContext) => Promise<Counts>): void {
  // Ranking scans events, so it is cached until the number of stored events changes, and during
  // a running ingest recomputed at most every DYAD_REFRESH_MS.
  let cache: { events: number; at: number; dyads: DyadCount[] } | null = null;

  app.get('/api/dyads', withSchema({ summary: 'Busiest country pairs', response: { 200: dyadsSchema, 401: readErrors[401], 429: readErrors[429], 503: readErrors[503] } }), async (req) => {
    const { events: n } = await counts(contextOf(req));
    if (!cache || (cache.events !== n && Date.now() - cache.at > DYAD_REFRESH_MS)) {
      cache = { events: n, at: Date.now(), dyads: await reads.run('busiestDyads', [], contextOf(req)) };
    }
    return { items: cache.dyads };
  });

  // Timelines are cached per query until the number of stored events changes (the chart reloads
  // the same one whenever the user goes back to it).
  const timelines = new Map<string, { events: number; body: object }>();

  app.get(
    '/api/dyads/:a/:b/timeline',
    withSchema({
      summary: 'Events of a dyad per period',
      params: dyadParams,
      querystring: timelineQuerySchema,
      response: { 200: timelineSchema, ...readErrors },
    }),
    async (req) => {
      const { a, b } = req.params as z.output<typeof dyadParams>;
      const q = req.query as z.output<typeof timelineQuerySchema>;
      const key = JSON.stringify([a, b, q]);
      const { events: n } = await counts(contextOf(req));
      const hit = timelines.get(key);
      if (hit && hit.events === n) return hit.body;
      const body = await reads.run('dyadTimeline', [a, b, q], contextOf(req));
      if (timelines.size >= TIMELINE_CACHE) timelines.delete(timelines.keys().next().value!);
      timelines.set(key, { events: n, body });
      return body;
    },
  );
}
