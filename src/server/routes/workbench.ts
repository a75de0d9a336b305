// GET /api/overview, /api/map, /api/map/events, /api/network and /api/brief: the analyst's views.
// Each takes the event filter (the UI's facets), so a click on a type, a country or an outlet
// narrows every view alike; the lists also download as CSV or JSON (?format=).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Reads } from '../../app/reads.js';
import { contextOf } from '../context.js';
import { formatField, rowsFile, sendFile } from '../downloads.js';
import { eventFilterFields, eventFilterSchema } from '../../filter/index.js';
import { eventQuerySchema, toEventFilter } from '../params.js';
import { eventSchema, mergedEventSchema, placeSchema } from '../schemas.js';
import { withSchema } from '../zod.js';
import { readErrors } from './events.js';

const count = z.number().int();
const facet = z.array(z.object({ value: z.string(), count, name: z.string().optional() }));

const overviewSchema = z.object({
  totals: z.object({ articles: count, events: count, happened: count.meta({ description: 'Mentions reported as having happened (not denied, not hypothetical)' }), located: count, outlets: count }),
  dyads: z.array(z.object({ a: z.string(), b: z.string(), a_name: z.string().optional(), b_name: z.string().optional(), count, spark: z.array(count) })),
  spark_months: z.array(z.string()),
  facets: z.object({ type: facet, country: facet, outlet: facet }),
  balance: z.array(
    z.object({ period: z.string(), events: count, happened: count, cooperation: count, conflict: count, goldstein_mean: z.number().nullable() }),
  ).meta({ description: 'Per month: cooperation (Goldstein > 0) and conflict (< 0) among the events that happened; denied and hypothetical ones have no score' }),
});

const mapSchema = z.object({
  points: z.array(placeSchema.extend({ key: z.string(), count, happened: count, goldstein_mean: z.number().nullable() })),
  total: count,
  located: count,
});

const networkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string().optional(), count })),
  edges: z.array(z.object({ a: z.string(), b: z.string(), count, happened: count, cooperation: count, conflict: count, goldstein_mean: z.number().nullable() })),
  linked: count,
  total: count,
});

/** The filter without paging, plus ?format= for the lists. */
const viewQuery = eventFilterSchema.extend({ format: formatField });
type ViewQuery = z.output<typeof viewQuery>;
const filterOf = (q: ViewQuery) => {
  const { limit: _l, offset: _o, ...filter } = toEventFilter({ ...q, limit: 1, offset: 0 });
  return filter;
};

const placeQuery = eventQuerySchema.extend({ place: z.string().min(1).max(300).meta({ description: 'A map point\'s key' }) });

const briefQuery = z.object({
  dyad: eventFilterFields.dyad,
  since: eventFilterFields.since.optional(),
  until: eventFilterFields.until.optional(),
});

export function workbenchRoutes(app: FastifyInstance, reads: Reads): void {
  app.get(
    '/api/overview',
    withSchema({
      summary: 'Totals, the busiest dyads with a monthly sparkline, counts by type, country and outlet, and the cooperation/conflict balance per month',
      querystring: viewQuery,
      response: { 200: overviewSchema, ...readErrors },
    }),
    async (req, reply) => {
      const q = req.query as ViewQuery;
      const o = await reads.run('overview', [filterOf(q)], contextOf(req));
      if (q.format) return sendFile(reply, q.format, 'dyads', rowsFile(q.format, ['a', 'a_name', 'b', 'b_name', 'count'], o.dyads));
      return o;
    },
  );

  app.get(
    '/api/map',
    withSchema({ summary: 'Places of the matching events with coordinates, busiest first', querystring: viewQuery, response: { 200: mapSchema, ...readErrors } }),
    async (req, reply) => {
      const q = req.query as ViewQuery;
      const m = await reads.run('map', [filterOf(q)], contextOf(req));
      if (q.format) return sendFile(reply, q.format, 'places', rowsFile(q.format, ['name', 'country', 'lat', 'lon', 'count', 'happened', 'goldstein_mean'], m.points));
      return m;
    },
  );

  app.get(
    '/api/map/events',
    withSchema({
      summary: 'The event mentions at one map point',
      querystring: placeQuery,
      response: { 200: z.object({ items: z.array(eventSchema), total: count, limit: count, offset: count }), ...readErrors },
    }),
    async (req) => {
      const q = req.query as z.output<typeof placeQuery>;
      const { limit: _l, offset: _o, ...filter } = toEventFilter(q);
      const r = await reads.run('eventsAtPlace', [filter, q.place, q.limit, q.offset], contextOf(req));
      return { ...r, limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/api/network',
    withSchema({
      summary: 'Actors (countries, organisations) as nodes and their event counts as edges, with cooperation and conflict among the events that happened',
      querystring: viewQuery,
      response: { 200: networkSchema, ...readErrors },
    }),
    async (req, reply) => {
      const q = req.query as ViewQuery;
      const n = await reads.run('network', [filterOf(q)], contextOf(req));
      if (q.format) return sendFile(reply, q.format, 'network', rowsFile(q.format, ['a', 'b', 'count', 'happened', 'cooperation', 'conflict', 'goldstein_mean'], n.edges));
      return n;
    },
  );

  app.get(
    '/api/brief',
    withSchema({
      summary: 'The brief of one dyad and period (as `demarche brief`): merged events, their sources, the monthly Goldstein line',
      querystring: briefQuery,
      response: {
        200: z.object({
          options: z.looseObject({}),
          generated: z.string(),
          events: z.array(mergedEventSchema),
          sources: z.record(z.string(), z.object({ title: z.string().nullable(), source: z.string(), url: z.string().nullable(), published: z.string().nullable(), duplicate_of: z.string().nullable() })),
          months: z.array(z.object({ month: z.string(), events: count, sum: z.number(), mean: z.number() })),
        }),
        ...readErrors,
      },
    }),
    async (req) => {
      const q = req.query as z.output<typeof briefQuery>;
      return reads.run('brief', [{ dyad: q.dyad as [string, string], since: q.since, until: q.until }], contextOf(req));
    },
  );
}
