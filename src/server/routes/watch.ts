// GET /api/alerts, /api/alerts/:name/hits, /api/watch and /api/new: what `demarche watch` keeps.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Reads } from '../../app/reads.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { pagingSchema } from '../params.js';
import { errorAnswer, mergedEventSchema } from '../schemas.js';
import { withSchema } from '../zod.js';
import { readErrors } from './events.js';

const nstr = z.string().nullable();

const alertSchema = z
  .object({
    name: z.string(),
    filter: z.looseObject({}).meta({ description: 'The event filter, as in GET /api/events' }),
    webhook: nstr.meta({ description: "Where hits are POSTed (scheme and host only; the path may hold a secret)" }),
    created_at: z.string(),
    hits: z.number().int(),
    last_hit_at: nstr,
  })
  .meta({ id: 'Alert' });

const hitSchema = z
  .object({
    alert: z.string(),
    hit: z.string(),
    found_at: z.string(),
    event: mergedEventSchema,
    articles: z.array(z.object({ id: z.string(), title: nstr, url: nstr, published: nstr, duplicate_of: nstr })),
  })
  .meta({ id: 'AlertHit' });

const feedSchema = z.object({
  url: z.string(),
  title: nstr,
  checked_at: nstr,
  changed_at: nstr,
  status: nstr,
  failures: z.number().int(),
  error: nstr,
  retry_at: nstr,
  pages: z.number().int(),
});

const watchSchema = z.object({
  feeds: z.array(feedSchema),
  pages: z.object({ pending: z.number().int(), stored: z.number().int(), queued: z.number().int(), failed: z.number().int() }),
  rounds: z.array(z.object({ id: z.number().int(), started_at: z.string(), finished_at: nstr, summary: z.looseObject({}).nullable() })),
});

const newQuery = z.object({
  since: z.iso
    .datetime({ offset: true, error: 'expected an ISO 8601 time, e.g. 2026-01-31T08:00:00Z' })
    .optional()
    .meta({ description: 'Stored after this time (default: the start of the latest watch round)' }),
});

const nameParams = z.object({ name: z.string().min(1).max(64).meta({ description: 'Alert name' }) });

/** Only where a webhook goes: its path and query may carry a token. */
function webhookOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The answers a read endpoint without parameters may give besides its own. */
const plainReadErrors = { 401: readErrors[401], 429: readErrors[429], 503: readErrors[503] };

export function watchRoutes(app: FastifyInstance, reads: Reads): void {
  app.get('/api/alerts', withSchema({ summary: 'Saved alerts', response: { 200: z.object({ items: z.array(alertSchema) }), ...plainReadErrors } }), async (req) => ({
    items: (await reads.run('listAlerts', [], contextOf(req))).map((a) => ({
      name: a.name, filter: a.filter, webhook: webhookOrigin(a.webhook), created_at: a.created_at, hits: a.hits, last_hit_at: a.last_hit_at,
    })),
  }));

  app.get(
    '/api/alerts/:name/hits',
    withSchema({
      summary: "An alert's hits, newest first",
      params: nameParams,
      querystring: pagingSchema,
      response: { 200: z.object({ items: z.array(hitSchema), limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable() }), ...readErrors, 404: errorAnswer('No such alert') },
    }),
    async (req) => {
      const { name } = req.params as z.output<typeof nameParams>;
      const { limit, offset } = req.query as z.output<typeof pagingSchema>;
      const hits = await reads.run('alertHits', [name, limit + 1, offset], contextOf(req));
      if (!hits) throw notFound(`alert ${name}`);
      return { items: hits.slice(0, limit), limit, offset, next_offset: hits.length > limit ? offset + limit : null };
    },
  );

  app.get('/api/watch', withSchema({ summary: 'Watched feeds, their pages and the latest rounds', response: { 200: watchSchema, ...plainReadErrors } }), async (req) =>
    reads.run('watchStatus', [], contextOf(req)),
  );

  app.get(
    '/api/new',
    withSchema({
      summary: 'Event mentions stored since a time (the "new since" marker)',
      querystring: newQuery,
      response: { 200: z.object({ since: nstr, events: z.array(z.string()), truncated: z.boolean() }), ...readErrors },
    }),
    async (req) => reads.run('newSince', [(req.query as z.output<typeof newQuery>).since], contextOf(req)),
  );
}
